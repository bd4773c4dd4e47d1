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
import { checkApproval } from './approval.js';
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
const REGION_NOT_ALLOWED = 'RegionNotAllowed';

/** The worker's failure code for an approval it could not verify; the message is the `ApprovalProblem`. */
export const APPROVAL_NOT_VERIFIED = 'ApprovalNotVerified';

/** CreateVpcEndpoint calls in one run of the job (each with the SDK's own retries); then the sweep's next round. */
const CREATE_ATTEMPTS_PER_RUN = 3;

/** The tag that names the request on its endpoint; the lookup after a lost answer filters on it. */
const REQUEST_TAG = TAG_KEYS.request;

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

function outcomeUnknown(error: Ec2Error): boolean {
  return OUTCOME_UNKNOWN.has(error.code);
}

/** The endpoint carrying this request's tag, if EC2 can say; the tag is checked here too, not only by the filter. */
async function findByRequestTag(
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

/** Waits before each retry or poll: first `firstPollMs`, then growing by half up to `maxPollMs`, never past `deadline`. */
function backoff(timing: CreateTiming, deadline: number, now: () => Date): () => Promise<void> {
  let wait = timing.firstPollMs;
  return async () => {
    await timing.sleep(Math.min(wait, Math.max(0, deadline - now().getTime())));
    wait = Math.min(timing.maxPollMs, Math.round(wait * 1.5));
  };
}

const FAILED = [{ kind: 'failed' }, { kind: 'failed' }] as const;

/** The create job: claim the request, check it may still be created, create (or adopt) the endpoint, follow it. */
export async function runCreateJob(deps: WorkflowDependencies, requestId: string, timing: CreateTiming = DEFAULT_TIMING): Promise<void> {
  const run = await CreateRun.claim(deps, requestId, timing);
  if (!run || !(await run.mayCreate())) return;
  if (!run.request.endpointId && !(await run.createEndpoint())) return;
  await run.follow();
}

/** One worker's run on one request: every write lands only while it holds the request's lease. */
class CreateRun {
  /** The endpoint as EC2 last described it in this run. */
  private endpoint: Endpoint | undefined;

  private constructor(
    private deps: WorkflowDependencies,
    private readonly timing: CreateTiming,
    private readonly owner: string,
    public request: EndpointRequest,
    private readonly firstClaim: boolean,
  ) {}

  /** Claim: approved → creating, or take over a `creating` request whose worker's lease ran out. */
  static async claim(deps: WorkflowDependencies, requestId: string, timing: CreateTiming): Promise<CreateRun | undefined> {
    const owner = randomUUID();
    const lease = () => ({ owner, until: new Date(deps.now().getTime() + timing.leaseMs).toISOString() });
    const free = (r: EndpointRequest) => !r.lease || r.lease.owner === owner || Date.parse(r.lease.until) <= deps.now().getTime();
    let firstClaim = false;
    const claim = await updateRequest(deps.store, requestId, (current) => {
      firstClaim = current.state === 'approved';
      if (firstClaim) return transition(current, 'creating', WORKER, deps.now(), { lease: lease() });
      if (current.state === 'creating' && free(current)) return patched(current, { lease: lease() });
      return undefined;
    });
    if (!claim?.changed) {
      deps.log(`request ${requestId}: nothing to do here (state ${claim?.request.state ?? 'missing'}, held by another worker or finished)`);
      return undefined;
    }
    const run = new CreateRun(deps, timing, owner, claim.request, firstClaim);
    // The approval is checked here, not trusted: a record written straight to the table gets nothing created.
    const problem = await checkApproval(await deps.approvalKey?.(), claim.request, (user) => deps.approvers.isApprover(user));
    if (problem) {
      deps.log(`request ${requestId}: the approval does not verify (${problem}); nothing is created`);
      await run.finish('failed', { failure: { code: APPROVAL_NOT_VERIFIED, message: problem } }, ...FAILED);
      return undefined;
    }
    if (firstClaim) {
      await postInThread(deps, run.request, { kind: 'approved', by: run.request.decidedBy ?? '' });
      run.request = await tellRequester(deps, run.request, { kind: 'approved' });
    }
    return run;
  }

  /** A member account's allow-list (ACCOUNTS) is checked again; then every call is made with its role. */
  async mayCreate(): Promise<boolean> {
    const { request } = this;
    const standing = accountStanding(request, accountsOf(this.deps.accounts));
    if (standing !== 'ok') {
      const code = standing === 'removed' ? 'AccountNotConfigured' : 'AccountChanged';
      await this.finish('failed', { failure: { code, message: request.account ?? '' } }, ...FAILED);
      return false;
    }
    if (!request.account) return true;
    this.deps = { ...this.deps, ec2: ec2InAccount(this.deps, request.account, request.requester, 'create') };
    if (this.firstClaim) {
      const note = { kind: 'creating-in-account', account: request.account, accountId: request.accountId ?? '', region: request.params.region } as const;
      await postInThread(this.deps, request, note);
    }
    return true;
  }

  /**
   * Creates the endpoint, or adopts the one an earlier run's lost create made, and records it. The region's
   * allow-list may have changed since the request was filed or approved: checked again before any create.
   */
  async createEndpoint(): Promise<boolean> {
    const { region } = this.request.params;
    let result: Awaited<ReturnType<CreateRun['createOrAdopt']>>;
    if (!regionAllowed(region, this.deps.regions)) {
      const found = await findByRequestTag(this.deps, region, this.request.id);
      if (found.kind !== 'found') {
        // The message is the allow-list; the views say it in words (failureText).
        const allowed = (this.deps.regions.allowedRegions ?? []).join(', ');
        await this.finish('failed', { failure: { code: REGION_NOT_ALLOWED, message: allowed } }, ...FAILED);
        return false;
      }
      result = { kind: 'adopted', endpoint: found.endpoint };
    } else {
      await refreshMessage(this.deps, this.request, { kind: 'starting', elapsed: this.elapsed() });
      result = await this.createOrAdopt();
    }
    if (result.kind === 'stop') return false;
    const created = result.endpoint;
    this.endpoint = created;
    this.request = await this.write((current) => patched(current, { endpointId: created.id, endpointState: created.state, lease: this.lease() }));
    await refreshMessage(this.deps, this.request, { kind: 'endpoint', endpointId: created.id, state: created.state, elapsed: this.elapsed() });
    await postInThread(this.deps, this.request, { kind: result.kind, endpointId: created.id });
    return true;
  }

  /**
   * Calls CreateVpcEndpoint until EC2 gives an answer that settles it. A lost answer (time-out, broken connection,
   * 5xx, throttling) leaves the outcome unknown: the endpoint may exist. Then, and before any failure, the
   * endpoint is looked up by its request tag and adopted if it is there; otherwise the call is repeated with the
   * same ClientToken (EC2 returns the endpoint a token already created) until the deadline. When EC2 cannot even
   * be asked, the request stays `creating`, the lease is let go and the sweep runs this again.
   */
  private async createOrAdopt(): Promise<{ kind: 'created' | 'adopted'; endpoint: Endpoint } | { kind: 'stop' }> {
    const { deps, request } = this;
    const p = request.params;
    const wait = backoff(this.timing, this.deadline(), deps.now);
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
      const found = await findByRequestTag(deps, p.region, request.id);
      if (found.kind === 'found') {
        deps.log(`request ${request.id}: CreateVpcEndpoint failed (${error.code}) but ${found.endpoint.id} carries its tag; adopting it`);
        return { kind: 'adopted', endpoint: found.endpoint };
      }
      const timeLeft = this.deadline() - deps.now().getTime();
      if (found.kind === 'absent' && (!unknown || timeLeft <= 0)) {
        await this.finish('failed', { failure: { code: error.code, message: error.message } }, ...FAILED);
        return { kind: 'stop' };
      }
      const settled = timeLeft <= 0 || attempt >= CREATE_ATTEMPTS_PER_RUN || !unknown;
      // Not settled yet: stay `creating` and let the lease go; the sweep runs the job again (same token).
      if (settled) deps.log(`request ${request.id}: the outcome of CreateVpcEndpoint is still unknown (${error.code}); leaving it to the sweep`);
      else deps.log(`request ${request.id}: CreateVpcEndpoint outcome unknown (${error.code}); repeating with the same token`);
      this.request = await this.write((current) => patched(current, { lease: settled ? this.lease(0) : this.lease() }));
      await refreshMessage(deps, this.request, { kind: 'outcome-unknown', code: error.code });
      if (settled) {
        await postInThread(deps, this.request, { kind: 'still-unknown', code: error.code });
        return { kind: 'stop' };
      }
      await wait();
    }
  }

  /** Follows the endpoint until EC2 shows a final state, or the deadline passes. */
  async follow(): Promise<void> {
    const { deps } = this;
    const endpointId = this.request.endpointId!;
    const wait = backoff(this.timing, this.deadline(), deps.now);
    for (;;) {
      const outcome = this.endpoint && endpointStates[this.endpoint.state.toLowerCase()];
      if (this.endpoint && outcome) return this.settle(this.endpoint, outcome);
      if (deps.now().getTime() >= this.deadline()) {
        return this.finish('failed', { failure: { code: 'Timeout', message: `still ${this.endpoint?.state ?? 'pending'}` } }, ...FAILED);
      }
      // Resuming with no endpoint in hand: describe at once; otherwise wait, longer each time.
      if (this.endpoint) await wait();
      let described: Endpoint | undefined;
      try {
        described = (await deps.ec2.describeEndpoints(this.request.params.region, { ids: [endpointId] }))[0];
      } catch (error) {
        if (!(error instanceof Ec2Error)) throw error;
        deps.log(`request ${this.request.id}: describe failed, will retry`, error);
      }
      if (!described) {
        // EC2 failed or does not list it yet: back off as for a poll, within the same deadline.
        await wait();
        continue;
      }
      const previous = this.request.endpointState;
      const seen = described.state;
      this.endpoint = described;
      this.request = await this.write((current) => patched(current, { endpointState: seen, lease: this.lease() }));
      // A final state is reported once, by settle.
      if (seen !== previous && !endpointStates[seen.toLowerCase()]) {
        const since = this.elapsed();
        await refreshMessage(deps, this.request, { kind: 'endpoint', endpointId, state: seen, elapsed: since });
        await postInThread(deps, this.request, { kind: 'endpoint-state', endpointId, state: seen, elapsed: since });
      }
    }
  }

  /** The endpoint's final state, with its DNS names, recorded and told. */
  private async settle(described: Endpoint, outcome: RequestState): Promise<void> {
    const p = this.request.params;
    const endpointId = this.request.endpointId!;
    const service = await this.deps.ec2.describeServices(p.region, [p.serviceName], undefined, p.serviceRegion ? [p.serviceRegion] : undefined).then(
      (found) => found[0],
      () => undefined,
    );
    const patch: Patch = { endpointState: described.state, dns: dnsNames(described, p.privateDns !== 'off' ? service?.privateDnsName : undefined) };
    if (outcome === 'available') {
      await this.finish('available', patch, { kind: 'available', endpointId }, { kind: 'available' });
    } else if (outcome === 'pending-acceptance') {
      const serviceOwner = service?.owner && service.owner !== 'amazon' ? service.owner : '';
      await this.finish('pending-acceptance', patch, { kind: 'pending-acceptance', endpointId, serviceOwner }, { kind: 'pending-acceptance', serviceOwner });
    } else if (described.state.toLowerCase() === 'partial') {
      // The endpoint exists in some subnets: keep its id, name the subnets it lacks when EC2 shows them.
      const missing = p.subnetIds.filter((id) => described.subnetIds.length > 0 && !described.subnetIds.includes(id));
      const failure = { code: 'EndpointPartial', message: missing.length > 0 ? missing.join(', ') : (described.lastError?.message ?? '') };
      await this.finish('failed', { ...patch, failure }, ...FAILED);
    } else {
      const failure = { code: described.lastError?.code ?? described.state, message: described.lastError?.message ?? '' };
      await this.finish('failed', { ...patch, failure }, ...FAILED);
    }
  }

  /** The final state: recorded, then drawn, said in the thread and told to the requester. */
  async finish(to: RequestState, patch: Patch, note: ThreadNote, notice: RequesterNotice): Promise<void> {
    this.request = await this.write((current) => transition(current, to, WORKER, this.deps.now(), { ...patch, lease: this.lease(0) }));
    await refreshMessage(this.deps, this.request);
    await postInThread(this.deps, this.request, note);
    await tellRequester(this.deps, this.request, notice);
  }

  /** A versioned write that only lands while this run holds the lease. */
  private async write(change: (current: EndpointRequest) => EndpointRequest): Promise<EndpointRequest> {
    const result = await updateRequest(this.deps.store, this.request.id, (current) => (current.lease?.owner === this.owner ? change(current) : undefined));
    if (!result?.changed) throw new VersionConflict(this.request.id);
    return result.request;
  }

  /** This run's lease, renewed for `ms` (let go at once with 0). */
  private lease(ms = this.timing.leaseMs) {
    return { owner: this.owner, until: new Date(this.deps.now().getTime() + ms).toISOString() };
  }

  /** Polling ends this long after the `creating` step, so a request never stays `creating` for ever. */
  private deadline(): number {
    return Date.parse(creatingSince(this.request)) + this.timing.deadlineMs;
  }

  private elapsed(): string {
    return elapsed(creatingSince(this.request), this.deps.now());
  }
}
