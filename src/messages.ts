/**
 * Every sentence the bot says, in one catalog. Views and renderers take text from here only, so another
 * language is one more object of the same type. Values are Slack mrkdwn; `code()` marks literal commands.
 */
import type { FieldError } from './commands/create-spec.js';
import type { ParseError, Subcommand } from './commands/parse.js';
import type { CostNoteId } from './decision/costs.js';
import type { NoteId } from './decision/engine.js';
import type { OptionId } from './decision/options.js';
import type { Unit } from './pricing/estimate.js';
import type { FigureKey } from './pricing/model.js';
import type { ChoiceValues, QuestionKey, SizingKey } from './decision/questions.js';
import type { CheckId as DoctorCheckId, CheckStatus as DoctorStatus, DoctorFindingId, DoctorPlaceholder, VerdictId } from './doctor/model.js';
import { isEc2ProblemCode, type Ec2ProblemCode } from './endpoints/ec2-api.js';
import type { PreflightCode } from './aws/endpoint.js';
import type { ClientLocation, DnsMode, InternetPath, Path, ReachWhy, Resolution } from './endpoints/reach.js';
import type { CompanionGroup } from './endpoints/companions.js';
import type { IpAddressType } from './aws/endpoint.js';
import type { ApprovalProblem } from './requests/approval.js';
import type { RequestState } from './requests/model.js';
import type { CheckStatus, PreflightCheck } from './aws/endpoint.js';

import { channelRef, code, escapeMrkdwn as esc, link, mention } from './mrkdwn.js';

/** The states a request card names with a verb ("Approved by …"). */
export type DecidedState = Extract<RequestState, 'approved' | 'rejected' | 'cancelled' | 'expired'>;

const usage: Record<Subcommand, string> = {
  help: '/privatelink help',
  compare:
    '/privatelink compare [target=… onprem=yes|no overlap=yes|no|unknown cross-region=yes|no direction=one-way|both protocol=tcp|udp|any ipv6=yes|no vpcs=N service=… gb=N azs=N region=R]',
  services: '/privatelink services [text] [region=R] [account=A]',
  describe: '/privatelink describe [vpce-…|vpc-…|service-text] [region=R|all] [state=S] [account=A]',
  dns: '/privatelink dns <vpce-…|service-text> [region=R|all] [account=A]',
  create:
    '/privatelink create <service> vpc=vpc-… subnets=subnet-…,… [sg=sg-…,…] [private-dns=on|off|inbound-only] [ip=ipv4|dualstack|ipv6] [ports=443,…] [region=R] [service-region=R2] [account=A] [reason="…"]',
  requests: '/privatelink requests [pending|all]',
  status: '/privatelink status <request-id>',
  cancel: '/privatelink cancel <request-id>',
  doctor: '/privatelink doctor <vpce-…|service-text> from=<subnet-…|i-…|vpc-…|IP or CIDR|onprem> [port=N] [region=R] [account=A]',
  lang: '/privatelink lang [en|ja]',
};

const examples: Record<Subcommand, { example: string; what: string }> = {
  help: { example: '/privatelink help', what: 'this help' },
  compare: {
    example: '/privatelink compare',
    what: "peering, PrivateLink, gateway endpoint, Transit Gateway or VPC Lattice? A walkthrough with today's AWS facts",
  },
  services: { example: '/privatelink services kinesis', what: 'endpoint services offered in the region' },
  describe: { example: '/privatelink describe vpce-0a1b2c3d4e5f67890', what: "an endpoint's details, DNS routing and ready-to-paste commands" },
  dns: { example: '/privatelink dns kinesis-streams region=ap-northeast-1', what: 'just the DNS names, fast' },
  create: {
    example: '/privatelink create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders stream"',
    what: 'checks the request, then asks an approver (`create` alone opens a form)',
  },
  requests: { example: '/privatelink requests', what: 'approval requests still pending' },
  status: { example: '/privatelink status plr-0123456789', what: 'one request and its history' },
  cancel: { example: '/privatelink cancel plr-0123456789', what: 'withdraw your own pending request' },
  doctor: {
    example: '/privatelink doctor kinesis-streams from=subnet-0a1b2c3d',
    what: 'can this source reach the endpoint privately, and if not, why (read-only)',
  },
  lang: { example: '/privatelink lang ja', what: "your language for the bot's answers: en or ja (remembered)" },
};

const optionNames: Record<OptionId, string> = {
  'gateway-endpoint': 'Gateway endpoint',
  'interface-endpoint': 'Interface endpoint (PrivateLink)',
  'endpoint-service': 'Endpoint service (your NLB behind PrivateLink)',
  'vpc-peering': 'VPC peering',
  'transit-gateway': 'Transit Gateway',
  'vpc-lattice': 'VPC Lattice (service network or resource endpoint)',
  'centralized-endpoints': 'Centralized interface endpoints (one shared-services VPC for every spoke)',
};

const questionPrompts: Record<QuestionKey, string> = {
  target: 'What must be reached?',
  service: 'Which AWS service?',
  onprem: 'Must it be reachable from on-premises (Direct Connect or VPN)?',
  'cross-region': 'Are the consumer and the provider in different regions?',
  overlap: "Do the two VPCs' CIDR blocks overlap?",
  direction: 'Who opens the connections?',
  protocol: 'Which protocols are needed?',
  ipv6: 'Is IPv6 needed?',
  vpcs: 'How many VPCs are involved? (One service: its consumers plus the provider. An AWS service: the VPCs that use it. Whole VPCs: all that must reach each other.)',
};

const choiceLabels: { [K in QuestionKey]: Record<ChoiceValues[K], string> } = {
  target: {
    'aws-service': 'An AWS API (S3, Kinesis, …)',
    'own-service': 'A service we run',
    saas: 'A partner / Marketplace SaaS',
    'whole-vpc': 'Many hosts or ports of another VPC',
    resource: 'One resource, e.g. a database (host and port)',
  },
  service: { s3: 'S3', dynamodb: 'DynamoDB', other: 'Another AWS service' },
  onprem: { yes: 'Yes', no: 'No' },
  'cross-region': { yes: 'Yes', no: 'No' },
  overlap: { yes: 'Yes', no: 'No', unknown: "Don't know" },
  direction: { 'one-way': 'Only the consumer', both: 'Either side' },
  protocol: { tcp: 'TCP only', udp: 'UDP', any: 'Any (UDP, ICMP, …)' },
  ipv6: { yes: 'Yes', no: 'No' },
  vpcs: { '2': '2', '3': '3 to 10', '11': 'More than 10' },
};

