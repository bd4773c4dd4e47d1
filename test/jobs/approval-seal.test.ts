/**
 * The worker verifies an approval before any EC2 write. Each attack writes the record straight into the store, as
 * someone who can write the requests table would, and lets the sweep or the create job find it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkApproval, sealApproval } from '../../src/requests/approval.js';
import { transition, type EndpointRequest } from '../../src/requests/model.js';
import { patched } from '../../src/requests/store.js';
import { HANDOFF_GRACE_MS } from '../../src/requests/sweep.js';
import { REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World, type Ec2Call } from '../helpers/ec2.js';
import { approvedAsSlackWould, kinesisParams } from '../helpers/requests.js';
import { TEST_CONFIG, callsTo, captureResponseUrl, fakeSlack, type Captured } from '../helpers/slack.js';

const KINESIS_REQUEST = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders"';
const NOW = new Date('2026-11-29T10:00:00Z');
const KEY = TEST_CONFIG.approvalKey!;

const creates = (ec2: Ec2Call[]) => ec2.filter((c) => c.action === 'CreateVpcEndpoint' && c.params.DryRun !== 'true');
const threadTexts = (slack: Captured[]) =>
  callsTo(slack, 'chat.postMessage')
    .filter((c) => c.body.thread_ts)
    .map((c) => String(c.body.text));

describe.each(['file', 'dynamo'] as const)('an approval written straight to the store (%s store)', (storeKind) => {
  let bot: Bot;
  afterEach(() => bot?.close());

  /** A submitted request, pending on its card; the EC2 calls and Slack calls are recorded from here on. */
  async function submitted(locale?: 'ja'): Promise<{ pending: EndpointRequest; ec2: Ec2Call[]; slack: Captured[] }> {
    bot = await startBot({ storeKind, clock: { now: NOW }, ...(locale && { config: { locale } }) });
    const ec2 = fakeEc2World(seedState());
    const slack = fakeSlack();
    captureResponseUrl();
    await bot.command(KINESIS_REQUEST);
    await bot.drain();
    const pending = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!;
    expect(pending.state).toBe('pending');
    return { pending, ec2, slack };
  }

  /** Past the sweep's grace for a lost hand-off, the sweep finds the approved record and queues its create; the create job runs. */
  async function sweepAndRun(): Promise<void> {
    bot.clock.now = new Date(bot.clock.now.getTime() + HANDOFF_GRACE_MS);
    await bot.worker({ kind: 'sweep' });
    await bot.drain();
  }

  async function expectRefused(id: string, ec2: Ec2Call[], problem: string) {
    expect(creates(ec2)).toEqual([]);
    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure).toEqual({ code: 'ApprovalNotVerified', message: problem });
    expect(stored.endpointId).toBeUndefined();
  }

  it('the requester as approver, without a seal: failed, nothing created, the reason in the thread', async () => {
    const { pending, ec2, slack } = await submitted();
    await bot.store.replace(transition(pending, 'approved', 'U0ALICE', NOW, { decidedBy: 'U0ALICE' }));

    await sweepAndRun();

    await expectRefused(pending.id, ec2, 'unsealed');
    expect(threadTexts(slack).join('\n')).toContain('carries no seal from the bot');
    expect(threadTexts(slack).join('\n')).not.toContain('Approved by');
  });

  it('a real approver named, without a seal, handed to the create job directly: refused the same', async () => {
    const { pending, ec2 } = await submitted();
    await bot.store.replace(transition(pending, 'approved', 'U0BOB', NOW, { decidedBy: 'U0BOB' }));

    await bot.worker({ kind: 'create', requestId: pending.id });

    await expectRefused(pending.id, ec2, 'unsealed');
  });

  it('a record written as `creating` (no approval step at all) is refused too', async () => {
    const { pending, ec2 } = await submitted();
    const approved = transition(pending, 'approved', 'U0BOB', NOW, { decidedBy: 'U0BOB' });
    await bot.store.replace(approved);
    await bot.store.replace(transition(approved, 'creating', 'worker', NOW));

    await sweepAndRun();

    await expectRefused(pending.id, ec2, 'unsealed');
  });

  it('a seal made with a guessed key: forged', async () => {
    const { pending, ec2 } = await submitted();
    await bot.store.replace(approvedAsSlackWould(pending, 'U0BOB', NOW, 'a-key-the-attacker-guessed-0123456789abcdef'));

    await sweepAndRun();

    await expectRefused(pending.id, ec2, 'forged');
  });

  it('a real approval, then the parameters changed in the store: forged', async () => {
    const { pending, ec2 } = await submitted();
    await bot.click(REQUEST_ACTIONS.approve, pending.id, 'U0BOB');
    bot.jobs.jobs.length = 0;
    const approved = (await bot.store.get(pending.id))!;
    expect(approved.approval?.by).toBe('U0BOB');
    await bot.store.replace(patched(approved, { ...approved, params: { ...approved.params, securityGroupIds: ['sg-0attacker'] } } as never));
    const changed = (await bot.store.get(pending.id))!;
    expect(changed.params.securityGroupIds).toEqual(['sg-0attacker']);

    await sweepAndRun();

    await expectRefused(pending.id, ec2, 'forged');
  });

  it("a real approver's seal moved to another approver's name: forged", async () => {
    const { pending, ec2 } = await submitted();
    const sealed = approvedAsSlackWould(pending, 'U0BOB', NOW);
    await bot.store.replace({ ...sealed, decidedBy: 'U0CAROL', history: [...pending.history, { ...sealed.history.at(-1)!, actor: 'U0CAROL' }] });

    await sweepAndRun();

    await expectRefused(pending.id, ec2, 'forged');
  });

  it('sealed with the key (as the Slack function role could) but by the requester: refused', async () => {
    const { pending, ec2 } = await submitted();
    await bot.store.replace(approvedAsSlackWould(pending, 'U0ALICE', NOW));

    await sweepAndRun();

    await expectRefused(pending.id, ec2, 'requester');
  });

  it('sealed with the key but by someone who is not an approver: refused', async () => {
    const { pending, ec2 } = await submitted();
    await bot.store.replace(approvedAsSlackWould(pending, 'U0MALLORY', NOW));

    await sweepAndRun();

    await expectRefused(pending.id, ec2, 'not-approver');
  });

  it('the reason in Japanese when the channel speaks Japanese', async () => {
    const { pending, slack } = await submitted('ja');
    await bot.store.replace(transition(pending, 'approved', 'U0ALICE', NOW, { decidedBy: 'U0ALICE' }));

    await sweepAndRun();

    expect(threadTexts(slack).join('\n')).toContain('ボットの署名がない');
  });

  it('an approval given on the card is sealed and its endpoint is created', async () => {
    const { pending, ec2 } = await submitted();
    await bot.click(REQUEST_ACTIONS.approve, pending.id, 'U0BOB');
    await bot.drain();

    expect(creates(ec2)).toHaveLength(1);
    const stored = (await bot.store.get(pending.id))!;
    expect(stored.state).toBe('available');
    expect(stored.approval).toMatchObject({ by: 'U0BOB', version: pending.version + 1 });
    expect(await checkApproval(KEY, stored, async (u) => u === 'U0BOB')).toBeUndefined();
  });
});

