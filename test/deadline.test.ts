/**
 * Slack's 3 seconds, counted from the request's arrival: the deadline logic on a clock the test moves (no
 * flakes), then the Lambda handler with Slack slow or rate-limited and EC2 slow, on the real clock.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_BUDGET, Slots, arrivalTime, lambdaArrival, realClock, settleBy, withArrival } from '../src/deadline.js';
import { createSlackHandler } from '../src/handler.js';
import type { Config } from '../src/config.js';
import { en } from '../src/messages.js';
import { INLINE_LOOKUPS } from '../src/slack/listeners/command.js';
import type { Job, JobQueue } from '../src/jobs/job.js';
import { REQUEST_ACTIONS } from '../src/slack/views/requests.js';
import { seedState } from './emulator/ec2-emulator.js';
import { startBot, type Bot } from './helpers/bot.js';
import { manualClock, until } from './helpers/clock.js';
import { EC2_HOST, describeEndpointsXml, fakeEc2World, formOf, testEc2 } from './helpers/ec2.js';
import { handleEc2Request } from './emulator/ec2-emulator.js';
import { everyRequest, uncovered, type Fixture } from './helpers/every-request.js';
import {
  TEST_CONFIG,
  apiGatewayV1Event,
  apiGatewayV2Event,
  blockActionBody,
  captureResponseUrl,
  fakeSlack,
  fakeSlackApi,
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

describe('Slack slow or rate-limited, EC2 slow: every kind of request answered in time (Lambda handler, real clock)', () => {
  // A wall-clock bound, kept meaningful: the budgets end at 1.5 s (in-line work) and 2 s (hand-off, a form, a
  // response_url post), the slow calls take 1.5 s (Slack), 2.5 s (EC2) and 4 s (Retry-After); an answer that waited
  // for two Slack calls in a row, or for EC2, or for a retry, would take 2.5 s or more. Sent one at a time, so that
  // each is timed alone.
  const BOUND_MS = SLACK_BUDGET.answerBy;
  let bot: Bot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    nock.cleanAll();
  });

  const fastWorld = () => {
    const world = seedState();
    world.endpoints.push({ id: ENDPOINT, state: 'available', describesUntilReady: 0 });
    return world;
  };

  /**
   * Five pending requests by U0ALICE on their cards. Approvers are a user group, so every approver check asks Slack;
   * readers are a user group too (every read asks Slack first) or listed ids (reads go straight to EC2 and the store).
   */
  async function prepared(readers: Config['readers']): Promise<{ bot: Bot; fixture: Fixture }> {
    const started = await startBot({ config: { approvals: USERGROUP_APPROVALS, readers }, deadlineClock: realClock });
    // A world without the looked-up endpoint: it would take the VPC's private DNS name, and preflight would refuse.
    fakeEc2World(seedState());
    fakeSlack({ usergroupMembers: ['U0DAVE', 'U0ALICE'] });
    captureResponseUrl(10);
    for (let i = 0; i < 5; i++) await started.command(CREATE);
    await started.drain();
    const requests = (await started.store.list({ openOnly: true, limit: 5 })).map((r) => ({ id: r.id, version: r.version, ...r.message! }));
    nock.cleanAll();
    const fixture: Fixture = {
      endpoint: ENDPOINT,
      requests,
      requester: 'U0ALICE',
      approver: 'U0DAVE',
      responseUrl: (name) => `https://hooks.slack.com/actions/T0TEAM/every/${name}`,
    };
    return { bot: started, fixture };
  }

  const slowEc2 = (world = fastWorld()) =>
    nock(EC2_HOST)
      .persist()
      .post('/')
      .delay(2500)
      .reply((_uri, body) => {
        const [status, xml] = handleEc2Request(world, formOf(body));
        return [status, xml, { 'content-type': 'text/xml;charset=UTF-8' }];
      });

  const SLACK_METHODS = ['usergroups.users.list', 'chat.update', 'chat.postMessage', 'views.open', 'views.publish'];
  const slackAnswer = { ok: true, users: ['U0DAVE', 'U0ALICE'], channel: 'C0APPROVALS', ts: '1700000099.000100', view: { id: 'V0' } };

  const slowSlack = (scope: nock.Scope, path: string) => scope.post(path).delay(1500).reply(200, slackAnswer);
  const rateLimited = (scope: nock.Scope, path: string) => scope.post(path).reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '4' });
  const BY_GROUP: Config['readers'] = { userIds: [], usergroupId: 'S0READERS' };
  const BY_ID: Config['readers'] = { userIds: ['U0ALICE', 'U0DAVE'] };

  it.each([
    ['answers after 1.5 s', 'a user group', slowSlack, BY_GROUP],
    ['answers 429 with Retry-After 4', 'a user group', rateLimited, BY_GROUP],
    ['answers after 1.5 s', 'listed ids', slowSlack, BY_ID],
    ['answers 429 with Retry-After 4', 'listed ids', rateLimited, BY_ID],
  ] as const)(
    'every command, button, form and event when Slack %s (readers: %s) and EC2 after 2.5 s; nothing handed off is lost',
    async (_slack, _readers, slow, readers) => {
      const ready = await prepared(readers);
      bot = ready.bot;
      const requests = everyRequest(ready.fixture);
      expect(uncovered(requests)).toEqual([]);
      const slack = nock('https://slack.com').persist();
      for (const method of SLACK_METHODS) slow(slack, `/api/${method}`);
      const posted: { uri: string; body: string }[] = [];
      const record = (uri: string, body: unknown) => void posted.push({ uri, body: JSON.stringify(body) });
      nock('https://hooks.slack.com')
        .persist()
        .post(/.*/)
        .delay(1500)
        .reply((uri, body) => (record(uri, body), [200, 'ok']));
      slowEc2();

      const answers: { name: string; status: number; ms: number }[] = [];
      for (const request of requests) {
        const started = performance.now();
        const response = await bot.http(apiGatewayV1Event(request.body, request.contentType ? { contentType: request.contentType } : {}));
        answers.push({ name: request.name, status: response.statusCode, ms: Math.round(performance.now() - started) });
      }

      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(answers.filter((a) => a.ms >= BOUND_MS)).toEqual([]);

      // Then Slack and EC2 recover: the worker finishes what was handed over, and every decision is made once.
      nock.cleanAll();
      fakeEc2World(fastWorld());
      const calls = fakeSlack({ usergroupMembers: ['U0DAVE', 'U0ALICE'] });
      const published = fakeSlackApi({ 'views.publish': () => ({ ok: true, view: { id: 'V0HOME' } }) });
      nock('https://hooks.slack.com')
        .persist()
        .post(/.*/)
        .reply((uri, body) => (record(uri, body), [200, 'ok']));
      const ran = await bot.drain();
      const [approveMe, rejectMe, cancelMe, homeMe, homeRejectMe] = ready.fixture.requests;
      const stateOf = async (r: { id: string } | undefined) => (await bot!.store.get(r!.id))!;
      // Each decision made once: approved once, rejected once (by the channel's form and by the Home's), cancelled once.
      const times = (request: { history: { state: string }[] }, state: string) => request.history.filter((h) => h.state === state).length;
      expect(times(await stateOf(approveMe), 'approved')).toBe(1);
      expect((await stateOf(rejectMe)).state).toBe('rejected');
      expect((await stateOf(homeRejectMe)).state).toBe('rejected');
      expect(times(await stateOf(cancelMe), 'cancelled')).toBe(1);
      // A Home click whose approver check did not finish decides nothing and says so on the Home, drawn by the worker.
      expect((await stateOf(homeMe)).state).toBe('pending');
      expect(ran.some((j) => j.kind === 'home' && j.notice?.includes(homeMe!.id))).toBe(true);
      expect(ran.map((j) => j.kind)).toEqual(expect.arrayContaining(['decision', 'home', 'lookup', 'submit', 'compare']));
      // Lookups: slow EC2 while Slack waited (listed readers), or the worker's own reader check (a slow user group).
      const lookups = ran.filter((j) => j.kind === 'lookup');
      expect(lookups.length).toBeGreaterThanOrEqual(4);
      expect(lookups.every((j) => Boolean(j.readerCheck) === (readers === BY_GROUP))).toBe(true);
      // The Share reaches the channel once, posted by the worker alone.
      expect(ran.filter((j) => j.kind === 'compare' && j.step === 'share')).toHaveLength(1);
      expect(posted.filter((p) => p.uri.endsWith('/compare-share'))).toHaveLength(1);
      // More: the next page (listed readers), or why not (Slack did not say in time who reads).
      const more = posted.filter((p) => p.uri.endsWith('/requests-more')).map((p) => p.body);
      expect(more.length).toBeGreaterThan(0);
      if (readers === BY_GROUP) expect(more.every((b) => b.includes(en.readers.checkTooSlow.slice(0, 40)))).toBe(true);
      else expect(more.every((b) => b.includes('"replace_original":true') && !b.includes(en.readers.checkTooSlow.slice(0, 40)))).toBe(true);
      expect(published.length).toBeGreaterThan(0);
      expect(calls.length).toBeGreaterThan(0);
    },
    150_000,
  );
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
