/**
 * Decide: approve, reject or cancel a request. The click's half runs while Slack waits (`decideInTime`: the checks
 * and the conditional write, under the in-line budget); the rest (redraws, thread, the create job) is handed to
 * the worker, which finishes it (`finishDecision`). A click whose check does not finish in time leaves the decision
 * itself to the worker. One conditional write decides: double clicks and concurrent approvers get one winner.
 */
import { accountsOf } from '../accounts/model.js';
import type { Job } from '../jobs/job.js';
import { sealApproval } from './approval.js';
import { accountStanding, isExpired, transition, type EndpointRequest, type Patch, type RequestState } from './model.js';
import { patched, type RequestStore } from './store.js';
import type { ClickOrigin, DecisionAction, DecisionSummary } from './types.js';
import { postInThread, refreshMessage, regionAllowed, tellRequester, updateRequest, type WorkflowDependencies } from './workflow.js';

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
  const key = to === 'approved' ? await deps.approvalKey?.() : undefined;
  const result = await updateRequest(
    deps.store,
    id,
    (current) => {
      if (current.state !== 'pending') return undefined;
      if (to !== 'cancelled' && isExpired(current, now)) return transition(current, 'expired', 'system', now);
      const approval = to === 'approved' && key ? { approval: sealApproval(key, current, actor, current.version + 1) } : {};
      return transition(current, to, actor, now, { ...patch, ...approval });
    },
    read,
  );
  if (!result) return { kind: 'not-found' };
  const { request, changed } = result;
  if (!changed) return request.state === 'expired' && to !== 'cancelled' ? { kind: 'expired', request } : { kind: 'already', request };
  if (request.state === 'expired') return { kind: 'expired', request, moved: true };
  return { kind: 'decided', request };
}

