/**
 * The doctor's evaluator: from what EC2 showed about a source and an interface endpoint, each link of the path
 * (endpoint, AZ, port, routes both ways, NACLs both ways, security groups, DNS) as pass/warn/fail/unknown with
 * the resource it looked at and the command that fixes it (or, for an unknown link, the read-only command that
 * would settle it), then one verdict. Pure: no I/O, no clock. Each step below is one link of the path.
 * The rules and their sources: docs/aws-behaviour.md ("doctor and describe").
 */
import { contains, isBlock, isIpv4Block, overlaps, parseCidr, prefixOf } from '../endpoints/cidr.js';
import { dnsNames } from '../endpoints/dns.js';
import type {
  AclEntry,
  Endpoint,
  GroupRules,
  NetworkInterface,
  PeeringConnection,
  RouteEntry,
  RouteTable,
  SecurityGroupRule,
  SubnetDetail,
  VpcNetworkAcl,
} from '../endpoints/ec2-api.js';
import { dnsModeOf, hasGatewayType, reach, type ClientLocation, type InternetPath, type Known, type NameReach } from '../endpoints/reach.js';
import {
  DOCTOR_PLACEHOLDERS,
  type Check,
  type CheckId,
  type CheckStatus,
  type DoctorFacts,
  type DoctorFindingId,
  type DoctorReport,
  type Read,
  type ResolvedSource,
  type VerdictId,
} from './model.js';

/** Ports a client's replies come back to: Linux uses 32768–60999, AWS recommends allowing 1024–65535. */
export const EPHEMERAL_SAMPLES = [1024, 32768, 60999, 65535];
const LINUX_EPHEMERAL = [32768, 60999];

const known = <T>(r: Read<T> | undefined): T | undefined => (r?.ok ? r.value : undefined);
const readKnown = (r: Read<boolean> | undefined): Known => (r?.ok ? r.value : 'unknown');
const actionOf = (r: Read<unknown> | undefined) => (r && !r.ok ? r.action : '');

function check(id: CheckId, status: CheckStatus, finding: DoctorFindingId, values: Record<string, string>, resources: string[], command?: string): Check {
  return { id, status, finding, values, resources: resources.filter(Boolean), ...(command && { command }) };
}

const WORST: CheckStatus[] = ['fail', 'unknown', 'warn', 'pass'];
const worst = (checks: Check[]) => [...checks].sort((a, b) => WORST.indexOf(a.status) - WORST.indexOf(b.status))[0];

// ---- the path, computed once ----

/** Where the source's packets go: one endpoint ENI (or, when the ENIs are unreadable, one endpoint subnet's block). */
interface Target {
  az: string;
  subnetId: string;
  /** The ENI's address (NACLs and security groups are judged against it). */
  cidr: string;
  /** Its subnet's block (routes are judged against it), or the address when the subnet is unknown. */
  block: string;
}

interface PathContext {
  facts: DoctorFacts;
  endpoint: Endpoint;
  region: string;
  port: number;
  tables?: RouteTable[];
  acls?: VpcNetworkAcl[];
  enis?: NetworkInterface[];
  endpointSubnets?: SubnetDetail[];
  inVpc?: Extract<ResolvedSource, { kind: 'in-vpc' }>;
  sameVpc: boolean;
  sourceSubnet?: SubnetDetail;
  /** The route tables the source's traffic uses: its subnet's, or every one in use by a whole VPC's subnets. */
  sourceTables: RouteTable[];
  outsideCidr?: string;
  sourceCidrs: string[];
  endpointCidrs: string[];
  targets: Target[];
  peerings: PeeringConnection[];
  linking?: PeeringConnection;
  /** `/privatelink doctor <endpoint> ` with the region: the start of a narrower doctor command. */
  doctorCommand: (from: string) => string;
}

export function routeTableOf(tables: RouteTable[], vpcId: string, subnetId?: string): RouteTable | undefined {
  return (subnetId && tables.find((t) => t.subnetIds.includes(subnetId))) || tables.find((t) => t.vpcId === vpcId && t.main);
}

function pathContext(facts: DoctorFacts): PathContext {
  const { endpoint, source, region } = facts;
  const tables = known(facts.routeTables);
  const enis = known(facts.enis);
  const endpointSubnets = known(facts.endpointSubnets);
  const vpcs = known(facts.vpcs);
  const inVpc = source.kind === 'in-vpc' ? source : undefined;
  const sourceSubnet = inVpc?.subnet;
  const outsideCidr = source.kind === 'outside' ? source.cidr : undefined;
  let sourceTables: RouteTable[] = [];
  if (inVpc && tables) {
    if (sourceSubnet) sourceTables = [routeTableOf(tables, inVpc.vpcId, sourceSubnet.id)].filter((t): t is RouteTable => Boolean(t));
    else {
      // A whole VPC: the distinct tables its subnets use (the main table only for subnets without their own).
      const subnets = known(facts.sourceSubnets);
      const inUse = subnets ? subnets.map((s) => routeTableOf(tables, inVpc.vpcId, s.id)) : [routeTableOf(tables, inVpc.vpcId)];
      sourceTables = [...new Map(inUse.filter((t): t is RouteTable => Boolean(t)).map((t) => [t.id, t])).values()];
    }
  }
  const endpointCidrs =
    endpointSubnets?.map((s) => s.cidr ?? '').filter(Boolean) ?? vpcs?.find((v) => v.id === endpoint.vpcId)?.cidrs.filter(isIpv4Block) ?? [];
  const blockOf = (subnetId: string, address: string) => endpointSubnets?.find((s) => s.id === subnetId)?.cidr ?? address;
  const targets: Target[] = enis?.some((n) => n.privateIp)
    ? enis
        .filter((n) => n.privateIp)
        .map((n) => ({ az: n.availabilityZone, subnetId: n.subnetId, cidr: `${n.privateIp}/32`, block: blockOf(n.subnetId, `${n.privateIp}/32`) }))
    : endpointSubnets
      ? endpointSubnets.filter((s) => s.cidr).map((s) => ({ az: s.availabilityZone, subnetId: s.id, cidr: s.cidr!, block: s.cidr! }))
      : endpointCidrs.map((cidr) => ({ az: '', subnetId: '', cidr, block: cidr }));
  const peerings = known(facts.peerings) ?? [];
  const linking = peerings.find(
    (p) => [p.requester.vpcId, p.accepter.vpcId].includes(endpoint.vpcId) && [p.requester.vpcId, p.accepter.vpcId].includes(inVpc?.vpcId ?? ''),
  );
  return {
    facts,
    endpoint,
    region,
    port: facts.port,
    ...(tables && { tables }),
    ...(known(facts.acls) && { acls: known(facts.acls) }),
    ...(enis && { enis }),
    ...(endpointSubnets && { endpointSubnets }),
    ...(inVpc && { inVpc }),
    sameVpc: inVpc?.vpcId === endpoint.vpcId,
    ...(sourceSubnet && { sourceSubnet }),
    sourceTables,
    ...(outsideCidr && { outsideCidr }),
    sourceCidrs: inVpc ? inVpc.cidrs : outsideCidr ? [outsideCidr] : [],
    endpointCidrs,
    targets,
    peerings,
    ...(linking && { linking }),
    doctorCommand: (from) => `/privatelink doctor ${endpoint.id} from=${from} region=${region}`,
  };
}