const notes: Record<NoteId, string> = {
  'ruled.gateway-aws-only': "Gateway endpoints reach only S3 and DynamoDB, not your own or a partner's service.",
  'ruled.gateway-s3-dynamodb-only': 'Gateway endpoints exist only for S3 (S3 Express One Zone included, as `s3express`) and DynamoDB.',
  'ruled.gateway-no-outside': 'A gateway endpoint cannot be used from on-premises, peered VPCs or a Transit Gateway.',
  'ruled.gateway-same-region': 'A gateway endpoint reaches its own region only.',
  'ruled.interface-own-service': 'To reach a service you run, publish it as an endpoint service first (the endpoint-service option).',
  'ruled.interface-resource':
    'One resource with no load balancer is reached through a resource endpoint (VPC Lattice), or through an endpoint service once an NLB fronts it.',
  'ruled.privatelink-one-service': 'PrivateLink exposes one service behind a load balancer, not a whole VPC.',
  'ruled.privatelink-no-icmp': 'PrivateLink carries TCP and UDP only: ICMP and other protocols need routed reach (peering or Transit Gateway).',
  'ruled.endpoint-service-not-yours': 'You do not run this service; consume it through an interface endpoint instead.',
  'ruled.peering-aws-api': 'Peering connects VPCs; AWS APIs are reached through endpoints.',
  'ruled.peering-saas': 'A SaaS provider offers an endpoint service, not a peering into its network.',
  'ruled.peering-overlap': 'VPCs with overlapping CIDR blocks cannot be peered.',
  'ruled.peering-no-transit': 'Peering has no edge-to-edge routing: on-premises traffic cannot cross it.',
  'ruled.peering-quota': 'A full mesh of this many VPCs needs more than the hard limit of 125 peerings per VPC.',
  'ruled.peering-quota-consumers': "The provider's VPC would need one peering per consumer VPC, more than the hard limit of 125 per VPC.",
  'ruled.tgw-not-a-service-path':
    'A Transit Gateway routes between networks; it can carry traffic to an interface endpoint but does not reach the service by itself.',
  'ruled.tgw-overlap-two-way':
    'Overlapping networks behind a Transit Gateway need a private NAT gateway, which carries only connections the NAT side opens, not both ways.',
  'ruled.lattice-aws-api': 'AWS APIs are reached through endpoints, not through a VPC Lattice service network.',
  'ruled.lattice-saas': 'The provider offers an endpoint service: reach it through an interface endpoint.',
  'ruled.lattice-not-whole-vpc': 'VPC Lattice connects services and resources, not whole networks.',
  'ruled.lattice-protocols': 'VPC Lattice carries HTTP, HTTPS, gRPC and TLS services and TCP to single resources, not UDP or ICMP.',
  'ruled.central-aws-only': 'Centralized endpoints are the pattern for AWS services used from many VPCs.',
  'ruled.central-few-vpcs': 'With one or two VPCs, an endpoint in each is simpler: sharing one pays off across many VPCs.',
  'ruled.central-gateway-service': 'From inside each VPC a gateway endpoint is free: there is nothing to save by sharing an interface endpoint.',
  'why.gateway-free': 'S3 and DynamoDB from inside the VPC and region: a gateway endpoint does it through the route tables and costs nothing.',
  'why.interface-aws-service': 'An interface endpoint gives private access to the AWS API from your subnets, with no internet gateway or NAT.',
  'why.interface-saas': 'Partner and Marketplace SaaS offered as endpoint services are consumed through an interface endpoint.',
  'why.interface-onprem': 'Reachable from on-premises: interface endpoints work over Direct Connect and VPN, where gateway endpoints and peering do not.',
  'why.interface-inbound-only':
    'With private DNS for the inbound Resolver endpoint only, on-premises names resolve to the interface endpoint while in-VPC traffic stays on the free gateway endpoint.',
  'why.interface-cross-region-aws': 'Cross-region: this AWS service is on the list reachable through an interface endpoint in another region.',
  'why.interface-in-service-region':
    "This AWS service is not on the cross-region list: put the interface endpoint in a VPC of the service's region and reach it from your region, since interface endpoints work over peering and Transit Gateway.",
  'why.interface-service-region-unknown':
    "Unless the service is on the cross-region list (see below; then answer with its name, e.g. `service=lambda`), put the interface endpoint in a VPC of the service's region and reach it from your region over peering or Transit Gateway.",
  'why.privatelink-cross-region': 'Cross-region: an interface endpoint can reach an endpoint service in another region of the same partition.',
  'why.privatelink-udp': 'UDP is fine: endpoint services behind a Network Load Balancer with UDP listeners carry it.',
  'why.privatelink-many-consumers': 'Many consumer VPCs: each creates its own interface endpoint, with no peering per consumer on your VPC.',
  'why.endpoint-service-own': 'Your service behind a Network Load Balancer, published as an endpoint service: consumers see one service, not your network.',
  'why.endpoint-service-resource':
    'Put a Network Load Balancer in front of the resource and publish it as an endpoint service: it works today, at the cost of running the NLB.',
  'why.privatelink-overlap': 'Overlapping CIDR blocks do not matter to PrivateLink, while they make peering impossible.',
  'why.peering-whole-vpc': 'Peering gives whole-VPC reach, narrowed by routes, NACLs and security groups.',
  'why.peering-two-way': 'Both sides open connections: peering is two-way, PrivateLink is not.',
  'why.peering-any-protocol': 'ICMP and any other protocol cross a peering; PrivateLink carries only TCP and UDP.',
  'why.peering-cross-region': 'Peering works across regions.',
  'why.peering-few-vpcs': 'For a few VPCs, peering has no hourly fee and no hub to run.',
  'why.tgw-many-vpcs': 'Many VPCs: a hub with one attachment each beats a mesh of peerings, which grows as n(n-1)/2.',
  'why.tgw-onprem': 'On-premises networks attach to the Transit Gateway (VPN or Direct Connect) and route transitively to the VPCs.',
  'why.tgw-private-nat':
    'Overlapping CIDRs: a private NAT gateway in the overlapping VPC translates its traffic to a non-overlapping range behind the Transit Gateway.',
  'why.lattice-resource':
    'One resource (a database, a host and port): a resource endpoint reaches it by IP or DNS name and port, with no load balancer to run.',
  'why.lattice-service-network': 'Many services and VPCs over HTTP, HTTPS, gRPC or TLS: a VPC Lattice service network connects them with auth policies.',
  'why.lattice-overlap': 'Overlapping CIDR blocks do not matter to VPC Lattice.',
  'why.lattice-onprem': 'On-premises clients reach it through a service-network or resource endpoint in the VPC, over Direct Connect or VPN.',
  'why.central-many-vpcs':
    'Many VPCs use the service: one set of interface endpoints in a shared-services VPC, reached from the spokes over a Transit Gateway or peering, replaces an endpoint in every VPC, each billed per AZ-hour.',
  'why.central-pays-off':
    'At your traffic, with a Transit Gateway already attached to every VPC, the shared endpoint costs less than one per VPC, its data charge included (see where it pays off).',
  'why.only-option-left': 'It is the only option your answers leave open.',
  'also.gateway-for-vpc':
    'A gateway endpoint for the traffic from inside the VPC (free). EC2 refuses an interface endpoint with inbound-only private DNS unless the VPC already has one.',
  'also.peering-to-service-region':
    "Inter-region VPC peering from your VPC to the VPC holding the endpoint in the service's region (or Transit Gateway peering, if you already run Transit Gateways).",
  'also.tgw-to-service-region':
    "Transit Gateway peering between your region and the service's region (a Transit Gateway is regional), to reach the endpoint there.",
  'also.reverse-endpoint-service':
    'For the connections the other side opens: a second endpoint service, published by the side that receives them and consumed through an interface endpoint by the side that opens them (PrivateLink is one-way).',
  'alt.readdress': 'Re-address one VPC to remove the overlap; then peering or a Transit Gateway work for any protocol, both ways.',
  'alt.private-nat-tgw':
    'A private NAT gateway behind a Transit Gateway: connections from the overlapping VPC work; the other way, only to load balancers in non-overlapping subnets.',
  'alt.endpoint-service-pair': 'If the traffic is a few TCP or UDP services: a pair of endpoint services, one published by each side, carries both directions.',
  'alt.lattice':
    'If the traffic is HTTP, HTTPS, gRPC or TLS services (or TCP to single resources): a VPC Lattice service network connects them across VPCs, overlap or not.',
  'alt.provider-network':
    'Ask the provider whether it offers a routed connection (peering, Transit Gateway or VPN) into its network; PrivateLink carries only TCP and UDP.',
  'alt.tcp-udp-only': 'If TCP and UDP are enough (no ICMP), PrivateLink fits: compare again with protocol=udp.',
  'caveat.privatelink-protocols': 'TCP and UDP only (UDP needs UDP listeners on the NLB); no ICMP; only the consumer opens connections.',
  'caveat.private-dns-attributes':
    'Private DNS needs `enableDnsSupport` and `enableDnsHostnames` on the VPC, and only one endpoint per VPC can hold it for a service.',
  'caveat.sg-aws-api':
    "The endpoint's security group must allow inbound TCP 443 (the port of AWS APIs) from the clients (the VPC default SG is used when none is given).",
  'caveat.sg-listener-ports':
    "The endpoint's security group must allow the service's ports (its listener ports, and their protocol) from the clients: ask the provider for them and create with `ports=`.",
  'caveat.endpoint-service-dns': 'Most endpoint services have no private DNS name: create with `private-dns=off` and use the endpoint-specific names.',
  'caveat.one-subnet-per-az': 'One subnet per Availability Zone.',
  'caveat.cost-per-az': 'Billed per endpoint per AZ-hour plus per GB: count the AZs you enable.',
  'caveat.interface-quota': 'Quota: 50 interface endpoints per VPC by default (adjustable).',
  'caveat.onprem-dns':
    "On-premises clients using the service's default name need a conditional forwarder to a Route 53 Resolver inbound endpoint; endpoint-specific names resolve publicly and work over Direct Connect or VPN.",
  'caveat.peered-dns':
    "From your peered or TGW-attached VPC, the service's default name resolves to public IPs unless you share the endpoint's DNS (Resolver rules or a private hosted zone); endpoint-specific names work.",
  'caveat.inbound-only-gateway':
    'Create the gateway endpoint first: with `private-dns=inbound-only` EC2 refuses the interface endpoint unless the VPC has a gateway endpoint for the service. Without a gateway endpoint, use `private-dns=on` (in-VPC traffic then goes through the interface endpoint too).',
  'caveat.global-name': 'A global service: its endpoint service name has no region (`com.amazonaws.iam`, `com.amazonaws.route53`).',
  'caveat.acceptance': 'The provider may require acceptance: the endpoint waits in pendingAcceptance until accepted.',
  'caveat.provider-enables-region': 'Cross-region: the provider must enable your region on the endpoint service; create with `service-region=`.',
  'caveat.gateway-in-vpc-only': 'Usable only from inside the VPC: not from on-premises, peered VPCs or a Transit Gateway.',
  'caveat.gateway-routes': 'Add it to every route table whose subnets need it; NACLs cannot reference its prefix list.',
  'caveat.peering-quota': '50 peerings per VPC by default, 125 at most; one per pair of VPCs.',
  'caveat.peering-no-transit': 'Not transitive: each pair of VPCs needs its own peering and routes on both sides.',
  'caveat.peering-cost': 'Data across AZs and regions is billed.',
  'caveat.check-overlap': 'Check the CIDR blocks first: an overlap rules this out.',
  'caveat.private-nat-one-way':
    'Through a private NAT gateway only the overlapping VPC opens connections; the other way reaches only addresses in non-overlapping subnets (a load balancer there).',
  'caveat.or-readdress': 'Or re-address one VPC to remove the overlap; then the Transit Gateway routes both ways without NAT.',
  'caveat.tgw-regional': 'A Transit Gateway is regional: across regions, run one per region and join them with a Transit Gateway peering attachment.',
  'caveat.ipv6-interface': 'IPv6: create with `ip=dualstack` or `ip=ipv6`; the service must support it.',
  'caveat.ipv6-gateway': 'IPv6: gateway endpoints carry dual-stack traffic.',
  'caveat.cross-region-service-list':
    'Cross-region interface endpoints exist only for S3, IAM, ECR, KMS, ECS, Lambda, Data Firehose, Managed Service for Apache Flink and Route 53; not Kinesis Data Streams, not DynamoDB.',
  'caveat.lattice-protocols':
    'Service listeners: HTTP, HTTPS (gRPC included) and TLS passthrough, no WebSockets; plain TCP only to a resource, through a resource configuration; no UDP, no ICMP.',
  'caveat.lattice-cross-region':
    'Across regions: the bot found no AWS source that a service network reaches services or resources in another region; try it before relying on it, or use the other options.',
  'caveat.central-dns':
    "DNS is the work: create the hub endpoints with private DNS off, then a private hosted zone per service name (an alias to the endpoint's regional DNS name), associated with every spoke VPC or shared through a Route 53 profile.",
  'caveat.central-resolver': "Spoke hosts must resolve through their VPC's Route 53 Resolver (VPC base + 2); custom DNS servers must forward there.",
  'caveat.central-tgw-data': "Every GB also pays the Transit Gateway's data processing charge, and each spoke needs an attachment (or a peering) to the hub.",
  'caveat.central-past-break-even':
    'At your traffic the Transit Gateway data charge outweighs the endpoints saved: an endpoint per VPC costs less (see where it pays off).',
  'caveat.central-hop': 'One more hop: the Transit Gateway or peering routes between spokes and hub must carry the endpoint subnets.',
  'caveat.central-sg': "The hub endpoints' security group must admit the spokes' CIDRs (or a prefix list of them), which lie outside the hub VPC.",
  'caveat.lattice-quota': 'Quota: 200 resource endpoints and 50 service-network endpoints per VPC.',
  'caveat.lattice-endpoint':
    'Clients over Direct Connect, VPN, peering or a Transit Gateway reach it only through a VPC endpoint (service-network or resource), not a VPC association.',
  'next.services': 'See the endpoint service and its private DNS name:',
  'next.create': 'Request the endpoint (checked, then sent for approval):',
  'next.create-inbound-only': 'Then request the interface endpoint with private DNS for on-premises only:',
  'next.create-cross-region': 'Request the endpoint to the service in its region:',
  'next.create-in-service-region': "Request the endpoint in a VPC of the service's region:",
  'next.create-saas': "Request an interface endpoint to the provider's endpoint service:",
  'next.publish-service': 'Publish your NLB as an endpoint service:',
  'next.publish-reverse': 'For the other direction, the receiving side publishes its own endpoint service:',
  'next.gateway': 'Create the gateway endpoint in your route tables:',
  'next.gateway-first': 'First the gateway endpoint in your route tables (EC2 requires it for inbound-only private DNS):',
  'next.peering': 'Request the peering, accept it, then add routes on both sides:',
  'next.peering-to-service-region': 'Then peer your VPC with that VPC, accept, and add routes on both sides:',
  'next.tgw': 'Create the hub and attach each VPC:',
  'next.tgw-peering': 'Join the Transit Gateways of the two regions:',
  'next.private-nat': 'Put a private NAT gateway in a non-overlapping subnet of the overlapping VPC:',
  'next.lattice-resource-gateway': "Create a resource gateway in the resource's VPC:",
  'next.lattice-resource-configuration': 'Describe the resource (IP or DNS name and port):',
  'next.lattice-resource-endpoint': 'Create a resource endpoint in each consumer VPC:',
  'next.lattice-service-network': 'Create a service network and associate your services with it:',
  'next.lattice-associate': 'Connect each consumer VPC through a service-network endpoint:',
  'next.central-create': 'Request the endpoint in the hub VPC, with private DNS off:',
  'next.central-zone':
    "Create a private hosted zone named as the service's private DNS name (`/privatelink services` shows it) in the hub, with an alias record to the endpoint:",
  'next.central-profile': 'Share the zone with the spokes through a Route 53 profile (or associate it with each spoke VPC):',
  'next.readdress': 'Or re-address one VPC to remove the overlap, then compare again:',
  'next.narrow-protocol': 'If TCP and UDP are enough, compare again:',
};

function fieldError(field: string, e: FieldError): string {
  switch (e.code) {
    case 'required':
      return `${code(field)} is required.`;
    case 'badId':
      return `${code(e.value)} is not a valid ${esc(e.prefix)} id (${esc(e.prefix)} followed by 8 or 17 hex characters).`;
    case 'duplicateId':
      return `${code(e.value)} is listed twice.`;
    case 'badChoice':
      return `${code(e.value)} is not one of ${e.allowed.map(code).join(', ')}.`;
    case 'badRegion':
      return `${code(e.value)} is not an AWS region I know (e.g. ${code('ap-northeast-1')}).`;
    case 'badServiceName':
      return `${code(e.value)} is not a service name: use a short name like ${code('kinesis-streams')} or a full one like ${code('com.amazonaws.ap-northeast-1.kinesis-streams')}.`;
    case 'tooLong':
      return `${code(field)} takes at most ${esc(e.max)} ${field === 'reason' ? 'characters' : 'entries'}.`;
    case 'badPort':
      return `${code(e.value)} is not a port: ${code(field)} takes TCP port numbers from 1 to 65535, comma-separated (e.g. ${code('ports=443,8443')}).`;
    case 'duplicatePort':
      return `Port ${code(String(e.value))} is listed twice in ${code(field)}.`;
    case 'badAccount':
      return `${code(e.value)} is not an account alias: ${code(field)} takes one of the configured aliases (lowercase letters, digits and -), or ${code('home')}.`;
    case 'unknownAccount':
      return `No account ${code(e.value)} is configured.${e.suggestion ? ` Did you mean ${code(e.suggestion)}?` : ''} Ask an admin to add it to ${code('ACCOUNTS')}, or leave ${code(field)} out to use the bot's own account.`;
  }
}

function parseError(e: ParseError): string {
  const mean = (s?: string) => (s ? ` Did you mean ${code(s)}?` : '');
  switch (e.code) {
    case 'unknownCommand':
      return `I don't know the command ${code(e.word)}.${mean(e.suggestion)}`;
    case 'unknownOption':
      return `Unknown option ${code(e.key)} for ${code(e.command)}.${mean(e.suggestion)}`;
    case 'duplicateOption':
      return `${code(e.key)} is given twice.`;
    case 'badValue':
      return `${code(`${esc(e.key)}=${esc(e.value)}`)} is not valid: use ${e.allowed.map(code).join(', ')}.`;
    case 'badRegion':
      return fieldError('region', { code: 'badRegion', value: e.value });
    case 'badId':
      return `${code(e.value)} is not a valid ${esc(e.expected)} id.`;
    case 'missingArgument':
      return `${code(e.command)} needs a ${esc(e.what)}.`;
    case 'unexpectedArgument':
      return `I didn't expect ${code(e.word)} here.`;
    case 'badField':
      return fieldError(e.field, e.error);
    case 'unclosedQuote':
      return 'A quote is not closed.';
    case 'textTooLong':
      return `The command is too long (${e.length.toLocaleString('en-US')} characters): I read at most ${e.max.toLocaleString('en-US')}. Shorten it and send it again.`;
  }
}

