/**
 * The Japanese counterparts of the English view tests (issue 14): help, a parse error, a compare result, the
 * approval card and the requester's note, rendered with the real `ja` catalog; then the same through the Lambda
 * handler, for a user who ran `lang ja` and for a deployment with `LOCALE=ja`. Headings and labels are read from
 * the catalog; ids, commands and CLI lines must stay literal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand, SUBCOMMANDS } from '../../src/commands/parse.js';
import { decide } from '../../src/decision/engine.js';
import type { Answers, QuestionKey } from '../../src/decision/questions.js';
import { reportDecision } from '../../src/slack/views/report.js';
import { en } from '../../src/messages.js';
import { ja } from '../../src/messages.ja.js';
import { newRequest, transition } from '../../src/requests/model.js';
import { compareResultView } from '../../src/slack/views/compare.js';
import { helpView, parseErrorView } from '../../src/slack/views/help.js';
import { REQUEST_ACTIONS, requestMessage, requesterNoteView } from '../../src/slack/views/requests.js';
import { blocksToText } from '../../src/slack/views/text.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World } from '../helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, fakeSlack, type Captured } from '../helpers/slack.js';

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
  confirm?: { title: { text: string }; confirm: { text: string }; deny: { text: string } };
}
interface Message {
  channel?: string;
  text?: string;
  blocks: { type: string; elements?: Button[] }[];
}

const buttonsOf = (m: Message) => m.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
/** Any run of kana or kanji: the text is Japanese, not English left over. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const at = new Date('2026-11-29T10:00:00Z');
const pending = () =>
  newRequest({
    id: 'plr-0a1b2c3d4e',
    requester: 'U0ALICE',
    reason: 'orders <!channel> stream',
    params: {
      region: 'ap-northeast-1',
      serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
      vpcId: 'vpc-0a1b2c3d',
      subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
      securityGroupIds: ['sg-0a1b2c3d'],
      privateDns: 'on',
      ports: [443],
    },
    preflight: [{ check: 'permission', status: 'pass', code: 'permitted', values: {} }],
    now: at,
    ttlHours: 24,
  });

describe('views rendered with the ja catalog', () => {
  it('help: the Japanese title and footer, every sub-command literal', () => {
    const view = helpView(ja);
    expectWithinBlockKitLimits(view);
    const text = view.blocks.map((b) => (b as { text?: { text: string } }).text?.text ?? '').join('\n');
    expect(view.text).toBe(ja.helpTitle);
    expect(text).toContain(ja.helpTitle);
    expect(blockText(view)).toContain(ja.helpFooter);
    expect(text).not.toContain(en.helpTitle);
    for (const name of SUBCOMMANDS) {
      expect(text).toContain(`\`${ja.examples[name].example}\``);
      expect(ja.examples[name].example).toMatch(new RegExp(`^/privatelink ${name}\\b`));
      expect(ja.examples[name].what).toMatch(JAPANESE);
    }
  });

  it('a parse error: the sentence in Japanese, the bad word and the usage line literal', () => {
    const parsed = parseCommand('compare overlap=maybe');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const view = parseErrorView(parsed.error, ja);
    expectWithinBlockKitLimits(view);
    const text = blockText(view);
    expect(view.text).toBe(ja.parseError(parsed.error));
    expect(view.text).toMatch(JAPANESE);
    expect(text).toContain('`overlap=maybe`');
    expect(text).toContain('は無効です');
    expect(text).toContain(`${ja.usageLabel} \`${ja.usage.compare}\``);
    expect(ja.usage.compare).toMatch(/^\/privatelink compare /);
    expect(text).not.toContain(en.usageLabel);
  });

  it("a parse error echoes the user's word escaped, as in English", () => {
    const view = parseErrorView({ code: 'unknownCommand', word: '<!channel>' }, ja);
    expect(JSON.stringify(view)).not.toContain('<!channel>');
    expect(JSON.stringify(view)).toContain('&lt;!channel&gt;');
    expect(view.text).toContain('というコマンドはありません');
  });

  describe('a compare result: S3 from on-premises', () => {
    const answers: Answers = { target: 'aws-service', service: 's3', onprem: 'yes' };
    const order: QuestionKey[] = ['target', 'service', 'onprem'];
    const decision = decide(answers);
    const view = compareResultView(reportDecision(decision, ja), answers, order, {}, ja);
    const english = compareResultView(reportDecision(decision, en), answers, order, {}, en);
    const text = blockText(view);

    it("heads the card with 推奨 and the option's Japanese name, and words each section from the catalog", () => {
      expectWithinBlockKitLimits(view);
      expect(decision.recommendation).toBeTruthy();
      expect(view.text).toBe(`${ja.compare.recommendation}：${ja.optionNames[decision.recommendation!]}`);
      for (const heading of [ja.compare.why, ja.compare.nextSteps, ja.compare.caveats, ja.compare.ruledOut]) expect(text).toContain(`*${heading}*`);
      expect(text).toContain(ja.notes['why.interface-inbound-only']);
      expect(text).toContain(ja.notes['caveat.gateway-routes']);
      expect(text).not.toContain(en.notes['why.interface-inbound-only']);
      const terminal = blocksToText(view.blocks);
      expect(terminal).toContain(`${ja.compare.recommendation}：${ja.optionNames[decision.recommendation!]}\n====`);
    });

    it("keeps the commands, the re-run line and the buttons' ids as in English", () => {
      expect(text).toContain('aws ec2 create-vpc-endpoint');
      expect(text).toContain('com.amazonaws.');
      expect(text).toContain(`${ja.compare.rerun} \`/privatelink compare target=aws-service service=s3 onprem=yes\``);
      const ids = (m: Message) => buttonsOf(m).map((b) => [b.action_id, b.value]);
      expect(ids(view as unknown as Message)).toEqual(ids(english as unknown as Message));
      expect(buttonsOf(view as unknown as Message).map((b) => b.text.text)).toEqual([ja.compare.share, ja.compare.back, ja.compare.startOver]);
      expect(view.blocks.map((b) => b.type)).toEqual(english.blocks.map((b) => b.type));
    });
  });

  describe('the approval card', () => {
    it('labels every field in Japanese, keeps ids and the CLI line literal, and has the two buttons', () => {
      const request = pending();
      const view = requestMessage(request, {}, ja) as unknown as Message;
      expectWithinBlockKitLimits(view as never);
      const text = blockText(view);
      const r = ja.requests;
      expect(text).toContain(r.title('plr-0a1b2c3d4e'));
      expect(text).toContain(`*${r.requester}*：<@U0ALICE>`);
      expect(text).toContain(`*${r.expires}*：`);
      expect(text).toContain(`*${r.reason}*\n`);
      expect(text).toContain('orders &lt;!channel&gt; stream');
      expect(text).not.toContain('<!channel>');
      for (const label of [r.service, r.vpc, r.subnets, r.securityGroups, r.privateDns, r.region, r.ports]) expect(text).toContain(`*${label}*`);
      expect(text).toContain(r.dnsModes.on);
      expect(text).toContain('`vpc-0a1b2c3d`');
      expect(text).toContain('--service-name com.amazonaws.ap-northeast-1.kinesis-streams');
      expect(text).toContain('--client-token plr-0a1b2c3d4e');
      expect(text).toContain(`*${ja.preflight.title}*`);
      expect(text).toContain(`*${ja.preflight.checkNames.permission}*`);
      expect(text).toContain(`*${r.states.pending}*`);
      expect(text).not.toMatch(/Requested by|Reason|Waiting for/);
      const buttons = buttonsOf(view);
      expect(buttons.map((b) => [b.action_id, b.value, b.text.text])).toEqual([
        [REQUEST_ACTIONS.approve, 'plr-0a1b2c3d4e', r.approve],
        [REQUEST_ACTIONS.reject, 'plr-0a1b2c3d4e', r.reject],
      ]);
      expect(buttons[0]!.confirm).toMatchObject({ title: { text: r.confirmTitle }, confirm: { text: r.confirmYes }, deny: { text: r.confirmNo } });
    });

    it('says who decided, in Japanese, once approved', () => {
      const approved = transition(pending(), 'approved', 'U0BOB', new Date('2026-11-29T10:05:00Z'));
      const view = requestMessage(approved, {}, ja) as unknown as Message;
      const text = blockText(view);
      expect(text).toContain(`*${ja.requests.states.approved}*`);
      expect(text).toContain(`${ja.requests.verbs.approved}：<@U0BOB>`);
      expect(buttonsOf(view)).toEqual([]);
    });
  });

  it("the requester's note: Japanese words, the id, the channel link and the cancel command literal", () => {
    const view = requesterNoteView(pending(), 'C0APPROVALS', '1700000001.000100', ja) as unknown as Message;
    const text = blockText(view);
    expect(text).toContain('申請 `plr-0a1b2c3d4e` は <#C0APPROVALS> で承認を待っています');
    expect(text).toContain('<https://slack.com/archives/C0APPROVALS/p1700000001000100|');
    expect(text).toContain('`/privatelink cancel plr-0a1b2c3d4e`');
    const cancel = (view.blocks[0] as unknown as { accessory: Button }).accessory;
    expect([cancel.action_id, cancel.value, cancel.text.text]).toEqual([REQUEST_ACTIONS.cancel, 'plr-0a1b2c3d4e', ja.requests.cancel]);
  });
});

describe('Japanese through the Lambda handler', () => {
  const CREATE = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders"';
  let bot: Bot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('a user who ran `lang ja` gets help and parse errors in Japanese; another user still gets English', async () => {
    bot = await startBot();
    const set = await bot.command('lang ja');
    expect(set.body.text).toBe(ja.lang.set(ja.lang.names.ja));

    const help = blockText(await bot.command('help').then((r) => r.body));
    expect(help).toContain(ja.helpTitle);
    expect(help).toContain(ja.helpFooter);
    expect(help).not.toContain(en.helpTitle);

    const error = blockText(await bot.command('compare overlap=maybe').then((r) => r.body));
    expect(error).toContain('`overlap=maybe` は無効です');
    expect(error).toContain(`${ja.usageLabel} \`${ja.usage.compare}\``);

    expect(blockText(await bot.command('help', 'U0BOB').then((r) => r.body))).toContain(en.helpTitle);
    expect(blockText(await bot.command('compare overlap=maybe', 'U0BOB').then((r) => r.body))).toContain(`${en.usageLabel} \``);
  });

  describe('with LOCALE=ja', () => {
    let slack: Captured[];
    beforeEach(async () => {
      bot = await startBot({ config: { locale: 'ja' }, clock: { now: at } });
      fakeEc2World(seedState());
      slack = fakeSlack();
    });

    it('posts the approval card in Japanese with chat.postMessage, and notes it to the requester in Japanese', async () => {
      const note = captureResponseUrl();
      await bot!.command(CREATE);
      await bot!.drain();

      const id = (await bot!.store.list({ openOnly: true, limit: 1 }))[0]!.id;
      const post = callsTo(slack, 'chat.postMessage')[0]!.body as unknown as Message;
      expect(post.channel).toBe('C0APPROVALS');
      expectWithinBlockKitLimits(post as never);
      const card = blockText(post);
      expect(post.text).toContain(ja.requests.title(id));
      expect(card).toContain(`*${ja.requests.requester}*：<@U0ALICE>`);
      expect(card).toContain(`*${ja.requests.states.pending}*`);
      expect(card).toContain(`--client-token ${id}`);
      expect(card).not.toContain('Requested by');
      expect(buttonsOf(post).map((b) => [b.action_id, b.value, b.text.text])).toEqual([
        [REQUEST_ACTIONS.approve, id, ja.requests.approve],
        [REQUEST_ACTIONS.reject, id, ja.requests.reject],
      ]);

      const dm = blockText(note[0]!.body);
      expect(dm).toContain(`申請 \`${id}\` は <#C0APPROVALS> で承認を待っています`);
      expect(dm).toContain(`\`/privatelink cancel ${id}\``);
    });

    it("keeps the card and its thread in the channel's Japanese for a requester who chose English", async () => {
      await bot!.command('lang en');
      const note = captureResponseUrl();
      await bot!.command(CREATE);
      await bot!.drain();

      const id = (await bot!.store.list({ openOnly: true, limit: 1 }))[0]!.id;
      expect(blockText(note[0]!.body)).toContain(`Request \`${id}\` is waiting for approval in <#C0APPROVALS>`);
      expect(blockText(callsTo(slack, 'chat.postMessage')[0]!.body)).toContain(ja.requests.title(id));

      await bot!.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
      await bot!.drain();
      const update = blockText(callsTo(slack, 'chat.update')[0]!.body);
      expect(update).toContain(`${ja.requests.verbs.approved}：<@U0BOB>`);
      const thread = callsTo(slack, 'chat.postMessage')
        .filter((c) => c.body.thread_ts)
        .map((c) => String(c.body.text));
      expect(thread).toContain(ja.requests.approvedThread('U0BOB'));
      expect(thread.length).toBeGreaterThan(1);
      for (const post of thread) expect(post).toMatch(JAPANESE);
    });
  });
});
