/**
 * Forged, altered and replayed requests: the right status, no Slack or EC2 call, nothing changed. The corpus runs
 * against both HTTP doors: the Lambda handler, and the local server of `npm start` over a real loopback socket.
 */
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AwsEvent } from '@slack/bolt/dist/receivers/AwsLambdaReceiver';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackHandler, type HttpHandler } from '../../src/handler.js';
import { serveSlackHttp, type HttpDoor } from '../../src/slack/http-door.js';
import { signBody } from '../../src/slack/verify.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World } from '../helpers/ec2.js';
import {
  SIGNING_SECRET,
  TEST_CONFIG,
  apiGatewayV1Event,
  apiGatewayV2Event,
  blockActionBody,
  blockText,
  captureResponseUrl,
  fakeSlack,
  quietLogger,
  slashCommandBody,
} from '../helpers/slack.js';
import { until } from '../helpers/clock.js';
import { count } from './figures.js';

const now = () => Math.floor(Date.now() / 1000);
const help = slashCommandBody('help');
const approve = (id: string) => blockActionBody('approve_request', id, 'U0BOB');

type Case = [name: string, event: (id: string) => AwsEvent, status: number];

const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const withoutUser = (id: string) => {
  const { user: _user, ...payload } = JSON.parse(new URLSearchParams(approve(id)).get('payload')!) as Record<string, unknown>;
  return interaction(payload);
};
const withoutActions = (id: string) => {
  const { actions: _actions, ...payload } = JSON.parse(new URLSearchParams(approve(id)).get('payload')!) as Record<string, unknown>;
  return interaction(payload);
};
/** A correctly signed event with its content-type header removed. */
const noContentType = (event: AwsEvent): AwsEvent => ({
  ...event,
  headers: Object.fromEntries(Object.entries(event.headers).filter(([k]) => k.toLowerCase() !== 'content-type')),
});

const corpus: Case[] = [
  ['a random signature', () => apiGatewayV1Event(help, { signature: `v0=${'ab'.repeat(32)}` }), 401],
  ['a signature under another secret', () => apiGatewayV1Event(help, { signature: signBody('another-secret', help, now()) }), 401],
  ['a v1= signature', (id) => apiGatewayV1Event(approve(id), { signature: signBody(SIGNING_SECRET, approve(id), now()).replace('v0=', 'v1=') }), 401],
  ['no signature', () => apiGatewayV1Event(help, { signature: '' }), 401],
  [
    'no timestamp',
    () => ({
      ...apiGatewayV1Event(help),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Slack-Signature': signBody(SIGNING_SECRET, help, now()) },
    }),
    401,
  ],
  ['a timestamp that is not a number', () => apiGatewayV1Event(help, { headers: { 'x-slack-request-timestamp': '1e10' } }), 401],
  ['a stale timestamp (5 min + 1 s)', () => apiGatewayV1Event(help, { timestamp: now() - 301 }), 401],
  ['a far-future timestamp (5 min + 1 s)', () => apiGatewayV2Event(help, { timestamp: now() + 301 }), 401],
  ['a timestamp a day ahead', (id) => apiGatewayV1Event(approve(id), { timestamp: now() + 86_400 }), 401],
  ['a body altered after signing', (id) => ({ ...apiGatewayV1Event(approve(id)), body: approve(id).replace('U0BOB', 'U0MALLORY') }), 401],
  ['a body cut short', (id) => ({ ...apiGatewayV1Event(approve(id)), body: approve(id).slice(0, -10) }), 401],
  ['a base64 body altered', () => ({ ...apiGatewayV2Event(help), body: Buffer.from(`${help}&text=create`).toString('base64') }), 401],
  ['text/plain', () => apiGatewayV1Event(help, { contentType: 'text/plain' }), 415],
  ['multipart/form-data', () => apiGatewayV1Event(help, { contentType: 'multipart/form-data' }), 415],
  ['application/xml', () => apiGatewayV1Event(help, { contentType: 'application/xml' }), 415],
  ['a signed JSON body that is not a Slack event', () => apiGatewayV1Event('{"hello":1}', { contentType: 'application/json' }), 400],
  ['a signed payload that is not JSON', () => apiGatewayV1Event('payload=%7Bnot-json', {}), 400],
  ['a signed command without a user', () => apiGatewayV1Event(new URLSearchParams({ command: '/privatelink', text: 'help' }).toString(), {}), 400],
  // Issue 12, item 1: what the local door (Bolt's HTTPReceiver as it was) let through.
  ['a timestamp a year ahead', (id) => apiGatewayV2Event(approve(id), { timestamp: now() + 365 * 86_400 }), 401],
  // The same number written another way: Bolt's receivers read it with Number() and verify the signature of ts.
  [
    'a timestamp written "0"+ts',
    (id) => {
      const ts = now();
      return apiGatewayV1Event(approve(id), { headers: { 'x-slack-request-timestamp': `0${ts}` }, signature: signBody(SIGNING_SECRET, approve(id), ts) });
    },
    401,
  ],
  [
    'a timestamp written "0"+ts, signed as written',
    (id) => {
      const ts = `0${now()}`;
      return apiGatewayV1Event(approve(id), { headers: { 'x-slack-request-timestamp': ts }, signature: signBody(SIGNING_SECRET, approve(id), ts) });
    },
    401,
  ],
  ['a signed interaction sent as text/plain', (id) => apiGatewayV1Event(approve(id), { contentType: 'text/plain' }), 415],
  ['a signed interaction with no content type', (id) => noContentType(apiGatewayV1Event(approve(id))), 415],
  ['a signed JSON body sent as a form', () => apiGatewayV1Event('{"type":"url_verification","challenge":"c"}', {}), 400],
  ['a signed block_actions without a user', (id) => apiGatewayV1Event(withoutUser(id)), 400],
  ['a signed block_actions without actions', (id) => apiGatewayV1Event(withoutActions(id)), 400],
  // A field named twice: Bolt's reader makes it a list (a requester that is two users), the checks read the first.
  ['a signed command with user_id twice', () => apiGatewayV1Event(`${help}&user_id=U0MALLORY`), 400],
  ['a signed command with text twice', () => apiGatewayV1Event(`${slashCommandBody('status plr-0123456789')}&text=cancel+plr-0123456789`), 400],
  ['a signed command with command twice', () => apiGatewayV1Event(`${help}&command=%2Fother`), 400],
  ['a signed command with response_url twice', () => apiGatewayV1Event(`${help}&response_url=https%3A%2F%2Fevil.example%2F`), 400],
  ['a signed command with trigger_id, team_id or channel_id twice', () => apiGatewayV1Event(`${help}&trigger_id=1&team_id=T0OTHER&channel_id=C0OTHER`), 400],
  ['a signed command with user_id twice, the second percent-encoded', () => apiGatewayV1Event(`${help}&user%5Fid=U0MALLORY`), 400],
  ['a signed interaction with payload twice', (id) => apiGatewayV1Event(`${approve(id)}&${approve(id).replace('U0BOB', 'U0MALLORY')}`), 400],
  ['a signed body over 1 MiB', () => apiGatewayV1Event(slashCommandBody('='.repeat(1024 * 1024))), 413],
  ['an empty signed body', () => apiGatewayV1Event(''), 400],
  ['an empty signed body with no content type', () => noContentType(apiGatewayV1Event('')), 400],
];

