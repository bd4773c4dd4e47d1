import { describe, expect, it } from 'vitest';
import { checkCommands } from '../../src/endpoints/cli-hints.js';
import { dnsMatrix, dnsNames } from '../../src/endpoints/dns.js';
import type { Endpoint } from '../../src/endpoints/ec2.js';

const id = 'vpce-0123456789abcdef0';
const base: Endpoint = {
  id,
  type: 'Interface',
  serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
  state: 'available',
  vpcId: 'vpc-0a1b2c3d',
  subnetIds: [],
  securityGroupIds: [],
  privateDnsEnabled: true,
  dnsEntries: [
    { dnsName: `${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com` },
    { dnsName: `${id}-abc-ap-northeast-1c.kinesis.ap-northeast-1.vpce.amazonaws.com` },
    { dnsName: `${id}-abc-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com` },
    { dnsName: 'kinesis.ap-northeast-1.amazonaws.com' },
  ],
  tags: {},
};

describe('dnsNames', () => {
  it('sorts names into private, regional and zonal (by AZ)', () => {
    expect(dnsNames(base)).toEqual({
      privateDnsName: 'kinesis.ap-northeast-1.amazonaws.com',
      regional: `${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`,
      zonal: [
        { availabilityZone: 'ap-northeast-1a', name: `${id}-abc-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com` },
        { availabilityZone: 'ap-northeast-1c', name: `${id}-abc-ap-northeast-1c.kinesis.ap-northeast-1.vpce.amazonaws.com` },
      ],
    });
  });

  it('prefers the service\'s private DNS name and shows none when private DNS is off', () => {
    expect(dnsNames(base, 'kinesis.example').privateDnsName).toBe('kinesis.example');
    expect(dnsNames({ ...base, privateDnsEnabled: false }).privateDnsName).toBeUndefined();
  });

  it('understands S3\'s wildcard names', () => {
    const s3 = { ...base, dnsEntries: [{ dnsName: `*.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com` }], privateDnsEnabled: false };
    expect(dnsNames(s3).regional).toBe(`*.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com`);
  });
});

describe('dnsMatrix', () => {
  it('routes every name through the endpoint with private DNS on', () => {
    const rows = dnsMatrix(base, dnsNames(base));
    expect(rows.every((r) => r.fromPublicSubnet === 'endpoint' && r.fromPrivateSubnet === 'endpoint')).toBe(true);
  });

  it('with private DNS off, sends the default name over the internet from public subnets and fails from private ones', () => {
    const off = { ...base, privateDnsEnabled: false };
    expect(dnsMatrix(off, dnsNames(off), 'kinesis.ap-northeast-1.amazonaws.com')).toEqual([
      { name: 'kinesis.ap-northeast-1.amazonaws.com', kind: 'service-default', fromPublicSubnet: 'internet', fromPrivateSubnet: 'fails' },
      { name: `${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`, kind: 'endpoint-specific', fromPublicSubnet: 'endpoint', fromPrivateSubnet: 'endpoint' },
    ]);
  });
});

describe('checkCommands', () => {
  it('gives the article\'s Kinesis check, with and without private DNS, and dig lines', () => {
    expect(checkCommands(base.serviceName, 'ap-northeast-1', dnsNames(base))).toEqual([
      `aws kinesis list-streams --region ap-northeast-1 --endpoint-url https://${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`,
      'aws kinesis list-streams --region ap-northeast-1',
      `dig +short ${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`,
      'dig +short kinesis.ap-northeast-1.amazonaws.com',
    ]);
  });

  it('falls back to curl for an endpoint service', () => {
    const names = { regional: `${id}-abc.vpce-svc-0abc.ap-northeast-1.vpce.amazonaws.com`, zonal: [] };
    expect(checkCommands('com.amazonaws.vpce.ap-northeast-1.vpce-svc-0abc', 'ap-northeast-1', names)[0]).toMatch(/^curl -sv https:\/\/vpce-/);
  });
});
