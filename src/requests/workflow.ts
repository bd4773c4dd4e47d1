/**
 * The approval workflow: submit (preflight, store, post), decideRequest (approve, reject), cancel. Every state change
 * is a conditional write, so double clicks, concurrent approvers and retried deliveries produce one outcome.
 */
import { type Account, type Ec2For, accountsOf, findAccount, suggestAlias } from '../accounts/model.js';
import type { ApprovalConfig, Config } from '../config.js';
import { Ec2Error, type Ec2Api } from '../endpoints/ec2-api.js';
import type { RegionPolicy } from '../endpoints/lookups.js';
import { preflightPassed, runPreflight } from '../endpoints/preflight.js';
import type { ClickOrigin, DecisionAction, DecisionSummary, JobQueue, Submission } from '../jobs/job.js';

export type { ClickOrigin, DecisionAction, DecisionSummary, Submission } from '../jobs/job.js';
import { CHANNEL_PROBLEMS, SlackError, type SlackErrorCode, type SlackPort } from '../slack/port.js';
import type { PreflightCheck } from '../aws/endpoint.js';
import type { NoticeKey, Notifier, Progress, Reminder, RequesterNotice, ThreadNote } from './notify.js';
import { accountStanding, isExpired, newRequest, requestIdFor, transition, type EndpointRequest, type Patch, type RequestState } from './model.js';
import { VersionConflict, patched, type RequestStore } from './store.js';

export interface WorkflowDependencies {
  store: RequestStore;
  ec2: Ec2Api;
  /** Slack queries (who is in the approver group); what is said to people goes through `notifier`. */
  slack: SlackPort;
  /** The approval card, its thread and the requester's direct messages, in the channel's language (LOCALE). */
  notifier: Notifier;
  jobs: JobQueue;
  approvals: ApprovalConfig;
  regions: RegionPolicy;
  now: () => Date;
  log: (message: string, error?: unknown) => void;
  /** Member accounts (ACCOUNTS): the EC2 port of each, and the allow-list re-checked at approval and creation. */
  ec2For?: AccountEc2;
  accounts?: readonly Account[];
  /** Reader allow-lists exist (READER_*): refusals name no configured alias. */
  quietAccounts?: boolean;
}

/**
 * The EC2 port acting in a configured account (services.ec2For). `create`: the worker's create session there, which
 * the member role's create statements require (deploy/member-role.yml).
 */
export type AccountEc2 = Ec2For;

/** The EC2 port a request acts through: its member account's (in `onBehalfOf`'s name) or, absent, the bot's own. */
export function ec2InAccount(
  deps: Pick<WorkflowDependencies, 'ec2' | 'ec2For'>,
  account: string | undefined,
  onBehalfOf: string | undefined,
  purpose: 'read' | 'create',
): Ec2Api {
  if (!account) return deps.ec2;
  if (!deps.ec2For) throw new Ec2Error('AccountNotConfigured', `${account} is not in ACCOUNTS`, 'sts:AssumeRole', '', account);
  return deps.ec2For(account, onBehalfOf, purpose);
}

/** The workflow's dependencies from the services a listener or the worker already has. */
export function workflowDependencies(
  services: { config: Config; ec2: Ec2Api; store: RequestStore; jobs: JobQueue; now: () => Date; ec2For?: AccountEc2 },
  slack: SlackPort,
  logger: { info: (message: string) => void; error: (message: string, error?: unknown) => void },
  notifier: Notifier,
): WorkflowDependencies {
  return {
    store: services.store,
    ec2: services.ec2,
    slack,
    notifier,
    jobs: services.jobs,
    approvals: services.config.approvals,
    regions: services.config,
    now: services.now,
    log: (message, error) => (error ? logger.error(message, error) : logger.info(message)),
    ...(services.ec2For && { ec2For: services.ec2For }),
    ...(services.config.accounts && { accounts: services.config.accounts }),
    ...(services.config.readers && { quietAccounts: true }),
  };
}

export function approvalsConfigured(approvals: ApprovalConfig): boolean {
  return Boolean(approvals.channelId && (approvals.userIds.length > 0 || approvals.usergroupId));
}

/**
 * Re-reads and retries a versioned write until it lands or `change` declines (returns undefined).
 * `changed` says whether this call wrote: the record alone cannot tell a win from someone else's write.
 * `read`, a copy the caller has just read, saves the first read: the write is still conditional on its version.
 */