/** In a member account the missing permission belongs to the role the bot assumes there. */
const roleMayNot = (a: string, account?: string) =>
  account
    ? `The role the bot assumes in account ${code(account)} may not call ${code(a)}. Add that action to that role (the deploy/ template's read actions).`
    : `The bot's AWS role may not call ${code(a)}. Add that action to its IAM policy (docs/operations.md, "IAM permissions").`;

const ec2Problems: Record<Ec2ProblemCode, (action: string, region: string, account?: string) => string> = {
  'InvalidVpcEndpointId.NotFound': (_a, r) => `That endpoint does not exist in ${code(r)}. Check the id, or the region with ${code('region=')}.`,
  'InvalidVpcEndpointId.Malformed': () => 'That is not a valid endpoint id (vpce- followed by 8 or 17 hex characters).',
  'InvalidVpcID.NotFound': (_a, r) => `That VPC does not exist in ${code(r)} (or this account cannot see it). Check the id and ${code('region=')}.`,
  'InvalidSubnetID.NotFound': (_a, r) => `A subnet does not exist in ${code(r)}. Check the ids and ${code('region=')}.`,
  'InvalidSecurityGroupID.NotFound': (_a, r) => `A security group does not exist in ${code(r)}. Check the ids and ${code('region=')}.`,
  InvalidServiceName: (_a, r) => `No endpoint service by that name in ${code(r)}. List them with ${code('/privatelink services <text>')}.`,
  UnauthorizedOperation: (a, _r, account) => roleMayNot(a, account),
  AccessDenied: (a, _r, account) => roleMayNot(a, account),
  AuthFailure: () => "AWS rejected the bot's credentials. Check the role or keys the bot runs with.",
  NoCredentials: () => 'The bot has no AWS credentials. Give it a role (Lambda) or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally).',
  RequestLimitExceeded: (_a, r) => `AWS is throttling EC2 calls in ${code(r)}; I retried and gave up. Try again in a minute.`,
  Timeout: (_a, r) => `The EC2 API in ${code(r)} did not answer in time. Try again; if it keeps happening, check the bot's network path to AWS.`,
  Unreachable: (_a, r) => `I could not reach the EC2 API in ${code(r)}. Try again; if it keeps happening, check the bot's network path to AWS.`,
  VpcEndpointLimitExceeded: (_a, r) =>
    `The VPC has reached its interface endpoint quota in ${code(r)} (50 by default). Delete unused endpoints or request a quota increase (Service Quotas → Amazon VPC).`,
  DuplicateSubnetsInSameZone: () => 'Two of the subnets are in the same Availability Zone; an endpoint takes at most one subnet per AZ. Drop one of them.',
  InvalidParameter: () =>
    'EC2 rejected a parameter (often: private DNS asked for a service that offers none, or the VPC lacks DNS support). The details are below.',
  IdempotentParameterMismatch: () => "EC2 already has a create with this request's token but different parameters; nothing new was created.",
  Throttling: (_a, r) => `AWS is throttling EC2 calls in ${code(r)}; I retried and gave up. Try again in a minute.`,
  // The worker's own code when the region left ALLOWED_REGIONS after approval.
  RegionNotAllowed: (_a, r) => `Region ${code(r)} is no longer in ${code('ALLOWED_REGIONS')}; nothing was created. File a new request in an allowed region.`,
  // Member accounts (ACCOUNTS): roles the bot assumes.
  AssumeRoleDenied: (_a, _r, account) =>
    `The bot may not assume the role of account ${code(account ?? '?')} (${code('sts:AssumeRole')} denied). Fix the role's trust policy in that account: it must trust the bot's roles (and require ${code('ACCOUNTS_EXTERNAL_ID')} if one is set), or correct its ARN in ${code('ACCOUNTS')}.`,
  AccountNotConfigured: (_a, _r, account) =>
    `Account ${code(account ?? '?')} is not in ${code('ACCOUNTS')} (any more); nothing was done there. Ask for one of the configured accounts.`,
  // Creating in a member account.
  AccountChanged: (_a, _r, account) =>
    `The alias ${code(account ?? '?')} now names another AWS account in ${code('ACCOUNTS')} than the one this request was filed for; nothing was created. File a new request.`,
};

function ec2Problem(errorCode: string, action: string, region: string, detail: string, account?: string): string {
  const known = isEc2ProblemCode(errorCode) ? ec2Problems[errorCode] : undefined;
  return known ? known(action, region, account) : `EC2 answered ${code(errorCode)} to ${code(action)} in ${code(region)}: ${esc(detail)}`;
}

type Values = Record<string, string>;
interface Finding {
  text: string;
  fix?: string;
}

