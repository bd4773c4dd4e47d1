/**
 * The EC2 adapter: the few EC2 calls the bot makes, as plain data, with errors reduced to a code a person can
 * act on. The SDK is loaded on first use, so paths that never call AWS (help, compare) never pay for it.
 */
import type { EC2Client, EC2ClientConfig } from '@aws-sdk/client-ec2';

export interface DnsEntry {
  dnsName: string;
  hostedZoneId?: string;
}

export interface Endpoint {
  id: string;
  type: string;
  serviceName: string;
  state: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  ipAddressType?: string;
  createdAt?: string;
  lastError?: { code: string; message: string };
  dnsEntries: DnsEntry[];
  tags: Record<string, string>;
  serviceRegion?: string;
}

export interface EndpointService {
  serviceName: string;
  serviceId?: string;
  types: string[];
  privateDnsName?: string;
  acceptanceRequired: boolean;
  policySupported: boolean;
  availabilityZones: string[];
  owner?: string;
  ipAddressTypes: string[];
  serviceRegion?: string;
}

export interface Subnet {
  id: string;
  vpcId: string;
  availabilityZone: string;
}

export interface SecurityGroupRule {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidrs: string[];
  /** Other security groups or prefix lists allowed as sources. */
  sources: string[];
}

export interface SecurityGroup {
  id: string;
  vpcId: string;
  name: string;
  inbound: SecurityGroupRule[];
}

export interface EndpointFilter {
  ids?: string[];
  vpcId?: string;
  serviceNames?: string[];
  state?: string;
  type?: string;
  tag?: { key: string; value: string };
}

export interface CreateEndpointParams {
  vpcId: string;
  serviceName: string;
  subnetIds: string[];
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  ipAddressType?: string;
  /** Idempotency: EC2 returns the same endpoint for a repeated token. Empty for dry runs. */
  clientToken: string;
  tags: Record<string, string>;
}

/** What the bot asks of EC2; a fake implements it in tests above the adapter. */
export interface Ec2Api {
  describeEndpoints(region: string, filter: EndpointFilter, signal?: AbortSignal): Promise<Endpoint[]>;
  /** Pages until at least `limit` endpoints are read; `complete` is false when EC2 has more. */
  listEndpoints(region: string, filter: EndpointFilter, options: { limit: number; signal?: AbortSignal }): Promise<{ endpoints: Endpoint[]; complete: boolean }>;
  describeServices(region: string, serviceNames: string[] | undefined, signal?: AbortSignal): Promise<EndpointService[]>;
  describeSubnets(region: string, ids: string[], signal?: AbortSignal): Promise<Subnet[]>;
  describeSecurityGroups(region: string, ids: string[], signal?: AbortSignal): Promise<SecurityGroup[]>;
  describeVpcAttribute(region: string, vpcId: string, attribute: 'enableDnsSupport' | 'enableDnsHostnames', signal?: AbortSignal): Promise<boolean>;
  /** With dryRun: resolves when the role may create it (EC2 answers DryRunOperation), else rejects. */
  createEndpoint(region: string, params: CreateEndpointParams, options: { dryRun: boolean; signal?: AbortSignal }): Promise<Endpoint | undefined>;
}

/** An EC2 failure: `code` is EC2's error code, or one of ours for the network and credentials. */
export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly action: string,
    readonly region: string,
  ) {
    super(message);
    this.name = 'Ec2Error';
  }
}

export const THROTTLING_CODES = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException']);

