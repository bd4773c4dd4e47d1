/**
 * Preflight: everything that can be checked before an approver is disturbed (product.md, "create": the eight
 * checks). The EC2 calls run in parallel; each check ends pass, warn or fail with a catalog code that says what
 * to fix. Checks that only inform (NACLs, quota) warn when EC2 cannot be read, so they never block by accident.
 */
import type { EndpointParams, PreflightCheck } from '../aws/endpoint.js';
import type { CreateSpec } from '../commands/create-spec.js';
import { covers, isIpv6, overlaps } from './cidr.js';
import { awsServiceShortName, createEndpointCall, offersBothTypes, type CallParties } from './create-call.js';
import type { PreflightCode } from '../aws/endpoint.js';
import { CROSS_REGION_AWS_SERVICES, GLOBAL_SERVICE_NAMES } from '../aws/vocabulary.js';
import {
  Ec2Error,
  type Ec2Api,
  type Endpoint,
  type EndpointService,
  type NetworkAcl,
  type NetworkAclEntry,
  type SecurityGroup,
  type Subnet,
  type Vpc,
} from './ec2-api.js';
import type { RegionPolicy } from './lookups.js';
import { resolveRegion } from './lookups.js';

/**
 * `kinesis-streams` + region → `com.amazonaws.<region>.kinesis-streams`; global services have region-less names;
 * with a service region (cross-region) the short name expands with that region. Full names stay as they are.
 */
export function expandServiceName(service: string, region: string, serviceRegion?: string): string {
  if (service.startsWith('com.amazonaws.') || service.startsWith('aws.')) return service;
  const home = serviceRegion ?? region;
  if (service.startsWith('vpce-svc-')) return `com.amazonaws.vpce.${home}.${service}`;
  const global = GLOBAL_SERVICE_NAMES.get(service);
  if (global) return global;
  return `com.amazonaws.${home}.${service}`;
}

export function endpointParams(spec: CreateSpec, region: string): EndpointParams {
  const serviceRegion = spec.serviceRegion && spec.serviceRegion !== region ? spec.serviceRegion : undefined;
  return {
    region,
    serviceName: expandServiceName(spec.service, region, serviceRegion),
    vpcId: spec.vpcId,
    subnetIds: spec.subnetIds,
    securityGroupIds: spec.securityGroupIds,
    privateDns: spec.privateDns,
    ...(spec.ipAddressType && { ipAddressType: spec.ipAddressType }),
    ports: spec.ports,
    ...(serviceRegion && { serviceRegion }),
  };
}

/** The default interface-endpoint quota per VPC (adjustable), shared with Gateway Load Balancer endpoints. */
export const INTERFACE_ENDPOINT_QUOTA = 50;
/** The clients' ephemeral ports that return traffic goes to (VPC user guide, network ACLs). */
export const EPHEMERAL_PORTS = { from: 1024, to: 65535 } as const;
const GONE_STATES = ['deleted', 'deleting', 'failed', 'rejected', 'expired'];

// Every finding a preflight check reports: the message catalogs hold one text per code (`preflight.findings`).
export { PREFLIGHT_CODES, isPreflightCode, type PreflightCode } from '../aws/endpoint.js';

const check = (c: PreflightCheck['check'], status: PreflightCheck['status'], code: PreflightCode, values: Record<string, string> = {}): PreflightCheck => ({
  check: c,
  status,
  code,
  values,
});

function ec2Failure(c: PreflightCheck['check'], error: unknown): PreflightCheck {
  if (!(error instanceof Ec2Error)) throw error;
  return check(c, 'fail', 'ec2Error', { code: error.code, action: error.action, region: error.region, message: error.message });
}

const portList = (ports: number[]) => ports.join(', ');

function idsCheck(params: EndpointParams, vpcs: Vpc[] | Ec2Error): PreflightCheck {
  if (vpcs instanceof Ec2Error) {
    if (vpcs.code === 'InvalidVpcID.NotFound') return check('ids', 'fail', 'vpcNotFound', { vpc: params.vpcId, region: params.region });
    return ec2Failure('ids', vpcs);
  }
  if (!vpcs.some((v) => v.id === params.vpcId)) return check('ids', 'fail', 'vpcNotFound', { vpc: params.vpcId, region: params.region });
  return check('ids', 'pass', 'idsOk', { region: params.region });
}