/** The connection test, run on the source, that settles a link the bot cannot see (read-only: it sends a SYN). */
function connectionTest(p: PathContext): string {
  const ip = p.targets[0]?.cidr.replace(/\/\d+$/, '') ?? DOCTOR_PLACEHOLDERS.eniIp();
  return `nc -vz -w 5 ${ip} ${p.port}`;
}

/**
 * Per AZ: when the link passes to some ENIs and fails to others (no unknown), connections succeed or time out
 * depending on the address the client picks: a warning naming the blocked AZs, not a failure.
 */
function perAz(id: CheckId, items: { az: string; check: Check }[]): Check | undefined {
  const all = items.map((i) => i.check);
  const first = worst(all);
  if (first?.status !== 'fail') return first;
  if (all.some((c) => c.status === 'unknown')) return first;
  const passing = items.filter((i) => i.check.status === 'pass' || i.check.status === 'warn');
  if (passing.length === 0) return first;
  const blockedAzs = [...new Set(items.filter((i) => i.check.status === 'fail').map((i) => i.az))].sort();
  const openAzs = [...new Set(passing.map((i) => i.az))].filter((az) => !blockedAzs.includes(az)).sort();
  if (openAzs.length === 0) return first;
  return check(
    id,
    'warn',
    'path.partial',
    { ...first.values, cause: first.finding, blocked: blockedAzs.join(', '), open: openAzs.join(', ') },
    first.resources,
    first.command,
  );
}

// ---- step 1: the endpoint itself ----

function endpointStateLink(p: PathContext): Check {
  const { endpoint, region } = p;
  const state = endpoint.state.toLowerCase();
  if (state === 'available') return check('endpoint-state', 'pass', 'state.available', { endpoint: endpoint.id }, [endpoint.id]);
  if (state === 'pendingacceptance')
    return check(
      'endpoint-state',
      'fail',
      'state.pendingAcceptance',
      { endpoint: endpoint.id },
      [endpoint.id],
      `aws ec2 accept-vpc-endpoint-connections --service-id <the provider's vpce-svc-…> --vpc-endpoint-ids ${endpoint.id}`,
    );
  return check(
    'endpoint-state',
    'fail',
    'state.other',
    { endpoint: endpoint.id, state: endpoint.state },
    [endpoint.id],
    `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids ${endpoint.id} --region ${region}`,
  );
}

// ---- step 2: an ENI in the source's AZ ----

function azLink(p: PathContext): Check {
  const { endpoint, enis, endpointSubnets, sourceSubnet, region } = p;
  const azs = [...new Set(enis?.map((n) => n.availabilityZone) ?? endpointSubnets?.map((s) => s.availabilityZone) ?? [])].sort();
  if (azs.length === 0 && (enis || endpointSubnets)) return check('endpoint-az', 'fail', 'az.none', { endpoint: endpoint.id }, [endpoint.id]);
  if (azs.length === 0)
    return check(
      'endpoint-az',
      'unknown',
      'az.unknown',
      { action: actionOf(p.facts.enis) },
      [endpoint.id],
      `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids ${endpoint.id} --query "VpcEndpoints[].SubnetIds" --region ${region}`,
    );
  if (!sourceSubnet?.availabilityZone) return check('endpoint-az', 'pass', 'az.list', { azs: azs.join(', ') }, [endpoint.id]);
  const az = sourceSubnet.availabilityZone;
  const eni = enis?.find((n) => n.availabilityZone === az);
  if (azs.includes(az)) return check('endpoint-az', 'pass', 'az.same', { az, eni: eni?.id ?? '', ip: eni?.privateIp ?? '' }, [endpoint.id, eni?.id ?? '']);
  return check(
    'endpoint-az',
    'warn',
    'az.cross',
    { az, azs: azs.join(', '), endpoint: endpoint.id },
    [endpoint.id, sourceSubnet.id],
    `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${endpoint.id} --add-subnet-ids <a subnet of ${endpoint.vpcId} in ${az}> --region ${region}`,
  );
}

// ---- step 3: the port ----

/** AWS service APIs answer HTTPS on 443 only: another port against them fails, whatever the rest of the path. */
function portLink(p: PathContext): Check {
  const { endpoint, port, facts } = p;
  const awsService = endpoint.serviceName.startsWith('com.amazonaws.') && !endpoint.serviceName.startsWith('com.amazonaws.vpce.');
  if (awsService)
    return port === 443
      ? check('port', 'pass', 'port.aws', { port: String(port) }, [endpoint.serviceName])
      : check('port', 'fail', 'port.awsNot443', { port: String(port) }, [endpoint.serviceName], p.doctorCommand(sourceFromOf(facts)) + ' port=443');
  return check('port', facts.portGiven ? 'pass' : 'warn', facts.portGiven ? 'port.given' : 'port.assumed', { port: String(port) }, [endpoint.serviceName]);
}

// ---- step 4–5: routes, both ways ----

/** Longest-prefix match among the table's routes (IPv4 or IPv6, as the destination) that hold the whole destination. */
export function bestRoute(table: RouteTable, destination: string): RouteEntry | undefined {
  return table.routes
    .filter((r) => isBlock(r.destination) && contains(r.destination, destination))
    .sort((a, b) => prefixOf(b.destination) - prefixOf(a.destination))[0];
}

/** A route to a network interface (firewall, NAT instance) or a Gateway Load Balancer endpoint: an appliance decides. */
const isAppliance = (route: RouteEntry) => route.target.kind === 'other' || (route.target.kind === 'gateway-endpoint' && isBlock(route.destination));

/** `replace-route` when the table already has a route for exactly this destination (EC2 refuses a duplicate create-route). */
function routeFix(table: RouteTable, cidr: string, targetFlag: string, region: string): string {
  const normal = parseCidr(cidr);
  const exists = table.routes.some((r) => {
    const b = parseCidr(r.destination);
    return b && normal && b.version === normal.version && b.start === normal.start && b.prefix === normal.prefix;
  });
  const family = normal?.version === 6 ? '--destination-ipv6-cidr-block' : '--destination-cidr-block';
  return `aws ec2 ${exists ? 'replace-route' : 'create-route'} --route-table-id ${table.id} ${family} ${cidr} ${targetFlag} --region ${region}`;
}

function applianceCheck(id: 'routing' | 'return-route', table: RouteTable, cidr: string, route: RouteEntry, p: PathContext): Check {
  return check(
    id,
    'unknown',
    'routing.appliance',
    { table: table.id, cidr, target: route.target.id, destination: route.destination },
    [table.id, route.target.id],
    connectionTest(p),
  );
}

/** Same VPC: the local route carries it unless a more specific route sends it through an appliance (or nowhere). */
function localRoute(id: 'routing' | 'return-route', table: RouteTable, cidr: string, p: PathContext): Check {
  const route = bestRoute(table, cidr);
  const values = { table: table.id, cidr, vpc: p.endpoint.vpcId };
  if (!route || route.target.kind === 'local') return check(id, 'pass', 'routing.local', values, [table.id]);
  if (route.state === 'blackhole')
    return check(
      id,
      'fail',
      'routing.blackhole',
      { ...values, target: route.target.id },
      [table.id, route.target.id],
      `aws ec2 delete-route --route-table-id ${table.id} --destination-cidr-block ${route.destination} --region ${p.region}`,
    );
  return applianceCheck(id, table, cidr, route, p);
}

