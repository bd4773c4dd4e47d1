/**
 * The embedded price table: every region the bot knows has every figure, each with its basis, source and date; the
 * figures nobody found are named, not invented.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_REGIONS } from '../../src/aws/vocabulary.js';
import { FIGURE_KEYS, type FigureKey, type PriceTable } from '../../src/pricing/model.js';
import { PRICE_TABLE, tableProblems } from '../../src/pricing/table.js';

/** Charges no source was found for in any region (the refresh cannot read them either): named in every estimate that needs them. */
const NOT_FOUND_ANYWHERE: readonly FigureKey[] = ['serviceNetworkEndpointHour', 'latticeMillionRequests'];
/** The China regions are priced in CNY by AWS China; only their Transit Gateway page was found (and gateway endpoints are free). */
const FOUND_IN_CHINA: readonly FigureKey[] = ['gatewayEndpointHour', 'tgwAttachmentHour', 'tgwGb'];

describe('the price table', () => {
  it('has every figure for every region in src/aws/vocabulary.ts, each with a source, a date and a basis that fits its value', () => {
    expect(tableProblems(PRICE_TABLE, KNOWN_REGIONS)).toEqual([]);
    expect(Object.keys(PRICE_TABLE.regions).sort()).toEqual([...KNOWN_REGIONS].sort());
  });

  it('fails a table that lacks a region or a figure, or whose figure has no value without saying so', () => {
    const broken = structuredClone(PRICE_TABLE) as PriceTable;
    delete broken.regions['eu-west-1'];
    delete (broken.regions['us-east-1']!.figures as Partial<Record<FigureKey, unknown>>).natGatewayGb;
    broken.regions['us-east-2']!.figures.tgwGb = { ...broken.regions['us-east-2']!.figures.tgwGb, value: null };
    broken.regions['us-west-2']!.figures.natGatewayHour = { ...broken.regions['us-west-2']!.figures.natGatewayHour, source: 'nowhere' };
    expect(tableProblems(broken, KNOWN_REGIONS)).toEqual([
      'us-east-1: no natGatewayGb',
      'us-east-2: tgwGb has value null with basis aws-page',
      'us-west-2: natGatewayHour cites unknown source nowhere',
      'eu-west-1: no prices',
    ]);
  });

  it('leaves out only the charges no source was found for, and says which', () => {
    const missing: string[] = [];
    for (const [region, prices] of Object.entries(PRICE_TABLE.regions)) {
      for (const key of FIGURE_KEYS) {
        if (prices.figures[key].basis !== 'not-found') continue;
        const expected = NOT_FOUND_ANYWHERE.includes(key) || (prices.currency === 'CNY' && !FOUND_IN_CHINA.includes(key));
        if (!expected) missing.push(`${region} ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('prices every commercial and GovCloud region in US dollars with its own interface endpoint hourly rate', () => {
    for (const [region, prices] of Object.entries(PRICE_TABLE.regions)) {
      if (region.startsWith('cn-')) {
        expect(prices.currency, region).toBe('CNY');
        continue;
      }
      expect(prices.currency, region).toBe('USD');
      expect(prices.figures.interfaceEndpointAzHour.basis, region).not.toBe('assumed');
      expect(prices.figures.interfaceEndpointAzHour.value, region).toBeGreaterThanOrEqual(0.01);
    }
  });

  it('names the region whose figure stands in for every assumed one, and gives every figure an http(s) source', () => {
    for (const prices of Object.values(PRICE_TABLE.regions)) {
      for (const key of FIGURE_KEYS) {
        const f = prices.figures[key];
        expect(PRICE_TABLE.sources[f.source]?.url).toMatch(/^https:\/\//);
        if (f.basis === 'assumed') expect(PRICE_TABLE.regions[f.from ?? '']?.figures[key].basis).not.toBe('assumed');
      }
    }
  });
});
