import { describe, expect, it } from 'vitest';
import { OPTION_IDS, decide, nextQuestion, type OptionId } from '../../src/decision/engine.js';
import { FACTS } from '../../src/decision/facts.js';
import type { Answers } from '../../src/decision/questions.js';

interface Scenario {
  name: string;
  answers: Answers;
  recommendation: OptionId | null;
  ruledOut: OptionId[];
  changedSince2018?: string[];
}

// The article's use cases, then today's facts.
const scenarios: Scenario[] = [
  {
    name: 'own service, overlapping CIDRs → endpoint service; peering and TGW impossible',
    answers: { target: 'own-service', overlap: 'yes' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering', 'transit-gateway'],
  },
  {
    name: 'own service reached from on-premises over Direct Connect → endpoint service, not peering',
    answers: { target: 'own-service', onprem: 'yes', overlap: 'no', vpcs: 2 },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering'],
    changedSince2018: ['interface.outside-access'],
  },
  {
    name: 'Marketplace SaaS → interface endpoint',
    answers: { target: 'saas' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway'],
  },
  {
    name: 'S3 from inside the VPC → gateway endpoint (free)',
    answers: { target: 'aws-service', service: 's3', onprem: 'no', 'cross-region': 'no' },
    recommendation: 'gateway-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway'],
    changedSince2018: ['interface.s3-dynamodb'],
  },
  {
    name: 'S3 from on-premises → interface endpoint (gateway endpoints are not reachable from outside)',
    answers: { target: 'aws-service', service: 's3', onprem: 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway'],
    changedSince2018: ['interface.outside-access', 'interface.s3-dynamodb', 'dns.s3-interface'],
  },
  {
    name: 'DynamoDB in the same VPC → gateway endpoint',
    answers: { target: 'aws-service', service: 'dynamodb' },
    recommendation: 'gateway-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway'],
  },
  {
    name: 'Kinesis from a private subnet → interface endpoint; no gateway endpoint for Kinesis',
    answers: { target: 'aws-service', service: 'kinesis-streams' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway'],
  },
  {
    name: 'two VPCs, two-way, any protocol → peering',
    answers: { target: 'whole-vpc', direction: 'both', protocol: 'any', overlap: 'no', vpcs: 2 },
    recommendation: 'vpc-peering',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service'],
  },
  {
    name: 'own service, provider also opens connections → not PrivateLink, peering',
    answers: { target: 'own-service', direction: 'both', overlap: 'no' },
    recommendation: 'vpc-peering',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service'],
  },
  {
    name: 'own service over UDP → not PrivateLink',
    answers: { target: 'own-service', protocol: 'udp', overlap: 'no' },
    recommendation: 'vpc-peering',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service'],
  },
  {
    name: 'cross-region own service → endpoint service (PrivateLink is cross-region since 2024-11)',
    answers: { target: 'own-service', 'cross-region': 'yes' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint'],
    changedSince2018: ['interface.cross-region'],
  },
  {
    name: 'S3 in another region → interface endpoint (gateway is same-region only)',
    answers: { target: 'aws-service', service: 's3', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint'],
    changedSince2018: ['interface.cross-region-aws-services'],
  },
  {
    name: 'IPv6 SaaS → interface endpoint, IPv6 noted as changed since 2018',
    answers: { target: 'saas', ipv6: 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint'],
    changedSince2018: ['interface.ipv6'],
  },
  {
    name: 'many VPCs all-to-all → Transit Gateway',
    answers: { target: 'whole-vpc', vpcs: 40, overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service'],
  },
  {
    name: 'more VPCs than peering allows → peering ruled out',
    answers: { target: 'whole-vpc', vpcs: 200, overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['vpc-peering'],
  },
  {
    name: 'whole VPC from on-premises → Transit Gateway (peering has no edge-to-edge routing)',
    answers: { target: 'whole-vpc', onprem: 'yes', overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['vpc-peering', 'gateway-endpoint'],
  },
  {
    name: 'whole VPC with overlapping CIDRs → only an endpoint service per service',
    answers: { target: 'whole-vpc', overlap: 'yes' },
    recommendation: 'endpoint-service',
    ruledOut: ['vpc-peering', 'transit-gateway'],
  },
  {
    name: 'overlap plus UDP: nothing fits',
    answers: { target: 'whole-vpc', overlap: 'yes', protocol: 'udp' },
    recommendation: null,
    ruledOut: [...OPTION_IDS],
  },
];

describe('decide', () => {
  it.each(scenarios)('$name', ({ answers, recommendation, ruledOut, changedSince2018 }) => {
    const decision = decide(answers);

    expect(decision.recommendation).toBe(recommendation);
    expect(decision.ruledOut.map((r) => r.option)).toEqual(expect.arrayContaining(ruledOut));
    if (recommendation) expect(decision.ranked[0]).toBe(recommendation);
    expect(decision.ranked.some((o) => decision.ruledOut.some((r) => r.option === o))).toBe(false);
    for (const id of changedSince2018 ?? []) expect(decision.changedSince2018).toContain(id);
  });

  it('cites only facts that exist, and every ruled-out option cites at least one', () => {
    for (const { answers } of scenarios) {
      const d = decide(answers);
      const cited = [...d.ruledOut, ...d.reasons, ...d.caveats].flatMap((n) => n.facts).concat(d.changedSince2018);
      for (const id of cited) expect(FACTS.has(id), id).toBe(true);
      for (const r of d.ruledOut) expect(r.facts.length).toBeGreaterThan(0);
    }
  });

  it('lists the PrivateLink caveats with an interface endpoint', () => {
    const ids = decide({ target: 'aws-service', service: 'kinesis-streams' }).caveats.map((c) => c.id);

    expect(ids).toEqual(expect.arrayContaining(['caveat.tcp-only', 'caveat.private-dns-attributes', 'caveat.sg-443', 'caveat.one-subnet-per-az', 'caveat.cost-per-az', 'caveat.interface-quota']));
  });

  it('with incomplete answers, still recommends and says which answer would change it', () => {
    const d = decide({ target: 'aws-service', service: 's3' });

    expect(d.recommendation).toBe('gateway-endpoint');
    expect(d.openQuestions).toContainEqual({ key: 'onprem', changesTo: [{ value: 'yes', recommendation: 'interface-endpoint' }] });
  });

  it('pre-fills the create command for an AWS service', () => {
    const steps = decide({ target: 'aws-service', service: 'kinesis-streams' }).nextSteps;

    expect(steps.map((s) => s.command)).toContain('/privatelink create kinesis-streams vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=on');
  });
});

describe('nextQuestion', () => {
  it('starts with the target', () => {
    expect(nextQuestion({})).toBe('target');
  });

  it('asks only what can still change the answer', () => {
    expect(nextQuestion({ target: 'aws-service' })).toBe('service');
    expect(nextQuestion({ target: 'saas', onprem: 'no', 'cross-region': 'no' })).toBeUndefined();
    expect(nextQuestion({ target: 'aws-service', service: 'kinesis-streams' })).toBeUndefined();
  });

  it('asks about direction and protocol for your own service, since they can rule PrivateLink out', () => {
    expect(nextQuestion({ target: 'own-service' })).toBe('direction');
    expect(nextQuestion({ target: 'own-service', direction: 'one-way' })).toBe('protocol');
  });

  it('after a two-way answer, asks what decides between peering and Transit Gateway', () => {
    expect(nextQuestion({ target: 'own-service', direction: 'both' })).toBe('onprem');
  });
});
