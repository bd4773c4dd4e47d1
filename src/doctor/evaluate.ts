/**
 * The doctor's evaluator: from what EC2 showed about a source and an interface endpoint, each link of the path
 * (endpoint, AZ, port, routes both ways, NACLs both ways, security groups, DNS) as pass/warn/fail/unknown with
 * the resource it looked at and the command that fixes it, then one verdict. Pure: no I/O, no clock.
 * The rules and their sources: docs/aws-behaviour.md ("doctor and describe").
 */
import { dnsNames } from '../endpoints/dns.js';
import type { AclEntry, GroupRules, VpcNetworkAcl, PeeringConnection, RouteEntry, RouteTable, SecurityGroupRule } from '../endpoints/ec2-api.js';
import { dnsModeOf, hasGatewayType, reach, type ClientLocation, type InternetPath, type Known, type NameReach } from '../endpoints/reach.js';
import { contains, isIpv4Block, overlaps, prefixOf } from './cidr.js';
import type { Check, CheckId, CheckStatus, DoctorFacts, DoctorFindingId, DoctorReport, Read, VerdictId } from './model.js';

/** Ports a client's replies come back to: Linux uses 32768–60999, AWS recommends allowing 1024–65535. */
export const EPHEMERAL_SAMPLES = [1024, 32768, 60999, 65535];
const LINUX_EPHEMERAL = [32768, 60999];

const known = <T>(r: Read<T> | undefined): T | undefined => (r?.ok ? r.value : undefined);
const readKnown = (r: Read<boolean> | undefined): Known => (r?.ok ? r.value : 'unknown');

function check(id: CheckId, status: CheckStatus, finding: DoctorFindingId, values: Record<string, string>, resources: string[], command?: string): Check {
  return { id, status, finding, values, resources: resources.filter(Boolean), ...(command && { command }) };
}

const WORST: CheckStatus[] = ['fail', 'unknown', 'warn', 'pass'];
const worst = (checks: Check[]) => [...checks].sort((a, b) => WORST.indexOf(a.status) - WORST.indexOf(b.status))[0];

// ---- routes ----

export function routeTableOf(tables: RouteTable[], vpcId: string, subnetId?: string): RouteTable | undefined {
  return (subnetId && tables.find((t) => t.subnetIds.includes(subnetId))) || tables.find((t) => t.vpcId === vpcId && t.main);
}

/** Longest-prefix match among the table's IPv4 routes that cover the whole destination block. */
export function bestRoute(table: RouteTable, destination: string): RouteEntry | undefined {
  return table.routes
    .filter((r) => isIpv4Block(r.destination) && contains(r.destination, destination))
    .sort((a, b) => prefixOf(b.destination) - prefixOf(a.destination))[0];
}

function internetOf(table: RouteTable | undefined): InternetPath {
  if (!table) return 'unknown';
  const route = bestRoute(table, '0.0.0.0/0');
  if (!route || route.state === 'blackhole') return 'none';
  if (route.target.kind === 'igw') return 'igw';
  if (route.target.kind === 'nat') return 'nat';
  // A default route to a TGW, an appliance or a peering: egress elsewhere, not visible from here.
  return 'unknown';
}

// ---- NACLs ----

export type AclDecision = { result: 'allow' | 'deny' | 'partial'; rule?: number };

/** NACL rules are evaluated in rule-number order; the first that matches decides (default: deny). TCP only. */
export function aclDecision(acl: VpcNetworkAcl, egress: boolean, peer: string, port: number): AclDecision {
  const entries = acl.entries.filter((e) => e.egress === egress && isIpv4Block(e.cidr)).sort((a, b) => a.ruleNumber - b.ruleNumber);
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
  return `aws ec2 create-network-acl-entry --network-acl-id ${acl.id} ${egress ? '--egress' : '--ingress'} --rule-number ${rule ?? '<free number below ' + (denyRule ?? 32767) + '>'} --protocol tcp --port-range From=${from},To=${to} --cidr-block ${cidr} --rule-action allow`;
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

// ---- security groups ----

function ruleCoversPort(rule: SecurityGroupRule, port: number): boolean {
  if (rule.protocol === '-1' || rule.protocol === 'all') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== '6') return false;
  return rule.fromPort === undefined || (rule.fromPort <= port && port <= (rule.toPort ?? rule.fromPort));
}

