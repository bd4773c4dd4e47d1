/**
 * What the requester is told by direct message at the ends the create job and the sweep reach (pending acceptance,
 * accepted, failed), once each however many deliveries run; and when the approvers' reminders fall due.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reminderDue } from '../../src/requests/sweep.js';
import { newRequest, type EndpointRequest } from '../../src/requests/model.js';
import { REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot, type BotOptions } from '../helpers/bot.js';
import { fakeEc2World } from '../helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, fakeSlack, type Captured } from '../helpers/slack.js';
import { kinesisParams } from '../helpers/requests.js';

const KINESIS = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d';
const PARTNER = 'create com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0 vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d sg=sg-0a1b2c3d private-dns=off';

let bot: Bot;
afterEach(() => bot?.close());

async function approved(text: string, options: BotOptions = {}): Promise<{ id: string; world: EmulatorState; slack: Captured[] }> {
  bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') }, ...options });
  const world = seedState();
  fakeEc2World(world);
  const slack = fakeSlack();
  captureResponseUrl();
  await bot.command(text);
  await bot.drain();
  const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
  await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
  return { id, world, slack };
}

const dms = (slack: Captured[]) => callsTo(slack, 'chat.postMessage').filter((c) => c.body.channel === 'U0ALICE');

describe("the requester's direct messages from the worker", () => {
  it('pending acceptance names the account that must accept; the sweep then says available', async () => {
    const { id, world, slack } = await approved(PARTNER);
    await bot.drain();

    expect(dms(slack)).toHaveLength(2);
    const pending = blockText(dms(slack)[1]!.body);
    expect(pending).toContain(`(request \`${id}\`) was created and waits for the service owner (AWS account \`111122223333\`) to accept it`);

    world.endpoints[0]!.state = 'available';
    await bot.worker({ kind: 'sweep' });
    await bot.worker({ kind: 'sweep' });

    expect(dms(slack)).toHaveLength(3);
    expect(blockText(dms(slack)[2]!.body)).toContain(`Your endpoint \`${world.endpoints[0]!.id}\` is available`);
    expect((await bot.store.get(id))!.notified).toEqual(['approved', 'pending-acceptance', 'available']);
  });

  it('a failure says the fix: a region taken off the allow-list after approval', async () => {
    const { id, slack } = await approved(KINESIS, { config: { allowedRegions: ['ap-northeast-1'] } });
    const store = bot.store;
    const first = bot;
    bot = await startBot({ wrapStore: () => store, config: { allowedRegions: ['eu-west-1'] } });
    await bot.worker(first.jobs.jobs.shift()!);

    const failed = blockText(dms(slack).at(-1)!.body);
    expect(failed).toContain(`Your request \`${id}\` could not be completed`);
    expect(failed).toContain('Region `ap-northeast-1` is no longer allowed (`ALLOWED_REGIONS`: eu-west-1); nothing was created.');
    expect(blockText(callsTo(slack, 'chat.update').at(-1)!.body)).toContain('Region `ap-northeast-1` is no longer allowed');
    await first.close();
  });

  it('three deliveries of the create job at once: each message is sent once', async () => {
    const { id, slack } = await approved(KINESIS);
    const job = bot.jobs.jobs.shift()!;

    await Promise.all([bot.worker(job), bot.worker(job), bot.worker(job)]);
    await bot.worker(job);

    expect((await bot.store.get(id))!.state).toBe('available');
    expect(dms(slack).map((d) => String(d.body.text))).toEqual([expect.stringContaining('was approved by'), expect.stringContaining('Your endpoint')]);
  });
});

describe('reminderDue', () => {
  const T0 = new Date('2026-11-29T10:00:00Z');
  const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
  const pending = (ttlHours: number, notified?: string[]): EndpointRequest => ({
    ...newRequest({
      id: 'plr-0000000000',
      requester: 'U0ALICE',
      params: kinesisParams(),
      preflight: [],
      now: T0,
      ttlHours,
    }),
    ...(notified && { notified }),
  });

  it.each([
    [24, 11.99, undefined, undefined],
    [24, 12, undefined, 'half'],
    [24, 12, ['reminder-half'], undefined],
    [24, 22.99, ['reminder-half'], undefined],
    [24, 23, ['reminder-half'], 'final'],
    [24, 23.5, undefined, 'final'],
    [24, 23.5, ['reminder-half', 'reminder-final'], undefined],
    [24, 12, ['reminder-final'], undefined],
    [24, 24, undefined, undefined],
    // A short TTL: the final call comes in its last tenth (12 minutes of 2 hours), not its last hour.
    [2, 1, undefined, 'half'],
    [2, 1.79, ['reminder-half'], undefined],
    [2, 1.8, ['reminder-half'], 'final'],
  ])('TTL %s h, %s h in, already said %j → %s', (ttl, hours, notified, due) => {
    expect(reminderDue(pending(ttl, notified), at(hours))).toBe(due);
  });

  it('only for pending requests', () => {
    expect(reminderDue({ ...pending(24), state: 'approved' }, at(12))).toBeUndefined();
  });
});
