/**
 * Every sentence the bot says, in one catalog. Views and renderers take text from here only, so another
 * language is one more object of the same type. Values are Slack mrkdwn; `code()` marks literal commands.
 */
import type { FieldError } from './commands/create-spec.js';
import type { ParseError, Subcommand } from './commands/parse.js';
import type { NoteId, OptionId } from './decision/engine.js';
import type { QuestionKey } from './decision/questions.js';

const code = (s: string) => `\`${s}\``;

const usage: Record<Subcommand, string> = {
  help: '/privatelink help',
  compare: '/privatelink compare [target=… onprem=yes|no overlap=yes|no|unknown cross-region=yes|no direction=one-way|both protocol=tcp|udp|any ipv6=yes|no vpcs=N service=…]',
  services: '/privatelink services [text] [region=R]',
  describe: '/privatelink describe [vpce-…|vpc-…|service-text] [region=R] [state=S]',
  dns: '/privatelink dns <vpce-…|service-text> [region=R]',
  create: '/privatelink create <service> vpc=vpc-… subnets=subnet-…,… [sg=sg-…,…] [private-dns=on|off] [ip=ipv4|dualstack|ipv6] [region=R] [reason="…"]',
  requests: '/privatelink requests [pending|all]',
  status: '/privatelink status <request-id>',
  cancel: '/privatelink cancel <request-id>',
};

const examples: Record<Subcommand, { example: string; what: string }> = {
  help: { example: '/privatelink help', what: 'this help' },
  compare: { example: '/privatelink compare', what: 'peering, PrivateLink, gateway endpoint or Transit Gateway? A walkthrough with today\'s AWS facts' },
  services: { example: '/privatelink services kinesis', what: 'endpoint services offered in the region' },
  describe: { example: '/privatelink describe vpce-0a1b2c3d4e5f67890', what: 'an endpoint\'s details, DNS routing and ready-to-paste commands' },
  dns: { example: '/privatelink dns kinesis-streams region=ap-northeast-1', what: 'just the DNS names, fast' },
  create: { example: '/privatelink create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders stream"', what: 'checks the request, then asks an approver (`create` alone opens a form)' },
  requests: { example: '/privatelink requests', what: 'approval requests still pending' },
  status: { example: '/privatelink status plr-0123456789', what: 'one request and its history' },
  cancel: { example: '/privatelink cancel plr-0123456789', what: 'withdraw your own pending request' },
};

const optionNames: Record<OptionId, string> = {
  'gateway-endpoint': 'Gateway endpoint',
  'interface-endpoint': 'Interface endpoint (PrivateLink)',
  'endpoint-service': 'Endpoint service (your NLB behind PrivateLink)',
  'vpc-peering': 'VPC peering',
  'transit-gateway': 'Transit Gateway',
};

const questionPrompts: Record<QuestionKey, string> = {
  target: 'What must be reached?',
  service: 'Which AWS service?',
  onprem: 'Must it be reachable from on-premises (Direct Connect or VPN)?',
  'cross-region': 'Are the consumer and the provider in different regions?',
  overlap: 'Do the two VPCs\' CIDR blocks overlap?',
  direction: 'Who opens the connections?',
  protocol: 'Which protocols are needed?',
  ipv6: 'Is IPv6 needed?',
  vpcs: 'How many VPCs must be connected?',
};

const choiceLabels: Record<QuestionKey, Record<string, string>> = {
  target: {
    'aws-service': 'An AWS API (S3, Kinesis, …)',
    'own-service': 'A service we run',
    saas: 'A partner / Marketplace SaaS',
    'whole-vpc': 'Many hosts or ports of another VPC',
  },
  service: { s3: 'S3', dynamodb: 'DynamoDB', other: 'Another AWS service' },
  onprem: { yes: 'Yes', no: 'No' },
  'cross-region': { yes: 'Yes', no: 'No' },
  overlap: { yes: 'Yes', no: 'No', unknown: 'Don\'t know' },
  direction: { 'one-way': 'Only the consumer', both: 'Either side' },
  protocol: { tcp: 'TCP only', udp: 'UDP', any: 'Any (UDP, ICMP, …)' },
  ipv6: { yes: 'Yes', no: 'No' },
  vpcs: { '2': '2', '3': '3 to 10', '11': 'More than 10' },
};

