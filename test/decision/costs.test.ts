/**
 * What each option costs a month, as arithmetic on the price table, for a table of situations; the break-evens
 * (an endpoint against a NAT gateway, centralized endpoints against one per VPC, a Transit Gateway against a
 * peering mesh); and the same numbers in Japanese.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/decision/engine.js';
import type { OptionId } from '../../src/decision/options.js';
import type { Answers } from '../../src/decision/questions.js';
import { messagesFor } from '../../src/i18n.js';
import { PB_IN_GB } from '../../src/pricing/model.js';
import { arithmetic, breakEvenText, estimateNotes } from '../../src/slack/views/money.js';

const en = messagesFor('en');
const ja = messagesFor('ja');

/** Each option's arithmetic line in English, recommendation and companions first. */
function lines(answers: Answers): Partial<Record<OptionId, string>> {
  return Object.fromEntries(decide(answers).costs.options.map((c) => [c.option, arithmetic(c, en)]));
}

describe('the monthly estimate of each option', () => {
  it.each<[string, Answers, Partial<Record<OptionId, string>>]>([
    [
      'an AWS API from a VPC in Tokyo, 3 AZs, 200 GB',
      { target: 'aws-service', service: 'kinesis-streams', azs: 3, gb: 200, region: 'ap-northeast-1' },
      { 'interface-endpoint': '3 AZs × 730 h × $0.014 + 200 GB × $0.01† = $32.66 / month' },
    ],
    [
      'S3 with the defaults (us-east-1, 2 AZs, 100 GB)',
      { target: 'aws-service', service: 's3' },
      { 'gateway-endpoint': 'no charge = $0.00 / month', 'interface-endpoint': '2 AZs × 730 h × $0.01 + 100 GB × $0.01 = $15.60 / month' },
    ],
    [
      'an interface endpoint past the first petabyte (the next tier)',
      { target: 'aws-service', service: 'kinesis-streams', gb: 2 * PB_IN_GB },
      { 'interface-endpoint': '2 AZs × 730 h × $0.01 + 1,048,576 GB × $0.01 + 1,048,576 GB × $0.006 = $16,791.82 / month' },
    ],
    [
      'past five petabytes (all three tiers)',
      { target: 'aws-service', service: 'kinesis-streams', azs: 1, gb: 6 * PB_IN_GB },
      {
        'interface-endpoint': '1 AZ × 730 h × $0.01 + 1,048,576 GB × $0.01 + 4,194,304 GB × $0.006 + 1,048,576 GB × $0.004 = $39,853.19 / month',
      },
    ],
    [
      'ten VPCs that must reach each other',
      { target: 'whole-vpc', vpcs: 10, overlap: 'no' },
      {
        'transit-gateway': '10 attachments × 730 h × $0.05 + 100 GB × $0.02 = $367.00 / month',
        'vpc-peering': '100 GB × 2 directions × $0.01 = $2.00 / month',
      },
    ],
    [
      'our service for ten consumer VPCs (eleven VPCs)',
      { target: 'own-service', vpcs: 11, overlap: 'no', gb: 500 },
      {
        'endpoint-service': '10 endpoints × 2 AZs × 730 h × $0.01 + 500 GB × $0.01 = $151.00 / month',
        'transit-gateway': '11 attachments × 730 h × $0.05 + 500 GB × $0.02 = $411.50 / month',
        'vpc-lattice': '1 service × 730 h × $0.025 + 500 GB × $0.025 = $30.75 / month',
        'vpc-peering': '500 GB × 2 directions × $0.01 = $10.00 / month',
      },
    ],
    [
      'a SaaS in another region (inter-region transfer on top)',
      { target: 'saas', 'cross-region': 'yes', gb: 1000 },
      { 'interface-endpoint': '2 AZs × 730 h × $0.01 + 1,000 GB × $0.01 + 1,000 GB × $0.02 = $44.60 / month' },
    ],
    ['a database as a resource endpoint', { target: 'resource' }, { 'vpc-lattice': '100 GB × $0.01 = $1.00 / month' }],
  ])('%s', (_name, answers, expected) => {
    expect(lines(answers)).toMatchObject(expected);
  });

  it('prices exactly the options not ruled out, recommendation first', () => {
    const decision = decide({ target: 'own-service', vpcs: 11, overlap: 'no' });
    const priced = decision.costs.options.map((c) => c.option);
    expect(priced[0]).toBe(decision.recommendation);
    expect([...priced].sort()).toEqual([...decision.ranked, ...decision.alsoNeeded.map((c) => c.option)].sort());
    expect(priced).not.toContain('gateway-endpoint');
  });

  it('prices nothing before the target is known', () => {
    expect(decide({}).costs.options).toEqual([]);
  });

  it('says what an estimate leaves out: a charge the table lacks, a rate that stands in for the region', () => {
    const [lattice] = decide({ target: 'own-service', vpcs: 3, overlap: 'no', region: 'eu-west-1' }).costs.options.filter((c) => c.option === 'vpc-lattice');
    expect(lattice!.missing).toEqual(['latticeMillionRequests']);
    expect(estimateNotes(lattice!, en)).toEqual([
      'Requests are billed on top.',
      '† No figure found for this region: the rate of us-east-1 stands in.',
      'Not included (no price in the table): VPC Lattice requests.',
    ]);
  });

  it('prices the China regions in CNY and leaves out what the table lacks there', () => {
    const costs = decide({ target: 'whole-vpc', vpcs: 3, overlap: 'no', region: 'cn-north-1' }).costs.options;
    const tgw = costs.find((c) => c.option === 'transit-gateway')!;
    expect(arithmetic(tgw, en)).toBe('3 attachments × 730 h × CNY 0.50 + 100 GB × CNY 0.143 = CNY 1,109.30 / month');
    const peering = costs.find((c) => c.option === 'vpc-peering')!;
    expect(peering.monthly).toBe(0);
    expect(peering.missing).toEqual(['crossAzGbEachWay']);
  });
});

