/**
 * The doctor's EC2 reads: first the source and the endpoint, then everything on the path between them, in
 * parallel. Reads are Describe/List only. A refused read becomes an 'unknown' link, not a failed run; only a
 * source or endpoint the bot cannot find or read ends the run with a problem.
 */
import type { DoctorCommand } from '../commands/parse.js';
import { contains, isIpv4Block } from '../endpoints/cidr.js';
import { Ec2Error, type Ec2Api, type Endpoint, type GroupRules, type RouteTable, type Vpc } from '../endpoints/ec2-api.js';
import { hasGatewayType } from '../endpoints/reach.js';
import type { DoctorFacts, DoctorProblem, DoctorSourceSpec, Read, ResolvedSource, TransitGatewayView } from './model.js';

export const DEFAULT_PORT = 443;

async function read<T>(promise: Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (error instanceof Ec2Error) {
      if (error.code === 'Aborted') throw error;
      return { ok: false, action: error.action, code: error.code };
    }
    throw error;
  }
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value });

class Stop {
  constructor(readonly problem: DoctorProblem) {}
}

function ec2Problem(error: Ec2Error): DoctorProblem {
  return { code: 'ec2', action: error.action, errorCode: error.code, region: error.region, message: error.message };
}

const NOT_FOUND = /\.NotFound$|^InvalidInstanceID\.Malformed$/;

function sourceLabel(spec: DoctorSourceSpec): string {
  switch (spec.kind) {
    case 'onprem':
      return 'onprem';
    case 'address':
      return spec.cidr.endsWith('/32') ? spec.cidr.slice(0, -3) : spec.cidr;
    default:
      return spec.id;
  }
}

async function resolveSource(ec2: Ec2Api, region: string, spec: DoctorSourceSpec, signal?: AbortSignal): Promise<ResolvedSource> {
  const notFound = (error: unknown) => {
    if (error instanceof Ec2Error && NOT_FOUND.test(error.code)) return new Stop({ code: 'sourceNotFound', source: sourceLabel(spec), region });
    if (error instanceof Ec2Error && error.code !== 'Aborted') return new Stop(ec2Problem(error));
    return error;
  };
  try {
    switch (spec.kind) {
      case 'onprem':
        return { kind: 'outside', spec };
      case 'subnet': {
        const [subnet] = await ec2.describeSubnetDetails(region, { ids: [spec.id] }, signal);
        if (!subnet) throw new Stop({ code: 'sourceNotFound', source: spec.id, region });
        return { kind: 'in-vpc', spec, vpcId: subnet.vpcId, subnet, cidrs: subnet.cidr ? [subnet.cidr] : [] };
      }
      case 'instance': {
        const [instance] = await ec2.describeInstances(region, [spec.id], signal);
        if (!instance) throw new Stop({ code: 'sourceNotFound', source: spec.id, region });
        const [subnet] = instance.subnetId ? await ec2.describeSubnetDetails(region, { ids: [instance.subnetId] }, signal) : [];
        return {
          kind: 'in-vpc',
          spec,
          vpcId: instance.vpcId,
          ...(subnet && { subnet }),
          instance,
          cidrs: instance.privateIp ? [`${instance.privateIp}/32`] : subnet?.cidr ? [subnet.cidr] : [],
        };
      }
      case 'vpc': {
        const [vpc] = await ec2.describeVpcs(region, [spec.id], signal);
        if (!vpc) throw new Stop({ code: 'sourceNotFound', source: spec.id, region });
        return { kind: 'in-vpc', spec, vpcId: vpc.id, cidrs: vpc.cidrs.filter(isIpv4Block) };
      }
      case 'address': {
        const subnets = await ec2.describeSubnetDetails(region, {}, signal);
        const subnet = subnets.find((s) => s.cidr && contains(s.cidr, spec.cidr));
        if (!subnet) return { kind: 'outside', spec, cidr: spec.cidr };
        return { kind: 'in-vpc', spec, vpcId: subnet.vpcId, subnet, cidrs: [spec.cidr] };
      }
    }
  } catch (error) {
    throw notFound(error);
  }
}

function matchesService(serviceName: string, text: string): boolean {
  const name = serviceName.toLowerCase();
  return name === text || name.endsWith(`.${text}`) || name.includes(text);
}

/** Prefer exact names (`…​.kinesis-streams` for `kinesis-streams`) over substrings. */
function pick(endpoints: Endpoint[], text: string): Endpoint[] {
  const exact = endpoints.filter((e) => e.serviceName.toLowerCase() === text || e.serviceName.toLowerCase().endsWith(`.${text}`));
  return exact.length > 0 ? exact : endpoints;
}

const live = (e: Endpoint) => !['deleted', 'deleting'].includes(e.state.toLowerCase());

