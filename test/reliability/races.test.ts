/** Concurrency on both stores: one outcome, one CreateVpcEndpoint, one consistent history, whatever the timing. */
import { afterEach, describe, expect, it } from 'vitest';
import { seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World, type Ec2Call } from '../helpers/ec2.js';
import { callsTo, captureResponseUrl, fakeSlack, TEST_CONFIG, type Captured } from '../helpers/slack.js';
import { count } from './figures.js';

const APPROVERS = Array.from({ length: 50 }, (_, i) => `U0APPR${String(i).padStart(3, '0')}`);

describe.each(['file', 'dynamo'] as const)('races on the %s store', (storeKind) => {
  let bot: Bot;
  let world: EmulatorState;
  let ec2: Ec2Call[];
  let slack: Captured[];
  afterEach(() => bot.close());

  async function pendingRequest(): Promise<string> {
    bot = await startBot({ storeKind, config: { approvals: { ...TEST_CONFIG.approvals, userIds: APPROVERS } } });
    world = seedState();
    ec2 = fakeEc2World(world);
    slack = fakeSlack();
    captureResponseUrl();
    await bot.command('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d');
    await bot.drain();
    captureResponseUrl(200);
    return (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
  }

  const decisions = async (id: string) => (await bot.store.get(id))!.history.filter((h) => h.state !== 'pending' && h.actor !== 'worker');
  const creates = () => ec2.filter((c) => c.action === 'CreateVpcEndpoint' && c.params.DryRun !== 'true').length;

  it('50 approvers clicking Approve at once: one approval, one hand-off', async () => {
    const id = await pendingRequest();

    await Promise.all(APPROVERS.map((user) => bot.click('approve_request', id, user)));

    const decided = await decisions(id);
    expect(decided).toHaveLength(1);
    expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: id }]);
    expect(callsTo(slack, 'chat.update')).toHaveLength(1);
    count('races run', 50);
    count('duplicates found', decided.length - 1 + bot.jobs.jobs.length - 1);
    // 50 clicks and their jobs on dynalite take a while on a loaded machine; nothing here is timed.
  }, 60_000);

  it('Approve and Reject at the same moment: exactly one wins', async () => {
    const id = await pendingRequest();

    await Promise.all(APPROVERS.slice(0, 20).map((user, i) => (i % 2 ? bot.click('approve_request', id, user) : bot.reject(id, user))));

    const decided = await decisions(id);
    expect(decided).toHaveLength(1);
    expect(bot.jobs.jobs).toHaveLength(decided[0]!.state === 'approved' ? 1 : 0);
    count('races run', 20);
    count('duplicates found', decided.length - 1);
  });

  it('the requester cancelling while approvers approve: one outcome', async () => {
    const id = await pendingRequest();

    await Promise.all([bot.command(`cancel ${id}`, 'U0ALICE'), ...APPROVERS.slice(0, 5).map((user) => bot.click('approve_request', id, user))]);

    const decided = await decisions(id);
    expect(decided).toHaveLength(1);
    expect(['cancelled', 'approved']).toContain(decided[0]!.state);
    expect(bot.jobs.jobs).toHaveLength(decided[0]!.state === 'approved' ? 1 : 0);
    count('races run', 6);
    count('duplicates found', decided.length - 1);
  });

  it('the worker delivered three times at once: one CreateVpcEndpoint, one endpoint', async () => {
    const id = await pendingRequest();
    await bot.click('approve_request', id, APPROVERS[0]!);
    const job = bot.jobs.jobs.shift()!;

    await Promise.all([bot.worker(job), bot.worker(job), bot.worker(job)]);

    expect(creates()).toBe(1);
    expect(world.endpoints).toHaveLength(1);
    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('available');
    expect(stored.history.map((h) => h.state)).toEqual(['pending', 'approved', 'creating', 'available']);
    count('races run', 3);
    count('duplicates found', creates() - 1 + world.endpoints.length - 1);
  });
});
