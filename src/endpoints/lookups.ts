/** The on-call lookups (describe, dns, services): which EC2 calls answer a command, and the data they return. */
import { accountsOf, type EstateAccess, findAccount, HOME_ACCOUNT, suggestAlias } from '../accounts/model.js';
import { type FanOutOptions, fanOut, type Scope, type ScopeFailure } from '../accounts/search.js';
import { ALL_REGIONS, type Command, type LookupTarget } from '../commands/parse.js';
import { endpointDetail, type EndpointDetail } from './detail.js';
import { dnsNames } from './dns.js';
import { Ec2Error, type Ec2Api, type Endpoint, type EndpointFilter, type EndpointService } from './ec2-api.js';

export type LookupCommand = Extract<Command, { name: 'describe' | 'dns' | 'services' }>;

export interface RegionPolicy {
  defaultRegion?: string;
  allowedRegions?: string[];
}

export type RegionProblem = { code: 'noRegion' } | { code: 'regionNotAllowed'; region: string; allowed: string[] };

export type LookupProblem =
  | RegionProblem
  | { code: 'ec2'; error: Ec2Error }
  // An alias not in ACCOUNTS (with the closest one), `region=all` without ALLOWED_REGIONS.
  | { code: 'unknownAccount'; alias: string; suggestion?: string }
  | { code: 'allRegionsNeedList' };

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
      /** The account alias (ACCOUNTS) the endpoints live in, when more than one account is configured or one was asked for. */
      account?: string;
    }
  | { kind: 'services'; command: Extract<LookupCommand, { name: 'services' }>; region: string; services: EndpointService[]; account?: string }
  | { kind: 'problem'; problem: LookupProblem }
  | EstateResult;

export type EndpointsResult = Extract<LookupResult, { kind: 'endpoints' }>;

/** A search of several accounts or regions: each hit labelled with its account and region, each failing scope one line. */
export interface EstateResult {
  kind: 'estate';
  command: Extract<LookupCommand, { name: 'describe' | 'dns' }>;
  hits: EndpointsResult[];
  failures: ScopeFailure[];
  accounts: string[];
  regions: string[];
  /** Calls made: scopes asked (a search for one id stops once it is found). */
  asked: number;
}

export function isLookup(command: Command): command is LookupCommand {
  return command.name === 'describe' || command.name === 'dns' || command.name === 'services';
}

