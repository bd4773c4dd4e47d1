/** The `/privatelink` grammar: text in, a typed command or a precise error out. Pure. */
import { ALIAS_PATTERN } from '../accounts/model.js';
import { ANSWER_KEYS, isSizingKey, setAnswer, type Answers, type QuestionKey } from '../decision/questions.js';
import type { DoctorSourceSpec } from '../doctor/model.js';
import { closest } from './suggest.js';
import { CREATE_FIELDS, ID_PATTERNS, isKnownRegion, validateCreate, type CreateField, type CreateSpec, type FieldError } from './create-spec.js';

export type LookupTarget = { kind: 'endpoint'; id: string } | { kind: 'vpc'; id: string } | { kind: 'service'; text: string };

export const SUBCOMMANDS = ['help', 'compare', 'services', 'describe', 'dns', 'create', 'requests', 'status', 'cancel', 'doctor', 'lang'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export const ENDPOINT_STATES = ['pending', 'pendingacceptance', 'available', 'deleting', 'deleted', 'rejected', 'failed', 'expired', 'partial'] as const;

export type Command =
  | { name: 'help' }
  | { name: 'compare'; answers: Answers; order: QuestionKey[] }
  | { name: 'services'; filter?: string; region?: string; account?: string }
  | { name: 'describe'; target?: LookupTarget; region?: string; state?: string; account?: string }
  | { name: 'dns'; target: LookupTarget; region?: string; account?: string }
  | { name: 'create'; spec?: CreateSpec }
  | { name: 'requests'; filter: 'pending' | 'all' }
  | { name: 'status'; requestId: string }
  | { name: 'cancel'; requestId: string }
  | DoctorCommand
  | LangCommand;

export type ParseError =
  | { code: 'unknownCommand'; word: string; suggestion?: string }
  | { code: 'unknownOption'; command: Subcommand; key: string; suggestion?: string }
  | { code: 'duplicateOption'; command: Subcommand; key: string }
  | { code: 'badValue'; command: Subcommand; key: string; value: string; allowed: string[] }
  | { code: 'badRegion'; command: Subcommand; value: string }
  | { code: 'badId'; command: Subcommand; value: string; expected: string }
  | { code: 'missingArgument'; command: Subcommand; what: string }
  | { code: 'unexpectedArgument'; command: Subcommand; word: string }
  | { code: 'badField'; command: 'create'; field: CreateField; error: FieldError }
  | { code: 'unclosedQuote' }
  | { code: 'textTooLong'; length: number; max: number };

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };

export const REQUEST_ID = /^plr-[0-9a-z]{10}$/;

interface Token {
  key?: string;
  value: string;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’' };

/**
 * The longest command text read. Slack's message box stops at about 4,000 characters, so anything longer did not
 * come from a person typing; it is refused before the text is looked at, which bounds every step after it.
 */
export const MAX_COMMAND_TEXT = 4000;

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isKeyCharacter = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
const SPACE = /\s/;

/**
 * Splits on white space (U+3000, the Japanese full-width space, included: `\s` matches it); "…", '…' and Slack's
 * curly quotes group words, also after `key=`; the full-width `＝` a Japanese keyboard types counts as `=`. A word
 * before its first `=` is a key when it is an ASCII letter followed by ASCII letters, digits and `-`. One pass,
 * linear in the text: each character is looked at once (a word is kept as slices, and whether it can still be a
 * key is tracked as it grows, never by testing the whole word again).
 */
export function tokenize(text: string): Token[] | ParseError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SPACE.test(text[i]!)) i++;
    if (i >= text.length) break;
    let parts: string[] = [];
    // Characters of the word so far, and whether they could still be a key; once not, never again.
    let length = 0;
    let keyLike = true;
    let key: string | undefined;
    const see = (c: number) => {
      if (keyLike) keyLike = (length === 0 ? isLetter : isKeyCharacter)(c);
      length++;
    };
    // The word's characters since its last quote or `=`, as one slice.
    let run = i;
    while (i < text.length && !SPACE.test(text[i]!)) {
      const ch = text[i]!;
      const close = QUOTES[ch];
      if (close) {
        const end = text.indexOf(close, i + 1);
        if (end < 0) return { code: 'unclosedQuote' };
        if (keyLike) for (let j = i + 1; j < end && keyLike; j++) see(text.charCodeAt(j));
        parts.push(text.slice(run, i), text.slice(i + 1, end));
        i = run = end + 1;
      } else if ((ch === '=' || ch === '＝') && key === undefined && keyLike && length > 0) {
        parts.push(text.slice(run, i));
        key = parts.join('').toLowerCase();
        parts = [];
        i = run = i + 1;
      } else {
        if (keyLike) see(text.charCodeAt(i));
        i++;
      }
    }
    parts.push(text.slice(run, i));
    const value = parts.join('');
    tokens.push(key === undefined ? { value } : { key, value });
  }
  return tokens;
}