const notes: Record<NoteId, string> = {
  'ruled.gateway-aws-only': 'Gateway endpoints reach only S3 and DynamoDB, not your own or a partner\'s service.',
  'ruled.gateway-s3-dynamodb-only': 'Gateway endpoints exist only for S3 and DynamoDB.',
  'ruled.gateway-no-outside': 'A gateway endpoint cannot be used from on-premises, peered VPCs or a Transit Gateway.',
  'ruled.gateway-same-region': 'A gateway endpoint reaches its own region only.',
  'ruled.interface-own-service': 'To reach a service you run, publish it as an endpoint service first (the endpoint-service option).',
  'ruled.privatelink-one-service': 'PrivateLink exposes one service behind a load balancer, not a whole VPC.',
  'ruled.privatelink-tcp-only': 'PrivateLink carries TCP only; UDP and ICMP need peering or Transit Gateway.',
  'ruled.privatelink-one-way': 'PrivateLink is one-way: the provider side cannot open connections to the consumer.',
  'ruled.endpoint-service-not-yours': 'You do not run this service; consume it through an interface endpoint instead.',
  'ruled.peering-aws-api': 'Peering connects VPCs; AWS APIs are reached through endpoints.',
  'ruled.peering-saas': 'A SaaS provider offers an endpoint service, not a peering into its network.',
  'ruled.peering-overlap': 'VPCs with overlapping CIDR blocks cannot be peered.',
  'ruled.peering-no-transit': 'Peering has no edge-to-edge routing: on-premises traffic cannot cross it.',
  'ruled.peering-quota': 'A full mesh of this many VPCs exceeds the hard limit of 125 peerings per VPC.',
  'ruled.tgw-not-a-service-path': 'A Transit Gateway routes between networks; it can carry traffic to an interface endpoint but does not reach the service by itself.',
  'ruled.tgw-overlap': 'A Transit Gateway cannot route between overlapping CIDR blocks.',
  'why.gateway-free': 'S3 and DynamoDB from inside the VPC and region: a gateway endpoint does it through the route tables and costs nothing.',
  'why.interface-aws-service': 'An interface endpoint gives private access to the AWS API from your subnets, with no internet gateway or NAT.',
  'why.interface-saas': 'Partner and Marketplace SaaS offered as endpoint services are consumed through an interface endpoint.',
  'why.interface-onprem': 'Reachable from on-premises: interface endpoints work over Direct Connect and VPN, where gateway endpoints and peering do not.',
  'why.interface-cross-region-aws': 'Cross-region: some AWS services are now reachable through an interface endpoint in another region.',
  'why.privatelink-cross-region': 'Cross-region: an interface endpoint can reach an endpoint service in another region of the same partition.',
  'why.endpoint-service-own': 'Your service behind a Network Load Balancer, published as an endpoint service: consumers see one service, not your network.',
  'why.privatelink-overlap': 'Overlapping CIDR blocks do not matter to PrivateLink, while they make peering and Transit Gateway impossible.',
  'why.peering-whole-vpc': 'Peering gives whole-VPC reach, narrowed by routes, NACLs and security groups.',
  'why.peering-two-way': 'Both sides open connections: peering is two-way, PrivateLink is not.',
  'why.peering-any-protocol': 'UDP, ICMP and any other protocol cross a peering; PrivateLink carries TCP only.',
  'why.peering-cross-region': 'Peering works across regions.',
  'why.peering-few-vpcs': 'For a few VPCs, peering has no hourly fee and no hub to run.',
  'why.tgw-many-vpcs': 'Many VPCs: a hub with one attachment each beats a mesh of peerings, which grows as n(n-1)/2.',
  'why.tgw-onprem': 'On-premises networks attach to the Transit Gateway (VPN or Direct Connect) and route transitively to the VPCs.',
  'why.only-option-left': 'It is the only option your answers leave open.',
  'caveat.tcp-only': 'TCP only.',
  'caveat.private-dns-attributes': 'Private DNS needs `enableDnsSupport` and `enableDnsHostnames` on the VPC, and only one endpoint per VPC can hold it for a service.',
  'caveat.sg-443': 'The endpoint\'s security group must allow inbound TCP 443 from the clients (the VPC default SG is used when none is given).',
  'caveat.one-subnet-per-az': 'One subnet per Availability Zone.',
  'caveat.cost-per-az': 'Billed per endpoint per AZ-hour plus per GB: count the AZs you enable.',
  'caveat.interface-quota': 'Quota: 50 interface endpoints per VPC by default (adjustable).',
  'caveat.onprem-dns': 'On-premises clients using the service\'s default name need DNS forwarding (Route 53 Resolver inbound endpoint).',
  'caveat.s3-private-dns': 'Private DNS for S3 interface endpoints requires an S3 gateway endpoint in the same VPC.',
  'caveat.acceptance': 'The provider may require acceptance: the endpoint waits in pendingAcceptance until accepted.',
  'caveat.gateway-in-vpc-only': 'Usable only from inside the VPC: not from on-premises, peered VPCs or a Transit Gateway.',
  'caveat.gateway-routes': 'Add it to every route table whose subnets need it; NACLs cannot reference its prefix list.',
  'caveat.peering-quota': '50 peerings per VPC by default, 125 at most; one per pair of VPCs.',
  'caveat.peering-no-transit': 'Not transitive: each pair of VPCs needs its own peering and routes on both sides.',
  'caveat.peering-cost': 'Data across AZs and regions is billed.',
  'caveat.tgw-overlap': 'Attached networks must not overlap.',
  'caveat.check-overlap': 'Check the CIDR blocks first: an overlap rules this out.',
  'caveat.ipv6-interface': 'IPv6: create with `ip=dualstack` or `ip=ipv6`; the service must support it.',
  'caveat.ipv6-gateway': 'IPv6: gateway endpoints carry dual-stack traffic.',
  'caveat.cross-region-service-list': 'Cross-region access works only for the AWS services listed as supporting it.',
  'next.services': 'See the endpoint service and its private DNS name:',
  'next.create': 'Request the endpoint (checked, then sent for approval):',
  'next.create-saas': 'Request an interface endpoint to the provider\'s endpoint service:',
  'next.publish-service': 'Publish your NLB as an endpoint service:',
  'next.gateway': 'Create the gateway endpoint in your route tables:',
  'next.peering': 'Request the peering, accept it, then add routes on both sides:',
  'next.tgw': 'Create the hub and attach each VPC:',
  'next.readdress': 'No option fits: re-address one VPC to remove the overlap, then compare again:',
};

