/**
 * Preflight: everything that can be checked before an approver is disturbed. The EC2 calls run in parallel;
 * each check ends pass, warn or fail with a catalog code that says what to fix.
 */
import type { CreateSpec } from '../commands/create-spec.js';
import type { EndpointParams, PreflightCheck } from '../requests/model.js';
import { Ec2Error, type Ec2Api, type EndpointService, type SecurityGroup, type Subnet } from './ec2.js';
import type { RegionPolicy } from './lookups.js';
import { resolveRegion } from './lookups.js';

/** `kinesis-streams` + region → `com.amazonaws.<region>.kinesis-streams`; full names stay as they are. */
export function expandServiceName(service: string, region: string): string {
  if (service.startsWith('com.amazonaws.') || service.startsWith('aws.')) return service;
  if (service.startsWith('vpce-svc-')) return `com.amazonaws.vpce.${region}.${service}`;
  return `com.amazonaws.${region}.${service}`;
}

export function endpointParams(spec: CreateSpec, region: string): EndpointParams {
  return {
    region,
    serviceName: expandServiceName(spec.service, region),
    vpcId: spec.vpcId,
    subnetIds: spec.subnetIds,
    securityGroupIds: spec.securityGroupIds,
    privateDns: spec.privateDns,
    ...(spec.ipAddressType && { ipAddressType: spec.ipAddressType }),
  };
}

const check = (c: PreflightCheck['check'], status: PreflightCheck['status'], code: string, values: Record<string, string> = {}): PreflightCheck => ({
  check: c,
  status,
  code,
  values,
});

function ec2Failure(c: PreflightCheck['check'], error: unknown): PreflightCheck {
  if (!(error instanceof Ec2Error)) throw error;
  return check(c, 'fail', 'ec2Error', { code: error.code, action: error.action, region: error.region, message: error.message });
}