describe('the break-evens', () => {
  it('an interface endpoint against a NAT gateway pays past fixed ÷ (NAT − endpoint per GB); a gateway endpoint from the first GB', () => {
    const { breakEvens } = decide({ target: 'aws-service', service: 's3' }).costs;
    expect(breakEvens).toEqual([
      { kind: 'gateway-vs-nat', gb: 100, natGb: 0.045, saving: 4.5, currency: 'USD' },
      // 2 AZs × 730 h × $0.01 = $14.60; $14.60 ÷ ($0.045 − $0.01) = 417.1… → 418 GB
      { kind: 'endpoint-vs-nat', azs: 2, fixed: 14.6, natGb: 0.045, endpointGb: 0.01, gb: 418, currency: 'USD' },
    ]);
    expect(breakEvenText(breakEvens[1]!, en)).toBe(
      "An interface endpoint in 2 AZs ($14.60 a month) pays for itself against a NAT gateway's per-GB charge past *418 GB a month*: $14.60 ÷ ($0.045 − $0.01 per GB).",
    );
  });

  it('follows the region: in Tokyo with 3 AZs the endpoint pays past 590 GB', () => {
    const [b] = decide({ target: 'aws-service', service: 'kinesis-streams', azs: 3, region: 'ap-northeast-1' }).costs.breakEvens;
    // 3 × 730 × $0.014 = $30.66; $30.66 ÷ ($0.062 − $0.01) = 589.6… → 590 GB
    expect(b).toMatchObject({ kind: 'endpoint-vs-nat', fixed: 30.66, gb: 590 });
  });

  it('centralizing one endpoint for ten consumer VPCs pays below (10 − 1) × 2 AZs × 730 h × $0.01 ÷ $0.02 per GB', () => {
    const { breakEvens } = decide({ target: 'own-service', vpcs: 11, overlap: 'no' }).costs;
    expect(breakEvens).toContainEqual({ kind: 'centralize', endpoints: 10, azs: 2, saved: 131.4, tgwGb: 0.02, gb: 6570, currency: 'USD' });
  });

  it('a Transit Gateway never beats a peering mesh on price: its per-GB charge equals peering across AZs in both directions', () => {
    const { breakEvens } = decide({ target: 'whole-vpc', vpcs: 10, overlap: 'no' }).costs;
    const b = breakEvens.find((x) => x.kind === 'tgw-vs-peering')!;
    expect(b).toEqual({ kind: 'tgw-vs-peering', vpcs: 10, connections: 45, tgwFixed: 365, tgwGb: 0.02, peeringGb: 0.02, gb: null, currency: 'USD' });
    expect(breakEvenText(b, en)).toContain('stays cheaper than a Transit Gateway ($365.00 a month in attachments) at any traffic');
  });

  it('states no break-even where the options do not compete', () => {
    expect(decide({ target: 'saas' }).costs.breakEvens).toEqual([]);
    expect(decide({ target: 'whole-vpc', vpcs: 2, overlap: 'no' }).costs.breakEvens).toEqual([]);
  });
});

describe('in Japanese', () => {
  it('shows the same numbers', () => {
    const decision = decide({ target: 'aws-service', service: 'kinesis-streams', azs: 3, gb: 200, region: 'ap-northeast-1' });
    const [cost] = decision.costs.options;
    expect(arithmetic(cost!, ja)).toBe('3 AZ × 730 時間 × $0.014 + 200 GB × $0.01† = $32.66／月');
    const numbers = (text: string) => text.match(/\$[\d,.]+|\d[\d,.]*/g);
    expect(numbers(arithmetic(cost!, ja))).toEqual(numbers(arithmetic(cost!, en)));
    const [b] = decision.costs.breakEvens;
    expect(numbers(breakEvenText(b!, ja))?.sort()).toEqual(numbers(breakEvenText(b!, en))?.sort());
  });
});
