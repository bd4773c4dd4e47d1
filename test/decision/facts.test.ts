import { describe, expect, it } from 'vitest';
import { CROSS_REGION_AWS_SERVICES, FACTS, FACTS_AS_OF, GLOBAL_SERVICE_NAMES } from '../../src/decision/facts.js';

describe('facts', () => {
  it("gives every fact a source link and today's value", () => {
    for (const fact of FACTS.values()) {
      expect(fact.source, fact.id).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      expect(fact.today.length, fact.id).toBeGreaterThan(10);
    }
  });

  it('dates every change, never after the facts date', () => {
    for (const fact of FACTS.values()) {
      if (fact.changed === undefined) continue;
      expect(fact.changed, fact.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(fact.changed <= FACTS_AS_OF, fact.id).toBe(true);
    }
  });
});

describe('service lists', () => {
  it('holds the closed cross-region list of AWS services: not Kinesis Data Streams, not DynamoDB', () => {
    expect([...CROSS_REGION_AWS_SERVICES].sort()).toEqual(
      [
        'ecr.api',
        'ecr.dkr',
        'ecs',
        'iam',
        'kinesis-firehose',
        'kinesisanalytics',
        'kinesisanalytics-fips',
        'kms',
        'kms-fips',
        'lambda',
        'route53',
        's3',
      ].sort(),
    );
    expect(CROSS_REGION_AWS_SERVICES.has('kinesis-streams')).toBe(false);
    expect(CROSS_REGION_AWS_SERVICES.has('dynamodb')).toBe(false);
  });

  it('names global services without a region', () => {
    expect(Object.fromEntries(GLOBAL_SERVICE_NAMES)).toEqual({ iam: 'com.amazonaws.iam', route53: 'com.amazonaws.route53' });
  });

  it('says UDP is carried by endpoint services and ICMP is not', () => {
    expect(FACTS.get('privatelink.protocols')!.today).toMatch(/UDP/);
    expect(FACTS.get('privatelink.protocols')!.today).toMatch(/ICMP .*not carried/);
    expect(FACTS.has('interface.tcp-only')).toBe(false);
  });
});
