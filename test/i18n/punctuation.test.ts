/**
 * Japanese punctuation, as the AWS Japanese documentation writes it: full-width colons and parentheses after
 * Japanese text, no space between Japanese text and the particle that follows it, and listed items joined with 、.
 * Every text of the ja catalog is checked (functions called with lists where they take values), and so are the
 * screens built from it.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/decision/engine.js';
import { ja } from '../../src/messages.ja.js';
import { newRequest, transition } from '../../src/requests/model.js';
import { compareResultView } from '../../src/slack/views/compare.js';
import { reportDecision } from '../../src/slack/views/report.js';
import { requestMessage, statusView } from '../../src/slack/views/requests.js';
import { kinesisParams } from '../helpers/requests.js';
import { leaves, show } from '../helpers/catalog.js';

const JA = '\\u3040-\\u30ff\\u4e00-\\u9fff';
/** What a rule reads: code spans, links, mentions and emoji names become neutral marks, so only prose is judged. */
const prose = (text: string) =>
  text
    .replace(/```[\s\S]*?```/g, '■')
    .replace(/`[^`]*`/g, '■')
    .replace(/<[^>]*>/g, '■')
    .replace(/:[a-z0-9_+-]+:/g, '■');

const RULES: [string, RegExp][] = [
  ['half-width colon after Japanese text', new RegExp(`[${JA}）」][*_]*:`)],
  ['half-width parenthesis after Japanese text', new RegExp(`[${JA}。、] ?\\(`)],
  ['space between Japanese text and its particle', new RegExp(`[${JA}）] (は|が|を|に|で|と|の|も|へ|から|まで|より)(?=[${JA}]|$|[。、])`)],
  ['ASCII comma list in Japanese text', /[^\s,■]+, [^\s,]+/],
];

/** The rules a text breaks, if it says anything in Japanese. */
function punctuationProblems(text: string): string[] {
  const p = prose(text);
  if (!new RegExp(`[${JA}]`).test(p)) return [];
  return RULES.filter(([, rule]) => rule.test(p)).map(([name]) => name);
}

/** The values the cores pass as lists (joined with `, `), given two items each, so that a list joined in English shows. */
const LIST_KEYS = new Set([
  'azs',
  'subnets',
  'groups',
  'cidrs',
  'tables',
  'allowed',
  'uncovered',
  'counts',
  'types',
  'missing',
  'detail',
  'supported',
  'ports',
  'listed',
  'sources',
]);
const listValues = new Proxy({} as Record<string, string>, {
  get: (_t, key) => (typeof key !== 'string' ? undefined : LIST_KEYS.has(key) ? `${key}-0a1b2c3d, ${key}-4e5f6a7b` : `${key}-0a1b2c3d`),
});

/** Every text of a catalog: its strings, and its functions' results for ids-like arguments (lists for findings). */
function catalogTexts(catalog: unknown): [string, string][] {
  return leaves(catalog).flatMap(([path, node]): [string, string][] => {
    const where = show(path);
    if (typeof node === 'string') return [[where, node]];
    if (typeof node !== 'function') return [];
    const args = path.includes('findings') ? [listValues] : Array.from({ length: node.length }, (_, i) => `arg${i}-0a1b2c3d`);
    let result: unknown;
    try {
      result = (node as (...a: unknown[]) => unknown)(...args);
    } catch {
      return []; // a function over typed arguments (a parse error, a field error): its catalog tests call it
    }
    if (typeof result === 'string') return [[where, result]];
    if (result && typeof result === 'object')
      return Object.entries(result).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${where}.${k}`, v]] : []));
    return [];
  });
}

const at = new Date('2026-11-29T10:00:00Z');
/** A pending Kinesis request in two subnets, and the same request rejected with a reason. */
function requests() {
  const pending = newRequest({
    id: 'plr-0a1b2c3d4e',
    requester: 'U0ALICE',
    reason: 'orders stream',
    params: { ...kinesisParams(), subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroupIds: ['sg-0a1b2c3d'] },
    preflight: [{ check: 'subnets', status: 'pass', code: 'subnetsOk', values: { azs: 'ap-northeast-1a, ap-northeast-1c' } }],
    now: at,
    ttlHours: 24,
  });
  const rejected = transition(pending, 'rejected', 'U0BOB', at, { decidedBy: 'U0BOB', decisionReason: 'Use the shared VPC' });
  return { pending, rejected };
}

describe('Japanese punctuation', () => {
  it.each([
    ['推奨: インターフェイスエンドポイント', 'half-width colon after Japanese text'],
    ['*申請者:* <@U0ALICE>', 'half-width colon after Japanese text'],
    ['できません。 (出典)', 'half-width parenthesis after Japanese text'],
    ['今後は 日本語 で応答します。', 'space between Japanese text and its particle'],
    ['エンドポイントサービス（NLB） のみ', 'space between Japanese text and its particle'],
    ['ENI は ap-northeast-1a, ap-northeast-1c にあります。', 'ASCII comma list in Japanese text'],
  ])('the check catches %s', (text, rule) => {
    expect(punctuationProblems(text)).toContain(rule);
  });

  it('the check lets through what AWS writes: ids in code spans, English text, emoji, a space before a Latin word', () => {
    for (const ok of [
      '`vpce-0a1b2c3d` は使用可能（available）です。',
      'Recommendation: interface endpoint (PrivateLink)',
      ':x: の項目を修正して、もう一度申請してください。',
      'Transit Gateway のみ',
      '`subnet-0a1b2c3d`、`subnet-4e5f6a7b`',
      '経過時間 0:00',
    ])
      expect(punctuationProblems(ok), ok).toEqual([]);
  });

  it('holds for every text of the ja catalog', () => {
    const problems = catalogTexts(ja).flatMap(([where, text]) => punctuationProblems(text).map((rule) => `${where}: ${rule}: ${JSON.stringify(text)}`));
    expect(problems).toEqual([]);
  });

  it('holds on the screens built from it: a compare result, an approval card, a rejected request', () => {
    const answers = { target: 'own-service', overlap: 'yes' } as const;
    const compare = compareResultView(reportDecision(decide(answers), ja), answers, ['target', 'overlap'], {}, ja);
    const { pending, rejected } = requests();
    const screens = [compare, requestMessage(pending, {}, ja), statusView(rejected, ja)];
    const texts = screens.flatMap((s) => JSON.stringify(s.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? []).map((t) => JSON.parse(`{${t}}`).text as string);
    const problems = texts.flatMap((t) => punctuationProblems(t).map((rule) => `${rule}: ${JSON.stringify(t)}`));
    expect(problems).toEqual([]);
  });
});

describe('the rejection reason', () => {
  it('is on the rejected card and in status, apart from the requester’s own reason', () => {
    const { rejected } = requests();
    for (const [view, msg] of [
      [requestMessage(rejected, {}, ja), ja],
      [statusView(rejected, ja), ja],
    ] as const) {
      const text = JSON.stringify(view.blocks);
      expect(text).toContain(`*${msg.notify.reasonLabel}*\\n>Use the shared VPC`);
      expect(text).toContain(`*${msg.requests.reason}*\\n>orders stream`);
    }
  });
});