/** Sends an API Gateway event's headers and body as a real HTTP request to the local door. */
function overHttp(url: string, event: AwsEvent): Promise<{ statusCode: number; body: string }> {
  const body = event.body == null ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  const headers = { ...event.headers, 'content-length': String(body.length) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

type Door = (event: AwsEvent) => Promise<{ statusCode: number; body?: string }>;

describe.each(['Lambda handler', 'local HTTP server'] as const)('forged and replayed requests, %s', (doorName) => {
  let bot: Bot;
  let door: Door;
  let local: HttpDoor | undefined;
  let id: string;

  beforeAll(async () => {
    bot = await startBot();
    fakeEc2World(seedState());
    fakeSlack();
    captureResponseUrl();
    await bot.command('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d');
    await bot.drain();
    id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    const logger = quietLogger();
    const handler: HttpHandler = createSlackHandler(TEST_CONFIG, { store: bot.store, jobs: bot.jobs, logger });
    if (doorName === 'Lambda handler') {
      door = (event) => handler(event, {});
    } else {
      // What server.ts runs in HTTP mode, on an ephemeral loopback port.
      const http = await serveSlackHttp(handler, { host: '127.0.0.1', port: 0, logger });
      local = http;
      door = (event) => overHttp(http.url, event);
    }
    nock.cleanAll();
  });
  afterAll(async () => {
    await local?.close();
    await bot.close();
  });

  it.each(corpus)('refuses %s, calling nothing and changing nothing', async (_name, event, status) => {
    const before = await bot.store.get(id);
    const slack = nock('https://slack.com').post(/.*/).reply(200, { ok: true });
    const hooks = nock('https://hooks.slack.com').post(/.*/).reply(200, 'ok');
    const ec2 = nock(/amazonaws\.com/)
      .post(/.*/)
      .reply(500);

    const response = await door(event(id));

    expect(response.statusCode).toBe(status);
    expect(response.body).toBe('');
    expect([slack.isDone(), hooks.isDone(), ec2.isDone()]).toEqual([false, false, false]);
    expect(await bot.store.get(id)).toEqual(before);
    count('forged requests');
  });

  it("answers Slack's url_verification with its challenge", async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' });

    const response = await door(apiGatewayV1Event(body, { contentType: 'application/json' }));

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toEqual({ challenge: 'c-123' });
  });

  it('answers a replay of a decided Approve with "already", and changes nothing', async () => {
    fakeSlack();
    // The replay of a click on the request's recorded message (a click elsewhere is a foreign copy: approvals.test.ts).
    const recorded = (await bot.store.get(id))!.message!;
    const event = apiGatewayV1Event(
      blockActionBody('approve_request', id, 'U0BOB', {
        container: { type: 'message', message_ts: recorded.ts, channel_id: recorded.channel, is_ephemeral: false },
      }),
    );
    await bot.click('approve_request', id, 'U0BOB');
    const decided = await bot.store.get(id);
    const jobs = bot.jobs.jobs.length;
    const reply = captureResponseUrl();

    const response = await door(event);
    await bot.finishDecisions();

    expect(response.statusCode).toBe(200);
    expect(blockText(reply[0]!.body)).toContain('is already approved');
    expect(await bot.store.get(id)).toEqual(decided);
    expect(bot.jobs.jobs).toHaveLength(jobs);
    count('forged requests');
  });
});

describe('the local HTTP door', () => {
  it('listens only where told (HOST, default 127.0.0.1), serves only POST /slack/events, and bounds the body', async () => {
    const handled: AwsEvent[] = [];
    const door = await serveSlackHttp(async (event) => (handled.push(event), { statusCode: 200, body: 'ok' }), {
      host: '127.0.0.1',
      port: 0,
      logger: quietLogger(),
    });
    try {
      expect((door.server.address() as { address: string }).address).toBe('127.0.0.1');
      const base = door.url.replace('/slack/events', '');

      expect((await fetch(`${base}/other`, { method: 'POST', body: 'x' })).status).toBe(404);
      expect((await fetch(door.url)).status).toBe(405);
      expect((await overHttp(door.url, apiGatewayV1Event('x'.repeat(1024 * 1024 + 1)))).statusCode).toBe(413);
      expect(handled).toHaveLength(0);
      expect((await overHttp(door.url, apiGatewayV1Event(help))).statusCode).toBe(200);
      expect(Buffer.from(handled[0]!.body!, 'base64').toString('utf8')).toBe(help);
    } finally {
      await door.close();
    }
  });
});

/** A raw loopback connection to the door, and a promise of everything it receives until the server closes it. */
async function rawConnection(url: string): Promise<{ socket: Socket; closed: Promise<string> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(Buffer.concat(received).toString('latin1'))));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  return { socket, closed };
}