export async function updateRequest(
  store: RequestStore,
  id: string,
  change: (current: EndpointRequest) => EndpointRequest | undefined,
  read?: EndpointRequest,
): Promise<{ request: EndpointRequest; changed: boolean } | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = attempt === 0 && read?.id === id ? read : await store.get(id);
    if (!current) return undefined;
    const next = change(current);
    if (!next) return { request: current, changed: false };
    try {
      await store.replace(next);
      return { request: next, changed: true };
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
    }
  }
  throw new VersionConflict(id);
}

/**
 * Redraws the approval message from the stored record, read fresh: a caller holding an older copy (a worker whose
 * lease lapsed, a sweep's listing) cannot draw the card backwards. `progress` is drawn only while the record is
 * still the one the caller passed. After drawing, the record is read again; if it changed meanwhile (another
 * writer may have drawn before this update landed), the card is drawn again from the newer record. A failed
 * update is never fatal: the record is marked `messageStale` and the sweep redraws it later.
 */
export async function refreshMessage(
  deps: Pick<WorkflowDependencies, 'notifier' | 'log' | 'store'>,
  request: EndpointRequest,
  progress?: Progress,
): Promise<void> {
  const reread = async (fallback: EndpointRequest) => (await deps.store.get(request.id).catch(() => undefined)) ?? fallback;
  let fresh = await reread(request);
  if (!fresh.message) return;
  let line = fresh.version === request.version ? progress : undefined;
  let stale = false;
  for (let round = 0; round < 3; round++) {
    const drawn = fresh;
    try {
      await deps.notifier.drawCard(drawn, line);
      stale = false;
    } catch (error) {
      deps.log(`could not update the approval message of ${request.id}`, error);
      stale = true;
      break;
    }
    fresh = await reread(drawn);
    if (deps.notifier.sameCard(fresh, drawn)) break;
    line = undefined;
  }
  if (Boolean(fresh.messageStale) === stale) return;
  try {
    await updateRequest(deps.store, request.id, (current) => (Boolean(current.messageStale) === stale ? undefined : patched(current, { messageStale: stale })));
  } catch (error) {
    deps.log(`could not record whether the message of ${request.id} is stale`, error);
  }
}

/** Posts in the card's thread; a failure is logged, never fatal (the card itself carries the state). */
export async function postInThread(deps: Pick<WorkflowDependencies, 'notifier' | 'log'>, request: EndpointRequest, note: ThreadNote): Promise<void> {
  if (!request.message) return;
  try {
    await deps.notifier.thread(request, note);
  } catch (error) {
    deps.log(`could not post in the thread of ${request.id}`, error);
  }
}

/**
 * Records `key` in the request unless it is there already; true when this call recorded it (and so must say it).
 * Recorded before it is said: a retried job or a second worker finds the key and stays quiet, so nobody is told
 * twice; a crash between the write and the message loses that one message (logged), which beats repeating it.
 */
async function claimNotice(deps: Pick<WorkflowDependencies, 'store' | 'log'>, id: string, key: NoticeKey): Promise<EndpointRequest | undefined> {
  try {
    const result = await updateRequest(deps.store, id, (current) =>
      current.notified?.includes(key) ? undefined : patched(current, { notified: [...(current.notified ?? []), key] }),
    );
    return result?.changed ? result.request : undefined;
  } catch (error) {
    deps.log(`request ${id}: could not record that ${key} was said; not saying it`, error);
    return undefined;
  }
}

/**
 * Tells the requester by direct message, once per outcome, after the outcome is recorded. A failed message is
 * logged and never fails the workflow. Gives the record as this call left it (the note of what was said bumps its
 * version), or `request` when it wrote nothing.
 */
export async function tellRequester(
  deps: Pick<WorkflowDependencies, 'notifier' | 'store' | 'log'>,
  request: EndpointRequest,
  notice: RequesterNotice,
): Promise<EndpointRequest> {
  const claimed = await claimNotice(deps, request.id, notice.kind);
  if (!claimed) return request;
  try {
    await deps.notifier.dm(claimed, notice);
  } catch (error) {
    deps.log(`request ${request.id}: could not tell the requester (${notice.kind}) by direct message`, error);
  }
  return claimed;
}

