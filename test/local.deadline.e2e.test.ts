/**
 * The real local server (`npm start`, HTTP mode) in its own process against a slow Slack (every Web API call
 * 1.5 s, `chat.update` rate-limited with Retry-After 4) and a slow EC2 (2.5 s): every answer leaves within 2.5 s.
 * Then 200 concurrent lookups: every one answered, and every one handed off answered later.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/messages.js';
import { signBody } from '../src/slack/verify.js';
import { handleEc2Request, seedState, type EmulatorState } from './emulator/ec2-emulator.js';
import { until } from './helpers/clock.js';
import { everyRequest, uncovered } from './helpers/every-request.js';
import { FileRequestStore } from '../src/requests/file-store.js';
import { JOBS_IDLE } from '../src/server.js';
import { SIGNING_SECRET, blockActionBody, slashCommandBody } from './helpers/slack.js';

const ENDPOINT = 'vpce-0123456789abcdef0';

interface Behaviour {
  slackDelayMs: number;
  ec2DelayMs: number;
  rateLimitUpdates: boolean;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const body = (req: import('node:http').IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => resolve(text));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm start against a slow Slack and a slow EC2', () => {
  const behaviour: Behaviour = { slackDelayMs: 1500, ec2DelayMs: 2500, rateLimitUpdates: true };
  const slackCalls: { method: string; args: Record<string, string> }[] = [];
  const responses = new Map<string, string[]>();
  let world: EmulatorState;
  let slackServer: Server;
  let ec2Server: Server;
  let slackUrl: string;
  let server: ChildProcess;
  let port: number;
  let dataDir: string;
  let output = '';

  beforeAll(async () => {
    world = seedState();
    world.endpoints.push({ id: ENDPOINT, state: 'available', describesUntilReady: 0 });
    let ts = 1_700_000_000;
    slackServer = createServer(async (req, res) => {
      const text = await body(req);
      const url = req.url ?? '';
      if (url.startsWith('/response/')) {
        responses.set(url, [...(responses.get(url) ?? []), text]);
        res.end('ok');
        return;
      }
      const method = url.replace(/^\/api\//, '');
      slackCalls.push({ method, args: Object.fromEntries(new URLSearchParams(text)) });
      await sleep(behaviour.slackDelayMs);
      if (method === 'chat.update' && behaviour.rateLimitUpdates) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '4' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, channel: 'C0APPROVALS', ts: `${++ts}.000100`, users: ['U0DAVE', 'U0ALICE'], view: { id: 'V0' } }));
    });
    ec2Server = createServer(async (req, res) => {
      const params = Object.fromEntries(new URLSearchParams(await body(req)));
      await sleep(behaviour.ec2DelayMs);
      const [status, xml] = handleEc2Request(world, params);
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(xml);
    });
    slackUrl = await listen(slackServer);
    const ec2Url = await listen(ec2Server);
    const probe = createServer();
    port = Number(new URL(await listen(probe)).port);
    await new Promise((resolve) => probe.close(resolve));
    dataDir = await mkdtemp(path.join(tmpdir(), 'privatelink-deadline-'));
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-local-test',
        SLACK_BOT_ID: 'B0BOT',
        SLACK_BOT_USER_ID: 'U0BOT',
        SLACK_API_URL: `${slackUrl}/api/`,
        PORT: String(port),
        AWS_REGION: 'ap-northeast-1',
        AWS_ENDPOINT_URL_EC2: ec2Url,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        APPROVAL_CHANNEL_ID: 'C0APPROVALS',
        APPROVER_USERGROUP_ID: 'S0NETOPS',
        // Reads restricted to listed users (no Slack call: lookups meet the slow EC2 while Slack waits). Readers by
        // user group, whose check asks a slow Slack, are sent through the Lambda handler in test/deadline.test.ts.
        READER_USER_IDS: 'U0ALICE,U0DAVE',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await until(() => output.includes('listening on') || server.exitCode !== null, 'the server to listen', 30_000);
    expect(server.exitCode).toBeNull();
    // One lookup first, so that loading the SDK in this process is not what the timings below measure.
    behaviour.ec2DelayMs = 0;
    await post(slashCommandBody(`dns ${ENDPOINT}`, { response_url: `${slackUrl}/response/warm-up` }));
    behaviour.ec2DelayMs = 2500;
  }, 60_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    await Promise.all([new Promise((resolve) => slackServer.close(resolve)), new Promise((resolve) => ec2Server.close(resolve))]);
    await rm(dataDir, { recursive: true, force: true });
  });

  async function post(
    text: string,
    contentType = 'application/x-www-form-urlencoded',
  ): Promise<{ status: number; text: string; ms: number; serverMs: number }> {
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signBody(SIGNING_SECRET, text, timestamp),
      },
      body: text,
    });
    const answer = await response.text();
    // The server's own arrival-to-answer time (src/slack/http-door.ts), without this client's queueing.
    const serverMs = Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]);
    return { status: response.status, text: answer, ms: performance.now() - started, serverMs };
  }

  it('answers a lookup, a bare create, a submission, an Approve and a cancel within 2.5 s', async () => {
    const dns = await post(slashCommandBody(`dns ${ENDPOINT}`, { response_url: `${slackUrl}/response/dns` }));
    const form = await post(slashCommandBody('create'));
    const submit = (trigger: string) =>
      post(
        slashCommandBody(`create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d private-dns=off reason=${trigger}`, {
          trigger_id: trigger,
          response_url: `${slackUrl}/response/${trigger}`,
        }),
      );
    const submitted = [await submit('t1'), await submit('t2')];
    // The preflight's half a dozen EC2 calls need not each take 2.5 s for this test: the answers above are timed.
    behaviour.ec2DelayMs = 0;
    await until(
      () => slackCalls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0APPROVALS').length === 2,
      'two approval requests',
      30_000,
    );
    await until(() => (responses.get('/response/t1')?.length ?? 0) + (responses.get('/response/t2')?.length ?? 0) === 2, 'the requester notes', 30_000);
    const ids = [...new Set(JSON.stringify([...responses.values()]).match(/plr-[0-9a-z]{10}/g))];
    expect(ids).toHaveLength(2);
    const approve = await post(blockActionBody('approve_request', ids[0]!, 'U0DAVE', { response_url: `${slackUrl}/response/approve` }));
    const cancel = await post(slashCommandBody(`cancel ${ids[1]}`));

    const answers = { dns, form, submit1: submitted[0]!, submit2: submitted[1]!, approve, cancel };
    for (const [name, answer] of Object.entries(answers)) expect({ name, status: answer.status }).toEqual({ name, status: 200 });
    expect(dns.text).toContain('Looking up');
    expect(cancel.text).toContain('is cancelled');
    // Timed by the server from each request's arrival (its Server-Timing header): this client's own queueing on a
    // loaded machine is not what is under test.
    const slowest = Math.max(...Object.values(answers).map((a) => a.serverMs));
    const figures = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, { server: Math.round(a.serverMs), client: Math.round(a.ms) }]));
    expect(slowest, JSON.stringify(figures)).toBeLessThan(2500);
    // The work left to jobs still happens: the lookup's answer, the approval's redraw (after the 429).
    await until(() => (responses.get('/response/dns')?.length ?? 0) === 1, "the lookup's answer", 30_000);
    expect(responses.get('/response/dns')![0]).toContain(`${ENDPOINT}-`);
    await until(() => slackCalls.filter((c) => c.method === 'chat.update').length >= 2, 'the redraws, retried after Retry-After', 30_000);
  }, 90_000);

  it('answers every command, button, form and event within 2.5 s, and finishes what it handed off', async () => {
    behaviour.ec2DelayMs = 0;
    behaviour.slackDelayMs = 0;
    const store = new FileRequestStore(dataDir);
    const onCards = async () => (await store.list({ openOnly: true, limit: 20 })).filter((r) => r.state === 'pending' && r.message);
    const before = (await onCards()).length;
    for (let i = 0; i < 5; i++) {
      await post(
        slashCommandBody(`create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d private-dns=off reason=every-${i}`, {
          trigger_id: `every-${i}`,
          response_url: `${slackUrl}/response/every-${i}`,
        }),
      );
    }
    // The card's channel and ts are recorded just after chat.postMessage answers: wait for the records, not the posts.
    let pending = await onCards();
    const started = Date.now();
    while (pending.length < before + 5 && Date.now() - started < 30_000) {
      await sleep(50);
      pending = await onCards();
    }
    expect(pending.length).toBeGreaterThanOrEqual(5);
    const requests = everyRequest({
      endpoint: ENDPOINT,
      requests: pending.slice(0, 5).map((r) => ({ id: r.id, version: r.version, ...r.message! })),
      requester: 'U0ALICE',
      approver: 'U0DAVE',
      responseUrl: (name) => `${slackUrl}/response/every-${name}`,
    });
    expect(uncovered(requests)).toEqual([]);
    behaviour.ec2DelayMs = 2500;
    behaviour.slackDelayMs = 1500;

    const answers: { name: string; status: number; serverMs: number; ms: number }[] = [];
    for (const request of requests) {
      const answer = await post(request.body, request.contentType);
      answers.push({ name: request.name, status: answer.status, serverMs: Math.round(answer.serverMs), ms: Math.round(answer.ms) });
    }
    // Every job was handed over before its request was answered: the server says when none is left running.
    const handedOver = output.length;

    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    // Timed by the server from each request's arrival (its Server-Timing header), as above.
    expect(answers.filter((a) => !(a.serverMs < 2500))).toEqual([]);
    // The catch-all (an empty 200 at 2.5 s) never stood in for an answer.
    expect(output).not.toContain('no answer 2500 ms after arrival');
    // What was handed off is finished: the lookups answered, the Share posted once, the Home drawn.
    behaviour.ec2DelayMs = 0;
    behaviour.slackDelayMs = 0;
    behaviour.rateLimitUpdates = false;
    await until(() => (responses.get('/response/every-dns')?.length ?? 0) >= 1, "the dns lookup's answer", 30_000);
    await until(() => (responses.get('/response/every-compare-share')?.length ?? 0) >= 1, 'the shared compare result', 30_000);
    await until(() => slackCalls.some((c) => c.method === 'views.publish'), 'the App Home drawn', 30_000);
    // Posted once, not once more by a late first attempt: the Share is the worker's alone. Counted once every job
    // handed over above has ended, not after a pause a late post could outlast.
    // A redraw that met a 429 (Retry-After 4) before Slack recovered may still be retrying: up to the Web API
    // client's five retries.
    await until(() => output.slice(handedOver).includes(JOBS_IDLE), 'every job handed over to end', 60_000);
    expect(responses.get('/response/every-compare-share')).toHaveLength(1);
    behaviour.rateLimitUpdates = true;
  }, 120_000);

  it('answers 200 concurrent lookups, in-line or handed off, and answers every one handed off', async () => {
    behaviour.ec2DelayMs = 0;
    behaviour.slackDelayMs = 0;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => post(slashCommandBody(`dns ${ENDPOINT}`, { response_url: `${slackUrl}/response/burst-${i}` }))),
    );

    expect(answers.every((a) => a.status === 200)).toBe(true);
    const handedOff = answers
      .map((a, i) => [a, i] as const)
      .filter(([a]) => a.text.includes('Looking up'))
      .map(([, i]) => i);
    // In-line: the answer itself (an EC2 error explained counts: EC2 shares a busy machine here); never a failure.
    const failed = answers.filter((a) => a.text.includes(en.internalError.slice(0, 30)) || a.text.includes(en.deadline.handOffFailed.slice(0, 30))).length;
    const inline = 200 - handedOff.length - failed;
    expect(failed).toBe(0);
    // How fast depends on the machine (client, fakes and server share it): the figure is printed, and the bench
    // keeps the timing goal; the test pins that nothing is lost. The bound on concurrent EC2 calls is pinned in
    // test/deadline.test.ts on a clock the test moves.
    const sorted = answers.map((a) => Math.round(a.ms)).sort((a, b) => a - b);
    const byServer = answers.map((a) => Math.round(a.serverMs)).sort((a, b) => a - b);
    expect(byServer.every(Number.isFinite)).toBe(true);
    console.log(
      `200 concurrent dns: ${inline} answered in-line, ${handedOff.length} handed off; answered in ${sorted[100]} ms (median), ${sorted[199]} ms (slowest); by the server's clock from arrival ${byServer[100]} ms, ${byServer[199]} ms`,
    );
    await until(() => handedOff.every((i) => responses.get(`/response/burst-${i}`)?.length === 1), 'every handed-off lookup answered', 60_000);
    expect(handedOff.every((i) => responses.get(`/response/burst-${i}`)![0]!.includes(`${ENDPOINT}-`))).toBe(true);
  }, 120_000);
});
