/**
 * `npm run bench`: figures, not verdicts. Cold start against the baseline (Bolt's Lambda example with the EC2
 * client, unbundled), warm handler latency, and lookups over large accounts. Everything runs on loopback;
 * medians, because machines here are noisy. BENCH_QUICK=1 runs fewer rounds; BENCH_ONLY=cold (warm, scale, estate) some parts.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseCommand } from '../src/commands/parse.js';
import { createEc2Adapter } from '../src/endpoints/ec2.js';
import { runLookup, type LookupCommand } from '../src/endpoints/lookups.js';
import { FileRequestStore } from '../src/requests/file-store.js';
import { newRequest, requestIdFor } from '../src/requests/model.js';
import { en } from '../src/messages.js';
import { LIMITS } from '../src/slack/views/blocks.js';
import { lookupView } from '../src/slack/views/endpoints.js';
import { seedState, startEc2Emulator } from '../test/emulator/ec2-emulator.js';
import { startFakeSlack } from '../test/emulator/slack-api.js';
import nock from 'nock';

// The emulator's XML helpers share a module with the tests' nock fixtures, and importing nock intercepts every
// HTTP request of this process: measure the handler's own requests, not the interceptor.
nock.restore();

const QUICK = process.env.BENCH_QUICK === '1';
const SECRET = 'bench-signing-secret';
const ROOT = path.resolve(__dirname, '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

const baseEnv = {
  PATH: process.env.PATH ?? '',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_BOT_ID: 'B0BENCH',
  SLACK_BOT_USER_ID: 'U0BENCH',
  AWS_REGION: 'ap-northeast-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  WORKER_FUNCTION_NAME: 'privatelink-bot-bench-worker',
  LOG_LEVEL: 'error',
};

interface ColdRun {
  wallMs: number;
  /** Until the first answer (help, or the dns/describe answer). */
  helpMs: number;
  totalMs: number;
  cpuMs: number;
  rssMiB: number;
  /** How the first answer was given: in-line, or handed off to the worker ("Looking up…"). */
  answered: 'in-line' | 'handed-off';
}

type Scenario = 'help' | 'dns' | 'describe';