const preflightFindings: Record<PreflightCode, (v: Values) => Finding> = {
  idsOk: (v) => ({ text: `Ids well-formed; region ${code(v.region!)}.` }),
  noRegion: () => ({ text: 'No region given.', fix: `Add ${code('region=…')} or set AWS_REGION for the bot.` }),
  regionNotAllowed: (v) => ({ text: `Region ${code(v.region!)} is not allowed here.`, fix: `Use one of ${esc(v.allowed)}.` }),
  serviceOk: (v) => ({ text: `${code(v.service!)} offers interface endpoints in ${esc(v.azs)}.` }),
  serviceNotFound: (v) => ({
    text: `No endpoint service ${code(v.service!)} in ${code(v.region!)}.`,
    fix: `Find the right name with ${code('/privatelink services <text>')}.`,
  }),
  serviceNotInterface: (v) => ({
    text: `${code(v.service!)} offers ${esc(v.types)} endpoints only, not Interface.`,
    fix: 'Use a gateway endpoint for it (route tables), or pick another service.',
  }),
  serviceNeedsAcceptance: (v) => ({
    text: `${code(v.service!)} requires acceptance: the endpoint waits in pendingAcceptance until its owner${v.owner ? ` (${esc(v.owner)})` : ''} accepts it.`,
  }),
  subnetsOk: (v) => ({ text: `Subnets are in the VPC, one per AZ (${esc(v.azs)}).` }),
  subnetNotFound: (v) => ({ text: `A subnet does not exist in ${code(v.region!)}: ${esc(v.detail)}.`, fix: 'Check the subnet ids and the region.' }),
  subnetOtherVpc: (v) => ({ text: `Subnets outside ${code(v.vpc!)}: ${esc(v.subnets)}.`, fix: "Use subnets of the endpoint's VPC." }),
  subnetSameAz: (v) => ({ text: `Two subnets in ${code(v.az!)}: ${esc(v.subnets)}.`, fix: 'An endpoint takes at most one subnet per AZ: keep one.' }),
  subnetAzUnsupported: (v) => ({ text: `The service is not offered in the AZ of ${esc(v.subnets)}.`, fix: `Use subnets in ${esc(v.azs)}.` }),
  defaultSecurityGroup: (v) => ({
    text: `No security group given: the default security group of ${code(v.vpc!)} will be attached.`,
    fix: `Name one with ${code('sg=sg-…')} that allows inbound TCP ${esc(v.ports)} from the clients.`,
  }),
  groupsOk: (v) => ({ text: `Inbound TCP ${esc(v.ports)} allowed from ${v.sources ? `the VPC's CIDRs (${esc(v.sources)})` : 'the listed sources'}.` }),
  groupNotFound: (v) => ({
    text: `A security group does not exist in ${code(v.region!)}: ${esc(v.detail)}.`,
    fix: 'Check the security group ids and the region.',
  }),
  groupOtherVpc: (v) => ({ text: `Security groups outside ${code(v.vpc!)}: ${esc(v.groups)}.`, fix: "Use security groups of the endpoint's VPC." }),
  groupNoPort: (v) => ({
    text: `No rule in ${esc(v.groups)} allows inbound TCP ${esc(v.ports)}: clients could not reach the endpoint on ${v.ports === '443' ? 'that port' : 'those ports'}.`,
    fix: `Add an inbound rule for TCP ${esc(v.ports)} from ${v.cidrs ? `the VPC's CIDRs (${esc(v.cidrs)})` : "the clients' CIDRs"} or the clients' security group.`,
  }),
  groupPartialCoverage: (v) => ({
    text: `Inbound TCP ${esc(v.port)} is allowed only from ${esc(v.allowed) || 'nothing'}, which leaves out ${esc(v.uncovered)} of the VPC.`,
    fix: `Allow TCP ${esc(v.port)} from ${esc(v.uncovered)}, or make sure every client is inside the allowed sources.`,
  }),
  groupOutsideSources: (v) => ({
    text: `Inbound TCP ${esc(v.port)} is allowed only from ${esc(v.allowed)}, outside the VPC (${esc(v.cidrs)}): right for an endpoint shared with other VPCs (spokes over a Transit Gateway or peering) or on-premises, but clients in this VPC could not reach it.`,
    fix: `If clients in this VPC use it too, add an inbound rule for TCP ${esc(v.port)} from the VPC's CIDRs (${esc(v.cidrs)}) or their security group.`,
  }),
  groupOpenToWorld: (v) => ({ text: `TCP ${esc(v.ports)} is open to ${esc(v.cidrs)}.`, fix: "Narrow it to the VPC's CIDR or the clients' security group." }),
  privateDnsOff: () => ({
    text: "Private DNS off: the service's default name keeps resolving to public addresses, so it goes over the internet from public subnets and from private subnets with a NAT gateway, and fails from private subnets without one; to stay private, clients must use the endpoint-specific names.",
  }),
  vpcNotFound: (v) => ({ text: `VPC ${code(v.vpc!)} does not exist in ${code(v.region!)}.`, fix: 'Check the VPC id and the region.' }),
  vpcDnsAttributes: (v) => ({
    text: `${code(v.vpc!)} lacks ${esc(v.missing)}, which private DNS needs.`,
    fix: `aws ec2 modify-vpc-attribute --vpc-id ${esc(v.vpc)} --enable-dns-support; aws ec2 modify-vpc-attribute --vpc-id ${esc(v.vpc)} --enable-dns-hostnames (or private-dns=off)`,
  }),
  serviceNoPrivateDns: (v) => ({ text: `${code(v.service!)} offers no private DNS name.`, fix: `Ask again with ${code('private-dns=off')}.` }),
  privateDnsTaken: (v) => ({
    text: `${code(v.endpoint!)} already holds private DNS for ${code(v.service!)} in this VPC; only one endpoint can.`,
    fix: `Use that endpoint, ask with ${code('private-dns=off')}, or remove it first.`,
  }),
  privateDnsOk: (v) => ({ text: `The VPC has DNS support and hostnames; ${v.name ? code(v.name) : 'the service name'} will resolve to the endpoint.` }),
  privateDnsAllResolvers: (v) => ({
    text: `The VPC has DNS support and hostnames; ${v.name ? code(v.name) : 'the service name'} will resolve to the endpoint for in-VPC and on-premises clients (${code('PrivateDnsOnlyForInboundResolverEndpoint=false')} is sent, so no gateway endpoint is needed).`,
  }),
  privateDnsInboundOnly: (v) => ({
    text: `Private DNS will answer only queries from the Route 53 Resolver inbound endpoint (on-premises); in-VPC clients keep using gateway endpoint ${code(v.gateway!)}.`,
  }),
  inboundOnlyNotBothTypes: (v) => ({
    text: `${code('private-dns=inbound-only')} is only for services offering both gateway and interface endpoints (S3, DynamoDB); ${code(v.service!)} offers ${esc(v.types)}.`,
    fix: `Ask again with ${code('private-dns=on')} or ${code('private-dns=off')}.`,
  }),
  inboundOnlyNoGateway: (v) => ({
    text: `${code('private-dns=inbound-only')} needs a gateway endpoint for ${code(v.service!)} in ${code(v.vpc!)}; EC2 refuses the create without one.`,
    fix: `Create the gateway endpoint first (${code(`aws ec2 create-vpc-endpoint --region ${esc(v.region)} --vpc-id ${esc(v.vpc)} --service-name ${esc(v.service)} --route-table-ids rtb-…`)}), or ask with ${code('private-dns=on')} so in-VPC clients use the interface endpoint too.`,
  }),
  ipTypeOk: (v) => ({ text: `IP type ${code(v.type!)}: the subnets and the service support it.` }),
  ipv4NeedsIpv4Subnets: (v) => ({
    text: `${esc(v.subnets)} ${v.subnets!.includes(',') ? 'are' : 'is'} IPv6-only; an IPv4 endpoint needs subnets with IPv4 addresses.`,
    fix: `Use subnets with an IPv4 CIDR, or ask with ${code('ip=ipv6')}.`,
  }),
  dualstackNeedsDualSubnets: (v) => ({
    text: `${code('ip=dualstack')} needs subnets with both IPv4 and IPv6 CIDRs; ${esc(v.subnets)} ${v.subnets!.includes(',') ? 'do' : 'does'} not have both.`,
    fix: `Add an IPv6 CIDR to ${esc(v.subnets)} (and to the VPC), or ask with ${code('ip=ipv4')}.`,
  }),
  ipv6NeedsIpv6OnlySubnets: (v) => ({
    text: `${code('ip=ipv6')} needs IPv6-only subnets; ${esc(v.subnets)} ${v.subnets!.includes(',') ? 'are' : 'is'} not IPv6-only.`,
    fix: `Use IPv6-only subnets, or ask with ${code('ip=dualstack')} on dual-stack subnets.`,
  }),
  ipTypeUnsupported: (v) => ({
    text: `${code(v.service!)} supports ${esc(v.supported)} only, not ${code(v.type!)}.`,
    fix: `Ask with an IP type the service supports (${code('ip=ipv4')}${v.supported!.includes('ipv6') ? `, ${code('ip=dualstack')} or ${code('ip=ipv6')}` : ''}).`,
  }),
  freeIpsOk: (v) => ({ text: `Every subnet has free addresses (${esc(v.counts) || 'IPv6'}).` }),
  subnetFull: (v) => ({
    text: `No free IP address in ${esc(v.subnets)}: the endpoint needs one per subnet.`,
    fix: 'Pick another subnet in that AZ, or free addresses in it.',
  }),
  quotaOk: (v) => ({ text: `${esc(v.count)} interface endpoints in ${code(v.vpc!)}; the default quota is ${esc(v.quota)} per VPC (adjustable).` }),
  quotaReached: (v) => ({
    text: `${code(v.vpc!)} already has ${esc(v.count)} interface endpoints: the default quota is ${esc(v.quota)} per VPC. Unless it was raised, EC2 will refuse with ${code('VpcEndpointLimitExceeded')}.`,
    fix: 'The quota is adjustable: request an increase (Service Quotas → Amazon VPC → Interface VPC endpoints per VPC), or delete endpoints no longer used.',
  }),
  quotaUnchecked: (v) => ({ text: `Could not count the VPC's endpoints (${code(v.code!)}), so the quota of 50 per VPC was not checked.` }),
  singleAz: (v) => ({
    text: `One subnet only (${esc(v.az)}): if that AZ fails, the endpoint is unreachable.`,
    fix: 'Add a subnet in another Availability Zone (one per AZ).',
  }),
  multiAz: (v) => ({ text: `Subnets in ${esc(v.count)} Availability Zones.` }),
  naclOk: (v) => ({ text: `The subnets' network ACLs admit TCP ${esc(v.ports)} from the VPC and the return traffic.` }),
  naclBlocksInbound: (v) => ({
    text: `Network ACL ${code(v.acl!)} (${esc(v.subnets)}) does not admit TCP ${esc(v.ports)} from ${esc(v.cidr)}.`,
    fix: `Add an inbound allow rule for TCP ${esc(v.ports)} from ${esc(v.cidr)} to ${code(v.acl!)}, numbered below any rule that denies it.`,
  }),
  naclBlocksReturn: (v) => ({
    text: `Network ACL ${code(v.acl!)} (${esc(v.subnets)}) does not let the replies out: outbound TCP ${esc(v.from)}-${esc(v.to)} to ${esc(v.cidr)} is not allowed.`,
    fix: `Add an outbound allow rule for TCP ${esc(v.from)}-${esc(v.to)} (the clients' ephemeral ports) to ${esc(v.cidr)} on ${code(v.acl!)}.`,
  }),
  naclUnchecked: (v) => ({ text: `Could not read the subnets' network ACLs (${code(v.code!)}); check by hand that they admit the ports.` }),
  crossRegionOk: (v) => ({ text: `${code(v.service!)} in ${code(v.serviceRegion!)} is offered to ${code(v.region!)} (cross-region).` }),
  crossRegionNotListed: (v) => ({
    text: `${code(v.service!)} is not on AWS's list of services reachable cross-region (${esc(v.listed)}).`,
    fix: `Create the endpoint in ${code(v.serviceRegion!)} (${code(`region=${esc(v.serviceRegion)}`)}) and reach it over inter-region peering or Transit Gateway.`,
  }),
  crossRegionNotOffered: (v) => ({
    text: `${code(v.service!)} is not offered from ${code(v.serviceRegion!)} to ${code(v.region!)}.`,
    fix: `The provider must add ${code(v.region!)} to the service's supported regions; check ${code('service-region=')} and the name with ${code(`/privatelink services <text> region=${esc(v.serviceRegion)}`)}.`,
  }),
  permitted: () => ({ text: "DryRun: the bot's role may create this endpoint." }),
  notPermitted: (v) =>
    v.account
      ? {
          text: `DryRun: the bot's role in account ${code(v.account)} may not call ${code(v.action!)}.`,
          fix: `Roll out ${code('deploy/member-role.yml')} in that account with this region in its AllowedRegions (its create statements need the worker's create session).`,
        }
      : {
          text: `DryRun: the bot's role may not call ${code(v.action!)}.`,
          fix: 'Add it to the role\'s IAM policy (docs/operations.md, "IAM permissions").',
        },
  sharedVpcParticipant: (v) => ({
    text: `DryRun: ${code(v.vpc!)} is shared with this account (VPC sharing), and a participant cannot create interface endpoints in the owner's subnets (${esc(v.subnets)}); EC2 says "This operation does not support shared VPCs". No IAM change fixes it.`,
    fix: "Ask the VPC owner's account to create the endpoint (for example with the bot's role there: `account=`), or use a VPC this account owns.",
  }),
  ec2Error: (v) => ({ text: ec2Problem(v.code!, v.action!, v.region!, v.message ?? '', v.account) }),
};

// ---- reach: which name routes where (describe), and the companions a private subnet may need ----
const reach = {
  dnsMode: { on: 'on', off: 'off', 'inbound-only': 'inbound-only (answered only for the Resolver inbound endpoint)' } satisfies Record<DnsMode, string>,
  serviceRegion: 'Service region',
  enis: 'ENIs (IP per AZ)',
  eniLine: (az: string, ip: string, eni: string, subnet: string) => `_${esc(az)}_  ${code(ip)}  ${esc(eni)} · ${esc(subnet)}`,
  enisUnknown: 'Could not read the ENIs (ec2:DescribeNetworkInterfaces).',
  routing: 'Which name goes where',
  inVpc: 'In the VPC',
  remoteVpc: 'From a peered or TGW-attached VPC',
  onprem: 'From on-premises (DX/VPN)',
  variants: { igw: 'public subnet (IGW)', nat: 'private subnet with NAT', none: 'private subnet, no NAT', unknown: 'any subnet' } satisfies Record<
    InternetPath,
    string
  >,
  outcome: (resolvesTo: Resolution, path: Path): string => {
    if (resolvesTo === 'nothing') return 'resolves to nothing';
    if (resolvesTo === 'unknown') return 'unknown';
    const ips = resolvesTo === 'endpoint-ips' ? "the endpoint's private IPs" : 'public IPs';
    const paths: Record<Path, string> = {
      endpoint: 'through the endpoint',
      'gateway-endpoint': 'through the gateway endpoint (stays private)',
      'internet-igw': 'over the internet (IGW)',
      'internet-nat': 'over the internet through the NAT gateway',
      'internet-onprem': "over the on-premises network's own way to the internet, not the endpoint",
      'no-route': 'no route out: the call times out',
      unknown: 'path not known',
    };
    return `${esc(ips)} → ${paths[path]}`;
  },
  why: {
    'endpoint-specific': "a public DNS record holding the endpoint's private IPs: any resolver answers it",
    'private-dns-on': "private DNS on: the VPC's private zone answers with the endpoint's IPs",
    'vpc-dns-attributes-off': "private DNS needs `enableDnsSupport` and `enableDnsHostnames` on the endpoint's VPC, and one is off",
    'vpc-dns-attributes-unknown': "the VPC's DNS attributes could not be read",
    'client-dns-off':
      "`enableDnsSupport` is off in the client's VPC: the Amazon-provided resolver does not answer (unless DHCP options name other DNS servers)",
    'private-dns-off': 'private DNS off: the default name is the public one',
    'inbound-only-in-vpc':
      "inbound-only: only queries arriving through a Route 53 Resolver inbound endpoint get the endpoint's IPs; in-VPC clients use the gateway endpoint",
    'remote-vpc-no-forwarding': "the endpoint's private zone is associated with its own VPC only",
    'remote-vpc-forwarding': "Resolver rules or a shared private hosted zone send the name to the endpoint's VPC",
    'remote-vpc-forwarding-unknown':
      'public IPs unless Resolver rules or a shared private hosted zone point this VPC at the endpoint; the bot cannot see Route 53 Resolver',
    'onprem-forwarder': "a conditional forwarder sends the name to a Route 53 Resolver inbound endpoint in the endpoint's VPC",
    'onprem-no-forwarder': 'without a conditional forwarder to a Resolver inbound endpoint, on-premises DNS answers the public IPs',
    'onprem-forwarder-unknown':
      "public IPs unless on-premises DNS forwards the name to a Route 53 Resolver inbound endpoint in the endpoint's VPC; the bot cannot see either",
  } satisfies Record<ReachWhy, string>,
  tryIt: (region: string) => `Try it from inside the VPC (signed for ${code(region)})`,
  companionsTitle: 'Other endpoints this VPC may need',
  companionsIntro: 'A private subnet calling an AWS API that has no endpoint (and no NAT) times out. Missing in this VPC:',
  companionsNone: 'The common companions (sts, logs, ssm, ecr, secrets) all have endpoints in this VPC.',
  companionsUnknown: "Could not list the VPC's other endpoints.",
  companions: {
    sts: 'role credentials (AssumeRole, web identity)',
    logs: 'CloudWatch Logs (agents, Lambda, ECS)',
    ssm: 'Session Manager and Systems Manager on instances',
    ecr: 'pulling images from ECR (S3 as a gateway endpoint carries the layers)',
    secrets: 'Secrets Manager and the KMS keys behind them',
  } satisfies Record<CompanionGroup['id'], string>,
  companionLine: (what: string, missing: string[]) => `${esc(what)}: ${missing.map(code).join(', ')}`,
  source: 'source',
};

// ---- doctor: "can this source reach that endpoint privately, and if not, why?" ----
const reachWhy: Readonly<Record<string, string>> = reach.why;
const whyText = (why = '') => reachWhy[why] ?? why;
type DoctorValues = Record<string, string>;
const doctorFindings: Record<DoctorFindingId, (v: DoctorValues) => { text: string; fix?: string }> = {
  'state.available': (v) => ({ text: `${code(v.endpoint!)} is available.` }),
  'state.pendingAcceptance': (v) => ({
    text: `${code(v.endpoint!)} waits for the service owner to accept it: nothing passes until then.`,
    fix: 'The provider accepts it (VPC console → Endpoint services → Endpoint connections):',
  }),
  'state.other': (v) => ({ text: `${code(v.endpoint!)} is ${code(v.state!)}, not available.`, fix: 'See its last error:' }),
  'az.same': (v) => ({ text: `The endpoint has an ENI in the source's AZ ${code(v.az!)}${v.ip ? ` (${code(v.ip)})` : ''}.` }),
  'az.cross': (v) => ({
    text: `No endpoint ENI in the source's AZ ${code(v.az!)} (ENIs in ${esc(v.azs)}): it works, but cross-AZ data is billed and an outage of that AZ cuts the source off.`,
    fix: 'Add a subnet in that AZ to the endpoint:',
  }),
  'az.none': (v) => ({ text: `${code(v.endpoint!)} has no ENI in any subnet.`, fix: 'Add subnets to the endpoint (one per AZ).' }),
  'az.unknown': () => ({ text: "Could not read the endpoint's ENIs: AZ unknown." }),
  'az.list': (v) => ({ text: `Endpoint ENIs in ${esc(v.azs)}.` }),
  'port.aws': () => ({ text: 'Port 443 (HTTPS), the port of AWS APIs.' }),
  'port.awsNot443': (v) => ({ text: `Port ${esc(v.port)}: AWS APIs listen on 443 only.`, fix: 'Check the port they use:' }),
  'port.given': (v) => ({ text: `Port ${esc(v.port)}, as given (the provider's listener port).` }),
  'port.assumed': () => ({
    text: "Checked port 443; an endpoint service is reached on its load balancer's listener ports.",
    fix: `Give the provider's port with ${code('port=N')}.`,
  }),
  'routing.local': (v) => ({ text: `Same VPC ${code(v.vpc!)}: the local route carries it.` }),
  'routing.peering': (v) => ({ text: `${code(v.table!)} sends ${code(v.cidr!)} over the active peering ${code(v.peering!)}.` }),
  'routing.none': (v) => ({ text: `${code(v.table!)} has no route to ${code(v.cidr!)} (${code(v.vpc!)}).`, fix: 'Add the route over the peering:' }),
  'routing.nonePeering': (v) => ({
    text: `${code(v.table!)} has no route to ${code(v.cidr!)} (${code(v.vpc!)}), and the two VPCs are not peered.`,
    fix: 'Peer the VPCs (then add routes on both sides) or attach both to a Transit Gateway.',
  }),
  'routing.blackhole': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} to ${code(v.target!)}, which is a blackhole (deleted target).`,
    fix: 'Replace the route:',
  }),
  'routing.peeringInactive': (v) => ({ text: `The peering ${code(v.peering!)} is ${code(v.status!)}, not active.`, fix: 'The accepter accepts it:' }),
  'routing.peeringWrongVpc': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} over ${code(v.peering!)}, which does not lead to ${code(v.vpc!)}.`,
    fix: 'Point the route at the right peering:',
  }),
  'routing.tgw': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} to the Transit Gateway ${code(v.tgw!)}; the bot could not read its attachments or route tables: unknown.`,
    fix: 'Check the TGW route table of the attachment:',
  }),
  'routing.tgwRoute': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} to the Transit Gateway ${code(v.tgw!)}, whose route table ${code(v.tgwTable!)} (associated with ${code(v.attachment!)}) sends ${code(v.destination!)} to ${code(v.vpc!)}.`,
  }),
  'routing.tgwNoRoute': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} to the Transit Gateway ${code(v.tgw!)}, but its route table ${code(v.tgwTable!)} (associated with ${code(v.attachment!)}) has no route to it: the TGW drops it.`,
    fix: "Add the route to the other VPC's attachment:",
  }),
  'routing.tgwBlackhole': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} to the Transit Gateway ${code(v.tgw!)}, whose route table ${code(v.tgwTable!)} has a blackhole route ${code(v.destination!)} for it: the TGW drops it.`,
    fix: "Point it at the other VPC's attachment:",
  }),
  'routing.tgwElsewhere': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} to the Transit Gateway ${code(v.tgw!)}, whose route table ${code(v.tgwTable!)} sends ${code(v.destination!)} to ${esc(v.target)}, not to ${code(v.vpc!)}: what happens there (an inspection VPC, a VPN) is not visible to the bot: unknown.`,
    fix: 'Test the connection from the source:',
  }),
  'routing.tgwNoAssociation': (v) => ({
    text: `The attachment ${code(v.attachment!)} to the Transit Gateway ${code(v.tgw!)} is associated with no TGW route table: unknown.`,
    fix: 'Check its association:',
  }),
  'routing.other': (v) => ({ text: `${code(v.table!)} sends ${code(v.cidr!)} to ${code(v.target!)} (an appliance or other target): unknown.` }),
  'routing.appliance': (v) => ({
    text: `${code(v.table!)} sends ${code(v.cidr!)} to ${code(v.target!)} (route ${code(v.destination!)}, more specific than the local or peer route): a firewall or Gateway Load Balancer endpoint on the path decides, and the bot cannot see its rules: unknown.`,
    fix: 'Test the connection from the source:',
  }),
  'routing.manyTables': (v) => ({
    text: `The subnets of ${code(v.vpc!)} use route tables that answer differently (${esc(v.tables)}): it depends on the subnet.`,
    fix: 'Ask for one subnet:',
  }),
  'routing.unreadable': (v) => ({ text: `Could not read the route tables (${code(v.action!)}): unknown.` }),
  'routing.noTable': (v) => ({ text: `No route table found for ${code(v.subnet!)}: unknown.` }),
  'routing.noEndpointCidrs': () => ({ text: "Could not read the endpoint subnets' CIDR blocks: unknown." }),
  'routing.onprem': () => ({ text: 'From on-premises: the Direct Connect / VPN path and on-premises firewalls are not visible to the bot: unknown.' }),
  'return.onprem': (v) => ({ text: `The endpoint subnets' route tables (${esc(v.tables)}) send ${code(v.cidr!)} back to a VGW or TGW.` }),
  'return.onpremNoCidr': (v) => ({
    text: `The endpoint subnets' route tables (${esc(v.tables)}) have routes to a VGW or TGW; give ${code('from=<CIDR>')} to check the one you use.`,
  }),
  'return.onpremNone': (v) => ({
    text: `${code(v.table!)} (an endpoint subnet's) has no route back to ${code(v.cidr!)} through a VGW or TGW: replies cannot return.`,
    fix: 'Propagate the VPN/DX routes (or add a static route to the VGW/TGW):',
  }),
  'return.noGateway': (v) => ({
    text: `${code(v.table!)} (an endpoint subnet's) has no route to a VGW or TGW at all: replies cannot return on-premises.`,
    fix: 'Propagate the VPN/DX routes (or add a static route to the VGW/TGW):',
  }),
  'path.partial': (v) => {
    const cause = doctorFindings[v.cause as DoctorFindingId]?.(v);
    return {
      text: `Only some AZs get through: blocked in ${esc(v.blocked)}, open in ${esc(v.open)}. ${cause?.text ?? ''} Connections to the blocked ENIs time out, so calls fail now and then.`,
      ...(cause?.fix && { fix: cause.fix }),
    };
  },
  'nacl.allow': (v) => ({ text: `${code(v.acl!)} (${code(v.subnet!)}) allows it both ways.` }),
  'nacl.deny': (v) => ({
    text: `${code(v.acl!)} (${code(v.subnet!)}) denies TCP ${esc(v.port)} ${v.direction === 'out' ? 'out to' : 'in from'} ${code(v.peer!)} (rule ${esc(v.rule)}).`,
    fix: 'Allow it in a rule numbered below the deny:',
  }),
  'nacl.denyEphemeral': (v) => ({
    text: `${code(v.acl!)} (${code(v.subnet!)}) denies the replies: TCP ${esc(v.ports)} ${v.direction === 'out' ? 'out to' : 'in from'} ${code(v.peer!)} (rule ${esc(v.rule)}). NACLs are stateless: the ephemeral ports must be allowed back.`,
    fix: 'Allow the ephemeral ports:',
  }),
  'nacl.partEphemeral': (v) => ({
    text: `${code(v.acl!)} (${code(v.subnet!)}) allows Linux's ephemeral ports but not ${esc(v.ports)} ${v.direction === 'out' ? 'out to' : 'in from'} ${code(v.peer!)}: other clients (Windows, NAT) may fail.`,
    fix: 'Allow 1024–65535:',
  }),
  'nacl.sameSubnet': () => ({ text: 'Source and endpoint share the subnet: NACLs do not apply.' }),
  'nacl.noAcl': (v) => ({ text: `No network ACL found for ${code(v.subnet!)}: unknown.` }),
  'nacl.unreadable': (v) => ({ text: `Could not read the network ACLs (${code(v.action!)}): unknown.` }),
  'nacl.outside': () => ({ text: 'On-premises firewalls are not visible to the bot: unknown.' }),
  'nacl.noSubnet': (v) => ({ text: `A whole VPC (${code(v.vpc!)}) has many subnets: give ${code('from=subnet-…')} or ${code('from=i-…')} to check its NACL.` }),
  'nacl.noSourceCidr': () => ({ text: `The source's addresses are unknown: give ${code('from=<CIDR>')} to check the endpoint subnets' NACLs.` }),
  'sg.endpointAdmits': (v) => ({ text: `The endpoint's security groups (${esc(v.groups)}) admit TCP ${esc(v.port)} from ${code(v.cidrs!)}.` }),
  'sg.endpointRefuses': (v) => ({
    text: `The endpoint's security groups (${esc(v.groups)}) do not admit TCP ${esc(v.port)} from ${code(v.cidr!)}: the call times out.`,
    fix: 'Allow the source:',
  }),
  'sg.sourceAllows': (v) => ({ text: `${code(v.instance!)}'s security groups (${esc(v.groups)}) allow TCP ${esc(v.port)} out to the endpoint.` }),
  'sg.sourceRefuses': (v) => ({
    text: `${code(v.instance!)}'s security groups (${esc(v.groups)}) do not allow TCP ${esc(v.port)} out to ${code(v.cidr!)}.`,
    fix: 'Allow it outbound:',
  }),
  'sg.notInstance': () => ({ text: `The instances' own security groups must allow the port outbound: give ${code('from=i-…')} to check one.` }),
  'sg.noSourceCidr': (v) => ({
    text: `The source's addresses are unknown: give ${code('from=<CIDR>')} to check the endpoint's security groups (${esc(v.groups)}).`,
  }),
  'sg.unreadable': (v) => ({ text: `Could not read the security groups${v.action ? ` (${code(v.action)})` : ''}: unknown.` }),
  'sg.bySourceGroup': (v) => ({
    text: `The endpoint's security groups (${esc(v.groups)}) admit TCP ${esc(v.port)} only from the security groups ${esc(v.sources)}: it depends on the groups each instance of the source carries, not on its subnet: unknown.`,
    fix: 'Check one instance:',
  }),
  'sg.prefixList': (v) => ({
    text: `The security groups (${esc(v.groups)}) let TCP ${esc(v.port)} through for ${code(v.cidr!)} only by the prefix lists ${esc(v.lists)}, whose entries the bot has not read: unknown.`,
    fix: 'Read the entries:',
  }),
  'policy.full': (v) => ({ text: `${code(v.endpoint!)}'s endpoint policy allows every call (full access).` }),
  'policy.denyAll': (v) => ({
    text: `${code(v.endpoint!)}'s endpoint policy denies every call to everyone: the network path may be open, but each call through the endpoint is refused (AccessDenied).`,
    fix: 'Restore the default policy (full access), or allow what is needed:',
  }),
  'policy.noAllow': (v) => ({
    text: `${code(v.endpoint!)}'s endpoint policy allows nothing: each call through the endpoint is refused (AccessDenied).`,
    fix: 'Restore the default policy (full access), or allow what is needed:',
  }),
  'policy.denies': (v) => ({ text: `${code(v.endpoint!)}'s endpoint policy denies some calls through it: ${esc(v.actions)}.` }),
  'policy.limited': (v) => ({
    text: `${code(v.endpoint!)}'s endpoint policy allows only some calls (${esc(v.actions)}) or some principals: others are refused.`,
  }),
  'policy.unreadable': (v) => ({ text: `${code(v.endpoint!)}'s endpoint policy could not be read as JSON: unknown.` }),
  'dnsAttrs.on': (v) => ({ text: `${code(v.vpc!)} has ${code('enableDnsSupport')} and ${code('enableDnsHostnames')}, which private DNS needs.` }),
  'dnsAttrs.off': (v) => ({ text: `${code(v.vpc!)} lacks ${esc(v.missing)}: the endpoint's private DNS is not used.`, fix: 'Turn it on:' }),
  'dnsAttrs.unknown': (v) => ({ text: `Could not read the DNS attributes of ${code(v.vpc!)}: unknown.` }),
  'dnsAttrs.notNeeded': () => ({ text: "Private DNS is off: the VPC's DNS attributes do not matter to the endpoint." }),
  'dns.private': (v) => ({ text: `${code(v.name!)} resolves to the endpoint's private IPs from here.` }),
  'dns.gateway': (v) => ({ text: `${code(v.name!)} resolves to public IPs, carried privately by the gateway endpoint in this route table.` }),
  'dns.internet': (v) => ({
    text: `${code(v.name!)} resolves to public IPs from here (${esc(whyText(v.why))}): calls leave through ${v.path === 'internet-nat' ? 'the NAT gateway' : v.path === 'internet-igw' ? 'the internet gateway' : "on-premises' own internet path"}, not the endpoint. The endpoint-specific names go through the endpoint.`,
    fix: 'Keep it private:',
  }),
  'dns.noRoute': (v) => ({
    text: `${code(v.name!)} resolves to public IPs from here (${esc(whyText(v.why))}), and the subnet has no way out: calls using it time out. The endpoint-specific names work.`,
    fix: 'Fix it:',
  }),
  'dns.nothing': (v) => ({ text: `${code(v.name!)} does not resolve from here (${esc(whyText(v.why))}).`, fix: "Turn the VPC's DNS on:" }),
  'dns.customServers': (v) => ({
    text: `${code(v.vpc!)} hands out the DNS servers ${esc(v.servers)} (its DHCP option set). Private hosted zones, the endpoint's private DNS among them, answer only queries that reach the VPC resolver (VPC base + 2), so what ${code(v.name!)} resolves to depends on those servers forwarding there: unknown.`,
    fix: 'Look the name up from an instance of that VPC:',
  }),
  'dns.unknown': (v) => ({ text: `${code(v.name!)}: ${esc(whyText(v.why))}. The endpoint-specific names resolve to the endpoint's IPs from anywhere.` }),
  'resolver.onprem': (v) => ({
    text: `On-premises DNS needs a conditional forwarder for ${code(v.name!)} to a Route 53 Resolver inbound endpoint in ${code(v.vpc!)}; the bot cannot read Route 53 Resolver or your DNS servers: unknown.`,
    fix: 'Check that an inbound endpoint exists:',
  }),
  'resolver.remoteVpc': (v) => ({
    text: `${code(v.vpc!)} gets the endpoint's IPs for ${code(v.name!)} only through Resolver rules or a shared private hosted zone; the bot cannot read Route 53 Resolver: unknown.`,
    fix: 'Check the rules associated with the VPC:',
  }),
};

