import { describe, expect, it } from 'vitest';
import { factDate, factText, isFactId } from '../../src/decision/fact-text.js';
import { FACT_IDS, FACTS } from '../../src/decision/facts.js';
import { FACT_TEXT_JA } from '../../src/decision/facts.ja.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Dates as facts write them (2021-02, 2019-03-07); Japanese may write them 2021 年 2 月 / 2019 年 3 月 7 日. */
const DATE = /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
/** API, parameter and error names (CamelCase) and dotted names such as com.amazonaws.iam. */
const IDENTIFIER = /\b(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[a-z]+(?:\.[a-z0-9]+)+)(?:\.[A-Za-z0-9]+)*\b/g;
/** Acronyms kept as they are (VPC, DNS, TCP, S3, AZ, …). */
const ACRONYM = /\b[A-Z][A-Z0-9]+\b/g;
/** Service and product names the glossary keeps in English. */
const SERVICE_NAMES = [
  'Amazon S3',
  'DynamoDB',
  'Direct Connect',
  'Site-to-Site VPN',
  'Transit Gateway',
  'Network Load Balancer',
  'Gateway Load Balancer',
  'VPC Lattice',
  'Route 53',
  'Resolver',
  'Marketplace',
  'PrivateLink',
  'Lambda',
  'Data Firehose',
  'Managed Service for Apache Flink',
  'Kinesis Data Streams',
  'SaaS',
];
/** English words that would mean a sentence was left untranslated. */
const ENGLISH_WORDS = /\b(?:the|and|is|are|with|only|not|per|can|cannot)\b/i;

function datesAsJapanese(text: string): string[] {
  return [...text.matchAll(DATE)].map(([, y, m, d]) => `${y} 年 ${Number(m)} 月${d ? ` ${Number(d)} 日` : ''}`);
}

