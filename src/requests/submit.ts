/** Submit: the preflight in the request's account, the record (once per submission), and the approval card. */
import { findAccount, suggestAlias } from '../accounts/model.js';
import type { PreflightCheck } from '../aws/endpoint.js';
import { preflightPassed, runPreflight } from '../endpoints/preflight.js';
import { OPEN_STATES, canonicalJson, newRequest, requestIdFor, transition, type EndpointRequest } from './model.js';
import type { Submission } from './types.js';
import { approvalsConfigured, ec2InAccount, updateRequest, type WorkflowDependencies } from './workflow.js';
import { patched } from './store.js';

/** What a submission came to; the worker says it to the requester. */
export type SubmitOutcome =
  | { kind: 'not-configured' }
  | { kind: 'preflight-failed'; checks: PreflightCheck[] }
  /** `account=` names no configured ACCOUNTS alias (the suggestion only where readers may learn the aliases). */
  | { kind: 'unknown-account'; alias: string; suggestion?: string }
  /** A repeated delivery of a submission that was withdrawn meanwhile: nothing posted. */
  | { kind: 'already-decided'; request: EndpointRequest }
  /** The approvals channel cannot be posted to: the request was withdrawn. */
  | { kind: 'channel-problem'; channel: string; code: string }
  /** The same submission delivered again while its first delivery is still posting the card: the same request, no second card. */
  | { kind: 'duplicate'; request: EndpointRequest }
  | { kind: 'posted'; request: EndpointRequest & { message: { channel: string; ts: string } } };

/**
 * A typed create's key: the user and the normalized spec. Slack gives every delivery its own trigger_id (a double
 * Enter, a retry), so the trigger cannot tell two deliveries of one command apart; the content can.
 */
export function commandSubmissionKey(user: string, spec: Submission['spec']): string {
  return `command:${user}:${canonicalJson(spec)}`;
}

/** How long the same submission (user and normalized command, or the same modal) maps to the same request. */
export const SUBMISSION_WINDOW_MS = 10 * 60_000;

/**
 * How long a request without its card is taken to be still posting it (its first delivery at work); after that a
 * repeated delivery posts the card itself (the first was lost between the record and the post).
 */
export const CARD_GRACE_MS = 60_000;

/** The request ids a submission maps to: this window's, and the previous window's for a duplicate sent across the edge. */
export function submissionIds(submissionKey: string, now: Date): { current: string; previous: string } {
  const window = Math.floor(now.getTime() / SUBMISSION_WINDOW_MS);
  return { current: requestIdFor(`${submissionKey}|${window}`), previous: requestIdFor(`${submissionKey}|${window - 1}`) };
}

/** The request an earlier delivery of this submission made, if one was filed within the window. */
async function earlierDelivery(deps: WorkflowDependencies, submissionKey: string): Promise<EndpointRequest | undefined> {
  const now = deps.now();
  const ids = submissionIds(submissionKey, now);
  const current = await deps.store.get(ids.current);
  if (current) return current;
  const previous = await deps.store.get(ids.previous);
  return previous && now.getTime() - Date.parse(previous.createdAt) < SUBMISSION_WINDOW_MS ? previous : undefined;
}

export async function submitRequest(deps: WorkflowDependencies, submission: Submission): Promise<SubmitOutcome> {
  const channel = deps.approvals.channelId;
  if (!channel || !approvalsConfigured(deps.approvals)) return { kind: 'not-configured' };
  const existing = await earlierDelivery(deps, submission.submissionKey);
  let request = existing;
  const id = existing?.id ?? submissionIds(submission.submissionKey, deps.now()).current;
  // Only the delivery whose record landed posts the card at once; every other delivery of it answers with that request.
  let filedHere = false;
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
    filedHere = await deps.store.create(request);
    if (!filedHere) request = (await deps.store.get(id))!;
  }
  // The same text after the request was decided (within the window) is answered with that decision, not a new card.
  if (request.state !== 'pending' && (!request.message || !OPEN_STATES.includes(request.state))) return { kind: 'already-decided', request };
  if (!request.message && !filedHere && deps.now().getTime() - Date.parse(request.createdAt) < CARD_GRACE_MS) {
    return { kind: 'duplicate', request };
  }
  if (!request.message) {
    const posted = await deps.notifier.postCard(channel, request);
    if ('unreachable' in posted) {
      const code = posted.unreachable;
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