const doctor = {
  findings: doctorFindings,
  title: (service: string, source: string) => `Doctor: ${esc(service)} from ${esc(source)}`,
  verdicts: {
    'reachable-privately': ':large_green_circle: Reachable privately',
    'reachable-over-internet': ':large_orange_circle: Reachable, but over the internet',
    'not-reachable': ':red_circle: Not reachable',
    'cannot-tell': ':large_yellow_circle: Cannot tell',
  } satisfies Record<VerdictId, string>,
  unknownLinks: (links: string) => `unknown: ${esc(links)}`,
  settleWith: 'Settle it with:',
  // What the reader fills in a command (inside its angle brackets; the command is shown in code).
  placeholders: {
    eniIp: () => 'endpoint ENI IP',
    onpremCidr: () => 'on-premises CIDR',
    sourceCidr: () => 'source CIDR',
    instanceGroups: () => 'the instance groups',
    attachmentOf: (vpc: string) => `the attachment of ${esc(vpc)}`,
    freeRuleBelow: (rule: string) => `free number below ${esc(rule)}`,
  } satisfies Record<DoctorPlaceholder, (arg: string) => string>,
  firstFailing: (check: string) => `first failing link: ${esc(check)}`,
  asFarAsVisible: (links: string) => `as far as the bot can see (unknown: ${esc(links)})`,
  fixIt: 'Fix it with:',
  checkNames: {
    'endpoint-state': 'Endpoint',
    'endpoint-az': 'AZ',
    port: 'Port',
    routing: 'Route there',
    'return-route': 'Route back',
    'nacl-source': 'NACL (source subnet)',
    'nacl-endpoint': 'NACL (endpoint subnets)',
    'sg-endpoint': 'Endpoint security groups',
    'sg-source': 'Source security groups',
    policy: 'Endpoint policy',
    'dns-attributes': 'VPC DNS attributes',
    dns: 'DNS from here',
    resolver: 'Resolver / forwarding',
  } satisfies Record<DoctorCheckId, string>,
  marks: { pass: ':white_check_mark:', warn: ':warning:', fail: ':x:', unknown: ':grey_question:' } satisfies Record<DoctorStatus, string>,
  summary: (endpoint: string, vpc: string, mode: string, source: string, location: string, port: number) =>
    `Endpoint ${code(endpoint)} in ${code(vpc)} (private DNS ${esc(mode)}) · source ${esc(source)} (${esc(location)}) · TCP ${esc(port)}`,
  locations: {
    'endpoint-vpc': 'same VPC',
    'peered-vpc': 'another VPC',
    'tgw-vpc': 'a VPC behind a Transit Gateway',
    onprem: 'outside every VPC: on-premises or a peer',
  } satisfies Record<ClientLocation, string>,
  names: 'What each name resolves to from here',
  readOnly: 'Read-only: nothing was changed. Where the answer depends on what the bot cannot see, the line says unknown.',
  checking: (source: string) => `Checking the path from ${esc(source)}… the result will replace this message.`,
  problems: {
    sourceNotFound: (source: string, region: string) =>
      `${code(source)} does not exist in ${code(region)} (or the bot may not see it). If it is in another region, add ${code('region=…')}.`,
    endpointNotFound: (endpoint: string, region: string) =>
      `No endpoint ${code(endpoint)} in ${code(region)}. Check the id, or the region with ${code('region=')}.`,
    noEndpoint: (service: string, where: string, create: string) =>
      `None: no interface endpoint for ${code(service)} ${esc(where)}. Create one with ${code(create)}`,
    inVpc: (vpc: string) => `in ${code(vpc)} or elsewhere in the region`,
    inRegion: (region: string) => `in ${code(region)}`,
    ambiguous: (service: string, candidates: string) => `${code(service)} matches several endpoints; name one: ${esc(candidates)}`,
    notInterface: (endpoint: string, type: string) =>
      `${code(endpoint)} is a ${esc(type)} endpoint: the doctor checks interface endpoints. A gateway endpoint works only from inside its VPC, through the route tables it is added to.`,
    outsideNote: (cidr: string) => `${code(cidr)} is in no subnet of this region: treated as on-premises or a peer's CIDR.`,
  },
};