function coldRun(modulePath: string, exportName: string, scenario: Scenario, env: Record<string, string>): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.join(ROOT, 'bench/cold-child.cjs'), modulePath, exportName, scenario], { env, cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${modulePath} ${scenario} exited ${code}: ${err}`));
      const line = JSON.parse(out.trim().split('\n').at(-1)!) as Omit<ColdRun, 'wallMs'>;
      resolve({ wallMs, ...line });
    });
  });
}

const ENDPOINT_ID = 'vpce-0123456789abcdef0';

/** A Lambda Invoke API on loopback that accepts every asynchronous invocation (the worker hand-off) and counts them. */
async function fakeLambda(): Promise<{ url: string; invocations: () => number; close: () => Promise<void> }> {
  let invocations = 0;
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.includes('/invocations')) invocations++;
    req.resume();
    req.on('end', () => {
      res.writeHead(202);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    invocations: () => invocations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Variant {
  name: string;
  /** For the line of in-line / handed-off counts. */
  short: string;
  module: string;
  exportName: string;
  baseline?: boolean;
}

const OURS: Variant = { name: 'privatelink-bot (bundled handler)', short: 'ours', module: 'dist/handler.js', exportName: 'slack' };
/** The alternative measured and not chosen: the same bundle relying on the runtime's SDK (here: node_modules). */
const OURS_RUNTIME_SDK: Variant = { name: "  alternative: runtime's SDK", short: 'alternative', module: 'dist/sdk-external/handler.js', exportName: 'slack' };
const BASELINE: Variant = { name: 'baseline (Bolt example + EC2)', short: 'baseline', module: 'bench/baseline/app.cjs', exportName: 'handler', baseline: true };

/** A loopback proxy that holds every request `delayMs` before passing it on (BENCH_EC2_DELAY_MS: shows hand-offs). */
async function delayed(target: string, delayMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      setTimeout(() => {
        const forward = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        forward.on('error', () => res.destroy());
        forward.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function coldStart(): Promise<void> {
  const ec2 = await startEc2Emulator(seedState());
  ec2.state.endpoints.push({ id: ENDPOINT_ID, state: 'available', describesUntilReady: 0 });
  const lambda = await fakeLambda();
  // BENCH_EC2_DELAY_MS=1600: every EC2 answer late, so the bot's lookups hand off (the baseline just waits).
  const ec2Delay = Number(process.env.BENCH_EC2_DELAY_MS ?? 0);
  const ec2Door = ec2Delay > 0 ? await delayed(ec2.url, ec2Delay) : undefined;
  const env = {
    ...baseEnv,
    REQUESTS_TABLE: 'bench-requests',
    AWS_ENDPOINT_URL_EC2: ec2Door?.url ?? ec2.url,
    AWS_ENDPOINT_URL_LAMBDA: lambda.url,
    BENCH_ENDPOINT: ENDPOINT_ID,
    // The hand-off's answer, which a lookup past its in-line budget gets (a loaded machine): counted, not refused.
    BENCH_LOOKING_UP: en.lookingUp,
  };
  const scenarios: { scenario: Scenario; title: string; first: string; rounds: number; variants: Variant[] }[] = [
    { scenario: 'help', title: 'one signed help then one compare', first: 'help ms', rounds: QUICK ? 5 : 15, variants: [OURS, BASELINE] },
    {
      scenario: 'dns',
      title: `one signed dns ${ENDPOINT_ID}, EC2 emulator on loopback`,
      first: 'dns ms',
      rounds: QUICK ? 3 : 10,
      variants: [OURS, BASELINE, OURS_RUNTIME_SDK],
    },
    {
      scenario: 'describe',
      title: `one signed describe ${ENDPOINT_ID}, EC2 emulator on loopback`,
      first: 'desc ms',
      rounds: QUICK ? 3 : 10,
      variants: [OURS, BASELINE],
    },
  ];
  for (const { scenario, title, first, rounds, variants } of scenarios) {
    const runs = new Map<Variant, ColdRun[]>(variants.map((v) => [v, []]));
    for (let i = 0; i < rounds; i++) {
      // Alternate, so drift in the machine's load hits all alike.
      for (const v of variants) {
        const invokedBefore = lambda.invocations();
        const run = await coldRun(v.module, v.exportName, scenario, env);
        if (run.answered === 'handed-off' && lambda.invocations() === invokedBefore)
          throw new Error(`${v.name} ${scenario}: answered "Looking up…" without invoking the worker`);
        runs.get(v)!.push(run);
      }
    }
    const pick = (v: Variant, f: (r: ColdRun) => number) => median(runs.get(v)!.map(f));
    const fields: ((r: ColdRun) => number)[] = [(r) => r.wallMs, (r) => r.helpMs, (r) => r.totalMs, (r) => r.cpuMs, (r) => r.rssMiB];
    console.log(`\nCold start, ${scenario}: fresh process, ${title} (median of ${rounds}, alternating)`);
    console.log(`${''.padEnd(36)}${'wall ms'.padStart(8)}${first.padStart(8)}${'all ms'.padStart(8)}${'cpu ms'.padStart(8)}${'rss MiB'.padStart(8)}`);
    for (const v of variants) console.log(`${v.name.padEnd(36)}${fields.map((f) => fmt(pick(v, f))).join('')}`);
    const ratio = (v: Variant) =>
      `${`ratio ${v === OURS ? 'ours' : 'alternative'} / baseline`.padEnd(36)}${fields.map((f) => (pick(v, f) / pick(BASELINE, f)).toFixed(2).padStart(8)).join('')}`;
    for (const v of variants.filter((x) => !x.baseline)) console.log(ratio(v));
    // Medians are over all runs: a hand-off ("Looking up…", the worker answers later) is what the user got.
    if (scenario !== 'help') {
      const answeredHow = variants.map((v) => {
        const inLine = runs.get(v)!.filter((r) => r.answered === 'in-line').length;
        return `${v.short} ${inLine}/${rounds - inLine}`;
      });
      console.log(`  answered in-line / handed off (of ${rounds}): ${answeredHow.join(' · ')}`);
    }
  }
  for (const [name, file] of [
    ['slack handler bundle', 'dist/handler.js'],
    ['worker handler bundle', 'dist/worker-handler.js'],
  ] as const) {
    console.log(`${name}: ${((await stat(path.join(ROOT, file))).size / 1e6).toFixed(2)} MB`);
  }
  // The SDK's ES modules beside the bundles, read on first use (scripts/esbuild-plugins.cjs).
  const sdkFiles = await readdir(path.join(ROOT, 'dist/sdk'));
  const sdkBytes = (await Promise.all(sdkFiles.map((f) => stat(path.join(ROOT, 'dist/sdk', f))))).reduce((n, s) => n + s.size, 0);
  console.log(`AWS SDK beside them (dist/sdk, loaded on first use): ${sdkFiles.length} files, ${(sdkBytes / 1e6).toFixed(2)} MB`);
  await Promise.all([ec2.close(), lambda.close(), ec2Door?.close()]);
}

function signed(body: string, contentType = 'application/x-www-form-urlencoded') {
  const ts = Math.floor(Date.now() / 1000);
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
    },
    body,
    isBase64Encoded: false,
    requestContext: {},
  };
}

type Handler = (e: unknown, c: unknown) => Promise<{ statusCode: number }>;

const noOpHandler: Handler = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  return { statusCode: 200 };
};

/** A fixed amount of CPU work (about a millisecond here) with one turn of the event loop, and no I/O. */
const fixedWorkHandler: Handler = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  let digest = Buffer.alloc(32);
  for (let i = 0; i < 400; i++) digest = createHmac('sha256', digest).update('fixed work').digest();
  return { statusCode: digest.length === 32 ? 200 : 500 };
};

async function warmLatency(): Promise<void> {
  const iterations = QUICK ? 100 : 400;
  const ec2 = await startEc2Emulator(seedState());
  ec2.state.endpoints.push({ id: 'vpce-0123456789abcdef0', state: 'available', describesUntilReady: 0 });
  const slack = await startFakeSlack();
  const lambda = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(202);
      res.end();
    });
  });
  await new Promise<void>((resolve) => lambda.listen(0, '127.0.0.1', resolve));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'privatelink-bench-'));
  Object.assign(process.env, baseEnv, {
    SLACK_API_URL: slack.apiUrl,
    AWS_ENDPOINT_URL_EC2: ec2.url,
    AWS_ENDPOINT_URL_LAMBDA: `http://127.0.0.1:${(lambda.address() as AddressInfo).port}`,
    DATA_DIR: dataDir,
    APPROVAL_CHANNEL_ID: 'C0APPROVALS',
    APPROVER_USER_IDS: 'U0BOB',
  });
  delete process.env.REQUESTS_TABLE;

  const store = new FileRequestStore(dataDir);
  const pending: string[] = [];
  for (let i = 0; i < iterations + 20; i++) {
    const request = newRequest({
      id: requestIdFor(`bench-${i}`),
      requester: 'U0ALICE',
      params: {
        region: 'ap-northeast-1',
        serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
        vpcId: 'vpc-0a1b2c3d',
        subnetIds: ['subnet-0a1b2c3d'],
        securityGroupIds: [],
        privateDns: 'on',
        ports: [443],
      },
      preflight: [],
      now: new Date(),
      ttlHours: 24,
    });
    await store.create({ ...request, message: { channel: 'C0APPROVALS', ts: '1700000000.000100' } });
    pending.push(request.id);
  }

  // BENCH_HANDLER=path/to/handler.js measures another build of the handler (an A/B of two builds, alternating runs).
  const handlerPath = path.resolve(ROOT, process.env.BENCH_HANDLER ?? 'dist/handler.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { slack: ourHandler } = require(handlerPath) as { slack: Handler };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler: baselineHandler } = require(path.join(ROOT, BASELINE.module)) as { handler: Handler };
  const command = (text: string) =>
    new URLSearchParams({
      command: '/privatelink',
      text,
      user_id: 'U0ALICE',
      channel_id: 'C0CHAN',
      team_id: 'T0TEAM',
      response_url: slack.responseUrl('x'),
      trigger_id: '1.2.3',
    }).toString();
  const click = (actionId: string, value: string, user: string) =>
    new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        user: { id: user },
        team: { id: 'T0TEAM' },
        response_url: slack.responseUrl('click'),
        actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
        container: { type: 'message', channel_id: 'C0APPROVALS', message_ts: '1700000000.000100' },
        channel: { id: 'C0APPROVALS' },
      }),
    }).toString();

  const cases: [string, (i: number) => string, Handler?][] = [
    // Controls: what the machine's load alone does to a p99 in this run (no I/O, no disk, no network).
    ['control: no-op handler', () => '', noOpHandler],
    ['control: fixed CPU work, no I/O', () => '', fixedWorkHandler],
    ['help', () => command('help')],
    ['compare (answers given)', () => command('compare target=own-service overlap=yes')],
    ['walkthrough click', () => click('compare_answer:target:aws-service', 'target=aws-service', 'U0ALICE')],
    ['dns vpce-… (EC2 on loopback)', () => command('dns vpce-0123456789abcdef0')],
    ['describe vpce-… (EC2 on loopback)', () => command('describe vpce-0123456789abcdef0')],
    ['approve click', (i) => click('approve_request', pending[i]!, 'U0BOB')],
    // The baseline app, warm in this process too: what a plain Bolt app answering the same commands costs.
    ['baseline: help', () => command('help'), baselineHandler],
    ['baseline: dns vpce-… (EC2 on loopback)', () => command('dns vpce-0123456789abcdef0'), baselineHandler],
  ];
  console.log(`\nWarm handler latency: the bundled Lambda handler in one process, ${iterations} signed events each`);
  console.log(
    `  handler: ${path.relative(ROOT, handlerPath)} · load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`${''.padEnd(36)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'cpu ms'.padStart(8)}`);
  const only = process.env.BENCH_CASES?.split(',');
  const measured = new Map<string, number[]>();
  for (const [name, body, handler = ourHandler] of cases.filter(([n]) => !only || only.some((o) => n.includes(o)))) {
    await handler(signed(body(iterations + 10)), {});
    const times: number[] = [];
    // CPU time per event (this process: the handler and the loopback fakes it calls) depends far less on the
    // machine's load than wall time does.
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < iterations; i++) {
      const event = signed(body(i));
      const t = performance.now();
      const response = await handler(event, {});
      times.push(performance.now() - t);
      if (response.statusCode !== 200) throw new Error(`${name}: status ${response.statusCode}`);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerEvent = (cpu.user + cpu.system) / 1000 / iterations;
    console.log(`${name.padEnd(36)}${fmt(percentile(times, 50), 2)}${fmt(percentile(times, 99), 2)}${fmt(cpuPerEvent, 2)}`);
    measured.set(name, [percentile(times, 50), percentile(times, 99), cpuPerEvent]);
  }
  for (const [ours, theirs] of [
    ['help', 'baseline: help'],
    ['dns vpce-… (EC2 on loopback)', 'baseline: dns vpce-… (EC2 on loopback)'],
  ] as const) {
    const [a, b] = [measured.get(ours), measured.get(theirs)];
    if (a && b) console.log(`${`ratio ${ours.split(' ')[0]} ours / baseline`.padEnd(36)}${a.map((x, i) => (x / b[i]!).toFixed(2).padStart(8)).join('')}`);
  }
  console.log(
    `  load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await Promise.all([ec2.close(), slack.close(), new Promise((resolve) => lambda.close(resolve)), rm(dataDir, { recursive: true, force: true })]);
}

