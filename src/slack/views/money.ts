/**
 * Estimates in words: amounts and rates as money, an estimate's arithmetic on one line ("3 AZs × 730 h × $0.014 +
 * 200 GB × $0.01 = $32.66 / month"), its notes, and the break-evens. The same numbers in every language; the units and
 * sentences are the catalog's.
 */
import type { BreakEven, OptionCost } from '../../decision/costs.js';
import type { Estimate, Term } from '../../pricing/estimate.js';
import { interfaceEndpointEstimate } from '../../pricing/estimate.js';
import { PRICING_PAGE, type Currency } from '../../pricing/model.js';
import type { Messages } from '../../i18n.js';
import type { EndpointRequest } from '../../requests/model.js';

const grouped = (value: number, decimals: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });

/** Marks a rate that stands in for another region's (the catalog's `assumed` note explains it); no mrkdwn meaning. */
export const ASSUMED_MARK = '†';

const prefix = (currency: Currency) => (currency === 'USD' ? '$' : 'CNY ');

/** An amount to the cent: $1,234.56, CNY 0.50. */
export function money(value: number, currency: Currency): string {
  return `${prefix(currency)}${grouped(value, 2)}`;
}

/** A unit rate as the table has it, however many decimals: $0.014, $0.01309, $0.05. */
export function rate(value: number, currency: Currency): string {
  const decimals = Math.min(Math.max((String(value).split('.')[1] ?? '').length, 2), 6);
  return `${prefix(currency)}${grouped(value, decimals)}`;
}

/** A count as typed: 730, 1,048,576, 12.5. */
export function count(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function term(t: Term, currency: Currency, assumed: boolean, msg: Messages): string {
  const units = msg.money.units;
  const quantities = t.quantities.map((q) => `${count(q.n)} ${units[q.unit](q.n)}`);
  return [...quantities, `${rate(t.rate, currency)}${assumed ? ASSUMED_MARK : ''}`].join(' × ');
}

/** The estimate's arithmetic on one line; an estimate with no term (a free option) says so. */
export function arithmetic(e: Estimate, msg: Messages): string {
  const assumed = new Set(e.assumed.map((a) => a.figure));
  const terms = e.terms.map((t) => term(t, e.currency, assumed.has(t.figure), msg));
  const total = `${money(e.monthly, e.currency)}${msg.money.perMonth}`;
  return terms.length > 0 ? `${terms.join(' + ')} = ${total}` : `${msg.money.noCharge} = ${total}`;
}

/** What the estimate leaves out or assumes, one sentence each. */
export function estimateNotes(e: Estimate & { notes?: OptionCost['notes'] }, msg: Messages): string[] {
  const m = msg.money;
  const lines = (e.notes ?? []).map((id) => m.notes[id]);
  const from = [...new Set(e.assumed.map((a) => a.from))];
  if (from.length > 0) lines.push(m.assumed(from.join(', ')));
  if (e.missing.length > 0) lines.push(m.missing(e.missing.map((key) => m.charges[key]).join(', ')));
  return lines;
}

export function breakEvenText(b: BreakEven, msg: Messages): string {
  const m = msg.money;
  switch (b.kind) {
    case 'endpoint-vs-nat':
      return m.endpointVsNat(
        b.gb === null ? undefined : count(b.gb),
        money(b.fixed, b.currency),
        b.azs,
        rate(b.natGb, b.currency),
        rate(b.endpointGb, b.currency),
      );
    case 'gateway-vs-nat':
      return m.gatewayVsNat(count(b.gb), money(b.saving, b.currency), rate(b.natGb, b.currency));
    case 'centralize':
      return m.centralize(b.endpoints, money(b.saved, b.currency), count(b.gb), rate(b.tgwGb, b.currency));
    case 'tgw-vs-peering':
      return m.tgwVsPeering(b.vpcs, b.connections, money(b.tgwFixed, b.currency), b.gb === null ? undefined : count(b.gb));
  }
}

/** The AWS pricing page of each option, the one its estimate links to. */
export const OPTION_PRICING_PAGES: Readonly<Record<OptionCost['option'], string>> = {
  'gateway-endpoint': PRICING_PAGE,
  'interface-endpoint': PRICING_PAGE,
  'endpoint-service': PRICING_PAGE,
  'vpc-peering': 'https://aws.amazon.com/vpc/pricing/',
  'transit-gateway': 'https://aws.amazon.com/transit-gateway/pricing/',
  'vpc-lattice': 'https://aws.amazon.com/vpc/lattice/pricing/',
  'centralized-endpoints': PRICING_PAGE,
};

/**
 * A request's monthly estimate: its AZ count (one subnet per AZ) × 730 h × the region's rate, plus data processing.
 * undefined when the table has no hourly rate for the region.
 */
export function requestEstimate(request: Pick<EndpointRequest, 'params'>, msg: Messages): string | undefined {
  const e = interfaceEndpointEstimate(request.params.region, request.params.subnetIds.length);
  if (e.terms.length === 0) return e.missing.length > 0 ? msg.money.missing(e.missing.map((key) => msg.money.charges[key]).join(', ')) : undefined;
  const line = arithmetic(e, msg);
  const perGbAssumed = e.assumed.some((a) => a.figure === 'interfaceGbFirstPb') ? ASSUMED_MARK : '';
  const text = e.perGb === undefined ? msg.money.requestNoData(line) : msg.money.request(line, `${rate(e.perGb, e.currency)}${perGbAssumed}`);
  const from = [...new Set(e.assumed.map((a) => a.from))];
  return from.length > 0 ? `${text} ${msg.money.assumed(from.join(', '))}` : text;
}