function admits(groups: GroupRules[], direction: 'inbound' | 'outbound', port: number, cidr: string, peerGroups: string[]): boolean {
  return groups.some((g) =>
    g[direction].some(
      (r) => ruleCoversPort(r, port) && (r.cidrs.some((c) => isIpv4Block(c) && contains(c, cidr)) || r.sources.some((s) => peerGroups.includes(s))),
    ),
  );
}

// ---- the evaluation ----

export function evaluate(facts: DoctorFacts): DoctorReport {
  const { endpoint, source, port, region } = facts;
  const checks: Check[] = [];
  const tables = known(facts.routeTables);
  const acls = known(facts.acls);
  const enis = known(facts.enis);
  const endpointSubnets = known(facts.endpointSubnets);
  const vpcs = known(facts.vpcs);
  const inVpc = source.kind === 'in-vpc' ? source : undefined;
  const sameVpc = inVpc?.vpcId === endpoint.vpcId;
  const sourceSubnet = inVpc?.subnet;
  const sourceTable = inVpc && tables ? routeTableOf(tables, inVpc.vpcId, sourceSubnet?.id) : undefined;
  const outsideCidr = source.kind === 'outside' ? source.cidr : undefined;
  const sourceCidrs = inVpc ? inVpc.cidrs : outsideCidr ? [outsideCidr] : [];
  const endpointCidrs =
    endpointSubnets?.map((s) => s.cidr ?? '').filter(Boolean) ?? vpcs?.find((v) => v.id === endpoint.vpcId)?.cidrs.filter(isIpv4Block) ?? [];
  /** Where the source's packets go: the ENI addresses when known, else the endpoint subnets' blocks. */
  const enisAway = enis?.filter((n) => n.subnetId !== sourceSubnet?.id);
  const endpointPeers = enisAway && enisAway.length > 0 ? enisAway.map((n) => `${n.privateIp}/32`).filter((c) => c !== 'undefined/32') : endpointCidrs;

  // 1. The endpoint itself.
  const state = endpoint.state.toLowerCase();
  if (state === 'available') checks.push(check('endpoint-state', 'pass', 'state.available', { endpoint: endpoint.id }, [endpoint.id]));
  else if (state === 'pendingacceptance')
    checks.push(
      check(
        'endpoint-state',
        'fail',
        'state.pendingAcceptance',
        { endpoint: endpoint.id },
        [endpoint.id],
        `aws ec2 accept-vpc-endpoint-connections --service-id <the provider's vpce-svc-…> --vpc-endpoint-ids ${endpoint.id}`,
      ),
    );
  else
    checks.push(
      check(
        'endpoint-state',
        'fail',
        'state.other',
        { endpoint: endpoint.id, state: endpoint.state },
        [endpoint.id],
        `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids ${endpoint.id} --region ${region}`,
      ),
    );

  // 2. An ENI in the source's AZ.
  const azs = [...new Set(enis?.map((n) => n.availabilityZone) ?? endpointSubnets?.map((s) => s.availabilityZone) ?? [])].sort();
  if (azs.length === 0 && (enis || endpointSubnets)) checks.push(check('endpoint-az', 'fail', 'az.none', { endpoint: endpoint.id }, [endpoint.id]));
  else if (azs.length === 0) checks.push(check('endpoint-az', 'unknown', 'az.unknown', { action: facts.enis.ok ? '' : facts.enis.action }, [endpoint.id]));
  else if (sourceSubnet?.availabilityZone && sameVpc !== undefined) {
    const az = sourceSubnet.availabilityZone;
    const eni = enis?.find((n) => n.availabilityZone === az);
    if (azs.includes(az))
      checks.push(check('endpoint-az', 'pass', 'az.same', { az, eni: eni?.id ?? '', ip: eni?.privateIp ?? '' }, [endpoint.id, eni?.id ?? '']));
    else
      checks.push(
        check(
          'endpoint-az',
          'warn',
          'az.cross',
          { az, azs: azs.join(', '), endpoint: endpoint.id },
          [endpoint.id, sourceSubnet.id],
          `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${endpoint.id} --add-subnet-ids <a subnet of ${endpoint.vpcId} in ${az}> --region ${region}`,
        ),
      );
  } else checks.push(check('endpoint-az', 'pass', 'az.list', { azs: azs.join(', ') }, [endpoint.id]));

  // 3. The port.
  const awsService = endpoint.serviceName.startsWith('com.amazonaws.') && !endpoint.serviceName.startsWith('com.amazonaws.vpce.');
  if (awsService)
    checks.push(check('port', port === 443 ? 'pass' : 'warn', port === 443 ? 'port.aws' : 'port.awsNot443', { port: String(port) }, [endpoint.serviceName]));
  else
    checks.push(
      check('port', facts.portGiven ? 'pass' : 'warn', facts.portGiven ? 'port.given' : 'port.assumed', { port: String(port) }, [endpoint.serviceName]),
    );

  // 4–5. Routes, both ways.
  const peerings = known(facts.peerings) ?? [];
  const linking = peerings.find(
    (p) => [p.requester.vpcId, p.accepter.vpcId].includes(endpoint.vpcId) && [p.requester.vpcId, p.accepter.vpcId].includes(inVpc?.vpcId ?? ''),
  );
  let location: ClientLocation = 'onprem';
  if (inVpc && sameVpc) {
    location = 'endpoint-vpc';
    checks.push(check('routing', 'pass', 'routing.local', { vpc: endpoint.vpcId }, [endpoint.vpcId]));
  } else if (inVpc) {
    location = 'peered-vpc';
    if (!tables) checks.push(check('routing', 'unknown', 'routing.unreadable', { action: facts.routeTables.ok ? '' : facts.routeTables.action }, []));
    else if (!sourceTable) checks.push(check('routing', 'unknown', 'routing.noTable', { subnet: sourceSubnet?.id ?? inVpc.vpcId }, []));
    else if (endpointCidrs.length === 0) checks.push(check('routing', 'unknown', 'routing.noEndpointCidrs', { endpoint: endpoint.id }, [endpoint.id]));
    else {
      const forward = endpointCidrs.map((cidr) => routeCheck('routing', sourceTable, cidr, linking?.id, endpoint.vpcId, peerings, region));
      const first = worst(forward)!;
      if (forward.some((c) => c.finding === 'routing.tgw')) location = 'tgw-vpc';
      checks.push(first);
      const back = endpointTables(tables, endpoint.vpcId, endpoint.subnetIds).flatMap((t) =>
        sourceCidrs.map((cidr) => routeCheck('return-route', t, cidr, linking?.id, inVpc.vpcId, peerings, region)),
      );
      if (back.length > 0) checks.push(worst(back)!);
    }
  } else {
    checks.push(check('routing', 'unknown', 'routing.onprem', {}, []));
    if (!tables) checks.push(check('return-route', 'unknown', 'routing.unreadable', { action: facts.routeTables.ok ? '' : facts.routeTables.action }, []));
    else checks.push(onpremReturn(endpointTables(tables, endpoint.vpcId, endpoint.subnetIds), outsideCidr, region));
  }

  // 6–7. NACLs, both ways, on each side.
  if (!inVpc) checks.push(check('nacl-source', 'unknown', 'nacl.outside', {}, []));
  else if (!sourceSubnet) checks.push(check('nacl-source', 'unknown', 'nacl.noSubnet', { vpc: inVpc.vpcId }, []));
  else if (!acls) checks.push(check('nacl-source', 'unknown', 'nacl.unreadable', { action: facts.acls.ok ? '' : facts.acls.action }, []));
  else {
    const acl = acls.find((a) => a.subnetIds.includes(sourceSubnet.id));
    if (enis && enisAway?.length === 0) checks.push(check('nacl-source', 'pass', 'nacl.sameSubnet', { subnet: sourceSubnet.id }, [sourceSubnet.id]));
    else if (endpointPeers.length === 0) checks.push(check('nacl-source', 'unknown', 'routing.noEndpointCidrs', { endpoint: endpoint.id }, [endpoint.id]));
    else if (!acl) checks.push(check('nacl-source', 'unknown', 'nacl.noAcl', { subnet: sourceSubnet.id }, [sourceSubnet.id]));
    else
      checks.push(
        worst([
          aclLink('nacl-source', acl, sourceSubnet.id, true, endpointPeers, port),
          aclLink('nacl-source', acl, sourceSubnet.id, false, endpointPeers, 'ephemeral'),
        ])!,
      );
  }
  if (!acls) checks.push(check('nacl-endpoint', 'unknown', 'nacl.unreadable', { action: facts.acls.ok ? '' : facts.acls.action }, []));
  else if (sourceCidrs.length === 0) checks.push(check('nacl-endpoint', 'unknown', 'nacl.noSourceCidr', {}, []));
  else {
    const links: Check[] = [];
    for (const subnetId of endpoint.subnetIds.filter((s) => s !== sourceSubnet?.id)) {
      const acl = acls.find((a) => a.subnetIds.includes(subnetId));
      if (!acl) continue;
      links.push(aclLink('nacl-endpoint', acl, subnetId, false, sourceCidrs, port), aclLink('nacl-endpoint', acl, subnetId, true, sourceCidrs, 'ephemeral'));
    }
    const result = worst(links) ?? check('nacl-endpoint', 'pass', 'nacl.sameSubnet', { subnet: sourceSubnet?.id ?? '' }, []);
    if (result.status === 'pass' && links.length > 0) {
      // Every endpoint subnet passed: name them all.
      const acls = [...new Set(links.map((l) => l.values.acl!))];
      const subnets = [...new Set(links.map((l) => l.values.subnet!))];
      checks.push({ ...result, values: { ...result.values, acl: acls.join(', '), subnet: subnets.join(', ') }, resources: [...acls, ...subnets] });
    } else checks.push(result);
  }

  // 8–9. Security groups.
  const endpointGroups = known(facts.endpointGroups);
  const instanceGroups = inVpc?.instance?.securityGroupIds ?? [];
  if (!endpointGroups)
    checks.push(
      check('sg-endpoint', 'unknown', 'sg.unreadable', { action: facts.endpointGroups.ok ? '' : facts.endpointGroups.action }, endpoint.securityGroupIds),
    );
  else if (sourceCidrs.length === 0)
    checks.push(check('sg-endpoint', 'unknown', 'sg.noSourceCidr', { groups: endpoint.securityGroupIds.join(', ') }, endpoint.securityGroupIds));
  else {
    const refused = sourceCidrs.find((cidr) => !admits(endpointGroups, 'inbound', port, cidr, instanceGroups));
    if (refused)
      checks.push(
        check(
          'sg-endpoint',
          'fail',
          'sg.endpointRefuses',
          { groups: endpoint.securityGroupIds.join(', '), port: String(port), cidr: refused },
          endpoint.securityGroupIds,
          `aws ec2 authorize-security-group-ingress --group-id ${endpoint.securityGroupIds[0] ?? 'sg-…'} --protocol tcp --port ${port} --cidr ${refused} --region ${region}`,
        ),
      );
    else
      checks.push(
        check(
          'sg-endpoint',
          'pass',
          'sg.endpointAdmits',
          { groups: endpoint.securityGroupIds.join(', '), port: String(port), cidrs: sourceCidrs.join(', ') },
          endpoint.securityGroupIds,
        ),
      );
  }
  if (inVpc?.instance) {
    const groups = known(facts.sourceGroups);
    if (!groups)
      checks.push(
        check(
          'sg-source',
          'unknown',
          'sg.unreadable',
          { action: facts.sourceGroups && !facts.sourceGroups.ok ? facts.sourceGroups.action : '' },
          instanceGroups,
        ),
      );
    else {
      const peers = endpointPeers.length > 0 ? endpointPeers : endpointCidrs;
      const refused = peers.find((cidr) => !admits(groups, 'outbound', port, cidr, endpoint.securityGroupIds));
      if (refused)
        checks.push(
          check(
            'sg-source',
            'fail',
            'sg.sourceRefuses',
            { instance: inVpc.instance.id, groups: instanceGroups.join(', '), port: String(port), cidr: refused },
            instanceGroups,
            `aws ec2 authorize-security-group-egress --group-id ${instanceGroups[0] ?? 'sg-…'} --protocol tcp --port ${port} --cidr ${refused} --region ${region}`,
          ),
        );
      else
        checks.push(
          check('sg-source', 'pass', 'sg.sourceAllows', { instance: inVpc.instance.id, groups: instanceGroups.join(', '), port: String(port) }, instanceGroups),
        );
    }
  } else if (inVpc) checks.push(check('sg-source', 'unknown', 'sg.notInstance', {}, []));

  // 10–12. DNS from this source.
  const mode = dnsModeOf(endpoint);
  const vpcDns = { support: readKnown(facts.endpointVpcDns.support), hostnames: readKnown(facts.endpointVpcDns.hostnames) };
  const clientVpcDnsSupport: Known = !inVpc ? true : sameVpc ? vpcDns.support : readKnown(facts.sourceVpcDnsSupport);
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
    checks.push(check('dns-attributes', 'unknown', 'dnsAttrs.unknown', { vpc: endpoint.vpcId }, [endpoint.vpcId]));
  else checks.push(check('dns-attributes', 'pass', 'dnsAttrs.on', { vpc: endpoint.vpcId }, [endpoint.vpcId]));

  const dnsRow = rows.find((r) => r.kind === 'service-default') ?? rows[0];
  if (dnsRow) checks.push(dnsCheck(dnsRow, facts, inVpc?.vpcId, sourceTable?.id));

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

  return {
    ...verdictOf(checks, dnsRow),
    unknown: checks.filter((c) => c.status === 'unknown').map((c) => c.id),
    region,
    port,
    location,
    source: {
      label: sourceLabelOf(facts),
      ...(inVpc && { vpcId: inVpc.vpcId }),
      ...(sourceSubnet && { subnetId: sourceSubnet.id, availabilityZone: sourceSubnet.availabilityZone }),
      ...(sourceCidrs[0] && { cidr: sourceCidrs.join(', ') }),
    },
    endpoint: { id: endpoint.id, serviceName: endpoint.serviceName, vpcId: endpoint.vpcId, dnsMode: mode },
    names: rows,
    checks,
  };
}

