/**
 * Faults on every EC2 call of the create flow and on Slack's side: the request always ends in a true, visible
 * state, the approval message is eventually right, and nothing is created twice.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { errorXml, fakeEc2World, testEc2, type Fault } from '../helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, fakeSlack, fakeSlackApi, RESPONSE_HOST, RESPONSE_PATH, type Captured } from '../helpers/slack.js';
import { count } from './figures.js';

const CREATE = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d';

type FaultKind = 'throttled' | 'server error' | 'once';

function fault(kind: FaultKind, when: (params: Record<string, string>) => boolean): Fault {
  let seen = 0;
  return (params) => {
    if (!when(params)) return undefined;
    seen++;
    if (kind === 'once' && seen > 1) return undefined;
    return kind === 'server error'
      ? [500, errorXml('InternalError', 'An internal error has occurred.')]
      : [503, errorXml('RequestLimitExceeded', 'Request limit exceeded.')];
  };
}

const STEPS: [string, string, (p: Record<string, string>) => boolean][] = [
  ['preflight: service', 'DescribeVpcEndpointServices', () => true],
  ['preflight: subnets', 'DescribeSubnets', () => true],
  ['preflight: security groups', 'DescribeSecurityGroups', () => true],
  ['preflight: VPC attributes', 'DescribeVpcAttribute', () => true],
  ['preflight: private DNS holders', 'DescribeVpcEndpoints', (p) => !p['VpcEndpointId.1']],
  ['preflight: DryRun', 'CreateVpcEndpoint', (p) => p.DryRun === 'true'],
  ['create', 'CreateVpcEndpoint', (p) => p.DryRun !== 'true'],
  ['polling', 'DescribeVpcEndpoints', (p) => Boolean(p['VpcEndpointId.1'])],
];

let bot: Bot;
afterEach(() => bot?.close());

/** Drives a request as far as it goes: submit, approve when posted, run the worker, then sweeps past any lease. */
async function runFlow(faults: Record<string, Fault>, world: EmulatorState = seedState()) {
  bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') }, ec2: testEc2(2) });
  const ec2 = fakeEc2World(world, faults);
  const slack = fakeSlack();
  const notes = captureResponseUrl(50);
  await bot.command(CREATE);
  await bot.drain();
  const [request] = await bot.store.list({ openOnly: false, limit: 1 });
  if (request) {
    await bot.click('approve_request', request.id, 'U0BOB');
    for (let round = 0; round < 3; round++) {
      await bot.drain().catch(() => undefined);
      bot.clock.now = new Date(bot.clock.now.getTime() + 5 * 60_000);
      await bot.worker({ kind: 'sweep' });
    }
    await bot.drain();
  }
  return { request: request && (await bot.store.get(request.id)), ec2, slack, notes, world };
}

describe('EC2 faults on every call', () => {
  it.each(STEPS.flatMap(([step, action, when]) => (['throttled', 'server error', 'once'] as const).map((kind) => [step, action, when, kind] as const)))(
    '%s %s… (%s): a true, visible end and at most one endpoint',
    async (step, action, when, kind) => {
      const { request, ec2, slack, notes, world } = await runFlow({ [action]: fault(kind, when) });
      count('faults injected');

      const creates = ec2.filter((c) => c.action === 'CreateVpcEndpoint' && c.params.DryRun !== 'true');
      expect(world.endpoints.length).toBeLessThanOrEqual(1);
      count('duplicates found', Math.max(0, world.endpoints.length - 1));
      if (!request) {
        // Refused up front: the requester was shown why, nothing was posted.
        expect(step).toMatch(/^preflight/);
        expect(blockText(notes.at(-1)!.body)).toMatch(/not sent|throttling|EC2 answered/);
        expect(callsTo(slack, 'chat.postMessage')).toEqual([]);
        return;
      }
      expect(['available', 'failed']).toContain(request.state);
      const lastMessage = blockText(callsTo(slack, 'chat.update').at(-1)!.body);
      if (request.state === 'available') {
        expect(lastMessage).toContain('Available');
      } else {
        expect(lastMessage).toContain(':red_circle:');
        expect(request.failure?.code).toBeTruthy();
      }
      if (step === 'create' && kind === 'once') expect(new Set(creates.map((c) => c.params.ClientToken)).size).toBe(1);
    },
  );
});

