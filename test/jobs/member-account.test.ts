/**
 * Create in a member account (issue 17 item 3), end to end through both handlers: the slash command, the worker's
 * preflight, the approval click and the create job, with the bot's own account and a member account each answered
 * by an emulator world of its own, so every call can be told apart by the account it went to.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialCache } from '../../src/accounts/credentials.js';
import { estateEc2 } from '../../src/accounts/estate.js';
import { type Account, parseAccounts } from '../../src/accounts/model.js';
import { createEc2Adapter } from '../../src/endpoints/ec2.js';
import { Ec2Error, type Ec2Api } from '../../src/endpoints/ec2-api.js';
import { REQUEST_ACTIONS, createModal } from '../../src/slack/views/requests.js';
import { handleEc2Request, seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World, formOf, type Ec2Call } from '../helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, fakeSlack, type Captured } from '../helpers/slack.js';

const MEMBER_HOST = 'https://ec2.member-111111111111.test';
const PROD = 'prod=arn:aws:iam::111111111111:role/privatelink-bot';
const REQUEST = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d account=prod reason="orders"';

let bot: Bot;
afterEach(() => bot?.close());

/** The member account's EC2: the emulator behind a host of its own. */
function memberWorld(state: EmulatorState): Ec2Call[] {
  const calls: Ec2Call[] = [];
  nock(MEMBER_HOST)
    .persist()
    .post('/')
    .reply((_uri, body) => {
      const params = formOf(body);
      calls.push({ action: params.Action!, params });
      const [status, xml] = handleEc2Request(state, params);
      return [status, xml, { 'content-type': 'text/xml;charset=UTF-8' }];
    });
  return calls;
}

interface Setup {
  /** ACCOUNTS as configured; the test may change the array later, as a redeploy with another ACCOUNTS would. */
  accounts: Account[];
}

async function submitted(setup: Setup = { accounts: parseAccounts(PROD) }) {
  const home = seedState();
  const member = seedState();
  const homeCalls = fakeEc2World(home);
  const memberCalls = memberWorld(member);
  const asked: { account: string; onBehalfOf?: string; purpose?: string }[] = [];
  const memberEc2 = createEc2Adapter({
    clientConfig: { endpoint: MEMBER_HOST, credentials: { accessKeyId: 'AKIDMEMBER', secretAccessKey: 'member-secret' }, maxAttempts: 1 },
  });
  const ec2For = (account: string, onBehalfOf?: string, purpose?: 'read' | 'create'): Ec2Api => {
    asked.push({ account, ...(onBehalfOf && { onBehalfOf }), ...(purpose && { purpose }) });
    if (account !== 'prod') throw new Error(`no such account in this test: ${account}`);
    return memberEc2;
  };
  bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') }, config: { accounts: setup.accounts }, ec2For });
  const slack = fakeSlack();
  const replies = captureResponseUrl(20);
  return { home, member, homeCalls, memberCalls, asked, slack, replies };
}

const creates = (calls: Ec2Call[]) => calls.filter((c) => c.action === 'CreateVpcEndpoint' && c.params.DryRun !== 'true');
const threadTexts = (slack: Captured[]) =>
  callsTo(slack, 'chat.postMessage')
    .filter((c) => c.body.thread_ts)
    .map((c) => String(c.body.text));

