/**
 * The real local entry point (`npm start`, HTTP mode) as a separate process: signed requests over HTTP, Slack
 * faked on loopback, EC2 answered by the emulator, requests kept on disk across a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../src/slack/verify.js';
import { seedState, startEc2Emulator, type RunningEmulator } from './emulator/ec2-emulator.js';
import { startFakeSlack, type FakeSlackServer } from './emulator/slack-api.js';
import { SIGNING_SECRET, blockActionBody, slashCommandBody } from './helpers/slack.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What the server printed and Slack received last, added to a time-out's message. */
let diagnostics = () => '';
async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}\n${diagnostics()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start (local HTTP mode)', () => {
  let ec2: RunningEmulator;
  let slack: FakeSlackServer;
  let dataDir: string;
  let port: number;
  let server: ChildProcess | undefined;
  let output = '';

  const env = () => ({
    PATH: process.env.PATH ?? '',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-local-test',
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    AWS_REGION: 'ap-northeast-1',
    AWS_ENDPOINT_URL_EC2: ec2.url,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    APPROVAL_CHANNEL_ID: 'C0APPROVALS',
    APPROVER_USER_IDS: 'U0BOB',
    DATA_DIR: dataDir,
  });

  async function start(): Promise<void> {
    output = '';
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await until('the server to listen', () => output.includes('listening on'));
  }

  async function stop(): Promise<void> {
    if (!server) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    server = undefined;
  }

  async function post(body: string): Promise<{ status: number; text: string }> {
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signBody(SIGNING_SECRET, body, timestamp),
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  }

  beforeAll(async () => {
    ec2 = await startEc2Emulator(seedState());
    slack = await startFakeSlack();
    dataDir = await mkdtemp(path.join(tmpdir(), 'privatelink-local-'));
    port = await freePort();
    diagnostics = () => `${output.slice(-2000)}\n${JSON.stringify(slack.calls.slice(-2))}`;
    await start();
  }, 30_000);

  afterAll(async () => {
    await stop();
    await ec2.close();
    await slack.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates an approved endpoint in the emulator, reports its DNS names, and remembers it across a restart', async () => {
    const create = slashCommandBody('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d', {
      response_url: slack.responseUrl('create'),
    });
    const ack = await post(create);
    expect(ack.status).toBe(200);
    expect(ack.text).toContain('Checking the request');

    const posted = await until('the approval request', () => slack.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0APPROVALS'));
    const id = /plr-[0-9a-z]{10}/.exec(JSON.stringify(posted.args))![0];

    // A click counts only on the message the request recorded: click there, as Slack would send it.
    const recorded = await until('the recorded approval message', () => {
      const file = path.join(dataDir, 'requests', `${id}.json`);
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { message?: { channel: string; ts: string } }).message : undefined;
    });
    const approve = blockActionBody('approve_request', id, 'U0BOB', {
      response_url: slack.responseUrl('approve'),
      container: { type: 'message', message_ts: recorded.ts, channel_id: recorded.channel, is_ephemeral: false },
    });
    expect((await post(approve)).status).toBe(200);

    const done = await until('the endpoint to be available', () =>
      slack.calls.find((c) => c.method === 'chat.update' && JSON.stringify(c.args).includes('Available')),
    );
    expect(ec2.state.endpoints).toHaveLength(1);
    const endpointId = ec2.state.endpoints[0]!.id;
    expect(JSON.stringify(done.args)).toContain(`${endpointId}-emu1.kinesis.ap-northeast-1.vpce.amazonaws.com`);
    // The requester hears it by direct message, through the real server too: approved, then available.
    const told = await until('the requester to be told', () => {
      const dms = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'U0ALICE');
      return dms.length >= 2 ? dms : undefined;
    });
    expect(JSON.stringify(told[0]!.args)).toContain('was approved by <@U0BOB>');
    expect(JSON.stringify(told[1]!.args)).toContain(`Your endpoint \`${endpointId}\` is available`);

    await stop();
    await start();
    const status = await post(slashCommandBody(`status ${id}`));
    expect(status.text).toContain(':large_green_circle: Available');
    expect(ec2.state.endpoints).toHaveLength(1);
  }, 60_000);
});

describe('npm start without configuration', () => {
  it('names the missing variable and where to get it, with no stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { PATH: process.env.PATH ?? '' },
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));

    expect(code).toBe(1);
    expect(stderr).toMatch(/^privatelink: SLACK_SIGNING_SECRET: missing; copy it from the app's Basic Information page/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
