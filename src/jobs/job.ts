/**
 * The job port: what the Slack function hands to the worker (on Lambda, the JSON payload of an asynchronous
 * invocation) and the queue interface use cases enqueue through. The adapters are in queue.ts.
 */
import type { CreateSpec } from '../commands/create-spec.js';

/** A create request as submitted (typed or from the modal), before preflight. */
export interface Submission {
  spec: CreateSpec;
  requester: string;
  /** Unique to one submission (Slack's trigger_id or view id): a repeated delivery maps to the same request. */
  submissionKey: string;
}

/** Where a job's answer goes: the slash command's response_url, or a direct message (modal submissions). */
export type ReplyTo = { responseUrl: string } | { userId: string };

export type Job =
  | { kind: 'lookup'; text: string; userId: string; responseUrl: string }
  | { kind: 'submit'; submission: Submission; replyTo: ReplyTo }
  | { kind: 'create'; requestId: string }
  | { kind: 'sweep' };

export interface JobQueue {
  enqueue(job: Job): Promise<void>;
}