function serviceCheck(params: EndpointParams, services: EndpointService[] | Ec2Error): PreflightCheck {
  const where = params.serviceRegion ?? params.region;
  if (services instanceof Ec2Error) {
    if (services.code === 'InvalidServiceName') return check('service', 'fail', 'serviceNotFound', { service: params.serviceName, region: where });
    return ec2Failure('service', services);
  }
  const service = services.find((s) => s.serviceName === params.serviceName);
  if (!service) return check('service', 'fail', 'serviceNotFound', { service: params.serviceName, region: where });
  if (!service.types.includes('Interface'))
    return check('service', 'fail', 'serviceNotInterface', { service: params.serviceName, types: service.types.join(', ') });
  if (service.acceptanceRequired) return check('service', 'warn', 'serviceNeedsAcceptance', { service: params.serviceName, owner: service.owner ?? '' });
  return check('service', 'pass', 'serviceOk', { service: params.serviceName, azs: service.availabilityZones.join(', ') });
}

function subnetCheck(params: EndpointParams, subnets: Subnet[] | Ec2Error, service: EndpointService | undefined): PreflightCheck {
  if (subnets instanceof Ec2Error) {
    if (subnets.code === 'InvalidSubnetID.NotFound') return check('subnets', 'fail', 'subnetNotFound', { detail: subnets.message, region: params.region });
    return ec2Failure('subnets', subnets);
  }
  const missing = params.subnetIds.filter((id) => !subnets.some((s) => s.id === id));
  if (missing.length > 0) return check('subnets', 'fail', 'subnetNotFound', { detail: missing.join(', '), region: params.region });
  const foreign = subnets.filter((s) => s.vpcId !== params.vpcId);
  if (foreign.length > 0)
    return check('subnets', 'fail', 'subnetOtherVpc', { subnets: foreign.map((s) => `${s.id} (${s.vpcId})`).join(', '), vpc: params.vpcId });
  const byAz = new Map<string, string[]>();
  for (const s of subnets) byAz.set(s.availabilityZone, [...(byAz.get(s.availabilityZone) ?? []), s.id]);
  const crowded = [...byAz.entries()].find(([, ids]) => ids.length > 1);
  if (crowded) return check('subnets', 'fail', 'subnetSameAz', { az: crowded[0], subnets: crowded[1].join(', ') });
  // A cross-region service lists the AZs of its own region, which say nothing about this region's subnets.
  if (service && service.availabilityZones.length > 0 && !params.serviceRegion) {
    const unsupported = subnets.filter((s) => !service.availabilityZones.includes(s.availabilityZone));
    if (unsupported.length > 0) {
      return check('subnets', 'fail', 'subnetAzUnsupported', {
        subnets: unsupported.map((s) => `${s.id} (${s.availabilityZone})`).join(', '),
        azs: service.availabilityZones.join(', '),
      });
    }
  }
  return check('subnets', 'pass', 'subnetsOk', { azs: [...byAz.keys()].sort().join(', ') });
}

/** The client address blocks the checks look at: the VPC's IPv4 blocks, and its IPv6 blocks when the endpoint speaks IPv6. */
function clientCidrs(params: EndpointParams, vpc: Vpc | undefined): string[] {
  if (!vpc) return [];
  const type = params.ipAddressType ?? 'ipv4';
  return [...(type === 'ipv6' ? [] : vpc.cidrs), ...(type === 'ipv4' ? [] : vpc.ipv6Cidrs)];
}

const TCP = ['tcp', '6'];
const ruleAdmits = (rule: SecurityGroup['inbound'][number], port: number) =>
  rule.protocol === '-1' || (TCP.includes(rule.protocol.toLowerCase()) && (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535));

