/**
 * The embedded, dated price table (table.json: one entry per region the bot knows and per figure, each with its
 * basis, source and date; `npm run prices` rewrites it from the AWS Price List) and the lookups on it.
 */
import data from './table.json';
import { FIGURE_KEYS, type Currency, type Figure, type FigureKey, type PriceSource, type PriceTable, type RegionPrices } from './model.js';

export const PRICE_TABLE: PriceTable = data as PriceTable;

/** The region an estimate is priced in when none is given. */
export const DEFAULT_PRICE_REGION = 'us-east-1';

export function regionPrices(region: string, table: PriceTable = PRICE_TABLE): RegionPrices | undefined {
  return table.regions[region];
}

export function figure(region: string, key: FigureKey, table: PriceTable = PRICE_TABLE): Figure | undefined {
  return table.regions[region]?.figures[key];
}

export function currencyOf(region: string, table: PriceTable = PRICE_TABLE): Currency {
  return table.regions[region]?.currency ?? 'USD';
}

export function priceSource(id: string, table: PriceTable = PRICE_TABLE): PriceSource | undefined {
  return table.sources[id];
}

/** What is wrong with a table: a region or figure missing, a value that does not fit its basis, an unknown source. */
export function tableProblems(table: PriceTable, regions: Iterable<string>): string[] {
  const problems: string[] = [];
  for (const region of regions) {
    const prices = table.regions[region];
    if (!prices) {
      problems.push(`${region}: no prices`);
      continue;
    }
    for (const key of FIGURE_KEYS) {
      const f = prices.figures[key];
      if (!f) problems.push(`${region}: no ${key}`);
      else {
        if ((f.value === null) !== (f.basis === 'not-found')) problems.push(`${region}: ${key} has value ${f.value} with basis ${f.basis}`);
        if (f.value !== null && !(Number.isFinite(f.value) && f.value >= 0)) problems.push(`${region}: ${key} is not a price: ${f.value}`);
        if (!table.sources[f.source]) problems.push(`${region}: ${key} cites unknown source ${f.source}`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(f.asOf)) problems.push(`${region}: ${key} has no date`);
        if (f.basis === 'assumed' && (!f.from || !table.regions[f.from])) problems.push(`${region}: ${key} is assumed from no known region`);
      }
    }
  }
  return problems;
}
