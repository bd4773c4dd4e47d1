/** Signed Slack requests as API Gateway / Function URL events, and Slack's Web API faked at the wire. */
import type { AwsEvent } from '@slack/bolt/dist/receivers/AwsLambdaReceiver';
import nock from 'nock';
import type { Config, SlackConfig } from '../../src/config.js';
import type { Job, JobQueue } from '../../src/jobs/job.js';
import type { Locale } from '../../src/i18n.js';
import type { PreferenceStore } from '../../src/preferences/store.js';
import type { Logger } from '@slack/bolt';
import { jsonLogger, logLevelFrom } from '../../src/log.js';
import { signBody } from '../../src/slack/verify.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const SLACK_CONFIG: SlackConfig = {
  signingSecret: SIGNING_SECRET,
  botToken: 'xoxb-test-token',
  botId: 'B0BOT',
  botUserId: 'U0BOT',
};
export const RESPONSE_HOST = 'https://hooks.slack.com';
export const RESPONSE_PATH = '/commands/T0TEAM/1/response-url-secret';

export function slashCommandBody(text: string, overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'unused',
    team_id: 'T0TEAM',
    team_domain: 'example',
    channel_id: 'C0CHAN',
    channel_name: 'network',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/privatelink',
    text,
    api_app_id: 'A0APP',
    response_url: `${RESPONSE_HOST}${RESPONSE_PATH}`,
    trigger_id: '123.456.abc',
    ...overrides,
  }).toString();
}

export function blockActionBody(actionId: string, value: string, user = 'U0ALICE', extra: Record<string, unknown> = {}): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'example' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'unused',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0CHAN', is_ephemeral: true },
    trigger_id: '123.456.def',
    channel: { id: 'C0CHAN', name: 'network' },
    response_url: `${RESPONSE_HOST}${RESPONSE_PATH}`,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
    ...extra,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A click on an App Home button as Slack sends it: the container is the view (`view`), with no channel, message or response_url. */
export function homeClickBody(
  actionId: string,
  value: string,
  user: string,
  blockId: string,
  view: Record<string, unknown> = { id: 'V0HOME', type: 'home' },
): string {
  return blockActionBody(actionId, value, user, {
    container: { type: 'view', view_id: 'V0HOME' },
    channel: undefined,
    response_url: undefined,
    view,
    actions: [{ type: 'button', action_id: actionId, block_id: blockId, value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
  });
}

export interface EventOptions {
  timestamp?: number;
  signature?: string;
  contentType?: string;
  base64?: boolean;
  headers?: Record<string, string>;
}

function signedHeaders(body: string, options: EventOptions): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? signBody(SIGNING_SECRET, body, timestamp),
    ...options.headers,
  };
}

/** API Gateway REST (v1) shape; header names as Slack sends them. */
export function apiGatewayV1Event(body: string, options: EventOptions = {}): AwsEvent {
  const headers = Object.fromEntries(
    Object.entries(signedHeaders(body, options)).map(([k, v]) => [k.replace(/(^|-)([a-z])/g, (_, d, c: string) => d + c.toUpperCase()), v]),
  );
  return {
    body: options.base64 ? Buffer.from(body).toString('base64') : body,
    headers,
    multiValueHeaders: {},
    isBase64Encoded: options.base64 ?? false,
    httpMethod: 'POST',
    path: '/slack/events',
    resource: '/slack/events',
    pathParameters: null,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: {},
  };
}

/** API Gateway HTTP API (v2) and Function URL shape: lowercase headers, body often base64. */
export function apiGatewayV2Event(body: string, options: EventOptions = {}): AwsEvent {
  const base64 = options.base64 ?? true;
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: signedHeaders(body, options),
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
    requestContext: { http: { method: 'POST', path: '/slack/events' } },
  };
}

export interface Captured {
  url: string;
  body: Record<string, unknown>;
}

/** Records every POST to a response_url; each answers 200. */
export function captureResponseUrl(times = 1): Captured[] {
  const calls: Captured[] = [];
  nock(RESPONSE_HOST)
    .post(RESPONSE_PATH, (body: Record<string, unknown>) => {
      calls.push({ url: RESPONSE_PATH, body });
      return true;
    })
    .times(times)
    .reply(200, 'ok');
  return calls;
}

/** Fakes Slack Web API methods at https://slack.com/api/; records each call with its decoded arguments. */
export function fakeSlackApi(responses: Record<string, (args: Record<string, unknown>) => Record<string, unknown>>, times = 100): Captured[] {
  const calls: Captured[] = [];
  for (const [method, respond] of Object.entries(responses)) {
    nock('https://slack.com')
      .post(`/api/${method}`)
      .times(times)
      .reply(200, (_uri, body) => {
        const args = decodeWebApiBody(body);
        calls.push({ url: method, body: args });
        return respond(args);
      });
  }
  return calls;
}

/** The Web API sends form bodies whose `blocks`/`view` are JSON strings; decode both levels. */
export function decodeWebApiBody(body: unknown): Record<string, unknown> {
  const raw = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    decoded[key] = typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return decoded;
}

export function parseAckBody(body: string): Record<string, unknown> {
  return body ? (JSON.parse(body) as Record<string, unknown>) : {};
}

/** All text in a message's blocks, for assertions that do not depend on layout. */
export function blockText(message: { blocks?: unknown }): string {
  return JSON.stringify(message.blocks ?? []).replace(/\\n/g, '\n');
}

export const TEST_CONFIG: Config = {
  slack: SLACK_CONFIG,
  defaultRegion: 'ap-northeast-1',
  approvals: { channelId: 'C0APPROVALS', userIds: ['U0BOB', 'U0CAROL'], ttlHours: 24 },
  approvalKey: 'test-approval-key-0123456789abcdef0123456789abcdef',
  dataDir: '/nonexistent',
  port: 0,
};

/** A job queue that records jobs, for tests that run the worker themselves. */
export function recordingJobs(): JobQueue & { jobs: Job[] } {
  const jobs: Job[] = [];
  return { jobs, enqueue: async (job) => void jobs.push(job) };
}

/** A JSON logger whose lines land in an array. */
export function quietLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return Object.assign(
    jsonLogger((line) => lines.push(JSON.parse(line)), logLevelFrom('debug')),
    { lines },
  );
}

/** A Slack Web API that answers the calls the bot makes, with increasing message timestamps; records every call. */
export function fakeSlack(options: { usergroupMembers?: string[] } = {}): Captured[] {
  let ts = 1_700_000_000;
  return fakeSlackApi(
    {
      'chat.postMessage': (args) => ({ ok: true, channel: args.channel, ts: `${++ts}.000100`, message: {} }),
      'chat.update': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
      'usergroups.users.list': () => ({ ok: true, users: options.usergroupMembers ?? [] }),
      'views.open': () => ({ ok: true, view: { id: 'V0MODAL' } }),
    },
    1000,
  );
}

export const callsTo = (calls: Captured[], method: string) => calls.filter((c) => c.url === method);

/** Users' languages kept in memory (i18n seam): `lang` in a test must not write into a directory other tests read. */
export function memoryPreferences(): PreferenceStore & { chosen: Map<string, Locale> } {
  const chosen = new Map<string, Locale>();
  return { chosen, getLocale: async (user) => chosen.get(user), setLocale: async (user, locale) => void chosen.set(user, locale) };
}

/** A signed-body Events API callback (JSON) carrying `event`, as Slack delivers `app_home_opened`. */
export function eventCallbackBody(event: Record<string, unknown>, eventId = 'Ev0TEST'): string {
  return JSON.stringify({
    token: 'unused',
    team_id: 'T0TEAM',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    event,
  });
}
