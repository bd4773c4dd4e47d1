/** Forged, altered and replayed requests: the right status, no Slack or EC2 call, nothing changed. */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackHandler, type HttpHandler } from '../../src/handler.js';
import { signBody } from '../../src/slack/verify.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World } from '../helpers/ec2.js';
import { SIGNING_SECRET, TEST_CONFIG, apiGatewayV1Event, apiGatewayV2Event, blockActionBody, blockText, captureResponseUrl, fakeSlack, quietLogger, slashCommandBody } from '../helpers/slack.js';
import { count } from './figures.js';

const now = () => Math.floor(Date.now() / 1000);
const help = slashCommandBody('help');
const approve = (id: string) => blockActionBody('approve_request', id, 'U0BOB');

type Case = [name: string, event: (id: string) => ReturnType<typeof apiGatewayV1Event>, status: number];

const corpus: Case[] = [
  ['a random signature', () => apiGatewayV1Event(help, { signature: `v0=${'ab'.repeat(32)}` }), 401],
  ['a signature under another secret', () => apiGatewayV1Event(help, { signature: signBody('another-secret', help, now()) }), 401],
  ['a v1= signature', (id) => apiGatewayV1Event(approve(id), { signature: signBody(SIGNING_SECRET, approve(id), now()).replace('v0=', 'v1=') }), 401],
  ['no signature', () => apiGatewayV1Event(help, { signature: '' }), 401],
  ['no timestamp', () => ({ ...apiGatewayV1Event(help), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Slack-Signature': signBody(SIGNING_SECRET, help, now()) } }), 401],
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
];

describe('forged and replayed requests', () => {
  let bot: Bot;
  let handler: HttpHandler;
  let id: string;

  beforeAll(async () => {
    bot = await startBot();
    fakeEc2World(seedState());
    fakeSlack();
    captureResponseUrl();
    await bot.command('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d');
    await bot.drain();
    id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    handler = createSlackHandler(TEST_CONFIG, { store: bot.store, jobs: bot.jobs, logger: quietLogger() });
    nock.cleanAll();
  });
  afterAll(() => bot.close());

  it.each(corpus)('refuses %s, calling nothing and changing nothing', async (_name, event, status) => {
    const before = await bot.store.get(id);
    const slack = nock('https://slack.com').post(/.*/).reply(200, { ok: true });
    const hooks = nock('https://hooks.slack.com').post(/.*/).reply(200, 'ok');
    const ec2 = nock(/amazonaws\.com/).post(/.*/).reply(500);

    const response = await handler(event(id), {});

    expect(response.statusCode).toBe(status);
    expect(response.body).toBe('');
    expect([slack.isDone(), hooks.isDone(), ec2.isDone()]).toEqual([false, false, false]);
    expect(await bot.store.get(id)).toEqual(before);
    count('forged requests');
  });

  it('answers a replay of a decided Approve with "already", and changes nothing', async () => {
    fakeSlack();
    const event = apiGatewayV1Event(approve(id));
    await bot.click('approve_request', id, 'U0BOB');
    const decided = await bot.store.get(id);
    const jobs = bot.jobs.jobs.length;
    const reply = captureResponseUrl();

    const response = await handler(event, {});
    await bot.finishDecisions();

    expect(response.statusCode).toBe(200);
    expect(blockText(reply[0]!.body)).toContain('is already approved');
    expect(await bot.store.get(id)).toEqual(decided);
    expect(bot.jobs.jobs).toHaveLength(jobs);
    count('forged requests');
  });
});