function groupCheck(params: EndpointParams, groups: SecurityGroup[] | Ec2Error | undefined, cidrs: string[]): PreflightCheck {
  const ports = portList(params.ports);
  if (groups === undefined) return check('security-groups', 'warn', 'defaultSecurityGroup', { vpc: params.vpcId, ports });
  if (groups instanceof Ec2Error) {
    if (groups.code.startsWith('InvalidGroup') || groups.code.startsWith('InvalidSecurityGroupID')) {
      return check('security-groups', 'fail', 'groupNotFound', { detail: groups.message, region: params.region });
    }
    return ec2Failure('security-groups', groups);
  }
  const foreign = groups.filter((g) => g.vpcId !== params.vpcId);
  if (foreign.length > 0)
    return check('security-groups', 'fail', 'groupOtherVpc', { groups: foreign.map((g) => `${g.id} (${g.vpcId})`).join(', '), vpc: params.vpcId });

  const rules = groups.flatMap((g) => g.inbound);
  const closed = params.ports.filter((port) => !rules.some((r) => ruleAdmits(r, port)));
  if (closed.length > 0) {
    return check('security-groups', 'fail', 'groupNoPort', { groups: params.securityGroupIds.join(', '), ports: portList(closed), cidrs: cidrs.join(', ') });
  }
  for (const port of params.ports) {
    const admitting = rules.filter((r) => ruleAdmits(r, port));
    const sources = admitting.flatMap((r) => r.cidrs);
    const uncovered = cidrs.filter((c) => !covers(sources, c));
    const groupSources = admitting.flatMap((r) => r.sources);
    // Sources only outside the VPC are how a shared (hub) endpoint admits its spokes over a Transit Gateway or
    // peering, or on-premises clients: EC2 accepts it, so it is said, not refused.
    if (uncovered.length > 0 && groupSources.length === 0 && !sources.some((src) => cidrs.some((c) => overlaps(src, c)))) {
      return check('security-groups', 'warn', 'groupOutsideSources', {
        port: String(port),
        allowed: [...new Set(sources)].join(', '),
        cidrs: cidrs.join(', '),
      });
    }
    if (uncovered.length > 0) {
      return check('security-groups', 'warn', 'groupPartialCoverage', {
        port: String(port),
        allowed: [...new Set([...sources, ...admitting.flatMap((r) => r.sources)])].join(', '),
        uncovered: uncovered.join(', '),
      });
    }
  }
  const open = rules
    .filter((r) => params.ports.some((port) => ruleAdmits(r, port)))
    .flatMap((r) => r.cidrs)
    .filter((c) => c === '0.0.0.0/0' || c === '::/0');
  if (open.length > 0) return check('security-groups', 'warn', 'groupOpenToWorld', { ports, cidrs: [...new Set(open)].join(', ') });
  return check('security-groups', 'pass', 'groupsOk', { ports, sources: cidrs.join(', ') });
}

interface DnsFacts {
  service: EndpointService | undefined;
  dnsSupport: boolean | Ec2Error;
  dnsHostnames: boolean | Ec2Error;
  vpcEndpoints: Endpoint[] | Ec2Error;
}

function privateDnsCheck(params: EndpointParams, { service, dnsSupport, dnsHostnames, vpcEndpoints }: DnsFacts): PreflightCheck {
  const mode = params.privateDns;
  if (mode === 'off') return check('private-dns', 'warn', 'privateDnsOff', {});
  if (
    mode === 'inbound-only' &&
    (!offersBothTypes(params.serviceName) || (service && !(service.types.includes('Gateway') && service.types.includes('Interface'))))
  ) {
    return check('private-dns', 'fail', 'inboundOnlyNotBothTypes', { service: params.serviceName, types: service?.types.join(', ') ?? 'Interface' });
  }
  if (dnsSupport instanceof Ec2Error) {
    return dnsSupport.code === 'InvalidVpcID.NotFound'
      ? check('private-dns', 'fail', 'vpcNotFound', { vpc: params.vpcId, region: params.region })
      : ec2Failure('private-dns', dnsSupport);
  }
  if (dnsHostnames instanceof Ec2Error) return ec2Failure('private-dns', dnsHostnames);
  if (!dnsSupport || !dnsHostnames) {
    const missing = [!dnsSupport && 'enableDnsSupport', !dnsHostnames && 'enableDnsHostnames'].filter(Boolean).join(', ');
    return check('private-dns', 'fail', 'vpcDnsAttributes', { vpc: params.vpcId, missing });
  }
  if (service && !service.privateDnsName) return check('private-dns', 'fail', 'serviceNoPrivateDns', { service: params.serviceName });
  if (vpcEndpoints instanceof Ec2Error) return ec2Failure('private-dns', vpcEndpoints);
  const live = vpcEndpoints.filter((e) => e.serviceName === params.serviceName && !GONE_STATES.includes(e.state.toLowerCase()));
  const holder = live.find((e) => e.privateDnsEnabled);
  if (holder) return check('private-dns', 'fail', 'privateDnsTaken', { endpoint: holder.id, service: params.serviceName });
  const name = service?.privateDnsName ?? '';
  if (mode === 'inbound-only') {
    const gateway = live.find((e) => e.type.toLowerCase() === 'gateway');
    if (!gateway) return check('private-dns', 'fail', 'inboundOnlyNoGateway', { service: params.serviceName, vpc: params.vpcId, region: params.region });
    return check('private-dns', 'pass', 'privateDnsInboundOnly', { name, gateway: gateway.id });
  }
  if (offersBothTypes(params.serviceName)) return check('private-dns', 'pass', 'privateDnsAllResolvers', { name });
  return check('private-dns', 'pass', 'privateDnsOk', { name });
}