describe('checkApproval', () => {
  function baseRequest(): EndpointRequest {
    return {
      id: 'plr-seal00001',
      state: 'pending',
      version: 1,
      requester: 'U0ALICE',
      params: kinesisParams(),
      preflight: [],
      createdAt: NOW.toISOString(),
      expiresAt: NOW.toISOString(),
      history: [{ state: 'pending', actor: 'U0ALICE', at: NOW.toISOString() }],
    };
  }
  const approver = async (u: string) => u === 'U0BOB';

  it('accepts the seal the Slack function makes, and nothing else', async () => {
    const sealed = approvedAsSlackWould(baseRequest(), 'U0BOB', NOW);
    expect(await checkApproval(KEY, sealed, approver)).toBeUndefined();
    expect(await checkApproval(undefined, sealed, approver)).toBe('no-key');
    expect(await checkApproval(`${KEY}x`, sealed, approver)).toBe('forged');
    expect(await checkApproval(KEY, { ...sealed, approval: { ...sealed.approval!, version: 3 } }, approver)).toBe('forged');
    expect(await checkApproval(KEY, { ...sealed, account: 'prod' }, approver)).toBe('forged');
    expect(await checkApproval(KEY, { ...sealed, requester: 'U0DAVE' }, approver)).toBe('forged');
    expect(await checkApproval(KEY, { ...sealed, id: 'plr-seal00002' }, approver)).toBe('forged');
    expect(await checkApproval(KEY, { ...sealed, approval: { ...sealed.approval!, mac: 'zz' } }, approver)).toBe('forged');
    const { approval: _dropped, ...unsealed } = sealed;
    expect(await checkApproval(KEY, unsealed, approver)).toBe('unsealed');
    expect(await checkApproval(KEY, sealed, async () => false)).toBe('not-approver');
  });

  it('the same content gives the same seal whatever the order of its keys', () => {
    const request = baseRequest();
    const reordered = { ...request, params: Object.fromEntries(Object.entries(request.params).reverse()) as typeof request.params };
    expect(sealApproval(KEY, reordered, 'U0BOB', 2)).toEqual(sealApproval(KEY, request, 'U0BOB', 2));
  });
});