function toEc2Error(error: unknown, action: string, region: string): Ec2Error {
  if (error instanceof Ec2Error) return error;
  const e = error as { name?: string; code?: string; message?: string; $metadata?: unknown };
  const message = e?.message ?? String(error);
  if (e?.name === 'AbortError') return new Ec2Error('Aborted', message, action, region);
  if (e?.name === 'CredentialsProviderError' || /credential/i.test(e?.name ?? '')) return new Ec2Error('NoCredentials', message, action, region);
  // Socket errors first: the SDK names a connection reset `TimeoutError` too.
  if (e?.code && /^E[A-Z]+$/.test(e.code) && e.code !== 'ETIMEDOUT') return new Ec2Error('Unreachable', `${e.code}: ${message}`, action, region);
  if (e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT' || /timed? ?out|requestTimeout/i.test(message)) return new Ec2Error('Timeout', message, action, region);
  if (e?.$metadata !== undefined && e.name) return new Ec2Error(e.name, message, action, region);
  return new Ec2Error('Unreachable', message, action, region);
}

export interface Ec2AdapterOptions {
  /** Extra client config: credentials, endpoint, retries; production relies on the SDK's defaults and AWS_ENDPOINT_URL_EC2. */
  clientConfig?: Partial<EC2ClientConfig>;
}

type Sdk = typeof import('../sdk/ec2.js');

const PAGE_SIZE = 1000;

/** The EC2 adapter over @aws-sdk/client-ec2, one client per region, loaded on first use. */
export function createEc2Adapter(options: Ec2AdapterOptions = {}): Ec2Api {
  let sdk: Promise<Sdk> | undefined;
  const clients = new Map<string, EC2Client>();

  async function client(region: string): Promise<{ sdk: Sdk; client: EC2Client }> {
    sdk ??= import('../sdk/ec2.js');
    const loaded = await sdk;
    let c = clients.get(region);
    if (!c) {
      c = new loaded.EC2Client({
        region,
        maxAttempts: 4,
        requestHandler: { connectionTimeout: 2000, requestTimeout: 10_000, throwOnRequestTimeout: true },
        ...options.clientConfig,
      });
      clients.set(region, c);
    }
    return { sdk: loaded, client: c };
  }

  async function call<T>(region: string, action: string, fn: (s: { sdk: Sdk; client: EC2Client }) => Promise<T>): Promise<T> {
    try {
      return await fn(await client(region));
    } catch (error) {
      throw toEc2Error(error, action, region);
    }
  }

  const listEndpoints: Ec2Api['listEndpoints'] = (region, filter, { limit, signal }) =>
    call(region, 'ec2:DescribeVpcEndpoints', async ({ sdk, client }) => {
      const filters = [
        filter.vpcId && { Name: 'vpc-id', Values: [filter.vpcId] },
        filter.serviceNames && { Name: 'service-name', Values: filter.serviceNames },
        filter.state && { Name: 'vpc-endpoint-state', Values: [filter.state] },
        filter.type && { Name: 'vpc-endpoint-type', Values: [filter.type] },
        filter.tag && { Name: `tag:${filter.tag.key}`, Values: [filter.tag.value] },
      ].filter((f): f is { Name: string; Values: string[] } => Boolean(f));
      const endpoints: Endpoint[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new sdk.DescribeVpcEndpointsCommand({
            ...(filter.ids && { VpcEndpointIds: filter.ids }),
            ...(filters.length > 0 && { Filters: filters }),
            // EC2 rejects MaxResults together with explicit ids.
            ...(!filter.ids && { MaxResults: PAGE_SIZE }),
            ...(nextToken && { NextToken: nextToken }),
          }),
          { abortSignal: signal },
        );
        for (const e of page.VpcEndpoints ?? []) endpoints.push(toEndpoint(e));
        nextToken = page.NextToken;
      } while (nextToken && endpoints.length < limit);
      return { endpoints, complete: !nextToken };
    });

  return {
    listEndpoints,
    describeEndpoints: async (region, filter, signal) => (await listEndpoints(region, filter, { limit: Infinity, ...(signal && { signal }) })).endpoints,

    describeServices: (region, serviceNames, signal) =>
      call(region, 'ec2:DescribeVpcEndpointServices', async ({ sdk, client }) => {
        const services: EndpointService[] = [];
        let nextToken: string | undefined;
        do {
          const page = await client.send(
            new sdk.DescribeVpcEndpointServicesCommand({
              ...(serviceNames && { ServiceNames: serviceNames }),
              MaxResults: PAGE_SIZE,
              ...(nextToken && { NextToken: nextToken }),
            }),
            { abortSignal: signal },
          );
          for (const s of page.ServiceDetails ?? []) {
            services.push({
              serviceName: s.ServiceName ?? '',
              ...(s.ServiceId && { serviceId: s.ServiceId }),
              types: (s.ServiceType ?? []).map((t) => t.ServiceType ?? '').filter(Boolean),
              ...(s.PrivateDnsName && { privateDnsName: s.PrivateDnsName }),
              acceptanceRequired: s.AcceptanceRequired ?? false,
              policySupported: s.VpcEndpointPolicySupported ?? false,
              availabilityZones: s.AvailabilityZones ?? [],
              ...(s.Owner && { owner: s.Owner }),
              ipAddressTypes: s.SupportedIpAddressTypes ?? [],
              ...(s.ServiceRegion && { serviceRegion: s.ServiceRegion }),
            });
          }
          nextToken = page.NextToken;
        } while (nextToken);
        return services;
      }),

    describeSubnets: (region, ids, signal) =>
      call(region, 'ec2:DescribeSubnets', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeSubnetsCommand({ SubnetIds: ids }), { abortSignal: signal });
        return (page.Subnets ?? []).map((s) => ({ id: s.SubnetId ?? '', vpcId: s.VpcId ?? '', availabilityZone: s.AvailabilityZone ?? '' }));
      }),

    describeSecurityGroups: (region, ids, signal) =>
      call(region, 'ec2:DescribeSecurityGroups', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeSecurityGroupsCommand({ GroupIds: ids }), { abortSignal: signal });
        return (page.SecurityGroups ?? []).map((g) => ({
          id: g.GroupId ?? '',
          vpcId: g.VpcId ?? '',
          name: g.GroupName ?? '',
          inbound: (g.IpPermissions ?? []).map((p) => ({
            protocol: p.IpProtocol ?? '-1',
            ...(p.FromPort !== undefined && { fromPort: p.FromPort }),
            ...(p.ToPort !== undefined && { toPort: p.ToPort }),
            cidrs: [...(p.IpRanges ?? []).map((r) => r.CidrIp ?? ''), ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? '')].filter(Boolean),
            sources: [...(p.UserIdGroupPairs ?? []).map((u) => u.GroupId ?? ''), ...(p.PrefixListIds ?? []).map((l) => l.PrefixListId ?? '')].filter(Boolean),
          })),
        }));
      }),

    describeVpcAttribute: (region, vpcId, attribute, signal) =>
      call(region, 'ec2:DescribeVpcAttribute', async ({ sdk, client }) => {
        const result = await client.send(new sdk.DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: attribute }), { abortSignal: signal });
        return (attribute === 'enableDnsSupport' ? result.EnableDnsSupport?.Value : result.EnableDnsHostnames?.Value) ?? false;
      }),

    createEndpoint: (region, params, { dryRun, signal }) =>
      call(region, 'ec2:CreateVpcEndpoint', async ({ sdk, client }) => {
        const command = new sdk.CreateVpcEndpointCommand({
          DryRun: dryRun,
          VpcEndpointType: 'Interface',
          VpcId: params.vpcId,
          ServiceName: params.serviceName,
          SubnetIds: params.subnetIds,
          ...(params.securityGroupIds.length > 0 && { SecurityGroupIds: params.securityGroupIds }),
          PrivateDnsEnabled: params.privateDnsEnabled,
          ...(params.ipAddressType && {
            IpAddressType: params.ipAddressType as 'ipv4',
            DnsOptions: { DnsRecordIpType: params.ipAddressType as 'ipv4' },
          }),
          ...(params.clientToken && { ClientToken: params.clientToken }),
          ...(Object.keys(params.tags).length > 0 && {
            TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: Object.entries(params.tags).map(([Key, Value]) => ({ Key, Value })) }],
          }),
        });
        try {
          const result = await client.send(command, { abortSignal: signal });
          return result.VpcEndpoint ? toEndpoint(result.VpcEndpoint) : undefined;
        } catch (error) {
          // A dry run that would have succeeded fails with DryRunOperation.
          if (dryRun && (error as { name?: string }).name === 'DryRunOperation') return undefined;
          throw error;
        }
      }),
  };
}

