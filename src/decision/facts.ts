/**
 * Every AWS fact the bot states, with its source and the date it became true.
 * `was2018` is what the May 2018 article said, where it said something; `changed` is when that stopped being true.
 */
export interface Fact {
  id: string;
  today: string;
  was2018?: string;
  changed?: string;
  source: string;
}

export const FACTS_AS_OF = '2026-11-01';

const DOCS = {
  gateway: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  accessServices: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html',
  quotas: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html',
  crossRegion: 'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html',
  pricing: 'https://aws.amazon.com/privatelink/pricing/',
  createApi: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html',
  endpointTypes: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html',
  privateDns: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns',
  ipv6: 'https://aws.amazon.com/blogs/networking-and-content-delivery/how-to-use-aws-privatelink-with-ipv6/',
  peering: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html',
  peeringQuotas: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-connection-quotas.html',
  peeringPricing: 'https://aws.amazon.com/about-aws/whats-new/2021/05/amazon-vpc-announces-pricing-change-for-vpc-peering/',
  endpointServices: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html',
  resourceEndpoints: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-resources.html',
  tgw: 'https://docs.aws.amazon.com/vpc/latest/tgw/what-is-transit-gateway.html',
  s3PrivateDns: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html',
} as const;

const FACT_LIST: Fact[] = [
  // Endpoint types: gateway vs interface
  {
    id: 'gateway.services',
    today: 'Gateway endpoints exist only for Amazon S3 and DynamoDB.',
    was2018: 'Gateway endpoints: S3 and DynamoDB only.',
    source: DOCS.gateway,
  },
  {
    id: 'interface.services',
    today: 'Interface endpoints reach hundreds of AWS services, your own endpoint services and partner/Marketplace services.',
    was2018: 'Interface endpoints: a few dozen AWS services, endpoint services and Marketplace services.',
    source: DOCS.accessServices,
  },
  {
    id: 'interface.s3-dynamodb',
    today: 'S3 (since 2021-02) and DynamoDB (since 2024-03) offer interface endpoints as well as gateway endpoints.',
    was2018: 'S3 and DynamoDB were reachable through gateway endpoints only.',
    changed: '2024-03',
    source: DOCS.gateway,
  },
  {
    id: 'endpoint.newer-types',
    today: 'Newer endpoint types: GatewayLoadBalancer (inspection appliances, 2020-11), Resource and ServiceNetwork (VPC Lattice, 2024-12).',
    changed: '2024-12',
    source: DOCS.endpointTypes,
  },
  {
    id: 'gateway.free',
    today: 'Gateway endpoints cost nothing.',
    source: DOCS.pricing,
  },
  {
    id: 'gateway.same-region',
    today: 'A gateway endpoint reaches the service in its own region only.',
    was2018: 'Gateway endpoints: same region only.',
    source: DOCS.gateway,
  },
  {
    id: 'gateway.no-outside-access',
    today: 'A gateway endpoint cannot be used from on-premises (Direct Connect, VPN), from peered VPCs or through a Transit Gateway.',
    was2018: 'Gateway endpoints: not reachable over VPN, peering or Direct Connect.',
    source: DOCS.gateway,
  },
  {
    id: 'gateway.nacl-sg',
    today: 'Gateway endpoint traffic is controlled by routes; instance security groups may reference the prefix list, NACLs cannot.',
    was2018: 'Same.',
    source: DOCS.gateway,
  },
  {
    id: 'interface.outside-access',
    today: 'An interface endpoint is reachable over Direct Connect, Site-to-Site VPN, intra- and inter-region peering and Transit Gateway.',
    was2018: 'Interface endpoints: reachable over Direct Connect, not over VPN or peering.',
    changed: '2019-03-07',
    source: DOCS.accessServices,
  },
  {
    id: 'interface.one-subnet-per-az',
    today: 'An interface endpoint places one network interface per subnet, with at most one subnet per Availability Zone (DuplicateSubnetsInSameZone).',
    was2018: 'Interface endpoints are created per subnet.',
    source: DOCS.createApi,
  },
  {
    id: 'interface.security-group',
    today: 'The endpoint\'s security group must allow inbound TCP 443 from the clients; with none given, the VPC\'s default security group is attached.',
    was2018: 'A security group is attached to the endpoint.',
    source: DOCS.createApi,
  },
  {
    id: 'interface.policy',
    today: 'Interface endpoints accept an endpoint policy when the service supports it (VpcEndpointPolicySupported); the default allows full access; at most 20,480 characters.',
    was2018: 'Interface endpoints did not support endpoint policies.',
    changed: '2019-03',
    source: DOCS.quotas,
  },
  {
    id: 'interface.bandwidth',
    today: '10 Gbps per AZ, scaling automatically to 100 Gbps per AZ; MTU 8,500 bytes with no path-MTU discovery.',
    was2018: '10 Gbps per endpoint network interface.',
    changed: '2020-05',
    source: DOCS.quotas,
  },
  {
    id: 'interface.tcp-only',
    today: 'PrivateLink carries TCP only: no UDP, no ICMP.',
    was2018: 'TCP only.',
    source: DOCS.quotas,
  },
  {
    id: 'interface.ipv6',
    today: 'Interface endpoints and endpoint services support IPv4, IPv6 and dual-stack (IpAddressType, DnsRecordIpType).',
    was2018: 'Interface endpoints: IPv4 only.',
    changed: '2022-05-11',
    source: DOCS.ipv6,
  },
  {
    id: 'gateway.ipv6',
    today: 'Gateway endpoints support dual-stack (IPv4 and IPv6) traffic.',
    was2018: 'Gateway endpoints: IPv4 only.',
    changed: '2025',
    source: DOCS.gateway,
  },
  {
    id: 'interface.cross-region',
    today: 'An interface endpoint can reach an endpoint service in another region of the same partition (ServiceRegion).',
    was2018: 'PrivateLink worked within one region only.',
    changed: '2024-11-26',
    source: DOCS.crossRegion,
  },
  {
    id: 'interface.cross-region-aws-services',
    today: 'Some AWS services (S3, IAM, ECR, KMS, ECS, Lambda, …) can be reached cross-region through interface endpoints; check the service list.',
    was2018: 'No cross-region access to AWS services through endpoints.',
    changed: '2025-11',
    source: DOCS.crossRegion,
  },
  {
    id: 'endpoint.tags',
    today: 'Endpoints can be tagged, including on creation (TagSpecifications).',
    was2018: 'Endpoints could not be tagged.',
    changed: '2020-02',
    source: DOCS.createApi,
  },
  {
    id: 'gateway.quota',
    today: 'Gateway endpoints: 20 per region (adjustable), at most 255 per VPC.',
    was2018: 'Gateway endpoints: 20 per region, raisable to 255.',
    source: DOCS.quotas,
  },
  {
    id: 'interface.quota',
    today: 'Interface endpoints: 50 per VPC, adjustable (shared with Gateway Load Balancer endpoints).',
    was2018: 'Interface endpoints: 20 per VPC, not raisable.',
    changed: '2020-01',
    source: DOCS.quotas,
  },
  {
    id: 'interface.cost',
    today: 'Interface endpoints are billed per endpoint per AZ per hour plus per GB processed (about $0.01/GB for the first PB); prices vary by region.',
    source: DOCS.pricing,
  },
  // Private DNS
  {
    id: 'dns.vpc-attributes',
    today: 'Private DNS needs both VPC attributes enableDnsSupport and enableDnsHostnames set to true.',
    was2018: 'Same.',
    source: DOCS.privateDns,
  },
  {
    id: 'dns.matrix',
    today: 'With private DNS on, the service\'s default name and the endpoint-specific names both go through the endpoint. With it off, the default name goes over the internet from public subnets and fails from private subnets; endpoint-specific names always go through the endpoint.',
    was2018: 'Same.',
    source: DOCS.privateDns,
  },
  {
    id: 'dns.one-per-vpc',
    today: 'Only one endpoint per VPC can hold private DNS for a given service.',
    source: DOCS.privateDns,
  },
  {
    id: 'dns.on-premises',
    today: 'On-premises clients using the service\'s default name need DNS forwarding to the VPC (a Route 53 Resolver inbound endpoint).',
    source: DOCS.privateDns,
  },
  {
    id: 'dns.s3-interface',
    today: 'S3 interface endpoints support private DNS since 2023 (PrivateDnsOnlyForInboundResolverEndpoint), which requires an S3 gateway endpoint in the same VPC.',
    was2018: 'S3 had no interface endpoint.',
    changed: '2023',
    source: DOCS.s3PrivateDns,
  },
  // Peering vs PrivateLink
  {
    id: 'peering.whole-vpc',
    today: 'Peering connects whole VPCs, in both directions, for any protocol, narrowed by routes, NACLs and security groups.',
    was2018: 'Same.',
    source: DOCS.peering,
  },
  {
    id: 'privatelink.one-way',
    today: 'PrivateLink is one-way: only the consumer opens connections, and it reaches only the service behind the endpoint.',
    was2018: 'Same.',
    source: DOCS.endpointServices,
  },
  {
    id: 'peering.overlap',
    today: 'VPCs whose IPv4 or IPv6 CIDR blocks overlap cannot be peered; PrivateLink does not care about overlap.',
    was2018: 'Same.',
    source: DOCS.peering,
  },
  {
    id: 'peering.no-transit',
    today: 'Peering has no transitive or edge-to-edge routing: on-premises networks and other peers cannot cross a peering connection.',
    was2018: 'Same.',
    source: DOCS.peering,
  },
  {
    id: 'peering.cross-region',
    today: 'Peering works across regions and accounts.',
    was2018: 'Same.',
    source: DOCS.peering,
  },
  {
    id: 'peering.quota',
    today: 'At most 50 active peerings per VPC, adjustable to a hard limit of 125; one peering per pair of VPCs.',
    was2018: '50 per VPC, raisable to 125.',
    source: DOCS.peeringQuotas,
  },
  {
    id: 'peering.cost',
    today: 'Peering has no hourly fee; data within one AZ is free since 2021-05; cross-AZ and cross-region data is billed.',
    changed: '2021-05',
    source: DOCS.peeringPricing,
  },
  {
    id: 'privatelink.acceptance',
    today: 'An endpoint service may require acceptance: the endpoint waits in pendingAcceptance until the provider accepts it.',
    was2018: 'Same.',
    source: DOCS.endpointServices,
  },
  {
    id: 'privatelink.nlb',
    today: 'Your own service is published as an endpoint service behind a Network Load Balancer (or, for one resource such as a database, a VPC Lattice resource configuration with no NLB, since 2024-12).',
    was2018: 'An endpoint service needs a Network Load Balancer.',
    changed: '2024-12',
    source: DOCS.resourceEndpoints,
  },
  {
    id: 'privatelink.saas',
    today: 'Partner and Marketplace SaaS offered as endpoint services are consumed through an interface endpoint.',
    was2018: 'Same.',
    source: DOCS.endpointServices,
  },
  {
    id: 'tgw.hub',
    today: 'Transit Gateway is a regional hub: VPCs, VPN and Direct Connect attach to it and route transitively, with route tables to segment them.',
    source: DOCS.tgw,
  },
  {
    id: 'tgw.overlap',
    today: 'Transit Gateway routes by destination CIDR, so attached networks must not overlap.',
    source: DOCS.tgw,
  },
  {
    id: 'tgw.mesh-math',
    today: 'A full mesh of n VPCs needs n(n-1)/2 peerings (100 VPCs: 4,950) and a VPC can have at most 125; a Transit Gateway needs one attachment per VPC.',
    source: DOCS.tgw,
  },
];

export const FACTS: ReadonlyMap<string, Fact> = new Map(FACT_LIST.map((fact) => [fact.id, fact]));

export function fact(id: string): Fact {
  const found = FACTS.get(id);
  if (!found) throw new Error(`unknown fact id: ${id}`);
  return found;
}

/** Public commercial, GovCloud and China regions, for validating `region=` before any call. */
export const KNOWN_REGIONS: ReadonlySet<string> = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1',
  'me-central-1', 'mx-central-1', 'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
]);
