/** What the doctor knows (gathered from EC2) and what it concludes (the report). Types only. */
import type {
  DhcpDnsServers,
  Endpoint,
  EndpointService,
  GroupRules,
  Instance,
  VpcNetworkAcl,
  NetworkInterface,
  PeeringConnection,
  RouteTable,
  SubnetDetail,
  TgwAttachment,
  TgwRoute,
  Vpc,
} from '../endpoints/ec2-api.js';
import type { ClientLocation, NameReach } from '../endpoints/reach.js';

/** A read that may have been refused or failed: the doctor then says "unknown", naming the action. */
export type Read<T> = { ok: true; value: T } | { ok: false; action: string; code: string };

export type DoctorSourceSpec =
  | { kind: 'subnet'; id: string }
  | { kind: 'instance'; id: string }
  | { kind: 'vpc'; id: string }
  | { kind: 'address'; cidr: string }
  | { kind: 'onprem' };

/** The source, resolved: inside a VPC (with a subnet when known), or outside every VPC the bot sees. */
export type ResolvedSource =
  | {
      kind: 'in-vpc';
      spec: DoctorSourceSpec;
      vpcId: string;
      subnet?: SubnetDetail;
      instance?: Instance;
      /** The addresses traffic comes from: the instance's IP, the given IP, the subnet's or the VPC's CIDRs. */
      cidrs: string[];
    }
  | {
      kind: 'outside';
      spec: DoctorSourceSpec;
      /** The given IP/CIDR (not in any subnet of this region), or none for `onprem`. */
      cidr?: string;
    };

export interface DoctorFacts {
  region: string;
  port: number;
  portGiven: boolean;
  source: ResolvedSource;
  endpoint: Endpoint;
  service: Read<EndpointService | undefined>;
  enis: Read<NetworkInterface[]>;
  endpointSubnets: Read<SubnetDetail[]>;
  endpointGroups: Read<GroupRules[]>;
  /** The instance's security groups (instance sources only). */
  sourceGroups?: Read<GroupRules[]>;
  /** Route tables of the source's VPC and of the endpoint's VPC. */
  routeTables: Read<RouteTable[]>;
  /** Network ACLs of the source's VPC and of the endpoint's VPC. */
  acls: Read<VpcNetworkAcl[]>;
  endpointVpcDns: { support: Read<boolean>; hostnames: Read<boolean> };
  /** enableDnsSupport of the source's VPC, when it is another VPC. */
  sourceVpcDnsSupport?: Read<boolean>;
  /** The subnets of a whole-VPC source (`from=vpc-…`): which route tables are in use. */
  sourceSubnets?: Read<SubnetDetail[]>;
  /** Peerings of the source's VPC (other-VPC sources only). */
  peerings?: Read<PeeringConnection[]>;
  vpcs: Read<Vpc[]>;
  /** Gateway endpoints for the same service in the source's VPC (S3, DynamoDB). */
  gatewayEndpoints?: Read<Endpoint[]>;
  /** The entries of the managed prefix lists that security-group rules on the path name. */
  prefixLists?: Read<Record<string, string[]>>;
  /** When a route on the path leads to a Transit Gateway: the VPCs' attachments and their TGW route tables. */
  transitGateway?: Read<TransitGatewayView>;
  /** The source VPC's DHCP option set (its DNS servers); undefined when it uses the default set. */
  sourceDhcp?: Read<DhcpDnsServers | undefined>;
}

export interface TransitGatewayView {
  attachments: TgwAttachment[];
  routeTables: Record<string, { routes: TgwRoute[]; complete: boolean }>;
}

export type CheckId =
  | 'endpoint-state'
  | 'endpoint-az'
  | 'port'
  | 'routing'
  | 'return-route'
  | 'nacl-source'
  | 'nacl-endpoint'
  | 'sg-endpoint'
  | 'sg-source'
  | 'policy'
  | 'dns-attributes'
  | 'dns'
  | 'resolver';