describe('the local HTTP door under slow and many clients', () => {
  const ok = async () => ({ statusCode: 200, body: 'ok' });
  let door: HttpDoor | undefined;
  afterAll(async () => {
    // A test that failed half-way may leave its raw connections open: close them, or closing the door waits for them.
    door?.server.closeAllConnections();
    await door?.close();
  });

  // Node used to look for late headers every 30 s: a client sending a header line now and then held its socket for
  // up to 40 s. Each of these closes in a few hundred milliseconds; the test's own timeout is the bound.
  it('closes a connection whose headers trickle in, and one that sends nothing, soon after the header timeout', { timeout: 5000 }, async () => {
    door = await serveSlackHttp(ok, {
      host: '127.0.0.1',
      port: 0,
      logger: quietLogger(),
      limits: { headersTimeoutMs: 200, requestTimeoutMs: 300, checkEveryMs: 50, idleTimeoutMs: 400 },
    });
    const trickling = await rawConnection(door.url);
    trickling.socket.write('POST /slack/events HTTP/1.1\r\nHost: localhost\r\n');
    const silent = await rawConnection(door.url);

    const [trickled, nothing] = await Promise.all([trickling.closed, silent.closed]);

    expect(trickled).toMatch(/^HTTP\/1\.1 408 /);
    expect(nothing).not.toMatch(/^HTTP\/1\.1 200 /);
    await door.close();
    door = undefined;
  });

  it('closes connections beyond its cap as they arrive, and takes new ones once others have gone', { timeout: 5000 }, async () => {
    const logger = quietLogger();
    door = await serveSlackHttp(ok, { host: '127.0.0.1', port: 0, logger, limits: { maxConnections: 2 } });
    let open = 0;
    door.server.on('connection', (socket: Socket) => {
      open++;
      socket.on('close', () => open--);
    });
    const held = [await rawConnection(door.url), await rawConnection(door.url)];
    const beyond = await rawConnection(door.url);

    expect(await beyond.closed).toBe('');
    expect(held.map(({ socket }) => socket.destroyed)).toEqual([false, false]);
    expect(JSON.stringify(logger.lines)).toContain('beyond 2 at once');

    held[0]!.socket.destroy();
    await held[0]!.closed;
    await until(() => open < 2, 'the server to see the connection gone');
    expect((await overHttp(door.url, apiGatewayV1Event(help))).statusCode).toBe(200);
    held[1]!.socket.destroy();
    await door.close();
    door = undefined;
  });
});