async function findEndpoint(ec2: Ec2Api, region: string, command: DoctorCommand, source: ResolvedSource, signal?: AbortSignal): Promise<Endpoint> {
  const target = command.target;
  try {
    if (target.kind === 'endpoint') {
      const [endpoint] = await ec2.describeEndpoints(region, { ids: [target.id] }, signal);
      if (!endpoint) throw new Stop({ code: 'endpointNotFound', endpoint: target.id, region });
      return endpoint;
    }
    const text = target.text;
    const choose = (found: Endpoint[]): Endpoint | undefined => {
      const candidates = pick(
        found.filter((e) => live(e) && matchesService(e.serviceName, text)),
        text,
      );
      if (candidates.length === 1) return candidates[0];
      if (candidates.length > 1)
        throw new Stop({
          code: 'ambiguous',
          service: text,
          candidates: candidates.slice(0, 10).map((e) => ({ id: e.id, serviceName: e.serviceName, vpcId: e.vpcId })),
        });
      return undefined;
    };
    if (source.kind === 'in-vpc') {
      const inVpc = choose((await ec2.listEndpoints(region, { vpcId: source.vpcId, type: 'Interface' }, { limit: 1000, ...(signal && { signal }) })).endpoints);
      if (inVpc) return inVpc;
    }
    const elsewhere = choose((await ec2.listEndpoints(region, { type: 'Interface' }, { limit: 1000, ...(signal && { signal }) })).endpoints);
    if (elsewhere) return elsewhere;
    const subnet = source.kind === 'in-vpc' ? source.subnet?.id : undefined;
    const create =
      source.kind === 'in-vpc'
        ? `/privatelink create ${text} vpc=${source.vpcId} subnets=${subnet ?? 'subnet-…'} region=${region}`
        : `/privatelink create ${text} vpc=vpc-… subnets=subnet-…,subnet-… region=${region}`;
    throw new Stop({ code: 'noEndpoint', service: text, ...(source.kind === 'in-vpc' && { vpcId: source.vpcId }), region, create });
  } catch (error) {
    if (error instanceof Ec2Error && NOT_FOUND.test(error.code))
      throw new Stop({ code: 'endpointNotFound', endpoint: target.kind === 'endpoint' ? target.id : target.text, region });
    if (error instanceof Ec2Error && error.code !== 'Aborted') throw new Stop(ec2Problem(error));
    throw error;
  }
}

/**
 * The second round of reads, on what the first showed: the entries of prefix lists that security-group rules
 * name; the Transit Gateway attachments and route tables when a route leads to a TGW; the source VPC's DHCP
 * option set. Each only when the path needs it.
 */
async function pathReads(
  ec2: Ec2Api,
  region: string,
  on: { endpoint: Endpoint; sourceVpc?: string; otherVpc: boolean; groups: GroupRules[]; tables: RouteTable[]; vpcs?: Vpc[]; signal?: AbortSignal },
): Promise<Pick<DoctorFacts, 'prefixLists' | 'transitGateway' | 'sourceDhcp'>> {
  const { signal } = on;
  const listIds = [...new Set(on.groups.flatMap((g) => [...g.inbound, ...g.outbound]).flatMap((r) => r.sources.filter((s) => s.startsWith('pl-'))))];
  const tgwIds = new Set(on.tables.flatMap((t) => t.routes.filter((r) => r.target.kind === 'tgw').map((r) => r.target.id)));
  const dhcpId = on.sourceVpc ? on.vpcs?.find((v) => v.id === on.sourceVpc)?.dhcpOptionsId : undefined;

  const transitGateway = async (): Promise<TransitGatewayView> => {
    const vpcIds = [on.endpoint.vpcId, ...(on.sourceVpc ? [on.sourceVpc] : [])];
    const attachments = (await ec2.describeTransitGatewayAttachments(region, vpcIds, signal)).filter((a) => tgwIds.has(a.transitGatewayId));
    const tableIds = [...new Set(attachments.map((a) => a.associatedRouteTableId).filter((id): id is string => Boolean(id)))];
    const routes = await Promise.all(tableIds.map((id) => ec2.searchTransitGatewayRoutes(region, id, signal)));
    return { attachments, routeTables: Object.fromEntries(tableIds.map((id, i) => [id, routes[i]!])) };
  };

  const [prefixLists, tgw, sourceDhcp] = await Promise.all([
    listIds.length > 0
      ? read(
          Promise.all(listIds.map((id) => ec2.getManagedPrefixListEntries(region, id, signal))).then((e) =>
            Object.fromEntries(listIds.map((id, i) => [id, e[i]!])),
          ),
        )
      : undefined,
    on.otherVpc && tgwIds.size > 0 ? read(transitGateway()) : undefined,
    on.sourceVpc && on.vpcs
      ? dhcpId && dhcpId !== 'default'
        ? read(ec2.describeDhcpOptions(region, [dhcpId], signal).then((d) => d[0]))
        : ok(undefined)
      : undefined,
  ]);
  return { ...(prefixLists && { prefixLists }), ...(tgw && { transitGateway: tgw }), ...(sourceDhcp && { sourceDhcp }) };
}