/**
 * `ipv4` needs subnets with IPv4, `dualstack` subnets with both, `ipv6` IPv6-only subnets; the service must list
 * the families in SupportedIpAddressTypes (`ipv4`, `ipv6`).
 */
function ipTypeCheck(params: EndpointParams, subnets: Subnet[] | Ec2Error, service: EndpointService | undefined): PreflightCheck {
  const type = params.ipAddressType ?? 'ipv4';
  if (Array.isArray(subnets)) {
    const unfit = subnets.filter((s) =>
      type === 'ipv4' ? !s.ipv4Cidr && s.ipv6Native : type === 'dualstack' ? s.ipv6Native || s.ipv6Cidrs.length === 0 : !s.ipv6Native,
    );
    if (unfit.length > 0) {
      const code = type === 'ipv4' ? 'ipv4NeedsIpv4Subnets' : type === 'dualstack' ? 'dualstackNeedsDualSubnets' : 'ipv6NeedsIpv6OnlySubnets';
      return check('ip-type', 'fail', code, { subnets: unfit.map((s) => s.id).join(', ') });
    }
  }
  const needed = type === 'dualstack' ? ['ipv4', 'ipv6'] : [type];
  if (service && service.ipAddressTypes.length > 0 && !needed.every((t) => service.ipAddressTypes.includes(t))) {
    return check('ip-type', 'fail', 'ipTypeUnsupported', { service: params.serviceName, type, supported: service.ipAddressTypes.join(', ') });
  }
  return check('ip-type', 'pass', 'ipTypeOk', { type });
}

function freeIpCheck(subnets: Subnet[] | Ec2Error): PreflightCheck | undefined {
  if (!Array.isArray(subnets)) return undefined;
  const counted = subnets.filter((s) => !s.ipv6Native && s.availableIpAddressCount !== undefined);
  const full = counted.filter((s) => s.availableIpAddressCount! < 1);
  if (full.length > 0) return check('free-ips', 'fail', 'subnetFull', { subnets: full.map((s) => s.id).join(', ') });
  return check('free-ips', 'pass', 'freeIpsOk', { counts: counted.map((s) => `${s.id} ${s.availableIpAddressCount}`).join(', ') });
}

function quotaCheck(params: EndpointParams, vpcEndpoints: Endpoint[] | Ec2Error): PreflightCheck {
  if (vpcEndpoints instanceof Ec2Error) return check('quota', 'warn', 'quotaUnchecked', { code: vpcEndpoints.code });
  const count = vpcEndpoints.filter(
    (e) => ['interface', 'gatewayloadbalancer'].includes(e.type.toLowerCase()) && !GONE_STATES.includes(e.state.toLowerCase()),
  ).length;
  const values = { vpc: params.vpcId, count: String(count), quota: String(INTERFACE_ENDPOINT_QUOTA) };
  return count >= INTERFACE_ENDPOINT_QUOTA ? check('quota', 'warn', 'quotaReached', values) : check('quota', 'pass', 'quotaOk', values);
}

function zonesCheck(params: EndpointParams, subnets: Subnet[] | Ec2Error): PreflightCheck {
  const azs = Array.isArray(subnets) ? [...new Set(subnets.map((s) => s.availabilityZone))] : [];
  if (params.subnetIds.length === 1) return check('availability-zones', 'warn', 'singleAz', { az: azs[0] ?? params.subnetIds[0]! });
  return check('availability-zones', 'pass', 'multiAz', { count: String(params.subnetIds.length) });
}

