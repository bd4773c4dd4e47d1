/**
 * The EC2 port: what the bot asks of EC2 (`Ec2Api`), the plain data it gets back, and `Ec2Error`, the one error
 * shape every caller handles. No SDK here: pure modules and use cases import these types, and only the adapter
 * (ec2.ts) and the composition roots import the adapter.
 */

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
  /** The endpoint policy (JSON), as EC2 returns it. */
  policyDocument?: string;
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
  /** The DHCP option set the VPC hands out (`default` when none). */
  dhcpOptionsId?: string;
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
  listEndpoints(
    region: string,
    filter: EndpointFilter,
    options: { limit: number; signal?: AbortSignal },
  ): Promise<{ endpoints: Endpoint[]; complete: boolean }>;
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
    /** The account alias (ACCOUNTS) the call was made in, when it was not home. */
    readonly account?: string,
  ) {
    super(message);
    this.name = 'Ec2Error';
  }
}

export const THROTTLING_CODES = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException']);

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

/** A Transit Gateway attachment and the TGW route table it is associated with (which decides where its traffic goes). */
export interface TgwAttachment {
  id: string;
  transitGatewayId: string;
  resourceId: string;
  resourceType: string;
  state: string;
  associatedRouteTableId?: string;
}

export interface TgwRoute {
  destination: string;
  /** `active` or `blackhole`. */
  state: string;
  attachments: { id: string; resourceId: string; resourceType: string }[];
}

/** A DHCP option set's DNS servers (`AmazonProvidedDNS` or addresses). */
export interface DhcpDnsServers {
  id: string;
  dnsServers: string[];
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
  /** The CIDR blocks of a managed prefix list (a security-group rule's source or destination). */
  getManagedPrefixListEntries(region: string, prefixListId: string, signal?: AbortSignal): Promise<string[]>;
  /** The Transit Gateway attachments of the given VPCs, with their route-table association. */
  describeTransitGatewayAttachments(region: string, vpcIds: string[], signal?: AbortSignal): Promise<TgwAttachment[]>;
  /** Every route of a TGW route table (active and blackhole); `complete` is false when EC2 has more than it returned. */
  searchTransitGatewayRoutes(region: string, routeTableId: string, signal?: AbortSignal): Promise<{ routes: TgwRoute[]; complete: boolean }>;
  describeDhcpOptions(region: string, ids: string[], signal?: AbortSignal): Promise<DhcpDnsServers[]>;
}

/** The EC2 error codes (and our own) the message catalog explains in words; any other code is shown as it is. */
export const EC2_PROBLEM_CODES = [
  'InvalidVpcEndpointId.NotFound',
  'InvalidVpcEndpointId.Malformed',
  'InvalidVpcID.NotFound',
  'InvalidSubnetID.NotFound',
  'InvalidSecurityGroupID.NotFound',
  'InvalidServiceName',
  'UnauthorizedOperation',
  'AccessDenied',
  'AuthFailure',
  'NoCredentials',
  'RequestLimitExceeded',
  'Throttling',
  'Timeout',
  'Unreachable',
  'VpcEndpointLimitExceeded',
  'DuplicateSubnetsInSameZone',
  'InvalidParameter',
  'IdempotentParameterMismatch',
  'RegionNotAllowed',
  // A member account's role could not be assumed, or the alias is no longer in ACCOUNTS.
  'AssumeRoleDenied',
  'AccountNotConfigured',
  // The alias of a request now names another account than the one approved.
  'AccountChanged',
] as const;
export type Ec2ProblemCode = (typeof EC2_PROBLEM_CODES)[number];
export const isEc2ProblemCode = (code: string): code is Ec2ProblemCode => (EC2_PROBLEM_CODES as readonly string[]).includes(code);