/** Whether `actor` may decide the request now (the message, approver, region and account checks), and the record it read, which `recordDecision` writes from (one read per click). */
export async function checkDecision(
  deps: Pick<WorkflowDependencies, 'store' | 'approvers' | 'regions' | 'accounts'>,
  id: string,
  actor: string,
  decision: 'approve' | 'reject',
  origin: ClickOrigin | undefined,
): Promise<{ refusal?: DecisionOutcome; read?: EndpointRequest }> {
  const request = await deps.store.get(id);
  if (!request) return { refusal: { kind: 'not-found' } };
  if (!onRecordedMessage(request, origin)) return { refusal: { kind: 'foreign-copy', request } };
  if (actor === request.requester) return { refusal: { kind: 'refused', reason: 'requester' } };
  if (!(await deps.approvers.isApprover(actor))) return { refusal: { kind: 'refused', reason: 'not-approver' } };
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

async function followUp(deps: WorkflowDependencies, outcome: DecisionOutcome, action: DecisionAction, actor: string, origin?: ClickOrigin): Promise<void> {
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

/** A decision whose message and thread still need telling. */
export const needsFollowUp = (outcome: DecisionOutcome) => outcome.kind === 'decided' || (outcome.kind === 'expired' && Boolean(outcome.moved));

/** The part of Slack's deadline a click needs: the in-line budget, and the hand-off to the worker. */
export interface ClickBudget {
  inline<T>(work: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | undefined>;
  handOff(job: Job): Promise<boolean>;
}

export interface Click {
  action: DecisionAction;
  requestId: string;
  actor: string;
  /** The message clicked on; a click counts only on the request's recorded message. */
  origin?: ClickOrigin;
  /** A rejection's reason (the Reject form's, user text). */
  reason?: string;
  /** Where the clicker is answered: the worker tells every outcome there but an approver's own decision. */
  responseUrl?: string;
  /**
   * A click on the App Home, which has no message to be bound to: bound instead to the record's version as the Home
   * drew it, it counts as a click on the recorded message. The worker cannot check that binding, so a Home click
   * not checked in time is not handed over.
   */
  drawnVersion?: number;
}

/** What a click came to while Slack waited. */
export type ClickResult = { kind: 'outcome'; outcome: DecisionOutcome } | { kind: 'changed' | 'too-slow' | 'left-to-worker' };

/**
 * The click's decision under the in-line budget (only the check is given up on: a write, once started, is seen
 * through, so the worker never decides twice), then the rest handed over. A decision made but not handed over is
 * marked stale: the sweep redraws its message and resumes an approved request.
 */
export async function decideInTime(deps: WorkflowDependencies, click: Click, budget: ClickBudget): Promise<ClickResult> {
  const { action, requestId: id, actor, origin, drawnVersion } = click;
  const checked = await budget.inline(async (): Promise<{ refusal?: DecisionOutcome; read?: EndpointRequest } | 'changed'> => {
    if (action === 'cancel') return {};
    if (drawnVersion === undefined) return checkDecision(deps, id, actor, action, origin);
    const shown = await deps.store.get(id);
    if (!shown) return { refusal: { kind: 'not-found' } };
    if (shown.version !== drawnVersion) return 'changed';
    const check = await checkDecision(deps, id, actor, action, shown.message);
    // The write is conditional on the version this check read: it too must be the one the Home drew.
    return check.read && check.read.version !== drawnVersion ? 'changed' : check;
  });
  if (checked?.value === 'changed') return { kind: 'changed' };
  if (!checked && drawnVersion !== undefined) return { kind: 'too-slow' };
  // The write is conditional on the version the check read (no second read), so a race still has one winner.
  const outcome =
    checked &&
    (checked.value.refusal ??
      (await (action === 'cancel' ? recordCancel(deps, id, actor) : recordDecision(deps, id, actor, action, checked.value.read, click.reason))));
  if (outcome) deps.log(`request ${id}: ${action} by ${actor} → ${outcome.kind}`);
  const rest = !outcome || needsFollowUp(outcome) || click.responseUrl !== undefined || (outcome.kind === 'foreign-copy' && Boolean(origin?.channel));
  if (rest) {
    const job: Job = {
      kind: 'decision',
      action,
      requestId: id,
      actor,
      ...(click.responseUrl !== undefined && { responseUrl: click.responseUrl }),
      ...(origin && { origin }),
      ...(click.reason && { reason: click.reason }),
      ...(outcome && { outcome: summarize(outcome) }),
    };
    if (!(await budget.handOff(job))) {
      deps.log(`request ${id}: ${action} by ${actor} could not be handed over in time (${outcome ? outcome.kind : 'undecided'})`, 'refused or too slow');
      if (outcome && needsFollowUp(outcome)) await markStale(deps.store, id).catch(() => undefined);
    }
  }
  return outcome ? { kind: 'outcome', outcome } : { kind: 'left-to-worker' };
}

/** Marks the request's message for the sweep to redraw (and an approved request to resume). */
export const markStale = (store: RequestStore, id: string) =>
  updateRequest(store, id, (current) => (current.messageStale ? undefined : patched(current, { messageStale: true })));

/** The worker's half of a decision: the decision itself if the click left it, then the redraw, thread and create job. */
export async function finishDecision(deps: WorkflowDependencies, job: Extract<Job, { kind: 'decision' }>): Promise<DecisionOutcome> {
  const { action, requestId: id, actor, origin } = job;
  let outcome: DecisionOutcome;
  if (job.outcome) outcome = await restoreOutcome(deps.store, id, job.outcome);
  else if (action === 'cancel') outcome = await recordCancel(deps, id, actor);
  else {
    const checked = await checkDecision(deps, id, actor, action, origin);
    outcome = checked.refusal ?? (await recordDecision(deps, id, actor, action, checked.read, job.reason));
  }
  await followUp(deps, outcome, action, actor, origin);
  deps.log(`request ${id}: ${action} by ${actor} → ${outcome.kind}`);
  return outcome;
}
