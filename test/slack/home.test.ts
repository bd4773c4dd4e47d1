/**
 * The App Home through the real Lambda handlers: `app_home_opened` → `views.publish` (English and Japanese), and
 * the Home's Approve and Reject, which must decide exactly as the channel's buttons do and refuse what does not
 * match the record the Home drew.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patched } from '../../src/requests/store.js';
import { HOME_ACTIONS, HOME_LIMITS, HOME_MAX_BLOCKS, homeBlockId } from '../../src/slack/views/home.js';
import { REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { rejectFormSubmission, startBot, type Bot, stallingStore, type Stall } from '../helpers/bot.js';
import { manualClock, until } from '../helpers/clock.js';
import { fakeEc2World } from '../helpers/ec2.js';
import { apiGatewayV1Event, blockActionBody, callsTo, captureResponseUrl, fakeSlack, fakeSlackApi, homeClickBody, type Captured } from '../helpers/slack.js';

const CREATE = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders stream"';

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string }; confirm?: { text: { type: string } } }[];
}
interface PublishedView {
  type: string;
  blocks: Block[];
}

const homeOpened = (user: string) => ({ type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: '1700000000.000100' });
const buttonsOf = (view: PublishedView) => view.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const textOf = (view: PublishedView) => JSON.stringify(view.blocks);

describe('App Home', () => {
  let bot: Bot;
  let slack: Captured[];
  let published: Captured[];

  beforeEach(async () => {
    bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') } });
    fakeEc2World(seedState());
    slack = fakeSlack({ usergroupMembers: [] });
    published = fakeSlackApi({ 'views.publish': () => ({ ok: true, view: { id: 'V0HOME' } }) });
  });
  afterEach(() => bot.close());

  async function submit(user = 'U0ALICE', text = CREATE): Promise<string> {
    const note = captureResponseUrl();
    await bot.command(text, user);
    await bot.drain();
    return /plr-[0-9a-z]{10}/.exec(JSON.stringify(note[0]!.body))![0];
  }

  async function open(user: string): Promise<PublishedView> {
    const before = published.length;
    const response = await bot.event(homeOpened(user));
    expect(response.status).toBe(200);
    expect(published).toHaveLength(before + 1);
    expect(published.at(-1)!.body.user_id).toBe(user);
    return published.at(-1)!.body.view as PublishedView;
  }

  /** A click on the Home's button as Slack sends it: the container is the view, there is no channel or message. */
  async function homeClick(actionId: string, value: string, user: string, blockId: string, view: Record<string, unknown> = { id: 'V0HOME', type: 'home' }) {
    const payload = homeClickBody(actionId, value, user, blockId, view);
    const response = await bot.interact(JSON.parse(new URLSearchParams(payload).get('payload')!));
    await bot.finishDecisions();
    return response.status;
  }

  it("publishes the requester's own requests, newest first, with their state and a link to the approval message", async () => {
    const first = await submit();
    bot.clock.now = new Date(bot.clock.now.getTime() + 60_000);
    const second = await submit('U0ALICE', CREATE.replace('orders', 'billing'));

    const view = await open('U0ALICE');

    expect(view.type).toBe('home');
    const text = textOf(view);
    expect(text).toContain('Your requests (2)');
    expect(text.indexOf(second)).toBeLessThan(text.indexOf(first));
    expect(text).toContain(':hourglass_flowing_sand: Waiting for an approver');
    const recorded = (await bot.store.get(first))!.message!;
    expect(text).toContain(`https://slack.com/archives/${recorded.channel}/p${recorded.ts.replace('.', '')}|approval message`);
    // Alice is no approver: no section of requests to decide, and no buttons.
    expect(text).not.toContain('Waiting for your decision');
    expect(buttonsOf(view)).toEqual([]);
  });

  it('speaks the user’s language: the same Home in Japanese after `lang ja`', async () => {
    await submit();
    await bot.command('lang ja', 'U0ALICE');

    const view = await open('U0ALICE');

    const text = textOf(view);
    expect(text).toContain('エンドポイントの申請');
    expect(text).toContain('あなたの申請（1 件）');
    expect(text).toContain('承認メッセージ');
    expect(text).not.toContain('Your requests');
  });

  it('shows an approver the pending requests waiting for them, each with Approve (plain-text confirm) and Reject bound to the record', async () => {
    const id = await submit();
    const stored = (await bot.store.get(id))!;

    const view = await open('U0BOB');

    expect(textOf(view)).toContain('Waiting for your decision (1)');
    const buttons = buttonsOf(view);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [HOME_ACTIONS.approve, id],
      [HOME_ACTIONS.reject, id],
    ]);
    expect(buttons[0]!.confirm?.text.type).toBe('plain_text');
    expect(view.blocks.find((b) => b.type === 'actions')!.block_id).toBe(homeBlockId(stored));
  });

  it('bounds both lists and the whole view within Slack’s Home limit, and says how many it leaves out', async () => {
    const template = (await bot.store.get(await submit()))!;
    for (let i = 0; i < 30; i++) {
      const created = new Date(Date.parse(template.createdAt) + (i + 1) * 1000).toISOString();
      await bot.store.create({
        ...template,
        id: `plr-${String(i).padStart(10, '0')}`,
        createdAt: created,
        history: [{ ...template.history[0]!, at: created }],
      });
    }

    const approver = await open('U0BOB');
    const requester = await open('U0ALICE');

    expect(textOf(approver)).toContain(`Waiting for your decision (newest ${HOME_LIMITS.waiting} of 31)`);
    expect(buttonsOf(approver)).toHaveLength(2 * HOME_LIMITS.waiting);
    expect(textOf(requester)).toContain(`Your requests (newest ${HOME_LIMITS.own} of 31)`);
    for (const view of [approver, requester]) expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
  });

  it('decides from the Home exactly as the channel button does: one approval, the card redrawn, one create job, the Home redrawn', async () => {
    const viaHome = await submit();
    const viaChannel = await submit('U0ALICE', CREATE.replace('orders', 'billing'));
    const shown = (await bot.store.get(viaHome))!;

    expect(await homeClick(HOME_ACTIONS.approve, viaHome, 'U0BOB', homeBlockId(shown))).toBe(200);
    await bot.click(REQUEST_ACTIONS.approve, viaChannel, 'U0BOB');

    const [home, channel] = [(await bot.store.get(viaHome))!, (await bot.store.get(viaChannel))!];
    for (const r of [home, channel]) {
      expect(r.state).toBe('approved');
      expect(r.decidedBy).toBe('U0BOB');
      expect(r.history.map((h) => [h.state, h.actor])).toEqual([
        ['pending', 'U0ALICE'],
        ['approved', 'U0BOB'],
      ]);
    }
    expect(bot.jobs.jobs).toEqual([
      { kind: 'create', requestId: viaHome },
      { kind: 'create', requestId: viaChannel },
    ]);
    // The card in the channel is redrawn from the record, without its buttons, as after a channel click.
    const updates = callsTo(slack, 'chat.update').filter((u) => u.body.ts === home.message!.ts);
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]!.body.blocks)).toContain('Approved by <@U0BOB>');
    // The clicker's Home is drawn again, saying what happened and without the decided request's buttons.
    const redrawn = published.at(-1)!;
    expect(redrawn.body.user_id).toBe('U0BOB');
    const view = redrawn.body.view as PublishedView;
    expect(textOf(view)).toContain(`Approved: \`${viaHome}\``);
    expect(buttonsOf(view).map((b) => b.value)).not.toContain(viaHome);
  });

  it('tells a Japanese-speaking approver what their Home click did, in Japanese', async () => {
    const id = await submit();
    await bot.command('lang ja', 'U0BOB');

    await homeClick(HOME_ACTIONS.reject, id, 'U0BOB', homeBlockId((await bot.store.get(id))!));
    // Reject asks for the reason first, in the same form as the channel's, bound to the request's card.
    expect((await bot.store.get(id))!.state).toBe('pending');
    const form = callsTo(slack, 'views.open').at(-1)!.body as { view: { private_metadata: string } };
    const origin = JSON.parse(form.view.private_metadata) as Record<string, unknown>;
    expect(origin).toEqual({ requestId: id, ...(await bot.store.get(id))!.message, fromHome: true });
    const submitted = await bot.interact(rejectFormSubmission('U0BOB', form.view.private_metadata, '共有 VPC を使ってください'));
    expect(submitted.status).toBe(200);
    await bot.finishDecisions();

    expect((await bot.store.get(id))!.state).toBe('rejected');
    expect((await bot.store.get(id))!.decisionReason).toBe('共有 VPC を使ってください');
    const text = textOf(published.at(-1)!.body.view as PublishedView);
    expect(text).toContain(`却下済み：\`${id}\``);
    expect(text).toContain(id);
    expect(text).toContain('あなたの判断を待っている申請（0 件）');
  });

  it('answers a Home Reject on a request decided in the channel at once, without opening the reason form', async () => {
    const id = await submit();
    const shown = (await bot.store.get(id))!;
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0CAROL');
    const opened = callsTo(slack, 'views.open').length;

    await homeClick(HOME_ACTIONS.reject, id, 'U0BOB', homeBlockId(shown));

    expect(callsTo(slack, 'views.open')).toHaveLength(opened);
    expect((await bot.store.get(id))!.state).toBe('approved');
    expect(textOf(published.at(-1)!.body.view as PublishedView)).toContain(`is already approved; nothing was changed.`);
  });

  it('gives one winner when the Home and the channel are clicked for the same request', async () => {
    const id = await submit();
    const shown = (await bot.store.get(id))!;

    await bot.reject(id, 'U0CAROL');
    await homeClick(HOME_ACTIONS.approve, id, 'U0BOB', homeBlockId(shown));

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('rejected');
    expect(stored.history.map((h) => h.state)).toEqual(['pending', 'rejected']);
    expect(bot.jobs.jobs).toEqual([]);
    // The Home drew version n; the reject moved the record on: the click decides nothing and the Home says why.
    expect(textOf(published.at(-1)!.body.view as PublishedView)).toContain('changed after this page was drawn; nothing was decided');
  });

  it('refuses a non-approver’s Home click (a forged one: the buttons were never shown to them)', async () => {
    const id = await submit();
    const shown = (await bot.store.get(id))!;

    await homeClick(HOME_ACTIONS.approve, id, 'U0MALLORY', homeBlockId(shown));
    await homeClick(HOME_ACTIONS.approve, id, 'U0ALICE', homeBlockId(shown));

    expect((await bot.store.get(id))!.state).toBe('pending');
    expect(bot.jobs.jobs).toEqual([]);
    expect(callsTo(slack, 'chat.update')).toEqual([]);
    const notices = published.slice(-2).map((p) => textOf(p.body.view as PublishedView));
    expect(notices[0]).toContain('Only approvers may decide endpoint requests');
    expect(notices[1]).toContain('You cannot decide your own request');
  });

  it('refuses a Home click that does not match its record: another request in the block, a view that is not a Home, a message container', async () => {
    const id = await submit();
    const other = await submit('U0ALICE', CREATE.replace('orders', 'billing'));
    const shown = (await bot.store.get(id))!;
    const otherShown = (await bot.store.get(other))!;

    // The button names `id`, its block names `other`: neither is decided.
    await homeClick(HOME_ACTIONS.approve, id, 'U0BOB', homeBlockId(otherShown));
    // A modal is not the user's Home.
    await homeClick(HOME_ACTIONS.approve, id, 'U0BOB', homeBlockId(shown), { id: 'V0MODAL', type: 'modal' });
    // A Home button id arriving from a message is not a Home click.
    const response = await bot.http(
      apiGatewayV1Event(
        blockActionBody(HOME_ACTIONS.approve, id, 'U0BOB', {
          actions: [
            {
              type: 'button',
              action_id: HOME_ACTIONS.approve,
              block_id: homeBlockId(shown),
              value: id,
              action_ts: '1',
              text: { type: 'plain_text', text: 'x' },
            },
          ],
        }),
      ),
    );
    expect(response.statusCode).toBe(200);
    await bot.finishDecisions();

    for (const r of [id, other]) expect((await bot.store.get(r))!.state).toBe('pending');
    expect(bot.jobs.jobs).toEqual([]);
    expect(callsTo(slack, 'chat.update')).toEqual([]);
    expect(published.slice(-3).map((p) => textOf(p.body.view as PublishedView).includes('does not match the request it names'))).toEqual([true, true, true]);
  });

  it('refuses a Home click on a record changed since the Home was drawn, and draws the Home again', async () => {
    const id = await submit();
    const shown = (await bot.store.get(id))!;
    await bot.store.replace(patched(shown, { messageStale: true }));

    await homeClick(HOME_ACTIONS.approve, id, 'U0BOB', homeBlockId(shown));

    expect((await bot.store.get(id))!.state).toBe('pending');
    expect(bot.jobs.jobs).toEqual([]);
    const view = published.at(-1)!.body.view as PublishedView;
    expect(textOf(view)).toContain(`Request \`${id}\` changed after this page was drawn`);
    // Drawn again from the record as it is now: a click on the new buttons would count.
    expect(view.blocks.find((b) => b.type === 'actions')!.block_id).toBe(homeBlockId((await bot.store.get(id))!));
  });

  it('draws nothing for the Messages tab, and answers Slack’s url_verification with its challenge', async () => {
    expect((await bot.event({ ...homeOpened('U0BOB'), tab: 'messages' })).status).toBe(200);
    expect(published).toEqual([]);

    const body = JSON.stringify({ token: 'unused', challenge: 'challenge-0123', type: 'url_verification' });
    const response = await bot.http(apiGatewayV1Event(body, { contentType: 'application/json' }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toEqual({ challenge: 'challenge-0123' });
  });
});

