/**
 * Monthly estimates as arithmetic: terms of quantities times a rate from the price table, summed. Pure; the words
 * ("AZs", "GB", "/ month") are the catalogs'. A figure the table lacks (`not-found`) leaves its term out and is
 * named in `missing`; a figure standing in for another region's (`assumed`) is named in `assumed`.
 */
import { HOURS_PER_MONTH, PB_IN_GB, type Currency, type FigureKey, type PriceTable } from './model.js';
import { PRICE_TABLE, currencyOf, figure, priceSource } from './table.js';

export type Unit = 'endpoints' | 'azs' | 'hours' | 'gb' | 'attachments' | 'services' | 'directions';

export interface Quantity {
  n: number;
  unit: Unit;
}

export interface Term {
  quantities: Quantity[];
  rate: number;
  figure: FigureKey;
  /** The term's exact amount (quantities × rate), unrounded. */
  amount: number;
}

export interface Estimate {
  region: string;
  currency: Currency;
  terms: Term[];
  /** The sum, rounded to cents. */
  monthly: number;
  /** Figures used here that stand in for another region's. */
  assumed: { figure: FigureKey; from: string }[];
  /** Charges that apply but have no figure in the table: left out of `monthly`. */
  missing: FigureKey[];
  /** The source pages of the figures used (and of the missing ones' search), distinct. */
  sources: string[];
  /** The newest date of the figures used. */
  asOf: string;
}

export const roundCents = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** Builds one estimate term by term, reading each rate from the table. */
export class EstimateBuilder {
  private readonly terms: Term[] = [];
  private readonly assumed: Estimate['assumed'] = [];
  private readonly missing: FigureKey[] = [];
  private readonly sources = new Set<string>();
  private asOf = '';

  constructor(
    readonly region: string,
    private readonly table: PriceTable = PRICE_TABLE,
  ) {}

  /** The figure's value, recording its provenance; undefined when the table has none (recorded as missing). */
  rate(key: FigureKey): number | undefined {
    const f = figure(this.region, key, this.table);
    const source = f && priceSource(f.source, this.table);
    if (source) this.sources.add(source.url);
    if (!f || f.value === null) {
      if (!this.missing.includes(key)) this.missing.push(key);
      return undefined;
    }
    if (f.basis === 'assumed' && f.from && !this.assumed.some((a) => a.figure === key)) this.assumed.push({ figure: key, from: f.from });
    if (f.asOf > this.asOf) this.asOf = f.asOf;
    return f.value;
  }

  /** quantities × the figure's rate; nothing when a quantity is zero or the figure is missing. */
  add(key: FigureKey, ...quantities: Quantity[]): this {
    const rate = this.rate(key);
    if (rate === undefined || quantities.some((q) => q.n === 0)) return this;
    const amount = quantities.reduce((product, q) => product * q.n, rate);
    this.terms.push({ quantities, rate, figure: key, amount });
    return this;
  }

  /** `count` items (endpoints, attachments, services) each billed every hour of the month; a count of 1 is not shown. */
  hourly(key: FigureKey, count: Quantity, ...more: Quantity[]): this {
    const shown = count.n === 1 && more.length > 0 ? more : [count, ...more];
    return this.add(key, ...shown, { n: HOURS_PER_MONTH, unit: 'hours' });
  }

  /** Interface endpoint data processing: the first 1 PB, the next 4 PB, and beyond, each at its tier's rate. */
  interfaceData(gb: number): this {
    const tiers: [FigureKey, number][] = [
      ['interfaceGbFirstPb', Math.min(gb, PB_IN_GB)],
      ['interfaceGbNext4Pb', Math.min(Math.max(gb - PB_IN_GB, 0), 4 * PB_IN_GB)],
      ['interfaceGbOver5Pb', Math.max(gb - 5 * PB_IN_GB, 0)],
    ];
    for (const [key, n] of tiers) if (n > 0 || key === 'interfaceGbFirstPb') this.add(key, { n, unit: 'gb' });
    return this;
  }

  build(): Estimate {
    const total = this.terms.reduce((sum, t) => sum + t.amount, 0);
    return {
      region: this.region,
      currency: currencyOf(this.region, this.table),
      terms: this.terms,
      monthly: roundCents(total),
      assumed: this.assumed,
      missing: this.missing,
      sources: [...this.sources],
      asOf: this.asOf || this.table.asOf,
    };
  }
}

/**
 * What one interface endpoint costs a month before data: its AZ count × 730 h × the region's rate. Data processing
 * is charged on top, per GB (`perGb`, the first tier's rate).
 */
export interface EndpointEstimate extends Estimate {
  azs: number;
  perGb: number | undefined;
}

export function interfaceEndpointEstimate(region: string, azs: number, table: PriceTable = PRICE_TABLE): EndpointEstimate {
  const builder = new EstimateBuilder(region, table).add(
    'interfaceEndpointAzHour',
    { n: Math.max(azs, 1), unit: 'azs' },
    { n: HOURS_PER_MONTH, unit: 'hours' },
  );
  const perGb = builder.rate('interfaceGbFirstPb');
  return { ...builder.build(), azs: Math.max(azs, 1), perGb };
}