function withinLimits(view: { blocks: unknown[] }): boolean {
  const json = view.blocks as { type: string; text?: { text: string } }[];
  return json.length <= LIMITS.messageBlocks && json.every((b) => (b.text?.text.length ?? 0) <= (b.type === 'header' ? LIMITS.headerText : LIMITS.sectionText));
}

async function scale(): Promise<void> {
  console.log('\nLarge accounts: EC2 emulator in its own process (real XML, 1,000 per page); our fetch, parse and render');
  console.log(
    `${''.padEnd(24)}${'wall ms'.padStart(9)}${'cpu ms'.padStart(9)}${'render'.padStart(9)}${'heap MiB'.padStart(10)}${'blocks'.padStart(8)}  within limits`,
  );
  for (const count of [1000, 10_000]) {
    const emulator = await emulatorProcess(count);
    const ec2 = createEc2Adapter({ clientConfig: { endpoint: emulator.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } } });
    for (const text of ['dns kinesis', 'describe']) {
      const parsed = parseCommand(text);
      if (!parsed.ok) throw new Error(text);
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const cpuBefore = process.cpuUsage();
      const t = performance.now();
      const result = await runLookup(parsed.command as LookupCommand, ec2, { defaultRegion: 'ap-northeast-1' });
      const r = performance.now();
      const view = lookupView(result);
      const renderMs = performance.now() - r;
      const wall = performance.now() - t;
      const cpu = process.cpuUsage(cpuBefore);
      const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      console.log(
        `${`${text} × ${count}`.padEnd(24)}${fmt(wall).padStart(9)}${fmt((cpu.user + cpu.system) / 1000).padStart(9)}${fmt(renderMs, 2).padStart(9)}${fmt(heap).padStart(10)}${String(view.blocks.length).padStart(8)}  ${withinLimits(view) ? 'yes' : 'NO'}`,
      );
    }
    emulator.close();
  }
}

