/** The request lifecycle's own words: what is submitted, where a click came from, and what a decision came to. */
import type { CreateSpec } from '../commands/create-spec.js';
import type { Locale } from '../locale.js';

/** A create request as submitted (typed or from the modal), before preflight. */
export interface Submission {
  spec: CreateSpec;
  requester: string;
  /** What identifies one submission (the user and normalized command, or the modal's view id): a repeated delivery maps to the same request. */
  submissionKey: string;
  /** The requester's language, for what only they see (the job crosses to the worker as data). LOCALE when not given. */
  locale?: Locale;
}

/** The message a button was clicked on: the channel and ts of the block_actions payload's container. */
export interface ClickOrigin {
  channel: string;
  ts: string;
}

export type DecisionAction = 'approve' | 'reject' | 'cancel';

/** What a decision came to, as the workflow's outcome kinds. */
export type DecisionKind = 'not-found' | 'refused' | 'region-not-allowed' | 'account-not-allowed' | 'foreign-copy' | 'expired' | 'already' | 'decided';

/** An outcome without its record, as a job carries it; `restoreOutcome` reads the record again. */
export type DecisionSummary = { kind: DecisionKind; reason?: 'not-approver' | 'requester'; moved?: boolean; allowed?: string[] };

/** Who approves: the port over the approvers' list and user group (Slack's usergroups.users.list behind it). */
export interface Approvers {
  isApprover(user: string): Promise<boolean>;
}