const OPTION_KEYS: Record<Subcommand, readonly string[]> = {
  help: [],
  compare: ANSWER_KEYS,
  services: ['region', 'account'],
  describe: ['region', 'state', 'account'],
  dns: ['region', 'account'],
  create: CREATE_FIELDS.filter((f) => f !== 'service'),
  requests: [],
  status: [],
  cancel: [],
  doctor: ['from', 'port', 'region', 'account'],
  lang: [],
};

function lookupTarget(command: Subcommand, word: string): LookupTarget | ParseError {
  const lower = word.toLowerCase();
  if (lower.startsWith('vpce-') && !lower.startsWith('vpce-svc-')) {
    return ID_PATTERNS.vpce.test(lower) ? { kind: 'endpoint', id: lower } : { code: 'badId', command, value: word, expected: 'vpce-' };
  }
  if (lower.startsWith('vpc-')) {
    return ID_PATTERNS.vpc.test(lower) ? { kind: 'vpc', id: lower } : { code: 'badId', command, value: word, expected: 'vpc-' };
  }
  return { kind: 'service', text: lower };
}

export function parseCommand(text: string): ParseResult {
  if (text.length > MAX_COMMAND_TEXT) return { ok: false, error: { code: 'textTooLong', length: text.length, max: MAX_COMMAND_TEXT } };
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  const [head, ...rest] = tokens;
  if (!head) return { ok: true, command: { name: 'help' } };
  const word = head.key === undefined ? head.value.toLowerCase() : '';
  if (!(SUBCOMMANDS as readonly string[]).includes(word)) {
    const shown = head.key === undefined ? head.value : `${head.key}=${head.value}`;
    return { ok: false, error: { code: 'unknownCommand', word: shown, suggestion: closest(shown, SUBCOMMANDS) } };
  }
  const name = word as Subcommand;

  const options = new Map<string, string>();
  const positional: string[] = [];
  for (const token of rest) {
    if (token.key === undefined) {
      positional.push(token.value);
      continue;
    }
    if (!OPTION_KEYS[name].includes(token.key)) {
      return { ok: false, error: { code: 'unknownOption', command: name, key: token.key, suggestion: closest(token.key, OPTION_KEYS[name]) } };
    }
    if (options.has(token.key)) return { ok: false, error: { code: 'duplicateOption', command: name, key: token.key } };
    options.set(token.key, token.value);
  }

  const region = options.get('region')?.toLowerCase();
  // `region=all`: dns and describe search every allowed region.
  const allRegions = region === ALL_REGIONS && (name === 'dns' || name === 'describe');
  if (region !== undefined && name !== 'create' && !allRegions && !isKnownRegion(region)) {
    return { ok: false, error: { code: 'badRegion', command: name, value: region } };
  }
  const account = name === 'create' ? undefined : accountOption(name, options.get('account'));
  if (account && typeof account !== 'string') return { ok: false, error: account };
  const withRegion = { ...(region && { region }), ...(account && { account }) };
  const tooMany = (max: number): ParseResult | undefined =>
    positional.length > max ? { ok: false, error: { code: 'unexpectedArgument', command: name, word: positional[max]! } } : undefined;

  switch (name) {
    case 'help':
      return { ok: true, command: { name } };
    case 'compare': {
      const extra = tooMany(0);
      if (extra) return extra;
      let answers: Answers = {};
      const order: QuestionKey[] = [];
      for (const [key, value] of options) {
        const next = setAnswer(answers, key as QuestionKey, value);
        if ('code' in next) {
          return { ok: false, error: { code: 'badValue', command: name, key, value, allowed: next.code === 'badValue' ? next.allowed : [] } };
        }
        answers = next;
        // The sizing answers (gb=, azs=, region=) size the estimates only: they are not steps of the walkthrough.
        if (!isSizingKey(key)) order.push(key as QuestionKey);
      }
      return { ok: true, command: { name, answers, order } };
    }
    case 'services': {
      const filter = positional.join(' ').trim().toLowerCase();
      return { ok: true, command: { name, ...(filter && { filter }), ...withRegion } };
    }
    case 'describe':
    case 'dns': {
      const extra = tooMany(1);
      if (extra) return extra;
      const first = positional[0];
      if (first === undefined && name === 'dns') return { ok: false, error: { code: 'missingArgument', command: name, what: 'target' } };
      const target = first === undefined ? undefined : lookupTarget(name, first);
      if (target && 'code' in target) return { ok: false, error: target };
      if (name === 'dns') return { ok: true, command: { name, target: target!, ...withRegion } };
      const state = options.get('state')?.toLowerCase();
      if (state !== undefined && !(ENDPOINT_STATES as readonly string[]).includes(state.replace('-', ''))) {
        return { ok: false, error: { code: 'badValue', command: name, key: 'state', value: state, allowed: [...ENDPOINT_STATES] } };
      }
      return { ok: true, command: { name, ...(target && { target }), ...withRegion, ...(state && { state: state.replace('-', '') }) } };
    }
    case 'create': {
      if (positional.length === 0 && options.size === 0) return { ok: true, command: { name } };
      const extra = tooMany(1);
      if (extra) return extra;
      const fields: Partial<Record<CreateField, string>> = Object.fromEntries(options);
      if (positional[0] !== undefined) fields.service = positional[0];
      const result = validateCreate(fields);
      if ('errors' in result) {
        const [field, error] = Object.entries(result.errors)[0] as [CreateField, FieldError];
        return { ok: false, error: { code: 'badField', command: name, field, error } };
      }
      return { ok: true, command: { name, spec: result.spec } };
    }
    case 'requests': {
      const extra = tooMany(1);
      if (extra) return extra;
      const filter = (positional[0] ?? 'pending').toLowerCase();
      if (filter !== 'pending' && filter !== 'all') {
        return { ok: false, error: { code: 'badValue', command: name, key: 'filter', value: filter, allowed: ['pending', 'all'] } };
      }
      return { ok: true, command: { name, filter } };
    }
    case 'doctor':
      return parseDoctor(positional, options, withRegion);
    case 'lang':
      return parseLang(positional);
    case 'status':
    case 'cancel': {
      const extra = tooMany(1);
      if (extra) return extra;
      const id = positional[0]?.toLowerCase();
      if (id === undefined) return { ok: false, error: { code: 'missingArgument', command: name, what: 'request id' } };
      if (!REQUEST_ID.test(id)) return { ok: false, error: { code: 'badId', command: name, value: positional[0]!, expected: 'plr-' } };
      return { ok: true, command: { name, requestId: id } };
    }
  }
}

