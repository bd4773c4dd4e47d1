/** Submit: the preflight in the request's account, the record (once per submission), and the approval card. */
import { findAccount, suggestAlias } from '../accounts/model.js';
import type { PreflightCheck } from '../aws/endpoint.js';
import { preflightPassed, runPreflight } from '../endpoints/preflight.js';
import { newRequest, requestIdFor, transition, type EndpointRequest } from './model.js';
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
