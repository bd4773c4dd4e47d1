/**
 * The Slack port: a message as the bot sends it, the few Web API calls use cases and the worker make, and
 * `SlackError`, the one error shape every caller handles (as `Ec2Error` is for EC2). The adapter over Bolt's
 * WebClient is web.ts; it turns the WebClient's errors into `SlackError`s, so nothing above it reads
 * `error.data.error`. Tests fake Slack at its wire instead.
 */
import type { HomeView, KnownBlock } from '@slack/types';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface SlackPort {
  postMessage(channel: string, message: SlackMessage, threadTs?: string): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  usergroupMembers(usergroupId: string): Promise<string[]>;
  /** views.publish: the user's App Home. */
  publishHome(userId: string, view: HomeView): Promise<void>;
}

/**
 * The Web API errors the bot tells apart (https://api.slack.com/methods/chat.postMessage, chat.update, views.open);
 * any other platform error is `other` with Slack's own code in `detail`. `ratelimited` is an HTTP 429 the client's
 * own retries did not get past (`retryAfter` in seconds); `request_failed` is no answer at all.
 */
export type SlackErrorCode =
  | 'not_in_channel'
  | 'channel_not_found'
  | 'is_archived'
  | 'message_not_found'
  | 'cant_update_message'
  | 'user_not_found'
  | 'cannot_dm_bot'
  | 'expired_trigger_id'
  | 'invalid_trigger_id'
  | 'missing_scope'
  | 'invalid_auth'
  | 'not_authed'
  | 'account_inactive'
  | 'token_revoked'
  | 'ratelimited'
  | 'request_failed'
  | 'other';

const KNOWN_CODES: readonly SlackErrorCode[] = [
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'message_not_found',
  'cant_update_message',
  'user_not_found',
  'cannot_dm_bot',
  'expired_trigger_id',
  'invalid_trigger_id',
  'missing_scope',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'ratelimited',
];

export class SlackError extends Error {
  constructor(
    readonly code: SlackErrorCode,
    /** Slack's own error string (the platform code, or the transport's message). */
    readonly detail: string,
    readonly method: string,
    /** Seconds Slack asked to wait (429's Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(`${method}: ${detail}`);
    this.name = 'SlackError';
  }
}

/** The code for one of Slack's error strings. */
export function slackErrorCode(detail: string): SlackErrorCode {
  return (KNOWN_CODES as readonly string[]).includes(detail) ? (detail as SlackErrorCode) : 'other';
}

/** Web API errors that mean a channel cannot be posted to: retrying will not help. */
export const CHANNEL_PROBLEMS: readonly SlackErrorCode[] = ['not_in_channel', 'channel_not_found', 'is_archived'];