function fieldError(field: string, e: FieldError): string {
  switch (e.code) {
    case 'required':
      return `${code(field)} is required.`;
    case 'badId':
      return `${code(e.value)} is not a valid ${e.prefix} id (${e.prefix} followed by 8 or 17 hex characters).`;
    case 'duplicateId':
      return `${code(e.value)} is listed twice.`;
    case 'badChoice':
      return `${code(e.value)} is not one of ${e.allowed.map(code).join(', ')}.`;
    case 'badRegion':
      return `${code(e.value)} is not an AWS region I know (e.g. ${code('ap-northeast-1')}).`;
    case 'badServiceName':
      return `${code(e.value)} is not a service name: use a short name like ${code('kinesis-streams')} or a full one like ${code('com.amazonaws.ap-northeast-1.kinesis-streams')}.`;
    case 'tooLong':
      return `At most ${e.max} ${field === 'reason' ? 'characters' : 'entries'}.`;
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
      return `${code(`${e.key}=${e.value}`)} is not valid: use ${e.allowed.map(code).join(', ')}.`;
    case 'badRegion':
      return fieldError('region', { code: 'badRegion', value: e.value });
    case 'badId':
      return `${code(e.value)} is not a valid ${e.expected} id.`;
    case 'missingArgument':
      return `${code(e.command)} needs a ${e.what}.`;
    case 'unexpectedArgument':
      return `I didn't expect ${code(e.word)} here.`;
    case 'badField':
      return fieldError(e.field, e.error);
    case 'unclosedQuote':
      return 'A quote is not closed.';
  }
}