const protocolMatches = (entry: NetworkAclEntry) => entry.protocol === '-1' || TCP.includes(entry.protocol.toLowerCase());

/**
 * What a network ACL does to TCP from (inbound) or to (outbound) `cidr` on ports `from`–`to`: rules are read in
 * rule-number order and the first that applies decides; a rule that applies to part of the traffic only makes
 * the answer `partial` when it denies. The final `*` rule denies.
 */
export function aclVerdict(acl: NetworkAcl, egress: boolean, cidr: string, from: number, to: number): 'allow' | 'deny' | 'partial' {
  const entries = acl.entries.filter((e) => e.egress === egress && e.ruleNumber < 32767).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const entry of entries) {
    const block = isIpv6(cidr) ? entry.ipv6Cidr : entry.cidr;
    if (!block || !overlaps(block, cidr) || !protocolMatches(entry)) continue;
    const lo = entry.protocol === '-1' ? 0 : (entry.fromPort ?? 0);
    const hi = entry.protocol === '-1' ? 65535 : (entry.toPort ?? 65535);
    if (hi < from || lo > to) continue;
    const whole = covers([block], cidr) && lo <= from && hi >= to;
    if (whole) return entry.allow ? 'allow' : 'deny';
    if (!entry.allow) return 'partial';
  }
  return 'deny';
}

function naclCheck(params: EndpointParams, acls: NetworkAcl[] | Ec2Error, cidrs: string[]): PreflightCheck | undefined {
  if (acls instanceof Ec2Error) return check('network-acls', 'warn', 'naclUnchecked', { code: acls.code });
  if (cidrs.length === 0) return undefined;
  for (const acl of acls) {
    const subnets = acl.subnetIds.filter((s) => params.subnetIds.includes(s)).join(', ');
    for (const cidr of cidrs) {
      const closed = params.ports.filter((port) => aclVerdict(acl, false, cidr, port, port) !== 'allow');
      if (closed.length > 0) return check('network-acls', 'warn', 'naclBlocksInbound', { acl: acl.id, subnets, ports: portList(closed), cidr });
      if (aclVerdict(acl, true, cidr, EPHEMERAL_PORTS.from, EPHEMERAL_PORTS.to) !== 'allow') {
        return check('network-acls', 'warn', 'naclBlocksReturn', {
          acl: acl.id,
          subnets,
          cidr,
          from: String(EPHEMERAL_PORTS.from),
          to: String(EPHEMERAL_PORTS.to),
        });
      }
    }
  }
  return check('network-acls', 'pass', 'naclOk', { ports: portList(params.ports) });
}

function crossRegionCheck(params: EndpointParams, service: EndpointService | undefined): PreflightCheck | undefined {
  const serviceRegion = params.serviceRegion;
  if (!serviceRegion) return undefined;
  const short = awsServiceShortName(params.serviceName);
  if (short !== undefined && !CROSS_REGION_AWS_SERVICES.has(short)) {
    return check('cross-region', 'fail', 'crossRegionNotListed', { service: short, serviceRegion, listed: [...CROSS_REGION_AWS_SERVICES].join(', ') });
  }
  if (!service) return check('cross-region', 'fail', 'crossRegionNotOffered', { service: params.serviceName, serviceRegion, region: params.region });
  return check('cross-region', 'pass', 'crossRegionOk', { service: params.serviceName, serviceRegion, region: params.region });
}

/** Who the call is made for; the DryRun carries the same tags the real create will. */
export type PreflightParties = Omit<CallParties, 'approver'>;

