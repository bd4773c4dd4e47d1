/** Posting to a response_url from outside a Bolt listener (the worker), with the same checks Bolt's respond has. */
import type { SlackMessage } from './port.js';

export class ResponseUrlError extends Error {}

/** What is posted to a response_url: a message, in place of the original or beside it, for the user or the channel. */
export type ResponseUrlMessage = SlackMessage & { replace_original?: boolean; response_type?: 'ephemeral' | 'in_channel' };

/** Slack's answers to a response_url are quick; a post still unanswered after this is given up (and fails). */
const RESPONSE_URL_TIMEOUT_MS = 5000;

/**
 * A job carries the response_url it was given; only Slack's own hosts (or the configured SLACK_API_URL's
 * origin, for GovSlack, proxies and tests) may receive what the bot posts.
 */
export async function postToResponseUrl(responseUrl: string, message: ResponseUrlMessage, slackApiUrl?: string, signal?: AbortSignal): Promise<void> {
  const slackHost = /^https:\/\/([a-z0-9-]+\.)*slack(-gov)?\.com\//.test(responseUrl);
  const configured = slackApiUrl !== undefined && responseUrl.startsWith(new URL(slackApiUrl).origin + '/');
  if (!slackHost && !configured) throw new ResponseUrlError('response_url is not a Slack URL');
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS)]) : AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
  });
  if (!response.ok) throw new ResponseUrlError(`response_url answered ${response.status}`);
}
