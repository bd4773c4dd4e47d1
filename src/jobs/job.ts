/**
 * The job port: what the Slack function hands to the worker (on Lambda, the JSON payload of an asynchronous
 * invocation) and the queue interface use cases enqueue through. The adapters are in queue.ts.
 */
import type { ClickOrigin, DecisionAction, DecisionSummary, Submission } from '../requests/types.js';
import type { Locale } from '../locale.js';

/** Where a job's answer goes: the slash command's response_url, or a direct message (modal submissions). */
export type ReplyTo = { responseUrl: string } | { userId: string };

/** A click in the compare walkthrough: an answer, Back, Start over, the 2018 changes unfolded, or Share in channel. */
export type CompareStep = 'answer' | 'back' | 'restart' | 'changes' | 'share';

export type Job =
  | {
      kind: 'lookup';
      text: string;
      userId: string;
      responseUrl: string;
      /** The user's language, when not LOCALE. */
      locale?: Locale;
      /** READER_*: Slack did not say in time whether the user may read; the worker checks before it looks up. */
      readerCheck?: boolean;
    }
  | { kind: 'submit'; submission: Submission; replyTo: ReplyTo }
  | { kind: 'create'; requestId: string }
  | { kind: 'sweep' }
  /**
   * A compare click whose answer could not be posted while Slack waited (a Share always: it is posted in the channel
   * once, by the worker). `value` is the button's, `user` the clicker.
   */
  | { kind: 'compare'; step: CompareStep; value: string; user: string; responseUrl: string; locale?: Locale }
  /** The `requests` list's More: a page not posted while Slack waited. `value` is the button's (filter and offset). */
  | { kind: 'requests-page'; value: string; user: string; responseUrl: string; locale?: Locale }
  /**
   * Draws a user's App Home (opened, or after a click on it). `notice` is what the click came to, one line of mrkdwn
   * the Slack function wrote from the catalog in the user's language (`locale`).
   */
  | { kind: 'home'; userId: string; notice?: string; locale?: Locale }
  /**
   * What a click or `cancel` leaves to do after Slack's answer: redraw the approval message, tell the thread,
   * hand an approved request on, answer the clicker at `responseUrl`. Without `outcome` the decision itself is left
   * to the job (the approver check did not finish in time).
   */
  | {
      kind: 'decision';
      action: DecisionAction;
      requestId: string;
      actor: string;
      responseUrl?: string;
      outcome?: DecisionSummary;
      origin?: ClickOrigin;
      /** A rejection's reason, from the Reject modal (user text). */
      reason?: string;
    };

export interface JobQueue {
  /** Hands the job over; `signal` gives up on a hand-off that cannot finish before Slack's deadline. */
  enqueue(job: Job, options?: { signal?: AbortSignal }): Promise<void>;
  /** Gets ready to enqueue (loads the Lambda client), so that a hand-off under Slack's deadline does not pay for it. */
  prepare?(): void;
}