export const en = {
  code,
  /** How this language joins a label to its text, a claim to its sources and an aside to its sentence. */
  punctuation: {
    label: (name: string, text: string) => `${name}: ${text}`,
    sources: (text: string, links: string) => `${text} (${links})`,
    aside: (text: string) => ` _(${text})_`,
    sentences: (first: string, next: string) => `${first} ${next}`,
  },
  /** Each question's short name in a recap line ("target: own service"). */
  questionLabels: {
    target: 'target',
    service: 'service',
    onprem: 'onprem',
    'cross-region': 'cross-region',
    overlap: 'overlap',
    direction: 'direction',
    protocol: 'protocol',
    ipv6: 'ipv6',
    vpcs: 'vpcs',
    gb: 'gb',
    azs: 'azs',
    region: 'region',
  } satisfies Record<QuestionKey | SizingKey, string>,
  usage,
  examples,
  optionNames,
  questionPrompts,
  choiceLabels,
  notes,
  parseError,
  fieldError,
  helpTitle: 'privatelink: PrivateLink, VPC endpoints and peering, from Slack',
  helpFooter: 'Words are case-insensitive; key=value options may come in any order.',
  usageLabel: 'Usage:',
  cliHelpFooter: 'In a terminal: add --json for output a script can read; privatelink --version prints the version.',
  slackOnly: (command: string) => `${code(command)} works in Slack only: a request needs a Slack identity and an approver there.`,
  ec2Problem,
  preflight: {
    findings: preflightFindings,
    title: 'Preflight',
    checkNames: {
      ids: 'IDs and region',
      service: 'Service',
      subnets: 'Subnets',
      'security-groups': 'Security groups',
      'private-dns': 'Private DNS',
      'ip-type': 'IP type',
      'free-ips': 'Free addresses',
      quota: 'Endpoint quota',
      'availability-zones': 'Availability Zones',
      'network-acls': 'Network ACLs',
      'cross-region': 'Cross-region',
      permission: 'Permission',
    } satisfies Record<PreflightCheck['check'], string>,
    marks: { pass: ':white_check_mark:', warn: ':warning:', fail: ':x:' } satisfies Record<CheckStatus, string>,
    fix: 'Fix:',
    failed: 'The request was not sent: fix what failed and try again. Nothing was posted or created.',
    checking: (vpc: string) =>
      `Checking the request for ${code(vpc)} (service, subnets, security groups, private DNS, IP type, capacity, network ACLs, permission)…`,
  },
  noRegion: `No region given: add ${code('region=…')} or set AWS_REGION for the bot.`,
  regionNotAllowed: (region: string, allowed: string[]) => `Region ${code(region)} is not allowed here. Allowed: ${allowed.map(code).join(', ')}.`,
  lookingUp: 'Looking up… AWS is slow to answer; the result will replace this message.',
  lookups: {
    dnsTitle: (what: string, region: string) => `DNS names: ${esc(what)} in ${esc(region)}`,
    describeTitle: (what: string, region: string) => `Endpoints: ${esc(what)} in ${esc(region)}`,
    servicesTitle: (what: string, region: string, count: number) =>
      `Endpoint services${what ? ` matching "${esc(what)}"` : ''} in ${esc(region)} (${esc(count)})`,
    everything: 'all',
    nothingFound: (what: string, region: string) =>
      `No endpoints match ${code(what)} in ${code(region)}. Check the region (${code('region=')}), or see which services exist with ${code('/privatelink services <text>')}.`,
    noServices: (what: string, region: string) => `No endpoint services match ${code(what)} in ${code(region)}.`,
    shown: (shown: number, total: number | string, hint: string) => `Showing ${esc(shown)} of ${esc(total)}. ${esc(hint)}`,
    narrowEndpoints: `Narrow it with a ${code('vpce-…')} id, a ${code('vpc-…')} id, a service name or ${code('state=')}.`,
    narrowServices: 'Narrow it with more of the name.',
    privateDns: 'Private DNS',
    regional: 'Regional',
    zonal: 'Zonal',
    noDnsNames: 'No DNS names: a gateway endpoint works through the route tables.',
    on: 'on',
    off: 'off',
    type: 'Type',
    state: 'State',
    vpc: 'VPC',
    subnets: 'Subnets',
    securityGroups: 'Security groups',
    ipType: 'IP type',
    created: 'Created',
    lastError: 'Last error',
    dnsNames: 'DNS names',
    routing: 'Which name goes where',
    fromPublic: 'from a public subnet',
    fromPrivate: 'from a private subnet',
    routes: { endpoint: 'through the endpoint', internet: 'over the internet (IGW)', fails: 'fails (no route out)' } satisfies Record<
      'endpoint' | 'internet' | 'fails',
      string
    >,
    tryIt: 'Try it from inside the VPC',
    acceptance: 'acceptance required',
    acceptanceValues: { required: 'yes', notRequired: 'no' },
    policy: 'policy',
    policyValues: { supported: 'yes', unsupported: 'no' },
    /** EC2's endpoint types as shown beside their API value. */
    endpointTypes: {
      Interface: 'Interface',
      Gateway: 'Gateway',
      GatewayLoadBalancer: 'GatewayLoadBalancer',
      Resource: 'Resource',
      ServiceNetwork: 'ServiceNetwork',
    } as Record<string, string>,
    azs: 'AZs',
  },
  requests: {
    title: (id: string) => `Endpoint request ${esc(id)}`,
    requester: 'Requested by',
    reason: 'Reason for the request',
    noReason: '(none given)',
    expires: 'Expires',
    service: 'Service',
    vpc: 'VPC',
    subnets: 'Subnets',
    securityGroups: 'Security groups',
    defaultGroup: 'VPC default',
    privateDns: 'Private DNS',
    ipType: 'IP type',
    region: 'Region',
    ports: 'Ports',
    serviceRegion: 'Service region (cross-region)',
    dnsModes: { on: 'on', off: 'off', 'inbound-only': 'inbound-only (on-premises via the Resolver inbound endpoint)' } satisfies Record<DnsMode, string>,
    approve: 'Approve',
    reject: 'Reject',
    cancel: 'Cancel request',
    confirmTitle: 'Create this endpoint?',
    // plain_text (a confirm dialog shows no mrkdwn): values as they are, no code spans.
    confirmText: (service: string, vpc: string) => `The bot will create an interface endpoint to ${service} in ${vpc}.`,
    confirmYes: 'Approve',
    confirmNo: 'Not yet',
    states: {
      pending: ':hourglass_flowing_sand: Waiting for an approver',
      approved: ':white_check_mark: Approved: creating…',
      creating: ':gear: Creating…',
      available: ':large_green_circle: Available',
      'pending-acceptance': ':hourglass_flowing_sand: Created; waiting for the service owner to accept',
      failed: ':red_circle: Failed',
      rejected: ':no_entry: Rejected',
      cancelled: ':heavy_multiplication_x: Cancelled by the requester',
      expired: ':alarm_clock: Expired: nobody decided in time',
    } satisfies Record<RequestState, string>,
    historyLine: (state: string, actor: string, at: string) => `${esc(state)} · ${actor} · ${at}`,
    history: 'History',
    decidedBy: (verb: string, user: string, at: string) => `${esc(verb)} by ${mention(user)} at ${at}`,
    verbs: { approved: 'Approved', rejected: 'Rejected', cancelled: 'Cancelled', expired: 'Expired' } satisfies Record<DecidedState, string>,
    sentNote: (id: string, channel: string, url: string) =>
      `Request ${code(id)} is waiting for approval in ${channelRef(channel)} (${link(url, 'see it')}). I will tell you by direct message when it is decided; cancel it with ${code(`/privatelink cancel ${esc(id)}`)}.`,
    channelProblem: (channel: string, problem: string) =>
      problem === 'not_in_channel'
        ? `I cannot post in ${channelRef(channel)}, the approvals channel: I am not a member. Ask someone there to run ${code('/invite @privatelink')}, then send your request again. Nothing was created.`
        : `I cannot post in the approvals channel ${code(channel)} (${code(problem)}): an admin must fix APPROVAL_CHANNEL_ID. Nothing was created.`,
    notConfigured:
      'Approvals are not set up: the bot needs APPROVAL_CHANNEL_ID and APPROVER_USER_IDS or APPROVER_USERGROUP_ID (docs/operations.md, "Configuration").',
    notFound: (id: string) => `There is no request ${code(id)}. See the recent ones with ${code('/privatelink requests all')}.`,
    refusedNotApprover: (approvers: string) =>
      approvers
        ? `Only approvers may decide endpoint requests; nothing was changed. The approvers are ${approvers}: ask one of them.`
        : 'Only approvers may decide endpoint requests; nothing was changed. Ask the operator of this bot who the approvers are.',
    refusedRequester: (id: string) =>
      `You cannot decide your own request; someone else must approve it. You may withdraw it with ${code(`/privatelink cancel ${esc(id)}`)}.`,
    alreadyDecided: (id: string, state: string) => `Request ${code(id)} is already ${esc(state)}; nothing was changed.`,
    duplicateSubmission: (id: string) =>
      `The same request arrived more than once: it is filed once, as ${code(id)}, and its approval card follows in a moment.`,
    expiredNow: (id: string) => `Request ${code(id)} has expired and can no longer be approved. The requester can ask again.`,
    cancelled: (id: string) => `Request ${code(id)} is cancelled.`,
    approvedThread: (user: string) => `Approved by ${mention(user)}. Creating the endpoint…`,
    rejectedThread: (user: string, requester: string) => `Rejected by ${mention(user)}. ${mention(requester)}, nothing was created.`,
    cancelledThread: (requester: string) => `Cancelled by ${mention(requester)}.`,
    expiredThread: 'Expired: nobody decided in time.',
    listTitle: (filter: string, count: number) => `${filter === 'pending' ? 'Open' : 'Recent'} endpoint requests (${esc(count)})`,
    none: (filter: string): string => (filter === 'pending' ? 'No open requests.' : 'No requests yet.'),
    listLine: (id: string, state: string, requester: string, service: string, vpc: string, created: string) =>
      `${code(id)} ${esc(state)} · ${mention(requester)} · ${code(service)} in ${code(vpc)} · ${created}`,
    modal: {
      title: 'Request an endpoint',
      submit: 'Check and send',
      close: 'Cancel',
      intro: 'The bot checks the request first, then asks an approver. Nothing is created before someone approves.',
      service: 'Service',
      serviceHint: 'A short name (kinesis-streams) or a full one (com.amazonaws.vpce.…)',
      vpc: 'VPC id',
      subnets: 'Subnet ids, one per AZ',
      subnetsHint: 'Comma-separated: subnet-…, subnet-…',
      sg: 'Security group ids (inbound on the ports below)',
      privateDns: 'Private DNS',
      ip: 'IP address type',
      region: 'Region',
      reason: 'Why is it needed?',
      on: 'On',
      off: 'Off',
      inboundOnly: 'Inbound-only (S3, DynamoDB: on-premises only)',
      ports: 'Ports clients use',
      portsHint: 'TCP, comma-separated: 443 for AWS APIs; the listener ports for an endpoint service',
      serviceRegion: 'Service region (cross-region only)',
      serviceRegionHint: "The region the endpoint service lives in, when it is not the endpoint's region",
      ipTypes: { ipv4: 'IPv4', dualstack: 'Dual-stack', ipv6: 'IPv6' } satisfies Record<IpAddressType, string>,
    },
  },
  create: {
    progress: (endpointId: string | undefined, state: string, elapsed: string) =>
      `${endpointId ? `${code(endpointId)} ` : ''}${esc(state)} · ${esc(elapsed)} elapsed`,
    starting: 'calling CreateVpcEndpoint',
    threadCreated: (endpointId: string) => `CreateVpcEndpoint returned ${code(endpointId)}; waiting for it to become available…`,
    threadState: (endpointId: string, state: string, elapsed: string) => `${code(endpointId)} is ${esc(state)} (${esc(elapsed)}).`,
    threadAvailable: (requester: string, endpointId: string) =>
      `${mention(requester)}, ${code(endpointId)} is available. Its DNS names are on the request above.`,
    threadPendingAcceptance: (requester: string, endpointId: string, owner: string) =>
      `${mention(requester)}, ${code(endpointId)} was created and waits for the service owner${owner ? ` (account ${esc(owner)})` : ''} to accept it. Ask them to accept it (VPC console → Endpoint services → Endpoint connections); I will report when it is available.`,
    threadFailed: (requester: string, text: string) => `${mention(requester)}, the endpoint could not be created: ${esc(text)}`,
    timedOut: (endpointId: string, minutes: number) =>
      `${code(endpointId)} was still pending after ${esc(minutes)} minutes. It may still become available: check with ${code(`/privatelink describe ${esc(endpointId)}`)}.`,
    endpointFailed: (endpointId: string, state: string, detail: string) => `${code(endpointId)} ended ${esc(state)}${detail ? `: ${esc(detail)}` : ''}.`,
    endpointPartial: (endpointId: string, detail: string) =>
      `${code(endpointId)} ended partial: it was created in some subnets but not all${detail ? ` (failed: ${esc(detail)})` : ''}. Fix the cause in those subnets (free addresses, an AZ the service offers) and create it again, or keep it as is; check it with ${code(`/privatelink describe ${esc(endpointId)}`)}.`,
    // The resources EC2's error message named.
    named: (ids: string[]) => `EC2 named ${ids.map((id) => code(id)).join(', ')}.`,
    failedHowTo: (command: string) => `Once the cause is fixed, send the same request again: ${code(command)}`,
    preflightBefore: (passed: number, total: number) =>
      `Preflight, before the create: ${esc(passed)} of ${esc(total)} checks passed; they did not foresee this failure.`,
    dnsNames: 'DNS names',
    tryIt: 'Try it from inside the VPC',
    accepted: (endpointId: string, requester: string) => `${mention(requester)}, the service owner accepted ${code(endpointId)}: it is available.`,
  },
  unknownAction: 'This button belongs to something this version of the bot no longer does; nothing was changed. Run the command again.',
  internalError: "Something went wrong on my side; nothing was changed. Try again in a minute, and tell the bot's maintainers if it keeps happening.",
  // Slack's 3-second deadline (src/deadline.ts)
  deadline: {
    handOffFailed: 'AWS or Slack is slow right now and I could not finish this in time; nothing was changed. Try again in a minute.',
    modalTooSlow: 'Slack was too slow to open the form. Run `/privatelink create` again, or give the fields on the command line (`/privatelink help`).',
    storeTooSlow: 'The request store did not answer in time; nothing was changed. Try again in a moment.',
  },
  compare: {
    title: 'Peering, PrivateLink, gateway endpoint, Transit Gateway or VPC Lattice?',
    step: (n: number) => `Question ${esc(n)}`,
    answersSoFar: 'Your answers so far:',
    noAnswersYet: 'Answer a few questions; I only ask what can still change the answer.',
    back: 'Back',
    startOver: 'Start over',
    recommendation: 'Recommendation',
    noRecommendation: 'No option fits these answers',
    needTarget: 'No recommendation yet: it depends on what must be reached',
    alsoNeeded: 'Together with',
    alternatives: 'What you can still do',
    alone: (option: string) => `${esc(option)} alone`,
    why: 'Why',
    alsoPossible: 'Also possible, in order',
    ruledOut: 'Ruled out',
    caveats: 'Watch out for',
    changedSince2018: 'Changed since the 2018 advice',
    in2018: 'In 2018:',
    since: (date: string) => `Since ${esc(date)}:`,
    nextSteps: 'Next steps',
    openQuestions: 'Would change the answer',
    wouldChange: (key: string, value: string, to: string) => `${code(`${esc(key)}=${esc(value)}`)} → ${esc(to)}`,
    share: 'Share in channel',
    sharedBy: (user: string) => `Shared by ${mention(user)}`,
    sources: 'Sources',
    factsAsOf: (date: string) => `Facts as of ${esc(date)}.`,
    rerun: 'Run again with:',
  },
  readers: {
    onlyReaders: `Sorry, lookups and request lists are limited to this bot's readers, and you are not one of them. ${code('/privatelink help')} and ${code('/privatelink compare')} work for everyone; the people who run this bot can add you.`,
    checkTooSlow: 'Slack did not say in time whether you are one of this bot’s readers, so nothing was read. Try again in a moment.',
  },
  reach,
  doctor,
  // Integrity: lost create answers, allow-lists re-checked, clicks bound to their message.
  integrity: {
    outcomeUnknown: (errorCode: string) => `CreateVpcEndpoint got no answer (${code(errorCode)}); asking again with the same token`,
    threadAdopted: (endpointId: string) =>
      `${code(endpointId)} exists though CreateVpcEndpoint's answer was lost; I found it by its request tag and follow it. Waiting for it to become available…`,
    threadStillUnknown: (errorCode: string) =>
      `EC2 has not settled the create yet (${code(errorCode)}); the request stays creating, and within a few minutes I will look for the endpoint by its request tag and repeat the call with the same token.`,
    regionNotAllowed: (region: string, allowed: string) =>
      `Region ${code(region)} is no longer allowed (${code('ALLOWED_REGIONS')}: ${esc(allowed) || 'none'}); nothing was created. File a new request in an allowed region.`,
    approveRegionRefused: (id: string, region: string, allowed: string) =>
      `Request ${code(id)} is for ${code(region)}, which is no longer allowed (${code('ALLOWED_REGIONS')}: ${esc(allowed) || 'none'}); it was not approved. Reject it, or change the allow-list first.`,
    foreignCopy: (id: string) =>
      `This copy of request ${code(id)} is not the one the request recorded; clicks here count for nothing. Decide on the request's message in the approvals channel.`,
    voidCopy: (id: string) => `:no_entry_sign: This copy of request ${esc(id)} is void; decide on the request's own message in the approvals channel.`,
    /** The worker refused to act on an approval it could not verify (src/requests/approval.ts, `ApprovalProblem`). */
    approvalRefused: {
      unsealed:
        "The approval in this request's record carries no seal from the bot, so it was not given through Slack; nothing was created. File a new request and have it approved on its card.",
      forged:
        "The approval in this request's record does not match the request (its content, approver or version were changed after approval, or it was written without the bot's key); nothing was created. File a new request and have it approved on its card.",
      requester:
        'The request was approved by its own requester, which is not allowed; nothing was created. File a new request and have another approver approve it.',
      'not-approver':
        'The person who approved this request is not (or no longer) an approver; nothing was created. File a new request and have an approver approve it.',
      'no-key': `The worker has no approval key (${code('APPROVAL_KEY')} / ${code('APPROVAL_KEY_PARAMETER')}), so it cannot verify approvals; nothing was created. An admin must configure the key; then file the request again.`,
    } satisfies Record<ApprovalProblem, string>,
  },
  // Creating in a member account (ACCOUNTS).
  memberAccounts: {
    /** The card's and the modal's label. */
    account: 'Account',
    approveRefused: (id: string, account: string) =>
      `Request ${code(id)} is for account ${code(account)}, which is no longer in ${code('ACCOUNTS')} as it was when the request was filed; it was not approved. Reject it, or restore the account first.`,
    threadCreatingIn: (account: string, accountId: string, region: string) =>
      `Creating in account ${code(account)}${accountId ? ` (${code(accountId)})` : ''}, region ${code(region)}, with that account's role.`,
  },
  // Languages: `/privatelink lang`, and the CLI's language.
  lang: {
    names: { en: 'English', ja: '日本語 (Japanese)' } satisfies Record<'en' | 'ja', string>,
    current: (name: string, chosen: boolean) =>
      `Your language: ${esc(name)}${chosen ? '' : ' (the default here)'}. Change it with ${code('/privatelink lang en')} or ${code('/privatelink lang ja')}.`,
    set: (name: string) => `From now on I answer you in ${esc(name)}. The approval card, its thread and the direct messages keep the channel's language.`,
    cli: `In a terminal the language comes from ${code('--lang en|ja')} or the ${code('LANG')} environment variable (e.g. ${code('LANG=ja_JP.UTF-8')}).`,
    notSaved: 'I could not remember your language just now; nothing was changed. Try again in a minute.',
  },
  // People: the requester told by direct message, approvers called and reminded, the reason for a rejection.
  notify: {
    callApprovers: (who: string) => `${who}: a new endpoint request waits for your decision.`,
    dmApproved: (id: string, url: string, by: string) =>
      `Your request ${code(id)} was approved by ${mention(by)}. I am creating the endpoint now and will tell you here when it is ready (${link(url, 'see the request')}).`,
    dmRejected: (id: string, url: string, by: string) =>
      `Your request ${code(id)} was rejected by ${mention(by)}; nothing was created (${link(url, 'see the request')}).`,
    dmAvailable: (id: string, endpointId: string, url: string) =>
      `Your endpoint ${code(endpointId)} is available (request ${code(id)}, ${link(url, 'see the request')}). Its DNS names, and what to run from inside the VPC to check it:`,
    dmPendingAcceptance: (id: string, endpointId: string, owner: string) =>
      `Your endpoint ${code(endpointId)} (request ${code(id)}) was created and waits for the service owner${owner ? ` (AWS account ${code(owner)})` : ''} to accept it. Ask them to accept it in the VPC console (Endpoint services → Endpoint connections); I will tell you when it is available.`,
    dmFailed: (id: string, url: string, text: string) => `Your request ${code(id)} could not be completed (${link(url, 'see the request')}): ${text}`,
    dmExpired: (id: string, url: string) =>
      `Your request ${code(id)} expired: no approver decided in time, and nothing was created (${link(url, 'see the request')}). If you still need it, send it again with ${code('/privatelink create')}.`,
    reasonLabel: 'Reason for rejection',
    reminderHalf: (who: string, expires: string) => `${who}: this request is still waiting for a decision. It expires ${expires}.`,
    reminderFinal: (who: string, expires: string) => `${who}: last call: this request expires ${expires} unless someone approves or rejects it.`,
    rejectModal: {
      title: 'Reject the request',
      submit: 'Reject',
      close: 'Back',
      intro: (id: string) => `Rejecting request ${code(id)}. The requester reads your reason in a direct message, and it is kept in the request's thread.`,
      label: 'Why is it rejected?',
      hint: 'Say what would make it acceptable, e.g. another VPC or a security group.',
    },
    reasonRequired: 'Give a reason: the requester needs it to ask again in a way that can be approved.',
    reasonTooLong: (length: number, max: number) => `The reason is ${esc(length)} characters long: keep it to ${esc(max)}, so it can be quoted in the thread.`,
    rejectFormFailed: 'Slack did not open the form to reject this request; nothing was changed. Click Reject again.',
  },
  // App Home: the Home tab.
  home: {
    title: 'Endpoint requests',
    waiting: (shown: number, total: number) =>
      shown < total ? `Waiting for your decision (newest ${esc(shown)} of ${esc(total)})` : `Waiting for your decision (${esc(total)})`,
    noneWaiting: 'Nothing is waiting for your decision.',
    yours: (shown: number, total: number) => (shown < total ? `Your requests (newest ${esc(shown)} of ${esc(total)})` : `Your requests (${esc(total)})`),
    noneYours: `You have no requests yet. Ask for an endpoint with ${code('/privatelink create')}.`,
    expires: (at: string) => `Expires ${at}`,
    approvalMessage: 'approval message',
    confirmText: (service: string, vpc: string, region: string) => `The bot will create an interface endpoint to ${service} in ${vpc} (${region}).`,
    footer: `Details and history: ${code('/privatelink status plr-…')}; every request: ${code('/privatelink requests all')}.`,
    changed: (id: string) =>
      `Request ${code(id)} changed after this page was drawn; nothing was decided. It is shown again as it is now: check it and click again.`,
    tooSlow: (id: string) => `I could not check your click on ${code(id)} in time; nothing was decided. Click again.`,
    notYours: 'This button does not match the request it names; nothing was done.',
  },
  // Estate: lookups across the accounts of ACCOUNTS and the regions of ALLOWED_REGIONS.
  estate: {
    account: 'Account',
    where: (account: string, region: string) => `Account ${code(account)} · region ${code(region)}`,
    searched: (accounts: number, regions: number, calls: number) =>
      `Searched ${esc(accounts)} account${accounts === 1 ? '' : 's'} × ${esc(regions)} region${regions === 1 ? '' : 's'} (${esc(calls)} call${calls === 1 ? '' : 's'}).`,
    nothingFound: (what: string, accounts: number, regions: string) =>
      `No endpoints match ${code(what)} in any of the ${esc(accounts)} accounts in ${esc(regions)}. Check the id, or search other regions with ${code('region=all')}.`,
    failuresTitle: 'Not searched (the answer may be there):',
    failure: (account: string, region: string, reason: string) => `• ${code(account)} in ${code(region)}: ${esc(reason)}`,
    reasons: {
      AssumeRoleDenied: "the bot may not assume the account's role; fix that role's trust policy",
      AccessDenied: 'its role may not call ec2:DescribeVpcEndpoints; add the read actions to it',
      Throttling: 'AWS throttled the calls; try again in a minute',
      Timeout: 'no answer in time; try again, or name the account with account=',
      other: (errorCode: string) => `failed (${code(errorCode)})`,
    },
    unknownAccount: (alias: string, suggestion?: string) =>
      `No account ${code(alias)} is configured.${suggestion ? ` Did you mean ${code(`account=${suggestion}`)}?` : ''} ${code('account=home')} is the bot's own account; the others come from ${code('ACCOUNTS')}.`,
    allRegionsNeedList: `${code('region=all')} searches the regions of ${code('ALLOWED_REGIONS')}, which is not set for this bot. Name one region with ${code('region=')}.`,
  },
  // Cards: the approval card at a glance, the `requests` pages, the compare result's recap and sources.
  cards: {
    titles: {
      pending: (id: string) => `Endpoint request ${esc(id)}: waiting for approval`,
      approved: (id: string) => `Endpoint request ${esc(id)}: approved`,
      creating: (id: string) => `Endpoint request ${esc(id)}: creating the endpoint`,
      available: (id: string) => `Endpoint created (request ${esc(id)})`,
      'pending-acceptance': (id: string) => `Endpoint created, waiting for acceptance (request ${esc(id)})`,
      failed: (id: string) => `Endpoint request ${esc(id)}: failed`,
      rejected: (id: string) => `Endpoint request ${esc(id)}: rejected`,
      cancelled: (id: string) => `Endpoint request ${esc(id)}: cancelled`,
      expired: (id: string) => `Endpoint request ${esc(id)}: expired`,
    } satisfies Record<RequestState, (id: string) => string>,
    endpoint: 'Endpoint',
    // Between values of one field (subnets, groups, ports).
    separator: ', ',
    openInConsole: 'open in the AWS console',
    willCall: 'What will be called',
    called: 'What was called',
    notCalled: 'What was asked for (nothing was called)',
    expiredHowTo: (command: string) =>
      `Nobody decided before the request expired, so nothing was created. To ask again, send the same request: ${code(command)}`,
    showing: (from: number, to: number, total: number) => `Showing ${esc(from)}–${esc(to)} of ${esc(total)}.`,
    more: 'More',
    openCard: 'card',
    recap: 'Your answers',
    changesButton: (count: number) => `Changed since 2018 (${esc(count)})`,
    changesFolded: (count: number) =>
      `${esc(count)} ${count === 1 ? 'piece' : 'pieces'} of the 2018 advice changed in ways that bear on this answer: see them with the button below.`,
    source: 'source',
    actors: { system: 'the bot', worker: 'the worker' } satisfies Record<'system' | 'worker', string>,
  },
  // What things cost: the estimates on compare results and on every request. Amounts arrive formatted ($32.66).
  money: {
    title: 'Monthly estimate',
    units: {
      endpoints: (n: number): string => (n === 1 ? 'endpoint' : 'endpoints'),
      azs: (n: number): string => (n === 1 ? 'AZ' : 'AZs'),
      hours: (): string => 'h',
      gb: (): string => 'GB',
      attachments: (n: number): string => (n === 1 ? 'attachment' : 'attachments'),
      services: (n: number): string => (n === 1 ? 'service' : 'services'),
      directions: (n: number): string => (n === 1 ? 'direction' : 'directions'),
    } satisfies Record<Unit, (n: number) => string>,
    perMonth: ' / month',
    noCharge: 'no charge',
    assumed: (regions: string) => `† No figure found for this region: the rate of ${esc(regions)} stands in.`,
    missing: (charges: string) => `Not included (no price in the table): ${esc(charges)}.`,
    charges: {
      interfaceEndpointAzHour: 'interface endpoint hours',
      interfaceGbFirstPb: 'interface endpoint data (first 1 PB)',
      interfaceGbNext4Pb: 'interface endpoint data (next 4 PB)',
      interfaceGbOver5Pb: 'interface endpoint data (over 5 PB)',
      gatewayEndpointHour: 'gateway endpoint',
      resourceEndpointGb: 'resource endpoint data',
      serviceNetworkEndpointHour: 'resource and service-network endpoint hours',
      tgwAttachmentHour: 'Transit Gateway attachment hours',
      tgwGb: 'Transit Gateway data',
      crossAzGbEachWay: 'data transfer across AZs',
      interRegionGb: 'inter-region data transfer',
      natGatewayHour: 'NAT gateway hours',
      natGatewayGb: 'NAT gateway data',
      latticeServiceHour: 'VPC Lattice service hours',
      latticeGb: 'VPC Lattice data',
      latticeMillionRequests: 'VPC Lattice requests',
    } satisfies Record<FigureKey, string>,
    notes: {
      'gateway-free': 'Gateway endpoints have no hourly or per-GB charge.',
      'nlb-extra': "The provider's Network Load Balancer is billed on top.",
      'peering-free-hours': 'Peering connections have no hourly charge.',
      'peering-cross-az': 'Traffic that stays in one AZ is free; this assumes all of it crosses AZs, charged in each direction.',
      'cross-region-transfer': "Includes inter-region data transfer at this region's rate.",
      'tgw-peering-extra': 'The Transit Gateway and its peering attachment in the other region are billed on top.',
      'onprem-attachment-extra': 'The VPN or Direct Connect attachment is billed on top.',
      'lattice-requests-extra': 'Requests are billed on top.',
      'resource-endpoint-hours-extra': 'The resource endpoint and resource gateway hours are billed on top.',
      'central-tgw-attached':
        "Assumes a Transit Gateway already attached to every VPC: its attachment hours, the private hosted zones and a Route 53 profile's VPC associations are billed on top.",
    } satisfies Record<CostNoteId, string>,
    breakEvenTitle: 'Where one option pays off',
    endpointVsNat: (gb: string | undefined, fixed: string, azs: number, nat: string, endpoint: string) =>
      gb === undefined
        ? `At these rates an interface endpoint (${esc(fixed)} a month in ${esc(azs)} AZs) never pays for itself against a NAT gateway's ${esc(nat)} per GB.`
        : `An interface endpoint in ${esc(azs)} AZs (${esc(fixed)} a month) pays for itself against a NAT gateway's per-GB charge past *${esc(gb)} GB a month*: ${esc(fixed)} ÷ (${esc(nat)} − ${esc(endpoint)} per GB).`,
    gatewayVsNat: (gb: string, saving: string, nat: string) =>
      `A gateway endpoint is free: the same ${esc(gb)} GB through a NAT gateway would cost ${esc(saving)} a month (${esc(nat)} per GB).`,
    centralize: (endpoints: number, saved: string, gb: string, tgwGb: string) =>
      `One endpoint in each of ${esc(endpoints)} VPCs costs ${esc(saved)} a month more than one shared endpoint in a hub VPC. Reached over a Transit Gateway already attached to every VPC (${esc(tgwGb)} per GB), the shared endpoint stays cheaper *below ${esc(gb)} GB a month*.`,
    tgwVsPeering: (vpcs: number, connections: number, tgwFixed: string, gb: string | undefined) =>
      gb === undefined
        ? `A peering mesh of ${esc(vpcs)} VPCs (${esc(connections)} connections, no hourly charge) stays cheaper than a Transit Gateway (${esc(tgwFixed)} a month in attachments) at any traffic: the Transit Gateway pays off in operations (one place to route, no mesh to keep), not on the bill.`
        : `A Transit Gateway (${esc(tgwFixed)} a month in attachments) becomes cheaper than a peering mesh of ${esc(vpcs)} VPCs (${esc(connections)} connections) past *${esc(gb)} GB a month*.`,
    sizing: (region: string, azs: number, gb: string, defaulted: string) =>
      `Priced for ${code(region)}, ${esc(azs)} AZs per endpoint, ${esc(gb)} GB a month${defaulted ? ` (assumed: set ${code(defaulted)} to change)` : ''}.`,
    disclaimer: (date: string, url: string) =>
      `Estimates, not a quote: list prices from the bot's price table (${esc(date)}; ${link(url, 'AWS PrivateLink pricing')}), before taxes, discounts and free tiers.`,
    request: (line: string, perGb: string) => `${esc(line)}, plus data processing (${esc(perGb)} per GB)`,
    requestNoData: (line: string) => `${esc(line)}, plus data processing`,
    requestLabel: 'Estimated cost',
  },
};

export type Messages = typeof en;