export function resolveRegion(requested: string | undefined, policy: RegionPolicy): { region: string } | RegionProblem {
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

/**
 * A lookup. Given the estate (ACCOUNTS), `account=` picks the account; without it, `dns` and `describe vpce-…|vpc-…`
 * search every configured account, and `region=all` every allowed region. Given one EC2 port, that account alone.
 */
export async function runLookup(
  command: LookupCommand,
  ec2: Ec2Api | EstateAccess,
  policy: RegionPolicy,
  signal?: AbortSignal,
  fanOutOptions?: FanOutOptions,
): Promise<LookupResult> {
  if (!('ec2For' in ec2)) return lookupIn(command, ec2, policy, signal);
  const estate = ec2;
  const configured = accountsOf(estate.accounts);
  let aliases = configured.map((a) => a.alias);
  if (command.account !== undefined) {
    const account = findAccount(configured, command.account);
    if (!account) {
      const suggestion = suggestAlias(command.account, configured);
      return { kind: 'problem', problem: { code: 'unknownAccount', alias: command.account, ...(suggestion && { suggestion }) } };
    }
    aliases = [account.alias];
  }
  const labelled = command.account !== undefined || configured.length > 1;
  if (command.name === 'services' || (command.region !== ALL_REGIONS && !searchesEstate(command, aliases))) {
    const alias = aliases.length === 1 ? aliases[0]! : HOME_ACCOUNT;
    let result: LookupResult;
    try {
      result = await lookupIn(command, estate.ec2For(alias, estate.onBehalfOf), policy, signal);
    } catch (error) {
      if (error instanceof Ec2Error) return { kind: 'problem', problem: { code: 'ec2', error } };
      throw error;
    }
    return labelled && (result.kind === 'endpoints' || result.kind === 'services') ? { ...result, account: alias } : result;
  }
  const regions = regionsOf(command.region, policy);
  if ('code' in regions) return { kind: 'problem', problem: regions };
  const scopes: Scope[] = aliases.flatMap((account) => regions.map((region) => ({ account, region })));
  const unique = command.target?.kind === 'endpoint';
  const searched = await fanOut<EndpointsResult>(
    scopes,
    async (scope, scopeSignal) => {
      const result = await lookupIn({ ...command, region: scope.region }, estate.ec2For(scope.account, estate.onBehalfOf), policy, scopeSignal);
      if (result.kind === 'problem') {
        if (result.problem.code === 'ec2' && result.problem.error.code === 'InvalidVpcEndpointId.NotFound') return { kind: 'miss' };
        if (result.problem.code === 'ec2') throw result.problem.error;
        throw new Ec2Error('Unreachable', result.problem.code, 'lookup', scope.region);
      }
      if (result.kind !== 'endpoints' || result.endpoints.length === 0) return { kind: 'miss' };
      return { kind: 'hit', value: { ...result, account: scope.account } };
    },
    { ...fanOutOptions, ...(signal && { signal }), stopOnHit: unique },
  );
  return {
    kind: 'estate',
    command,
    hits: searched.hits.map((h) => h.value),
    failures: searched.failures,
    accounts: aliases,
    regions,
    asked: searched.asked,
  };
}

/**
 * The EC2 port of the account a command names (`account=`), home when it names none; an unknown alias is a
 * problem with the closest configured one. For doctor, whose checks run in one account.
 */
export function accountEc2(estate: EstateAccess, alias: string | undefined): { ec2: Ec2Api; account: string } | LookupProblem {
  const account = findAccount(estate.accounts, alias ?? HOME_ACCOUNT);
  if (!account) {
    const suggestion = suggestAlias(alias!, estate.accounts);
    return { code: 'unknownAccount', alias: alias!, ...(suggestion && { suggestion }) };
  }
  try {
    return { ec2: estate.ec2For(account.alias, estate.onBehalfOf), account: account.alias };
  } catch (error) {
    if (error instanceof Ec2Error) return { code: 'ec2', error };
    throw error;
  }
}

/** `--json`: the endpoints (or services) found, each with the account and region it lives in and its DNS names. */
export function lookupJson(result: Exclude<LookupResult, { kind: 'problem' }>): unknown[] {
  if (result.kind === 'services') return result.services.map((s) => ({ account: result.account ?? HOME_ACCOUNT, region: result.region, ...s }));
  const hits = result.kind === 'estate' ? result.hits : [result];
  return hits.flatMap((hit) =>
    hit.endpoints.map((e) => ({
      account: hit.account ?? HOME_ACCOUNT,
      region: hit.region,
      ...e,
      dns: dnsNames(e, hit.services[e.serviceName]?.privateDnsName),
    })),
  );
}

/** dns (any target) and describe of one endpoint or VPC look in every account when none is named. */
function searchesEstate(command: Extract<LookupCommand, { name: 'describe' | 'dns' }>, aliases: string[]): boolean {
  if (aliases.length < 2) return false;
  return command.name === 'dns' || command.target?.kind === 'endpoint' || command.target?.kind === 'vpc';
}

function regionsOf(requested: string | undefined, policy: RegionPolicy): string[] | LookupProblem {
  if (requested === ALL_REGIONS) return policy.allowedRegions && policy.allowedRegions.length > 0 ? policy.allowedRegions : { code: 'allRegionsNeedList' };
  const resolved = resolveRegion(requested, policy);
  return 'code' in resolved ? resolved : [resolved.region];
}

/** One account, one region: the EC2 calls that answer the command. */
async function lookupIn(command: LookupCommand, ec2: Ec2Api, policy: RegionPolicy, signal?: AbortSignal): Promise<LookupResult> {
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
