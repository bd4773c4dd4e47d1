/**
 * `npm run prices`: refreshes src/pricing/table.json from the AWS Price List Query API (GetProducts, region
 * us-east-1) with the credentials of the environment (the default chain; they need `pricing:GetProducts`), and
 * prints what changed. Without credentials it says so and changes nothing. `--dry-run` prints without writing.
 * CI never runs it: the table is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetProductsCommand, PricingClient, type Filter } from '@aws-sdk/client-pricing';
import { KNOWN_REGIONS } from '../src/aws/vocabulary.js';
import type { FigureKey, PriceTable } from '../src/pricing/model.js';
import { PRICE_QUERIES, REFRESHED_FIGURES, applyRefresh, figuresFromPriceList, type PriceQuery } from '../src/pricing/price-list.js';

export const TABLE_PATH = path.join(__dirname, '..', 'src', 'pricing', 'table.json');

/** Every page of one query's price list for one region. */
async function priceList(client: PricingClient, query: PriceQuery, region: string): Promise<string[]> {
  const Filters: Filter[] = Object.entries(query.filters).map(([Field, value]) => ({ Type: 'TERM_MATCH', Field, Value: value.replace('{region}', region) }));
  const items: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new GetProductsCommand({ ServiceCode: query.serviceCode, Filters, FormatVersion: 'aws_v1', MaxResults: 100, NextToken }));
    // The SDK hands each item over as a String object (its LazyJsonString): its text is the item's JSON.
    const list: readonly unknown[] = page.PriceList ?? [];
    items.push(...list.map((p) => (typeof p === 'string' || p instanceof String ? String(p) : JSON.stringify(p))));
    NextToken = page.NextToken;
  } while (NextToken);
  return items;
}

/** The figures the Price List has for each region; regions the partition's API does not price are left out. */
export async function fetchFigures(
  client: PricingClient,
  regions: Iterable<string>,
  table: PriceTable,
): Promise<Record<string, Partial<Record<FigureKey, number>>>> {
  const found: Record<string, Partial<Record<FigureKey, number>>> = {};
  for (const region of regions) {
    const currency = table.regions[region]?.currency ?? 'USD';
    // The China regions are priced by the Price List API of the China partition, not this one.
    if (currency !== 'USD') continue;
    for (const query of PRICE_QUERIES) {
      const items = await priceList(client, query, region);
      found[region] = { ...found[region], ...figuresFromPriceList(items, region, currency) };
    }
  }
  return found;
}

export async function main(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const table = JSON.parse(readFileSync(TABLE_PATH, 'utf8')) as PriceTable;
  const client = new PricingClient({ region: 'us-east-1', maxAttempts: 3 });
  try {
    await client.config.credentials();
  } catch {
    out('No AWS credentials in the environment: the price table is unchanged. Set a profile or keys with pricing:GetProducts and run again.');
    return 1;
  }
  const regions = env.PRICES_REGIONS ? env.PRICES_REGIONS.split(',').map((r) => r.trim()) : [...KNOWN_REGIONS];
  const found = await fetchFigures(client, regions, table);
  const today = new Date().toISOString().slice(0, 10);
  const { table: next, changes } = applyRefresh(table, found, today);
  const notRefreshed = Object.keys(table.regions[regions[0] ?? 'us-east-1']?.figures ?? {}).filter((k) => !REFRESHED_FIGURES.includes(k as FigureKey));
  out(changes.length > 0 ? changes.join('\n') : 'No figure changed.');
  out(`Not read from the Price List (kept with their recorded sources): ${notRefreshed.join(', ')}.`);
  if (!dryRun && changes.length > 0) {
    writeFileSync(TABLE_PATH, `${JSON.stringify(next, null, 2)}\n`);
    out(`Wrote ${path.relative(process.cwd(), TABLE_PATH)}: review the diff and commit it.`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`prices: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