describe('create in a member account', () => {
  it("runs preflight and the create with that account's EC2, in the requester's name, and names the account everywhere", async () => {
    const { member, homeCalls, memberCalls, asked, slack } = await submitted();
    await bot.command(REQUEST);
    // The Slack function only hands the request over: it never asks for a session in the member account.
    expect(asked).toEqual([]);
    await bot.drain();
    const [request] = await bot.store.list({ openOnly: true, limit: 1 });
    expect(request).toMatchObject({ state: 'pending', account: 'prod', accountId: '111111111111' });
    // Preflight, DryRun included, went to the member account only.
    expect(memberCalls.some((c) => c.action === 'CreateVpcEndpoint' && c.params.DryRun === 'true')).toBe(true);
    expect(homeCalls).toEqual([]);
    const card = blockText(callsTo(slack, 'chat.postMessage')[0]!.body);
    expect(card).toContain('*Account*');
    expect(card).toContain('`prod (111111111111)`');
    expect(card).toContain(`--client-token ${request!.id}-111111111111-ap-northeast-1`);

    await bot.click(REQUEST_ACTIONS.approve, request!.id, 'U0BOB');
    await bot.drain();

    const stored = (await bot.store.get(request!.id))!;
    expect(stored.state).toBe('available');
    expect(creates(memberCalls)).toHaveLength(1);
    expect(creates(memberCalls)[0]!.params.ClientToken).toBe(`${request!.id}-111111111111-ap-northeast-1`);
    expect(member.endpoints.map((e) => e.id)).toEqual([stored.endpointId]);
    expect(homeCalls).toEqual([]);
    // The worker's create session for preflight and create, in the requester's name.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((a) => a.account === 'prod' && a.onBehalfOf === 'U0ALICE' && a.purpose === 'create')).toBe(true);
    expect(threadTexts(slack)).toContain("Creating in account `prod` (`111111111111`), region `ap-northeast-1`, with that account's role.");
    // `status` shows the account too.
    const status = await bot.command(`status ${request!.id}`);
    expect(JSON.stringify(status.body)).toContain('prod (111111111111)');
  });

  it('refuses an alias that is not configured, with the nearest one, and asks nothing of AWS', async () => {
    const { homeCalls, memberCalls, asked, replies } = await submitted();
    await bot.command(REQUEST.replace('account=prod', 'account=prd'));
    await bot.drain();
    expect(await bot.store.list({ openOnly: false, limit: 10 })).toEqual([]);
    expect([...homeCalls, ...memberCalls]).toEqual([]);
    expect(asked).toEqual([]);
    expect(JSON.stringify(replies.at(-1))).toContain('No account `prd` is configured. Did you mean `prod`?');
  });

  it('names no configured alias to anyone when reader allow-lists exist', async () => {
    const home = seedState();
    const homeCalls = fakeEc2World(home);
    bot = await startBot({ config: { accounts: parseAccounts(PROD), readers: { userIds: ['U0READER'] } } });
    fakeSlack();
    const replies = captureResponseUrl(5);
    await bot.command(REQUEST.replace('account=prod', 'account=prd'));
    await bot.drain();
    const answer = JSON.stringify(replies);
    expect(answer).toContain('No account `prd` is configured.');
    expect(answer).not.toContain('prod');
    expect(homeCalls).toEqual([]);
    const form = createModal({ accounts: ['home', 'prod'], accountsHidden: true });
    expect(JSON.stringify(form)).not.toContain('prod');
    expect(form.blocks.find((b) => (b as { block_id?: string }).block_id === 'account')).toMatchObject({ element: { type: 'plain_text_input' } });
  });

  it('refuses the approval of a request whose account left ACCOUNTS since it was filed; it stays pending, nothing is created', async () => {
    const accounts = parseAccounts(PROD);
    const { memberCalls, homeCalls, replies } = await submitted({ accounts });
    await bot.command(REQUEST);
    await bot.drain();
    const [request] = await bot.store.list({ openOnly: true, limit: 1 });
    accounts.splice(1); // ACCOUNTS redeployed without prod
    await bot.click(REQUEST_ACTIONS.approve, request!.id, 'U0BOB');
    await bot.drain();
    expect((await bot.store.get(request!.id))!.state).toBe('pending');
    expect(JSON.stringify(replies)).toContain(`Request \`${request!.id}\` is for account \`prod\`, which is no longer in \`ACCOUNTS\``);
    expect(creates(memberCalls)).toEqual([]);
    expect(creates(homeCalls)).toEqual([]);
  });

  it.each([
    ['removed', () => parseAccounts(undefined), 'AccountNotConfigured', 'Account `prod` is not in `ACCOUNTS` (any more); nothing was done there.'],
    [
      'pointed at another account',
      () => parseAccounts('prod=arn:aws:iam::999999999999:role/privatelink-bot'),
      'AccountChanged',
      'now names another AWS account',
    ],
  ])('fails at creation, creating nothing anywhere, when the account was %s after approval', async (_how, next, code, words) => {
    const accounts = parseAccounts(PROD);
    const { memberCalls, homeCalls, slack } = await submitted({ accounts });
    await bot.command(REQUEST);
    await bot.drain();
    const [request] = await bot.store.list({ openOnly: true, limit: 1 });
    await bot.click(REQUEST_ACTIONS.approve, request!.id, 'U0BOB');
    accounts.splice(0, accounts.length, ...next());
    await bot.drain();
    const stored = (await bot.store.get(request!.id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure?.code).toBe(code);
    expect(creates(memberCalls)).toEqual([]);
    expect(creates(homeCalls)).toEqual([]);
    expect(blockText(callsTo(slack, 'chat.update').at(-1)!.body)).toContain(words);
  });
});

interface SelectBlock {
  element: { type: string; options: { value: string }[]; initial_option: { value: string } };
}

describe('preflight in a member account the bot cannot act in', () => {
  it('answers with one finding that names the account and the fix, and asks nothing of EC2', async () => {
    const homeCalls = fakeEc2World(seedState());
    const memberCalls = memberWorld(seedState());
    const accounts = parseAccounts(PROD);
    const ec2For = estateEc2({
      home: createEc2Adapter({ clientConfig: { credentials: { accessKeyId: 'AKIDHOME', secretAccessKey: 'home' }, maxAttempts: 1 } }),
      accounts,
      credentials: credentialCache({
        assumeRole: async () => {
          throw new Ec2Error('AssumeRoleDenied', 'not authorized to perform sts:AssumeRole', 'sts:AssumeRole', 'ap-northeast-1');
        },
      }),
      adapter: (options) => createEc2Adapter({ clientConfig: { ...options.clientConfig, endpoint: MEMBER_HOST, maxAttempts: 1 } }),
    });
    bot = await startBot({ config: { accounts }, ec2For });
    fakeSlack();
    const replies = captureResponseUrl(5);
    await bot.command(REQUEST);
    await bot.drain();

    expect(await bot.store.list({ openOnly: false, limit: 10 })).toEqual([]);
    expect([...homeCalls, ...memberCalls]).toEqual([]);
    const answer = JSON.stringify(replies);
    expect(answer).toContain('The bot may not assume the role of account `prod`');
    expect(answer.match(/may not assume the role/g)).toHaveLength(1);
  });
});

describe('the sweep and member accounts', () => {
  it("follows a member account's endpoint waiting for acceptance in that account, not in the bot's own", async () => {
    const { member, homeCalls, memberCalls } = await submitted();
    await bot.command(
      REQUEST.replace('kinesis-streams', 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0').replace(' sg=', ' private-dns=off sg='),
    );
    await bot.drain();
    const [request] = await bot.store.list({ openOnly: true, limit: 1 });
    await bot.click(REQUEST_ACTIONS.approve, request!.id, 'U0BOB');
    await bot.drain();
    expect((await bot.store.get(request!.id))?.state).toBe('pending-acceptance');

    member.endpoints[0]!.state = 'available';
    const before = memberCalls.length;
    await bot.worker({ kind: 'sweep' });

    expect((await bot.store.get(request!.id))?.state).toBe('available');
    expect(memberCalls.slice(before).map((c) => c.action)).toContain('DescribeVpcEndpoints');
    expect(homeCalls).toEqual([]);
  });
});

describe('the create modal with member accounts', () => {
  const accountBlock = (blocks: unknown[]) => blocks.find((b) => (b as { block_id?: string }).block_id === 'account') as SelectBlock | undefined;

  it('offers an account select, home first and chosen, only when more than home is configured', () => {
    const select = accountBlock(createModal({ accounts: ['home', 'prod', 'staging'] }).blocks)!;
    expect(select.element.type).toBe('static_select');
    expect(select.element.options.map((o) => o.value)).toEqual(['home', 'prod', 'staging']);
    expect(select.element.initial_option.value).toBe('home');
    expect(accountBlock(createModal({ accounts: ['home'] }).blocks)).toBeUndefined();
    expect(accountBlock(createModal({}).blocks)).toBeUndefined();
  });

  it('hands a submission for a configured account to the worker and refuses one for an account no longer configured', async () => {
    await submitted();
    const view = (account: string) => ({
      type: 'view_submission',
      team: { id: 'T0TEAM' },
      user: { id: 'U0ALICE', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'unused',
      trigger_id: '1.2.3',
      view: {
        id: `V0${account.toUpperCase()}`,
        type: 'modal',
        callback_id: 'create_request',
        state: {
          values: {
            service: { value: { type: 'plain_text_input', value: 'kinesis-streams' } },
            vpc: { value: { type: 'plain_text_input', value: 'vpc-0a1b2c3d' } },
            subnets: { value: { type: 'plain_text_input', value: 'subnet-0a1b2c3d' } },
            account: { value: { type: 'static_select', selected_option: { value: account } } },
          },
        },
      },
    });
    const gone = await bot.interact(view('staging'));
    expect(gone.body).toEqual({
      response_action: 'errors',
      errors: { account: expect.stringContaining('No account staging is configured.') },
    });
    expect(bot.jobs.jobs).toEqual([]);
    expect((await bot.interact(view('prod'))).status).toBe(200);
    expect(bot.jobs.jobs).toMatchObject([{ kind: 'submit', submission: { spec: { account: 'prod' } } }]);
  });
});
