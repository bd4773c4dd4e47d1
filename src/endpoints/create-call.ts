/**
 * The one CreateVpcEndpoint call of a request, built in one place: the preflight's DryRun and the worker's real
 * create both take it from here, so the DryRun proves permission for exactly what will be sent, tags included.
 */
import { GATEWAY_SERVICES } from '../aws/vocabulary.js';
import type { EndpointParams } from '../aws/endpoint.js';
import type { CreateEndpointParams } from './ec2-api.js';

/** `com.amazonaws.<region>.s3` → `s3`; global names (`com.amazonaws.iam`) → `iam`; endpoint services → undefined. */
export function awsServiceShortName(serviceName: string): string | undefined {
  if (serviceName.startsWith('com.amazonaws.vpce.')) return undefined;
  const regional = /^com\.amazonaws\.[a-z]{2}(?:-[a-z]+)+-\d+\.(.+)$/.exec(serviceName);
  if (regional) return regional[1];
  const global = /^com\.amazonaws\.(.+)$/.exec(serviceName);
  if (global) return global[1];
  return serviceName.startsWith('aws.') ? serviceName : undefined;
}

export function offersBothTypes(serviceName: string): boolean {
  return GATEWAY_SERVICES.has(awsServiceShortName(serviceName) ?? '');
}

export interface CallParties {
  requestId: string;
  requester: string;
  /** Unknown at preflight: the DryRun sends the same tag key with an empty value. */
  approver?: string;
  /** A member account's 12-digit id (or its alias when the role ARN did not say): part of the ClientToken. */
  account?: string;
}

/**
 * The ClientToken of a request's create: the request id in the bot's own account (as before accounts existed, so a
 * create resumed across an upgrade keeps its token), and request, account and region in a member account. EC2 keeps
 * a token per account and region; naming both makes one request's token never match another create.
 * At most 64 ASCII characters: https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html
 */
export function clientTokenFor(requestId: string, region: string, account?: string): string {
  return account ? `${requestId}-${account}-${region}`.slice(0, 64) : requestId;
}

export const TAG_KEYS = { request: 'privatelink:request', requester: 'privatelink:requester', approver: 'privatelink:approver' } as const;

/**
 * The session tag the worker sets when it assumes a member account's role to preflight or create: that role's
 * create statements require it, and only the worker's role may set it (deploy/member-role.yml), so a session of the
 * Slack function can look up but never create. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
export const CREATE_SESSION_TAG = { key: 'privatelink:purpose', value: 'create' } as const;

/**
 * The parameters for CreateVpcEndpoint. Private DNS is always explicit; for S3 and DynamoDB the inbound-only
 * flag is explicit too, because EC2 defaults it to true when private DNS is on and then refuses the create unless
 * the VPC has a gateway endpoint for the service
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html).
 */
export function createEndpointCall(params: EndpointParams, parties: CallParties): CreateEndpointParams {
  const privateDnsEnabled = params.privateDns !== 'off';
  const inboundFlag = privateDnsEnabled && (params.privateDns === 'inbound-only' || offersBothTypes(params.serviceName));
  return {
    vpcId: params.vpcId,
    serviceName: params.serviceName,
    subnetIds: params.subnetIds,
    securityGroupIds: params.securityGroupIds,
    privateDnsEnabled,
    ...(inboundFlag && { privateDnsOnlyForInboundResolverEndpoint: params.privateDns === 'inbound-only' }),
    ...(params.ipAddressType && { ipAddressType: params.ipAddressType }),
    ...(params.serviceRegion && { serviceRegion: params.serviceRegion }),
    clientToken: clientTokenFor(parties.requestId, params.region, parties.account),
    tags: {
      Name: `${params.serviceName.split('.').at(-1)} (${parties.requestId})`,
      [TAG_KEYS.request]: parties.requestId,
      [TAG_KEYS.requester]: parties.requester,
      [TAG_KEYS.approver]: parties.approver ?? '',
    },
  };
}
