/**
 * A create follows its endpoint for minutes; nothing else waits behind it. Five creates in progress (each endpoint
 * stays `pending`, each create job asleep between polls on a clock only the test moves) and a lookup handed to the
 * worker: through the Lambda handlers with each function's reserved concurrency at its serverless.yml default, and
 * on the local door's composition (`npm start`). The lookup answers while the five creates still hold, with no time
 * passed on their clock; with every job on one function, as before the interactive worker, it waits for a create
 * to end.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import type { CreateTiming } from '../../src/requests/create.js';
import type { Job, JobQueue } from '../../src/jobs/job.js';
import { functionFor, lambdaJobQueue } from '../../src/jobs/queue.js';
import { FileRequestStore } from '../../src/requests/file-store.js';
import { newRequest } from '../../src/requests/model.js';
import { composeLocalBot } from '../../src/server.js';
import { composeBot } from '../../src/services.js';
import { workerHandlerOf } from '../../src/worker-handler.js';
import { seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { manualClock, until, type ManualClock } from '../helpers/clock.js';
import { fakeEc2World, testEc2 } from '../helpers/ec2.js';
import { fakeLambda } from '../helpers/lambda.js';
import { approvedAsSlackWould, kinesisParams } from '../helpers/requests.js';
import { RESPONSE_HOST, RESPONSE_PATH, TEST_CONFIG, captureResponseUrl, fakeSlack, memoryPreferences, quietLogger } from '../helpers/slack.js';

const START = Date.parse('2026-11-29T10:00:00Z');
const WORKER = 'privatelink-bot-test-worker';
const INTERACTIVE = 'privatelink-bot-test-interactive';
const defaults = parse(readFileSync('serverless.yml', 'utf8')).params.default as { workerConcurrency: number; interactiveConcurrency: number };

let dir: string;
let clock: ManualClock;
let world: EmulatorState;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'privatelink-interactive-'));
  clock = manualClock(START);
  world = seedState();
  // Every endpoint stays `pending`: a create follows it until the test moves the clock past its deadline.
  world.pendingDescribes = Number.POSITIVE_INFINITY;
  fakeEc2World(world);
  fakeSlack();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The create job's real intervals, slept on the test's clock. */
const timing = (): CreateTiming => ({
  deadlineMs: 10 * 60_000,
  firstPollMs: 2000,
  maxPollMs: 15_000,
  leaseMs: 60_000,
  sleep: (ms) => clock.sleepUntil(clock.now() + ms),
});

/** `n` requests approved and not yet created, in the store. */
async function approvedRequests(store: FileRequestStore, n: number): Promise<string[]> {
  const now = new Date(clock.now());
  const ids = Array.from({ length: n }, (_, i) => `plr-held${i}`);
  for (const id of ids) {
    const pending = newRequest({ id, requester: 'U0ALICE', params: kinesisParams(), preflight: [], now, ttlHours: 24 });
    expect(await store.create(approvedAsSlackWould(pending, 'U0BOB', now))).toBe(true);
  }
  return ids;
}

const lookup = (endpointId: string): Job => ({ kind: 'lookup', text: `dns ${endpointId}`, userId: 'U0ALICE', responseUrl: `${RESPONSE_HOST}${RESPONSE_PATH}` });

/** Hands five creates over and waits until each has created its endpoint and sleeps before its next describe. */
async function fiveCreatesInProgress(jobs: JobQueue, store: FileRequestStore): Promise<string[]> {
  const ids = await approvedRequests(store, 5);
  for (const requestId of ids) await jobs.enqueue({ kind: 'create', requestId });
  await until(() => clock.waiting === 5 && world.endpoints.length === 5, 'five creates following their endpoints');
  for (const id of ids) expect((await store.get(id))!.state).toBe('creating');
  return ids;
}

describe('which function runs a job', () => {
  it('runs creates on the worker and every other job on the interactive worker', () => {
    const kinds: Job['kind'][] = ['lookup', 'submit', 'create', 'sweep', 'compare', 'requests-page', 'home', 'decision'];
    expect(Object.fromEntries(kinds.map((k) => [k, functionFor(k)]))).toEqual({
      lookup: 'interactive',
      submit: 'interactive',
      create: 'worker',
      sweep: 'interactive',
      compare: 'interactive',
      'requests-page': 'interactive',
      home: 'interactive',
      decision: 'interactive',
    });
  });
});