/** Another VPC: a peering (checked here) or a Transit Gateway (its own route tables decide). */
function peerRoute(id: 'routing' | 'return-route', table: RouteTable, cidr: string, peerVpc: string, p: PathContext): Check {
  const { region, linking, peerings } = p;
  const route = bestRoute(table, cidr);
  const values = { table: table.id, cidr, vpc: peerVpc };
  const fix = linking ? routeFix(table, cidr, `--vpc-peering-connection-id ${linking.id}`, region) : undefined;
  if (!route || route.target.kind === 'local' || route.target.kind === 'igw' || route.target.kind === 'nat')
    return check(id, 'fail', linking ? 'routing.none' : 'routing.nonePeering', values, [table.id], fix);
  if (route.state === 'blackhole') return check(id, 'fail', 'routing.blackhole', { ...values, target: route.target.id }, [table.id, route.target.id], fix);
  if (route.target.kind === 'peering') {
    const peering = peerings.find((x) => x.id === route.target.id);
    if (!peering)
      return check(
        id,
        'unknown',
        'routing.other',
        { ...values, target: route.target.id },
        [table.id, route.target.id],
        `aws ec2 describe-vpc-peering-connections --vpc-peering-connection-ids ${route.target.id} --region ${region}`,
      );
    if (peering.status !== 'active')
      return check(
        id,
        'fail',
        'routing.peeringInactive',
        { ...values, peering: peering.id, status: peering.status },
        [table.id, peering.id],
        `aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id ${peering.id} --region ${region}`,
      );
    if (![peering.requester.vpcId, peering.accepter.vpcId].includes(peerVpc) && id === 'routing')
      return check(id, 'fail', 'routing.peeringWrongVpc', { ...values, peering: peering.id }, [table.id, peering.id], fix);
    return check(id, 'pass', 'routing.peering', { ...values, peering: route.target.id }, [table.id, route.target.id]);
  }
  if (route.target.kind === 'tgw') return tgwRoute(id, table, cidr, route.target.id, peerVpc, p);
  if (isAppliance(route)) return applianceCheck(id, table, cidr, route, p);
  return check(id, 'unknown', 'routing.other', { ...values, target: route.target.id }, [table.id, route.target.id], connectionTest(p));
}

/**
 * A Transit Gateway forwards by the route table its sending attachment is associated with: the longest prefix
 * match there (a blackhole drops) must lead to an attachment of the peer VPC.
 * Sources: https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html ,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SearchTransitGatewayRoutes.html
 */
function tgwRoute(id: 'routing' | 'return-route', table: RouteTable, cidr: string, tgwId: string, peerVpc: string, p: PathContext): Check {
  const { region } = p;
  const values = { table: table.id, cidr, vpc: peerVpc, tgw: tgwId };
  const fromVpc = table.vpcId;
  const tgw = p.facts.transitGateway;
  const unreadable = check(
    id,
    'unknown',
    'routing.tgw',
    values,
    [table.id, tgwId],
    `aws ec2 describe-transit-gateway-attachments --filters Name=resource-id,Values=${fromVpc} Name=transit-gateway-id,Values=${tgwId} --region ${region}`,
  );
  if (!tgw?.ok) return unreadable;
  const attachment = tgw.value.attachments.find((a) => a.transitGatewayId === tgwId && a.resourceId === fromVpc);
  const peerAttachment = tgw.value.attachments.find((a) => a.transitGatewayId === tgwId && a.resourceId === peerVpc);
  if (!attachment) return unreadable;
  const tgwTable = attachment.associatedRouteTableId;
  if (!tgwTable)
    return check(
      id,
      'unknown',
      'routing.tgwNoAssociation',
      { ...values, attachment: attachment.id },
      [tgwId, attachment.id],
      `aws ec2 describe-transit-gateway-attachments --transit-gateway-attachment-ids ${attachment.id} --region ${region}`,
    );
  const routes = tgw.value.routeTables[tgwTable];
  const search = `aws ec2 search-transit-gateway-routes --transit-gateway-route-table-id ${tgwTable} --filters Name=route-search.longest-prefix-match,Values=${cidr} --region ${region}`;
  if (!routes) return check(id, 'unknown', 'routing.tgw', values, [tgwId, tgwTable], search);
  const best = routes.routes
    .filter((r) => isBlock(r.destination) && contains(r.destination, cidr))
    .sort((a, b) => prefixOf(b.destination) - prefixOf(a.destination))[0];
  const tgwValues = { ...values, tgwTable, attachment: attachment.id };
  const fixTo = (verb: 'create' | 'replace') =>
    `aws ec2 ${verb}-transit-gateway-route --transit-gateway-route-table-id ${tgwTable} --destination-cidr-block ${cidr} --transit-gateway-attachment-id ${peerAttachment?.id ?? DOCTOR_PLACEHOLDERS.attachmentOf(peerVpc)} --region ${region}`;
  if (!best) {
    // A route table read in part may hold the route among those not returned.
    if (!routes.complete) return check(id, 'unknown', 'routing.tgw', values, [tgwId, tgwTable], search);
    return check(id, 'fail', 'routing.tgwNoRoute', tgwValues, [tgwId, tgwTable], fixTo('create'));
  }
  const exact = parseCidr(best.destination)?.prefix === parseCidr(cidr)?.prefix && contains(cidr, best.destination);
  if (best.state === 'blackhole')
    return check(id, 'fail', 'routing.tgwBlackhole', { ...tgwValues, destination: best.destination }, [tgwId, tgwTable], fixTo(exact ? 'replace' : 'create'));
  if (best.attachments.some((a) => a.resourceId === peerVpc))
    return check(id, 'pass', 'routing.tgwRoute', { ...tgwValues, destination: best.destination }, [table.id, tgwId, tgwTable]);
  // To another attachment (an inspection VPC, a VPN, a peering): what happens there is not visible.
  return check(
    id,
    'unknown',
    'routing.tgwElsewhere',
    { ...tgwValues, destination: best.destination, target: best.attachments.map((a) => `${a.id} (${a.resourceType} ${a.resourceId})`).join(', ') },
    [tgwId, tgwTable, ...best.attachments.map((a) => a.id)],
    connectionTest(p),
  );
}

function endpointTables(p: PathContext): { table: RouteTable; subnetId: string }[] {
  if (!p.tables) return [];
  return p.endpoint.subnetIds.flatMap((subnetId) => {
    const table = routeTableOf(p.tables!, p.endpoint.vpcId, subnetId);
    return table ? [{ table, subnetId }] : [];
  });
}

