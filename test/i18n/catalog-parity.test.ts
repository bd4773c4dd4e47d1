/**
 * The Japanese catalog has exactly the shape of the English one, and says every sentence in Japanese while
 * keeping literally what the user types or AWS returns (every `code` span of the English text).
 */
import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../src/commands/create-spec.js';
import type { ParseError } from '../../src/commands/parse.js';
import { EC2_PROBLEM_CODES } from '../../src/endpoints/ec2-api.js';
import { en } from '../../src/messages.js';
import { ja } from '../../src/messages.ja.js';
import { leaves, show, type Path } from '../helpers/catalog.js';

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** Differences of keys, value kinds and function arities between two catalogs. */
function shapeDifferences(a: unknown, b: unknown, path: Path = []): string[] {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) return [`${show(path)}: ${typeof a} vs ${typeof b}`];
  if (typeof a === 'function')
    return a.length === (b as (...args: unknown[]) => unknown).length ? [] : [`${show(path)}: ${a.length} vs ${(b as () => unknown).length} parameters`];
  if (a === null || typeof a !== 'object') return [];
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  const missing = ka.filter((k) => !kb.includes(k)).map((k) => `${show([...path, k])}: missing in the second catalog`);
  const extra = kb.filter((k) => !ka.includes(k)).map((k) => `${show([...path, k])}: missing in the first catalog`);
  const common = ka
    .filter((k) => kb.includes(k))
    .flatMap((k) => shapeDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k]));
  return [...missing, ...extra, ...common];
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const codeSpans = (text: string) => text.match(/`[^`]*`/g) ?? [];
/** The prose of a text: without code spans, Slack links and mentions (`<…>`) and emoji names. */
const prose = (text: string) =>
  text
    .replace(/`[^`]*`/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/:[a-z0-9_+-]+:/g, '');

/**
 * Leaves whose Japanese value is the English one, kept literally: commands the user types, AWS names, ids, acronyms
 * and emoji marks. For these the test demands equality instead of Japanese characters.
 */
const LITERAL_LEAVES = [
  /^usage \/ /,
  /^examples \/ [a-z]+ \/ example$/,
  /^optionNames \/ transit-gateway$/,
  /^choiceLabels \/ service \/ (s3|dynamodb)$/,
  /^choiceLabels \/ protocol \/ udp$/,
  /^choiceLabels \/ vpcs \/ 2$/,
  /^(preflight|doctor) \/ marks \/ /,
  /^(lookups|requests) \/ vpc$/,
  /^requests \/ modal \/ ipTypes \/ ipv(4|6)$/,
  /^doctor \/ checkNames \/ endpoint-az$/,
];
const isLiteralLeaf = (path: Path) => LITERAL_LEAVES.some((re) => re.test(show(path)));

/**
 * Leaves with no word to translate, though not equal to the English: '3 to 10' is '3～10'; 'AZs' is 'AZ' (no
 * plural in Japanese); 'VPC id' is 'VPC ID'.
 */
const NO_WORD_LEAVES = [
  'choiceLabels / vpcs / 3',
  'questionLabels / ipv6',
  'lookups / endpointTypes / GatewayLoadBalancer',
  'lookups / azs',
  'requests / modal / vpc',
  'cards / separator',
];

/**
 * Functions whose words all come in through their arguments (ids, codes, and texts the views take from the catalog,
 * such as `decidedBy`'s verb from `requests.verbs`): with ids-like arguments their output has no word of its own.
 */
const CODE_ONLY_FUNCTIONS = [
  'code',
  'punctuation / label',
  'punctuation / sources',
  'punctuation / aside',
  'punctuation / sentences',
  'reach / eniLine',
  'requests / historyLine',
  'requests / decidedBy',
  'compare / wouldChange',
  'reach / companionLine',
  // Unit symbols the AWS Japanese pricing pages also write in Latin letters.
  'money / units / azs',
  'money / units / gb',
];

type Args = unknown[];

/** `v` of a finding: every key has a value, ids-like by default, with overrides that take the other branches. */
function values(overrides: Record<string, string> = {}): Record<string, string> {
  return new Proxy({} as Record<string, string>, {
    get: (_target, key) => (typeof key === 'string' ? (overrides[key] ?? `${key}-0a1b2c3d`) : undefined),
  });
}

const VALUE_VARIANTS = [
  values(),
  values({
    ports: '443',
    direction: 'out',
    supported: 'ipv4,ipv6',
    subnets: 'subnet-1,subnet-2',
    path: 'internet-nat',
    why: 'private-dns-off',
    code: 'UnauthorizedOperation',
  }),
  values({
    owner: '',
    ip: '',
    name: '',
    sources: '',
    cidrs: '',
    allowed: '',
    counts: '',
    action: '',
    detail: '',
    message: '',
    path: 'internet-igw',
    why: 'client-dns-off',
    direction: 'in',
  }),
  values({ path: 'internet-onprem', why: 'endpoint-specific', code: 'InvalidVpcEndpointId.NotFound' }),
];

