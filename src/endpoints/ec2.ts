/**
 * The EC2 adapter: the few EC2 calls the bot makes, as plain data, with errors reduced to a code a person can
 * act on. The SDK is loaded on first use, so paths that never call AWS (help, compare) never pay for it.
 */
import type { EC2Client, EC2ClientConfig } from '@aws-sdk/client-ec2';

import {
  Ec2Error,
  mergeServiceTypes,
  type Ec2Api,
  type Endpoint,
  type EndpointService,
  type NetworkAcl,
  type NetworkReads,
  type PeeringConnection,
  type PeeringSide,
  type RouteEntry,
  type SecurityGroupRule,
  type Subnet,
} from './ec2-api.js';

function toEc2Error(error: unknown, action: string, region: string): Ec2Error {
  if (error instanceof Ec2Error) return error;
  const e = error as { name?: string; code?: string; message?: string; $metadata?: unknown };
  const message = e?.message ?? String(error);
  if (e?.name === 'AbortError') return new Ec2Error('Aborted', message, action, region);
  if (e?.name === 'CredentialsProviderError' || /credential/i.test(e?.name ?? '')) return new Ec2Error('NoCredentials', message, action, region);
  // Socket errors first: the SDK names a connection reset `TimeoutError` too.
  if (e?.code && /^E[A-Z]+$/.test(e.code) && e.code !== 'ETIMEDOUT') return new Ec2Error('Unreachable', `${e.code}: ${message}`, action, region);
  if (e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT' || /timed? ?out|requestTimeout/i.test(message))
    return new Ec2Error('Timeout', message, action, region);
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
        return (page.Subnets ?? []).map(toSubnet);
      }),

    describeVpcs: (region, ids, signal) =>
      call(region, 'ec2:DescribeVpcs', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeVpcsCommand({ VpcIds: ids }), { abortSignal: signal });
        return (page.Vpcs ?? []).map((v) => {
          const associated = (v.CidrBlockAssociationSet ?? [])
            .filter((a) => (a.CidrBlockState?.State ?? 'associated') === 'associated')
            .map((a) => a.CidrBlock ?? '');
          return {
            id: v.VpcId ?? '',
            ...(v.DhcpOptionsId && { dhcpOptionsId: v.DhcpOptionsId }),
            cidrs: [...new Set([v.CidrBlock ?? '', ...associated])].filter(Boolean),
            ipv6Cidrs: (v.Ipv6CidrBlockAssociationSet ?? [])
              .filter((a) => (a.Ipv6CidrBlockState?.State ?? 'associated') === 'associated')
              .map((a) => a.Ipv6CidrBlock ?? '')
              .filter(Boolean),
          };
        });
      }),

    describeNetworkAcls: (region, subnetIds, signal) =>
      call(region, 'ec2:DescribeNetworkAcls', ({ sdk, client }) => readNetworkAcls(sdk, client, { Name: 'association.subnet-id', Values: subnetIds }, signal)),

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
    dnsEntries: (e.DnsEntries ?? [])
      .map((d) => ({ dnsName: d.DnsName ?? '', ...(d.HostedZoneId && { hostedZoneId: d.HostedZoneId }) }))
      .filter((d) => d.dnsName),
    tags: Object.fromEntries((e.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    ...(e.ServiceRegion && { serviceRegion: e.ServiceRegion }),
    ...(e.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint !== undefined && {
      privateDnsOnlyForInboundResolverEndpoint: e.DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint,
    }),
    ...(e.DnsOptions?.DnsRecordIpType && { dnsRecordIpType: e.DnsOptions.DnsRecordIpType }),
    ...(e.NetworkInterfaceIds && e.NetworkInterfaceIds.length > 0 && { networkInterfaceIds: e.NetworkInterfaceIds }),
    ...(e.PolicyDocument && { policyDocument: e.PolicyDocument }),
  };
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

/** One subnet as EC2 describes it: preflight and doctor read the same fields (IPv6 blocks only while associated). */
function toSubnet(s: import('@aws-sdk/client-ec2').Subnet): Subnet {
  return {
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
  };
}

/** Every NACL matching `filter` (by associated subnet for preflight, by VPC for doctor); EC2 pages them 100 at most. */
async function readNetworkAcls(sdk: Sdk, client: EC2Client, filter: { Name: string; Values: string[] }, signal?: AbortSignal): Promise<NetworkAcl[]> {
  const all = await pages((token) =>
    client.send(new sdk.DescribeNetworkAclsCommand({ Filters: [filter], MaxResults: 100, ...(token && { NextToken: token }) }), { abortSignal: signal }),
  );
  return all
    .flatMap((p) => p.NetworkAcls ?? [])
    .map((a) => ({
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
    }));
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
    cidrs: [
      ...(v?.CidrBlockSet ?? []).map((c) => c.CidrBlock ?? ''),
      ...(v?.Ipv6CidrBlockSet ?? []).map((c) => c.Ipv6CidrBlock ?? ''),
      ...(v?.CidrBlockSet ? [] : [v?.CidrBlock ?? '']),
    ].filter(Boolean),
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
        return all
          .flatMap((p) => p.Subnets ?? [])
          .map((raw) => {
            const { id, vpcId, availabilityZone, ipv4Cidr, ipv6Cidrs } = toSubnet(raw);
            return { id, vpcId, availabilityZone, ...(ipv4Cidr && { cidr: ipv4Cidr }), ipv6Cidrs };
          });
      }),

    describeRouteTables: (region, vpcIds, signal) =>
      call(region, 'ec2:DescribeRouteTables', async ({ sdk, client }) => {
        const all = await pages((token) =>
          client.send(new sdk.DescribeRouteTablesCommand({ Filters: vpcFilter(vpcIds), MaxResults: 100, ...(token && { NextToken: token }) }), {
            abortSignal: signal,
          }),
        );
        return all
          .flatMap((p) => p.RouteTables ?? [])
          .map((t) => ({
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
      call(region, 'ec2:DescribeNetworkAcls', async ({ sdk, client }) =>
        (await readNetworkAcls(sdk, client, vpcFilter(vpcIds)[0]!, signal)).map((acl) => ({
          ...acl,
          entries: acl.entries.map(({ cidr, ipv6Cidr, ...entry }) => ({ ...entry, cidr: cidr ?? ipv6Cidr ?? '' })),
        })),
      ),

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
        return (page.Reservations ?? [])
          .flatMap((r) => r.Instances ?? [])
          .map((i) => ({
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

    getManagedPrefixListEntries: (region, prefixListId, signal) =>
      call(region, 'ec2:GetManagedPrefixListEntries', async ({ sdk, client }) => {
        const all = await pages((token) =>
          client.send(new sdk.GetManagedPrefixListEntriesCommand({ PrefixListId: prefixListId, MaxResults: 100, ...(token && { NextToken: token }) }), {
            abortSignal: signal,
          }),
        );
        return all
          .flatMap((p) => p.Entries ?? [])
          .map((e) => e.Cidr ?? '')
          .filter(Boolean);
      }),

    describeTransitGatewayAttachments: (region, vpcIds, signal) =>
      call(region, 'ec2:DescribeTransitGatewayAttachments', async ({ sdk, client }) => {
        const all = await pages((token) =>
          client.send(
            new sdk.DescribeTransitGatewayAttachmentsCommand({
              Filters: [{ Name: 'resource-id', Values: vpcIds }],
              MaxResults: 1000,
              ...(token && { NextToken: token }),
            }),
            { abortSignal: signal },
          ),
        );
        return all
          .flatMap((p) => p.TransitGatewayAttachments ?? [])
          .map((a) => ({
            id: a.TransitGatewayAttachmentId ?? '',
            transitGatewayId: a.TransitGatewayId ?? '',
            resourceId: a.ResourceId ?? '',
            resourceType: a.ResourceType ?? '',
            state: a.State ?? '',
            ...(a.Association?.TransitGatewayRouteTableId &&
              (a.Association.State ?? 'associated') === 'associated' && { associatedRouteTableId: a.Association.TransitGatewayRouteTableId }),
          }));
      }),

    searchTransitGatewayRoutes: (region, routeTableId, signal) =>
      call(region, 'ec2:SearchTransitGatewayRoutes', async ({ sdk, client }) => {
        // A filter is required; by state it returns every route, and the longest-prefix match is made by the doctor.
        const page = await client.send(
          new sdk.SearchTransitGatewayRoutesCommand({
            TransitGatewayRouteTableId: routeTableId,
            Filters: [{ Name: 'state', Values: ['active', 'blackhole'] }],
            MaxResults: 1000,
          }),
          { abortSignal: signal },
        );
        return {
          complete: !page.AdditionalRoutesAvailable,
          routes: (page.Routes ?? []).map((r) => ({
            destination: r.DestinationCidrBlock ?? r.PrefixListId ?? '',
            state: r.State ?? 'active',
            attachments: (r.TransitGatewayAttachments ?? []).map((a) => ({
              id: a.TransitGatewayAttachmentId ?? '',
              resourceId: a.ResourceId ?? '',
              resourceType: a.ResourceType ?? '',
            })),
          })),
        };
      }),

    describeDhcpOptions: (region, ids, signal) =>
      call(region, 'ec2:DescribeDhcpOptions', async ({ sdk, client }) => {
        const page = await client.send(new sdk.DescribeDhcpOptionsCommand({ DhcpOptionsIds: ids }), { abortSignal: signal });
        return (page.DhcpOptions ?? []).map((d) => ({
          id: d.DhcpOptionsId ?? '',
          dnsServers: (d.DhcpConfigurations ?? [])
            .filter((c) => c.Key === 'domain-name-servers')
            .flatMap((c) => c.Values ?? [])
            .map((v) => v.Value ?? '')
            .filter(Boolean),
        }));
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
