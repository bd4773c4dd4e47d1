/**
 * What the notifier says, in words: the requester's direct messages, the lines in the approval card's thread, the
 * approvers' call and reminders, the rejection-reason modal, and the answers to a submission or a click. Pure:
 * each takes the catalog it is given.
 */
import type { ModalView } from '@slack/types';
import type { ApprovalConfig } from '../../config.js';
import type { Messages } from '../../i18n.js';
import type { EndpointRequest } from '../../requests/model.js';
import type { Progress, RequesterNotice, ThreadNote } from '../../requests/notify.js';
import type { DecisionOutcome } from '../../requests/decide.js';
import type { SubmitOutcome } from '../../requests/submit.js';
import { context, message, noticeView, section, type SlackMessage } from './blocks.js';
import { costLine, dnsResult, failureText, messageLink, preflightFailedView, requesterNoteView, slackTime } from './requests.js';
import { quotedUserText } from './sanitize.js';
import { mention, usergroupMention } from '../../mrkdwn.js';

/** Who the approvers are, as Slack mentions: the user group if there is one, else each listed approver. */
export function approverMentions(approvals: Pick<ApprovalConfig, 'userIds' | 'usergroupId'>): string {
  return approvals.usergroupId ? usergroupMention(approvals.usergroupId) : approvals.userIds.map(mention).join(' ');
}

const linkOf = (request: EndpointRequest) => (request.message ? messageLink(request.message.channel, request.message.ts) : '');

/** The approver's reason, quoted as user text (it cannot pass for the bot's words), or nothing if none was given. */
function reasonLines(request: EndpointRequest, msg: Messages): string[] {
  return request.decisionReason ? [`*${msg.notify.reasonLabel}*\n${quotedUserText(request.decisionReason)}`] : [];
}

/** The direct message the requester gets for `notice`. */
export function requesterNoticeView(request: EndpointRequest, notice: RequesterNotice, msg: Messages): SlackMessage {
  const t = msg.notify;
  const link = linkOf(request);
  const endpointId = request.endpointId ?? '';
  switch (notice.kind) {
    case 'approved': {
      const text = t.dmApproved(request.id, link, request.decidedBy ?? '');
      const cost = costLine(request, msg);
      return cost ? message(text, [section(text), context(cost)]) : noticeView(text);
    }
    case 'rejected': {
      const text = t.dmRejected(request.id, link, request.decidedBy ?? '');
      return message(text, [section(`:no_entry: ${text}`), ...reasonLines(request, msg).map((line) => section(line))]);
    }
    case 'available': {
      const text = t.dmAvailable(request.id, endpointId, link);
      const names = dnsResult(request, msg);
      return message(text, [section(`:large_green_circle: ${text}`), ...(names ? [section(names)] : [])]);
    }
    case 'pending-acceptance':
      return noticeView(`:hourglass_flowing_sand: ${t.dmPendingAcceptance(request.id, endpointId, notice.serviceOwner)}`);
    case 'failed':
      return noticeView(`:red_circle: ${t.dmFailed(request.id, link, failureText(request, msg))}`);
    case 'expired':
      return noticeView(`:alarm_clock: ${t.dmExpired(request.id, link)}`);
  }
}

/** A line in the card's thread. `approvers` are called by name in reminders. */
export function threadNoteText(request: EndpointRequest, note: ThreadNote, msg: Messages, approvers: string): string {
  const r = msg.requests;
  const c = msg.create;
  switch (note.kind) {
    case 'approved':
      return r.approvedThread(note.by);
    case 'rejected':
      return [r.rejectedThread(note.by, request.requester), ...reasonLines(request, msg)].join('\n');
    case 'cancelled':
      return r.cancelledThread(note.by);
    case 'expired':
      return r.expiredThread;
    case 'created':
      return c.threadCreated(note.endpointId);
    case 'adopted':
      return msg.integrity.threadAdopted(note.endpointId);
    case 'endpoint-state':
      return c.threadState(note.endpointId, note.state, note.elapsed);
    case 'still-unknown':
      return msg.integrity.threadStillUnknown(note.code);
    case 'available':
      return c.threadAvailable(request.requester, note.endpointId);
    case 'pending-acceptance':
      return c.threadPendingAcceptance(request.requester, note.endpointId, note.serviceOwner);
    case 'accepted':
      return c.accepted(note.endpointId, request.requester);
    case 'failed':
      return c.threadFailed(request.requester, failureText(request, msg));
    case 'creating-in-account':
      return msg.memberAccounts.threadCreatingIn(note.account, note.accountId, note.region);
    case 'reminder':
      return (note.which === 'half' ? msg.notify.reminderHalf : msg.notify.reminderFinal)(approvers, slackTime(request.expiresAt));
  }
}

/** The worker's progress line on the card. */
export function progressLine(progress: Progress, msg: Messages): string {
  switch (progress.kind) {
    case 'starting':
      return msg.create.progress(undefined, msg.create.starting, progress.elapsed);
    case 'endpoint':
      return msg.create.progress(progress.endpointId, progress.state, progress.elapsed);
    case 'outcome-unknown':
      return msg.integrity.outcomeUnknown(progress.code);
  }
}

/** The approval card's first post: the card with the approvers called above it (a mention notifies only when posted). */
export function calledCard(card: SlackMessage, approvers: string, msg: Messages): SlackMessage {
  const call = msg.notify.callApprovers(approvers);
  return message(msg.punctuation.sentences(call, card.text), [context(call), ...card.blocks]);
}