/** Calls the approvers in the card's thread, once per reminder. */
export async function remindApprovers(
  deps: Pick<WorkflowDependencies, 'notifier' | 'store' | 'log'>,
  request: EndpointRequest,
  which: Reminder,
): Promise<boolean> {
  const claimed = await claimNotice(deps, request.id, `reminder-${which}`);
  if (!claimed) return false;
  await postInThread(deps, claimed, { kind: 'reminder', which });
  return true;
}

/** What a submission came to; the worker says it to the requester. */
export type SubmitOutcome =
  | { kind: 'not-configured' }
  | { kind: 'preflight-failed'; checks: PreflightCheck[] }
  /** `account=` names no configured ACCOUNTS alias (the suggestion only where readers may learn the aliases). */
  | { kind: 'unknown-account'; alias: string; suggestion?: string }
  /** A repeated delivery of a submission that was withdrawn meanwhile: nothing posted. */
  | { kind: 'already-decided'; request: EndpointRequest }
  /** The approvals channel cannot be posted to: the request was withdrawn. */
  | { kind: 'channel-problem'; channel: string; code: SlackErrorCode }
  | { kind: 'posted'; request: EndpointRequest & { message: { channel: string; ts: string } } };

export async function submitRequest(deps: WorkflowDependencies, submission: Submission): Promise<SubmitOutcome> {
  const channel = deps.approvals.channelId;
  if (!channel || !approvalsConfigured(deps.approvals)) return { kind: 'not-configured' };
  const id = requestIdFor(submission.submissionKey);
  const existing = await deps.store.get(id);
  let request = existing;
  // A member account must be configured: the grammar cannot know ACCOUNTS, so it is checked here, before any call.
  const alias = submission.spec.account;
  const account = alias ? findAccount(deps.accounts, alias) : undefined;
  if (!request && alias && !account) {
    const suggestion = deps.quietAccounts ? undefined : suggestAlias(alias, deps.accounts);
    return { kind: 'unknown-account', alias, ...(suggestion && { suggestion }) };
  }
  if (!request) {
    const ec2 = ec2InAccount(deps, alias, submission.requester, 'create');
    const { params, checks } = await runPreflight(submission.spec, ec2, deps.regions, { requestId: id, requester: submission.requester });
    if (!params || !preflightPassed(checks)) return { kind: 'preflight-failed', checks };
    request = newRequest({
      id,
      requester: submission.requester,
      ...(submission.spec.reason && { reason: submission.spec.reason }),
      params,
      preflight: checks,
      now: deps.now(),
      ttlHours: deps.approvals.ttlHours,
      ...(account && { account: { alias: account.alias, ...(account.accountId && { accountId: account.accountId }) } }),
    });
    if (!(await deps.store.create(request))) request = (await deps.store.get(id))!;
  }
  if (!request.message && request.state !== 'pending') return { kind: 'already-decided', request };
  if (!request.message) {
    let posted: { channel: string; ts: string };
    try {
      posted = await deps.notifier.postCard(channel, request);
    } catch (error) {
      if (!(error instanceof SlackError) || !CHANNEL_PROBLEMS.includes(error.code)) throw error;
      const code = error.code;
      // Nobody can see this request: withdraw it, and tell the requester what an admin must do.
      await updateRequest(deps.store, id, (current) =>
        current.state === 'pending' ? transition(current, 'cancelled', 'system', deps.now(), {}, code) : undefined,
      );
      return { kind: 'channel-problem', channel, code };
    }
    const message = { channel: posted.channel, ts: posted.ts };
    request = (await updateRequest(deps.store, id, (current) => (current.message ? undefined : patched(current, { message }))))!.request;
  }
  return { kind: 'posted', request: request as EndpointRequest & { message: { channel: string; ts: string } } };
}

export type DecisionOutcome =
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: 'not-approver' | 'requester' }
  | { kind: 'region-not-allowed'; request: EndpointRequest; allowed: string[] }
  /** Its account left ACCOUNTS, or its alias names another account, since the request was filed. */
  | { kind: 'account-not-allowed'; request: EndpointRequest }
  | { kind: 'foreign-copy'; request: EndpointRequest }
  /** `moved`: this call moved it to expired (its message and thread still need telling). */
  | { kind: 'expired'; request: EndpointRequest; moved?: boolean }
  | { kind: 'already'; request: EndpointRequest }
  | { kind: 'decided'; request: EndpointRequest };

