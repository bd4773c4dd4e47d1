/**
 * The Slack port: a message as the bot sends it, and the few Web API calls use cases and the worker make. The
 * adapter over Bolt's WebClient is web.ts; tests fake Slack at its wire instead.
 */
import type { KnownBlock } from '@slack/types';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface SlackPort {
  postMessage(channel: string, message: SlackMessage, threadTs?: string): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  usergroupMembers(usergroupId: string): Promise<string[]>;
}
