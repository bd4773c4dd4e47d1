/**
 * The rest of a click or `cancel` after Slack has its answer: the decision itself when the approver check did not
 * finish in time, then the redraw, the thread, the hand-off of an approved request, and the clicker's answer.
 */
import type { Messages } from '../i18n.js';
import { cancel, decideRequest, followUp, restoreOutcome, type DecisionOutcome, type WorkflowDependencies } from '../requests/workflow.js';
import { outcomeText } from '../slack/views/notices.js';
import type { SlackMessage } from '../slack/views/blocks.js';
import { noticeView } from '../slack/views/blocks.js';
import type { Job } from './job.js';

export type ClickReply = (message: SlackMessage & { replace_original: boolean; response_type: 'ephemeral' }) => Promise<void>;

/** `msg`: the words of the clicker's answer (LOCALE). */
export async function runDecisionJob(
  deps: WorkflowDependencies,
  job: Extract<Job, { kind: 'decision' }>,
  reply: ClickReply | undefined,
  msg: Messages,
): Promise<void> {
  const { action, requestId: id, actor } = job;
  let outcome: DecisionOutcome;
  if (job.outcome) {
    outcome = await restoreOutcome(deps.store, id, job.outcome);
    await followUp(deps, outcome, action, actor, job.origin);
  } else {
    outcome = action === 'cancel' ? await cancel(deps, id, actor) : await decideRequest(deps, id, actor, action, job.origin, job.reason);
  }
  deps.log(`request ${id}: ${action} by ${actor} → ${outcome.kind}`);
  // An approver's own decision shows in the redrawn message; everything else is said to the clicker alone.
  if (!reply || (action !== 'cancel' && outcome.kind === 'decided')) return;
  const text = outcomeText(outcome, id, action === 'cancel' ? 'cancel' : 'decide', msg);
  await reply({ response_type: 'ephemeral', replace_original: action === 'cancel' && outcome.kind === 'decided', ...noticeView(text) });
}
