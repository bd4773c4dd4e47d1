/**
 * `npm run prices`: GetProducts answered at the Price List API's wire (nock, no network) with a response in the
 * API's documented shape (price list items as JSON strings, two pages), parsed into figures and merged into the
 * table with what changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PricingClient } from '@aws-sdk/client-pricing';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { KNOWN_REGIONS } from '../../src/aws/vocabulary.js';
import { applyRefresh, figuresFromPriceList } from '../../src/pricing/price-list.js';
import { PRICE_TABLE, tableProblems } from '../../src/pricing/table.js';
import { fetchFigures } from '../../scripts/prices.js';

const PRICING_HOST = 'https://api.pricing.us-east-1.amazonaws.com';
const RESPONSES = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/pricing/get-products-ap-northeast-1.json'), 'utf8')) as Record<
  string,
  { FormatVersion: string; PriceList: string[]; NextToken?: string }[]
>;

function testClient(): PricingClient {
  return new PricingClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'fake-secret' }, maxAttempts: 1 });
}

interface GetProducts {
  ServiceCode: string;
  Filters: { Type: string; Field: string; Value: string }[];
  NextToken?: string;
}

/** Answers GetProducts from the fixture, page by page; records every call. */
function fakePriceList(): GetProducts[] {
  const calls: GetProducts[] = [];
  nock(PRICING_HOST)
    .persist()
    .post('/')
    .matchHeader('x-amz-target', 'AWSPriceListService.GetProducts')
    .reply(200, (_uri, body) => {
      const call = (typeof body === 'string' ? JSON.parse(body) : body) as GetProducts;
      calls.push(call);
      const pages = RESPONSES[call.ServiceCode] ?? [{ FormatVersion: 'aws_v1', PriceList: [] }];
      return call.NextToken === 'page-2-token' ? pages[1] : pages[0];
    });
  return calls;
}

describe('the price refresh', () => {
  it('reads every page of each query for a region and finds its figures, ignoring other regions and other operations', async () => {
    const calls = fakePriceList();
    const found = await fetchFigures(testClient(), ['ap-northeast-1'], PRICE_TABLE);
    expect(found).toEqual({
      'ap-northeast-1': {
        interfaceEndpointAzHour: 0.014,
        interfaceGbFirstPb: 0.01,
        interfaceGbNext4Pb: 0.006,
        interfaceGbOver5Pb: 0.004,
        tgwAttachmentHour: 0.07,
        tgwGb: 0.02,
        natGatewayHour: 0.062,
        natGatewayGb: 0.062,
        crossAzGbEachWay: 0.01,
      },
    });
    expect(calls.map((c) => `${c.ServiceCode}${c.NextToken ? ` ${c.NextToken}` : ''}`)).toEqual([
      'AmazonVPC',
      'AmazonVPC page-2-token',
      'AmazonEC2',
      'AWSDataTransfer',
    ]);
    expect(calls[1]!.Filters).toEqual([{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'ap-northeast-1' }]);
    expect(calls[2]!.Filters).toContainEqual({ Type: 'TERM_MATCH', Field: 'productFamily', Value: 'NAT Gateway' });
  });

  it('does not ask the global Price List for the China regions (priced in CNY by the China partition)', async () => {
    const calls = fakePriceList();
    expect(await fetchFigures(testClient(), ['cn-north-1'], PRICE_TABLE)).toEqual({});
    expect(calls).toEqual([]);
  });

  it('merges what it found with the Price List as source and today as date, and prints only what changed', () => {
    const items = Object.values(RESPONSES).flatMap((pages) => pages.flatMap((p) => p.PriceList));
    const found = { 'ap-northeast-1': figuresFromPriceList(items, 'ap-northeast-1') };
    const { table, changes } = applyRefresh(PRICE_TABLE, found, '2026-12-24');
    expect(changes).toContain('ap-northeast-1 tgwAttachmentHour: 0.05 (assumed) → 0.07 (price-list)');
    expect(changes).toContain('ap-northeast-1 interfaceEndpointAzHour: 0.014 (secondary) → 0.014 (price-list)');
    expect(changes.every((line) => line.startsWith('ap-northeast-1 '))).toBe(true);
    expect(table.regions['ap-northeast-1']!.figures.tgwAttachmentHour).toEqual({
      value: 0.07,
      basis: 'price-list',
      source: 'price-list-api',
      asOf: '2026-12-24',
    });
    expect(table.regions['eu-west-1']).toEqual(PRICE_TABLE.regions['eu-west-1']);
    expect(table.asOf).toBe('2026-12-24');
    expect(tableProblems(table, KNOWN_REGIONS)).toEqual([]);
    expect(applyRefresh(table, found, '2026-12-25').changes).toEqual([]);
  });
});