function routeLinks(p: PathContext): { checks: Check[]; location: ClientLocation } {
  const { inVpc, endpoint, region, facts } = p;
  const unreadable = (id: 'routing' | 'return-route') =>
    check(
      id,
      'unknown',
      'routing.unreadable',
      { action: actionOf(facts.routeTables) },
      [],
      `aws ec2 describe-route-tables --filters Name=vpc-id,Values=${[...new Set([endpoint.vpcId, inVpc?.vpcId].filter(Boolean))].join(',')} --region ${region}`,
    );
  if (!inVpc) {
    const back = p.tables ? onpremReturn(p) : unreadable('return-route');
    return { checks: [check('routing', 'unknown', 'routing.onprem', {}, [], connectionTest(p)), back], location: 'onprem' };
  }
  let location: ClientLocation = p.sameVpc ? 'endpoint-vpc' : 'peered-vpc';
  if (!p.tables) return { checks: [unreadable('routing')], location };
  if (p.sourceTables.length === 0)
    return {
      checks: [
        check(
          'routing',
          'unknown',
          'routing.noTable',
          { subnet: p.sourceSubnet?.id ?? inVpc.vpcId },
          [],
          `aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${p.sourceSubnet?.id ?? 'subnet-…'} --region ${region}`,
        ),
      ],
      location,
    };
  if (p.targets.length === 0)
    return {
      checks: [
        check(
          'routing',
          'unknown',
          'routing.noEndpointCidrs',
          { endpoint: endpoint.id },
          [endpoint.id],
          `aws ec2 describe-subnets --subnet-ids ${endpoint.subnetIds.join(' ')} --region ${region}`,
        ),
      ],
      location,
    };

  // There: from each table the source uses, to each ENI, judged per AZ.
  const forwardOf = (table: RouteTable) =>
    perAz(
      'routing',
      p.targets.map((t) => ({
        az: t.az,
        check: p.sameVpc ? localRoute('routing', table, t.block, p) : peerRoute('routing', table, t.block, endpoint.vpcId, p),
      })),
    )!;
  const perTable = p.sourceTables.map((table) => ({ table, check: forwardOf(table) }));
  const statuses = new Set(perTable.map((x) => x.check.status));
  let forward: Check;
  if (perTable.length > 1 && statuses.size > 1) {
    // A whole VPC whose subnets' tables disagree: the answer depends on the subnet.
    const bad = perTable.find((x) => x.check.status !== 'pass')!;
    const subnet = known(facts.sourceSubnets)?.find((s) => routeTableOf(p.tables!, inVpc.vpcId, s.id)?.id === bad.table.id);
    forward = check(
      'routing',
      'unknown',
      'routing.manyTables',
      { vpc: inVpc.vpcId, tables: perTable.map((x) => `${x.table.id} (${x.check.status})`).join(', ') },
      perTable.map((x) => x.table.id),
      p.doctorCommand(subnet?.id ?? 'subnet-…'),
    );
  } else forward = worst(perTable.map((x) => x.check))!;
  if (forward.values.tgw || perTable.some((x) => x.check.values.tgw)) location = 'tgw-vpc';

  // Back: from each endpoint subnet's table to the source's addresses.
  const back = endpointTables(p).flatMap(({ table, subnetId }) =>
    p.sourceCidrs.map((cidr) => ({
      az: p.endpointSubnets?.find((s) => s.id === subnetId)?.availabilityZone ?? subnetId,
      check: p.sameVpc ? localRoute('return-route', table, cidr, p) : peerRoute('return-route', table, cidr, inVpc.vpcId, p),
    })),
  );
  const backCheck = perAz('return-route', back);
  // Same VPC with only local routes both ways: one line says it.
  if (p.sameVpc && forward.status === 'pass' && (!backCheck || backCheck.status === 'pass')) return { checks: [forward], location };
  return { checks: [forward, ...(backCheck ? [backCheck] : [])], location };
}

function onpremReturn(p: PathContext): Check {
  const { region, outsideCidr: cidr } = p;
  const tables = [...new Map(endpointTables(p).map((x) => [x.table.id, x.table])).values()];
  if (tables.length === 0)
    return check(
      'return-route',
      'unknown',
      'routing.noTable',
      { subnet: p.endpoint.subnetIds.join(', ') },
      [],
      `aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${p.endpoint.subnetIds.join(',')} --region ${region}`,
    );
  for (const table of tables) {
    const route = cidr ? bestRoute(table, cidr) : table.routes.find((r) => r.target.kind === 'vgw' || r.target.kind === 'tgw');
    if (route && cidr && isAppliance(route)) return applianceCheck('return-route', table, cidr, route, p);
    if (!route || !['vgw', 'tgw'].includes(route.target.kind) || route.state === 'blackhole') {
      return check(
        'return-route',
        'fail',
        cidr ? 'return.onpremNone' : 'return.noGateway',
        { table: table.id, cidr: cidr ?? '' },
        [table.id],
        `aws ec2 enable-vgw-route-propagation --route-table-id ${table.id} --gateway-id <vgw-…> --region ${region}`,
      );
    }
  }
  return cidr
    ? check(
        'return-route',
        'pass',
        'return.onprem',
        { tables: tables.map((t) => t.id).join(', '), cidr },
        tables.map((t) => t.id),
      )
    : check(
        'return-route',
        'unknown',
        'return.onpremNoCidr',
        { tables: tables.map((t) => t.id).join(', '), cidr: '' },
        tables.map((t) => t.id),
        p.doctorCommand(DOCTOR_PLACEHOLDERS.onpremCidr()),
      );
}

// ---- step 6–7: NACLs, both ways, on each side ----

export type AclDecision = { result: 'allow' | 'deny' | 'partial'; rule?: number };

/** NACL rules are evaluated in rule-number order; the first that matches decides (default: deny). TCP only. */
export function aclDecision(acl: VpcNetworkAcl, egress: boolean, peer: string, port: number): AclDecision {
  const family = parseCidr(peer)?.version;
  const entries = acl.entries.filter((e) => e.egress === egress && parseCidr(e.cidr)?.version === family).sort((a, b) => a.ruleNumber - b.ruleNumber);
  let partial = false;
  for (const e of entries) {
    if (!(e.protocol === '-1' || e.protocol === '6')) continue;
    if (e.protocol === '6' && e.fromPort !== undefined && (port < e.fromPort || port > (e.toPort ?? e.fromPort))) continue;
    if (!overlaps(e.cidr, peer)) continue;
    if (!e.allow) return { result: 'deny', rule: e.ruleNumber };
    if (contains(e.cidr, peer)) return { result: partial ? 'partial' : 'allow', rule: e.ruleNumber };
    partial = true;
  }
  return { result: partial ? 'partial' : 'deny' };
}

function freeRuleBelow(entries: AclEntry[], egress: boolean, limit: number): number | undefined {
  const used = new Set(entries.filter((e) => e.egress === egress).map((e) => e.ruleNumber));
  for (let n = Math.min(limit - 1, 100); n >= 1; n--) if (!used.has(n)) return n;
  return undefined;
}

function aclCommand(acl: VpcNetworkAcl, egress: boolean, cidr: string, from: number, to: number, denyRule?: number): string {
  const rule = freeRuleBelow(acl.entries, egress, denyRule ?? 32767);
  return `aws ec2 create-network-acl-entry --network-acl-id ${acl.id} ${egress ? '--egress' : '--ingress'} --rule-number ${rule ?? DOCTOR_PLACEHOLDERS.freeRuleBelow(String(denyRule ?? 32767))} --protocol tcp --port-range From=${from},To=${to} --cidr-block ${cidr} --rule-action allow`;
}