export async function runPreflight(
  spec: CreateSpec,
  ec2: Ec2Api,
  policy: RegionPolicy,
  parties: PreflightParties = { requestId: 'plr-preflight', requester: '' },
): Promise<{ params?: EndpointParams; checks: PreflightCheck[] }> {
  const region = resolveRegion(spec.region, policy);
  if ('code' in region) {
    const code = region.code === 'noRegion' ? 'noRegion' : 'regionNotAllowed';
    return { checks: [check('ids', 'fail', code, region.code === 'regionNotAllowed' ? { region: region.region, allowed: region.allowed.join(', ') } : {})] };
  }
  const params = endpointParams(spec, region.region);
  const orEc2Error = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof Ec2Error ? e : Promise.reject(e)));
  const r = params.region;
  const wantsDns = params.privateDns !== 'off';
  // The exact call the worker will make; only the idempotency token is left out, so a DryRun records nothing.
  const call = { ...createEndpointCall(params, parties), clientToken: '' };

  const [services, subnets, groups, vpcs, dnsSupport, dnsHostnames, vpcEndpoints, acls, dryRun] = await Promise.all([
    orEc2Error(ec2.describeServices(r, [params.serviceName], undefined, params.serviceRegion ? [params.serviceRegion] : undefined)),
    orEc2Error(ec2.describeSubnets(r, params.subnetIds)),
    params.securityGroupIds.length > 0 ? orEc2Error(ec2.describeSecurityGroups(r, params.securityGroupIds)) : Promise.resolve(undefined),
    orEc2Error(ec2.describeVpcs(r, [params.vpcId])),
    wantsDns ? orEc2Error(ec2.describeVpcAttribute(r, params.vpcId, 'enableDnsSupport')) : Promise.resolve(true),
    wantsDns ? orEc2Error(ec2.describeVpcAttribute(r, params.vpcId, 'enableDnsHostnames')) : Promise.resolve(true),
    orEc2Error(ec2.describeEndpoints(r, { vpcId: params.vpcId })),
    orEc2Error(ec2.describeNetworkAcls(r, params.subnetIds)),
    orEc2Error(ec2.createEndpoint(r, call, { dryRun: true })),
  ]);

  // A member account whose role cannot be assumed answers nothing: one finding naming the account and the fix.
  if (dryRun instanceof Ec2Error && dryRun.account && ACCOUNT_PROBLEMS.has(dryRun.code)) {
    return {
      params,
      checks: [check('permission', 'fail', 'ec2Error', { code: dryRun.code, action: dryRun.action, region: r, message: '', account: dryRun.account })],
    };
  }

  const service = Array.isArray(services) ? services.find((s) => s.serviceName === params.serviceName) : undefined;
  const vpc = Array.isArray(vpcs) ? vpcs.find((v) => v.id === params.vpcId) : undefined;
  const cidrs = clientCidrs(params, vpc);
  const checks: (PreflightCheck | undefined)[] = [
    idsCheck(params, vpcs),
    serviceCheck(params, services),
    subnetCheck(params, subnets, service),
    groupCheck(params, groups, cidrs),
    privateDnsCheck(params, { service, dnsSupport, dnsHostnames, vpcEndpoints }),
    ipTypeCheck(params, subnets, service),
    freeIpCheck(subnets),
    quotaCheck(params, vpcEndpoints),
    zonesCheck(params, subnets),
    naclCheck(params, acls, cidrs),
    crossRegionCheck(params, service),
  ];

  if (dryRun instanceof Ec2Error) {
    checks.push(
      sharedVpcRefusal(dryRun)
        ? check('permission', 'fail', 'sharedVpcParticipant', { vpc: params.vpcId, subnets: params.subnetIds.join(', ') })
        : dryRun.code === 'UnauthorizedOperation'
          ? check('permission', 'fail', 'notPermitted', { action: 'ec2:CreateVpcEndpoint', ...(dryRun.account && { account: dryRun.account }) })
          : check('permission', 'fail', 'ec2Error', {
              code: dryRun.code,
              action: dryRun.action,
              region: r,
              message: dryRun.message,
              ...(dryRun.account && { account: dryRun.account }),
            }),
    );
  } else {
    checks.push(check('permission', 'pass', 'permitted', {}));
  }
  return { params, checks: checks.filter((c): c is PreflightCheck => c !== undefined) };
}

/**
 * A participant in a shared VPC may not create interface endpoints in the owner's subnets: EC2 answers
 * UnauthorizedOperation "This operation does not support shared VPCs." (AWS re:Post knowledge center,
 * https://repost.aws/knowledge-center/vpc-interface-endpoint-creation-errors), which is not an IAM matter.
 */
function sharedVpcRefusal(error: Ec2Error): boolean {
  return error.code === 'UnauthorizedOperation' && /does not support shared VPCs/i.test(error.message);
}

/** A member account the bot could not act in at all: its role refused, or it left ACCOUNTS. */
const ACCOUNT_PROBLEMS = new Set(['AssumeRoleDenied', 'AccountNotConfigured']);

export function preflightPassed(checks: PreflightCheck[]): boolean {
  return checks.every((c) => c.status !== 'fail');
}
