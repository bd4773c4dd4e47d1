/**
 * The Slack notifier: the notifier port (src/requests/notify.ts) over the Slack port. It draws with the views in
 * the channel's catalog (LOCALE), posts the approval card and its thread in the approvals channel, and sends the
 * requester's direct messages, in the requester's language (`wordsOf`: their `/privatelink lang`, read when the
 * message is sent, else LOCALE). Errors come from the Slack port already normalized (`SlackError`); the WebClient
 * under it retries rate-limited calls after Retry-After.
 *
 * A direct message is `chat.postMessage` with `channel` set to the user's id: Slack posts it in the app's DM
 * with that user (the app's Messages tab), and it needs only `chat:write`
 * (https://docs.slack.dev/reference/methods/chat.postMessage, "channel").
 */
import type { ApprovalConfig } from '../config.js';
import type { Messages } from '../i18n.js';
import type { Notifier } from '../requests/notify.js';
import type { Approvers } from '../requests/types.js';
import { CHANNEL_PROBLEMS, SlackError, type SlackPort } from './port.js';
import { approverMentions, calledCard, progressLine, requesterNoticeView, threadNoteText } from './views/notices.js';
import { message, section } from './views/blocks.js';
import { requestMessage, voidCopyView } from './views/requests.js';

export function slackNotifier(
  slack: SlackPort,
  msg: Messages,
  approvals: Pick<ApprovalConfig, 'userIds' | 'usergroupId'>,
  wordsOf: (user: string) => Promise<Messages> = async () => msg,
): Notifier {
  const approvers = approverMentions(approvals);
  return {
    async postCard(channel, request) {
      try {
        return await slack.postMessage(channel, calledCard(requestMessage(request, {}, msg), approvers, msg));
      } catch (error) {
        if (error instanceof SlackError && CHANNEL_PROBLEMS.includes(error.code)) return { unreachable: error.code };
        throw error;
      }
    },
    async drawCard(request, progress) {
      if (!request.message) return;
      const line = progress && progressLine(progress, msg);
      await slack.update(request.message.channel, request.message.ts, requestMessage(request, line ? { line } : {}, msg));
    },
    sameCard: (a, b) => JSON.stringify(requestMessage(a, {}, msg)) === JSON.stringify(requestMessage(b, {}, msg)),
    async voidCopy(request, origin) {
      await slack.update(origin.channel, origin.ts, voidCopyView(request, msg));
    },
    async thread(request, note) {
      if (!request.message) return;
      const text = threadNoteText(request, note, msg, approvers);
      await slack.postMessage(request.message.channel, message(text, [section(text)]), request.message.ts);
    },
    async dm(request, notice) {
      // A preference that cannot be read leaves the message in the channel's language rather than unsent.
      const words = await wordsOf(request.requester).catch(() => msg);
      await slack.postMessage(request.requester, requesterNoticeView(request, notice, words));
    },
  };
}

/** The approver port over Slack: the listed approvers, and the members of the approvers' user group. */
export function slackApprovers(slack: Pick<SlackPort, 'usergroupMembers'>, approvals: Pick<ApprovalConfig, 'userIds' | 'usergroupId'>): Approvers {
  return {
    async isApprover(user) {
      if (approvals.userIds.includes(user)) return true;
      if (!approvals.usergroupId) return false;
      return (await slack.usergroupMembers(approvals.usergroupId)).includes(user);
    },
  };
}