export function regionAllowed(region: string, policy: RegionPolicy): boolean {
  return !policy.allowedRegions || policy.allowedRegions.includes(region);
}

/** A click counts only on the message the request recorded; any other copy (another channel, a re-post) does not. */
function onRecordedMessage(request: EndpointRequest, origin: ClickOrigin | undefined): boolean {
  return Boolean(request.message && origin && request.message.channel === origin.channel && request.message.ts === origin.ts);
}

/** Redraws a copy that does not count (its buttons gone), so nobody clicks it again. */
async function voidCopy(deps: Pick<WorkflowDependencies, 'notifier' | 'log'>, request: EndpointRequest, origin: ClickOrigin): Promise<void> {
  try {
    await deps.notifier.voidCopy(request, origin);
  } catch (error) {
    deps.log(`could not void a copy of ${request.id} in ${origin.channel}`, error);
  }
}

export function summarize(outcome: DecisionOutcome): DecisionSummary {
  return {
    kind: outcome.kind,
    ...(outcome.kind === 'refused' && { reason: outcome.reason }),
    ...(outcome.kind === 'expired' && outcome.moved && { moved: true }),
    ...(outcome.kind === 'region-not-allowed' && { allowed: outcome.allowed }),
  };
}

export async function restoreOutcome(store: RequestStore, id: string, summary: DecisionSummary): Promise<DecisionOutcome> {
  if (summary.kind === 'not-found') return { kind: 'not-found' };
  if (summary.kind === 'refused') return { kind: 'refused', reason: summary.reason ?? 'not-approver' };
  const request = await store.get(id);
  if (!request) return { kind: 'not-found' };
  if (summary.kind === 'region-not-allowed') return { kind: 'region-not-allowed', request, allowed: summary.allowed ?? [] };
  return summary.kind === 'expired' ? { kind: 'expired', request, ...(summary.moved && { moved: true }) } : { kind: summary.kind, request };
}

export async function isApprover(deps: Pick<WorkflowDependencies, 'approvals' | 'slack'>, user: string): Promise<boolean> {
  if (deps.approvals.userIds.includes(user)) return true;
  if (!deps.approvals.usergroupId) return false;
  return (await deps.slack.usergroupMembers(deps.approvals.usergroupId)).includes(user);
}

/**
 * Moves a pending request to `to` if it is still pending (or to `expired` if its time is up); the loser of a
 * race gets `already`. A conflicting write that left it pending (e.g. the message being recorded) is retried.
 */
async function closePending(
  deps: WorkflowDependencies,
  id: string,
  to: RequestState,
  actor: string,
  patch: Patch,
  read?: EndpointRequest,
): Promise<DecisionOutcome> {
  const now = deps.now();
  const result = await updateRequest(
    deps.store,
    id,
    (current) => {
      if (current.state !== 'pending') return undefined;
      if (to !== 'cancelled' && isExpired(current, now)) return transition(current, 'expired', 'system', now);
      return transition(current, to, actor, now, patch);
    },
    read,
  );
  if (!result) return { kind: 'not-found' };
  const { request, changed } = result;
  if (!changed) return request.state === 'expired' && to !== 'cancelled' ? { kind: 'expired', request } : { kind: 'already', request };
  if (request.state === 'expired') return { kind: 'expired', request, moved: true };
  return { kind: 'decided', request };
}

/**
 * The decision's slow half is split off so that Slack's answer need not wait for it: `mayDecide` (the message
 * check, the approver check, which may ask Slack, and the region check) and `recordDecision` (the conditional
 * write) decide; `followUp` (redraws, thread, hand-off to the worker) can then run in a job. `decide` and
 * `cancel` do all of it in one go.
 */
export async function mayDecide(
  deps: Pick<WorkflowDependencies, 'store' | 'approvals' | 'slack' | 'regions' | 'accounts'>,
  id: string,
  actor: string,
  decision: 'approve' | 'reject',
  origin: ClickOrigin | undefined,
): Promise<DecisionOutcome | undefined> {
  return (await checkDecision(deps, id, actor, decision, origin)).refusal;
}

