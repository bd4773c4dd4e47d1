import { describe, expect, it } from 'vitest';
import { dnsModeOf, reach, type DnsMode, type ReachContext } from '../../src/endpoints/reach.js';

const KINESIS = 'com.amazonaws.ap-northeast-1.kinesis-streams';
const S3 = 'com.amazonaws.ap-northeast-1.s3';
const DEFAULT = 'kinesis.ap-northeast-1.amazonaws.com';
const SPECIFIC = 'vpce-0123456789abcdef0-4f8h2k1m.kinesis.ap-northeast-1.vpce.amazonaws.com';
const names = { serviceDefault: DEFAULT, endpointSpecific: [SPECIFIC] };

const inVpc: ReachContext = {
  location: 'endpoint-vpc',
  endpointVpcDns: { support: true, hostnames: true },
  clientVpcDnsSupport: true,
  internet: 'none',
  gatewayEndpoint: false,
  forwarding: 'unknown',
};

function defaultRow(service: string, mode: DnsMode, ctx: Partial<ReachContext>) {
  const rows = reach(service, mode, names, { ...inVpc, ...ctx });
  const { resolvesTo, path, private: priv, why } = rows.find((r) => r.kind === 'service-default')!;
  return { resolvesTo, path, private: priv, why };
}

function specificRow(mode: DnsMode, ctx: Partial<ReachContext>) {
  const { resolvesTo, path, private: priv } = reach(KINESIS, mode, names, { ...inVpc, ...ctx }).find((r) => r.kind === 'endpoint-specific')!;
  return { resolvesTo, path, private: priv };
}

describe('dnsModeOf', () => {
  it('derives on, off and inbound-only from PrivateDnsEnabled and PrivateDnsOnlyForInboundResolverEndpoint', () => {
    expect(dnsModeOf({ privateDnsEnabled: false })).toBe('off');
    expect(dnsModeOf({ privateDnsEnabled: false, privateDnsOnlyForInboundResolverEndpoint: true })).toBe('off');
    expect(dnsModeOf({ privateDnsEnabled: true })).toBe('on');
    expect(dnsModeOf({ privateDnsEnabled: true, privateDnsOnlyForInboundResolverEndpoint: false })).toBe('on');
    expect(dnsModeOf({ privateDnsEnabled: true, privateDnsOnlyForInboundResolverEndpoint: true })).toBe('inbound-only');
  });
});

describe("reach: clients inside the endpoint's VPC (the article's matrix)", () => {
  it('private DNS on: the default name goes through the endpoint from public and private subnets', () => {
    for (const internet of ['igw', 'nat', 'none'] as const) {
      expect(defaultRow(KINESIS, 'on', { internet })).toEqual({ resolvesTo: 'endpoint-ips', path: 'endpoint', private: true, why: 'private-dns-on' });
    }
  });

  it('private DNS off: the default name goes over the internet through an IGW or a NAT gateway, and fails with neither', () => {
    expect(defaultRow(KINESIS, 'off', { internet: 'igw' })).toEqual({ resolvesTo: 'public-ips', path: 'internet-igw', private: false, why: 'private-dns-off' });
    expect(defaultRow(KINESIS, 'off', { internet: 'nat' })).toEqual({ resolvesTo: 'public-ips', path: 'internet-nat', private: false, why: 'private-dns-off' });
    expect(defaultRow(KINESIS, 'off', { internet: 'none' })).toEqual({ resolvesTo: 'public-ips', path: 'no-route', private: false, why: 'private-dns-off' });
    expect(defaultRow(KINESIS, 'off', { internet: 'unknown' })).toMatchObject({ path: 'unknown', private: 'unknown' });
  });

  it('the endpoint-specific names go through the endpoint whatever the DNS mode', () => {
    for (const mode of ['on', 'off', 'inbound-only'] as const) {
      expect(specificRow(mode, { internet: 'none' })).toEqual({ resolvesTo: 'endpoint-ips', path: 'endpoint', private: true });
    }
  });

  it('private DNS on but a VPC DNS attribute off: the private zone is not used, the default name resolves publicly', () => {
    expect(defaultRow(KINESIS, 'on', { endpointVpcDns: { support: true, hostnames: false }, internet: 'nat' })).toEqual({
      resolvesTo: 'public-ips',
      path: 'internet-nat',
      private: false,
      why: 'vpc-dns-attributes-off',
    });
    expect(defaultRow(KINESIS, 'on', { endpointVpcDns: { support: true, hostnames: 'unknown' } })).toEqual({
      resolvesTo: 'unknown',
      path: 'unknown',
      private: 'unknown',
      why: 'vpc-dns-attributes-unknown',
    });
  });

  it("enableDnsSupport off in the client's VPC: the Amazon-provided resolver answers nothing", () => {
    expect(defaultRow(KINESIS, 'on', { clientVpcDnsSupport: false })).toMatchObject({ resolvesTo: 'nothing', why: 'client-dns-off' });
    expect(specificRow('on', { clientVpcDnsSupport: false })).toMatchObject({ resolvesTo: 'nothing' });
  });

  it('S3 inbound-only: in-VPC clients get public IPs and use the gateway endpoint, not the interface endpoint', () => {
    expect(defaultRow(S3, 'inbound-only', { gatewayEndpoint: true })).toEqual({
      resolvesTo: 'public-ips',
      path: 'gateway-endpoint',
      private: true,
      why: 'inbound-only-in-vpc',
    });
    // Without the gateway route in the client's route table, the public name follows the subnet's way out.
    expect(defaultRow(S3, 'inbound-only', { gatewayEndpoint: false, internet: 'nat' })).toMatchObject({ path: 'internet-nat', private: false });
    expect(defaultRow(S3, 'inbound-only', { gatewayEndpoint: 'unknown', internet: 'none' })).toMatchObject({ path: 'unknown', private: 'unknown' });
  });

  it('S3 private DNS off with a gateway endpoint route: the public name still stays private', () => {
    expect(defaultRow(S3, 'off', { gatewayEndpoint: true, internet: 'nat' })).toMatchObject({
      resolvesTo: 'public-ips',
      path: 'gateway-endpoint',
      private: true,
    });
  });
});

