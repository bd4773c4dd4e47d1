/** The compare questions: their keys, allowed values, and the order the walkthrough asks them in. */

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
}

export type QuestionKey = keyof Answers;

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
    appliesTo: connectsVpcs,
  },
];

export const QUESTION_KEYS: readonly QuestionKey[] = QUESTIONS.map((q) => q.key);

export function question(key: QuestionKey): Question {
  return QUESTIONS.find((q) => q.key === key)!;
}

export type AnswerError = { code: 'unknownKey'; key: string; suggestion?: string } | { code: 'badValue'; key: QuestionKey; value: string; allowed: string[] };

/** Sets one answer from text, validating it; returns the new answers or why the value is wrong. */
export function setAnswer(answers: Answers, key: QuestionKey, raw: string): Answers | AnswerError {
  const value = raw.trim().toLowerCase();
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

/** Answers in walkthrough order, as `key=value` pairs (the form a button carries and the CLI takes). */
export function encodeAnswers(answers: Answers, order: readonly QuestionKey[] = QUESTION_KEYS): string {
  return order
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
    if (!key || value === undefined || !QUESTION_KEYS.includes(key as QuestionKey)) continue;
    const next = setAnswer(answers, key as QuestionKey, value);
    if ('code' in next) continue;
    answers = next;
    if (!order.includes(key as QuestionKey)) order.push(key as QuestionKey);
  }
  return { answers, order };
}