function literalsOf(english: string): { dates: string[]; numbers: string[]; tokens: string[] } {
  const dates = [...english.matchAll(DATE)].map((m) => m[0]);
  const withoutDates = english.replace(DATE, ' ');
  const backticks = [...english.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const tokens = [
    ...backticks,
    ...(withoutDates.match(IDENTIFIER) ?? []),
    ...(withoutDates.match(ACRONYM) ?? []),
    ...SERVICE_NAMES.filter((name) => english.includes(name)),
  ];
  return { dates, numbers: withoutDates.match(NUMBER) ?? [], tokens };
}

/** Every English text paired with its Japanese counterpart. */
const pairs = [...FACTS.values()].flatMap((fact) => {
  const ja = FACT_TEXT_JA[fact.id as keyof typeof FACT_TEXT_JA] as { today: string; was2018?: string } | undefined;
  const out = [{ label: `${fact.id}.today`, en: fact.today, ja: ja?.today }];
  if (fact.was2018 !== undefined) out.push({ label: `${fact.id}.was2018`, en: fact.was2018, ja: ja?.was2018 });
  return out;
});

describe('Japanese fact text', () => {
  it('exists for exactly the facts in facts.ts', () => {
    expect(Object.keys(FACT_TEXT_JA).sort()).toEqual([...FACTS.keys()].sort());
    expect([...FACT_IDS].sort()).toEqual([...FACTS.keys()].sort());
  });

  it('has was2018 exactly where the English fact has it', () => {
    for (const fact of FACTS.values()) {
      const ja: { was2018?: string } = FACT_TEXT_JA[fact.id as keyof typeof FACT_TEXT_JA];
      expect(ja.was2018 !== undefined, fact.id).toBe(fact.was2018 !== undefined);
    }
  });

  it('is Japanese, in plain polite sentences with no exclamation marks and no English left over', () => {
    const problems = pairs.flatMap(({ label, ja }) => {
      if (ja === undefined) return [`${label}: missing`];
      return [
        ...(JAPANESE.test(ja) ? [] : [`${label}: no Japanese characters`]),
        ...(/[!！]/.test(ja) ? [`${label}: exclamation mark`] : []),
        ...(ENGLISH_WORDS.test(ja) ? [`${label}: English word ${ja.match(ENGLISH_WORDS)![0]}`] : []),
        ...(ja.endsWith('。') ? [] : [`${label}: does not end with 。`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('keeps every backtick span, API or parameter name, acronym, service name and number of the English text', () => {
    const missing = pairs.flatMap(({ label, en, ja = '' }) => {
      const { numbers, tokens } = literalsOf(en);
      const jaNumbers = new Set(ja.match(NUMBER) ?? []);
      return [
        ...numbers.filter((n) => !jaNumbers.has(n)).map((n) => `${label}: number ${n}`),
        ...tokens.filter((token) => !ja.includes(token)).map((token) => `${label}: ${token}`),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('keeps every date, literally or as 年/月/日', () => {
    const missing = pairs.flatMap(({ label, en, ja = '' }) => {
      const japanese = datesAsJapanese(en);
      return literalsOf(en)
        .dates.filter((date, i) => !ja.includes(date) && !ja.includes(japanese[i]!))
        .map((date) => `${label}: ${date}`);
    });
    expect(missing).toEqual([]);
  });

  it('the literal check would catch a dropped name or number', () => {
    const { numbers, tokens } = literalsOf('Use `PrivateDnsEnabled` and CreateVpcEndpoint: 125 peerings, 10 Gbps, MTU 8,500 via Transit Gateway.');
    expect(tokens).toEqual(expect.arrayContaining(['PrivateDnsEnabled', 'CreateVpcEndpoint', 'MTU', 'Transit Gateway']));
    expect(numbers).toEqual(['125', '10', '8,500']);
    expect(datesAsJapanese('since 2019-03-07 and 2024-12')).toEqual(['2019 年 3 月 7 日', '2024 年 12 月']);
  });
});

describe('factText', () => {
  it('gives the English words from facts.ts', () => {
    const fact = FACTS.get('peering.quota')!;
    expect(factText('peering.quota', 'en')).toEqual({ today: fact.today, was2018: fact.was2018 });
    expect(factText('gateway.free', 'en')).toEqual({ today: FACTS.get('gateway.free')!.today, was2018: undefined });
  });

  it('gives the Japanese words from facts.ja.ts', () => {
    expect(factText('peering.quota', 'ja')).toEqual(FACT_TEXT_JA['peering.quota']);
    expect(factText('gateway.free', 'ja')).toEqual({ today: FACT_TEXT_JA['gateway.free'].today, was2018: undefined });
    expect(factText('dns.inbound-only', 'ja').today).toContain('DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint');
  });

  it('answers every fact in both languages', () => {
    for (const id of FACTS.keys()) {
      for (const locale of ['en', 'ja'] as const) expect(factText(id, locale).today.length, `${id} ${locale}`).toBeGreaterThan(10);
    }
  });

  it('refuses an unknown fact id', () => {
    expect(isFactId('interface.tcp-only')).toBe(false);
    expect(isFactId('gateway.free')).toBe(true);
    expect(() => factText('interface.tcp-only', 'ja')).toThrow(/unknown fact id/);
  });
});

describe('factDate', () => {
  it('writes fact dates the Japanese way and leaves English and anything else as they are', () => {
    expect(factDate('2024-11-26', 'ja')).toBe('2024 年 11 月 26 日');
    expect(factDate('2020-05', 'ja')).toBe('2020 年 5 月');
    expect(factDate('2024', 'ja')).toBe('2024 年');
    expect(factDate('2024-11-26', 'en')).toBe('2024-11-26');
    expect(factDate('', 'ja')).toBe('');
    expect(factDate('soon', 'ja')).toBe('soon');
  });

  it('formats every changed date in facts.ts', () => {
    for (const fact of FACTS.values()) {
      if (fact.changed !== undefined) expect(factDate(fact.changed, 'ja'), fact.id).toMatch(/^\d{4} 年( \d{1,2} 月( \d{1,2} 日)?)?$/);
    }
  });
});