function sourceLabelOf(facts: DoctorFacts): string {
  const spec = facts.source.spec;
  if (spec.kind === 'onprem') return 'onprem';
  if (spec.kind === 'address') return spec.cidr.endsWith('/32') ? spec.cidr.slice(0, -3) : spec.cidr;
  return spec.id;
}

function endpointTables(tables: RouteTable[], vpcId: string, subnetIds: string[]): RouteTable[] {
  const found = subnetIds.map((s) => routeTableOf(tables, vpcId, s)).filter((t): t is RouteTable => Boolean(t));
  return [...new Map(found.map((t) => [t.id, t])).values()];
}

function routeCheck(
  id: 'routing' | 'return-route',
  table: RouteTable,
  cidr: string,
  peeringId: string | undefined,
  peerVpc: string,
  peerings: PeeringConnection[],
  region: string,
): Check {
  const route = bestRoute(table, cidr);
  const values = { table: table.id, cidr, vpc: peerVpc };
  const fix = peeringId
    ? `aws ec2 create-route --route-table-id ${table.id} --destination-cidr-block ${cidr} --vpc-peering-connection-id ${peeringId} --region ${region}`
    : undefined;
  if (!route || route.target.kind === 'local' || route.target.kind === 'igw' || route.target.kind === 'nat')
    return check(id, 'fail', peeringId ? 'routing.none' : 'routing.nonePeering', values, [table.id], fix);
  if (route.state === 'blackhole') return check(id, 'fail', 'routing.blackhole', { ...values, target: route.target.id }, [table.id, route.target.id], fix);
  if (route.target.kind === 'peering') {
    const peering = peerings.find((p) => p.id === route.target.id);
    if (!peering) return check(id, 'unknown', 'routing.other', { ...values, target: route.target.id }, [table.id, route.target.id]);
    if (peering && peering.status !== 'active')
      return check(
        id,
        'fail',
        'routing.peeringInactive',
        { ...values, peering: peering.id, status: peering.status },
        [table.id, peering.id],
        `aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id ${peering.id} --region ${region}`,
      );
    if (peering && ![peering.requester.vpcId, peering.accepter.vpcId].includes(peerVpc) && id === 'routing')
      return check(id, 'fail', 'routing.peeringWrongVpc', { ...values, peering: peering.id }, [table.id, peering.id], fix);
    return check(id, 'pass', 'routing.peering', { ...values, peering: route.target.id }, [table.id, route.target.id]);
  }
  if (route.target.kind === 'tgw')
    return check(
      id,
      'unknown',
      'routing.tgw',
      { ...values, tgw: route.target.id },
      [table.id, route.target.id],
      `aws ec2 search-transit-gateway-routes --transit-gateway-route-table-id <tgw-rtb-… of ${route.target.id}> --filters Name=route-search.longest-prefix-match,Values=${cidr} --region ${region}`,
    );
  return check(id, 'unknown', 'routing.other', { ...values, target: route.target.id }, [table.id, route.target.id]);
}

