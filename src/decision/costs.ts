/**
 * What each option of a decision costs a month for the user's situation, as arithmetic on the price table, and
 * where one option pays off only past a point (the break-evens). Pure: numbers and ids; the catalogs word them.
 */
import { HOURS_PER_MONTH, type Currency } from '../pricing/model.js';
import { EstimateBuilder, roundCents, type Estimate } from '../pricing/estimate.js';
import { currencyOf, figure } from '../pricing/table.js';
import type { OptionId } from './options.js';
import { SIZING_DEFAULTS, SIZING_KEYS, type Answers, type SizingKey } from './questions.js';

/** What an estimate leaves out or assumes, beside its arithmetic. */
export type CostNoteId =
  | 'gateway-free'
  | 'nlb-extra'
  | 'peering-free-hours'
  | 'peering-cross-az'
  | 'cross-region-transfer'
  | 'tgw-peering-extra'
  | 'onprem-attachment-extra'
  | 'lattice-requests-extra'
  | 'resource-endpoint-hours-extra'
  | 'central-tgw-attached';

export interface OptionCost extends Estimate {
  option: OptionId;
  notes: CostNoteId[];
}

export type BreakEven =
  /** An interface endpoint against sending the same traffic through a NAT gateway already there: GB a month past which it pays. */
  | { kind: 'endpoint-vs-nat'; azs: number; fixed: number; natGb: number; endpointGb: number; gb: number | null; currency: Currency }
  /** A gateway endpoint against a NAT gateway: it saves every GB's NAT charge. */
  | { kind: 'gateway-vs-nat'; gb: number; natGb: number; saving: number; currency: Currency }
  /**
   * One endpoint per VPC against one centralized endpoint reached over a Transit Gateway already attached to every VPC:
   * centralizing saves `endpoints − 1` endpoints' hours and costs the Transit Gateway's per-GB charge, so it pays
   * below `gb` GB a month.
   */
  | { kind: 'centralize'; endpoints: number; azs: number; saved: number; tgwGb: number; gb: number; currency: Currency }
  /** A Transit Gateway against a full peering mesh of the same VPCs: `gb` is where it would become cheaper (null: never). */
  | { kind: 'tgw-vs-peering'; vpcs: number; connections: number; tgwFixed: number; tgwGb: number; peeringGb: number; gb: number | null; currency: Currency };

export interface Sizing {
  region: string;
  azs: number;
  gb: number;
  /** The sizing answers not given, whose defaults the estimates use. */
  defaulted: SizingKey[];
}

export interface Costs {
  sizing: Sizing;
  options: OptionCost[];
  breakEvens: BreakEven[];
}

export function sizingOf(answers: Answers): Sizing {
  return {
    region: answers.region ?? SIZING_DEFAULTS.region,
    azs: answers.azs ?? SIZING_DEFAULTS.azs,
    gb: answers.gb ?? SIZING_DEFAULTS.gb,
    defaulted: SIZING_KEYS.filter((k) => answers[k] === undefined),
  };
}

interface Situation {
  answers: Answers;
  sizing: Sizing;
  crossRegion: boolean;
  onprem: boolean;
}

/** The consumer endpoints an option needs: one per VPC that reaches the service (the provider's own VPC excluded). */
function consumerEndpoints(option: OptionId, a: Answers): number {
  if (option === 'endpoint-service') return Math.max((a.vpcs ?? 2) - 1, 1);
  return a.vpcs ?? 1;
}

const gb = (n: number) => ({ n, unit: 'gb' as const });

function priceOption(option: OptionId, s: Situation): OptionCost {
  const { region, azs } = s.sizing;
  const traffic = s.sizing.gb;
  const b = new EstimateBuilder(region);
  const notes: CostNoteId[] = [];
  const vpcs = s.answers.vpcs ?? 2;
  switch (option) {
    case 'gateway-endpoint':
      b.rate('gatewayEndpointHour');
      notes.push('gateway-free');
      break;
    case 'interface-endpoint':
    case 'endpoint-service': {
      const endpoints = consumerEndpoints(option, s.answers);
      b.hourly('interfaceEndpointAzHour', { n: endpoints, unit: 'endpoints' }, { n: azs, unit: 'azs' }).interfaceData(traffic);
      if (s.crossRegion) {
        b.add('interRegionGb', gb(traffic));
        notes.push('cross-region-transfer');
      }
      if (option === 'endpoint-service') notes.push('nlb-extra');
      break;
    }
    case 'vpc-peering':
      if (s.crossRegion) {
        b.add('interRegionGb', gb(traffic));
        notes.push('cross-region-transfer');
      } else {
        b.add('crossAzGbEachWay', gb(traffic), { n: 2, unit: 'directions' });
        notes.push('peering-cross-az');
      }
      notes.push('peering-free-hours');
      break;
    case 'transit-gateway':
      b.hourly('tgwAttachmentHour', { n: vpcs, unit: 'attachments' }).add('tgwGb', gb(traffic));
      if (s.crossRegion) {
        b.add('interRegionGb', gb(traffic));
        notes.push('cross-region-transfer', 'tgw-peering-extra');
      }
      if (s.onprem) notes.push('onprem-attachment-extra');
      break;
    case 'centralized-endpoints':
      // One endpoint in the hub, and every GB also crosses the Transit Gateway (assumed already attached to each VPC).
      b.hourly('interfaceEndpointAzHour', { n: 1, unit: 'endpoints' }, { n: azs, unit: 'azs' }).interfaceData(traffic).add('tgwGb', gb(traffic));
      notes.push('central-tgw-attached');
      break;
    case 'vpc-lattice':
      if (s.answers.target === 'resource') {
        b.add('resourceEndpointGb', gb(traffic));
        b.rate('serviceNetworkEndpointHour');
        notes.push('resource-endpoint-hours-extra');
      } else {
        b.hourly('latticeServiceHour', { n: 1, unit: 'services' }).add('latticeGb', gb(traffic));
        b.rate('latticeMillionRequests');
        notes.push('lattice-requests-extra');
      }
      break;
  }
  return { ...b.build(), option, notes };
}