describe('five creates in progress, a lookup handed to the worker (Lambda handlers, reserved concurrency at its default)', () => {
  beforeEach(() => {
    vi.stubEnv('AWS_REGION', 'ap-northeast-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret');
  });
  afterEach(() => vi.unstubAllEnvs());

  /** Both workers as deployed, over one store and EC2; `interactive` unset sends every job to the worker. */
  function deployed(functions: { worker: string; interactive?: string }) {
    const store = new FileRequestStore(dir);
    const bot = composeBot(TEST_CONFIG, {
      ec2: testEc2(),
      store,
      jobs: lambdaJobQueue(functions),
      logger: quietLogger(),
      now: () => new Date(clock.now()),
      clock: manualClock(),
      preferences: memoryPreferences(),
      timing: timing(),
    });
    const handler = workerHandlerOf(bot) as (event: unknown) => Promise<void>;
    const lambda = fakeLambda({
      [WORKER]: { reservedConcurrency: defaults.workerConcurrency, handler },
      [INTERACTIVE]: { reservedConcurrency: defaults.interactiveConcurrency, handler },
    });
    return { store, jobs: bot.jobs, lambda };
  }

  it('answers on the interactive worker while the five creates hold every worker, with no time passed', async () => {
    const { store, jobs, lambda } = deployed({ worker: WORKER, interactive: INTERACTIVE });
    await fiveCreatesInProgress(jobs, store);
    expect(lambda.running(WORKER)).toBe(defaults.workerConcurrency);
    const answers = captureResponseUrl();

    await jobs.enqueue(lookup(world.endpoints[0]!.id));
    await until(() => answers.length === 1, "the lookup's answer");

    expect(JSON.stringify(answers[0]!.body)).toContain(world.endpoints[0]!.id);
    expect(clock.now() - START).toBe(0);
    expect(clock.waiting).toBe(5);
    expect(lambda.running(WORKER)).toBe(5);
    expect(lambda.invoked.map((i) => [i.name, (i.event as Job).kind])).toEqual([
      ...Array.from({ length: 5 }, () => [WORKER, 'create']),
      [INTERACTIVE, 'lookup'],
    ]);
    expect(lambda.failures).toEqual([]);
  });

  it('hands each job to the function the environment names for it (WORKER_FUNCTION_NAME, INTERACTIVE_FUNCTION_NAME)', async () => {
    const config = loadConfig({ WORKER_FUNCTION_NAME: WORKER, INTERACTIVE_FUNCTION_NAME: INTERACTIVE }, { slack: false });
    const lambda = fakeLambda({
      [WORKER]: { reservedConcurrency: 1, handler: async () => undefined },
      [INTERACTIVE]: { reservedConcurrency: 1, handler: async () => undefined },
    });
    const jobs = composeBot(config, { logger: quietLogger() }).jobs;

    await jobs.enqueue({ kind: 'create', requestId: 'plr-a' });
    await jobs.enqueue({ kind: 'sweep' });
    await jobs.enqueue(lookup('vpce-0123456789abcdef0'));

    expect(lambda.invoked.map((i) => [i.name, (i.event as Job).kind])).toEqual([
      [WORKER, 'create'],
      [INTERACTIVE, 'sweep'],
      [INTERACTIVE, 'lookup'],
    ]);
  });

  it('with every job on one function (no interactive worker), the lookup waits until a create ends', async () => {
    const { store, jobs, lambda } = deployed({ worker: WORKER });
    await fiveCreatesInProgress(jobs, store);
    const answers = captureResponseUrl();

    await jobs.enqueue(lookup(world.endpoints[0]!.id));
    // Held by Lambda, not running: only a create's end frees a run, and the creates sleep on the test's clock.
    expect(lambda.waiting(WORKER)).toBe(1);
    expect(answers).toEqual([]);

    // The creates reach their 10-minute deadline (the endpoints never left `pending`) and end; the lookup runs.
    clock.advance(10 * 60_000);
    await until(() => answers.length === 1, "the lookup's answer after the creates");
    expect(clock.now() - START).toBe(10 * 60_000);
    expect(lambda.waiting(WORKER)).toBe(0);
  });
});

describe('five creates in progress, a lookup handed to the worker (local door, npm start)', () => {
  it('answers while the five creates follow their endpoints, with no time passed', async () => {
    const store = new FileRequestStore(dir);
    const { jobs } = composeLocalBot(TEST_CONFIG, quietLogger(), {
      ec2: testEc2(),
      store,
      now: () => new Date(clock.now()),
      clock: manualClock(),
      preferences: memoryPreferences(),
      timing: timing(),
    });
    const ids = await fiveCreatesInProgress(jobs, store);
    const answers = captureResponseUrl();

    await jobs.enqueue(lookup(world.endpoints[0]!.id));
    await until(() => answers.length === 1, "the lookup's answer");

    expect(JSON.stringify(answers[0]!.body)).toContain(world.endpoints[0]!.id);
    expect(clock.now() - START).toBe(0);
    expect(clock.waiting).toBe(5);
    for (const id of ids) expect((await store.get(id))!.state).toBe('creating');

    // The creates end at their deadline, as on Lambda: the local queue then has nothing left.
    clock.advance(10 * 60_000);
    await jobs.idle();
    for (const id of ids) expect((await store.get(id))!.state).toBe('failed');
  });
});