function onpremReturn(tables: RouteTable[], cidr: string | undefined, region: string): Check {
  if (tables.length === 0) return check('return-route', 'unknown', 'routing.noTable', { subnet: '' }, []);
  for (const table of tables) {
    const route = cidr ? bestRoute(table, cidr) : table.routes.find((r) => r.target.kind === 'vgw' || r.target.kind === 'tgw');
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
  return check(
    'return-route',
    cidr ? 'pass' : 'unknown',
    cidr ? 'return.onprem' : 'return.onpremNoCidr',
    { tables: tables.map((t) => t.id).join(', '), cidr: cidr ?? '' },
    tables.map((t) => t.id),
  );
}

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
  if (row.resolvesTo === 'unknown') return check('dns', 'unknown', 'dns.unknown', values, resources);
  if (row.resolvesTo === 'nothing') return check('dns', 'fail', 'dns.nothing', values, resources, fixFor());
  if (row.path === 'endpoint') return check('dns', 'pass', 'dns.private', values, resources);
  if (row.path === 'gateway-endpoint') return check('dns', 'pass', 'dns.gateway', values, resources);
  if (row.path === 'internet-igw' || row.path === 'internet-nat' || row.path === 'internet-onprem')
    return check('dns', 'warn', 'dns.internet', values, resources, fixFor());
  if (row.path === 'no-route') return check('dns', 'fail', 'dns.noRoute', values, resources, fixFor());
  return check('dns', 'unknown', 'dns.unknown', values, resources);
}

function verdictOf(checks: Check[], dnsRow: NameReach | undefined): { verdict: VerdictId; firstFailing?: Check['id']; fix?: string } {
  const pathFail = checks.find((c) => c.status === 'fail' && c.id !== 'dns');
  const dns = checks.find((c) => c.id === 'dns');
  const overInternet =
    dnsRow?.kind === 'service-default' && (dnsRow.path === 'internet-igw' || dnsRow.path === 'internet-nat' || dnsRow.path === 'internet-onprem');
  const out = (verdict: VerdictId, c: Check | undefined) => ({ verdict, ...(c && { firstFailing: c.id }), ...(c?.command && { fix: c.command }) });
  if (pathFail) return out(overInternet ? 'reachable-over-internet' : 'not-reachable', pathFail);
  if (dns?.status === 'fail') return out('not-reachable', dns);
  if (overInternet) return out('reachable-over-internet', dns);
  return { verdict: 'reachable-privately' };
}