/** One direction of one NACL: the service port towards `peers`, or the ephemeral ports back from them. */
function aclLink(id: CheckId, acl: VpcNetworkAcl, subnetId: string, egress: boolean, peers: string[], port: number | 'ephemeral'): Check {
  const direction = egress ? 'out' : 'in';
  for (const peer of peers) {
    if (port !== 'ephemeral') {
      const d = aclDecision(acl, egress, peer, port);
      if (d.result !== 'allow') {
        return check(
          id,
          'fail',
          `nacl.deny`,
          { acl: acl.id, subnet: subnetId, direction, port: String(port), peer, rule: d.rule === undefined ? '*' : String(d.rule) },
          [acl.id, subnetId],
          aclCommand(acl, egress, peer, port, port, d.rule),
        );
      }
      continue;
    }
    const decisions = EPHEMERAL_SAMPLES.map((p) => ({ p, d: aclDecision(acl, egress, peer, p) }));
    const denied = decisions.filter((x) => x.d.result !== 'allow');
    if (denied.length === 0) continue;
    const linuxDenied = denied.some((x) => LINUX_EPHEMERAL.includes(x.p));
    const rule = denied[0]!.d.rule;
    return check(
      id,
      linuxDenied ? 'fail' : 'warn',
      linuxDenied ? 'nacl.denyEphemeral' : 'nacl.partEphemeral',
      { acl: acl.id, subnet: subnetId, direction, peer, ports: denied.map((x) => x.p).join(', '), rule: rule === undefined ? '*' : String(rule) },
      [acl.id, subnetId],
      aclCommand(acl, egress, peer, 1024, 65535, rule),
    );
  }
  return check(id, 'pass', 'nacl.allow', { acl: acl.id, subnet: subnetId, direction, port: port === 'ephemeral' ? '1024-65535' : String(port) }, [
    acl.id,
    subnetId,
  ]);
}

function aclUnreadable(id: CheckId, p: PathContext): Check {
  const vpcs = [...new Set([p.endpoint.vpcId, p.inVpc?.vpcId].filter(Boolean))].join(',');
  return check(
    id,
    'unknown',
    'nacl.unreadable',
    { action: actionOf(p.facts.acls) },
    [],
    `aws ec2 describe-network-acls --filters Name=vpc-id,Values=${vpcs} --region ${p.region}`,
  );
}

/** The source subnet's NACL: out to each ENI on the port, back in on the ephemeral ports; per AZ. */
function sourceAclLink(p: PathContext): Check {
  const { inVpc, sourceSubnet, acls, region } = p;
  if (!inVpc) return check('nacl-source', 'unknown', 'nacl.outside', {}, [], connectionTest(p));
  if (!sourceSubnet)
    return check('nacl-source', 'unknown', 'nacl.noSubnet', { vpc: inVpc.vpcId }, [], p.doctorCommand(`subnet-… (a subnet of ${inVpc.vpcId})`));
  if (!acls) return aclUnreadable('nacl-source', p);
  const away = p.targets.filter((t) => t.subnetId !== sourceSubnet.id);
  if (p.targets.length > 0 && away.length === 0) return check('nacl-source', 'pass', 'nacl.sameSubnet', { subnet: sourceSubnet.id }, [sourceSubnet.id]);
  if (away.length === 0)
    return check(
      'nacl-source',
      'unknown',
      'routing.noEndpointCidrs',
      { endpoint: p.endpoint.id },
      [p.endpoint.id],
      `aws ec2 describe-subnets --subnet-ids ${p.endpoint.subnetIds.join(' ')} --region ${region}`,
    );
  const acl = acls.find((a) => a.subnetIds.includes(sourceSubnet.id));
  if (!acl)
    return check(
      'nacl-source',
      'unknown',
      'nacl.noAcl',
      { subnet: sourceSubnet.id },
      [sourceSubnet.id],
      `aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=${sourceSubnet.id} --region ${region}`,
    );
  const sameSubnet = p.targets
    .filter((t) => t.subnetId === sourceSubnet.id)
    .map((t) => ({ az: t.az, check: check('nacl-source', 'pass', 'nacl.sameSubnet', {}, []) }));
  const items = away.map((t) => ({
    az: t.az,
    check: worst([
      aclLink('nacl-source', acl, sourceSubnet.id, true, [t.cidr], p.port),
      aclLink('nacl-source', acl, sourceSubnet.id, false, [t.cidr], 'ephemeral'),
    ])!,
  }));
  const result = perAz('nacl-source', [...items, ...sameSubnet])!;
  return result.finding === 'nacl.sameSubnet' ? items[0]!.check : result;
}

/** Each endpoint subnet's NACL: in from the source on the port, back out on the ephemeral ports; per AZ. */
function endpointAclLink(p: PathContext): Check {
  const { acls, sourceSubnet, sourceCidrs, region } = p;
  if (!acls) return aclUnreadable('nacl-endpoint', p);
  if (sourceCidrs.length === 0)
    return check('nacl-endpoint', 'unknown', 'nacl.noSourceCidr', {}, [], p.doctorCommand(p.inVpc ? 'subnet-…' : DOCTOR_PLACEHOLDERS.sourceCidr()));
  const items: { az: string; check: Check }[] = [];
  for (const subnetId of p.endpoint.subnetIds) {
    const az = p.endpointSubnets?.find((s) => s.id === subnetId)?.availabilityZone ?? subnetId;
    if (subnetId === sourceSubnet?.id) {
      items.push({ az, check: check('nacl-endpoint', 'pass', 'nacl.sameSubnet', { subnet: subnetId }, [subnetId]) });
      continue;
    }
    const acl = acls.find((a) => a.subnetIds.includes(subnetId));
    if (!acl) {
      items.push({
        az,
        check: check(
          'nacl-endpoint',
          'unknown',
          'nacl.noAcl',
          { subnet: subnetId },
          [subnetId],
          `aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=${subnetId} --region ${region}`,
        ),
      });
      continue;
    }
    items.push({
      az,
      check: worst([
        aclLink('nacl-endpoint', acl, subnetId, false, sourceCidrs, p.port),
        aclLink('nacl-endpoint', acl, subnetId, true, sourceCidrs, 'ephemeral'),
      ])!,
    });
  }
  const result = perAz('nacl-endpoint', items) ?? check('nacl-endpoint', 'pass', 'nacl.sameSubnet', { subnet: sourceSubnet?.id ?? '' }, []);
  const checked = items.map((i) => i.check).filter((c) => c.finding === 'nacl.allow');
  if (result.status === 'pass' && checked.length > 0) {
    // Every endpoint subnet passed: name them all.
    const names = [...new Set(checked.map((l) => l.values.acl!))];
    const subnets = [...new Set(checked.map((l) => l.values.subnet!))];
    return { ...checked[0]!, values: { ...checked[0]!.values, acl: names.join(', '), subnet: subnets.join(', ') }, resources: [...names, ...subnets] };
  }
  return result;
}

// ---- step 8–9: security groups ----

function ruleCoversPort(rule: SecurityGroupRule, port: number): boolean {
  if (rule.protocol === '-1' || rule.protocol === 'all') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== '6') return false;
  return rule.fromPort === undefined || (rule.fromPort <= port && port <= (rule.toPort ?? rule.fromPort));
}

