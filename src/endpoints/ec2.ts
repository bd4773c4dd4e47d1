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
  /** DnsOptions (S3, DynamoDB): private DNS answered only for the Resolver inbound endpoint. */
  privateDnsOnlyForInboundResolverEndpoint?: boolean;
  dnsRecordIpType?: string;
  networkInterfaceIds?: string[];
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
  /** Free IPv4 addresses; an endpoint takes one per subnet. */
  availableIpAddressCount?: number;
  /** Absent on IPv6-only subnets. */
  ipv4Cidr?: string;
  ipv6Cidrs: string[];
  /** An IPv6-only subnet. */
  ipv6Native: boolean;
}

export interface Vpc {
  id: string;
  /** Associated IPv4 blocks, primary first. */
  cidrs: string[];
  ipv6Cidrs: string[];
}

export interface NetworkAclEntry {
  ruleNumber: number;
  egress: boolean;
  /** `-1` (all), or a protocol number as EC2 returns it (`6` TCP, `17` UDP). */
  protocol: string;
  allow: boolean;
  cidr?: string;
  ipv6Cidr?: string;
  fromPort?: number;
  toPort?: number;
}

export interface NetworkAcl {
  id: string;
  vpcId: string;
  subnetIds: string[];
  entries: NetworkAclEntry[];
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
  /** Cross-region PrivateLink: the endpoint service's region. */
  serviceRegion?: string;
  /** S3 and DynamoDB only (services offering both endpoint types); sent only when defined. */
  privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** Idempotency: EC2 returns the same endpoint for a repeated token. Empty for dry runs. */
  clientToken: string;
  tags: Record<string, string>;
}

/**
 * S3 and DynamoDB offer both endpoint types and come back as two ServiceDetails of one name, one per type (as moto
 * emulates them; the AWS CLI's describe-vpc-endpoint-services output for S3 shows the same). One service with both
 * types is what every check means; the Interface entry carries the private DNS name and IP types.
 */
export function mergeServiceTypes(services: EndpointService[]): EndpointService[] {
  const byName = new Map<string, EndpointService>();
  for (const service of services) {
    const key = `${service.serviceName} ${service.serviceRegion ?? ''}`;
    const seen = byName.get(key);
    if (!seen) {
      byName.set(key, service);
      continue;
    }
    const [main, other] = service.types.includes('Interface') ? [service, seen] : [seen, service];
    byName.set(key, {
      ...other,
      ...main,
      types: [...new Set([...seen.types, ...service.types])].sort((a, b) => (a === 'Interface' ? -1 : b === 'Interface' ? 1 : a.localeCompare(b))),
      ipAddressTypes: [...new Set([...seen.ipAddressTypes, ...service.ipAddressTypes])],
      availabilityZones: [...new Set([...seen.availabilityZones, ...service.availabilityZones])].sort(),
    });
  }
  return [...byName.values()];
}

