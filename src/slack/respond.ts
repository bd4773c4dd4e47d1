/** Posting to a response_url from outside a Bolt listener (the worker), with the same checks Bolt's respond has. */
import type { SlackMessage } from './views/blocks.js';

export class ResponseUrlError extends Error {}

export async function postToResponseUrl(
  responseUrl: string,
  message: SlackMessage & { replace_original?: boolean; response_type?: 'ephemeral' | 'in_channel' },
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  if (!/^https:\/\/[a-z0-9.-]+\.slack(-gov)?\.com\//.test(responseUrl)) throw new ResponseUrlError('response_url is not a Slack URL');
  const response = await fetchFn(responseUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new ResponseUrlError(`response_url answered ${response.status}`);
}
