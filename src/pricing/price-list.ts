/**
 * Reading the AWS Price List Query API (GetProducts) into the price table: which products answer which figure, the
 * figures found in a response's price list, and the table with them merged in (and what changed). Pure: the calls
 * are made by scripts/prices.ts.
 *
 * Product shapes: https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/price-changes.html (the price list
 * file format: product attributes, OnDemand terms, price dimensions with begin and end ranges).
 */
import { FIGURE_KEYS, PB_IN_GB, type FigureKey, type PriceTable } from './model.js';

/** One GetProducts query: a service code and TERM_MATCH filters; `{region}` stands for the region code. */
export interface PriceQuery {
  serviceCode: string;
  filters: Record<string, string>;
}

export const PRICE_QUERIES: readonly PriceQuery[] = [
  { serviceCode: 'AmazonVPC', filters: { regionCode: '{region}' } },
  { serviceCode: 'AmazonEC2', filters: { regionCode: '{region}', productFamily: 'NAT Gateway' } },
  { serviceCode: 'AWSDataTransfer', filters: { fromRegionCode: '{region}', transferType: 'IntraRegion' } },
];

/** The figures the Price List refreshes; the others keep their recorded source (the operator notes say why). */
export const REFRESHED_FIGURES: readonly FigureKey[] = [
  'interfaceEndpointAzHour',
  'interfaceGbFirstPb',
  'interfaceGbNext4Pb',
  'interfaceGbOver5Pb',
  'tgwAttachmentHour',
  'tgwGb',
  'natGatewayHour',
  'natGatewayGb',
  'crossAzGbEachWay',
];

export const PRICE_LIST_SOURCE = 'price-list-api';
const PRICE_LIST_URL = 'https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html';

interface Dimension {
  unit?: string;
  beginRange?: string;
  endRange?: string;
  pricePerUnit?: Record<string, string>;
}

interface PriceListItem {
  product?: { productFamily?: string; attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, Dimension> }> };
}

/** Which usage type answers which figure, and from which tier (the range's start in GB) for tiered ones. */
const RULES: readonly { figure: FigureKey; usagetype: RegExp; operation?: string; tierStartGb?: number }[] = [
  { figure: 'interfaceEndpointAzHour', usagetype: /(^|-)VpcEndpoint-Hours$/ },
  { figure: 'interfaceGbFirstPb', usagetype: /(^|-)VpcEndpoint-Bytes$/, tierStartGb: 0 },
  { figure: 'interfaceGbNext4Pb', usagetype: /(^|-)VpcEndpoint-Bytes$/, tierStartGb: PB_IN_GB },
  { figure: 'interfaceGbOver5Pb', usagetype: /(^|-)VpcEndpoint-Bytes$/, tierStartGb: 5 * PB_IN_GB },
  { figure: 'tgwAttachmentHour', usagetype: /(^|-)TransitGateway-Hours$/, operation: 'TransitGatewayVPC' },
  { figure: 'tgwGb', usagetype: /(^|-)TransitGateway-Bytes$/, operation: 'TransitGatewayVPC' },
  { figure: 'natGatewayHour', usagetype: /(^|-)NatGateway-Hours$/ },
  { figure: 'natGatewayGb', usagetype: /(^|-)NatGateway-Bytes$/ },
  { figure: 'crossAzGbEachWay', usagetype: /(^|-)DataTransfer-Regional-Bytes$/ },
];

function dimensions(item: PriceListItem): Dimension[] {
  return Object.values(item.terms?.OnDemand ?? {}).flatMap((term) => Object.values(term.priceDimensions ?? {}));
}

/**
 * The figures a GetProducts price list holds for one region (`PriceList` items, as the JSON strings the API returns
 * or parsed), in the region's currency (`USD` or `CNY`). Items of other regions are ignored.
 */
export function figuresFromPriceList(items: readonly (string | object)[], region: string, currency = 'USD'): Partial<Record<FigureKey, number>> {
  const found: Partial<Record<FigureKey, number>> = {};
  for (const raw of items) {
    const item = (typeof raw === 'string' ? JSON.parse(raw) : raw) as PriceListItem;
    const attributes = item.product?.attributes ?? {};
    const itemRegion = attributes.regionCode ?? attributes.fromRegionCode;
    if (itemRegion !== region) continue;
    for (const rule of RULES) {
      if (!rule.usagetype.test(attributes.usagetype ?? '')) continue;
      if (rule.operation && attributes.operation !== rule.operation) continue;
      const dimension = dimensions(item).find((d) => rule.tierStartGb === undefined || Number(d.beginRange ?? '0') === rule.tierStartGb);
      const value = Number(dimension?.pricePerUnit?.[currency]);
      if (dimension && Number.isFinite(value) && value >= 0) found[rule.figure] = value;
    }
  }
  return found;
}

export interface Refresh {
  table: PriceTable;
  /** One line per figure whose value or basis changed: `region figure: old → new`. */
  changes: string[];
}

/** The table with the figures found merged in, dated `today` and sourced to the Price List; and what changed. */
export function applyRefresh(table: PriceTable, found: Readonly<Record<string, Partial<Record<FigureKey, number>>>>, today: string): Refresh {
  const changes: string[] = [];
  const regions: PriceTable['regions'] = {};
  for (const [region, prices] of Object.entries(table.regions)) {
    const figures = { ...prices.figures };
    for (const key of FIGURE_KEYS) {
      const value = found[region]?.[key];
      if (value === undefined) continue;
      const before = figures[key];
      if (before.value !== value || before.basis !== 'price-list') {
        changes.push(`${region} ${key}: ${before.value ?? '—'} (${before.basis}) → ${value} (price-list)`);
      }
      figures[key] = { value, basis: 'price-list', source: PRICE_LIST_SOURCE, asOf: today };
    }
    regions[region] = { ...prices, figures };
  }
  const sources = { ...table.sources, [PRICE_LIST_SOURCE]: { url: PRICE_LIST_URL, what: 'AWS Price List Query API (GetProducts), read by npm run prices' } };
  return { table: { asOf: changes.length > 0 ? today : table.asOf, sources, regions }, changes };
}
