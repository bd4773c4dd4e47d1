/**
 * The job port: what the Slack function hands to the worker (on Lambda, the JSON payload of an asynchronous
 * invocation) and the queue interface use cases enqueue through. The adapters are in queue.ts.
 */
import type { CreateSpec } from '../commands/create-spec.js';
import type { Locale } from '../locale.js';

/** A create request as submitted (typed or from the modal), before preflight. */
export interface Submission {
  spec: CreateSpec;
  requester: string;
  /** Unique to one submission (Slack's trigger_id or view id): a repeated delivery maps to the same request. */
  submissionKey: string;
  /** The requester's language, for what only they see (the job crosses to the worker as data). LOCALE when not given. */
  locale?: Locale;
}

/** Where a job's answer goes: the slash command's response_url, or a direct message (modal submissions). */
export type ReplyTo = { responseUrl: string } | { userId: string };

/** The message a button was clicked on: the channel and ts of the block_actions payload's container. */
export interface ClickOrigin {
  channel: string;
  ts: string;
}

export type DecisionAction = 'approve' | 'reject' | 'cancel';

/** A click in the compare walkthrough: an answer, Back, Start over, the 2018 changes unfolded, or Share in channel. */
export type CompareStep = 'answer' | 'back' | 'restart' | 'changes' | 'share';

/** What a decision came to, as the workflow's outcome kinds. */
export type DecisionKind = 'not-found' | 'refused' | 'region-not-allowed' | 'account-not-allowed' | 'foreign-copy' | 'expired' | 'already' | 'decided';

/** An outcome without its record, as a job carries it; the workflow's `restoreOutcome` reads the record again. */
export type DecisionSummary = { kind: DecisionKind; reason?: 'not-approver' | 'requester'; moved?: boolean; allowed?: string[] };

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
