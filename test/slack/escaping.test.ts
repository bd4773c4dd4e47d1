/**
 * One escaping rule (src/mrkdwn.ts): every catalog text that reaches mrkdwn, in every language, fixed or built from
 * arguments that carry Slack markup (`<`, `&`, `>`, `*`), shows them literally; the only `<…>` left are the bot's
 * own mentions, channels, dates and links. Texts Slack requires as plain_text (confirm dialogs) are plain_text.
 */
import { describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import { SUBCOMMANDS } from '../../src/commands/parse.js';
import type { ParseError } from '../../src/commands/parse.js';
import type { FieldError } from '../../src/commands/create-spec.js';
import { en } from '../../src/messages.js';
import { ja } from '../../src/messages.ja.js';
import { code, escapeMrkdwn, link, mention, slackDate, unsafeMarkup, usergroupMention } from '../../src/mrkdwn.js';
import { helpView, parseErrorView } from '../../src/slack/views/help.js';
import { preflightFailedView, requestMessage, requesterNoteView, requestsListView, statusView } from '../../src/slack/views/requests.js';
import { compareResultView } from '../../src/slack/views/compare.js';
import { newRequest, transition } from '../../src/requests/model.js';
import { reportDecision } from '../../src/slack/views/report.js';
import { decide } from '../../src/decision/engine.js';
import { leaves, show } from '../helpers/catalog.js';

const HOSTILE = '<!channel> a&b <https://evil.example|ok> *x* <@U0EVIL> &lt;';
const catalogs = { en, ja } as const;

/**
 * Fixed strings that are data, not mrkdwn: the usage lines and examples, shown through `code()` by the help and
 * parse-error views (checked below through those views), and the terminal-only help footer.
 */
const DATA_LEAVES = [/^usage \/ /, /^examples \/ [a-z]+ \/ example$/];
/**
 * Texts that go to plain_text only (header, buttons, the confirm dialog, modal labels, select options): Slack shows
 * them as written, so they need no entity.
 */
const PLAIN_TEXT_LEAVES = [
  /^requests \/ (confirmTitle|confirmText|confirmYes|confirmNo|approve|reject|cancel)$/,
  /^requests \/ modal \/ /,
  /^home \/ confirmText$/,
  /^notify \/ rejectModal \/ (title|submit|close|label|hint)$/,
];

/** Parameters that take the bot's own markup, built by src/mrkdwn.ts: a date, or a mention. */
const FRAGMENT_ARGUMENTS: Record<string, (i: number) => string | undefined> = {
  'requests / decidedBy': (i) => (i === 2 ? slackDate('2026-11-29T10:00:00Z') : undefined),
  'requests / historyLine': (i) => (i === 1 ? mention('U0ALICE') : i === 2 ? slackDate('2026-11-29T10:00:00Z') : undefined),
  'requests / listLine': (i) => (i === 5 ? slackDate('2026-11-29T10:00:00Z') : undefined),
  // The approvers, called by the notifier: the user group's or each approver's mention, built by the view.
  'notify / callApprovers': (i) => (i === 0 ? `${mention('U0BOB')} ${usergroupMention('S0APPROVERS')}` : undefined),
  'requests / refusedNotApprover': (i) => (i === 0 ? `${mention('U0BOB')} ${usergroupMention('S0APPROVERS')}` : undefined),
  'notify / reminderHalf': (i) => (i === 0 ? mention('U0BOB') : i === 1 ? slackDate('2026-11-29T10:00:00Z') : undefined),
  'notify / reminderFinal': (i) => (i === 0 ? mention('U0BOB') : i === 1 ? slackDate('2026-11-29T10:00:00Z') : undefined),
  // The failure text: the catalog's own sentence (failureText), with its code spans.
  'notify / dmFailed': (i) => (i === 2 ? `EC2 answered ${code('Timeout')}.` : undefined),
  'home / expires': (i) => (i === 0 ? slackDate('2026-11-29T10:00:00Z') : undefined),
  // Punctuation joins mrkdwn the views built and escaped: a label, a claim, its links, an aside.
  'punctuation / label': () => escapeMrkdwn(HOSTILE),
  'punctuation / sources': () => escapeMrkdwn(HOSTILE),
  'punctuation / aside': () => escapeMrkdwn(HOSTILE),
  'punctuation / sentences': () => escapeMrkdwn(HOSTILE),
};

const hostileValues = new Proxy({} as Record<string, string>, { get: () => HOSTILE });
const PARSE_ERRORS: ParseError[] = [
  { code: 'unknownCommand', word: HOSTILE, suggestion: HOSTILE },
  { code: 'unknownOption', command: 'create', key: HOSTILE, suggestion: HOSTILE },
  { code: 'duplicateOption', command: 'create', key: HOSTILE },
  { code: 'badValue', command: 'compare', key: HOSTILE, value: HOSTILE, allowed: [HOSTILE] },
  { code: 'badRegion', command: 'dns', value: HOSTILE },
  { code: 'badId', command: 'status', value: HOSTILE, expected: 'plr-' },
  { code: 'missingArgument', command: 'dns', what: HOSTILE },
  { code: 'unexpectedArgument', command: 'help', word: HOSTILE },
  { code: 'badField', command: 'create', field: 'vpc', error: { code: 'badRegion', value: HOSTILE } },
  { code: 'unclosedQuote' },
  { code: 'textTooLong', length: 150_000, max: 4000 },
];
const FIELD_ERRORS: FieldError[] = [
  { code: 'required' },
  { code: 'badId', value: HOSTILE, prefix: 'subnet-' },
  { code: 'duplicateId', value: HOSTILE },
  { code: 'badChoice', value: HOSTILE, allowed: [HOSTILE] },
  { code: 'badRegion', value: HOSTILE },
  { code: 'badServiceName', value: HOSTILE },
  { code: 'tooLong', max: 500 },
  { code: 'badPort', value: HOSTILE },
  { code: 'duplicatePort', value: 443 },
];

function argumentSets(key: string, fn: (...args: never[]) => unknown): unknown[][] {
  if (key === 'parseError') return PARSE_ERRORS.map((e) => [e]);
  if (key === 'fieldError') return FIELD_ERRORS.map((e) => [HOSTILE, e]);
  if (key === 'ec2Problem') return ['InvalidServiceName', 'SomethingNew', HOSTILE].map((c) => [c, HOSTILE, HOSTILE, HOSTILE]);
  if (key.endsWith('/ findings') || / \/ findings \/ /.test(key)) return [[hostileValues]];
  const fragment = FRAGMENT_ARGUMENTS[key];
  const arity = Math.max(fn.length, 1);
  const base = Array.from({ length: arity }, (_, i) => fragment?.(i) ?? HOSTILE);
  // Array parameters (allowed regions, missing companions) and boolean branches.
  const withArrays = base.map((a) => (a === HOSTILE ? [HOSTILE, HOSTILE] : a));
  return [base, withArrays];
}

function texts(result: unknown): string[] {
  if (typeof result === 'string') return [result];
  if (result && typeof result === 'object') return Object.values(result).filter((v): v is string => typeof v === 'string');
  return [];
}

describe('the one escaping rule (src/mrkdwn.ts)', () => {
  it('escapes &, < and > once, whatever was escaped before, and leaves nothing Slack would parse', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> a&b')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; a&amp;b');
    expect(escapeMrkdwn(escapeMrkdwn(HOSTILE))).toBe(escapeMrkdwn(HOSTILE));
    expect(escapeMrkdwn('&lt; &amp; &gt; &quot;')).toBe('&lt; &amp; &gt; &amp;quot;');
    expect(unsafeMarkup(escapeMrkdwn(HOSTILE))).toEqual([]);
    // A link or a mention has the form of the bot's own; `<!channel>` and a raw `&` never do.
    expect(unsafeMarkup(HOSTILE)).toEqual(['<!channel>', '&']);
  });

  it('builds mentions, links and dates only from well-formed parts, with labels escaped', () => {
    expect(mention('U0ALICE')).toBe('<@U0ALICE>');
    expect(mention('<!channel>')).toBe('&lt;!channel&gt;');
    expect(mention('system')).toBe('system');
    expect(link('https://slack.com/archives/C1/p1', 'see <it> & go')).toBe('<https://slack.com/archives/C1/p1|see &lt;it&gt; &amp; go>');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://a.example/?a=1&b=2', 'q|r')).toBe('<https://a.example/?a=1&amp;b=2|q¦r>');
    expect(slackDate('2026-11-29T10:00:00Z')).toBe(`<!date^${Date.parse('2026-11-29T10:00:00Z') / 1000}^{date_short_pretty} {time}|2026-11-29T10:00:00Z>`);
    expect(slackDate('<!channel>')).toBe('&lt;!channel&gt;');
    expect(code('/privatelink status <request-id>')).toBe('`/privatelink status &lt;request-id&gt;`');
    for (const own of [mention('U0ALICE'), link('https://x.example/a', 'b'), slackDate('2026-11-29T10:00:00Z'), '<#C0123>']) {
      expect(unsafeMarkup(own)).toEqual([]);
    }
  });

  for (const [lang, catalog] of Object.entries(catalogs)) {
    it(`${lang}: every fixed text that reaches mrkdwn is safe as written`, () => {
      const problems: string[] = [];
      let checked = 0;
      for (const [path, value] of leaves(catalog)) {
        if (typeof value !== 'string') continue;
        const key = show(path);
        if (DATA_LEAVES.some((re) => re.test(key)) || PLAIN_TEXT_LEAVES.some((re) => re.test(key))) continue;
        checked += 1;
        const bad = unsafeMarkup(value);
        if (bad.length > 0) problems.push(`${key}: ${bad.join(' ')} in ${JSON.stringify(value)}`);
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(300);
    });

    it(`${lang}: every function of the catalog, given arguments full of markup, shows them literally`, () => {
      const problems: string[] = [];
      let calls = 0;
      for (const [path, value] of leaves(catalog)) {
        if (typeof value !== 'function') continue;
        const key = show(path);
        if (PLAIN_TEXT_LEAVES.some((re) => re.test(key))) continue;
        const results = argumentSets(key, value as (...args: never[]) => unknown).flatMap((args) => {
          try {
            return [(value as (...args: unknown[]) => unknown)(...args)];
          } catch {
            return []; // a string where the function takes a list: the other argument set has the list
          }
        });
        if (results.length === 0) problems.push(`${key}: no argument set could call it`);
        for (const result of results) {
          calls += 1;
          for (const text of texts(result)) {
            const bad = unsafeMarkup(text);
            if (bad.length > 0) problems.push(`${key}: ${bad.join(' ')} in ${JSON.stringify(text)}`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(calls).toBeGreaterThan(200);
    });

    it(`${lang}: usage lines and examples show their <placeholders> literally in help and every parse error`, () => {
      const views = [helpView(catalog), ...SUBCOMMANDS.map((command) => parseErrorView({ code: 'missingArgument', command, what: HOSTILE }, catalog))];
      for (const view of views) expect(mrkdwnProblems(view.blocks)).toEqual([]);
      const usage = parseErrorView({ code: 'missingArgument', command: 'status', what: 'request id' }, catalog);
      expect(JSON.stringify(usage.blocks)).toContain('/privatelink status &lt;request-id&gt;');
    });
  }
});

/** Every mrkdwn text of a message's blocks, and what in it is not the bot's own markup. */
function mrkdwnProblems(blocks: KnownBlock[] | unknown[]): string[] {
  const problems: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'mrkdwn' && typeof obj.text === 'string') for (const bad of unsafeMarkup(obj.text)) problems.push(`${bad} in ${JSON.stringify(obj.text)}`);
    for (const v of Object.values(obj)) visit(v);
  };
  visit(blocks);
  return problems;
}

describe('views built from outside values full of markup', () => {
  const at = new Date('2026-11-29T10:00:00Z');
  const hostileRequest = () =>
    newRequest({
      id: 'plr-0123456789',
      requester: 'U0ALICE',
      reason: HOSTILE,
      params: {
        region: 'ap-northeast-1',
        serviceName: `com.amazonaws.${HOSTILE}`,
        vpcId: 'vpc-0123456789abcdef0',
        subnetIds: ['subnet-0123456789abcdef0'],
        securityGroupIds: ['sg-0123456789abcdef0'],
        privateDns: 'on',
        ports: [443],
      },
      preflight: [{ check: 'subnets', status: 'fail', code: 'subnetAzUnsupported', values: { subnets: HOSTILE, azs: HOSTILE } }],
      now: at,
      ttlHours: 24,
    });

  for (const [lang, catalog] of Object.entries(catalogs)) {
    it(`${lang}: the approval card in every state, its status, the list and the requester's note leave only the bot's own markup`, () => {
      const pending = hostileRequest();
      const approved = transition(pending, 'approved', 'U0BOB', at);
      const failed = transition(transition(approved, 'creating', 'worker', at), 'failed', 'worker', at, {
        failure: { code: HOSTILE, message: HOSTILE },
        endpointId: 'vpce-0123456789abcdef0',
      });
      const views = [
        requestMessage(pending, { line: escapeMrkdwn(HOSTILE) }, catalog),
        requestMessage(failed, {}, catalog),
        statusView(failed, catalog),
        requestsListView([pending, failed], 'all', at, catalog),
        requesterNoteView(pending, 'C0APPROVALS', '1700000000.000100', catalog),
        preflightFailedView(pending.preflight, catalog),
      ];
      for (const view of views) expect(mrkdwnProblems(view.blocks)).toEqual([]);
    });

    it(`${lang}: the compare result links each source with the bot's own links only`, () => {
      const answers = { target: 'aws-service', service: 'other', onprem: 'yes' } as const;
      const view = compareResultView(reportDecision(decide(answers), catalog), answers, ['target', 'service', 'onprem'], {}, catalog);
      expect(mrkdwnProblems(view.blocks)).toEqual([]);
    });
  }
});

describe('plain_text where Slack requires it', () => {
  /** Every confirm object in a message, wherever it sits. */
  function confirms(node: unknown): Record<string, { type: string; text: string }>[] {
    if (Array.isArray(node)) return node.flatMap(confirms);
    if (node === null || typeof node !== 'object') return [];
    const obj = node as Record<string, unknown>;
    const own = obj.confirm && typeof obj.confirm === 'object' && 'title' in obj.confirm ? [obj.confirm as Record<string, { type: string; text: string }>] : [];
    return [...own, ...Object.values(obj).flatMap(confirms)];
  }

  it("gives the approve button's confirm dialog a plain_text title, text, confirm and deny, within Slack's lengths", () => {
    for (const catalog of Object.values(catalogs)) {
      const dialogs = confirms(
        requestMessage(
          newRequest({
            id: 'plr-0123456789',
            requester: 'U0ALICE',
            reason: 'x',
            params: {
              region: 'ap-northeast-1',
              serviceName: `com.amazonaws.${'x'.repeat(400)}`,
              vpcId: 'vpc-0123456789abcdef0',
              subnetIds: ['subnet-0123456789abcdef0'],
              securityGroupIds: [],
              privateDns: 'on',
              ports: [443],
            },
            preflight: [],
            now: new Date('2026-11-29T10:00:00Z'),
            ttlHours: 24,
          }),
          {},
          catalog,
        ).blocks,
      );
      expect(dialogs).toHaveLength(1);
      for (const dialog of dialogs) {
        expect(Object.keys(dialog).sort()).toEqual(['confirm', 'deny', 'text', 'title']);
        for (const part of Object.values(dialog)) expect(part.type).toBe('plain_text');
        expect(dialog.title!.text.length).toBeLessThanOrEqual(100);
        expect(dialog.text!.text.length).toBeLessThanOrEqual(300);
        expect(dialog.confirm!.text.length).toBeLessThanOrEqual(30);
        expect(dialog.deny!.text.length).toBeLessThanOrEqual(30);
        expect(dialog.text!.text).not.toContain('`');
      }
    }
  });
});
