/** A fact's user-facing words in one language; sources, dates and ids stay language-free in facts.ts. */
import { FACTS, fact, type FactId } from './facts.js';
import { FACT_TEXT_JA } from './facts.ja.js';

/** The languages fact text exists in (the same set as the message catalogs). */
export type FactLocale = 'en' | 'ja';

export interface FactText {
  today: string;
  /** What the May 2018 article said, where the fact records it. */
  was2018: string | undefined;
}

export function isFactId(id: string): id is FactId {
  return FACTS.has(id);
}

/** The words of fact `id` in `locale`; throws on an unknown id, as `fact()` does. */
export function factText(id: string, locale: FactLocale): FactText {
  const english = fact(id);
  if (locale === 'en') return { today: english.today, was2018: english.was2018 };
  const words: { today: string; was2018?: string } = FACT_TEXT_JA[id as FactId];
  return { today: words.today, was2018: words.was2018 };
}

/**
 * A fact's date (`changed`, FACTS_AS_OF: YYYY, YYYY-MM or YYYY-MM-DD) as written in `locale`:
 * unchanged in English, 2024 年 11 月 26 日 in Japanese (the AWS Japanese documentation's form).
 */
export function factDate(date: string, locale: FactLocale): string {
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (locale === 'en' || !parts) return date;
  const [, year, month, day] = parts;
  return [`${year} 年`, month && `${Number(month)} 月`, day && `${Number(day)} 日`].filter(Boolean).join(' ');
}