const value = (region: string, key: Parameters<typeof figure>[1]): number | undefined => figure(region, key)?.value ?? undefined;

function breakEvens(priced: readonly OptionId[], s: Situation): BreakEven[] {
  const { region, azs } = s.sizing;
  const currency = currencyOf(region);
  const has = (id: OptionId) => priced.includes(id);
  const found: BreakEven[] = [];
  const endpointHour = value(region, 'interfaceEndpointAzHour');
  const endpointGb = value(region, 'interfaceGbFirstPb');
  const natGb = value(region, 'natGatewayGb');
  const tgwGb = value(region, 'tgwGb');
  const tgwHour = value(region, 'tgwAttachmentHour');
  const crossAz = value(region, 'crossAzGbEachWay');
  const awsService = s.answers.target === 'aws-service' && !s.crossRegion;

  if (awsService && has('gateway-endpoint') && natGb !== undefined) {
    found.push({ kind: 'gateway-vs-nat', gb: s.sizing.gb, natGb, saving: roundCents(s.sizing.gb * natGb), currency });
  }
  if (awsService && has('interface-endpoint') && endpointHour !== undefined && endpointGb !== undefined && natGb !== undefined) {
    const fixed = roundCents(azs * HOURS_PER_MONTH * endpointHour);
    const perGb = natGb - endpointGb;
    found.push({ kind: 'endpoint-vs-nat', azs, fixed, natGb, endpointGb, gb: perGb > 0 ? Math.ceil(fixed / perGb) : null, currency });
  }
  for (const option of ['centralized-endpoints', 'interface-endpoint', 'endpoint-service'] as const) {
    const endpoints = consumerEndpoints(option, s.answers);
    if (!has(option) || endpoints < 2 || endpointHour === undefined || !tgwGb) continue;
    const saved = roundCents((endpoints - 1) * azs * HOURS_PER_MONTH * endpointHour);
    found.push({ kind: 'centralize', endpoints, azs, saved, tgwGb, gb: Math.floor(saved / tgwGb), currency });
    break;
  }
  const vpcs = s.answers.vpcs ?? 2;
  if (has('transit-gateway') && has('vpc-peering') && vpcs >= 3 && !s.crossRegion && tgwHour !== undefined && tgwGb !== undefined && crossAz !== undefined) {
    const tgwFixed = roundCents(vpcs * HOURS_PER_MONTH * tgwHour);
    // Peering's worst case: every GB crosses AZs, charged in each direction. Any cross-AZ transfer charge on the
    // Transit Gateway path is left out, so the comparison leans in the Transit Gateway's favour.
    const peeringGb = 2 * crossAz;
    const perGb = peeringGb - tgwGb;
    found.push({
      kind: 'tgw-vs-peering',
      vpcs,
      connections: (vpcs * (vpcs - 1)) / 2,
      tgwFixed,
      tgwGb,
      peeringGb,
      gb: perGb > 0 ? Math.ceil(tgwFixed / perGb) : null,
      currency,
    });
  }
  return found;
}

/**
 * The GB a month below which one endpoint in a hub VPC, reached over a Transit Gateway, costs less than an endpoint in
 * each of the `vpcs` VPCs (the `centralize` break-even); undefined with fewer than two VPCs or no price for the region.
 */
export function centralizeBreakEvenGb(answers: Answers): number | undefined {
  const sizing = sizingOf(answers);
  const s: Situation = { answers, sizing, crossRegion: answers['cross-region'] === 'yes', onprem: answers.onprem === 'yes' };
  const found = breakEvens(['centralized-endpoints'], s).find((b) => b.kind === 'centralize');
  return found?.kind === 'centralize' ? found.gb : undefined;
}

/** The estimates of the options not ruled out (recommendation and companions first), and the break-evens among them. */
export function costsOf(answers: Answers, options: readonly OptionId[]): Costs {
  const sizing = sizingOf(answers);
  const s: Situation = { answers, sizing, crossRegion: answers['cross-region'] === 'yes', onprem: answers.onprem === 'yes' };
  const priced = [...new Set(options)];
  return { sizing, options: priced.map((o) => priceOption(o, s)), breakEvens: breakEvens(priced, s) };
}