describe('reach: clients in a peered or TGW-attached VPC', () => {
  for (const location of ['peered-vpc', 'tgw-vpc'] as const) {
    it(`${location}: the default name resolves publicly unless Resolver rules or a shared zone point at the endpoint`, () => {
      expect(defaultRow(KINESIS, 'on', { location, forwarding: false, internet: 'nat' })).toEqual({
        resolvesTo: 'public-ips',
        path: 'internet-nat',
        private: false,
        why: 'remote-vpc-no-forwarding',
      });
      expect(defaultRow(KINESIS, 'on', { location, forwarding: false, internet: 'none' })).toMatchObject({ path: 'no-route' });
      expect(defaultRow(KINESIS, 'on', { location, forwarding: true })).toEqual({
        resolvesTo: 'endpoint-ips',
        path: 'endpoint',
        private: true,
        why: 'remote-vpc-forwarding',
      });
      expect(defaultRow(KINESIS, 'on', { location, forwarding: 'unknown' })).toEqual({
        resolvesTo: 'unknown',
        path: 'unknown',
        private: 'unknown',
        why: 'remote-vpc-forwarding-unknown',
      });
      expect(specificRow('on', { location })).toEqual({ resolvesTo: 'endpoint-ips', path: 'endpoint', private: true });
    });
  }

  it('private DNS off: no rule helps, the default name is public', () => {
    expect(defaultRow(KINESIS, 'off', { location: 'peered-vpc', forwarding: true, internet: 'igw' })).toMatchObject({
      resolvesTo: 'public-ips',
      path: 'internet-igw',
      why: 'private-dns-off',
    });
  });
});

describe('reach: on-premises clients', () => {
  const onprem = { location: 'onprem' as const, internet: 'unknown' as const, gatewayEndpoint: false };

  it('the default name needs a conditional forwarder to a Resolver inbound endpoint', () => {
    expect(defaultRow(KINESIS, 'on', { ...onprem, forwarding: false })).toEqual({
      resolvesTo: 'public-ips',
      path: 'internet-onprem',
      private: false,
      why: 'onprem-no-forwarder',
    });
    expect(defaultRow(KINESIS, 'on', { ...onprem, forwarding: true })).toEqual({
      resolvesTo: 'endpoint-ips',
      path: 'endpoint',
      private: true,
      why: 'onprem-forwarder',
    });
    expect(defaultRow(KINESIS, 'on', { ...onprem, forwarding: 'unknown' })).toMatchObject({ resolvesTo: 'unknown', why: 'onprem-forwarder-unknown' });
  });

  it("S3 inbound-only: exactly the Resolver inbound endpoint's queries get the interface endpoint's IPs", () => {
    expect(defaultRow(S3, 'inbound-only', { ...onprem, forwarding: true })).toMatchObject({ resolvesTo: 'endpoint-ips', path: 'endpoint', private: true });
    // A gateway endpoint cannot be used from on-premises.
    expect(defaultRow(S3, 'inbound-only', { ...onprem, forwarding: false, gatewayEndpoint: true })).toMatchObject({
      resolvesTo: 'public-ips',
      path: 'internet-onprem',
      private: false,
    });
  });

  it('endpoint-specific names resolve publicly to the private IPs and work over DX/VPN', () => {
    expect(specificRow('off', { ...onprem, clientVpcDnsSupport: false })).toEqual({ resolvesTo: 'endpoint-ips', path: 'endpoint', private: true });
  });

  it('a service with no private DNS name has only endpoint-specific rows', () => {
    expect(
      reach('com.amazonaws.vpce.ap-northeast-1.vpce-svc-0abc', 'off', { endpointSpecific: [SPECIFIC] }, { ...inVpc, ...onprem }).map((r) => r.kind),
    ).toEqual(['endpoint-specific']);
  });
});
