/** The few Web API calls the workflow makes, over Bolt's WebClient (which retries 429s after Retry-After). */
import { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { SlackConfig } from '../config.js';
import type { SlackPort } from './port.js';

// The port, re-exported so that modules written against this file still compile; new code imports ./port.js.
export type { SlackPort };

export function slackPort(client: WebClient): SlackPort {
  return {
    async postMessage(channel, message, threadTs) {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks as KnownBlock[],
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs && { thread_ts: threadTs }),
      });
      return { channel: result.channel ?? channel, ts: result.ts ?? '' };
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as KnownBlock[] });
    },
    async usergroupMembers(usergroupId) {
      const result = await client.usergroups.users.list({ usergroup: usergroupId });
      return result.users ?? [];
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
