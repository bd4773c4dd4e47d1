/** The few Web API calls the workflow makes, over Bolt's WebClient (which retries 429s after Retry-After). */
import { ErrorCode, WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { SlackConfig } from '../config.js';
import { SlackError, slackErrorCode, type SlackPort } from './port.js';

/**
 * The WebClient's error as a `SlackError`: a platform error (`{ ok: false, error }`) by its code, a 429 the
 * client's retries did not get past as `ratelimited` with its Retry-After, anything else (no answer, an HTTP
 * error) as `request_failed`. Errors that are not the WebClient's pass through unchanged.
 */
export function toSlackError(error: unknown, method: string): unknown {
  if (error instanceof SlackError) return error;
  const e = error as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown; message?: unknown };
  if (e?.code === ErrorCode.PlatformError) {
    const detail = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
    return new SlackError(detail === 'ratelimited' ? 'ratelimited' : slackErrorCode(detail), detail, method);
  }
  if (e?.code === ErrorCode.RateLimitedError) {
    return new SlackError('ratelimited', 'ratelimited', method, typeof e.retryAfter === 'number' ? e.retryAfter : undefined);
  }
  if (e?.code === ErrorCode.RequestError || e?.code === ErrorCode.HTTPError) {
    return new SlackError('request_failed', typeof e.message === 'string' ? e.message : String(e.code), method);
  }
  return error;
}

async function calling<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSlackError(error, method);
  }
}

export function slackPort(client: WebClient): SlackPort {
  return {
    async postMessage(channel, message, threadTs) {
      const result = await calling('chat.postMessage', () =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks as KnownBlock[],
          unfurl_links: false,
          unfurl_media: false,
          ...(threadTs && { thread_ts: threadTs }),
        }),
      );
      return { channel: result.channel ?? channel, ts: result.ts ?? '' };
    },
    async update(channel, ts, message) {
      await calling('chat.update', () => client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as KnownBlock[] }));
    },
    async usergroupMembers(usergroupId) {
      const result = await calling('usergroups.users.list', () => client.usergroups.users.list({ usergroup: usergroupId }));
      return result.users ?? [];
    },
    async publishHome(userId, view) {
      await calling('views.publish', () => client.views.publish({ user_id: userId, view }));
    },
  };
}

/** A WebClient for code outside a Bolt listener (the worker). */
export function webClient(slack: SlackConfig, limits: { retries: number; timeoutMs: number }): WebClient {
  return new WebClient(slack.botToken, {
    ...(slack.apiUrl && { slackApiUrl: slack.apiUrl }),
    retryConfig: { retries: limits.retries, factor: 2, minTimeout: 200, maxTimeout: 5000 },
    timeout: limits.timeoutMs,
  });
}
