/**
 * After approval: create the endpoint exactly once and follow it until it is usable.
 *
 * Exactly once rests on three things: the `approved → creating` move is a conditional write; a lease in the
 * record keeps a second delivery from working on the same request at the same time; and CreateVpcEndpoint
 * carries the request id as ClientToken, so a create repeated after a crash returns the same endpoint.
 * Polling has a deadline counted from the `creating` step, so a request never stays `creating` for ever.
 */
import { randomUUID } from 'node:crypto';
import { TAG_KEYS, createEndpointCall } from '../endpoints/create-call.js';
import { dnsNames } from '../endpoints/dns.js';
import { Ec2Error, THROTTLING_CODES, type Endpoint } from '../endpoints/ec2-api.js';
import { accountsOf } from '../accounts/model.js';
import { CREATE_DEADLINE_MINUTES, accountStanding, transition, type EndpointRequest, type Patch, type RequestState } from './model.js';
import { VersionConflict, patched } from './store.js';
import type { RequesterNotice, ThreadNote } from './notify.js';
import { ec2InAccount, postInThread, refreshMessage, regionAllowed, tellRequester, updateRequest, type WorkflowDependencies } from './workflow.js';

export interface CreateTiming {
  /** How long to follow a pending endpoint, counted from the `creating` step. */
  deadlineMs: number;
  /** Wait before each describe: first, then growing by half up to the maximum. */
  firstPollMs: number;
  maxPollMs: number;
  /** How long a worker's claim lasts without renewal. */
  leaseMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_TIMING: CreateTiming = {
  deadlineMs: CREATE_DEADLINE_MINUTES * 60_000,
  firstPollMs: 2000,
  maxPollMs: 15_000,
  leaseMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const WORKER = 'worker';

function elapsed(fromIso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(fromIso)) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function creatingSince(request: EndpointRequest): string {
  return [...request.history].reverse().find((h) => h.state === 'creating')?.at ?? request.createdAt;
}

const endpointStates: Record<string, RequestState | undefined> = {
  available: 'available',
  pendingacceptance: 'pending-acceptance',
  failed: 'failed',
  rejected: 'failed',
  expired: 'failed',
  deleted: 'failed',
  deleting: 'failed',
  // Final for polling: some subnets failed and EC2 will not retry them (knowledge.md §6).
  partial: 'failed',
};

/** The worker's failure code when the region left ALLOWED_REGIONS after the request was filed. */
export const REGION_NOT_ALLOWED = 'RegionNotAllowed';

/** CreateVpcEndpoint calls in one run of the job (each with the SDK's own retries); then the sweep's next round. */
const CREATE_ATTEMPTS_PER_RUN = 3;

/** The tag that names the request on its endpoint; the lookup after a lost answer filters on it. */
export const REQUEST_TAG = TAG_KEYS.request;

/**
 * Errors after which CreateVpcEndpoint may or may not have created the endpoint: no answer (time-out, broken
 * connection, an answer that could not be read) and EC2's server errors and throttling, which the EC2 API
 * reference lists as 5xx server errors: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 * (InternalError, InternalFailure, RequestLimitExceeded, ServiceUnavailable, Unavailable). Repeating the call is
 * safe with the same ClientToken: https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html
 */
const OUTCOME_UNKNOWN = new Set([
  'Timeout',
  'Unreachable',
  'Aborted',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'Unavailable',
  ...THROTTLING_CODES,
]);

export function outcomeUnknown(error: Ec2Error): boolean {
  return OUTCOME_UNKNOWN.has(error.code);
}

/** The endpoint carrying this request's tag, if EC2 can say; the tag is checked here too, not only by the filter. */
export async function findByRequestTag(
  deps: Pick<WorkflowDependencies, 'ec2' | 'log'>,
  region: string,
  requestId: string,
): Promise<{ kind: 'found'; endpoint: Endpoint } | { kind: 'absent' } | { kind: 'unknown' }> {
  try {
    const endpoints = await deps.ec2.describeEndpoints(region, { tag: { key: REQUEST_TAG, value: requestId } });
    const mine = endpoints.filter((e) => e.tags[REQUEST_TAG] === requestId && !['deleted', 'deleting'].includes(e.state.toLowerCase()));
    return mine[0] ? { kind: 'found', endpoint: mine[0] } : { kind: 'absent' };
  } catch (error) {
    if (!(error instanceof Ec2Error)) throw error;
    deps.log(`request ${requestId}: could not look the endpoint up by its tag`, error);
    return { kind: 'unknown' };
  }
}

export async function runCreateJob(deps: WorkflowDependencies, requestId: string, timing: CreateTiming = DEFAULT_TIMING): Promise<void> {
  const owner = randomUUID();
  const leaseUntil = () => new Date(deps.now().getTime() + timing.leaseMs).toISOString();
  const holdsNoLease = (r: EndpointRequest) => !r.lease || r.lease.owner === owner || Date.parse(r.lease.until) <= deps.now().getTime();

  // Claim: approved → creating, or take over a `creating` request whose worker's lease ran out.
  let firstClaim = false;
  const claim = await updateRequest(deps.store, requestId, (current) => {
    firstClaim = current.state === 'approved';
    if (firstClaim) return transition(current, 'creating', WORKER, deps.now(), { lease: { owner, until: leaseUntil() } });
    if (current.state === 'creating' && holdsNoLease(current)) return patched(current, { lease: { owner, until: leaseUntil() } });
    return undefined;
  });
  if (!claim?.changed) {
    deps.log(`request ${requestId}: nothing to do here (state ${claim?.request.state ?? 'missing'}, held by another worker or finished)`);
    return;
  }
  let request = claim.request;
  if (firstClaim) {
    await postInThread(deps, request, { kind: 'approved', by: request.decidedBy ?? '' });
    request = await tellRequester(deps, request, { kind: 'approved' });
  }

  /** A versioned write that only lands while this worker holds the lease. */
  const write = async (change: (current: EndpointRequest) => EndpointRequest): Promise<EndpointRequest> => {
    const result = await updateRequest(deps.store, requestId, (current) => (current.lease?.owner === owner ? change(current) : undefined));
    if (!result?.changed) throw new VersionConflict(requestId);
    return result.request;
  };
  /** The final state: recorded, then drawn, said in the thread and told to the requester. */
  const finish = async (to: RequestState, patch: Patch, note: ThreadNote, notice: RequesterNotice) => {
    request = await write((current) => transition(current, to, WORKER, deps.now(), { ...patch, lease: { owner, until: deps.now().toISOString() } }));
    await refreshMessage(deps, request);
    await postInThread(deps, request, note);
    await tellRequester(deps, request, notice);
  };
  const failed = [{ kind: 'failed' }, { kind: 'failed' }] as const;

  // A member account (issue 17): its allow-list checked again, then every call below made with its role.
  const standing = accountStanding(request, accountsOf(deps.accounts));
  if (standing !== 'ok') {
    const code = standing === 'removed' ? 'AccountNotConfigured' : 'AccountChanged';
    await finish('failed', { failure: { code, message: request.account ?? '' } }, ...failed);
    return;
  }
  if (request.account) {
    deps = { ...deps, ec2: ec2InAccount(deps, request.account, request.requester, 'create') };
    if (firstClaim)
      await postInThread(deps, request, {
        kind: 'creating-in-account',
        account: request.account,
        accountId: request.accountId ?? '',
        region: request.params.region,
      });
  }

  const p = request.params;
  let endpoint: Endpoint | undefined;
  if (!request.endpointId) {
    // The allow-list may have changed since the request was filed or approved: checked again before any create.
    // An endpoint an earlier run's lost create made is still followed; otherwise nothing is created there.
    let result: Awaited<ReturnType<typeof createOrAdopt>>;
    if (!regionAllowed(p.region, deps.regions)) {
      const found = await findByRequestTag(deps, p.region, requestId);
      if (found.kind !== 'found') {
        // The message is the allow-list; the views say it in words (failureText).
        const allowed = (deps.regions.allowedRegions ?? []).join(', ');
        await finish('failed', { failure: { code: REGION_NOT_ALLOWED, message: allowed } }, ...failed);
        return;
      }
      result = { kind: 'adopted', endpoint: found.endpoint };
    } else {
      await refreshMessage(deps, request, { kind: 'starting', elapsed: elapsed(creatingSince(request), deps.now()) });
      result = await createOrAdopt();
    }
    if (result.kind === 'stop') return;
    const created = result.endpoint;
    endpoint = created;
    request = await write((current) => patched(current, { endpointId: created.id, endpointState: created.state, lease: { owner, until: leaseUntil() } }));
    await refreshMessage(deps, request, {
      kind: 'endpoint',
      endpointId: created.id,
      state: created.state,
      elapsed: elapsed(creatingSince(request), deps.now()),
    });
    await postInThread(deps, request, { kind: result.kind, endpointId: created.id });
  }

  const endpointId = request.endpointId!;
  const deadline = Date.parse(creatingSince(request)) + timing.deadlineMs;
  let wait = timing.firstPollMs;
  for (;;) {
    const outcome = endpoint && endpointStates[endpoint.state.toLowerCase()];
    if (endpoint && outcome) {
      await settleEndpoint(endpoint, outcome);
      return;
    }
    if (deps.now().getTime() >= deadline) {
      await finish('failed', { failure: { code: 'Timeout', message: `still ${endpoint?.state ?? 'pending'}` } }, ...failed);
      return;
    }
    // Resuming with no endpoint in hand: describe at once; otherwise wait, longer each time.
    if (endpoint) {
      await timing.sleep(Math.min(wait, Math.max(0, deadline - deps.now().getTime())));
      wait = Math.min(timing.maxPollMs, Math.round(wait * 1.5));
    }
    let described: Endpoint | undefined;
    try {
      described = (await deps.ec2.describeEndpoints(p.region, { ids: [endpointId] }))[0];
    } catch (error) {
      if (!(error instanceof Ec2Error)) throw error;
      deps.log(`request ${requestId}: describe failed, will retry`, error);
    }
    if (!described) {
      // EC2 failed or does not list it yet: back off as for a poll, within the same deadline.
      await timing.sleep(Math.min(wait, Math.max(0, deadline - deps.now().getTime())));
      wait = Math.min(timing.maxPollMs, Math.round(wait * 1.5));
      continue;
    }
    const previous = request.endpointState;
    const seen = described.state;
    endpoint = described;
    request = await write((current) => patched(current, { endpointState: seen, lease: { owner, until: leaseUntil() } }));
    // A final state is reported once, by settleEndpoint.
    if (seen !== previous && !endpointStates[seen.toLowerCase()]) {
      const since = elapsed(creatingSince(request), deps.now());
      await refreshMessage(deps, request, { kind: 'endpoint', endpointId, state: seen, elapsed: since });
      await postInThread(deps, request, { kind: 'endpoint-state', endpointId, state: seen, elapsed: since });
    }
  }

  /**
   * Calls CreateVpcEndpoint until EC2 gives an answer that settles it. A lost answer (time-out, broken connection,
   * 5xx, throttling) leaves the outcome unknown: the endpoint may exist. Then, and before any failure, the
   * endpoint is looked up by its request tag and adopted if it is there; otherwise the call is repeated with the
   * same ClientToken (EC2 returns the endpoint a token already created) until the deadline. When EC2 cannot even
   * be asked, the request stays `creating`, the lease is let go and the sweep runs this again.
   */
  async function createOrAdopt(): Promise<{ kind: 'created' | 'adopted'; endpoint: Endpoint } | { kind: 'stop' }> {
    const deadline = Date.parse(creatingSince(request)) + timing.deadlineMs;
    let wait = timing.firstPollMs;
    for (let attempt = 1; ; attempt++) {
      let error: Ec2Error;
      try {
        // The same builder as the preflight's DryRun: what was proven permitted is what is sent, token included.
        const call = createEndpointCall(p, {
          requestId: request.id,
          requester: request.requester,
          approver: request.decidedBy ?? '',
          ...(request.account && { account: request.accountId ?? request.account }),
        });
        const created = await deps.ec2.createEndpoint(p.region, call, { dryRun: false });
        if (created) return { kind: 'created', endpoint: created };
        error = new Ec2Error('Unreachable', 'CreateVpcEndpoint answered without an endpoint', 'ec2:CreateVpcEndpoint', p.region);
      } catch (caught) {
        if (!(caught instanceof Ec2Error)) throw caught;
        error = caught;
      }
      const unknown = outcomeUnknown(error);
      const found = await findByRequestTag(deps, p.region, requestId);
      if (found.kind === 'found') {
        deps.log(`request ${requestId}: CreateVpcEndpoint failed (${error.code}) but ${found.endpoint.id} carries its tag; adopting it`);
        return { kind: 'adopted', endpoint: found.endpoint };
      }
      const timeLeft = deadline - deps.now().getTime();
      if (found.kind === 'absent' && (!unknown || timeLeft <= 0)) {
        await finish('failed', { failure: { code: error.code, message: error.message } }, ...failed);
        return { kind: 'stop' };
      }
      if (timeLeft <= 0 || attempt >= CREATE_ATTEMPTS_PER_RUN || !unknown) {
        // Not settled yet: stay `creating` and let the lease go; the sweep runs the job again (same token).
        deps.log(`request ${requestId}: the outcome of CreateVpcEndpoint is still unknown (${error.code}); leaving it to the sweep`);
        request = await write((current) => patched(current, { lease: { owner, until: deps.now().toISOString() } }));
        await refreshMessage(deps, request, { kind: 'outcome-unknown', code: error.code });
        await postInThread(deps, request, { kind: 'still-unknown', code: error.code });
        return { kind: 'stop' };
      }
      deps.log(`request ${requestId}: CreateVpcEndpoint outcome unknown (${error.code}); repeating with the same token`);
      request = await write((current) => patched(current, { lease: { owner, until: leaseUntil() } }));
      await refreshMessage(deps, request, { kind: 'outcome-unknown', code: error.code });
      await timing.sleep(Math.min(wait, Math.max(0, timeLeft)));
      wait = Math.min(timing.maxPollMs, Math.round(wait * 1.5));
    }
  }

  async function settleEndpoint(described: Endpoint, outcome: RequestState): Promise<void> {
    const service = await deps.ec2.describeServices(p.region, [p.serviceName], undefined, p.serviceRegion ? [p.serviceRegion] : undefined).then(
      (found) => found[0],
      () => undefined,
    );
    const patch: Patch = { endpointState: described.state, dns: dnsNames(described, p.privateDns !== 'off' ? service?.privateDnsName : undefined) };
    if (outcome === 'available') {
      await finish('available', patch, { kind: 'available', endpointId }, { kind: 'available' });
    } else if (outcome === 'pending-acceptance') {
      const serviceOwner = service?.owner && service.owner !== 'amazon' ? service.owner : '';
      await finish('pending-acceptance', patch, { kind: 'pending-acceptance', endpointId, serviceOwner }, { kind: 'pending-acceptance', serviceOwner });
    } else if (described.state.toLowerCase() === 'partial') {
      // The endpoint exists in some subnets: keep its id, name the subnets it lacks when EC2 shows them.
      const missing = p.subnetIds.filter((id) => described.subnetIds.length > 0 && !described.subnetIds.includes(id));
      const failure = { code: 'EndpointPartial', message: missing.length > 0 ? missing.join(', ') : (described.lastError?.message ?? '') };
      await finish('failed', { ...patch, failure }, ...failed);
    } else {
      const failure = { code: described.lastError?.code ?? described.state, message: described.lastError?.message ?? '' };
      await finish('failed', { ...patch, failure }, ...failed);
    }
  }
}
