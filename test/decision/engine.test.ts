import { describe, expect, it } from 'vitest';
import { OPTION_IDS, decide, nextQuestion, situation } from '../../src/decision/engine.js';
import { CROSS_REGION_AWS_SERVICES, FACTS } from '../../src/decision/facts.js';
import { QUESTIONS, type Answers } from '../../src/decision/questions.js';
import { en } from '../../src/messages.js';

/** Every combination of the button answers for each target (services: s3, dynamodb, kinesis-streams, other). */
function* someAnswers(): Generator<Answers> {
  const targets = QUESTIONS[0]!.choices as Answers['target'][];
  for (const target of targets) {
    for (const onprem of ['yes', 'no'] as const)
      for (const cross of ['yes', 'no'] as const)
        for (const overlap of ['yes', 'no'] as const)
          for (const direction of ['one-way', 'both'] as const)
            for (const protocol of ['tcp', 'udp', 'any'] as const)
              for (const service of target === 'aws-service' ? ['s3', 'dynamodb', 'kinesis-streams', 'other'] : [undefined])
                yield { target, onprem, 'cross-region': cross, overlap, direction, protocol, ...(service && { service }) };
  }
}

describe('decide', () => {
  it('knows seven options, each with its name', () => {
    expect(OPTION_IDS).toEqual([
      'gateway-endpoint',
      'interface-endpoint',
      'endpoint-service',
      'vpc-peering',
      'transit-gateway',
      'vpc-lattice',
      'centralized-endpoints',
    ]);
    for (const id of OPTION_IDS) expect(en.optionNames[id]).toBeTruthy();
  });

  it('cites only facts that exist, words every note, and every ruled-out option and companion cites a fact', () => {
    for (const answers of someAnswers()) {
      const d = decide(answers);
      const notes = [...d.ruledOut, ...d.alsoNeeded, ...d.reasons, ...d.caveats, ...d.alternatives, ...d.nextSteps];
      const cited = [...d.ruledOut, ...d.alsoNeeded, ...d.reasons, ...d.caveats, ...d.alternatives].flatMap((n) => n.facts).concat(d.changedSince2018);
      for (const id of cited) expect(FACTS.has(id), id).toBe(true);
      for (const note of notes) expect(en.notes[note.id], note.id).toBeTruthy();
      for (const r of [...d.ruledOut, ...d.alsoNeeded]) expect(r.facts.length).toBeGreaterThan(0);
    }
  });

  it('answers every nothing-fits case with alternatives, and never ranks a ruled-out option', () => {
    for (const answers of someAnswers()) {
      const d = decide(answers);
      if (d.recommendation === null) expect(d.alternatives.length, JSON.stringify(answers)).toBeGreaterThan(0);
      else expect(d.alternatives).toEqual([]);
      expect(d.ranked.some((o) => d.ruledOut.some((r) => r.option === o))).toBe(false);
    }
  });

  it('mentions re-addressing only when the CIDRs overlap', () => {
    for (const answers of someAnswers()) {
      if (answers.overlap === 'yes') continue;
      const d = decide(answers);
      const ids = [...d.alternatives, ...d.nextSteps, ...d.caveats].map((n) => n.id);
      expect(
        ids.filter((id) => id.includes('readdress')),
        JSON.stringify(answers),
      ).toEqual([]);
    }
  });

  it('lists in "changed since 2018" only facts with a 2018 value and a change date', () => {
    for (const answers of someAnswers()) {
      for (const id of decide(answers).changedSince2018) {
        expect(FACTS.get(id)!.was2018, id).toBeDefined();
        expect(FACTS.get(id)!.changed, id).toBeDefined();
      }
    }
  });

  it('lists the PrivateLink caveats with an interface endpoint to an AWS API', () => {
    const ids = decide({ target: 'aws-service', service: 'kinesis-streams' }).caveats.map((c) => c.id);

    expect(ids).toEqual(['caveat.sg-aws-api', 'caveat.private-dns-attributes', 'caveat.one-subnet-per-az', 'caveat.cost-per-az', 'caveat.interface-quota']);
  });

  it('with incomplete answers, still recommends and says which answer would change it (and what it would need)', () => {
    const d = decide({ target: 'aws-service', service: 's3' });

    expect(d.recommendation).toBe('gateway-endpoint');
    expect(d.openQuestions).toContainEqual({
      key: 'onprem',
      changesTo: [{ value: 'yes', recommendation: 'interface-endpoint', alsoNeeded: ['gateway-endpoint'] }],
    });
  });

  it('reads the cross-region list as a closed list', () => {
    expect(situation({ target: 'aws-service', service: 'kinesis-streams', 'cross-region': 'yes' }).serviceRegionOnly).toBe(true);
    expect(situation({ target: 'aws-service', service: 'dynamodb', 'cross-region': 'yes' }).serviceRegionOnly).toBe(true);
    for (const service of CROSS_REGION_AWS_SERVICES) {
      expect(situation({ target: 'aws-service', service, 'cross-region': 'yes' }).crossRegionListed, service).toBe(true);
    }
  });
});

describe('nextQuestion', () => {
  it('starts with the target, also when other answers came first', () => {
    expect(nextQuestion({})).toBe('target');
    expect(nextQuestion({ overlap: 'yes' })).toBe('target');
  });

  it('asks only what can still change the answer', () => {
    expect(nextQuestion({ target: 'aws-service' })).toBe('service');
    expect(nextQuestion({ target: 'aws-service', service: 'kinesis-streams' })).toBe('cross-region');
    // How many VPCs use it decides between an endpoint in each and endpoints shared from one VPC.
    expect(nextQuestion({ target: 'aws-service', service: 'kinesis-streams', 'cross-region': 'no' })).toBe('vpcs');
    expect(nextQuestion({ target: 'aws-service', service: 'kinesis-streams', 'cross-region': 'no', vpcs: 2 })).toBeUndefined();
    expect(nextQuestion({ target: 'aws-service', service: 's3', onprem: 'no', 'cross-region': 'no' })).toBeUndefined();
    expect(nextQuestion({ target: 'saas', onprem: 'no', 'cross-region': 'no', direction: 'one-way', protocol: 'tcp' })).toBeUndefined();
  });

  it('asks a SaaS user who opens connections, since both ways needs an endpoint service of theirs too', () => {
    expect(nextQuestion({ target: 'saas', onprem: 'no', 'cross-region': 'no' })).toBe('direction');
  });

  it('asks about direction and protocol for your own service, since they can rule PrivateLink out', () => {
    expect(nextQuestion({ target: 'own-service' })).toBe('direction');
    expect(nextQuestion({ target: 'own-service', direction: 'one-way' })).toBe('protocol');
  });

  it('after a two-way answer, asks what decides between peering and Transit Gateway', () => {
    expect(nextQuestion({ target: 'own-service', direction: 'both' })).toBe('onprem');
  });
});
