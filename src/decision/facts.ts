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
  dnsOptions: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html',
  udp: 'https://aws.amazon.com/blogs/networking-and-content-delivery/accelerate-ipv6-application-migration-with-aws-privatelink-and-dual-stack-network-load-balancers-udp-support/',
  endpointServiceDns: 'https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html',
  iamEndpoints: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_interface_vpc_endpoints.html',
  lattice: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/how-it-works.html',
  latticeServiceNetworks: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/service-networks.html',
  latticeResources: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html',
  natGateway: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  tgwPeering: 'https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html',
  resolverInbound: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html',
  centralEndpoints:
    'https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html',
  route53Profiles: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/profiles.html',
  tgwPricing: 'https://aws.amazon.com/transit-gateway/pricing/',
  latticeListeners: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/listeners.html',
  s3Express: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-networking.html',
} as const;

const FACT_LIST = [
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
    today:
      "The endpoint's security group must allow inbound traffic from the clients on the service's ports: TCP 443 for AWS service APIs; for an endpoint service or SaaS, the ports and protocol of the provider's load-balancer listeners. With none given, the VPC's default security group is attached.",
    was2018: 'A security group is attached to the endpoint.',
    source: DOCS.createApi,
  },
  {
    id: 'interface.policy',
    today:
      'Interface endpoints accept an endpoint policy when the service supports it (VpcEndpointPolicySupported); the default allows full access; at most 20,480 characters.',
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
    id: 'privatelink.protocols',
    today:
      'PrivateLink carries TCP, and UDP for endpoint services behind a Network Load Balancer with UDP listeners; ICMP and other protocols are not carried, and only the consumer opens connections.',
    was2018: 'TCP only.',
    changed: '2024',
    source: DOCS.udp,
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
    today:
      "An interface endpoint can reach an endpoint service in another region of the same partition: the consumer sends ServiceRegion, and the provider must enable the consumer's region on the service.",
    was2018: 'PrivateLink worked within one region only.',
    changed: '2024-11-26',
    source: DOCS.crossRegion,
  },
  {
    id: 'interface.cross-region-aws-services',
    today:
      "Only the AWS services on a published list can be reached through an interface endpoint in another region: S3, IAM, ECR (api, dkr), KMS, ECS, Lambda, Data Firehose, Managed Service for Apache Flink and Route 53. Kinesis Data Streams and DynamoDB are not on it: use an endpoint in the service's region, reached over inter-region peering or Transit Gateway peering.",
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
    today:
      "With private DNS on, the service's default name and the endpoint-specific names both go through the endpoint. With it off, the default name goes over the internet from public subnets and fails from private subnets; endpoint-specific names always go through the endpoint.",
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
    today:
      "On-premises clients using the service's default name need a conditional forwarder to a Route 53 Resolver inbound endpoint in the VPC; endpoint-specific names resolve publicly to the private IPs and work over Direct Connect or VPN.",
    source: DOCS.resolverInbound,
  },
  {
    id: 'dns.peered-vpc',
    today:
      "From a peered or Transit Gateway-attached VPC, the service's default name resolves to public IPs unless that VPC's DNS is pointed at the endpoint (Resolver rules or a shared private hosted zone); endpoint-specific names work if routes and the security group allow.",
    source: DOCS.privateDns,
  },
  {
    id: 'dns.inbound-only',
    today:
      "S3 and DynamoDB interface endpoints offer private DNS with DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint: with private DNS on it defaults to true, and EC2 then refuses the create unless the VPC already has a gateway endpoint for the service; in-VPC clients keep using the gateway endpoint and only the Resolver inbound endpoint (on-premises) gets the interface endpoint's IPs. Set to false, in-VPC traffic goes through the interface endpoint too and no gateway endpoint is needed.",
    was2018: 'S3 and DynamoDB had no interface endpoints, so no private DNS for them.',
    changed: '2023',
    source: DOCS.dnsOptions,
  },
  {
    id: 'dns.global-names',
    today: 'Global services have region-less endpoint service names: com.amazonaws.iam and com.amazonaws.route53.',
    source: DOCS.iamEndpoints,
  },
  {
    id: 'dns.endpoint-service-names',
    today:
      "Most endpoint services (your own, partners') have no verified private DNS name: create their endpoints with private DNS off (asking for it fails with InvalidParameter) and use the endpoint-specific names.",
    source: DOCS.endpointServiceDns,
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
    today:
      'Your own service is published as an endpoint service behind a Network Load Balancer (or, for one resource such as a database, a VPC Lattice resource configuration with no NLB, since 2024-12).',
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
    today: 'Transit Gateway routes by destination CIDR, so attached networks must not overlap unless a private NAT gateway translates the overlapping side.',
    source: DOCS.tgw,
  },
  {
    id: 'tgw.regional',
    today:
      "A Transit Gateway is regional: VPCs in another region attach to that region's Transit Gateway, and the two are joined by a Transit Gateway peering attachment.",
    source: DOCS.tgwPeering,
  },
  {
    id: 'nat.private-overlap',
    today:
      "A private NAT gateway behind a Transit Gateway lets networks with overlapping CIDRs communicate (TCP, UDP and ICMP): connections from the overlapping VPC leave from the NAT gateway's non-overlapping address; it takes no unsolicited inbound connections, so the other way reaches only addresses in non-overlapping (routable) subnets, such as a load balancer there.",
    source: DOCS.natGateway,
  },
  {
    id: 'privatelink.pair',
    today: 'PrivateLink is one-way, so two-way traffic over it takes a pair of endpoint services, one published by each side.',
    source: DOCS.endpointServices,
  },
  {
    id: 'lattice.service-network',
    today:
      'A VPC Lattice service network connects many HTTP, HTTPS, gRPC and TLS services (and TCP resources) with many VPCs and accounts, with auth policies; overlapping CIDRs do not matter. Clients over peering, Transit Gateway, Direct Connect or VPN reach it only through a service-network VPC endpoint.',
    changed: '2024-12',
    source: DOCS.lattice,
  },
  {
    id: 'lattice.resource-endpoint',
    today:
      'A resource endpoint (VPC Lattice resource configuration, since 2024-12) reaches one resource, such as a database, by IP address or DNS name and TCP port, with no load balancer.',
    was2018: 'Sharing one resource privately took a Network Load Balancer in front of it and an endpoint service.',
    changed: '2024-12',
    source: DOCS.resourceEndpoints,
  },
  {
    id: 'lattice.protocols',
    today:
      'VPC Lattice service listeners take HTTP, HTTPS (HTTP/1.1, HTTP/2 and gRPC) and TLS passthrough, not WebSockets; plain TCP only to a resource, through a resource configuration and resource gateway; not UDP, not ICMP.',
    source: DOCS.latticeListeners,
  },
  {
    id: 'lattice.quota',
    today: 'Per VPC: at most 200 resource endpoints and 50 service-network endpoints.',
    source: DOCS.quotas,
  },
  {
    id: 'tgw.mesh-math',
    today: 'A full mesh of n VPCs needs n(n-1)/2 peerings (100 VPCs: 4,950) and a VPC can have at most 125; a Transit Gateway needs one attachment per VPC.',
    source: DOCS.tgw,
  },
  // Estates: many VPCs
  {
    id: 'central.endpoints',
    today:
      "Interface endpoints can live in one shared-services VPC and serve every spoke VPC over a Transit Gateway or peering, instead of an endpoint per VPC (each billed per AZ-hour). The managed private hosted zone behind private DNS works only in the endpoint's VPC, so private DNS is turned off and a private hosted zone per service name, with an alias record to the endpoint, is associated with the spokes; gateway endpoints gain nothing from it.",
    source: DOCS.centralEndpoints,
  },
  {
    id: 'central.resolver',
    today:
      "Hosts in a spoke reach a shared private hosted zone only through their VPC's Route 53 Resolver (VPC base + 2); custom DNS servers must forward there.",
    source: DOCS.centralEndpoints,
  },
  {
    id: 'dns.route53-profiles',
    today:
      'A Route 53 profile bundles private hosted zones, Resolver rules and DNS Firewall rule groups and applies them to many VPCs, in other accounts too when shared through AWS RAM; a VPC has at most one profile.',
    changed: '2024-04',
    source: DOCS.route53Profiles,
  },
  {
    id: 'tgw.data-processing',
    today: "A Transit Gateway charges per attachment-hour and per GB of data it processes, on top of the interface endpoint's own per-GB charge.",
    source: DOCS.tgwPricing,
  },
  {
    id: 's3express.gateway',
    today:
      'S3 Express One Zone directory buckets are reached from a VPC through a gateway endpoint (com.amazonaws.<region>.s3express), for both its Regional and Zonal API endpoints, at no extra charge.',
    source: DOCS.s3Express,
  },
] as const satisfies readonly Fact[];

/** The id of every fact, as a union: lets per-language text be checked for completeness at compile time. */
export type FactId = (typeof FACT_LIST)[number]['id'];
/** One fact exactly as written above (literal id, and whether it has `was2018`). */
export type FactEntry = (typeof FACT_LIST)[number];
export const FACT_IDS: readonly FactId[] = FACT_LIST.map((f) => f.id);

export const FACTS: ReadonlyMap<string, Fact> = new Map(FACT_LIST.map((fact) => [fact.id, fact]));

export function fact(id: string): Fact {
  const found = FACTS.get(id);
  if (!found) throw new Error(`unknown fact id: ${id}`);
  return found;
}

export { CROSS_REGION_AWS_SERVICES, GATEWAY_SERVICES, GLOBAL_SERVICE_NAMES, KNOWN_REGIONS } from '../aws/vocabulary.js';