/** Every finding a doctor check reports: the message catalogs hold one text per id (`doctor.findings`). */
export const DOCTOR_FINDINGS = [
  'state.available',
  'state.pendingAcceptance',
  'state.other',
  'az.same',
  'az.cross',
  'az.none',
  'az.unknown',
  'az.list',
  'port.aws',
  'port.awsNot443',
  'port.given',
  'port.assumed',
  'routing.local',
  'routing.peering',
  'routing.none',
  'routing.nonePeering',
  'routing.blackhole',
  'routing.peeringInactive',
  'routing.peeringWrongVpc',
  'routing.tgw',
  'routing.other',
  'routing.appliance',
  'routing.tgwRoute',
  'routing.tgwNoRoute',
  'routing.tgwBlackhole',
  'routing.tgwElsewhere',
  'routing.tgwNoAssociation',
  'routing.manyTables',
  'routing.unreadable',
  'routing.noTable',
  'routing.noEndpointCidrs',
  'routing.onprem',
  'return.onprem',
  'return.onpremNoCidr',
  'return.onpremNone',
  'return.noGateway',
  'path.partial',
  'nacl.allow',
  'nacl.deny',
  'nacl.denyEphemeral',
  'nacl.partEphemeral',
  'nacl.sameSubnet',
  'nacl.noAcl',
  'nacl.unreadable',
  'nacl.outside',
  'nacl.noSubnet',
  'nacl.noSourceCidr',
  'sg.endpointAdmits',
  'sg.endpointRefuses',
  'sg.sourceAllows',
  'sg.sourceRefuses',
  'sg.notInstance',
  'sg.noSourceCidr',
  'sg.unreadable',
  'sg.bySourceGroup',
  'sg.prefixList',
  'policy.full',
  'policy.denyAll',
  'policy.noAllow',
  'policy.denies',
  'policy.limited',
  'policy.unreadable',
  'dnsAttrs.on',
  'dnsAttrs.off',
  'dnsAttrs.unknown',
  'dnsAttrs.notNeeded',
  'dns.private',
  'dns.gateway',
  'dns.internet',
  'dns.noRoute',
  'dns.nothing',
  'dns.unknown',
  'dns.customServers',
  'resolver.onprem',
  'resolver.remoteVpc',
] as const;
export type DoctorFindingId = (typeof DOCTOR_FINDINGS)[number];

/**
 * The slots a command leaves for the reader to fill, as the commands carry them (`<on-premises CIDR>`); the views
 * put each in the reader's language (`doctor.placeholders` in the catalogs), the JSON keeps these.
 */
export const DOCTOR_PLACEHOLDERS = {
  eniIp: () => '<endpoint ENI IP>',
  onpremCidr: () => '<on-premises CIDR>',
  sourceCidr: () => '<source CIDR>',
  instanceGroups: () => '<the instance groups>',
  attachmentOf: (vpc: string) => `<the attachment of ${vpc}>`,
  freeRuleBelow: (rule: string) => `<free number below ${rule}>`,
} satisfies Record<string, (arg: string) => string>;
export type DoctorPlaceholder = keyof typeof DOCTOR_PLACEHOLDERS;

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface Check {
  id: CheckId;
  status: CheckStatus;
  /** Message id in the catalog's doctor.findings; `values` fill it. */
  finding: DoctorFindingId;
  values: Record<string, string>;
  /** The resources looked at (ids). */
  resources: string[];
  /**
   * A failing or warning link: the exact command that fixes it, when there is one. An unknown link: the one
   * read-only command (or connection test from the source) that would settle it.
   */
  command?: string;
}

/**
 * `reachable-privately` only when every link on the path passes (warnings allowed); `not-reachable` when one
 * fails; `cannot-tell` when none fails but one is unknown; `reachable-over-internet` when the service's name
 * leads to public IPs the source can reach.
 */
export const VERDICTS = ['reachable-privately', 'reachable-over-internet', 'not-reachable', 'cannot-tell'] as const;
export type VerdictId = (typeof VERDICTS)[number];

export interface DoctorReport {
  verdict: VerdictId;
  /** The first failing check, for not-reachable (and the link that pushes traffic to the internet otherwise). */
  firstFailing?: CheckId;
  /** The first unknown link, for cannot-tell. */
  firstUnknown?: CheckId;
  /** The one command to fix it. */
  fix?: string;
  /** Links the bot could not see. */
  unknown: CheckId[];
  /** Each unknown link with the one read-only command that would settle it. */
  settle: { id: CheckId; command: string }[];
  region: string;
  port: number;
  location: ClientLocation;
  source: { label: string; vpcId?: string; subnetId?: string; availabilityZone?: string; cidr?: string };
  endpoint: { id: string; serviceName: string; vpcId: string; dnsMode: string };
  names: NameReach[];
  checks: Check[];
}

/** What a doctor run ends in: a report, or a problem that prevented one (bad source, no endpoint, EC2 refused). */
export type DoctorOutcome = { kind: 'report'; report: DoctorReport } | { kind: 'problem'; problem: DoctorProblem };

export type DoctorProblem =
  | { code: 'noRegion' }
  | { code: 'regionNotAllowed'; region: string; allowed: string[] }
  | { code: 'sourceNotFound'; source: string; region: string }
  | { code: 'endpointNotFound'; endpoint: string; region: string }
  | { code: 'noEndpoint'; service: string; vpcId?: string; region: string; create: string }
  | { code: 'ambiguous'; service: string; candidates: { id: string; serviceName: string; vpcId: string }[] }
  | { code: 'notInterface'; endpoint: string; type: string }
  | { code: 'ec2'; action: string; errorCode: string; region: string; message: string };