const PARSE_ERRORS: ParseError[] = [
  { code: 'unknownCommand', word: 'crate' },
  { code: 'unknownCommand', word: 'crate', suggestion: 'create' },
  { code: 'unknownOption', command: 'create', key: 'subnet', suggestion: 'subnets' },
  { code: 'unknownOption', command: 'dns', key: 'zone' },
  { code: 'duplicateOption', command: 'create', key: 'vpc' },
  { code: 'badValue', command: 'compare', key: 'onprem', value: 'maybe', allowed: ['yes', 'no'] },
  { code: 'badRegion', command: 'dns', value: 'tokyo' },
  { code: 'badId', command: 'status', value: 'plr-x', expected: 'plr-' },
  { code: 'missingArgument', command: 'dns', what: 'target' },
  { code: 'missingArgument', command: 'status', what: 'request id' },
  { code: 'missingArgument', command: 'doctor', what: 'endpoint id or service' },
  { code: 'missingArgument', command: 'doctor', what: 'from=' },
  { code: 'unexpectedArgument', command: 'help', word: 'extra' },
  { code: 'badField', command: 'create', field: 'vpc', error: { code: 'required' } },
  { code: 'unclosedQuote' },
  { code: 'textTooLong', length: 150_000, max: 4000 },
];

const FIELD_ERRORS: [string, FieldError][] = [
  ['vpc', { code: 'required' }],
  ['subnets', { code: 'badId', value: 'subnet-zz', prefix: 'subnet-' }],
  ['subnets', { code: 'duplicateId', value: 'subnet-0a1b2c3d' }],
  ['private-dns', { code: 'badChoice', value: 'maybe', allowed: ['on', 'off', 'inbound-only'] }],
  ['region', { code: 'badRegion', value: 'tokyo' }],
  ['service', { code: 'badServiceName', value: 'com.example' }],
  ['reason', { code: 'tooLong', max: 500 }],
  ['subnets', { code: 'tooLong', max: 16 }],
  ['ports', { code: 'badPort', value: '70000' }],
  ['ports', { code: 'duplicatePort', value: 443 }],
];

// Every code the catalog explains, and one it does not (shown as it is).
const EC2_CODES = [...EC2_PROBLEM_CODES, 'SomethingNew'];

const RESOLVES_TO = ['endpoint-ips', 'public-ips', 'nothing', 'unknown'];
const PATHS = ['endpoint', 'gateway-endpoint', 'internet-igw', 'internet-nat', 'internet-onprem', 'no-route', 'unknown', 'other'];

/** Arguments by path where the generic ones (ids-like strings) would not reach every branch or type. */
const ARGUMENTS: Record<string, Args[]> = {
  code: [['vpce-0a1b2c3d']],
  parseError: PARSE_ERRORS.map((e) => [e]),
  fieldError: FIELD_ERRORS,
  ec2Problem: EC2_CODES.map((c) => [c, 'ec2:CreateVpcEndpoint', 'ap-northeast-1', 'detail-text']),
  regionNotAllowed: [['eu-west-1', ['ap-northeast-1', 'us-east-1']]],
  'reach / outcome': RESOLVES_TO.flatMap((r) => PATHS.map((p) => [r, p])),
  'reach / companionLine': [['CloudWatch Logs', ['logs', 'sts']]],
  'create / named': [[['subnet-0a1b2c3d']], [['subnet-0a1b2c3d', 'sg-0a1b2c3d']]],
  'lookups / servicesTitle': [
    ['kinesis', 'ap-northeast-1', 3],
    ['', 'ap-northeast-1', 0],
  ],
  'lookups / shown': [[20, '1000+', 'narrow-hint']],
  'requests / channelProblem': [
    ['C0123ABCD', 'not_in_channel'],
    ['C0123ABCD', 'channel_not_found'],
  ],
  'requests / historyLine': [
    ['approved', '<@U123>', 'at-time'],
    ['some-new-state', 'system', 'at-time'],
  ],
  'requests / alreadyDecided': [
    ['plr-0123456789', 'approved'],
    ['plr-0123456789', 'expired'],
    ['plr-0123456789', 'creating'],
  ],
  'requests / listTitle': [
    ['pending', 2],
    ['all', 0],
  ],
  'requests / none': [['pending'], ['all']],
  'create / progress': [
    [undefined, 'calling', '1m 5s'],
    ['vpce-0a1b2c3d', 'pending', '2m'],
  ],
  'create / threadPendingAcceptance': [
    ['U123', 'vpce-0a1b2c3d', '123456789012'],
    ['U123', 'vpce-0a1b2c3d', ''],
  ],
  'create / timedOut': [['vpce-0a1b2c3d', 15]],
  'create / endpointFailed': [
    ['vpce-0a1b2c3d', 'failed', 'Reason text'],
    ['vpce-0a1b2c3d', 'rejected', ''],
  ],
  'create / endpointPartial': [
    ['vpce-0a1b2c3d', 'subnet-1: no free address'],
    ['vpce-0a1b2c3d', ''],
  ],
  'compare / step': [[3]],
  'integrity / regionNotAllowed': [
    ['eu-west-1', 'ap-northeast-1'],
    ['eu-west-1', ''],
  ],
  'integrity / approveRegionRefused': [
    ['plr-0123456789', 'eu-west-1', 'ap-northeast-1'],
    ['plr-0123456789', 'eu-west-1', ''],
  ],
  'doctor / summary': [['vpce-0a1b2c3d', 'vpc-0a1b2c3d', 'on', 'subnet-0a1b2c3d', 'same VPC', 443]],
};

