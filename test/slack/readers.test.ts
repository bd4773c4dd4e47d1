/** READER_USER_IDS / READER_USERGROUP_ID: when set, only readers and approvers look up and list; through the real handler. */
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/messages.js';
import { OPEN_COMMANDS } from '../../src/slack/readers.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World, type Ec2Call } from '../helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, fakeSlack, type Captured } from '../helpers/slack.js';

const READS = ['describe', 'describe vpce-0123456789abcdef0', 'dns kinesis-streams', 'services kinesis', 'requests', 'requests all'];

describe('reader allow-list', () => {
  let bot: Bot;
  let ec2: Ec2Call[];
  let slack: Captured[];
  let requestId: string;

  beforeAll(async () => {
    bot = await startBot({ config: { readers: { userIds: ['U0DAVE'], usergroupId: 'S0READERS' } } });
    fakeEc2World(seedState());
    fakeSlack();
    captureResponseUrl();
    await bot.command('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d', 'U0DAVE');
    await bot.drain();
    requestId = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
  });
  afterAll(() => bot.close());

  beforeEach(() => {
    nock.cleanAll();
    ec2 = fakeEc2World(seedState());
    slack = fakeSlack({ usergroupMembers: ['U0ERIN'] });
  });

  it.each([...READS, 'status <id>', 'status plr-0000000000'])('refuses %s to someone who is not a reader, politely and revealing nothing', async (text) => {
    const { status, body } = await bot.command(text.replace('<id>', requestId), 'U0MALLORY');

    expect(status).toBe(200);
    expect(blockText(body)).toContain(en.readers.onlyReaders);
    expect(blockText(body)).not.toContain(requestId);
    expect(ec2).toHaveLength(0);
    expect(bot.jobs.jobs).toHaveLength(0);
  });

  it('gives an existing and a missing request id the same refusal', async () => {
    const existing = await bot.command(`status ${requestId}`, 'U0MALLORY');
    const missing = await bot.command('status plr-0000000000', 'U0MALLORY');

    expect(existing.body).toEqual(missing.body);
  });

  it.each([
    ['someone who is not a reader', 'U0MALLORY'],
    ['a reader who did not ask', 'U0ERIN'],
    ['an approver', 'U0BOB'],
  ])('answers cancel from %s for a real request exactly as for a missing one, and changes nothing', async (_who, user) => {
    const before = await bot.store.get(requestId);
    const existing = await bot.command(`cancel ${requestId}`, user);
    const missing = await bot.command('cancel plr-0000000000', user);

    expect(existing.body).toEqual(JSON.parse(JSON.stringify(missing.body).replaceAll('plr-0000000000', requestId)));
    expect(blockText(existing.body)).toContain(en.requests.notFound(requestId));
    expect(await bot.store.get(requestId)).toEqual(before);
  });

  it.each([
    ['a listed reader', 'U0DAVE'],
    ["a member of the readers' user group", 'U0ERIN'],
    ['an approver', 'U0BOB'],
  ])('lets %s look up and list', async (_who, user) => {
    const lookup = await bot.command('describe', user);
    const list = await bot.command('requests', user);
    const one = await bot.command(`status ${requestId}`, user);

    expect(blockText(lookup.body)).not.toContain(en.readers.onlyReaders);
    expect(ec2.map((c) => c.action)).toContain('DescribeVpcEndpoints');
    expect(blockText(list.body)).toContain(requestId);
    expect(blockText(one.body)).toContain(requestId);
  });

  it('asks Slack about the user group only for someone not listed', async () => {
    await bot.command('requests', 'U0DAVE');
    expect(callsTo(slack, 'usergroups.users.list')).toHaveLength(0);
    await bot.command('requests', 'U0MALLORY');
    expect(callsTo(slack, 'usergroups.users.list').map((c) => c.body.usergroup)).toContain('S0READERS');
  });

  it.each(['help', 'compare', 'compare target=aws-service service=s3 onprem=no'])('keeps %s open to everyone', async (text) => {
    const { status, body } = await bot.command(text, 'U0MALLORY');

    expect(status).toBe(200);
    expect(blockText(body)).not.toContain(en.readers.onlyReaders);
  });

  it('lets anyone ask for an endpoint (the approval decides) and cancel their own request', async () => {
    expect([...OPEN_COMMANDS].sort()).toEqual(['cancel', 'compare', 'create', 'help', 'lang']);
    const create = await bot.command('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d', 'U0MALLORY');
    expect(blockText(create.body)).not.toContain(en.readers.onlyReaders);
    expect(bot.jobs.jobs.map((j) => j.kind)).toEqual(['submit']);
    bot.jobs.jobs.length = 0;
  });

  it('refuses, saying something went wrong, when Slack cannot tell who is in the user group', async () => {
    nock.cleanAll();
    ec2 = fakeEc2World(seedState());
    nock('https://slack.com').post('/api/usergroups.users.list').reply(200, { ok: false, error: 'fatal_error' });

    const { body } = await bot.command('describe', 'U0MALLORY');

    expect(blockText(body)).toContain(en.internalError);
    expect(ec2).toHaveLength(0);
  });
});

describe('without a reader allow-list', () => {
  it('lets every workspace user look up and list', async () => {
    const bot = await startBot();
    try {
      fakeEc2World(seedState());
      const lookup = await bot.command('describe', 'U0MALLORY');
      const list = await bot.command('requests', 'U0MALLORY');
      expect(blockText(lookup.body)).not.toContain(en.readers.onlyReaders);
      expect(blockText(list.body)).not.toContain(en.readers.onlyReaders);
    } finally {
      await bot.close();
    }
  });
});