type SdkEndpoint = NonNullable<import('@aws-sdk/client-ec2').DescribeVpcEndpointsResult['VpcEndpoints']>[number];

function toEndpoint(e: SdkEndpoint): Endpoint {
  return {
    id: e.VpcEndpointId ?? '',
    type: e.VpcEndpointType ?? '',
    serviceName: e.ServiceName ?? '',
    state: e.State ?? '',
    vpcId: e.VpcId ?? '',
    subnetIds: e.SubnetIds ?? [],
    securityGroupIds: (e.Groups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
    privateDnsEnabled: e.PrivateDnsEnabled ?? false,
    ...(e.IpAddressType && { ipAddressType: e.IpAddressType }),
    ...(e.CreationTimestamp && { createdAt: e.CreationTimestamp.toISOString() }),
    ...(e.LastError?.Code && { lastError: { code: e.LastError.Code, message: e.LastError.Message ?? '' } }),
    dnsEntries: (e.DnsEntries ?? []).map((d) => ({ dnsName: d.DnsName ?? '', ...(d.HostedZoneId && { hostedZoneId: d.HostedZoneId }) })).filter((d) => d.dnsName),
    tags: Object.fromEntries((e.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    ...(e.ServiceRegion && { serviceRegion: e.ServiceRegion }),
  };
}