type Admission = { result: 'yes' } | { result: 'no' } | { result: 'by-group'; groups: string[] } | { result: 'by-prefix-list'; lists: string[] };

/**
 * Whether the groups let `cidr` through on `port` in one direction. A rule may name a CIDR, another security
 * group (it matches traffic from the ENIs that carry that group), or a managed prefix list (its entries).
 * Sources: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 * ("Source or destination": CIDR, security group ID, prefix list ID).
 */
function admission(
  groups: GroupRules[],
  direction: 'inbound' | 'outbound',
  port: number,
  cidr: string,
  peerGroups: string[] | 'unknown',
  prefixLists: Record<string, string[]> | undefined,
): Admission {
  const rules = groups.flatMap((g) => g[direction]).filter((r) => ruleCoversPort(r, port));
  if (rules.some((r) => r.cidrs.some((c) => contains(c, cidr)))) return { result: 'yes' };
  if (peerGroups !== 'unknown' && rules.some((r) => r.sources.some((s) => peerGroups.includes(s)))) return { result: 'yes' };
  // A prefix list read: its entries are CIDRs like any other.
  if (rules.some((r) => r.sources.some((s) => prefixLists?.[s]?.some((c) => contains(c, cidr))))) return { result: 'yes' };
  const lists = [...new Set(rules.flatMap((r) => r.sources.filter((s) => s.startsWith('pl-') && !prefixLists?.[s])))];
  if (lists.length > 0) return { result: 'by-prefix-list', lists };
  const others = [...new Set(rules.flatMap((r) => r.sources.filter((s) => s.startsWith('sg-'))))];
  if (peerGroups === 'unknown' && others.length > 0) return { result: 'by-group', groups: others };
  return { result: 'no' };
}

function prefixListCheck(id: 'sg-endpoint' | 'sg-source', groups: string[], lists: string[], cidr: string, p: PathContext): Check {
  const action = actionOf(p.facts.prefixLists);
  return check(
    id,
    'unknown',
    'sg.prefixList',
    { groups: groups.join(', '), lists: lists.join(', '), cidr, port: String(p.port), action },
    [...groups, ...lists],
    `aws ec2 get-managed-prefix-list-entries --prefix-list-id ${lists[0]} --region ${p.region}`,
  );
}

function endpointGroupLink(p: PathContext): Check {
  const { endpoint, facts, sourceCidrs, inVpc, region, port } = p;
  const endpointGroups = known(facts.endpointGroups);
  const groupIds = endpoint.securityGroupIds;
  if (!endpointGroups)
    return check(
      'sg-endpoint',
      'unknown',
      'sg.unreadable',
      { action: actionOf(facts.endpointGroups) },
      groupIds,
      `aws ec2 describe-security-groups --group-ids ${groupIds.join(' ')} --region ${region}`,
    );
  if (sourceCidrs.length === 0)
    return check(
      'sg-endpoint',
      'unknown',
      'sg.noSourceCidr',
      { groups: groupIds.join(', ') },
      groupIds,
      p.doctorCommand(inVpc ? 'subnet-…' : DOCTOR_PLACEHOLDERS.sourceCidr()),
    );
  // An instance's own groups are known; a subnet's or a VPC's instances each carry their own.
  const peerGroups = inVpc?.instance ? inVpc.instance.securityGroupIds : inVpc ? 'unknown' : [];
  for (const cidr of sourceCidrs) {
    const a = admission(endpointGroups, 'inbound', port, cidr, peerGroups, known(facts.prefixLists));
    if (a.result === 'yes') continue;
    if (a.result === 'by-prefix-list') return prefixListCheck('sg-endpoint', groupIds, a.lists, cidr, p);
    if (a.result === 'by-group')
      return check(
        'sg-endpoint',
        'unknown',
        'sg.bySourceGroup',
        { groups: groupIds.join(', '), sources: a.groups.join(', '), port: String(port), cidr },
        [...groupIds, ...a.groups],
        p.doctorCommand('i-…'),
      );
    return check(
      'sg-endpoint',
      'fail',
      'sg.endpointRefuses',
      { groups: groupIds.join(', '), port: String(port), cidr },
      groupIds,
      `aws ec2 authorize-security-group-ingress --group-id ${groupIds[0] ?? 'sg-…'} --protocol tcp --port ${port} --cidr ${cidr} --region ${region}`,
    );
  }
  return check('sg-endpoint', 'pass', 'sg.endpointAdmits', { groups: groupIds.join(', '), port: String(port), cidrs: sourceCidrs.join(', ') }, groupIds);
}

function sourceGroupLink(p: PathContext): Check | undefined {
  const { inVpc, facts, endpoint, region, port } = p;
  if (!inVpc) return undefined;
  if (!inVpc.instance)
    return check(
      'sg-source',
      'unknown',
      'sg.notInstance',
      {},
      [],
      inVpc.subnet
        ? `aws ec2 describe-instances --filters Name=subnet-id,Values=${inVpc.subnet.id} --query "Reservations[].Instances[].[InstanceId,SecurityGroups[].GroupId]" --region ${region}`
        : p.doctorCommand('i-…'),
    );
  const instance = inVpc.instance;
  const groupIds = instance.securityGroupIds;
  const groups = known(facts.sourceGroups);
  if (!groups)
    return check(
      'sg-source',
      'unknown',
      'sg.unreadable',
      { action: actionOf(facts.sourceGroups) },
      groupIds,
      `aws ec2 describe-security-groups --group-ids ${groupIds.join(' ') || DOCTOR_PLACEHOLDERS.instanceGroups()} --region ${region}`,
    );
  const peers = p.targets.length > 0 ? p.targets.map((t) => t.cidr) : p.endpointCidrs;
  for (const cidr of peers) {
    const a = admission(groups, 'outbound', port, cidr, endpoint.securityGroupIds, known(facts.prefixLists));
    if (a.result === 'yes') continue;
    if (a.result === 'by-prefix-list') return prefixListCheck('sg-source', groupIds, a.lists, cidr, p);
    return check(
      'sg-source',
      'fail',
      'sg.sourceRefuses',
      { instance: instance.id, groups: groupIds.join(', '), port: String(port), cidr },
      groupIds,
      `aws ec2 authorize-security-group-egress --group-id ${groupIds[0] ?? 'sg-…'} --protocol tcp --port ${port} --cidr ${cidr} --region ${region}`,
    );
  }
  return check('sg-source', 'pass', 'sg.sourceAllows', { instance: instance.id, groups: groupIds.join(', '), port: String(port) }, groupIds);
}

// ---- step 10: the endpoint policy ----

interface PolicyStatement {
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}

/** The default endpoint policy (full access), as AWS documents it. */
export const DEFAULT_POLICY = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';

const everything = (x: string | string[] | undefined) => x === '*' || (Array.isArray(x) && x.includes('*'));
const everyone = (p: unknown) => p === '*' || (typeof p === 'object' && p !== null && everything((p as { AWS?: string | string[] }).AWS));
const actionsOf = (s: PolicyStatement) => (s.NotAction ? [`NotAction ${[s.NotAction].flat().join(', ')}`] : [s.Action ?? []].flat());

