/**
 * The people loop end to end, through both Lambda handlers with Slack faked at its wire and EC2 answered by the
 * emulator (test/helpers/bot.ts): the approvers are called on the card and reminded in its thread, the requester is
 * told by direct message on every outcome, exactly once, and the rejection's reason comes from the Reject form.
 * Time moves only when the test says so (the bot's clock), so reminders and expiry need no waiting.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_BUDGET } from '../src/deadline.js';
import { en } from '../src/messages.js';
import { ja } from '../src/messages.ja.js';
import { REJECT_REASON_MAX } from '../src/slack/views/notices.js';
import { REQUEST_ACTIONS } from '../src/slack/views/requests.js';
import { seedState } from './emulator/ec2-emulator.js';
import { rejectFormSubmission, startBot, type Bot, type BotOptions } from './helpers/bot.js';
import { manualClock, until } from './helpers/clock.js';
import { fakeEc2World } from './helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, fakeSlack, fakeSlackApi, type Captured } from './helpers/slack.js';

const CREATE = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders stream"';
const T0 = new Date('2026-11-29T10:00:00Z');
const HOUR = 3_600_000;

let bot: Bot;
afterEach(() => bot?.close());

/** Starts the bot on a clock that stands at T0 and files one request as U0ALICE; returns its id. */
async function filed(options: BotOptions = {}, slack: () => Captured[] = () => fakeSlack()): Promise<{ id: string; slack: Captured[] }> {
  bot = await startBot({ clock: { now: new Date(T0) }, ...options });
  fakeEc2World(seedState());
  const calls = slack();
  captureResponseUrl();
  await bot.command(CREATE);
  await bot.drain();
  const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
  return { id, slack: calls };
}

/** What the requester received by direct message (chat.postMessage to the user's id), in order. */
const dmsTo = (slack: Captured[], user: string) => callsTo(slack, 'chat.postMessage').filter((c) => c.body.channel === user);
const threadTexts = (slack: Captured[]) =>
  callsTo(slack, 'chat.postMessage')
    .filter((c) => c.body.thread_ts)
    .map((c) => String(c.body.text));
const sweep = () => bot.worker({ kind: 'sweep' });

