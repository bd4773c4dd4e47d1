import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/messages.js';
import { patched } from '../../src/requests/store.js';
import { CARD_GRACE_MS } from '../../src/requests/submit.js';
import { REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { beforeReplace, startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World } from '../helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, fakeSlack, type Captured } from '../helpers/slack.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { count } from '../reliability/figures.js';

const CREATE = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders <!channel> stream"';

interface Message {
  channel?: string;
  text?: string;
  blocks: { type: string; elements?: { action_id: string; value: string; confirm?: unknown }[] }[];
}

const buttonsOf = (m: Message) => m.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

describe('create with approval, through the Lambda handlers', () => {
  let bot: Bot;
  let world: EmulatorState;
  let slack: Captured[];

  beforeEach(async () => {
    bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') } });
    world = seedState();
    fakeEc2World(world);
    slack = fakeSlack({ usergroupMembers: ['U0DAVE'] });
  });
  afterEach(() => bot.close());

  /** Submits the request and runs the preflight job; returns the request id. */
  async function submit(text = CREATE): Promise<string> {
    const note = captureResponseUrl();
    const ack = await bot.command(text);
    expect(ack.body.text).toContain('Checking the request for `vpc-0a1b2c3d`');
    await bot.drain();
    const id = /plr-[0-9a-z]{10}/.exec(JSON.stringify(note[0]!.body))![0];
    return id;
  }

  it("opens the modal for a bare create, within the trigger's time", async () => {
    const ack = await bot.command('create');

    const open = callsTo(slack, 'views.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.body).toMatchObject({ trigger_id: expect.any(String), view: { type: 'modal', callback_id: 'create_request' } });
    expect(ack.body).toEqual({});
  });

  it('shows failed preflight checks to the requester and posts nothing', async () => {
    world.vpcs['vpc-0a1b2c3d']!.dnsHostnames = false;
    const note = captureResponseUrl();

    await bot.command(CREATE);
    await bot.drain();

    const text = blockText(note[0]!.body);
    expect(text).toContain('The request was not sent');
    expect(text).toContain(':x: *Private DNS*: `vpc-0a1b2c3d` lacks enableDnsHostnames');
    expect(text).toContain('aws ec2 modify-vpc-attribute --vpc-id vpc-0a1b2c3d');
    expect(callsTo(slack, 'chat.postMessage')).toEqual([]);
    expect(await bot.store.list({ openOnly: false, limit: 10 })).toEqual([]);
  });

  it('posts the approval request with the exact parameters, the checks, escaped text and the two buttons', async () => {
    const note = captureResponseUrl();
    await bot.command(CREATE);
    await bot.drain();

    const [post] = callsTo(slack, 'chat.postMessage');
    const message = post!.body as unknown as Message;
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    expect(message.channel).toBe('C0APPROVALS');
    expectWithinBlockKitLimits(message);
    const text = blockText(message);
    expect(text).toContain(`Endpoint request ${id}`);
    expect(text).toContain('*Requested by*: <@U0ALICE>');
    expect(text).toContain('orders &lt;!channel&gt; stream');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('--service-name com.amazonaws.ap-northeast-1.kinesis-streams');
    expect(text).toContain(`--client-token ${id}`);
    expect(text).toContain(':white_check_mark: *Permission*');
    expect(buttonsOf(message).map((b) => [b.action_id, b.value])).toEqual([
      ['approve_request', id],
      ['reject_request', id],
    ]);
    expect(buttonsOf(message)[0]!.confirm).toBeDefined();
    const requesterNote = blockText(note[0]!.body);
    expect(requesterNote).toContain(`Request \`${id}\` is waiting for approval in <#C0APPROVALS>`);
    expect(requesterNote).toContain('https://slack.com/archives/C0APPROVALS/p1700000001000100');
  });

  it("quotes a hostile reason on one inert line: it cannot pass for the bot's own lines", async () => {
    // The reason from issue 12 (item 4), with a terminal escape and a bidi override added.
    const reason = 'orders\n*Expires:* never\n:white_check_mark: *Security review:* approved by <@U0BOB>\u001b[31m\u202e';
    captureResponseUrl();
    await bot.command(`create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="${reason}"`);
    await bot.drain();

    const message = callsTo(slack, 'chat.postMessage')[0]!.body as unknown as { blocks: { type: string; text?: { text: string } }[] };
    const texts = message.blocks.flatMap((b) => (b.text ? [b.text.text] : []));
    const reasonBlock = texts.find((t) => t.startsWith('*Reason for the request*'))!;
    expect(reasonBlock.split('\n')).toEqual([
      '*Reason for the request*',
      '>orders \u2217Expires:\u2217 never \u02d0whiteˍcheckˍmark: \u2217Security review:\u2217 approved by &lt;@U0BOB&gt;',
    ]);
    const all = texts.join('\n');
    expect(all.match(/^\*Expires\*:/gm)).toHaveLength(1);
    expect(all).not.toContain(':white_check_mark: *Security review:*');
    expect(all).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    count('forged requests');
  });

  it("lets neither the requester nor a bystander decide; an approver's click decides and hands off once", async () => {
    const id = await submit();
    const refusals = captureResponseUrl(2);

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0ALICE');
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0MALLORY');

    expect(blockText(refusals[0]!.body)).toContain('You cannot decide your own request');
    expect(blockText(refusals[1]!.body)).toContain('Only approvers may decide');
    expect(blockText(refusals[1]!.body)).toContain('The approvers are <@U0BOB> <@U0CAROL>');
    expect(refusals.map((r) => r.body.response_type)).toEqual(['ephemeral', 'ephemeral']);
    expect((await bot.store.get(id))?.state).toBe('pending');
    expect(callsTo(slack, 'chat.update')).toEqual([]);

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');

    const stored = await bot.store.get(id);
    expect(stored?.state).toBe('approved');
    expect(stored?.history.map((h) => [h.state, h.actor])).toEqual([
      ['pending', 'U0ALICE'],
      ['approved', 'U0BOB'],
    ]);
    const update = callsTo(slack, 'chat.update')[0]!.body as unknown as Message;
    expect(blockText(update)).toContain('Approved by <@U0BOB>');
    expect(buttonsOf(update)).toEqual([]);
    expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: id }]);
  });

  it("counts a click only on the recorded message: another channel's copy is refused privately and redrawn as void", async () => {
    const id = await submit();
    const recorded = (await bot.store.get(id))!.message!;
    const refusal = captureResponseUrl();
    const copy = { channel: 'C0ELSEWHERE', ts: '1700009999.000100' };

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB', copy);

    expect(blockText(refusal[0]!.body)).toContain(`This copy of request \`${id}\` is not the one the request recorded`);
    expect(refusal[0]!.body.response_type).toBe('ephemeral');
    expect((await bot.store.get(id))?.state).toBe('pending');
    expect(bot.jobs.jobs).toEqual([]);
    const voided = callsTo(slack, 'chat.update');
    expect(voided.map((u) => [u.body.channel, u.body.ts])).toEqual([[copy.channel, copy.ts]]);
    expect(blockText(voided[0]!.body)).toContain(`This copy of request ${id} is void`);
    expect(buttonsOf(voided[0]!.body as unknown as Message)).toEqual([]);
    // Same channel, another message (a re-post): refused too.
    const form = await bot.reject(id, 'U0BOB', 'Not this one.', { channel: recorded.channel, ts: '1700000555.000100' });
    // The form stays open and says why on its field.
    expect(form.body).toMatchObject({
      response_action: 'errors',
      errors: { reason: expect.stringContaining(`This copy of request \`${id}\` is not the one`) },
    });
    expect((await bot.store.get(id))?.state).toBe('pending');

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    expect((await bot.store.get(id))?.state).toBe('approved');
    count('forged requests', 2);
  });

  it('voids the copy a crash left unrecorded (posted, ts not stored); only the recorded one decides', async () => {
    await bot.close();
    let crashes = 1;
    bot = await startBot({
      clock: { now: new Date('2026-11-29T10:00:00Z') },
      wrapStore: beforeReplace(async (next, store) => {
        if (next.message && !(await store.get(next.id))?.message && crashes-- > 0) throw new Error('process died');
      }),
    });
    captureResponseUrl();
    await bot.command(CREATE);
    const submission = bot.jobs.jobs[0]!;
    await expect(bot.drain()).rejects.toThrow('process died');
    const orphan = callsTo(slack, 'chat.postMessage')[0]!.body as { channel: string };
    const orphanTs = '1700000001.000100';
    expect(orphan.channel).toBe('C0APPROVALS');

    // Redelivered at once, the first delivery may still be posting: no second card.
    captureResponseUrl();
    await bot.worker(submission);
    expect(callsTo(slack, 'chat.postMessage')).toHaveLength(1);
    // Redelivered after the grace (as Lambda retries a failed asynchronous invocation), the card is posted again and recorded.
    bot.clock.now = new Date(bot.clock.now.getTime() + CARD_GRACE_MS);
    await bot.worker(submission);
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    const recorded = (await bot.store.get(id))!.message!;
    expect(recorded.ts).not.toBe(orphanTs);

    const refusal = captureResponseUrl();
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB', { channel: 'C0APPROVALS', ts: orphanTs });
    expect(blockText(refusal[0]!.body)).toContain('is not the one the request recorded');
    expect(callsTo(slack, 'chat.update').map((u) => u.body.ts)).toEqual([orphanTs]);
    expect((await bot.store.get(id))?.state).toBe('pending');

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    expect((await bot.store.get(id))?.state).toBe('approved');
    count('faults injected');
  });

  it('re-checks the region at approval: a region taken off ALLOWED_REGIONS is refused, the request stays pending', async () => {
    await bot.close();
    const first = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') }, config: { allowedRegions: ['ap-northeast-1', 'eu-west-2'] } });
    bot = first;
    const id = await submit();
    const store = bot.store;
    bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') }, wrapStore: () => store, config: { allowedRegions: ['eu-west-2'] } });
    const refusal = captureResponseUrl();

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');

    expect(blockText(refusal[0]!.body)).toContain(`Request \`${id}\` is for \`ap-northeast-1\`, which is no longer allowed`);
    expect((await bot.store.get(id))?.state).toBe('pending');
    expect(bot.jobs.jobs).toEqual([]);
    await bot.reject(id, 'U0BOB');
    expect((await bot.store.get(id))?.state).toBe('rejected');
    await first.close();
  });

  it('answers Reject on a request decided already at once, as Approve does, without opening the reason form', async () => {
    const id = await submit();
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    expect((await bot.store.get(id))?.state).toBe('approved');
    const opened = callsTo(slack, 'views.open').length;
    const answer = captureResponseUrl();

    await bot.click(REQUEST_ACTIONS.reject, id, 'U0CAROL');

    expect(callsTo(slack, 'views.open')).toHaveLength(opened);
    expect(blockText(answer[0]!.body)).toContain(`Request \`${id}\` is already approved; nothing was changed.`);
    expect(answer[0]!.body.response_type).toBe('ephemeral');
    expect((await bot.store.get(id))?.state).toBe('approved');
  });

  it('still opens the reason form for a pending request', async () => {
    const id = await submit();
    captureResponseUrl();

    await bot.click(REQUEST_ACTIONS.reject, id, 'U0BOB');

    const open = callsTo(slack, 'views.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.body).toMatchObject({ view: { callback_id: 'reject_reason' } });
  });

  it('accepts members of the approver user group, asking Slack on each click', async () => {
    await bot.close();
    bot = await startBot({ config: { approvals: { channelId: 'C0APPROVALS', userIds: [], usergroupId: 'S0NETOPS', ttlHours: 24 } } });
    const id = await submit();
    captureResponseUrl();

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    expect((await bot.store.get(id))?.state).toBe('pending');
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0DAVE');

    expect(callsTo(slack, 'usergroups.users.list').map((c) => c.body.usergroup)).toEqual(['S0NETOPS', 'S0NETOPS']);
    expect((await bot.store.get(id))?.state).toBe('approved');
  });

  it('makes exactly one decision out of 20 concurrent Approve clicks', async () => {
    const id = await submit();
    captureResponseUrl(19);

    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => bot.click(REQUEST_ACTIONS.approve, id, i % 2 ? 'U0BOB' : 'U0CAROL')));

    expect(statuses.every((s) => s === 200)).toBe(true);
    const stored = await bot.store.get(id);
    expect(stored?.history.filter((h) => h.state === 'approved')).toHaveLength(1);
    expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: id }]);
    expect(callsTo(slack, 'chat.update')).toHaveLength(1);
  });

  it('lands an approval that races another write to the request (the message being recorded)', async () => {
    await bot.close();
    let interfere = true;
    bot = await startBot({
      wrapStore: beforeReplace(async (next, store) => {
        if (next.state === 'approved' && interfere) {
          interfere = false;
          await store.replace(patched((await store.get(next.id))!, {}));
        }
      }),
    });
    const id = await submit();

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');

    expect((await bot.store.get(id))?.state).toBe('approved');
    expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: id }]);
  });

  it('tells a requester who chose `lang ja` in Japanese by direct message; the card and the thread stay in LOCALE', async () => {
    const id = await submit();
    await bot.command('lang ja', 'U0ALICE');

    await bot.reject(id, 'U0CAROL', 'Use the shared VPC instead.');

    const dm = callsTo(slack, 'chat.postMessage').find((c) => c.body.channel === 'U0ALICE')!;
    expect(blockText(dm.body)).toContain(`申請 \`${id}\` は <@U0CAROL> さんが却下しました。`);
    expect(blockText(dm.body)).toContain('却下理由');
    const thread = callsTo(slack, 'chat.postMessage').find((c) => c.body.thread_ts);
    expect(thread?.body.text).toContain('Rejected by <@U0CAROL>.');
    expect(blockText(callsTo(slack, 'chat.update').at(-1)!.body)).toContain('Rejected by <@U0CAROL>');
  });

  it('answers a clicker who chose `lang ja` in Japanese: a second Approve, a second Reject, a button of an older version', async () => {
    const id = await submit();
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    await bot.command('lang ja', 'U0CAROL');
    const answers = captureResponseUrl(3);

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0CAROL');
    await bot.click(REQUEST_ACTIONS.reject, id, 'U0CAROL');
    await bot.click('approve_request_v0', id, 'U0CAROL');

    expect(answers.map((a) => blockText(a.body))).toEqual([
      expect.stringContaining(`申請 \`${id}\` はすでに承認済みです。何も変更していません。`),
      expect.stringContaining(`申請 \`${id}\` はすでに承認済みです。何も変更していません。`),
      expect.stringContaining('このボタンは、このバージョンのボットではもう使われていない操作のものです。'),
    ]);
  });

  it('rejects: the message says who, the thread tells the requester, nothing is handed off', async () => {
    const id = await submit();

    await bot.reject(id, 'U0CAROL', 'Use the shared VPC instead.');

    expect((await bot.store.get(id))?.state).toBe('rejected');
    expect(blockText(callsTo(slack, 'chat.update')[0]!.body)).toContain('Rejected by <@U0CAROL>');
    const thread = callsTo(slack, 'chat.postMessage').find((c) => c.body.thread_ts);
    expect(thread?.body.text).toBe('Rejected by <@U0CAROL>. <@U0ALICE>, nothing was created.\n*Reason for rejection*\n>Use the shared VPC instead.');
    expect(bot.jobs.jobs).toEqual([]);
  });

  it('refuses to approve an expired request, and says so on the message', async () => {
    const id = await submit();
    bot.clock.now = new Date('2026-11-30T10:00:01Z');
    const refusal = captureResponseUrl();

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');

    expect((await bot.store.get(id))?.state).toBe('expired');
    expect(blockText(refusal[0]!.body)).toContain('has expired and can no longer be approved');
    expect(blockText(callsTo(slack, 'chat.update')[0]!.body)).toContain('Expired');
    expect(bot.jobs.jobs).toEqual([]);
  });

  it('lets the requester cancel, and only the requester', async () => {
    const id = await submit();

    // Not theirs reads as not there: a stranger's cancel cannot tell which ids are real.
    expect((await bot.command(`cancel ${id}`, 'U0BOB')).body).toEqual(
      JSON.parse(JSON.stringify((await bot.command('cancel plr-0000000000', 'U0BOB')).body).replaceAll('plr-0000000000', id)),
    );
    expect((await bot.command(`cancel ${id}`, 'U0MALLORY')).body.text).toBe(en.requests.notFound(id));
    expect((await bot.command(`cancel ${id}`, 'U0ALICE')).body.text).toBe(`Request \`${id}\` is cancelled.`);
    expect((await bot.store.get(id))?.state).toBe('cancelled');
    const refusal = captureResponseUrl();
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    expect(blockText(refusal[0]!.body)).toContain('is already cancelled');
  });

  it('replays of a submission or a decided click change nothing', async () => {
    const note = captureResponseUrl(2);
    await bot.command(CREATE, 'U0ALICE', 'trigger-same');
    await bot.command(CREATE, 'U0ALICE', 'trigger-same');
    await bot.drain();

    expect(callsTo(slack, 'chat.postMessage')).toHaveLength(1);
    expect(blockText(note[1]!.body)).toContain('is waiting for approval');
    const id = (await bot.store.list({ openOnly: true, limit: 5 }))[0]!.id;
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    captureResponseUrl();
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0CAROL');
    expect((await bot.store.get(id))?.history).toHaveLength(2);
    expect(bot.jobs.jobs).toHaveLength(1);
  });

  it("shows requests and one request's history", async () => {
    const id = await submit();
    await bot.reject(id, 'U0CAROL');

    expect(blockText((await bot.command('requests')).body)).toContain('No open requests.');
    expect(blockText((await bot.command('requests all')).body)).toContain(`\`${id}\` :no_entry: Rejected · <@U0ALICE>`);
    const status = blockText((await bot.command(`status ${id}`)).body);
    expect(status).toContain('• pending · <@U0ALICE> · <!date^');
    expect(status).toContain('• rejected · <@U0CAROL> · <!date^');
    expect((await bot.command('status plr-0000000000')).body.text).toContain('There is no request `plr-0000000000`');
  });

  it('validates the modal on its fields, and queues a good submission', async () => {
    const view = (values: Record<string, string>) => ({
      type: 'view_submission',
      team: { id: 'T0TEAM' },
      user: { id: 'U0ALICE', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'unused',
      trigger_id: '1.2.3',
      view: {
        id: 'V0MODAL1',
        type: 'modal',
        callback_id: 'create_request',
        private_metadata: '{"channelId":"C0CHAN"}',
        state: {
          values: Object.fromEntries(
            Object.entries(values).map(([k, v]) => [
              k,
              { value: k === 'private-dns' ? { type: 'static_select', selected_option: { value: v } } : { type: 'plain_text_input', value: v } },
            ]),
          ),
        },
      },
    });

    const bad = await bot.interact(
      view({ service: 'kinesis-streams', vpc: 'vpc-12', subnets: 'subnet-0a1b2c3d,subnet-0a1b2c3d', ports: '0', 'service-region': 'mars-1' }),
    );
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        vpc: 'vpc-12 is not a valid vpc- id (vpc- followed by 8 or 17 hex characters).',
        subnets: 'subnet-0a1b2c3d is listed twice.',
        ports: '0 is not a port: ports takes TCP port numbers from 1 to 65535, comma-separated (e.g. ports=443,8443).',
        'service-region': 'mars-1 is not an AWS region I know (e.g. ap-northeast-1).',
      },
    });
    expect(bot.jobs.jobs).toEqual([]);

    const good = await bot.interact(
      view({ service: 'kinesis-streams', vpc: 'vpc-0a1b2c3d', subnets: 'subnet-0a1b2c3d, subnet-4e5f6a7b', 'private-dns': 'on' }),
    );
    expect(good.status).toBe(200);
    expect(bot.jobs.jobs).toMatchObject([
      {
        kind: 'submit',
        submission: { requester: 'U0ALICE', submissionKey: 'view:V0MODAL1', spec: { privateDns: 'on', ports: [443] } },
        replyTo: { userId: 'U0ALICE' },
      },
    ]);
    await bot.drain();
    expect(callsTo(slack, 'chat.postMessage').map((c) => c.body.channel)).toEqual(['C0APPROVALS', 'U0ALICE']);
  });
});
