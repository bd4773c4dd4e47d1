/**
 * The shared vocabulary of an interface endpoint request: what an approver approves, how its DNS and IP options
 * are spelled, and what a preflight check says. Pure types and constants; it imports nothing, so the grammar,
 * preflight, the request model, the catalog and the views can all use it without importing each other.
 */

export type IpAddressType = 'ipv4' | 'dualstack' | 'ipv6';

/**
 * `inbound-only`: private DNS answered only for the Route 53 Resolver inbound endpoint (on-premises), in-VPC
 * traffic staying on the gateway endpoint; for services offering both endpoint types (S3, DynamoDB).
 */
export type PrivateDnsMode = 'on' | 'off' | 'inbound-only';
export const PRIVATE_DNS_MODES: readonly PrivateDnsMode[] = ['on', 'off', 'inbound-only'];

/** The port of AWS service APIs; endpoint services are reached on their listeners' ports instead. */
export const DEFAULT_PORTS: readonly number[] = [443];

/** The exact CreateVpcEndpoint parameters an approver approves. */
export interface EndpointParams {
  region: string;
  serviceName: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  privateDns: PrivateDnsMode;
  ipAddressType?: IpAddressType;
  /** The TCP ports clients use (the security group and NACL checks look at these). */
  ports: number[];
  /** Cross-region: the region the endpoint service lives in (sent as ServiceRegion). */
  serviceRegion?: string;
}

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface PreflightCheck {
  check:
    | 'ids'
    | 'service'
    | 'subnets'
    | 'security-groups'
    | 'private-dns'
    | 'ip-type'
    | 'free-ips'
    | 'quota'
    | 'availability-zones'
    | 'network-acls'
    | 'cross-region'
    | 'permission';
  status: CheckStatus;
  /** A message catalog key under `preflight`; `values` fill it in. */
  code: string;
  values: Record<string, string>;
}

/** An endpoint's DNS names, as the approval message and the lookups show them. */
export interface EndpointDnsNames {
  /** The service's own name (e.g. kinesis.ap-northeast-1.amazonaws.com), when private DNS is on. */
  privateDnsName?: string;
  /** The endpoint-specific regional name: resolves to the endpoint's addresses in every AZ. */
  regional?: string;
  zonal: { availabilityZone: string; name: string }[];
}

/** Every finding code the preflight emits: the message catalog words each one. */
export const PREFLIGHT_CODES = [
  'idsOk',
  'noRegion',
  'regionNotAllowed',
  'serviceOk',
  'serviceNotFound',
  'serviceNotInterface',
  'serviceNeedsAcceptance',
  'subnetsOk',
  'subnetNotFound',
  'subnetOtherVpc',
  'subnetSameAz',
  'subnetAzUnsupported',
  'defaultSecurityGroup',
  'groupsOk',
  'groupNotFound',
  'groupOtherVpc',
  'groupNoPort',
  'groupPartialCoverage',
  'groupOutsideSources',
  'groupOpenToWorld',
  'privateDnsOff',
  'vpcNotFound',
  'vpcDnsAttributes',
  'serviceNoPrivateDns',
  'privateDnsTaken',
  'privateDnsOk',
  'privateDnsAllResolvers',
  'privateDnsInboundOnly',
  'inboundOnlyNotBothTypes',
  'inboundOnlyNoGateway',
  'ipTypeOk',
  'ipv4NeedsIpv4Subnets',
  'dualstackNeedsDualSubnets',
  'ipv6NeedsIpv6OnlySubnets',
  'ipTypeUnsupported',
  'freeIpsOk',
  'subnetFull',
  'quotaOk',
  'quotaReached',
  'quotaUnchecked',
  'singleAz',
  'multiAz',
  'naclOk',
  'naclBlocksInbound',
  'naclBlocksReturn',
  'naclUnchecked',
  'crossRegionOk',
  'crossRegionNotListed',
  'crossRegionNotOffered',
  'permitted',
  'notPermitted',
  'sharedVpcParticipant',
  'ec2Error',
] as const;
export type PreflightCode = (typeof PREFLIGHT_CODES)[number];
/** Stored requests may hold a code an older or newer version wrote. */
export const isPreflightCode = (code: string): code is PreflightCode => (PREFLIGHT_CODES as readonly string[]).includes(code);
