/** Posting to a response_url from outside a Bolt listener (the worker), with the same checks Bolt's respond has. */
import type { SlackMessage } from './port.js';

export class ResponseUrlError extends Error {}

/**
 * A job carries the response_url it was given; only Slack's own hosts (or the configured SLACK_API_URL's
 * origin, for GovSlack, proxies and tests) may receive what the bot posts.
 */
export async function postToResponseUrl(
  responseUrl: string,
  message: SlackMessage & { replace_original?: boolean; response_type?: 'ephemeral' | 'in_channel' },
  slackApiUrl?: string,
): Promise<void> {
  const slackHost = /^https:\/\/([a-z0-9-]+\.)*slack(-gov)?\.com\//.test(responseUrl);
  const configured = slackApiUrl !== undefined && responseUrl.startsWith(new URL(slackApiUrl).origin + '/');
  if (!slackHost && !configured) throw new ResponseUrlError('response_url is not a Slack URL');
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new ResponseUrlError(`response_url answered ${response.status}`);
}