describe('the requester hears every outcome; the approvers are called and reminded', () => {
  it('create → approved → available: the card calls the approvers, the requester gets two DMs, once each', async () => {
    const { id, slack } = await filed();
    const card = callsTo(slack, 'chat.postMessage').find((c) => c.body.channel === 'C0APPROVALS' && !c.body.thread_ts)!;
    expect(blockText(card.body)).toContain('<@U0BOB> <@U0CAROL>: a new endpoint request waits for your decision.');
    expect(String(card.body.text)).toContain('<@U0BOB> <@U0CAROL>');

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    await bot.drain();

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('available');
    const dms = dmsTo(slack, 'U0ALICE');
    expect(dms).toHaveLength(2);
    expect(blockText(dms[0]!.body)).toContain(`Your request \`${id}\` was approved by <@U0BOB>.`);
    const available = blockText(dms[1]!.body);
    expect(available).toContain(`Your endpoint \`${stored.endpointId}\` is available`);
    expect(available).toContain(stored.dns!.regional!);
    expect(available).toMatch(/dig \+short vpce-/);
    // A link to the card, so the requester can find the thread.
    expect(available).toContain(`https://slack.com/archives/${stored.message!.channel}/p${stored.message!.ts.replace('.', '')}`);
    expect(stored.notified).toEqual(['approved', 'available']);

    // A retried delivery of the create job and a sweep say nothing again.
    await bot.worker({ kind: 'create', requestId: id });
    await sweep();
    expect(dmsTo(slack, 'U0ALICE')).toHaveLength(2);
  });

  it('create → rejected with a reason from the form: the thread and the DM carry it, quoted as user text', async () => {
    const { id, slack } = await filed();

    await bot.click(REQUEST_ACTIONS.reject, id, 'U0CAROL');
    const opened = callsTo(slack, 'views.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.body.view).toMatchObject({ type: 'modal', callback_id: 'reject_reason' });
    expect(JSON.parse(String((opened[0]!.body.view as { private_metadata: string }).private_metadata))).toEqual({
      requestId: id,
      ...(await bot.store.get(id))!.message,
    });
    expect((await bot.store.get(id))!.state).toBe('pending');

    // An empty reason keeps the form open; nothing is decided.
    expect((await bot.reject(id, 'U0CAROL', '   ')).body).toEqual({ response_action: 'errors', errors: { reason: en.notify.reasonRequired } });
    expect((await bot.store.get(id))!.state).toBe('pending');
    // A submission need not come from the form: a reason over the form's limit is refused the same way.
    const tooLong = 'x'.repeat(REJECT_REASON_MAX + 1);
    expect((await bot.reject(id, 'U0CAROL', tooLong)).body).toEqual({
      response_action: 'errors',
      errors: { reason: en.notify.reasonTooLong(REJECT_REASON_MAX + 1, REJECT_REASON_MAX) },
    });
    expect((await bot.store.get(id))!.state).toBe('pending');

    const answer = await bot.reject(id, 'U0CAROL', 'Use the shared <!channel> VPC *instead*');
    expect(answer.status).toBe(200);

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('rejected');
    expect(stored.decisionReason).toBe('Use the shared <!channel> VPC *instead*');
    const quoted = '>Use the shared &lt;!channel&gt; VPC ∗instead∗';
    expect(threadTexts(slack).at(-1)).toBe(`Rejected by <@U0CAROL>. <@U0ALICE>, nothing was created.\n*Reason for rejection*\n${quoted}`);
    const dms = dmsTo(slack, 'U0ALICE');
    expect(dms).toHaveLength(1);
    expect(blockText(dms[0]!.body)).toContain(`Your request \`${id}\` was rejected by <@U0CAROL>`);
    expect(blockText(dms[0]!.body)).toContain(quoted);
    expect(blockText(dms[0]!.body)).not.toContain('<!channel>');

    // A second rejection changes nothing; a retried delivery of the decision's job tells nobody twice.
    expect((await bot.reject(id, 'U0BOB', 'again')).body).toMatchObject({ response_action: 'errors' });
    await bot.worker({ kind: 'decision', action: 'reject', requestId: id, actor: 'U0CAROL', outcome: { kind: 'decided' }, origin: stored.message! });
    expect(dmsTo(slack, 'U0ALICE')).toHaveLength(1);
  });

  it('create → expired: reminders at half the TTL and in the last hour, once each; then the card loses its buttons and the requester is told', async () => {
    const { id, slack } = await filed();
    const reminders = () => threadTexts(slack).filter((t) => t.includes('<@U0BOB> <@U0CAROL>'));

    bot.clock.now = new Date(T0.getTime() + 11 * HOUR);
    await sweep();
    expect(reminders()).toEqual([]);

    bot.clock.now = new Date(T0.getTime() + 12 * HOUR);
    await sweep();
    await sweep();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toMatch(/^<@U0BOB> <@U0CAROL>: this request is still waiting for a decision\. It expires <!date\^/);

    bot.clock.now = new Date(T0.getTime() + 23 * HOUR + 1);
    await sweep();
    await sweep();
    expect(reminders()).toHaveLength(2);
    expect(reminders()[1]).toContain('last call');

    bot.clock.now = new Date(T0.getTime() + 24 * HOUR);
    await sweep();
    await sweep();

    expect((await bot.store.get(id))!.state).toBe('expired');
    const redraw = callsTo(slack, 'chat.update').at(-1)!;
    expect(blockText(redraw.body)).toContain('Expired');
    expect((redraw.body.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
    expect(threadTexts(slack).at(-1)).toBe('Expired: nobody decided in time.');
    const dms = dmsTo(slack, 'U0ALICE');
    expect(dms).toHaveLength(1);
    expect(blockText(dms[0]!.body)).toContain(`Your request \`${id}\` expired: no approver decided in time`);
    expect(reminders()).toHaveLength(2);
  });

  it('a DM Slack refuses is logged and changes nothing else: the request still ends available', async () => {
    let ts = 1_700_000_000;
    const { id, slack } = await filed({}, () =>
      fakeSlackApi({
        'chat.postMessage': (args) =>
          String(args.channel).startsWith('U') ? { ok: false, error: 'cannot_dm_bot' } : { ok: true, channel: args.channel, ts: `${++ts}.000100` },
        'chat.update': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
      }),
    );

    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    await bot.drain();

    expect((await bot.store.get(id))!.state).toBe('available');
    expect(dmsTo(slack, 'U0ALICE')).toHaveLength(2);
    expect(bot.logger.lines.some((l) => JSON.stringify(l).includes('could not tell the requester'))).toBe(true);
  });

  it('speaks the channel language (LOCALE=ja) in the reminder and the DM', async () => {
    const { id, slack } = await filed({ config: { locale: 'ja' } });

    bot.clock.now = new Date(T0.getTime() + 12 * HOUR);
    await sweep();
    await bot.reject(id, 'U0CAROL', '共有 VPC を使ってください');

    expect(threadTexts(slack).some((t) => t.startsWith('<@U0BOB> <@U0CAROL> さん、この申請はまだ承認も却下もされていません。'))).toBe(true);
    const dm = blockText(dmsTo(slack, 'U0ALICE')[0]!.body);
    expect(dm).toContain(ja.notify.dmRejected(id, '', 'U0CAROL').split('（')[0]);
    expect(dm).toContain(`*${ja.notify.reasonLabel}*\n>共有 VPC を使ってください`);
  });
});

describe("the Reject form against Slack's deadline", () => {
  it('an approver check Slack does not answer: the form closes at the in-line deadline and the job rejects with the reason', async () => {
    const clock = manualClock();
    const { id } = await filed({
      config: { approvals: { channelId: 'C0APPROVALS', userIds: [], usergroupId: 'S0NETOPS', ttlHours: 24 } },
      deadlineClock: clock,
    });
    const message = (await bot.store.get(id))!.message!;
    nock.cleanAll();
    let asked = false;
    nock('https://slack.com')
      .post('/api/usergroups.users.list', () => (asked = true))
      .delay(60_000)
      .reply(200, { ok: true, users: ['U0DAVE'] });

    const submission = bot.interact(rejectFormSubmission('U0DAVE', JSON.stringify({ requestId: id, ...message }), 'Wrong VPC', 'V0REJECT'));
    await until(() => asked && clock.waiting > 0, 'the approver check');
    clock.advance(SLACK_BUDGET.inlineWork);
    const answer = await submission;

    expect(answer).toEqual({ status: 200, body: {} });
    expect(bot.jobs.jobs).toEqual([{ kind: 'decision', action: 'reject', requestId: id, actor: 'U0DAVE', origin: message, reason: 'Wrong VPC' }]);
    expect((await bot.store.get(id))!.state).toBe('pending');

    nock.cleanAll();
    const later = fakeSlack({ usergroupMembers: ['U0DAVE'] });
    await bot.finishDecisions();

    const stored = (await bot.store.get(id))!;
    expect(stored).toMatchObject({ state: 'rejected', decidedBy: 'U0DAVE', decisionReason: 'Wrong VPC' });
    expect(blockText(dmsTo(later, 'U0ALICE')[0]!.body)).toContain('>Wrong VPC');
  });
});
