import { describe, expect, it } from 'vitest';
import { smokeTestCommands } from '../../src/endpoints/smoke-tests.js';
import { dnsNames, routingRows } from '../../src/endpoints/dns.js';
import type { Endpoint } from '../../src/endpoints/ec2-api.js';

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

  it("prefers the service's private DNS name and shows none when private DNS is off", () => {
    expect(dnsNames(base, 'kinesis.example').privateDnsName).toBe('kinesis.example');
    expect(dnsNames({ ...base, privateDnsEnabled: false }).privateDnsName).toBeUndefined();
  });

  it("understands S3's wildcard names", () => {
    const s3 = { ...base, dnsEntries: [{ dnsName: `*.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com` }], privateDnsEnabled: false };
    expect(dnsNames(s3).regional).toBe(`*.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com`);
  });
});

describe('routingRows', () => {
  const allOn = { vpcDns: { support: true, hostnames: true }, gatewayEndpoint: false } as const;

  it('private DNS on: every name goes through the endpoint from every kind of subnet in the VPC', () => {
    const [serviceDefault, specific] = routingRows(base, dnsNames(base), allOn);
    expect(serviceDefault!.inVpc).toHaveLength(1);
    expect(serviceDefault!.inVpc[0]).toMatchObject({ variants: ['igw', 'nat', 'none'], reach: { resolvesTo: 'endpoint-ips', path: 'endpoint' } });
    expect(specific!.inVpc[0]!.reach).toMatchObject({ resolvesTo: 'endpoint-ips', path: 'endpoint' });
  });

  it('private DNS off: the default name goes over the IGW, through the NAT gateway, or times out without either (not just "fails")', () => {
    const off = { ...base, privateDnsEnabled: false };
    const [serviceDefault] = routingRows(off, dnsNames(off), allOn, 'kinesis.ap-northeast-1.amazonaws.com');
    expect(serviceDefault!.name).toBe('kinesis.ap-northeast-1.amazonaws.com');
    expect(serviceDefault!.inVpc.map((v) => [v.variants, v.reach.path])).toEqual([
      [['igw'], 'internet-igw'],
      [['nat'], 'internet-nat'],
      [['none'], 'no-route'],
    ]);
  });

  it('peered/TGW VPCs and on-premises: the default name depends on Resolver set-up the bot cannot see; endpoint-specific names work', () => {
    const [serviceDefault, specific] = routingRows(base, dnsNames(base), allOn);
    expect(serviceDefault!.remoteVpc).toMatchObject({ resolvesTo: 'unknown', why: 'remote-vpc-forwarding-unknown' });
    expect(serviceDefault!.onprem).toMatchObject({ resolvesTo: 'unknown', why: 'onprem-forwarder-unknown' });
    expect(specific!.remoteVpc).toMatchObject({ resolvesTo: 'endpoint-ips', path: 'endpoint' });
    expect(specific!.onprem).toMatchObject({ resolvesTo: 'endpoint-ips', path: 'endpoint' });
  });

  it('S3 inbound-only: in-VPC clients use the gateway endpoint, not the interface endpoint', () => {
    const s3: Endpoint = {
      ...base,
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      privateDnsOnlyForInboundResolverEndpoint: true,
      dnsEntries: [{ dnsName: `*.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com` }, { dnsName: '*.s3.ap-northeast-1.amazonaws.com' }],
    };
    const [serviceDefault] = routingRows(s3, dnsNames(s3), { ...allOn, gatewayEndpoint: true });
    expect(serviceDefault!.name).toBe('s3.ap-northeast-1.amazonaws.com');
    expect(serviceDefault!.inVpc).toEqual([
      { variants: ['igw', 'nat', 'none'], reach: expect.objectContaining({ resolvesTo: 'public-ips', path: 'gateway-endpoint', why: 'inbound-only-in-vpc' }) },
    ]);
  });
});

describe('smokeTestCommands', () => {
  it("gives the article's Kinesis check, with and without private DNS, and dig lines", () => {
    expect(smokeTestCommands(base.serviceName, 'ap-northeast-1', dnsNames(base))).toEqual([
      `aws kinesis list-streams --region ap-northeast-1 --endpoint-url https://${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`,
      'aws kinesis list-streams --region ap-northeast-1',
      `dig +short ${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`,
      'dig +short kinesis.ap-northeast-1.amazonaws.com',
    ]);
  });

  it('falls back to curl for an endpoint service', () => {
    const names = { regional: `${id}-abc.vpce-svc-0abc.ap-northeast-1.vpce.amazonaws.com`, zonal: [] };
    expect(smokeTestCommands('com.amazonaws.vpce.ap-northeast-1.vpce-svc-0abc', 'ap-northeast-1', names)[0]).toMatch(/^curl -sv https:\/\/vpce-/);
  });

  it('S3: addresses bucket. and control. under the wildcard endpoint-specific name', () => {
    const names = { regional: `*.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com`, zonal: [] };
    expect(smokeTestCommands('com.amazonaws.ap-northeast-1.s3', 'ap-northeast-1', names)).toEqual([
      `aws s3 ls --region ap-northeast-1 --endpoint-url https://bucket.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com`,
      `aws s3control list-access-points --account-id <account-id> --region ap-northeast-1 --endpoint-url https://control.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com`,
      `dig +short bucket.${id}-xyz.s3.ap-northeast-1.vpce.amazonaws.com`,
    ]);
  });

  it("cross-region: signs with the service's region, not the endpoint's", () => {
    const names = { regional: `*.${id}-xyz.s3.us-east-1.vpce.amazonaws.com`, zonal: [] };
    expect(smokeTestCommands('com.amazonaws.us-east-1.s3', 'ap-northeast-1', names)[0]).toContain('--region us-east-1 ');
    const svc = { regional: `${id}-abc.vpce-svc-0abc.ap-northeast-1.vpce.amazonaws.com`, zonal: [] };
    expect(smokeTestCommands('com.amazonaws.vpce.us-west-2.vpce-svc-0abc', 'ap-northeast-1', svc, 'us-west-2')[0]).toMatch(/^curl/);
    const kinesisNames = dnsNames(base);
    expect(smokeTestCommands('com.amazonaws.eu-west-1.kinesis-streams', 'ap-northeast-1', kinesisNames)).toContain(
      'aws kinesis list-streams --region eu-west-1',
    );
  });
});