/**
 * The network path can be open while every call through the endpoint is denied: the endpoint policy (the
 * default allows everything; an explicit Deny wins; without an Allow nothing is allowed).
 * Source: https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
function policyLink(p: PathContext): Check | undefined {
  const { endpoint, region } = p;
  if (!endpoint.policyDocument) return undefined;
  // The default policy, written out: ResetPolicy is documented for gateway endpoints only.
  // Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpoint.html
  const reset = `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${endpoint.id} --policy-document '${DEFAULT_POLICY}' --region ${region}`;
  let statements: PolicyStatement[];
  try {
    const parsed = JSON.parse(endpoint.policyDocument) as { Statement?: PolicyStatement | PolicyStatement[] };
    statements = [parsed.Statement ?? []].flat();
  } catch {
    return check(
      'policy',
      'unknown',
      'policy.unreadable',
      { endpoint: endpoint.id },
      [endpoint.id],
      `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids ${endpoint.id} --query "VpcEndpoints[].PolicyDocument" --region ${region}`,
    );
  }
  const unconditional = (s: PolicyStatement) => everyone(s.Principal) && everything(s.Action) && !s.NotAction && everything(s.Resource) && !s.Condition;
  const denies = statements.filter((s) => s.Effect === 'Deny');
  const allows = statements.filter((s) => s.Effect === 'Allow');
  if (denies.some(unconditional)) return check('policy', 'fail', 'policy.denyAll', { endpoint: endpoint.id }, [endpoint.id], reset);
  if (allows.length === 0) return check('policy', 'fail', 'policy.noAllow', { endpoint: endpoint.id }, [endpoint.id], reset);
  if (denies.length > 0)
    return check('policy', 'warn', 'policy.denies', { endpoint: endpoint.id, actions: [...new Set(denies.flatMap(actionsOf))].join(', ') }, [endpoint.id]);
  if (!allows.some(unconditional))
    return check('policy', 'warn', 'policy.limited', { endpoint: endpoint.id, actions: [...new Set(allows.flatMap(actionsOf))].join(', ') }, [endpoint.id]);
  return check('policy', 'pass', 'policy.full', { endpoint: endpoint.id }, [endpoint.id]);
}

// ---- step 11–13: DNS from this source ----

function internetOf(table: RouteTable | undefined): InternetPath {
  if (!table) return 'unknown';
  const route = bestRoute(table, '0.0.0.0/0');
  if (!route || route.state === 'blackhole') return 'none';
  if (route.target.kind === 'igw') return 'igw';
  if (route.target.kind === 'nat') return 'nat';
  // A default route to a TGW, an appliance or a peering: egress elsewhere, not visible from here.
  return 'unknown';
}

function dnsLinks(p: PathContext, location: ClientLocation): { checks: Check[]; rows: NameReach[]; dnsRow?: NameReach } {
  const { endpoint, facts, inVpc, region } = p;
  const checks: Check[] = [];
  const sourceTable = p.sourceTables.length === 1 ? p.sourceTables[0] : undefined;
  const mode = dnsModeOf(endpoint);
  const vpcDns = { support: readKnown(facts.endpointVpcDns.support), hostnames: readKnown(facts.endpointVpcDns.hostnames) };
  const clientVpcDnsSupport: Known = !inVpc ? true : p.sameVpc ? vpcDns.support : readKnown(facts.sourceVpcDnsSupport);
  const gatewayEndpoint: Known = !hasGatewayType(endpoint.serviceName)
    ? false
    : !facts.gatewayEndpoints?.ok || !sourceTable
      ? 'unknown'
      : facts.gatewayEndpoints.value.some((g) => sourceTable.routes.some((r) => r.target.id === g.id));
  const service = known(facts.service);
  const names = dnsNames(endpoint, service?.privateDnsName);
  const serviceDefault = (names.privateDnsName ?? service?.privateDnsName)?.replace(/^\*\./, '');
  const rows = reach(
    endpoint.serviceName,
    mode,
    { ...(serviceDefault && { serviceDefault }), endpointSpecific: names.regional ? [names.regional.replace(/^\*\./, '')] : [] },
    {
      location,
      endpointVpcDns: vpcDns,
      clientVpcDnsSupport,
      internet: inVpc ? internetOf(sourceTable) : 'unknown',
      gatewayEndpoint,
      forwarding: 'unknown',
    },
  );

  if (mode === 'off') checks.push(check('dns-attributes', 'pass', 'dnsAttrs.notNeeded', {}, [endpoint.vpcId]));
  else if (vpcDns.support === false || vpcDns.hostnames === false) {
    const missing = [vpcDns.support === false && 'enableDnsSupport', vpcDns.hostnames === false && 'enableDnsHostnames'].filter(Boolean).join(', ');
    const flag = vpcDns.support === false ? '--enable-dns-support' : '--enable-dns-hostnames';
    checks.push(
      check(
        'dns-attributes',
        'warn',
        'dnsAttrs.off',
        { vpc: endpoint.vpcId, missing },
        [endpoint.vpcId],
        `aws ec2 modify-vpc-attribute --vpc-id ${endpoint.vpcId} ${flag} --region ${region}`,
      ),
    );
  } else if (vpcDns.support === 'unknown' || vpcDns.hostnames === 'unknown')
    checks.push(
      check(
        'dns-attributes',
        'unknown',
        'dnsAttrs.unknown',
        { vpc: endpoint.vpcId },
        [endpoint.vpcId],
        `aws ec2 describe-vpc-attribute --vpc-id ${endpoint.vpcId} --attribute ${vpcDns.support === 'unknown' ? 'enableDnsSupport' : 'enableDnsHostnames'} --region ${region}`,
      ),
    );
  else checks.push(check('dns-attributes', 'pass', 'dnsAttrs.on', { vpc: endpoint.vpcId }, [endpoint.vpcId]));

  const dnsRow = rows.find((r) => r.kind === 'service-default') ?? rows[0];
  if (dnsRow) checks.push(customDns(dnsCheck(dnsRow, facts, inVpc?.vpcId, sourceTable?.id), p));

  if (location !== 'endpoint-vpc' && mode !== 'off' && serviceDefault) {
    checks.push(
      location === 'onprem'
        ? check(
            'resolver',
            'unknown',
            'resolver.onprem',
            { name: serviceDefault, vpc: endpoint.vpcId },
            [endpoint.vpcId],
            `aws route53resolver list-resolver-endpoints --region ${region} --filters Name=Direction,Values=INBOUND`,
          )
        : check(
            'resolver',
            'unknown',
            'resolver.remoteVpc',
            { name: serviceDefault, vpc: inVpc?.vpcId ?? '' },
            [inVpc?.vpcId ?? ''],
            `aws route53resolver list-resolver-rule-associations --region ${region} --filters Name=VPCId,Values=${inVpc?.vpcId ?? ''}`,
          ),
    );
  }
  return { checks, rows, ...(dnsRow && { dnsRow }) };
}

/**
 * Private hosted zones (the endpoint's private DNS among them) answer only queries that reach the VPC's Amazon
 * resolver (VPC base + 2, or 169.254.169.253): with other DNS servers in the source VPC's DHCP option set, what
 * the name resolves to depends on whether they forward there, which the bot cannot see.
 * Sources: https://repost.aws/knowledge-center/vpc-enable-private-hosted-zone ,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html
 */
