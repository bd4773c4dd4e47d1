/**
 * Slack's 3 seconds on the real clock (the slow project, `npm run test:slow`): the Lambda handler with Slack slow
 * or rate-limited and EC2 slow answers every kind of request in time, and the worker finishes what it was handed.
 * The deadline logic itself is tested on a clock the test moves, in deadline.test.ts.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { SLACK_BUDGET, realClock } from '../src/deadline.js';
import { en } from '../src/messages.js';
import { handleEc2Request, seedState } from './emulator/ec2-emulator.js';
import { startBot, type Bot } from './helpers/bot.js';
import { EC2_HOST, fakeEc2World, formOf } from './helpers/ec2.js';
import { everyRequest, uncovered, type Fixture } from './helpers/every-request.js';
import { apiGatewayV1Event, captureResponseUrl, fakeSlack, fakeSlackApi } from './helpers/slack.js';

const ENDPOINT = 'vpce-0123456789abcdef0';
const CREATE = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d';
const USERGROUP_APPROVALS = { channelId: 'C0APPROVALS', userIds: [], usergroupId: 'S0NETOPS', ttlHours: 24 };

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
    for (let i = 0; i < 5; i++) await started.command(`${CREATE} reason=request-${i}`);
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
