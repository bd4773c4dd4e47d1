/** Slack's errors become `SlackError`s at the port (web.ts), as EC2's become `Ec2Error`s: nothing above reads `data.error`. */
import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { SlackError } from '../../src/slack/port.js';
import { slackPort } from '../../src/slack/web.js';

const card = { text: 'x', blocks: [] };
const port = () => slackPort(new WebClient('xoxb-test', { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }));

async function failure(call: () => Promise<unknown>): Promise<SlackError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlackError);
  return error as SlackError;
}

describe('the Slack port', () => {
  it.each([
    ['not_in_channel', 'not_in_channel'],
    ['channel_not_found', 'channel_not_found'],
    ['is_archived', 'is_archived'],
    ['cannot_dm_bot', 'cannot_dm_bot'],
    ['invalid_auth', 'invalid_auth'],
    ['msg_too_long', 'other'],
  ])('turns a platform error %s into code %s, keeping Slack’s own word', async (error, code) => {
    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: false, error });

    const e = await failure(() => port().postMessage('C0APPROVALS', card));

    expect(e).toMatchObject({ code, detail: error, method: 'chat.postMessage' });
  });

  it('turns a 429 into ratelimited with its Retry-After', async () => {
    nock('https://slack.com').post('/api/chat.update').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' });

    const e = await failure(() => port().update('C0APPROVALS', '1.2', card));

    expect(e).toMatchObject({ code: 'ratelimited', retryAfter: 7, method: 'chat.update' });
  });

  it('turns no answer into request_failed', async () => {
    nock('https://slack.com').post('/api/usergroups.users.list').replyWithError('connection reset');

    const e = await failure(() => port().usergroupMembers('S0NETOPS'));

    expect(e).toMatchObject({ code: 'request_failed', method: 'usergroups.users.list' });
  });
});
