/**
 * The compare questions: their keys, allowed values, and the order the walkthrough asks them in; and the sizing
 * answers (`gb=`, `azs=`, `region=`) that only the estimates read, typed by hand and never asked.
 */
import { KNOWN_REGIONS } from '../aws/vocabulary.js';

export type Target = 'aws-service' | 'own-service' | 'saas' | 'whole-vpc' | 'resource';
export type YesNo = 'yes' | 'no';

export interface Answers {
  target?: Target;
  service?: string;
  onprem?: YesNo;
  overlap?: YesNo | 'unknown';
  'cross-region'?: YesNo;
  direction?: 'one-way' | 'both';
  protocol?: 'tcp' | 'udp' | 'any';
  ipv6?: YesNo;
  vpcs?: number;
  /** GB a month through the connection (sizing: estimates only). */
  gb?: number;
  /** AZs per endpoint (sizing: estimates only). */
  azs?: number;
  /** The region the estimates are priced in (sizing: estimates only). */
  region?: string;
}

/** Answers that size the estimates and change no recommendation. */
export const SIZING_KEYS = ['gb', 'azs', 'region'] as const;
export type SizingKey = (typeof SIZING_KEYS)[number];

/** What the estimates assume when the sizing answers are not given (stated on every estimate). */
export const SIZING_DEFAULTS = { gb: 100, azs: 2, region: 'us-east-1' } as const;

export type QuestionKey = Exclude<keyof Answers, SizingKey>;

export const isSizingKey = (key: string): key is SizingKey => (SIZING_KEYS as readonly string[]).includes(key);

/** The values each question offers as buttons: the catalogs label each one (`choiceLabels`). */
export interface ChoiceValues {
  target: Target;
  service: 's3' | 'dynamodb' | 'other';
  onprem: YesNo;
  'cross-region': YesNo;
  overlap: YesNo | 'unknown';
  direction: 'one-way' | 'both';
  protocol: 'tcp' | 'udp' | 'any';
  ipv6: YesNo;
  vpcs: '2' | '3' | '11';
}

export interface Question {
  key: QuestionKey;
  /** Values offered as buttons; `service` and `vpcs` also accept other values typed as key=value. */
  choices: string[];
  /** Whether the question matters for this target at all. */
  appliesTo: (answers: Answers) => boolean;
}

const yesNo = ['yes', 'no'];

const connectsVpcs = (a: Answers) => a.target === undefined || a.target === 'own-service' || a.target === 'whole-vpc' || a.target === 'resource';
/** Who opens connections and which protocols matter for everything but an AWS API (always TCP 443, consumer-initiated). */
const carriesTraffic = (a: Answers) => a.target !== 'aws-service';

export const QUESTIONS: readonly Question[] = [
  {
    key: 'target',
    choices: ['aws-service', 'own-service', 'saas', 'whole-vpc', 'resource'],
    appliesTo: () => true,
  },
  {
    key: 'service',
    choices: ['s3', 'dynamodb', 'other'],
    appliesTo: (a) => a.target === 'aws-service',
  },
  { key: 'onprem', choices: yesNo, appliesTo: () => true },
  { key: 'cross-region', choices: yesNo, appliesTo: () => true },
  {
    key: 'overlap',
    choices: [...yesNo, 'unknown'],
    appliesTo: connectsVpcs,
  },
  {
    key: 'direction',
    choices: ['one-way', 'both'],
    appliesTo: carriesTraffic,
  },
  {
    key: 'protocol',
    choices: ['tcp', 'udp', 'any'],
    appliesTo: carriesTraffic,
  },
  { key: 'ipv6', choices: yesNo, appliesTo: () => true },
  {
    key: 'vpcs',
    choices: ['2', '3', '11'],
    // An AWS service used from many VPCs may be better served by endpoints shared from one VPC.
    appliesTo: (a) => connectsVpcs(a) || a.target === 'aws-service',
  },
];

export const QUESTION_KEYS: readonly QuestionKey[] = QUESTIONS.map((q) => q.key);

/** Every key `compare` takes: the questions, then the sizing answers. */
export const ANSWER_KEYS: readonly (QuestionKey | SizingKey)[] = [...QUESTION_KEYS, ...SIZING_KEYS];

/** The most GB a month `gb=` takes: 100 PB, far past the last price tier. */
export const MAX_GB = 104_857_600;

export function question(key: QuestionKey): Question {
  return QUESTIONS.find((q) => q.key === key)!;
}

export type AnswerError =
  | { code: 'unknownKey'; key: string; suggestion?: string }
  | { code: 'badValue'; key: QuestionKey | SizingKey; value: string; allowed: string[] };

/** Sets one answer from text, validating it; returns the new answers or why the value is wrong. */
export function setAnswer(answers: Answers, key: QuestionKey | SizingKey, raw: string): Answers | AnswerError {
  const value = raw.trim().toLowerCase();
  if (key === 'gb') {
    const n = Number(value);
    if (!/^\d{1,9}(\.\d{1,3})?$/.test(value) || n > MAX_GB) return { code: 'badValue', key, value: raw, allowed: ['GB a month, e.g. 200'] };
    return { ...answers, gb: n };
  }
  if (key === 'azs') {
    if (!/^[1-6]$/.test(value)) return { code: 'badValue', key, value: raw, allowed: ['1', '2', '3', '4', '5', '6'] };
    return { ...answers, azs: Number(value) };
  }
  if (key === 'region') {
    if (!KNOWN_REGIONS.has(value)) return { code: 'badValue', key, value: raw, allowed: ['us-east-1', 'ap-northeast-1', '…'] };
    return { ...answers, region: value };
  }
  if (key === 'vpcs') {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 2 || n > 10_000) return { code: 'badValue', key, value: raw, allowed: ['a number from 2'] };
    return { ...answers, vpcs: n };
  }
  if (key === 'service') {
    if (!/^[a-z0-9][a-z0-9.-]{0,62}$/.test(value)) return { code: 'badValue', key, value: raw, allowed: ['s3', 'dynamodb', 'kinesis-streams', '…'] };
    return { ...answers, service: value };
  }
  const allowed = question(key).choices;
  if (!allowed.includes(value)) return { code: 'badValue', key, value: raw, allowed };
  return { ...answers, [key]: value } as Answers;
}

/**
 * Answers in walkthrough order, as `key=value` pairs (the form a button carries and the CLI takes); the sizing
 * answers, when given, follow in a fixed order, whatever `order` holds.
 */
export function encodeAnswers(answers: Answers, order: readonly QuestionKey[] = QUESTION_KEYS): string {
  return [...order, ...SIZING_KEYS]
    .filter((k) => answers[k] !== undefined)
    .map((k) => `${k}=${answers[k]}`)
    .join(' ');
}

/** Inverse of encodeAnswers; entries that do not validate are dropped (button values come from our own messages). */
export function decodeAnswers(encoded: string): { answers: Answers; order: QuestionKey[] } {
  let answers: Answers = {};
  const order: QuestionKey[] = [];
  for (const pair of encoded.split(' ')) {
    const [key, value] = pair.split('=');
    if (!key || value === undefined || !ANSWER_KEYS.includes(key as QuestionKey)) continue;
    const next = setAnswer(answers, key as QuestionKey, value);
    if ('code' in next) continue;
    answers = next;
    if (!isSizingKey(key) && !order.includes(key as QuestionKey)) order.push(key as QuestionKey);
  }
  return { answers, order };
}