/** What the bot asks of EC2; a fake implements it in tests above the adapter. */
export interface Ec2Api extends NetworkReads {
  describeEndpoints(region: string, filter: EndpointFilter, signal?: AbortSignal): Promise<Endpoint[]>;
  /** Pages until at least `limit` endpoints are read; `complete` is false when EC2 has more. */
  listEndpoints(region: string, filter: EndpointFilter, options: { limit: number; signal?: AbortSignal }): Promise<{ endpoints: Endpoint[]; complete: boolean }>;
  /** `serviceRegions`: look the services up in other regions too (cross-region PrivateLink). */
  describeServices(region: string, serviceNames: string[] | undefined, signal?: AbortSignal, serviceRegions?: string[]): Promise<EndpointService[]>;
  describeSubnets(region: string, ids: string[], signal?: AbortSignal): Promise<Subnet[]>;
  describeSecurityGroups(region: string, ids: string[], signal?: AbortSignal): Promise<SecurityGroup[]>;
  describeVpcAttribute(region: string, vpcId: string, attribute: 'enableDnsSupport' | 'enableDnsHostnames', signal?: AbortSignal): Promise<boolean>;
  describeVpcs(region: string, ids: string[], signal?: AbortSignal): Promise<Vpc[]>;
  /** The network ACLs associated with these subnets. */
  describeNetworkAcls(region: string, subnetIds: string[], signal?: AbortSignal): Promise<NetworkAcl[]>;
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

type Sdk = typeof import('@aws-sdk/client-ec2');

const PAGE_SIZE = 1000;

/** The EC2 adapter over @aws-sdk/client-ec2, one client per region, loaded on first use. */
export function createEc2Adapter(options: Ec2AdapterOptions = {}): Ec2Api {
  let sdk: Promise<Sdk> | undefined;
  const clients = new Map<string, EC2Client>();

  async function client(region: string): Promise<{ sdk: Sdk; client: EC2Client }> {
    sdk ??= import('@aws-sdk/client-ec2');
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
    ...networkReads(call),
    listEndpoints,
    describeEndpoints: async (region, filter, signal) => (await listEndpoints(region, filter, { limit: Infinity, ...(signal && { signal }) })).endpoints,

    describeServices: (region, serviceNames, signal, serviceRegions) =>
      call(region, 'ec2:DescribeVpcEndpointServices', async ({ sdk, client }) => {
        const services: EndpointService[] = [];
        let nextToken: string | undefined;
        do {
          const page = await client.send(
            new sdk.DescribeVpcEndpointServicesCommand({
              ...(serviceNames && { ServiceNames: serviceNames }),
              ...(serviceRegions && serviceRegions.length > 0 && { ServiceRegions: serviceRegions }),
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
        return mergeServiceTypes(services);
      }),

    describeSubnets: (region, ids, signal) =>
      call(region, 'ec2:DescribeSubnets', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeSubnetsCommand({ SubnetIds: ids }), { abortSignal: signal });
        return (page.Subnets ?? []).map((s) => ({
          id: s.SubnetId ?? '',
          vpcId: s.VpcId ?? '',
          availabilityZone: s.AvailabilityZone ?? '',
          ...(s.AvailableIpAddressCount !== undefined && { availableIpAddressCount: s.AvailableIpAddressCount }),
          ...(s.CidrBlock && { ipv4Cidr: s.CidrBlock }),
          ipv6Cidrs: (s.Ipv6CidrBlockAssociationSet ?? [])
            .filter((a) => (a.Ipv6CidrBlockState?.State ?? 'associated') === 'associated')
            .map((a) => a.Ipv6CidrBlock ?? '')
            .filter(Boolean),
          ipv6Native: s.Ipv6Native ?? false,
        }));
      }),

    describeVpcs: (region, ids, signal) =>
      call(region, 'ec2:DescribeVpcs', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeVpcsCommand({ VpcIds: ids }), { abortSignal: signal });
        return (page.Vpcs ?? []).map((v) => {
          const associated = (v.CidrBlockAssociationSet ?? []).filter((a) => (a.CidrBlockState?.State ?? 'associated') === 'associated').map((a) => a.CidrBlock ?? '');
          return {
            id: v.VpcId ?? '',
            cidrs: [...new Set([v.CidrBlock ?? '', ...associated])].filter(Boolean),
            ipv6Cidrs: (v.Ipv6CidrBlockAssociationSet ?? [])
              .filter((a) => (a.Ipv6CidrBlockState?.State ?? 'associated') === 'associated')
              .map((a) => a.Ipv6CidrBlock ?? '')
              .filter(Boolean),
          };
        });
      }),

    describeNetworkAcls: (region, subnetIds, signal) =>
      call(region, 'ec2:DescribeNetworkAcls', async ({ sdk, client }) => {
        const acls: NetworkAcl[] = [];
        let nextToken: string | undefined;
        do {
          const page = await client.send(
            new sdk.DescribeNetworkAclsCommand({
              Filters: [{ Name: 'association.subnet-id', Values: subnetIds }],
              MaxResults: 1000,
              ...(nextToken && { NextToken: nextToken }),
            }),
            { abortSignal: signal },
          );
          for (const a of page.NetworkAcls ?? []) {
            acls.push({
              id: a.NetworkAclId ?? '',
              vpcId: a.VpcId ?? '',
              subnetIds: (a.Associations ?? []).map((x) => x.SubnetId ?? '').filter(Boolean),
              entries: (a.Entries ?? []).map((e) => ({
                ruleNumber: e.RuleNumber ?? 32767,
                egress: e.Egress ?? false,
                protocol: e.Protocol ?? '-1',
                allow: e.RuleAction === 'allow',
                ...(e.CidrBlock && { cidr: e.CidrBlock }),
                ...(e.Ipv6CidrBlock && { ipv6Cidr: e.Ipv6CidrBlock }),
                ...(e.PortRange?.From !== undefined && { fromPort: e.PortRange.From }),
                ...(e.PortRange?.To !== undefined && { toPort: e.PortRange.To }),
              })),
            });
          }
          nextToken = page.NextToken;
        } while (nextToken);
        return acls;
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
          ...(params.ipAddressType && { IpAddressType: params.ipAddressType as 'ipv4' }),
          ...((params.ipAddressType || params.privateDnsOnlyForInboundResolverEndpoint !== undefined) && {
            DnsOptions: {
              ...(params.ipAddressType && { DnsRecordIpType: params.ipAddressType as 'ipv4' }),
              ...(params.privateDnsOnlyForInboundResolverEndpoint !== undefined && {
                PrivateDnsOnlyForInboundResolverEndpoint: params.privateDnsOnlyForInboundResolverEndpoint,
              }),
            },
          }),
          ...(params.serviceRegion && { ServiceRegion: params.serviceRegion }),
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
    ...(e.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint !== undefined && { privateDnsOnlyForInboundResolverEndpoint: e.DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint }),
    ...(e.DnsOptions?.DnsRecordIpType && { dnsRecordIpType: e.DnsOptions.DnsRecordIpType }),
    ...(e.NetworkInterfaceIds && e.NetworkInterfaceIds.length > 0 && { networkInterfaceIds: e.NetworkInterfaceIds }),
  };
}

// ---- Network reads for `doctor` and describe (routes, NACLs, ENIs, instances, peerings, VPCs): read-only ----

export interface SubnetDetail {
  id: string;
  vpcId: string;
  availabilityZone: string;
  cidr?: string;
  ipv6Cidrs: string[];
}

export type RouteTargetKind = 'local' | 'igw' | 'egress-only-igw' | 'nat' | 'peering' | 'tgw' | 'vgw' | 'gateway-endpoint' | 'other';

export interface RouteEntry {
  /** A CIDR block, or a prefix list id (pl-…) for gateway endpoint routes. */
  destination: string;
  target: { kind: RouteTargetKind; id: string };
  /** `active` or `blackhole`. */
  state: string;
}

export interface RouteTable {
  id: string;
  vpcId: string;
  main: boolean;
  subnetIds: string[];
  routes: RouteEntry[];
}

/** A NACL rule as doctor reads it: one address family per rule, so one CIDR. */
export interface AclEntry {
  ruleNumber: number;
  egress: boolean;
  allow: boolean;
  /** `-1` (all), `6` (TCP), `17` (UDP), … */
  protocol: string;
  cidr: string;
  fromPort?: number;
  toPort?: number;
}

/** Every NACL of a VPC (doctor); preflight's `NetworkAcl` holds only the endpoint subnets' ones. */
export interface VpcNetworkAcl {
  id: string;
  vpcId: string;
  subnetIds: string[];
  entries: AclEntry[];
}

export interface NetworkInterface {
  id: string;
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  privateIp?: string;
  ipv6s: string[];
  securityGroupIds: string[];
}

export interface Instance {
  id: string;
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
  privateIp?: string;
  securityGroupIds: string[];
  state: string;
}

export interface PeeringSide {
  vpcId: string;
  region?: string;
  ownerId?: string;
  cidrs: string[];
}

export interface PeeringConnection {
  id: string;
  /** `active`, `pending-acceptance`, `rejected`, `deleted`, … */
  status: string;
  requester: PeeringSide;
  accepter: PeeringSide;
}

export interface GroupRules {
  id: string;
  vpcId: string;
  name: string;
  inbound: SecurityGroupRule[];
  outbound: SecurityGroupRule[];
}

/** The read-only network calls `doctor` makes; each filters by VPC so one call covers the path. */
export interface NetworkReads {
  /** Subnets by id, or every subnet of the given VPCs, or (neither) of the region: with their CIDR blocks. */
  describeSubnetDetails(region: string, by: { ids?: string[]; vpcIds?: string[] }, signal?: AbortSignal): Promise<SubnetDetail[]>;
  describeRouteTables(region: string, vpcIds: string[], signal?: AbortSignal): Promise<RouteTable[]>;
  describeVpcNetworkAcls(region: string, vpcIds: string[], signal?: AbortSignal): Promise<VpcNetworkAcl[]>;
  describeNetworkInterfaces(region: string, ids: string[], signal?: AbortSignal): Promise<NetworkInterface[]>;
  describeInstances(region: string, ids: string[], signal?: AbortSignal): Promise<Instance[]>;
  /** Peerings where one of the VPCs is requester or accepter. */
  describeVpcPeeringConnections(region: string, vpcIds: string[], signal?: AbortSignal): Promise<PeeringConnection[]>;
  /** Security groups with their inbound and outbound rules. */
  describeGroupRules(region: string, ids: string[], signal?: AbortSignal): Promise<GroupRules[]>;
}

type Call = <T>(region: string, action: string, fn: (s: { sdk: Sdk; client: EC2Client }) => Promise<T>) => Promise<T>;

/** Most pages a network read follows: the doctor looks at one path, not an inventory. */
const NETWORK_PAGES = 10;

async function pages<P extends { NextToken?: string }>(fetch: (token: string | undefined) => Promise<P>): Promise<P[]> {
  const all: P[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(page);
    token = page.NextToken;
  } while (token && all.length < NETWORK_PAGES);
  return all;
}

type SdkPermission = NonNullable<import('@aws-sdk/client-ec2').SecurityGroup['IpPermissions']>[number];

function toRule(p: SdkPermission): SecurityGroupRule {
  return {
    protocol: p.IpProtocol ?? '-1',
    ...(p.FromPort !== undefined && { fromPort: p.FromPort }),
    ...(p.ToPort !== undefined && { toPort: p.ToPort }),
    cidrs: [...(p.IpRanges ?? []).map((r) => r.CidrIp ?? ''), ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? '')].filter(Boolean),
    sources: [...(p.UserIdGroupPairs ?? []).map((u) => u.GroupId ?? ''), ...(p.PrefixListIds ?? []).map((l) => l.PrefixListId ?? '')].filter(Boolean),
  };
}

function routeTarget(r: NonNullable<import('@aws-sdk/client-ec2').RouteTable['Routes']>[number]): RouteEntry['target'] {
  const gateway = r.GatewayId ?? '';
  if (gateway === 'local') return { kind: 'local', id: 'local' };
  if (gateway.startsWith('igw-')) return { kind: 'igw', id: gateway };
  if (gateway.startsWith('vgw-')) return { kind: 'vgw', id: gateway };
  if (gateway.startsWith('vpce-')) return { kind: 'gateway-endpoint', id: gateway };
  if (r.EgressOnlyInternetGatewayId) return { kind: 'egress-only-igw', id: r.EgressOnlyInternetGatewayId };
  if (r.NatGatewayId) return { kind: 'nat', id: r.NatGatewayId };
  if (r.VpcPeeringConnectionId) return { kind: 'peering', id: r.VpcPeeringConnectionId };
  if (r.TransitGatewayId) return { kind: 'tgw', id: r.TransitGatewayId };
  return { kind: 'other', id: gateway || r.NetworkInterfaceId || r.InstanceId || r.CoreNetworkArn || r.LocalGatewayId || r.CarrierGatewayId || '' };
}

function peeringSide(v: import('@aws-sdk/client-ec2').VpcPeeringConnectionVpcInfo | undefined): PeeringSide {
  return {
    vpcId: v?.VpcId ?? '',
    ...(v?.Region && { region: v.Region }),
    ...(v?.OwnerId && { ownerId: v.OwnerId }),
    cidrs: [...(v?.CidrBlockSet ?? []).map((c) => c.CidrBlock ?? ''), ...(v?.Ipv6CidrBlockSet ?? []).map((c) => c.Ipv6CidrBlock ?? ''), ...(v?.CidrBlockSet ? [] : [v?.CidrBlock ?? ''])].filter(Boolean),
  };
}

function networkReads(call: Call): NetworkReads {
  const vpcFilter = (vpcIds: string[]) => [{ Name: 'vpc-id', Values: vpcIds }];
  return {
    describeSubnetDetails: (region, by, signal) =>
      call(region, 'ec2:DescribeSubnets', async ({ sdk, client }) => {
        const all = await pages((token) =>
          client.send(
            new sdk.DescribeSubnetsCommand({
              ...(by.ids && { SubnetIds: by.ids }),
              ...(by.vpcIds && { Filters: vpcFilter(by.vpcIds) }),
              ...(!by.ids && { MaxResults: 1000 }),
              ...(token && { NextToken: token }),
            }),
            { abortSignal: signal },
          ),
        );
        return all.flatMap((p) => p.Subnets ?? []).map((s) => ({
          id: s.SubnetId ?? '',
          vpcId: s.VpcId ?? '',
          availabilityZone: s.AvailabilityZone ?? '',
          ...(s.CidrBlock && { cidr: s.CidrBlock }),
          ipv6Cidrs: (s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock ?? '').filter(Boolean),
        }));
      }),

    describeRouteTables: (region, vpcIds, signal) =>
      call(region, 'ec2:DescribeRouteTables', async ({ sdk, client }) => {
        const all = await pages((token) =>
          client.send(new sdk.DescribeRouteTablesCommand({ Filters: vpcFilter(vpcIds), MaxResults: 100, ...(token && { NextToken: token }) }), { abortSignal: signal }),
        );
        return all.flatMap((p) => p.RouteTables ?? []).map((t) => ({
          id: t.RouteTableId ?? '',
          vpcId: t.VpcId ?? '',
          main: (t.Associations ?? []).some((a) => a.Main),
          subnetIds: (t.Associations ?? []).map((a) => a.SubnetId ?? '').filter(Boolean),
          routes: (t.Routes ?? []).map((r) => ({
            destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '',
            target: routeTarget(r),
            state: r.State ?? 'active',
          })),
        }));
      }),

    describeVpcNetworkAcls: (region, vpcIds, signal) =>
      call(region, 'ec2:DescribeNetworkAcls', async ({ sdk, client }) => {
        const all = await pages((token) =>
          client.send(new sdk.DescribeNetworkAclsCommand({ Filters: vpcFilter(vpcIds), MaxResults: 100, ...(token && { NextToken: token }) }), { abortSignal: signal }),
        );
        return all.flatMap((p) => p.NetworkAcls ?? []).map((a) => ({
          id: a.NetworkAclId ?? '',
          vpcId: a.VpcId ?? '',
          subnetIds: (a.Associations ?? []).map((s) => s.SubnetId ?? '').filter(Boolean),
          entries: (a.Entries ?? []).map((e) => ({
            ruleNumber: e.RuleNumber ?? 32767,
            egress: e.Egress ?? false,
            allow: e.RuleAction === 'allow',
            protocol: e.Protocol ?? '-1',
            cidr: e.CidrBlock ?? e.Ipv6CidrBlock ?? '',
            ...(e.PortRange?.From !== undefined && { fromPort: e.PortRange.From }),
            ...(e.PortRange?.To !== undefined && { toPort: e.PortRange.To }),
          })),
        }));
      }),

    describeNetworkInterfaces: (region, ids, signal) =>
      call(region, 'ec2:DescribeNetworkInterfaces', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ids }), { abortSignal: signal });
        return (page.NetworkInterfaces ?? []).map((n) => ({
          id: n.NetworkInterfaceId ?? '',
          subnetId: n.SubnetId ?? '',
          vpcId: n.VpcId ?? '',
          availabilityZone: n.AvailabilityZone ?? '',
          ...(n.PrivateIpAddress && { privateIp: n.PrivateIpAddress }),
          ipv6s: (n.Ipv6Addresses ?? []).map((a) => a.Ipv6Address ?? '').filter(Boolean),
          securityGroupIds: (n.Groups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
        }));
      }),

