/**
 * A decision with its words in the catalog it is given: the JSON the CLI prints (always worded in English, so that
 * `--json` is the same whatever the reader's language) and what the Slack view renders.
 */
import { LOCALES, messagesFor, type Messages } from '../../i18n.js';
import type { Decision, Note } from '../../decision/engine.js';
import type { OptionId } from '../../decision/options.js';
import { factDate, factText, type FactLocale } from '../../decision/fact-text.js';
import { fact } from '../../decision/facts.js';
import type { SizingKey } from '../../decision/questions.js';
import type { Currency } from '../../pricing/model.js';
import { OPTION_PRICING_PAGES, arithmetic, breakEvenText, estimateNotes } from './money.js';

/** The language of a catalog, so the facts' own words (facts.ja.ts) follow it. */
function localeOf(msg: Messages): FactLocale {
  return LOCALES.find((l) => messagesFor(l) === msg) ?? 'en';
}

export interface TextWithFacts {
  text: string;
  facts: string[];
}

export interface DecisionReport {
  recommendation: OptionId | null;
  ranked: OptionId[];
  ruledOut: { option: OptionId; reason: string; facts: string[] }[];
  alsoNeeded: { option: OptionId; reason: string; facts: string[] }[];
  reasons: TextWithFacts[];
  caveats: TextWithFacts[];
  changedSince2018: (TextWithFacts & { was2018: string; today: string; changed: string })[];
  nextSteps: { text: string; command: string }[];
  alternatives: TextWithFacts[];
  openQuestions: Decision['openQuestions'];
  factsAsOf: string;
  /** Each option not ruled out, by id: its monthly estimate, the arithmetic and notes as lines, the table's date and the pricing page. */
  costs: Partial<Record<OptionId, OptionCostReport>>;
  /** Where one option pays off only past a point, one sentence each. */
  breakEven: string[];
  /** What the estimates are priced for; `defaulted`: the sizing answers not given. */
  pricing: { region: string; azs: number; gb: number; defaulted: SizingKey[] };
}

export interface OptionCostReport {
  /** Present when the region is priced in US dollars (every region but the China regions). */
  monthlyUsd?: number;
  monthly: number;
  currency: Currency;
  lines: string[];
  asOf: string;
  source: string;
  /** The sources of the figures behind the estimate. */
  sources: string[];
}

export function reportDecision(decision: Decision, en: Messages = messagesFor('en')): DecisionReport {
  const locale = localeOf(en);
  const withText = (note: Note): TextWithFacts => ({ text: en.notes[note.id], facts: note.facts });
  return {
    recommendation: decision.recommendation,
    ranked: decision.ranked,
    ruledOut: decision.ruledOut.map((r) => ({ option: r.option, reason: en.notes[r.id], facts: r.facts })),
    alsoNeeded: decision.alsoNeeded.map((c) => ({ option: c.option, reason: en.notes[c.id], facts: c.facts })),
    reasons: decision.reasons.map(withText),
    caveats: decision.caveats.map(withText),
    changedSince2018: decision.changedSince2018.map((id) => {
      const words = factText(id, locale);
      const changed = factDate(fact(id).changed ?? '', locale);
      return {
        text: `${en.compare.in2018} ${words.was2018 ?? '—'} ${en.compare.since(changed)} ${words.today}`,
        facts: [id],
        was2018: words.was2018 ?? '',
        today: words.today,
        changed,
      };
    }),
    nextSteps: decision.nextSteps.map((s) => ({ text: en.notes[s.id], command: s.command })),
    alternatives: decision.alternatives.map(withText),
    openQuestions: decision.openQuestions,
    factsAsOf: factDate(decision.factsAsOf, locale),
    costs: Object.fromEntries(
      decision.costs.options.map((c) => [
        c.option,
        {
          ...(c.currency === 'USD' && { monthlyUsd: c.monthly }),
          monthly: c.monthly,
          currency: c.currency,
          lines: [arithmetic(c, en), ...estimateNotes(c, en)],
          asOf: c.asOf,
          source: OPTION_PRICING_PAGES[c.option],
          sources: c.sources,
        },
      ]),
    ),
    breakEven: decision.costs.breakEvens.map((b) => breakEvenText(b, en)),
    pricing: { ...decision.costs.sizing },
  };
}

/** The distinct sources of the facts behind one claim, in the order the claim cites them. */
export function claimSources(facts: readonly string[]): string[] {
  return [...new Set(facts.map((id) => fact(id).source))];
}