function serviceCheck(params: EndpointParams, services: EndpointService[] | Ec2Error): PreflightCheck {
  if (services instanceof Ec2Error) {
    if (services.code === 'InvalidServiceName') return check('service', 'fail', 'serviceNotFound', { service: params.serviceName, region: params.region });
    return ec2Failure('service', services);
  }
  const service = services.find((s) => s.serviceName === params.serviceName);
  if (!service) return check('service', 'fail', 'serviceNotFound', { service: params.serviceName, region: params.region });
  if (!service.types.includes('Interface')) return check('service', 'fail', 'serviceNotInterface', { service: params.serviceName, types: service.types.join(', ') });
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
  if (foreign.length > 0) return check('subnets', 'fail', 'subnetOtherVpc', { subnets: foreign.map((s) => `${s.id} (${s.vpcId})`).join(', '), vpc: params.vpcId });
  const byAz = new Map<string, string[]>();
  for (const s of subnets) byAz.set(s.availabilityZone, [...(byAz.get(s.availabilityZone) ?? []), s.id]);
  const crowded = [...byAz.entries()].find(([, ids]) => ids.length > 1);
  if (crowded) return check('subnets', 'fail', 'subnetSameAz', { az: crowded[0], subnets: crowded[1].join(', ') });
  if (service && service.availabilityZones.length > 0) {
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

const allows443 = (rule: SecurityGroup['inbound'][number]) =>
  rule.protocol === '-1' || (rule.protocol === 'tcp' && (rule.fromPort ?? 0) <= 443 && (rule.toPort ?? 65535) >= 443);

function groupCheck(params: EndpointParams, groups: SecurityGroup[] | Ec2Error | undefined): PreflightCheck {
  if (groups === undefined) return check('security-groups', 'warn', 'defaultSecurityGroup', { vpc: params.vpcId });
  if (groups instanceof Ec2Error) {
    if (groups.code.startsWith('InvalidGroup') || groups.code.startsWith('InvalidSecurityGroupID')) {
      return check('security-groups', 'fail', 'groupNotFound', { detail: groups.message, region: params.region });
    }
    return ec2Failure('security-groups', groups);
  }
  const foreign = groups.filter((g) => g.vpcId !== params.vpcId);
  if (foreign.length > 0) return check('security-groups', 'fail', 'groupOtherVpc', { groups: foreign.map((g) => `${g.id} (${g.vpcId})`).join(', '), vpc: params.vpcId });
  const rules = groups.flatMap((g) => g.inbound).filter(allows443);
  if (rules.length === 0) return check('security-groups', 'fail', 'groupNo443', { groups: params.securityGroupIds.join(', ') });
  const open = rules.flatMap((r) => r.cidrs).filter((c) => c === '0.0.0.0/0' || c === '::/0');
  if (open.length > 0) return check('security-groups', 'warn', 'groupOpenToWorld', { cidrs: [...new Set(open)].join(', ') });
  return check('security-groups', 'pass', 'groupsOk', { sources: [...new Set(rules.flatMap((r) => [...r.cidrs, ...r.sources]))].join(', ') });
}

export async function runPreflight(spec: CreateSpec, ec2: Ec2Api, policy: RegionPolicy): Promise<{ params?: EndpointParams; checks: PreflightCheck[] }> {
  const region = resolveRegion(spec.region, policy);
  if ('code' in region) {
    const code = region.code === 'noRegion' ? 'noRegion' : 'regionNotAllowed';
    return { checks: [check('ids', 'fail', code, region.code === 'regionNotAllowed' ? { region: region.region, allowed: region.allowed.join(', ') } : {})] };
  }
  const params = endpointParams(spec, region.region);
  const settle = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof Ec2Error ? e : Promise.reject(e)));
  const r = params.region;

  const [services, subnets, groups, dnsSupport, dnsHostnames, existing, dryRun] = await Promise.all([
    settle(ec2.describeServices(r, [params.serviceName])),
    settle(ec2.describeSubnets(r, params.subnetIds)),
    params.securityGroupIds.length > 0 ? settle(ec2.describeSecurityGroups(r, params.securityGroupIds)) : Promise.resolve(undefined),
    params.privateDns ? settle(ec2.describeVpcAttribute(r, params.vpcId, 'enableDnsSupport')) : Promise.resolve(true),
    params.privateDns ? settle(ec2.describeVpcAttribute(r, params.vpcId, 'enableDnsHostnames')) : Promise.resolve(true),
    params.privateDns ? settle(ec2.describeEndpoints(r, { vpcId: params.vpcId, serviceNames: [params.serviceName] })) : Promise.resolve([]),
    settle(
      ec2.createEndpoint(
        r,
        { ...params, privateDnsEnabled: params.privateDns, clientToken: '', tags: {} },
        { dryRun: true },
      ),
    ),
  ]);

  const service = Array.isArray(services) ? services.find((s) => s.serviceName === params.serviceName) : undefined;
  const checks: PreflightCheck[] = [
    check('ids', 'pass', 'idsOk', { region: r }),
    serviceCheck(params, services),
    subnetCheck(params, subnets, service),
    groupCheck(params, groups),
  ];

  if (!params.privateDns) {
    checks.push(check('private-dns', 'warn', 'privateDnsOff', {}));
  } else if (dnsSupport instanceof Ec2Error) {
    checks.push(dnsSupport.code === 'InvalidVpcID.NotFound' ? check('private-dns', 'fail', 'vpcNotFound', { vpc: params.vpcId, region: r }) : ec2Failure('private-dns', dnsSupport));
  } else if (dnsHostnames instanceof Ec2Error) {
    checks.push(ec2Failure('private-dns', dnsHostnames));
  } else if (!dnsSupport || !dnsHostnames) {
    const missing = [!dnsSupport && 'enableDnsSupport', !dnsHostnames && 'enableDnsHostnames'].filter(Boolean).join(', ');
    checks.push(check('private-dns', 'fail', 'vpcDnsAttributes', { vpc: params.vpcId, missing }));
  } else if (service && !service.privateDnsName) {
    checks.push(check('private-dns', 'fail', 'serviceNoPrivateDns', { service: params.serviceName }));
  } else if (existing instanceof Ec2Error) {
    checks.push(ec2Failure('private-dns', existing));
  } else {
    const holder = existing.find((e) => e.privateDnsEnabled && !['deleted', 'deleting', 'failed', 'rejected', 'expired'].includes(e.state.toLowerCase()));
    checks.push(
      holder
        ? check('private-dns', 'fail', 'privateDnsTaken', { endpoint: holder.id, service: params.serviceName })
        : check('private-dns', 'pass', 'privateDnsOk', { name: service?.privateDnsName ?? '' }),
    );
  }

  if (dryRun instanceof Ec2Error) {
    checks.push(
      dryRun.code === 'UnauthorizedOperation'
        ? check('permission', 'fail', 'notPermitted', { action: 'ec2:CreateVpcEndpoint' })
        : check('permission', 'fail', 'ec2Error', { code: dryRun.code, action: dryRun.action, region: r, message: dryRun.message }),
    );
  } else {
    checks.push(check('permission', 'pass', 'permitted', {}));
  }
  return { params, checks };
}

export function preflightPassed(checks: PreflightCheck[]): boolean {
  return checks.every((c) => c.status !== 'fail');
}