// ---- account=<alias> on lookups: the alias's form here; whether it is configured, at run time ----

/** `region=all` on dns and describe: every allowed region. */
export const ALL_REGIONS = 'all';

function accountOption(command: Subcommand, value: string | undefined): string | ParseError | undefined {
  if (value === undefined) return undefined;
  const alias = value.toLowerCase();
  return ALIAS_PATTERN.test(alias) ? alias : { code: 'badValue', command, key: 'account', value, allowed: ['home', '<alias>'] };
}

// ---- doctor <vpce-…|service-text> from=<subnet-…|i-…|vpc-…|IP or CIDR|onprem> [port=N] [region=R] ----

export type DoctorCommand = {
  name: 'doctor';
  target: { kind: 'endpoint'; id: string } | { kind: 'service'; text: string };
  from: DoctorSourceSpec;
  port?: number;
  region?: string;
  account?: string;
};

const DOCTOR_FROM = ['subnet-…', 'i-…', 'vpc-…', '10.1.2.3', '10.1.0.0/16', 'onprem'];
const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

function doctorSource(value: string): DoctorSourceSpec | ParseError {
  const lower = value.toLowerCase();
  if (lower === 'onprem' || lower === 'on-prem' || lower === 'on-premises') return { kind: 'onprem' };
  if (lower.startsWith('subnet-'))
    return ID_PATTERNS.subnet.test(lower) ? { kind: 'subnet', id: lower } : { code: 'badId', command: 'doctor', value, expected: 'subnet-' };
  if (lower.startsWith('vpc-')) return ID_PATTERNS.vpc.test(lower) ? { kind: 'vpc', id: lower } : { code: 'badId', command: 'doctor', value, expected: 'vpc-' };
  if (lower.startsWith('i-')) return INSTANCE_ID.test(lower) ? { kind: 'instance', id: lower } : { code: 'badId', command: 'doctor', value, expected: 'i-' };
  if (IPV4_OR_CIDR.test(lower)) {
    const [address, prefix] = lower.split('/');
    const valid = address!.split('.').every((o) => Number(o) <= 255) && (prefix === undefined || Number(prefix) <= 32);
    if (valid) return { kind: 'address', cidr: prefix === undefined ? `${address}/32` : lower };
  }
  return { code: 'badValue', command: 'doctor', key: 'from', value, allowed: DOCTOR_FROM };
}