const ec2Problems: Record<string, (action: string, region: string) => string> = {
  'InvalidVpcEndpointId.NotFound': (_a, r) => `That endpoint does not exist in ${code(r)}. Check the id, or the region with ${code('region=')}.`,
  'InvalidVpcEndpointId.Malformed': () => 'That is not a valid endpoint id (vpce- followed by 8 or 17 hex characters).',
  'InvalidVpcID.NotFound': (_a, r) => `That VPC does not exist in ${code(r)} (or this account cannot see it). Check the id and ${code('region=')}.`,
  'InvalidSubnetID.NotFound': (_a, r) => `A subnet does not exist in ${code(r)}. Check the ids and ${code('region=')}.`,
  'InvalidSecurityGroupID.NotFound': (_a, r) => `A security group does not exist in ${code(r)}. Check the ids and ${code('region=')}.`,
  InvalidServiceName: (_a, r) => `No endpoint service by that name in ${code(r)}. List them with ${code('/privatelink services <text>')}.`,
  UnauthorizedOperation: (a) => `The bot's AWS role may not call ${code(a)}. Add that action to its IAM policy (README, "IAM permissions").`,
  AccessDenied: (a) => `The bot's AWS role may not call ${code(a)}. Add that action to its IAM policy (README, "IAM permissions").`,
  AuthFailure: () => 'AWS rejected the bot\'s credentials. Check the role or keys the bot runs with.',
  NoCredentials: () => 'The bot has no AWS credentials. Give it a role (Lambda) or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally).',
  RequestLimitExceeded: (_a, r) => `AWS is throttling EC2 calls in ${code(r)}; I retried and gave up. Try again in a minute.`,
  Timeout: (_a, r) => `The EC2 API in ${code(r)} did not answer in time. Try again; if it keeps happening, check the bot's network path to AWS.`,
  Unreachable: (_a, r) => `I could not reach the EC2 API in ${code(r)}. Try again; if it keeps happening, check the bot's network path to AWS.`,
  VpcEndpointLimitExceeded: (_a, r) => `The VPC has reached its interface endpoint quota in ${code(r)} (50 by default). Delete unused endpoints or request a quota increase (Service Quotas → Amazon VPC).`,
  DuplicateSubnetsInSameZone: () => 'Two of the subnets are in the same Availability Zone; an endpoint takes at most one subnet per AZ. Drop one of them.',
  InvalidParameter: () => 'EC2 rejected a parameter (often: private DNS asked for a service that offers none, or the VPC lacks DNS support). The details are below.',
  IdempotentParameterMismatch: () => 'EC2 already has a create with this request\'s token but different parameters; nothing new was created.',
};
ec2Problems.Throttling = ec2Problems.RequestLimitExceeded!;

function ec2Problem(errorCode: string, action: string, region: string, detail: string): string {
  const known = ec2Problems[errorCode];
  return known ? known(action, region) : `EC2 answered ${code(errorCode)} to ${code(action)} in ${code(region)}: ${detail}`;
}

type Values = Record<string, string>;
interface Finding {
  text: string;
  fix?: string;
}