/** `mayDecide`, also giving the record it read, which `recordDecision` can write from (one read per click). */
export async function checkDecision(
  deps: Pick<WorkflowDependencies, 'store' | 'approvals' | 'slack' | 'regions' | 'accounts'>,
  id: string,
  actor: string,
  decision: 'approve' | 'reject',
  origin: ClickOrigin | undefined,
): Promise<{ refusal?: DecisionOutcome; read?: EndpointRequest }> {
  const request = await deps.store.get(id);
  if (!request) return { refusal: { kind: 'not-found' } };
  if (!onRecordedMessage(request, origin)) return { refusal: { kind: 'foreign-copy', request } };
  if (actor === request.requester) return { refusal: { kind: 'refused', reason: 'requester' } };
  if (!(await isApprover(deps, actor))) return { refusal: { kind: 'refused', reason: 'not-approver' } };
  // The allow-list may have changed since the request was filed: an approval may not send it to a region now refused.
  if (decision === 'approve' && !regionAllowed(request.params.region, deps.regions)) {
    return { refusal: { kind: 'region-not-allowed', request, allowed: deps.regions.allowedRegions ?? [] } };
  }
  // So may the account allow-list (ACCOUNTS): an approval may not send it to an account removed or re-pointed.
  if (decision === 'approve' && accountStanding(request, accountsOf(deps.accounts)) !== 'ok') return { refusal: { kind: 'account-not-allowed', request } };
  return { read: request };
}

/**
 * The conditional write; `read` (from `checkDecision`) saves a read, the write staying conditional on its version.
 * `reason`: a rejection's reason (from the Reject modal), kept with the decision.
 */
export function recordDecision(
  deps: WorkflowDependencies,
  id: string,
  actor: string,
  decision: 'approve' | 'reject',
  read?: EndpointRequest,
  reason?: string,
): Promise<DecisionOutcome> {
  const patch: Patch = { decidedBy: actor, ...(decision === 'reject' && reason && { decisionReason: reason }) };
  return closePending(deps, id, decision === 'approve' ? 'approved' : 'rejected', actor, patch, read);
}

/** Cancelling needs no Slack call: the requester check and the write. */
export async function recordCancel(deps: WorkflowDependencies, id: string, actor: string): Promise<DecisionOutcome> {
  const request = await deps.store.get(id);
  if (!request) return { kind: 'not-found' };
  if (actor !== request.requester) return { kind: 'refused', reason: 'not-approver' };
  return closePending(deps, id, 'cancelled', actor, {}, request);
}

export async function followUp(
  deps: WorkflowDependencies,
  outcome: DecisionOutcome,
  action: DecisionAction,
  actor: string,
  origin?: ClickOrigin,
): Promise<void> {
  if (outcome.kind === 'foreign-copy') {
    if (origin) await voidCopy(deps, outcome.request, origin);
    return;
  }
  if (outcome.kind === 'expired' && outcome.moved) {
    await refreshMessage(deps, outcome.request);
    await postInThread(deps, outcome.request, { kind: 'expired' });
    await tellRequester(deps, outcome.request, { kind: 'expired' });
    return;
  }
  if (outcome.kind !== 'decided') return;
  const decided = outcome.request;
  await refreshMessage(deps, decided);
  if (action === 'approve') {
    try {
      await deps.jobs.enqueue({ kind: 'create', requestId: decided.id });
    } catch (error) {
      // The request stays `approved`; the worker's sweep picks it up.
      deps.log(`could not hand ${decided.id} to the worker`, error);
    }
  } else if (action === 'reject') {
    await postInThread(deps, decided, { kind: 'rejected', by: actor });
    await tellRequester(deps, decided, { kind: 'rejected' });
  } else {
    await postInThread(deps, decided, { kind: 'cancelled', by: actor });
  }
}

export async function decideRequest(
  deps: WorkflowDependencies,
  id: string,
  actor: string,
  decision: 'approve' | 'reject',
  origin: ClickOrigin | undefined,
  reason?: string,
): Promise<DecisionOutcome> {
  const checked = await checkDecision(deps, id, actor, decision, origin);
  const outcome = checked.refusal ?? (await recordDecision(deps, id, actor, decision, checked.read, reason));
  await followUp(deps, outcome, decision, actor, origin);
  return outcome;
}

export async function cancel(deps: WorkflowDependencies, id: string, actor: string): Promise<DecisionOutcome> {
  const outcome = await recordCancel(deps, id, actor);
  await followUp(deps, outcome, 'cancel', actor);
  return outcome;
}
