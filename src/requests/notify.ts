/**
 * The notifier port: what the use cases (submit, decide, cancel, the create job, the sweep) have to say to people,
 * as data. The Slack notifier (src/slack/notifier.ts) renders it in the channel's words and posts, redraws or sends
 * it as a direct message; nothing here knows the catalog, the views or Block Kit. Every method may throw (a
 * `SlackError` from the Slack port); the use cases decide which failures matter.
 */
import type { ClickOrigin } from './types.js';
import type { EndpointRequest } from './model.js';

/** The worker's progress line on the card while it creates and polls. `elapsed` is m:ss since the `creating` step. */
export type Progress =
  | { kind: 'starting'; elapsed: string }
  | { kind: 'endpoint'; endpointId: string; state: string; elapsed: string }
  | { kind: 'outcome-unknown'; code: string };

/** A line in the approval card's thread, which everyone in the approvals channel reads. */
export type ThreadNote =
  | { kind: 'approved'; by: string }
  | { kind: 'rejected'; by: string }
  | { kind: 'cancelled'; by: string }
  | { kind: 'expired' }
  | { kind: 'created'; endpointId: string }
  | { kind: 'adopted'; endpointId: string }
  | { kind: 'endpoint-state'; endpointId: string; state: string; elapsed: string }
  | { kind: 'still-unknown'; code: string }
  | { kind: 'available'; endpointId: string }
  | { kind: 'pending-acceptance'; endpointId: string; serviceOwner: string }
  | { kind: 'accepted'; endpointId: string }
  | { kind: 'failed' }
  /** The create job starts acting in a member account: which one, by alias and 12-digit id. */
  | { kind: 'creating-in-account'; account: string; accountId: string; region: string }
  /** A call to the approvers while the request waits: at about half its time, and shortly before it expires. */
  | { kind: 'reminder'; which: Reminder };

export type Reminder = 'half' | 'final';

/** What the requester is told by direct message, once per outcome (the request records each one sent). */
export type RequesterNotice =
  | { kind: 'approved' }
  | { kind: 'rejected' }
  | { kind: 'available' }
  | { kind: 'pending-acceptance'; serviceOwner: string }
  | { kind: 'failed' }
  | { kind: 'expired' };

/** The key a notice is recorded under in `EndpointRequest.notified`: one per outcome, one per reminder. */
export type NoticeKey = RequesterNotice['kind'] | `reminder-${Reminder}`;

export interface Notifier {
  /**
   * Posts the approval card in `channel` (calling the approvers): where it landed, or, when nobody can see it there
   * (the bot not in the channel, the channel gone or archived), the platform's code for why.
   */
  postCard(channel: string, request: EndpointRequest): Promise<{ channel: string; ts: string } | { unreachable: string }>;
  /** Redraws the card at `request.message` from the record, with the worker's progress line if given. */
  drawCard(request: EndpointRequest, progress?: Progress): Promise<void>;
  /** Whether two records draw the same card (bookkeeping such as the lease aside). Pure: draws nothing. */
  sameCard(a: EndpointRequest, b: EndpointRequest): boolean;
  /** Redraws a copy of the card that does not count (another channel, a re-post) without its buttons. */
  voidCopy(request: EndpointRequest, origin: ClickOrigin): Promise<void>;
  /** Posts `note` in the card's thread. */
  thread(request: EndpointRequest, note: ThreadNote): Promise<void>;
  /** Sends `notice` to the requester as a direct message. */
  dm(request: EndpointRequest, notice: RequesterNotice): Promise<void>;
}