const preflightFindings: Record<string, (v: Values) => Finding> = {
  idsOk: (v) => ({ text: `Ids well-formed; region ${code(v.region!)}.` }),
  noRegion: () => ({ text: 'No region given.', fix: `Add ${code('region=…')} or set AWS_REGION for the bot.` }),
  regionNotAllowed: (v) => ({ text: `Region ${code(v.region!)} is not allowed here.`, fix: `Use one of ${v.allowed}.` }),
  serviceOk: (v) => ({ text: `${code(v.service!)} offers interface endpoints in ${v.azs}.` }),
  serviceNotFound: (v) => ({ text: `No endpoint service ${code(v.service!)} in ${code(v.region!)}.`, fix: `Find the right name with ${code('/privatelink services <text>')}.` }),
  serviceNotInterface: (v) => ({ text: `${code(v.service!)} offers ${v.types} endpoints only, not Interface.`, fix: 'Use a gateway endpoint for it (route tables), or pick another service.' }),
  serviceNeedsAcceptance: (v) => ({ text: `${code(v.service!)} requires acceptance: the endpoint waits in pendingAcceptance until its owner${v.owner ? ` (${v.owner})` : ''} accepts it.` }),
  subnetsOk: (v) => ({ text: `Subnets are in the VPC, one per AZ (${v.azs}).` }),
  subnetNotFound: (v) => ({ text: `A subnet does not exist in ${code(v.region!)}: ${v.detail}.`, fix: 'Check the subnet ids and the region.' }),
  subnetOtherVpc: (v) => ({ text: `Subnets outside ${code(v.vpc!)}: ${v.subnets}.`, fix: 'Use subnets of the endpoint\'s VPC.' }),
  subnetSameAz: (v) => ({ text: `Two subnets in ${code(v.az!)}: ${v.subnets}.`, fix: 'An endpoint takes at most one subnet per AZ: keep one.' }),
  subnetAzUnsupported: (v) => ({ text: `The service is not offered in the AZ of ${v.subnets}.`, fix: `Use subnets in ${v.azs}.` }),
  defaultSecurityGroup: (v) => ({ text: `No security group given: the default security group of ${code(v.vpc!)} will be attached.`, fix: `Name one with ${code('sg=sg-…')} that allows inbound TCP 443 from the clients.` }),
  groupsOk: (v) => ({ text: `Inbound TCP 443 allowed from ${v.sources || 'the listed sources'}.` }),
  groupNotFound: (v) => ({ text: `A security group does not exist in ${code(v.region!)}: ${v.detail}.`, fix: 'Check the security group ids and the region.' }),
  groupOtherVpc: (v) => ({ text: `Security groups outside ${code(v.vpc!)}: ${v.groups}.`, fix: 'Use security groups of the endpoint\'s VPC.' }),
  groupNo443: (v) => ({ text: `No rule in ${v.groups} allows inbound TCP 443: clients could not reach the endpoint.`, fix: 'Add an inbound rule for TCP 443 from the clients\' CIDR or security group.' }),
  groupOpenToWorld: (v) => ({ text: `TCP 443 is open to ${v.cidrs}.`, fix: 'Narrow it to the VPC\'s CIDR or the clients\' security group.' }),
  privateDnsOff: () => ({ text: 'Private DNS off: the service\'s default name keeps going over the internet from public subnets and fails from private subnets; clients must use the endpoint-specific names.' }),
  vpcNotFound: (v) => ({ text: `VPC ${code(v.vpc!)} does not exist in ${code(v.region!)}.`, fix: 'Check the VPC id and the region.' }),
  vpcDnsAttributes: (v) => ({ text: `${code(v.vpc!)} lacks ${v.missing}, which private DNS needs.`, fix: `aws ec2 modify-vpc-attribute --vpc-id ${v.vpc} --enable-dns-support; aws ec2 modify-vpc-attribute --vpc-id ${v.vpc} --enable-dns-hostnames (or private-dns=off)` }),
  serviceNoPrivateDns: (v) => ({ text: `${code(v.service!)} offers no private DNS name.`, fix: `Ask again with ${code('private-dns=off')}.` }),
  privateDnsTaken: (v) => ({ text: `${code(v.endpoint!)} already holds private DNS for ${code(v.service!)} in this VPC; only one endpoint can.`, fix: `Use that endpoint, ask with ${code('private-dns=off')}, or remove it first.` }),
  privateDnsOk: (v) => ({ text: `The VPC has DNS support and hostnames; ${v.name ? code(v.name) : 'the service name'} will resolve to the endpoint.` }),
  permitted: () => ({ text: 'DryRun: the bot\'s role may create this endpoint.' }),
  notPermitted: (v) => ({ text: `DryRun: the bot's role may not call ${code(v.action!)}.`, fix: 'Add it to the role\'s IAM policy (README, "IAM permissions").' }),
  ec2Error: (v) => ({ text: ec2Problem(v.code!, v.action!, v.region!, v.message ?? '') }),
};