describe('Slack faults', () => {
  it('posts the approval request once when chat.postMessage answers 429 with Retry-After', async () => {
    bot = await startBot();
    fakeEc2World(seedState());
    let limited = false;
    const posts = fakeSlackApi({
      'chat.postMessage': () => ({ ok: true, channel: 'C0APPROVALS', ts: '1700000001.000100' }),
    });
    nock.cleanAll();
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(() => {
        if (!limited) {
          limited = true;
          return [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }];
        }
        posts.push({ url: 'chat.postMessage', body: {} });
        return [200, { ok: true, channel: 'C0APPROVALS', ts: '1700000001.000100' }];
      })
      .persist();
    fakeEc2World(seedState());
    captureResponseUrl();

    await bot.command(CREATE);
    await bot.drain();

    expect(limited).toBe(true);
    expect(posts).toHaveLength(1);
    expect((await bot.store.list({ openOnly: true, limit: 5 }))[0]?.message?.ts).toBe('1700000001.000100');
    count('faults injected');
  });

  it('redraws a message whose update failed after the endpoint was created', async () => {
    bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') } });
    fakeEc2World(seedState());
    const updates: Captured[] = [];
    let slackDown = false;
    let ts = 1_700_000_000;
    fakeSlackApi({ 'chat.postMessage': (a) => ({ ok: true, channel: a.channel, ts: `${++ts}.000100` }) });
    nock('https://slack.com')
      .post('/api/chat.update')
      .reply((_uri, body) => {
        if (slackDown) return [200, { ok: false, error: 'ratelimited' }];
        updates.push({ url: 'chat.update', body: Object.fromEntries(new URLSearchParams(body as string)) });
        return [200, { ok: true }];
      })
      .persist();
    captureResponseUrl(5);
    await bot.command(CREATE);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    await bot.click('approve_request', id, 'U0BOB');

    slackDown = true;
    await bot.drain();
    const created = (await bot.store.get(id))!;
    expect(created.state).toBe('available');
    expect(created.messageStale).toBe(true);

    slackDown = false;
    await bot.worker({ kind: 'sweep' });

    const redrawn = String(updates.at(-1)!.body.blocks);
    expect(redrawn).toContain('Available');
    expect(redrawn).toContain(created.dns!.regional!);
    expect((await bot.store.get(id))!.messageStale).toBe(false);
    count('faults injected');
  });

  it("re-delivers the requester's note after a failed response_url, without a second approval message", async () => {
    bot = await startBot();
    fakeEc2World(seedState());
    const slack = fakeSlack();
    nock(RESPONSE_HOST).post(RESPONSE_PATH).reply(500);
    await bot.command(CREATE);
    const job = bot.jobs.jobs[0]!;

    await expect(bot.drain()).rejects.toThrow(/response_url answered 500/);
    const note = captureResponseUrl();
    await bot.worker(job);

    expect(callsTo(slack, 'chat.postMessage')).toHaveLength(1);
    expect(blockText(note[0]!.body)).toContain('is waiting for approval');
    count('faults injected');
  });

  it('tells the requester when the bot is not in the approvals channel, and withdraws the request', async () => {
    bot = await startBot();
    fakeEc2World(seedState());
    const posts = fakeSlackApi({ 'chat.postMessage': () => ({ ok: false, error: 'not_in_channel' }) });
    const note = captureResponseUrl();

    await bot.command(CREATE);
    const submission = bot.jobs.jobs[0]!;
    await bot.drain();

    expect(blockText(note[0]!.body)).toContain('I am not a member. Ask someone there to run `/invite @privatelink`');
    const [request] = await bot.store.list({ openOnly: false, limit: 1 });
    expect(request?.state).toBe('cancelled');
    expect(request?.history.at(-1)).toMatchObject({ state: 'cancelled', actor: 'system', note: 'not_in_channel' });

    const again = captureResponseUrl();
    await bot.worker(submission);
    expect(blockText(again[0]!.body)).toContain('is already cancelled');
    expect(posts).toHaveLength(1);
    count('faults injected');
  });

  it('answers privately when checking the approver group fails, and changes nothing', async () => {
    bot = await startBot({ config: { approvals: { channelId: 'C0APPROVALS', userIds: [], usergroupId: 'S0NETOPS', ttlHours: 24 } } });
    fakeEc2World(seedState());
    fakeSlackApi({ 'chat.postMessage': (a) => ({ ok: true, channel: a.channel, ts: '1700000001.000100' }) });
    nock('https://slack.com').post('/api/usergroups.users.list').reply(200, { ok: false, error: 'ratelimited' }).persist();
    captureResponseUrl();
    await bot.command(CREATE);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    const reply = captureResponseUrl();

    await bot.click('approve_request', id, 'U0DAVE');

    expect(blockText(reply[0]!.body)).toContain('Something went wrong on my side; nothing was changed.');
    expect((await bot.store.get(id))!.state).toBe('pending');
    count('faults injected');
  });
});

describe('restarts', () => {
  it('a new process on the same store approves and creates what the old one left pending', async () => {
    bot = await startBot();
    const world = seedState();
    fakeEc2World(world);
    fakeSlack();
    captureResponseUrl();
    await bot.command(CREATE);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    const store = bot.store;

    const restarted = await startBot({ wrapStore: () => store });
    await restarted.click('approve_request', id, 'U0BOB');
    await restarted.drain();

    expect((await store.get(id))!.state).toBe('available');
    expect(world.endpoints).toHaveLength(1);
    await restarted.close();
    count('faults injected');
  });
});