describe("App Home against Slack's 3 seconds", () => {
  let bot: Bot;
  let published: Captured[];
  const clock = manualClock();
  /** While set, the store's reads wait for ever (a slow or unreachable table). */
  const stalled: Stall = { list: false, get: false };

  beforeEach(async () => {
    Object.assign(stalled, { list: false, get: false });
    bot = await startBot({ deadlineClock: clock, wrapStore: stallingStore(stalled) });
    fakeEc2World(seedState());
    fakeSlack();
    published = fakeSlackApi({ 'views.publish': () => ({ ok: true, view: { id: 'V0HOME' } }) });
  });
  afterEach(() => bot.close());

  it('answers the event without waiting on the store: the worker draws the Home once the store answers', async () => {
    stalled.list = true;

    // Nothing in the answer waits on the deadline clock or the stalled store: it is a hand-off.
    expect((await bot.eventOnly(homeOpened('U0BOB'))).status).toBe(200);
    expect(published).toEqual([]);
    expect(bot.jobs.jobs).toEqual([{ kind: 'home', userId: 'U0BOB' }]);

    stalled.list = false;
    await bot.finishDecisions();
    expect(published.map((p) => p.body.user_id)).toEqual(['U0BOB']);
  });

  it('decides nothing when a Home click cannot be checked in time, and says so on the Home', async () => {
    const note = captureResponseUrl();
    await bot.command(CREATE);
    await bot.drain();
    const id = /plr-[0-9a-z]{10}/.exec(JSON.stringify(note[0]!.body))![0];
    const shown = (await bot.store.get(id))!;
    stalled.get = true;
    const waitsBefore = clock.waiting;

    const payload = JSON.parse(new URLSearchParams(homeClickBody(HOME_ACTIONS.approve, id, 'U0BOB', homeBlockId(shown))).get('payload')!);
    const answer = bot.interact(payload);
    await until(() => clock.waiting > waitsBefore, 'the click to wait on its deadline');
    clock.advance(1600);

    expect((await answer).status).toBe(200);
    stalled.get = false;
    // Only the Home is left to draw, by the worker: nothing was decided, so no decision job.
    expect(bot.jobs.jobs.map((j) => j.kind)).toEqual(['home']);
    await bot.finishDecisions();
    expect((await bot.store.get(id))!.state).toBe('pending');
    expect(bot.jobs.jobs).toEqual([]);
    expect(textOf(published[0]!.body.view as PublishedView)).toContain(`I could not check your click on \`${id}\` in time; nothing was decided`);
  });
});