export async function gather(
  ec2: Ec2Api,
  region: string,
  command: DoctorCommand,
  signal?: AbortSignal,
): Promise<{ facts: DoctorFacts } | { problem: DoctorProblem }> {
  try {
    // The source and an endpoint given by id are independent: read them together.
    const byId = command.target.kind === 'endpoint' ? findEndpoint(ec2, region, command, { kind: 'outside', spec: { kind: 'onprem' } }, signal) : undefined;
    byId?.catch(() => undefined);
    const source = await resolveSource(ec2, region, command.from, signal);
    const endpoint = await (byId ?? findEndpoint(ec2, region, command, source, signal));
    if (endpoint.type !== 'Interface') return { problem: { code: 'notInterface', endpoint: endpoint.id, type: endpoint.type } };

    const sourceVpc = source.kind === 'in-vpc' ? source.vpcId : undefined;
    const otherVpc = sourceVpc !== undefined && sourceVpc !== endpoint.vpcId;
    const vpcIds = [...new Set([endpoint.vpcId, ...(sourceVpc ? [sourceVpc] : [])])];
    const instance = source.kind === 'in-vpc' ? source.instance : undefined;
    const listOptions = { limit: 1000, ...(signal && { signal }) };

    const [
      service,
      enis,
      endpointSubnets,
      endpointGroups,
      sourceGroups,
      routeTables,
      acls,
      support,
      hostnames,
      sourceVpcDnsSupport,
      peerings,
      vpcs,
      gatewayEndpoints,
      sourceSubnets,
    ] = await Promise.all([
      read(ec2.describeServices(region, [endpoint.serviceName], signal).then((s) => s[0])),
      endpoint.networkInterfaceIds?.length ? read(ec2.describeNetworkInterfaces(region, endpoint.networkInterfaceIds, signal)) : ok([]),
      endpoint.subnetIds.length > 0 ? read(ec2.describeSubnetDetails(region, { ids: endpoint.subnetIds }, signal)) : ok([]),
      endpoint.securityGroupIds.length > 0 ? read(ec2.describeGroupRules(region, endpoint.securityGroupIds, signal)) : ok([]),
      instance && instance.securityGroupIds.length > 0 ? read(ec2.describeGroupRules(region, instance.securityGroupIds, signal)) : undefined,
      read(ec2.describeRouteTables(region, vpcIds, signal)),
      read(ec2.describeVpcNetworkAcls(region, vpcIds, signal)),
      read(ec2.describeVpcAttribute(region, endpoint.vpcId, 'enableDnsSupport', signal)),
      read(ec2.describeVpcAttribute(region, endpoint.vpcId, 'enableDnsHostnames', signal)),
      otherVpc ? read(ec2.describeVpcAttribute(region, sourceVpc, 'enableDnsSupport', signal)) : undefined,
      otherVpc ? read(ec2.describeVpcPeeringConnections(region, [sourceVpc], signal)) : undefined,
      read(ec2.describeVpcs(region, vpcIds, signal)),
      sourceVpc && hasGatewayType(endpoint.serviceName)
        ? read(ec2.listEndpoints(region, { vpcId: sourceVpc, type: 'Gateway', serviceNames: [endpoint.serviceName] }, listOptions).then((r) => r.endpoints))
        : undefined,
      source.kind === 'in-vpc' && !source.subnet ? read(ec2.describeSubnetDetails(region, { vpcIds: [source.vpcId] }, signal)) : undefined,
    ]);

    const more = await pathReads(ec2, region, {
      endpoint,
      sourceVpc,
      otherVpc,
      groups: [...(endpointGroups.ok ? endpointGroups.value : []), ...(sourceGroups?.ok ? sourceGroups.value : [])],
      tables: routeTables.ok ? routeTables.value : [],
      vpcs: vpcs.ok ? vpcs.value : undefined,
      signal,
    });

    const facts: DoctorFacts = {
      region,
      port: command.port ?? DEFAULT_PORT,
      portGiven: command.port !== undefined,
      source,
      endpoint,
      service,
      enis,
      endpointSubnets,
      endpointGroups,
      ...(sourceGroups && { sourceGroups }),
      routeTables,
      acls,
      endpointVpcDns: { support, hostnames },
      ...(sourceVpcDnsSupport && { sourceVpcDnsSupport }),
      ...(sourceSubnets && { sourceSubnets }),
      ...(peerings && { peerings }),
      vpcs,
      ...(gatewayEndpoints && { gatewayEndpoints }),
      ...more,
    };
    return { facts };
  } catch (error) {
    if (error instanceof Stop) return { problem: error.problem };
    throw error;
  }
}