function parseDoctor(positional: string[], options: Map<string, string>, withRegion: { region?: string; account?: string }): ParseResult {
  if (positional.length > 1) return { ok: false, error: { code: 'unexpectedArgument', command: 'doctor', word: positional[1]! } };
  const first = positional[0];
  if (first === undefined) return { ok: false, error: { code: 'missingArgument', command: 'doctor', what: 'endpoint id or service' } };
  const target = lookupTarget('doctor', first);
  if ('code' in target) return { ok: false, error: target };
  if (target.kind === 'vpc') return { ok: false, error: { code: 'badId', command: 'doctor', value: first, expected: 'vpce-' } };
  const fromText = options.get('from');
  if (fromText === undefined) return { ok: false, error: { code: 'missingArgument', command: 'doctor', what: 'from=' } };
  const from = doctorSource(fromText);
  if ('code' in from) return { ok: false, error: from };
  const portText = options.get('port');
  let port: number | undefined;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) return { ok: false, error: { code: 'badValue', command: 'doctor', key: 'port', value: portText, allowed: ['1-65535'] } };
  }
  return { ok: true, command: { name: 'doctor', target, from, ...(port !== undefined && { port }), ...withRegion } };
}

// ---- lang [en|ja]: the user's language for the bot's answers (remembered); no value shows the current one ----

/** The languages `lang` accepts; the same as the catalogs `src/i18n.ts` offers (kept here: the parser stays pure). */
export const LANG_VALUES = ['en', 'ja'] as const;
export type LangCommand = { name: 'lang'; locale?: (typeof LANG_VALUES)[number] };

function parseLang(positional: string[]): ParseResult {
  if (positional.length > 1) return { ok: false, error: { code: 'unexpectedArgument', command: 'lang', word: positional[1]! } };
  const value = positional[0]?.toLowerCase();
  if (value === undefined) return { ok: true, command: { name: 'lang' } };
  const locale = LANG_VALUES.find((l) => l === value);
  if (!locale) return { ok: false, error: { code: 'badValue', command: 'lang', key: 'lang', value: positional[0]!, allowed: [...LANG_VALUES] } };
  return { ok: true, command: { name: 'lang', locale } };
}