function argumentsFor(path: Path, fn: (...args: never[]) => unknown): Args[] {
  const key = show(path);
  if (ARGUMENTS[key]) return ARGUMENTS[key];
  if (path[1] === 'findings') return VALUE_VARIANTS.map((v) => [v]);
  return [Array.from({ length: fn.length }, (_, i) => `arg${i}-0a1b2c3d`)];
}

/** The strings of a result: a string, or the string fields of a finding ({ text, fix }). */
function texts(result: unknown): Record<string, string> {
  if (typeof result === 'string') return { '': result };
  return Object.fromEntries(
    Object.entries(result as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}

function checkText(where: string, english: string, japanese: string, literalAllowed: boolean): string[] {
  const problems: string[] = [];
  if (japanese.trim() === '') problems.push(`${where}: empty`);
  if (!literalAllowed && !JAPANESE.test(prose(japanese))) problems.push(`${where}: no Japanese in ${JSON.stringify(japanese)}`);
  if (/[!！]/.test(prose(japanese))) problems.push(`${where}: exclamation mark in ${JSON.stringify(japanese)}`);
  for (const span of codeSpans(english))
    if (!japanese.includes(span)) problems.push(`${where}: ${span} of the English text is missing from ${JSON.stringify(japanese)}`);
  return problems;
}

describe('the Japanese catalog', () => {
  it('has the keys, value kinds and function arities of the English one, at every level', () => {
    expect(shapeDifferences(en, ja)).toEqual([]);
  });

  it('the shape check notices a missing, a misspelled and an extra key, and a changed arity', () => {
    const broken: Record<string, unknown> = { ...ja.lookups, routes: { ...ja.lookups.routes } };
    delete broken.tryIt;
    (broken.routes as Record<string, string>).internett = (broken.routes as Record<string, string>).internet!;
    delete (broken.routes as Record<string, string>).internet;
    expect(shapeDifferences(en.lookups, broken)).toEqual([
      'tryIt: missing in the second catalog',
      'routes / internet: missing in the second catalog',
      'routes / internett: missing in the first catalog',
    ]);
    expect(shapeDifferences({ f: (a: string) => a }, { f: (a: string, b: string) => a + b })).toEqual(['f: 1 vs 2 parameters']);
    expect(shapeDifferences({ a: { b: 'x' } }, { a: { b: () => 'x' } })).toEqual(['a / b: string vs function']);
  });

  it('says every fixed text in Japanese, keeps its code spans, and shouts nowhere', () => {
    const problems: string[] = [];
    for (const [path, english] of leaves(en)) {
      if (typeof english !== 'string') continue;
      const japanese = at(ja, path);
      if (typeof japanese !== 'string') continue; // reported by the shape test
      if (isLiteralLeaf(path)) {
        if (japanese !== english) problems.push(`${show(path)}: kept literally in English, but ${JSON.stringify(japanese)}`);
        continue;
      }
      problems.push(...checkText(show(path), english, japanese, NO_WORD_LEAVES.includes(show(path))));
    }
    expect(problems).toEqual([]);
  });

  it('builds every sentence in Japanese from the same arguments, with the same code spans and the same result shape', () => {
    const problems: string[] = [];
    let calls = 0;
    for (const [path, english] of leaves(en)) {
      if (typeof english !== 'function') continue;
      const japanese = at(ja, path);
      if (typeof japanese !== 'function') continue; // reported by the shape test
      for (const args of argumentsFor(path, english as (...args: never[]) => unknown)) {
        calls += 1;
        const where = `${show(path)}(${args.map((a) => JSON.stringify(typeof a === 'object' && a !== null && !Array.isArray(a) ? '{…}' : a)).join(', ')})`;
        const enResult = (english as (...args: unknown[]) => unknown)(...args);
        const jaResult = (japanese as (...args: unknown[]) => unknown)(...args);
        const enTexts = texts(enResult);
        const jaTexts = texts(jaResult);
        if (typeof enResult !== typeof jaResult || Object.keys(enTexts).join() !== Object.keys(jaTexts).join()) {
          problems.push(`${where}: result shape ${JSON.stringify(Object.keys(enTexts))} vs ${JSON.stringify(Object.keys(jaTexts))}`);
          continue;
        }
        for (const [field, text] of Object.entries(enTexts)) {
          problems.push(...checkText(`${where}${field ? `.${field}` : ''}`, text, jaTexts[field]!, CODE_ONLY_FUNCTIONS.includes(show(path))));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(300);
  });
});