async function emulatorProcess(endpoints: number): Promise<{ url: string; close: () => void }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/emulator/main.ts')], {
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_ENDPOINTS: String(endpoints) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

/**
 * 200 concurrent `dns` commands at the local server (`npm start`, HTTP, its own process; EC2 emulator and Slack
 * on loopback in this process). Each answer's time is the server's own (its Server-Timing header: from the
 * request's arrival to the answer), which leaves out this client's queueing on the same cores.
 */
async function burst(): Promise<void> {
  const count = 200;
  const ec2 = await startEc2Emulator(seedState());
  ec2.state.endpoints.push({ id: ENDPOINT_ID, state: 'available', describesUntilReady: 0 });
  const slack = await startFakeSlack();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'privatelink-bench-burst-'));
  const port = await freePort();
  const loopDelayFile = path.join(dataDir, 'loop-delay.json');
  // BENCH_SERVER_NODE_ARGS: more Node options for the server (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const serverArgs = [...nodeArgs, '--require', path.join(ROOT, 'bench/loop-delay.cjs'), '--import', 'tsx', path.join(ROOT, 'src/server.ts')];
  const server = spawn(process.execPath, serverArgs, {
    cwd: ROOT,
    env: {
      ...baseEnv,
      BENCH_LOOP_DELAY_FILE: loopDelayFile,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      AWS_ENDPOINT_URL_EC2: ec2.url,
      DATA_DIR: dataDir,
      APPROVAL_CHANNEL_ID: 'C0APPROVALS',
      APPROVER_USER_IDS: 'U0BOB',
      // As `npm start` logs by default: every answer is a line.
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  while (!output.includes('listening on')) {
    if (server.exitCode !== null) throw new Error(`the local server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = `http://127.0.0.1:${port}/slack/events`;
  const post = async (name: string) => {
    const body = new URLSearchParams({
      command: '/privatelink',
      text: `dns ${ENDPOINT_ID}`,
      user_id: 'U0ALICE',
      channel_id: 'C0CHAN',
      team_id: 'T0TEAM',
      response_url: slack.responseUrl(name),
      trigger_id: '1.2.3',
    }).toString();
    const event = signed(body);
    const t = performance.now();
    // node:http, one connection each: `sentAt` is when the request was handed to the kernel.
    const response = await new Promise<{ status: number; text: string; timing: string; sentAt: number }>((resolve, reject) => {
      let sentAt = Number.NaN;
      const req = httpRequest(url, { method: 'POST', headers: event.headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, timing: String(res.headers['server-timing'] ?? ''), sentAt }));
      });
      req.on('finish', () => (sentAt = performance.timeOrigin + performance.now()));
      req.on('error', reject);
      req.end(body);
    });
    const { text, timing, sentAt } = response;
    const clientMs = performance.now() - t;
    const serverMs = Number(/app;dur=([\d.]+)/.exec(timing)?.[1] ?? Number.NaN);
    // Between the request's last byte leaving this client and the server seeing it: the kernel's accept queue and
    // the server's event loop.
    const queuedMs = Number(/arrival;desc="([\d.]+)"/.exec(timing)?.[1] ?? Number.NaN) - sentAt;
    return { status: response.status, handedOff: text.includes(en.lookingUp), serverMs, clientMs, queuedMs, name };
  };
  // The server loads the EC2 client while it waits; one lookup makes sure that is done before the burst.
  await post('warm-up');
  server.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const loadBefore = loadavg()[0]!;
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => post(`burst-${i}`)));
  const loadAfter = loadavg()[0]!;
  const handedOff = answers.filter((a) => a.handedOff);
  const deadline = performance.now() + 60_000;
  const answeredLater = () => handedOff.filter((a) => slack.calls.some((c) => c.method === `/response/${a.name}`)).length;
  while (answeredLater() < handedOff.length && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const loop = JSON.parse(await readFile(loopDelayFile, 'utf8')) as { p50: number; p99: number; max: number; cpuMs: number };
  const server_ = answers.map((a) => a.serverMs);
  const client = answers.map((a) => a.clientMs);
  console.log(
    `\nBurst: ${count} concurrent dns ${ENDPOINT_ID} at the local server (npm start, HTTP), load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
  );
  console.log(`${''.padEnd(36)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(8)}`);
  console.log(`${'server: arrival to answer'.padEnd(36)}${fmt(percentile(server_, 50))}${fmt(percentile(server_, 99))}${fmt(Math.max(...server_))}`);
  console.log(`${"server's event loop delay (burst, jobs)".padEnd(36)}${fmt(loop.p50)}${fmt(loop.p99)}${fmt(loop.max)}`);
  const queued = answers.map((a) => a.queuedMs);
  console.log(`${'before the server saw it'.padEnd(36)}${fmt(percentile(queued, 50))}${fmt(percentile(queued, 99))}${fmt(Math.max(...queued))}`);
  console.log(`${'client: sent to answer read'.padEnd(36)}${fmt(percentile(client, 50))}${fmt(percentile(client, 99))}${fmt(Math.max(...client))}`);
  console.log(
    `answered ${answers.filter((a) => a.status === 200).length}/${count} (${count - handedOff.length} in-line, ${handedOff.length} handed off, ${answeredLater()} of those answered later); within 3 s of arrival: ${server_.filter((ms) => ms < 3000).length}/${count}`,
  );
  console.log(`server CPU for the burst and its jobs: ${loop.cpuMs.toFixed(0)} ms, ${(loop.cpuMs / count).toFixed(1)} ms a command`);
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await Promise.all([ec2.close(), slack.close(), rm(dataDir, { recursive: true, force: true })]);
}

function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  console.log(`privatelink-bot bench · node ${process.version} · ${new Date().toISOString()}`);
  // BENCH_ONLY=cold,warm,scale runs some parts only.
  const only = process.env.BENCH_ONLY?.split(',');
  if (!only || only.includes('cold')) await coldStart();
  if (!only || only.includes('warm')) await warmLatency();
  if (!only || only.includes('scale')) await scale();
  // Issue 17: one endpoint id searched across 50 accounts × 4 regions (bench/estate.ts; runnable alone).
  if (!only || only.includes('estate')) await (await import('./estate.js')).estateBench();
  if (!only || only.includes('burst')) await burst();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