    describeInstances: (region, ids, signal) =>
      call(region, 'ec2:DescribeInstances', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeInstancesCommand({ InstanceIds: ids }), { abortSignal: signal });
        return (page.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => ({
          id: i.InstanceId ?? '',
          vpcId: i.VpcId ?? '',
          subnetId: i.SubnetId ?? '',
          availabilityZone: i.Placement?.AvailabilityZone ?? '',
          ...(i.PrivateIpAddress && { privateIp: i.PrivateIpAddress }),
          securityGroupIds: (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
          state: i.State?.Name ?? '',
        }));
      }),

    describeVpcPeeringConnections: (region, vpcIds, signal) =>
      call(region, 'ec2:DescribeVpcPeeringConnections', async ({ sdk, client }) => {
        const query = (name: string) =>
          pages((token) =>
            client.send(
              new sdk.DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: name, Values: vpcIds }], MaxResults: 1000, ...(token && { NextToken: token }) }),
              { abortSignal: signal },
            ),
          );
        const [asRequester, asAccepter] = await Promise.all([query('requester-vpc-info.vpc-id'), query('accepter-vpc-info.vpc-id')]);
        const byId = new Map<string, PeeringConnection>();
        for (const p of [...asRequester, ...asAccepter].flatMap((page) => page.VpcPeeringConnections ?? [])) {
          const id = p.VpcPeeringConnectionId ?? '';
          byId.set(id, { id, status: p.Status?.Code ?? '', requester: peeringSide(p.RequesterVpcInfo), accepter: peeringSide(p.AccepterVpcInfo) });
        }
        return [...byId.values()];
      }),

    describeGroupRules: (region, ids, signal) =>
      call(region, 'ec2:DescribeSecurityGroups', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeSecurityGroupsCommand({ GroupIds: ids }), { abortSignal: signal });
        return (page.SecurityGroups ?? []).map((g) => ({
          id: g.GroupId ?? '',
          vpcId: g.VpcId ?? '',
          name: g.GroupName ?? '',
          inbound: (g.IpPermissions ?? []).map(toRule),
          outbound: (g.IpPermissionsEgress ?? []).map(toRule),
        }));
      }),
  };
}

// ---- i18n seam (issue 14): the EC2 error codes the message catalogs explain in their own words ----
/** Codes EC2 answers, plus the adapter's own (NoCredentials, Timeout, Unreachable) and the worker's RegionNotAllowed. */
export const EC2_PROBLEM_CODES = [
  'InvalidVpcEndpointId.NotFound', 'InvalidVpcEndpointId.Malformed', 'InvalidVpcID.NotFound', 'InvalidSubnetID.NotFound',
  'InvalidSecurityGroupID.NotFound', 'InvalidServiceName', 'UnauthorizedOperation', 'AccessDenied', 'AuthFailure', 'NoCredentials',
  'RequestLimitExceeded', 'Throttling', 'Timeout', 'Unreachable', 'VpcEndpointLimitExceeded', 'DuplicateSubnetsInSameZone',
  'InvalidParameter', 'IdempotentParameterMismatch', 'RegionNotAllowed',
] as const;
export type Ec2ProblemCode = (typeof EC2_PROBLEM_CODES)[number];
export const isEc2ProblemCode = (code: string): code is Ec2ProblemCode => (EC2_PROBLEM_CODES as readonly string[]).includes(code);