function customDns(dns: Check, p: PathContext): Check {
  const { inVpc, facts, region } = p;
  if (!inVpc || dns.status === 'fail') return dns;
  const name = dns.values.name ?? '';
  if ((facts.sourceDhcp && !facts.sourceDhcp.ok) || (!facts.sourceDhcp && !facts.vpcs.ok))
    return check(
      'dns',
      'unknown',
      'dns.customServers',
      { name, servers: '?', vpc: inVpc.vpcId },
      [inVpc.vpcId],
      `aws ec2 describe-vpcs --vpc-ids ${inVpc.vpcId} --query "Vpcs[].DhcpOptionsId" --region ${region}`,
    );
  const servers = known(facts.sourceDhcp)?.dnsServers ?? [];
  const primary = known(facts.vpcs)?.find((v) => v.id === inVpc.vpcId)?.cidrs[0];
  const base = primary ? parseCidr(primary) : undefined;
  const vpcResolver = base?.version === 4 ? ipv4Text(base.start + 2n) : undefined;
  const amazon = (s: string) => s === 'AmazonProvidedDNS' || s === '169.254.169.253' || s === vpcResolver;
  if (servers.length === 0 || servers.every(amazon)) return dns;
  return check('dns', 'unknown', 'dns.customServers', { name, servers: servers.join(', '), vpc: inVpc.vpcId }, [inVpc.vpcId], `dig +short ${name}`);
}

const ipv4Text = (n: bigint) => [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');

function dnsCheck(row: NameReach, facts: DoctorFacts, sourceVpc: string | undefined, sourceTable: string | undefined): Check {
  const { endpoint, region } = facts;
  const values = { name: row.name, why: row.why, path: row.path };
  const resources = [endpoint.id];
  const fixFor = (): string | undefined => {
    switch (row.why) {
      case 'private-dns-off':
        return `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${endpoint.id} --private-dns-enabled --region ${region}`;
      case 'vpc-dns-attributes-off':
        return `aws ec2 modify-vpc-attribute --vpc-id ${endpoint.vpcId} --enable-dns-hostnames --region ${region}`;
      case 'client-dns-off':
        return `aws ec2 modify-vpc-attribute --vpc-id ${sourceVpc ?? endpoint.vpcId} --enable-dns-support --region ${region}`;
      case 'inbound-only-in-vpc': {
        const gateway = facts.gatewayEndpoints?.ok ? facts.gatewayEndpoints.value[0] : undefined;
        return gateway && sourceTable
          ? `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${gateway.id} --add-route-table-ids ${sourceTable} --region ${region}`
          : `aws ec2 create-vpc-endpoint --vpc-endpoint-type Gateway --vpc-id ${sourceVpc ?? endpoint.vpcId} --service-name ${endpoint.serviceName} --route-table-ids ${sourceTable ?? 'rtb-…'} --region ${region}`;
      }
      default:
        return undefined;
    }
  };
  // What the source's resolver answers settles any doubt about the name.
  const lookUp = `dig +short ${row.name}`;
  if (row.resolvesTo === 'unknown') return check('dns', 'unknown', 'dns.unknown', values, resources, lookUp);
  if (row.resolvesTo === 'nothing') return check('dns', 'fail', 'dns.nothing', values, resources, fixFor());
  if (row.path === 'endpoint') return check('dns', 'pass', 'dns.private', values, resources);
  if (row.path === 'gateway-endpoint') return check('dns', 'pass', 'dns.gateway', values, resources);
  if (row.path === 'internet-igw' || row.path === 'internet-nat' || row.path === 'internet-onprem')
    return check('dns', 'warn', 'dns.internet', values, resources, fixFor());
  if (row.path === 'no-route') return check('dns', 'fail', 'dns.noRoute', values, resources, fixFor());
  return check('dns', 'unknown', 'dns.unknown', values, resources, lookUp);
}

// ---- the verdict ----

/**
 * A failing link decides (not reachable, or over the internet when the service's name leaves that way); then
 * DNS; then any unknown link: cannot tell. Reachable privately only when every link passes or warns.
 */
export function verdictOf(
  checks: Check[],
  dnsRow: NameReach | undefined,
): { verdict: VerdictId; firstFailing?: CheckId; firstUnknown?: CheckId; fix?: string } {
  const pathFail = checks.find((c) => c.status === 'fail' && c.id !== 'dns');
  const dns = checks.find((c) => c.id === 'dns');
  const overInternet =
    dnsRow?.kind === 'service-default' && (dnsRow.path === 'internet-igw' || dnsRow.path === 'internet-nat' || dnsRow.path === 'internet-onprem');
  const out = (verdict: VerdictId, c: Check | undefined) => ({ verdict, ...(c && { firstFailing: c.id }), ...(c?.command && { fix: c.command }) });
  if (pathFail) return out(overInternet ? 'reachable-over-internet' : 'not-reachable', pathFail);
  if (dns?.status === 'fail') return out('not-reachable', dns);
  if (overInternet) return out('reachable-over-internet', dns);
  const unknown = checks.find((c) => c.status === 'unknown');
  if (unknown) return { verdict: 'cannot-tell', firstUnknown: unknown.id };
  return { verdict: 'reachable-privately' };
}

function sourceFromOf(facts: DoctorFacts): string {
  const spec = facts.source.spec;
  if (spec.kind === 'onprem') return 'onprem';
  if (spec.kind === 'address') return spec.cidr.endsWith('/32') ? spec.cidr.slice(0, -3) : spec.cidr;
  return spec.id;
}

export function evaluate(facts: DoctorFacts): DoctorReport {
  const p = pathContext(facts);
  const routes = routeLinks(p);
  const sourceGroups = sourceGroupLink(p);
  const policy = policyLink(p);
  const dns = dnsLinks(p, routes.location);
  const checks: Check[] = [
    endpointStateLink(p),
    azLink(p),
    portLink(p),
    ...routes.checks,
    sourceAclLink(p),
    endpointAclLink(p),
    endpointGroupLink(p),
    ...(sourceGroups ? [sourceGroups] : []),
    ...(policy ? [policy] : []),
    ...dns.checks,
  ];
  const unknown = checks.filter((c) => c.status === 'unknown');
  return {
    ...verdictOf(checks, dns.dnsRow),
    unknown: unknown.map((c) => c.id),
    settle: unknown.map((c) => ({ id: c.id, command: c.command ?? '' })),
    region: p.region,
    port: p.port,
    location: routes.location,
    source: {
      label: sourceFromOf(facts),
      ...(p.inVpc && { vpcId: p.inVpc.vpcId }),
      ...(p.sourceSubnet && { subnetId: p.sourceSubnet.id, availabilityZone: p.sourceSubnet.availabilityZone }),
      ...(p.sourceCidrs[0] && { cidr: p.sourceCidrs.join(', ') }),
    },
    endpoint: { id: p.endpoint.id, serviceName: p.endpoint.serviceName, vpcId: p.endpoint.vpcId, dnsMode: dnsModeOf(p.endpoint) },
    names: dns.rows,
    checks,
  };
}
