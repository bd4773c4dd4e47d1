/**
 * Slack's 3 seconds, counted from the request's arrival: the deadline logic on a clock the test moves (no
 * flakes). The Lambda handler with Slack slow or rate-limited and EC2 slow, on the real clock, is in
 * deadline.realtime.slow.test.ts (the slow project).
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_BUDGET, Slots, arrivalTime, lambdaArrival, settleBy, withArrival } from '../src/deadline.js';
import { createSlackHandler } from '../src/handler.js';
import { INLINE_LOOKUPS } from '../src/slack/listeners/command.js';
import type { Job, JobQueue } from '../src/jobs/job.js';
import { REQUEST_ACTIONS } from '../src/slack/views/requests.js';
import { seedState } from './emulator/ec2-emulator.js';
import { startBot, type Bot } from './helpers/bot.js';
import { manualClock, until } from './helpers/clock.js';
import { EC2_HOST, describeEndpointsXml, fakeEc2World, formOf, testEc2 } from './helpers/ec2.js';
import {
  TEST_CONFIG,
  apiGatewayV2Event,
  blockActionBody,
  captureResponseUrl,
  fakeSlack,
  parseAckBody,
  quietLogger,
  recordingJobs,
  slashCommandBody,
} from './helpers/slack.js';

const ENDPOINT = 'vpce-0123456789abcdef0';
const CREATE = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d';
const USERGROUP_APPROVALS = { channelId: 'C0APPROVALS', userIds: [], usergroupId: 'S0NETOPS', ttlHours: 24 };

describe('settleBy', () => {
  it('gives the value of work that ends in time, and aborts work that does not', async () => {
    const clock = manualClock();
    expect(await settleBy(clock, 100, async () => 'fast')).toEqual({ value: 'fast' });

    let aborted = false;
    const slow = settleBy(
      clock,
      100,
      (signal) => new Promise<string>((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve('late')))),
    );
    clock.advance(99);
    await Promise.resolve();
    expect(aborted).toBe(false);
    clock.advance(1);

    expect(await slow).toBeUndefined();
    expect(aborted).toBe(true);
  });

  it('does not start work whose deadline has passed', async () => {
    const clock = manualClock(500);
    let started = false;
    expect(await settleBy(clock, 500, async () => (started = true))).toBeUndefined();
    expect(started).toBe(false);
  });

  it('passes on a failure that comes in time', async () => {
    await expect(settleBy(manualClock(), 100, async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });
});

describe('lambdaArrival', () => {
  it("takes a cold start's first request as arrived when the process started, and later ones when they come", () => {
    let now = 850; // milliseconds since the process started: the Init phase (loading the code) took 850 ms
    const arrival = lambdaArrival(() => now);
    expect(arrival()).toBe(0);
    now = 60_000;
    expect(arrival()).toBe(60_000);
    now = 60_500;
    expect(arrival()).toBe(60_500);
  });

  it('takes the first request of a process initialised ahead of time (older than the Init limit) as arriving now', () => {
    const arrival = lambdaArrival(() => 42_000);
    expect(arrival()).toBe(42_000);
  });

  it('the Lambda entry hands its listeners the arrival it took before anything else', async () => {
    const arrival = lambdaArrival(() => 300);
    const seen = await withArrival(arrival(), async () => arrivalTime(manualClock(2_000)));
    expect(seen).toBe(0);
  });
});

describe('Slots', () => {
  it('lets `size` in, queues up to `maxWaiting`, refuses beyond, and hands a released slot to the first waiter', async () => {
    const slots = new Slots(2, 1);
    expect([await slots.acquire(), await slots.acquire()]).toEqual([true, true]);
    const waiter = slots.acquire();
    expect(await slots.acquire()).toBe(false);

    slots.release();

    expect(await waiter).toBe(true);
    expect(slots.inUse).toBe(2);
  });

  it('gives up waiting when the signal aborts, and the slot goes to nobody', async () => {
    const slots = new Slots(1, 5);
    await slots.acquire();
    const controller = new AbortController();
    const waiter = slots.acquire(controller.signal);
    controller.abort();
    expect(await waiter).toBe(false);

    slots.release();

    expect(slots.inUse).toBe(0);
  });
});

/** Jobs that are never handed over until the test lets them (a Lambda Invoke that hangs). */
function hangingJobs(): JobQueue & { tried: Job[] } {
  const tried: Job[] = [];
  return {
    tried,
    enqueue: (job, options) =>
      new Promise((_resolve, reject) => (tried.push(job), options?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))),
  };
}

