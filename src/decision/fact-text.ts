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