/** What the requester reads after a submission. */
export function submitOutcomeView(outcome: SubmitOutcome, msg: Messages): SlackMessage {
  switch (outcome.kind) {
    case 'not-configured':
      return noticeView(msg.requests.notConfigured);
    case 'preflight-failed':
      return preflightFailedView(outcome.checks, msg);
    case 'unknown-account':
      return noticeView(
        msg.fieldError('account', { code: 'unknownAccount', value: outcome.alias, ...(outcome.suggestion && { suggestion: outcome.suggestion }) }),
      );
    case 'already-decided':
      return noticeView(msg.requests.alreadyDecided(outcome.request.id, outcome.request.state));
    case 'channel-problem':
      return noticeView(msg.requests.channelProblem(outcome.channel, outcome.code));
    case 'duplicate':
      return noticeView(msg.requests.duplicateSubmission(outcome.request.id));
    case 'posted':
      return requesterNoteView(outcome.request, outcome.request.message.channel, outcome.request.message.ts, msg);
  }
}

const verbOf = (msg: Messages, state: string): string =>
  state === 'approved' || state === 'rejected' || state === 'cancelled' || state === 'expired' ? msg.requests.verbs[state] : state;

/** The words for an outcome, shown only to the person who clicked or typed. */
/** `approvers`: who may decide, as mentions (approverMentions), named to a clicker who may not. */
export function outcomeText(outcome: DecisionOutcome, id: string, action: 'decide' | 'cancel', msg: Messages, approvers = ''): string {
  switch (outcome.kind) {
    case 'not-found':
      return msg.requests.notFound(id);
    case 'refused':
      // Whoever may not cancel a request reads what they would for a request that does not exist: `cancel` answers
      // anyone who types an id, so any other answer would tell a stranger which ids are real.
      if (action === 'cancel') return msg.requests.notFound(id);
      return outcome.reason === 'requester' ? msg.requests.refusedRequester(id) : msg.requests.refusedNotApprover(approvers);
    case 'region-not-allowed':
      return msg.integrity.approveRegionRefused(id, outcome.request.params.region, outcome.allowed.join(', '));
    case 'account-not-allowed':
      return msg.memberAccounts.approveRefused(id, outcome.request.account ?? '');
    case 'foreign-copy':
      return msg.integrity.foreignCopy(id);
    case 'expired':
      return msg.requests.expiredNow(id);
    case 'already':
      return msg.requests.alreadyDecided(id, outcome.request.state);
    case 'decided':
      return action === 'cancel' ? msg.requests.cancelled(id) : msg.punctuation.label(verbOf(msg, outcome.request.state), msg.code(id));
  }
}

export const REJECT_MODAL_ID = 'reject_reason';
export const REJECT_REASON_BLOCK = 'reason';
/** Slack's plain_text_input allows up to 3000 characters; the reason is kept short enough to quote in a message. */
export const REJECT_REASON_MAX = 500;

/**
 * What is wrong with a rejection reason as submitted (trimmed), in the approver's words, or undefined. The form
 * already stops at REJECT_REASON_MAX, but a submission need not come from the form: the same limit holds here,
 * counted in Unicode code points (never more than the UTF-16 units Slack's own counter could see).
 */
export function rejectReasonProblem(reason: string, msg: Messages): string | undefined {
  if (!reason) return msg.notify.reasonRequired;
  let length = 0;
  for (const _ of reason) length++;
  return length > REJECT_REASON_MAX ? msg.notify.reasonTooLong(length, REJECT_REASON_MAX) : undefined;
}

/** Where the Reject click came from: the submission is checked against the record exactly like the click. */
export interface RejectModalOrigin {
  requestId: string;
  channel: string;
  ts: string;
  /** Opened from the App Home: the clicker's Home is drawn again with the outcome once the form is submitted. */
  fromHome?: boolean;
}

/** The small modal Reject opens: one required plain_text input for the reason. */
export function rejectModal(origin: RejectModalOrigin, msg: Messages): ModalView {
  const m = msg.notify.rejectModal;
  return {
    type: 'modal',
    callback_id: REJECT_MODAL_ID,
    private_metadata: JSON.stringify(origin),
    title: { type: 'plain_text', text: m.title },
    submit: { type: 'plain_text', text: m.submit },
    close: { type: 'plain_text', text: m.close },
    blocks: [
      section(m.intro(origin.requestId)),
      {
        type: 'input',
        block_id: REJECT_REASON_BLOCK,
        label: { type: 'plain_text', text: m.label },
        hint: { type: 'plain_text', text: m.hint },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: REJECT_REASON_MAX },
      },
    ],
  };
}

/** The modal's origin from its private_metadata, or undefined if it is not one this bot wrote. */
export function rejectModalOrigin(privateMetadata: string | undefined): RejectModalOrigin | undefined {
  try {
    const o = JSON.parse(privateMetadata ?? '') as Partial<RejectModalOrigin>;
    return typeof o.requestId === 'string' && typeof o.channel === 'string' && typeof o.ts === 'string'
      ? { requestId: o.requestId, channel: o.channel, ts: o.ts, ...(o.fromHome === true && { fromHome: true }) }
      : undefined;
  } catch {
    return undefined;
  }
}
