/** The on-call lookups (describe, dns, services): which EC2 calls answer a command, and the data they return. */
import type { Command, LookupTarget } from '../commands/parse.js';
import { endpointDetail, type EndpointDetail } from './detail.js';
import { Ec2Error, type Ec2Api, type Endpoint, type EndpointFilter, type EndpointService } from './ec2-api.js';

export type LookupCommand = Extract<Command, { name: 'describe' | 'dns' | 'services' }>;

export interface RegionPolicy {
  defaultRegion?: string;
  allowedRegions?: string[];
}

export type LookupProblem = { code: 'noRegion' } | { code: 'regionNotAllowed'; region: string; allowed: string[] } | { code: 'ec2'; error: Ec2Error };

/** Most endpoints a lookup reads (one EC2 page): a larger account is told to narrow, not parsed in full. */
export const LOOKUP_LIMIT = 1000;

export type LookupResult =
  | {
      kind: 'endpoints';
      command: Extract<LookupCommand, { name: 'describe' | 'dns' }>;
      region: string;
      endpoints: Endpoint[];
      /** False when more endpoints match than were read (LOOKUP_LIMIT). */
      complete: boolean;
      services: Record<string, EndpointService>;
      /** describe of one endpoint: its ENIs, its VPC's DNS attributes and other endpoints. */
      detail?: EndpointDetail;
    }
  | { kind: 'services'; command: Extract<LookupCommand, { name: 'services' }>; region: string; services: EndpointService[] }
  | { kind: 'problem'; problem: LookupProblem };

export function isLookup(command: Command): command is LookupCommand {
  return command.name === 'describe' || command.name === 'dns' || command.name === 'services';
}

export function resolveRegion(requested: string | undefined, policy: RegionPolicy): { region: string } | LookupProblem {
  const region = requested ?? policy.defaultRegion;
  if (!region) return { code: 'noRegion' };
  if (policy.allowedRegions && !policy.allowedRegions.includes(region)) return { code: 'regionNotAllowed', region, allowed: policy.allowedRegions };
  return { region };
}

/** EC2 takes up to 200 values in one filter. */
const MAX_FILTER_VALUES = 200;

const isFullServiceName = (text: string) => text.startsWith('com.amazonaws.') || text.startsWith('aws.');

function endpointFilter(target: LookupTarget | undefined, state: string | undefined): EndpointFilter {
  const filter: EndpointFilter = state ? { state } : {};
  if (target?.kind === 'endpoint') filter.ids = [target.id];
  if (target?.kind === 'vpc') filter.vpcId = target.id;
  if (target?.kind === 'service' && isFullServiceName(target.text)) filter.serviceNames = [target.text];
  return filter;
}

/** The services' details, for their private DNS names; a lookup still answers without them. */
async function servicesOf(ec2: Ec2Api, region: string, endpoints: Endpoint[], signal?: AbortSignal): Promise<Record<string, EndpointService>> {
  const names = [...new Set(endpoints.filter((e) => e.type === 'Interface').map((e) => e.serviceName))];
  if (names.length === 0 || names.length > 100) return {};
  try {
    const services = await ec2.describeServices(region, names, signal);
    return Object.fromEntries(services.map((s) => [s.serviceName, s]));
  } catch (error) {
    if (error instanceof Ec2Error && error.code === 'Aborted') throw error;
    return {};
  }
}

export async function runLookup(command: LookupCommand, ec2: Ec2Api, policy: RegionPolicy, signal?: AbortSignal): Promise<LookupResult> {
  const resolved = resolveRegion(command.region, policy);
  if ('code' in resolved) return { kind: 'problem', problem: resolved };
  const { region } = resolved;
  try {
    if (command.name === 'services') {
      const all = await ec2.describeServices(region, undefined, signal);
      const filter = command.filter;
      const services = filter ? all.filter((s) => s.serviceName.toLowerCase().includes(filter) || s.privateDnsName?.includes(filter)) : all;
      return { kind: 'services', command, region, services };
    }
    const target = command.target;
    const state = command.name === 'describe' ? command.state : undefined;
    const filter = endpointFilter(target, state);
    if (target?.kind === 'service' && !isFullServiceName(target.text)) {
      // Let EC2 filter by the service names the text matches, rather than reading every endpoint.
      const names = (await ec2.describeServices(region, undefined, signal)).map((s) => s.serviceName).filter((n) => n.toLowerCase().includes(target.text));
      if (names.length > 0 && names.length <= MAX_FILTER_VALUES) filter.serviceNames = names;
    }
    const listed = await ec2.listEndpoints(region, filter, { limit: LOOKUP_LIMIT, ...(signal && { signal }) });
    let endpoints = listed.endpoints;
    if (target?.kind === 'service' && !filter.serviceNames) endpoints = endpoints.filter((e) => e.serviceName.toLowerCase().includes(target.text));
    const [services, detail] = await Promise.all([
      command.name === 'dns' || endpoints.length === 1 ? servicesOf(ec2, region, endpoints, signal) : {},
      command.name === 'describe' && endpoints.length === 1 && endpoints[0]!.type === 'Interface'
        ? endpointDetail(ec2, region, endpoints[0]!, signal)
        : undefined,
    ]);
    return { kind: 'endpoints', command, region, endpoints, complete: listed.complete, services, ...(detail && { detail }) };
  } catch (error) {
    if (error instanceof Ec2Error) return { kind: 'problem', problem: { code: 'ec2', error } };
    throw error;
  }
}