export const en = {
  code,
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
      permission: 'Permission',
    } as Record<string, string>,
    marks: { pass: ':white_check_mark:', warn: ':warning:', fail: ':x:' } as Record<string, string>,
    fix: 'Fix:',
    failed: 'The request was not sent: fix what failed and try again. Nothing was posted or created.',
    checking: (vpc: string) => `Checking the request for ${code(vpc)} (service, subnets, security groups, private DNS, permission)…`,
  },
  noRegion: `No region given: add ${code('region=…')} or set AWS_REGION for the bot.`,
  regionNotAllowed: (region: string, allowed: string[]) => `Region ${code(region)} is not allowed here. Allowed: ${allowed.map(code).join(', ')}.`,
  lookingUp: 'Looking up… AWS is slow to answer; the result will replace this message.',
  lookups: {
    dnsTitle: (what: string, region: string) => `DNS names: ${what} in ${region}`,
    describeTitle: (what: string, region: string) => `Endpoints: ${what} in ${region}`,
    servicesTitle: (what: string, region: string, count: number) => `Endpoint services${what ? ` matching "${what}"` : ''} in ${region} (${count})`,
    everything: 'all',
    nothingFound: (what: string, region: string) => `No endpoints match ${code(what)} in ${code(region)}. Check the region (${code('region=')}), or see which services exist with ${code('/privatelink services <text>')}.`,
    noServices: (what: string, region: string) => `No endpoint services match ${code(what)} in ${code(region)}.`,
    shown: (shown: number, total: number | string, hint: string) => `Showing ${shown} of ${total}. ${hint}`,
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
    routes: { endpoint: 'through the endpoint', internet: 'over the internet (IGW)', fails: 'fails (no route out)' } as Record<string, string>,
    tryIt: 'Try it from inside the VPC',
    acceptance: 'acceptance required',
    policy: 'policy',
    yes: 'yes',
    no: 'no',
    azs: 'AZs',
  },
  requests: {
    title: (id: string) => `Endpoint request ${id}`,
    requester: 'Requested by',
    reason: 'Reason',
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
    exactCall: 'Exactly what will be called',
    approve: 'Approve',
    reject: 'Reject',
    cancel: 'Cancel request',
    confirmTitle: 'Create this endpoint?',
    confirmText: (service: string, vpc: string) => `The bot will create an interface endpoint to ${code(service)} in ${code(vpc)}.`,
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
    } as Record<string, string>,
    historyLine: (state: string, actor: string, at: string) => `${state} · ${actor} · ${at}`,
    history: 'History',
    decidedBy: (verb: string, user: string, at: string) => `${verb} by <@${user}> at ${at}`,
    verbs: { approved: 'Approved', rejected: 'Rejected', cancelled: 'Cancelled', expired: 'Expired' } as Record<string, string>,
    sentNote: (id: string, channel: string, link: string) => `Request ${code(id)} is waiting for approval in <#${channel}> (<${link}|see it>). You will be told here when it is decided; cancel it with ${code(`/privatelink cancel ${id}`)}.`,
    channelProblem: (channel: string, problem: string) =>
      problem === 'not_in_channel'
        ? `I cannot post in <#${channel}>, the approvals channel: I am not a member. Ask someone there to run ${code('/invite @privatelink')}, then send your request again. Nothing was created.`
        : `I cannot post in the approvals channel ${code(channel)} (${code(problem)}): an admin must fix APPROVAL_CHANNEL_ID. Nothing was created.`,
    notConfigured: 'Approvals are not set up: the bot needs APPROVAL_CHANNEL_ID and APPROVER_USER_IDS or APPROVER_USERGROUP_ID (README, "Configuration").',
    notFound: (id: string) => `There is no request ${code(id)}. See the recent ones with ${code('/privatelink requests all')}.`,
    refusedNotApprover: 'Only approvers may decide endpoint requests; nothing was changed. Ask one of the approvers listed in the README of this bot\'s deployment.',
    refusedRequester: (id: string) => `You cannot decide your own request; someone else must approve it. You may withdraw it with ${code(`/privatelink cancel ${id}`)}.`,
    alreadyDecided: (id: string, state: string) => `Request ${code(id)} is already ${state}; nothing was changed.`,
    expiredNow: (id: string) => `Request ${code(id)} has expired and can no longer be approved. The requester can ask again.`,
    cancelOnlyRequester: 'Only the requester can cancel a request.',
    cancelled: (id: string) => `Request ${code(id)} is cancelled.`,
    approvedThread: (user: string) => `Approved by <@${user}>. Creating the endpoint…`,
    rejectedThread: (user: string, requester: string) => `Rejected by <@${user}>. <@${requester}>, nothing was created.`,
    cancelledThread: (requester: string) => `Cancelled by <@${requester}>.`,
    expiredThread: 'Expired: nobody decided in time.',
    listTitle: (filter: string, count: number) => `${filter === 'pending' ? 'Open' : 'Recent'} endpoint requests (${count})`,
    none: (filter: string) => (filter === 'pending' ? 'No open requests.' : 'No requests yet.'),
    listLine: (id: string, state: string, requester: string, service: string, vpc: string, created: string) => `${code(id)} ${state} · <@${requester}> · ${code(service)} in ${code(vpc)} · ${created}`,
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
      sg: 'Security group ids (inbound TCP 443)',
      privateDns: 'Private DNS',
      ip: 'IP address type',
      region: 'Region',
      reason: 'Why is it needed?',
      on: 'On',
      off: 'Off',
      ipTypes: { ipv4: 'IPv4', dualstack: 'Dual-stack', ipv6: 'IPv6' } as Record<string, string>,
    },
  },
  create: {
    progress: (endpointId: string | undefined, state: string, elapsed: string) => `${endpointId ? `${code(endpointId)} ` : ''}${state} · ${elapsed} elapsed`,
    starting: 'calling CreateVpcEndpoint',
    threadCreated: (endpointId: string) => `CreateVpcEndpoint returned ${code(endpointId)}; waiting for it to become available…`,
    threadState: (endpointId: string, state: string, elapsed: string) => `${code(endpointId)} is ${state} (${elapsed}).`,
    threadAvailable: (requester: string, endpointId: string) => `<@${requester}>, ${code(endpointId)} is available. Its DNS names are on the request above.`,
    threadPendingAcceptance: (requester: string, endpointId: string, owner: string) => `<@${requester}>, ${code(endpointId)} was created and waits for the service owner${owner ? ` (account ${owner})` : ''} to accept it. Ask them to accept it (VPC console → Endpoint services → Endpoint connections); I will report when it is available.`,
    threadFailed: (requester: string, text: string) => `<@${requester}>, the endpoint could not be created: ${text}`,
    timedOut: (endpointId: string, minutes: number) => `${code(endpointId)} was still pending after ${minutes} minutes. It may still become available: check with ${code(`/privatelink describe ${endpointId}`)}.`,
    endpointFailed: (endpointId: string, state: string, detail: string) => `${code(endpointId)} ended ${state}${detail ? `: ${detail}` : ''}.`,
    dnsNames: 'DNS names',
    tryIt: 'Try it from inside the VPC',
    accepted: (endpointId: string, requester: string) => `<@${requester}>, the service owner accepted ${code(endpointId)}: it is available.`,
  },
  unknownAction: 'This button belongs to something this version of the bot no longer does; nothing was changed. Run the command again.',
  internalError: 'Something went wrong on my side; nothing was changed. Try again in a minute, and tell the bot\'s maintainers if it keeps happening.',
  // Slack's 3-second deadline (src/deadline.ts)
  deadline: {
    handOffFailed: 'AWS or Slack is slow right now and I could not finish this in time; nothing was changed. Try again in a minute.',
    modalTooSlow: 'Slack was too slow to open the form. Run `/privatelink create` again, or give the fields on the command line (`/privatelink help`).',
  },
  compare: {
    title: 'Peering, PrivateLink, gateway endpoint or Transit Gateway?',
    step: (n: number) => `Question ${n}`,
    answersSoFar: 'Your answers so far:',
    noAnswersYet: 'Answer a few questions; I only ask what can still change the answer.',
    back: 'Back',
    startOver: 'Start over',
    recommendation: 'Recommendation',
    noRecommendation: 'No option fits these answers',
    why: 'Why',
    alsoPossible: 'Also possible, in order',
    ruledOut: 'Ruled out',
    caveats: 'Watch out for',
    changedSince2018: 'Changed since the 2018 advice',
    in2018: 'In 2018:',
    since: (date: string) => `Since ${date}:`,
    nextSteps: 'Next steps',
    openQuestions: 'Would change the answer',
    wouldChange: (key: string, value: string, to: string) => `${code(`${key}=${value}`)} → ${to}`,
    share: 'Share in channel',
    sharedBy: (user: string) => `Shared by <@${user}>`,
    sources: 'Sources',
    factsAsOf: (date: string) => `Facts as of ${date}.`,
    rerun: 'Run again with:',
  },
};

export type Messages = typeof en;