describe("deadlines on the request's clock (Lambda handler)", () => {
  let bot: Bot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('counts from the arrival recorded before the handler ran: a request that arrived 1.5 s ago hands its lookup off at once', async () => {
    const clock = manualClock(10_000);
    const jobs = recordingJobs();
    const calls: string[] = [];
    nock(EC2_HOST)
      .persist()
      .post('/')
      .reply((_uri, body) => (calls.push(formOf(body).Action!), [200, describeEndpointsXml([{ id: ENDPOINT }])]));
    const handler = createSlackHandler(TEST_CONFIG, { ec2: testEc2(), jobs, logger: quietLogger(), clock });

    const response = await withArrival(10_000 - SLACK_BUDGET.inlineWork, () => handler(apiGatewayV2Event(slashCommandBody(`dns ${ENDPOINT}`)), {}));

    expect(parseAckBody(response.body).text).toContain('Looking up…');
    expect(calls).toEqual([]);
    expect(jobs.jobs).toMatchObject([{ kind: 'lookup', text: `dns ${ENDPOINT}` }]);
  });

  it('an approver check Slack does not answer: the click answers at the in-line deadline and the job decides', async () => {
    const clock = manualClock();
    bot = await startBot({ config: { approvals: USERGROUP_APPROVALS }, deadlineClock: clock });
    fakeEc2World(seedState());
    const slack = fakeSlack({ usergroupMembers: ['U0DAVE'] });
    captureResponseUrl();
    await bot.command(CREATE);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    nock.cleanAll();
    let asked = false;
    nock('https://slack.com')
      .post('/api/usergroups.users.list', () => (asked = true))
      .delay(60_000)
      .reply(200, { ok: true, users: ['U0DAVE'] });

    const click = bot.clickOnly(REQUEST_ACTIONS.approve, id, 'U0DAVE');
    await until(() => asked && clock.waiting > 0, 'the approver check');
    clock.advance(SLACK_BUDGET.inlineWork);
    const response = await click;

    expect(response.statusCode).toBe(200);
    expect(clock.now()).toBeLessThan(SLACK_BUDGET.answerBy);
    const message = (await bot.store.get(id))!.message!;
    expect(bot.jobs.jobs).toEqual([{ kind: 'decision', action: 'approve', requestId: id, actor: 'U0DAVE', responseUrl: expect.any(String), origin: message }]);
    expect((await bot.store.get(id))?.state).toBe('pending');

    // The worker decides, with Slack answering again.
    nock.cleanAll();
    const later = fakeSlack({ usergroupMembers: ['U0DAVE'] });
    await bot.finishDecisions();
    expect((await bot.store.get(id))?.state).toBe('approved');
    expect(later.map((c) => c.url)).toEqual(['usergroups.users.list', 'chat.update']);
    expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: id }]);
    expect(slack.filter((c) => c.url === 'chat.update')).toEqual([]);
  });

  it('a hand-off that hangs: the click still answers at the hand-off deadline, and the message is marked for the sweep', async () => {
    const clock = manualClock();
    bot = await startBot({ deadlineClock: clock });
    fakeEc2World(seedState());
    fakeSlack();
    captureResponseUrl();
    await bot.command(CREATE);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    const jobs = hangingJobs();
    const handler = createSlackHandler(TEST_CONFIG, { ec2: testEc2(), jobs, store: bot.store, logger: quietLogger(), clock });

    // A click on the request's recorded message (a click on another copy is refused before any write).
    const message = (await bot.store.get(id))!.message!;
    const onMessage = {
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
      channel: { id: message.channel, name: 'approvals' },
    };
    const click = handler(apiGatewayV2Event(blockActionBody(REQUEST_ACTIONS.approve, id, 'U0BOB', onMessage)), {});
    await until(() => jobs.tried.length > 0, 'the hand-off');
    clock.advance(SLACK_BUDGET.handOff);
    const response = await click;

    expect(response.statusCode).toBe(200);
    const stored = await bot.store.get(id);
    expect(stored?.state).toBe('approved');
    expect(stored?.messageStale).toBe(true);
  });
});

describe('a burst of lookups (Lambda handler, clock moved by the test)', () => {
  it('calls EC2 for at most INLINE_LOOKUPS.concurrent at once, hands the rest off at once, and loses none', async () => {
    const clock = manualClock();
    const jobs = recordingJobs();
    let asked = 0;
    nock(EC2_HOST)
      .persist()
      .post('/', () => ((asked += 1), true))
      .delay(60_000)
      .reply(200, describeEndpointsXml([]));
    const handler = createSlackHandler(TEST_CONFIG, { ec2: testEc2(), jobs, logger: quietLogger(), clock });

    const answers = Array.from({ length: 200 }, (_, i) => handler(apiGatewayV2Event(slashCommandBody(`dns vpce-${String(i).padStart(17, '0')}`)), {}));
    const early = INLINE_LOOKUPS.concurrent + INLINE_LOOKUPS.waiting;
    await until(() => jobs.jobs.length === 200 - early && asked === INLINE_LOOKUPS.concurrent, 'the burst to be sorted');
    clock.advance(SLACK_BUDGET.inlineWork);
    const bodies = (await Promise.all(answers)).map((r) => parseAckBody(r.body).text as string);

    expect(asked).toBe(INLINE_LOOKUPS.concurrent);
    expect(bodies.every((text) => text.includes('Looking up…'))).toBe(true);
    expect(new Set(jobs.jobs.map((j) => (j as { text: string }).text)).size).toBe(200);
    nock.cleanAll();
  });
});
