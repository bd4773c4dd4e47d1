import { readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { CreateSpec } from '../../src/commands/create-spec.js';
import { covers, overlaps } from '../../src/endpoints/cidr.js';
import type { NetworkAcl } from '../../src/endpoints/ec2-api.js';
import { aclVerdict, endpointParams, expandServiceName, preflightPassed, runPreflight } from '../../src/endpoints/preflight.js';
import { seedState, type EmulatorAclEntry, type EmulatorState } from '../emulator/ec2-emulator.js';
import { en } from '../../src/messages.js';
import { REGION, errorXml, fakeEc2World, testEc2 } from '../helpers/ec2.js';

const VPC = 'vpc-0a1b2c3d';
const gatewayFor = (service: string) => ({
  id: 'vpce-0gggggggggggggggg'.replace(/g/g, '6'),
  type: 'Gateway',
  service,
  vpcId: VPC,
  privateDns: false,
  state: 'available',
  describesUntilReady: 0,
});
const interfaceEndpoints = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `vpce-${(i + 1).toString(16).padStart(17, '0')}`,
    service: `com.amazonaws.${REGION}.sqs`,
    vpcId: VPC,
    privateDns: false,
    state: 'available',
    describesUntilReady: 0,
  }));

const good: CreateSpec = {
  service: 'kinesis-streams',
  vpcId: 'vpc-0a1b2c3d',
  subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
  securityGroupIds: ['sg-0a1b2c3d'],
  privateDns: 'on',
  ports: [443],
};
const policy = { defaultRegion: REGION };
type Shape = (s: EmulatorState) => void;

async function preflight(spec: CreateSpec, shape: Shape = () => undefined, faults = {}) {
  const state = seedState();
  shape(state);
  nock.cleanAll();
  const calls = fakeEc2World(state, faults);
  const result = await runPreflight(spec, testEc2(), policy);
  const byCheck = Object.fromEntries(result.checks.map((c) => [c.check, c]));
  return { ...result, byCheck, calls };
}

describe('preflight', () => {
  it('passes a good request, with every call made once and nothing created', async () => {
    const { checks, calls, params } = await preflight(good);

    expect(checks.map((c) => [c.check, c.status, c.code])).toEqual([
      ['ids', 'pass', 'idsOk'],
      ['service', 'pass', 'serviceOk'],
      ['subnets', 'pass', 'subnetsOk'],
      ['security-groups', 'pass', 'groupsOk'],
      ['private-dns', 'pass', 'privateDnsOk'],
      ['ip-type', 'pass', 'ipTypeOk'],
      ['free-ips', 'pass', 'freeIpsOk'],
      ['quota', 'pass', 'quotaOk'],
      ['availability-zones', 'pass', 'multiAz'],
      ['network-acls', 'pass', 'naclOk'],
      ['permission', 'pass', 'permitted'],
    ]);
    expect(params?.serviceName).toBe(`com.amazonaws.${REGION}.kinesis-streams`);
    expect(params?.ports).toEqual([443]);
    expect(calls.map((c) => c.action).sort()).toEqual([
      'CreateVpcEndpoint',
      'DescribeNetworkAcls',
      'DescribeSecurityGroups',
      'DescribeSubnets',
      'DescribeVpcAttribute',
      'DescribeVpcAttribute',
      'DescribeVpcEndpointServices',
      'DescribeVpcEndpoints',
      'DescribeVpcs',
    ]);
    const dryRun = calls.find((c) => c.action === 'CreateVpcEndpoint')!.params;
    expect(dryRun).toMatchObject({
      DryRun: 'true',
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: 'true',
      'TagSpecification.1.ResourceType': 'vpc-endpoint',
    });
    expect(dryRun.ClientToken).toBeUndefined();
    expect(dryRun['DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint']).toBeUndefined();
  });

  it('sends in the DryRun the tags the real create will carry', async () => {
    const state = seedState();
    fakeEc2World(state);
    await runPreflight(good, testEc2(), policy, { requestId: 'plr-0123456789', requester: 'U0ALICE' });
    const dryRun = state.log.find((c) => c.action === 'CreateVpcEndpoint')!.params;
    const tags = Object.fromEntries([1, 2, 3, 4].map((i) => [dryRun[`TagSpecification.1.Tag.${i}.Key`], dryRun[`TagSpecification.1.Tag.${i}.Value`] ?? '']));

    expect(tags).toEqual({
      Name: 'kinesis-streams (plr-0123456789)',
      'privatelink:request': 'plr-0123456789',
      'privatelink:requester': 'U0ALICE',
      'privatelink:approver': '',
    });
  });

  it.each<[string, CreateSpec, Shape | undefined, string, string]>([
    ['an unknown service', { ...good, service: 'kinesis-stream' }, undefined, 'service', 'serviceNotFound'],
    [
      'a gateway-only service',
      { ...good, service: 's3-gw' },
      (s) => void s.services.push({ name: `com.amazonaws.${REGION}.s3-gw`, types: ['Gateway'] }),
      'service',
      'serviceNotInterface',
    ],
    ['a VPC that does not exist', { ...good, vpcId: 'vpc-0fffffff' }, undefined, 'ids', 'vpcNotFound'],
    ['an unknown subnet', { ...good, subnetIds: ['subnet-99999999'] }, undefined, 'subnets', 'subnetNotFound'],
    ['a subnet of another VPC', good, (s) => void (s.subnets[1]!.vpcId = 'vpc-0ffff000'), 'subnets', 'subnetOtherVpc'],
    ['two subnets in one AZ', { ...good, subnetIds: ['subnet-4e5f6a7b', 'subnet-8c9d0e1f'] }, undefined, 'subnets', 'subnetSameAz'],
    ['a subnet in an AZ the service lacks', good, (s) => void (s.services[0]!.azs = [`${REGION}a`]), 'subnets', 'subnetAzUnsupported'],
    ['a group without TCP 443', good, (s) => void delete s.groups[0]!.inbound443From, 'security-groups', 'groupNoPort'],
    ['a group of another VPC', good, (s) => void (s.groups[0]!.vpcId = 'vpc-0ffff000'), 'security-groups', 'groupOtherVpc'],
    ['an unknown group', { ...good, securityGroupIds: ['sg-99999999'] }, undefined, 'security-groups', 'groupNotFound'],
    ['a VPC without DNS hostnames', good, (s) => void (s.vpcs[VPC]!.dnsHostnames = false), 'private-dns', 'vpcDnsAttributes'],
    ['a service with no private DNS name', { ...good, service: 'sqs' }, (s) => void delete s.services[1]!.privateDnsName, 'private-dns', 'serviceNoPrivateDns'],
    [
      'another endpoint holding private DNS',
      good,
      (s) =>
        void s.endpoints.push({
          id: 'vpce-0aaaaaaaaaaaaaaaa',
          service: `com.amazonaws.${REGION}.kinesis-streams`,
          vpcId: VPC,
          privateDns: true,
          state: 'available',
          describesUntilReady: 0,
        }),
      'private-dns',
      'privateDnsTaken',
    ],
    [
      'inbound-only DNS on S3 without a gateway endpoint',
      { ...good, service: 's3', privateDns: 'inbound-only' },
      undefined,
      'private-dns',
      'inboundOnlyNoGateway',
    ],
    ['inbound-only DNS on a service without a gateway type', { ...good, privateDns: 'inbound-only' }, undefined, 'private-dns', 'inboundOnlyNotBothTypes'],
    [
      'ip=ipv6 on IPv4-only subnets',
      { ...good, ipAddressType: 'ipv6' },
      (s) => void (s.services[0]!.ipAddressTypes = ['ipv4', 'ipv6']),
      'ip-type',
      'ipv6NeedsIpv6OnlySubnets',
    ],
    [
      'ip=dualstack on IPv4-only subnets',
      { ...good, ipAddressType: 'dualstack' },
      (s) => void (s.services[0]!.ipAddressTypes = ['ipv4', 'ipv6']),
      'ip-type',
      'dualstackNeedsDualSubnets',
    ],
    [
      'ip=dualstack to an IPv4-only service',
      { ...good, ipAddressType: 'dualstack' },
      (s) => s.subnets.forEach((sub, i) => (sub.ipv6Cidrs = [`2001:db8:0:${i}::/64`])),
      'ip-type',
      'ipTypeUnsupported',
    ],
    ['a subnet with no free address', good, (s) => void (s.subnets[1]!.freeIps = 0), 'free-ips', 'subnetFull'],
    ['listener port 8443 where the group admits only 443', { ...good, ports: [8443] }, undefined, 'security-groups', 'groupNoPort'],
    [
      'Kinesis Data Streams across regions (not on the cross-region list)',
      { ...good, serviceRegion: 'us-east-1' },
      undefined,
      'cross-region',
      'crossRegionNotListed',
    ],
    [
      'DynamoDB across regions',
      { ...good, service: 'dynamodb', privateDns: 'off', serviceRegion: 'us-east-1' },
      undefined,
      'cross-region',
      'crossRegionNotListed',
    ],
    [
      'a listed service the other region does not offer here',
      { ...good, service: 's3', privateDns: 'off', serviceRegion: 'us-east-1' },
      undefined,
      'cross-region',
      'crossRegionNotOffered',
    ],
  ])('fails %s', async (_name, spec, shape, check, code) => {
    const { byCheck, checks } = await preflight(spec, shape);

    expect(byCheck[check]).toMatchObject({ status: 'fail', code });
    expect(preflightPassed(checks)).toBe(false);
  });

  it('names the ports a group lacks and the VPC CIDR to open them to', async () => {
    const { byCheck } = await preflight(
      { ...good, ports: [443, 8443, 9000] },
      (s) => void (s.groups[0]!.rules = [{ protocol: 'tcp', from: 9000, to: 9100, cidrs: ['10.0.0.0/16'] }]),
    );

    expect(byCheck['security-groups']).toMatchObject({ status: 'fail', code: 'groupNoPort', values: { ports: '8443', cidrs: '10.0.0.0/16' } });
  });

  it('fails when the role may not create endpoints (DryRun answers UnauthorizedOperation)', async () => {
    const { byCheck } = await preflight(good, undefined, {
      CreateVpcEndpoint: () => [403, errorXml('UnauthorizedOperation', 'You are not authorized to perform this operation.')],
    });

    expect(byCheck.permission).toMatchObject({ status: 'fail', code: 'notPermitted', values: { action: 'ec2:CreateVpcEndpoint' } });
  });

  it("names VPC sharing, not IAM, when a participant's DryRun is refused for a shared VPC", async () => {
    const { byCheck } = await preflight(good, undefined, {
      CreateVpcEndpoint: () => [403, errorXml('UnauthorizedOperation', 'This operation does not support shared VPCs.')],
    });

    expect(byCheck.permission).toMatchObject({
      status: 'fail',
      code: 'sharedVpcParticipant',
      values: { vpc: good.vpcId, subnets: good.subnetIds.join(', ') },
    });
    const words = en.preflight.findings.sharedVpcParticipant(byCheck.permission!.values);
    expect(words.text).toContain('does not support shared VPCs');
    expect(words.text).not.toContain('IAM policy');
  });

  it('warns, without failing, about the default group, a group open to the world and an acceptance-required service', async () => {
    const noGroup = await preflight({ ...good, securityGroupIds: [] });
    const openGroup = await preflight(good, (s) => (s.groups[0]!.inbound443From = '0.0.0.0/0'));
    const partner = await preflight(
      { ...good, service: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', privateDns: 'off' },
      (s) => (s.services[3]!.azs = [`${REGION}a`, `${REGION}c`]),
    );

    expect(noGroup.byCheck['security-groups']).toMatchObject({ status: 'warn', code: 'defaultSecurityGroup' });
    expect(openGroup.byCheck['security-groups']).toMatchObject({ status: 'warn', code: 'groupOpenToWorld', values: { cidrs: '0.0.0.0/0' } });
    expect(partner.byCheck.service).toMatchObject({ status: 'warn', code: 'serviceNeedsAcceptance', values: { owner: '111122223333' } });
    expect(partner.byCheck['private-dns']).toMatchObject({ status: 'warn', code: 'privateDnsOff' });
    for (const r of [noGroup, openGroup, partner]) expect(preflightPassed(r.checks)).toBe(true);
  });

  describe('security groups against the VPC CIDRs', () => {
    it('warns (not fails) on a rule admitting only 10.99.99.99/32, outside the VPC, and on one address inside it', async () => {
      const outside = await preflight(good, (s) => void (s.groups[0]!.inbound443From = '10.99.99.99/32'));
      expect(outside.byCheck['security-groups']).toMatchObject({
        status: 'warn',
        code: 'groupOutsideSources',
        values: { port: '443', allowed: '10.99.99.99/32', cidrs: '10.0.0.0/16' },
      });
      expect(preflightPassed(outside.checks)).toBe(true);

      const inside = await preflight(good, (s) => void (s.groups[0]!.inbound443From = '10.0.5.5/32'));
      expect(inside.byCheck['security-groups']).toMatchObject({
        status: 'warn',
        code: 'groupPartialCoverage',
        values: { port: '443', allowed: '10.0.5.5/32', uncovered: '10.0.0.0/16' },
      });
    });

    it("warns when the rules cover one of the VPC's two CIDRs only", async () => {
      const { byCheck } = await preflight(good, (s) => void (s.vpcs[VPC]!.cidrs = ['10.0.0.0/16', '100.64.0.0/16']));

      expect(byCheck['security-groups']).toMatchObject({ status: 'warn', code: 'groupPartialCoverage', values: { uncovered: '100.64.0.0/16' } });
    });

    it('lets a hub endpoint that admits only its spokes through to approval, naming the spoke CIDRs', async () => {
      const hub = await preflight(good, (s) => {
        delete s.groups[0]!.inbound443From;
        s.groups[0]!.rules = [
          { protocol: 'tcp', from: 443, to: 443, cidrs: ['10.1.0.0/16', '10.2.0.0/16'] },
          { protocol: 'tcp', from: 443, to: 443, cidrs: ['10.1.0.0/16'] },
        ];
      });
      expect(hub.byCheck['security-groups']).toMatchObject({
        status: 'warn',
        code: 'groupOutsideSources',
        values: { port: '443', allowed: '10.1.0.0/16, 10.2.0.0/16', cidrs: '10.0.0.0/16' },
      });
      expect(preflightPassed(hub.checks)).toBe(true);
      expect(en.preflight.findings.groupOutsideSources(hub.byCheck['security-groups']!.values).text).toContain('10.1.0.0/16, 10.2.0.0/16');
    });

    it('passes rules that cover the VPC together, and protocol -1 for any port', async () => {
      const halves = await preflight(good, (s) => {
        delete s.groups[0]!.inbound443From;
        s.groups[0]!.rules = [
          { protocol: 'tcp', from: 443, to: 443, cidrs: ['10.0.0.0/17'] },
          { protocol: 'tcp', from: 400, to: 500, cidrs: ['10.0.128.0/17'] },
        ];
      });
      const all = await preflight({ ...good, ports: [8443, 50051] }, (s) => void (s.groups[0]!.rules = [{ protocol: '-1', cidrs: ['10.0.0.0/8'] }]));

      expect(halves.byCheck['security-groups']).toMatchObject({ status: 'pass', code: 'groupsOk' });
      expect(all.byCheck['security-groups']).toMatchObject({ status: 'pass', code: 'groupsOk', values: { ports: '8443, 50051' } });
    });

    it('does not count a UDP rule for a TCP port', async () => {
      const { byCheck } = await preflight(
        { ...good, ports: [53] },
        (s) => void (s.groups[0]!.rules = [{ protocol: 'udp', from: 53, to: 53, cidrs: ['10.0.0.0/16'] }]),
      );

      expect(byCheck['security-groups']).toMatchObject({ status: 'fail', code: 'groupNoPort', values: { ports: '53' } });
    });
  });

  describe('private DNS for S3 and DynamoDB', () => {
    it('on: sends PrivateDnsOnlyForInboundResolverEndpoint=false, so no gateway endpoint is needed', async () => {
      const { byCheck, calls, checks } = await preflight({ ...good, service: 's3' });

      expect(byCheck['private-dns']).toMatchObject({ status: 'pass', code: 'privateDnsAllResolvers' });
      expect(calls.find((c) => c.action === 'CreateVpcEndpoint')!.params).toMatchObject({
        PrivateDnsEnabled: 'true',
        'DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint': 'false',
      });
      expect(preflightPassed(checks)).toBe(true);
    });

    it("inbound-only: passes with the VPC's gateway endpoint, and the DryRun asks for it", async () => {
      const s3 = `com.amazonaws.${REGION}.s3`;
      const { byCheck, calls, checks } = await preflight({ ...good, service: 's3', privateDns: 'inbound-only' }, (s) => void s.endpoints.push(gatewayFor(s3)));

      expect(byCheck['private-dns']).toMatchObject({ status: 'pass', code: 'privateDnsInboundOnly', values: { gateway: gatewayFor(s3).id } });
      expect(calls.find((c) => c.action === 'CreateVpcEndpoint')!.params).toMatchObject({ 'DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint': 'true' });
      expect(preflightPassed(checks)).toBe(true);
    });

    it('off: sends no inbound-only flag at all', async () => {
      const { calls } = await preflight({ ...good, service: 's3', privateDns: 'off' });

      const dryRun = calls.find((c) => c.action === 'CreateVpcEndpoint')!.params;
      expect(dryRun.PrivateDnsEnabled).toBe('false');
      expect(dryRun['DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint']).toBeUndefined();
    });
  });

  it('passes ip=ipv6 on IPv6-only subnets to a service that supports IPv6', async () => {
    const { byCheck, calls } = await preflight({ ...good, ipAddressType: 'ipv6' }, (s) => {
      s.services[0]!.ipAddressTypes = ['ipv4', 'ipv6'];
      s.vpcs[VPC]!.ipv6Cidrs = ['2001:db8::/56'];
      s.groups[0]!.rules = [{ protocol: 'tcp', from: 443, to: 443, cidrs: ['2001:db8::/56'] }];
      s.subnets.forEach((sub, i) => Object.assign(sub, { ipv6Only: true, ipv6Cidrs: [`2001:db8:0:${i}::/64`] }));
    });

    expect(byCheck['ip-type']).toMatchObject({ status: 'pass', code: 'ipTypeOk', values: { type: 'ipv6' } });
    expect(byCheck['security-groups']).toMatchObject({ status: 'pass', values: { sources: '2001:db8::/56' } });
    expect(byCheck.permission).toMatchObject({ status: 'pass' });
    expect(calls.find((c) => c.action === 'CreateVpcEndpoint')!.params).toMatchObject({ IpAddressType: 'ipv6', 'DnsOptions.DnsRecordIpType': 'ipv6' });
  });

  it('warns on a single AZ and on a VPC at the default interface-endpoint quota, without failing', async () => {
    const single = await preflight({ ...good, subnetIds: ['subnet-0a1b2c3d'] });
    const full = await preflight(good, (s) => void s.endpoints.push(...interfaceEndpoints(50)));
    const gatewaysDoNotCount = await preflight(good, (s) => void s.endpoints.push(...interfaceEndpoints(49), gatewayFor(`com.amazonaws.${REGION}.s3`)));

    expect(single.byCheck['availability-zones']).toMatchObject({ status: 'warn', code: 'singleAz', values: { az: `${REGION}a` } });
    expect(full.byCheck.quota).toMatchObject({ status: 'warn', code: 'quotaReached', values: { count: '50', quota: '50' } });
    expect(gatewaysDoNotCount.byCheck.quota).toMatchObject({ status: 'pass', code: 'quotaOk', values: { count: '49' } });
    for (const r of [single, full]) expect(preflightPassed(r.checks)).toBe(true);
  });

  describe('network ACLs of the endpoint subnets', () => {
    const acl =
      (entries: EmulatorAclEntry[]): Shape =>
      (s) =>
        void (s.networkAcls = [{ id: 'acl-0a1b2c3d', vpcId: VPC, subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], entries }]);
    const returnTraffic: EmulatorAclEntry = { rule: 100, egress: true, protocol: '6', allow: true, cidr: '10.0.0.0/16', from: 1024, to: 65535 };

    it('warns when the inbound rules do not admit a listener port', async () => {
      const { byCheck, checks } = await preflight({ ...good, ports: [443, 8443] }, (s) => {
        acl([{ rule: 100, egress: false, protocol: '6', allow: true, cidr: '10.0.0.0/16', from: 443, to: 443 }, returnTraffic])(s);
        s.groups[0]!.rules = [{ protocol: 'tcp', from: 8443, to: 8443, cidrs: ['10.0.0.0/16'] }];
      });

      expect(byCheck['network-acls']).toMatchObject({
        status: 'warn',
        code: 'naclBlocksInbound',
        values: { acl: 'acl-0a1b2c3d', ports: '8443', cidr: '10.0.0.0/16' },
      });
      expect(preflightPassed(checks)).toBe(true);
    });

    it('warns when an earlier deny takes part of the VPC', async () => {
      const { byCheck } = await preflight(
        good,
        acl([
          { rule: 50, egress: false, protocol: '-1', allow: false, cidr: '10.0.5.0/24' },
          { rule: 100, egress: false, protocol: '6', allow: true, cidr: '10.0.0.0/16', from: 443, to: 443 },
          returnTraffic,
        ]),
      );

      expect(byCheck['network-acls']).toMatchObject({ status: 'warn', code: 'naclBlocksInbound' });
    });

    it("warns when the replies to the clients' ephemeral ports cannot leave", async () => {
      const { byCheck } = await preflight(
        good,
        acl([
          { rule: 100, egress: false, protocol: '6', allow: true, cidr: '10.0.0.0/16', from: 443, to: 443 },
          { ...returnTraffic, from: 32768, to: 60999 },
        ]),
      );

      expect(byCheck['network-acls']).toMatchObject({ status: 'warn', code: 'naclBlocksReturn', values: { from: '1024', to: '65535' } });
    });

    it('passes specific rules that admit the ports and the replies', async () => {
      const { byCheck } = await preflight(
        good,
        acl([{ rule: 100, egress: false, protocol: '6', allow: true, cidr: '10.0.0.0/8', from: 0, to: 1000 }, returnTraffic]),
      );

      expect(byCheck['network-acls']).toMatchObject({ status: 'pass', code: 'naclOk' });
    });

    it('warns, without failing, when the ACLs cannot be read', async () => {
      const { byCheck, checks } = await preflight(good, undefined, {
        DescribeNetworkAcls: () => [403, errorXml('UnauthorizedOperation', 'You are not authorized to perform this operation.')],
      });

      expect(byCheck['network-acls']).toMatchObject({ status: 'warn', code: 'naclUnchecked', values: { code: 'UnauthorizedOperation' } });
      expect(preflightPassed(checks)).toBe(true);
    });
  });

  it('passes a cross-region endpoint to a listed service the other region offers here, sending ServiceRegion', async () => {
    const name = 'com.amazonaws.us-east-1.s3';
    const { byCheck, calls, params, checks } = await preflight(
      { ...good, service: 's3', privateDns: 'off', serviceRegion: 'us-east-1' },
      (s) => void s.services.push({ name, types: ['Interface'], serviceRegion: 'us-east-1', azs: ['use1-az1'] }),
    );

    expect(params).toMatchObject({ serviceName: name, serviceRegion: 'us-east-1' });
    expect(byCheck['cross-region']).toMatchObject({ status: 'pass', code: 'crossRegionOk' });
    expect(byCheck.subnets).toMatchObject({ status: 'pass' });
    expect(calls.find((c) => c.action === 'DescribeVpcEndpointServices')!.params).toMatchObject({ 'ServiceName.1': name, 'ServiceRegion.1': 'us-east-1' });
    expect(calls.find((c) => c.action === 'CreateVpcEndpoint')!.params).toMatchObject({ ServiceRegion: 'us-east-1', ServiceName: name });
    expect(preflightPassed(checks)).toBe(true);
  });

  it('refuses a region outside the allowed ones before any call', async () => {
    const state = seedState();
    const calls = fakeEc2World(state);
    const result = await runPreflight({ ...good, region: 'us-east-1' }, testEc2(), { defaultRegion: REGION, allowedRegions: [REGION] });

    expect(result.checks).toEqual([{ check: 'ids', status: 'fail', code: 'regionNotAllowed', values: { region: 'us-east-1', allowed: REGION } }]);
    expect(calls).toEqual([]);
  });

  it('expands short service names with the region, global ones without, cross-region ones with the service region', () => {
    expect(expandServiceName('kinesis-streams', 'us-east-1')).toBe('com.amazonaws.us-east-1.kinesis-streams');
    expect(expandServiceName('vpce-svc-0abc', 'us-east-1')).toBe('com.amazonaws.vpce.us-east-1.vpce-svc-0abc');
    expect(expandServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-0abc', 'eu-west-1')).toBe('com.amazonaws.vpce.us-east-1.vpce-svc-0abc');
    expect(expandServiceName('iam', 'eu-west-1')).toBe('com.amazonaws.iam');
    expect(expandServiceName('route53', 'eu-west-1')).toBe('com.amazonaws.route53');
    expect(expandServiceName('s3', 'eu-west-1', 'us-east-1')).toBe('com.amazonaws.us-east-1.s3');
    expect(expandServiceName('vpce-svc-0abc', 'eu-west-1', 'us-east-1')).toBe('com.amazonaws.vpce.us-east-1.vpce-svc-0abc');
  });

  it("drops a service region that is the endpoint's own region", () => {
    const params = endpointParams({ ...good, serviceRegion: REGION }, REGION);
    expect(params.serviceRegion).toBeUndefined();
    expect(params.serviceName).toBe(`com.amazonaws.${REGION}.kinesis-streams`);
  });
});

describe('CIDR coverage', () => {
  it.each<[string[], string, boolean]>([
    [['10.0.0.0/16'], '10.0.0.0/16', true],
    [['10.0.0.0/8'], '10.0.0.0/16', true],
    [['10.99.99.99/32'], '10.0.0.0/16', false],
    [['10.0.0.0/17'], '10.0.0.0/16', false],
    [['10.0.0.0/17', '10.0.128.0/17'], '10.0.0.0/16', true],
    [['10.0.128.0/17', '10.0.0.0/18', '10.0.64.0/18'], '10.0.0.0/16', true],
    [['0.0.0.0/0'], '100.64.0.0/16', true],
    [['::/0'], '10.0.0.0/16', false],
    [['2001:db8::/48'], '2001:db8:0:ff00::/56', true],
    [['2001:db8::/64'], '2001:db8::/56', false],
    [['not-a-cidr'], '10.0.0.0/16', false],
  ])('%j covers %s: %s', (cidrs, target, expected) => {
    expect(covers(cidrs, target)).toBe(expected);
  });

  it('tells overlapping blocks of one family apart', () => {
    expect(overlaps('10.0.5.0/24', '10.0.0.0/16')).toBe(true);
    expect(overlaps('10.1.0.0/16', '10.0.0.0/16')).toBe(false);
    expect(overlaps('::/0', '10.0.0.0/16')).toBe(false);
  });
});

describe('network ACL verdicts', () => {
  const acl = (entries: NetworkAcl['entries']): NetworkAcl => ({ id: 'acl-1', vpcId: VPC, subnetIds: [], entries });

  it('lets the lowest-numbered rule that applies decide, and denies by default', () => {
    const rules = acl([
      { ruleNumber: 200, egress: false, protocol: '-1', allow: true, cidr: '0.0.0.0/0' },
      { ruleNumber: 100, egress: false, protocol: '6', allow: false, cidr: '10.0.0.0/16', fromPort: 443, toPort: 443 },
    ]);

    expect(aclVerdict(rules, false, '10.0.0.0/16', 443, 443)).toBe('deny');
    expect(aclVerdict(rules, false, '10.0.0.0/16', 8443, 8443)).toBe('allow');
    expect(aclVerdict(rules, true, '10.0.0.0/16', 1024, 65535)).toBe('deny');
  });

  it('calls a deny of part of the clients partial, and ignores UDP rules for TCP', () => {
    const rules = acl([
      { ruleNumber: 90, egress: false, protocol: '17', allow: false, cidr: '0.0.0.0/0', fromPort: 443, toPort: 443 },
      { ruleNumber: 100, egress: false, protocol: '6', allow: false, cidr: '10.0.7.0/24', fromPort: 0, toPort: 65535 },
      { ruleNumber: 110, egress: false, protocol: '6', allow: true, cidr: '10.0.0.0/16', fromPort: 443, toPort: 443 },
    ]);

    expect(aclVerdict(rules, false, '10.0.0.0/16', 443, 443)).toBe('partial');
    expect(aclVerdict(rules, false, '10.0.8.0/24', 443, 443)).toBe('allow');
  });
});

describe('preflight messages', () => {
  const source = readFileSync('src/endpoints/preflight.ts', 'utf8');
  const emitted = [...source.matchAll(/check\('[a-z-]+', '(pass|warn|fail)', '(\w+)'/g)].map((m) => ({ status: m[1]!, code: m[2]! }));
  // Informational warnings and EC2's own error (explained by the EC2 catalog) carry no separate fix.
  const noFixNeeded = new Set(['serviceNeedsAcceptance', 'privateDnsOff', 'quotaUnchecked', 'naclUnchecked', 'ec2Error']);
  const anyValue = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `<${key}>` : undefined) }) as Record<string, string>;

  it('finds every check the preflight can emit', () => {
    expect(emitted.length).toBeGreaterThan(40);
  });

  const findings: Readonly<Record<string, ((v: Record<string, string>) => { text: string; fix?: string }) | undefined>> = en.preflight.findings;
  const checkNames: Readonly<Record<string, string | undefined>> = en.preflight.checkNames;

  it.each(emitted.map((e) => [e.code, e.status]))('%s (%s) has words, and a fix when it warns or fails', (code, status) => {
    const finding = findings[code]?.(anyValue);

    expect(finding?.text).toBeTruthy();
    expect(`${finding?.text} ${finding?.fix ?? ''}`).not.toContain('undefined');
    if (status !== 'pass' && !noFixNeeded.has(code)) expect(finding?.fix).toBeTruthy();
  });

  it('names every check', () => {
    const names = [...source.matchAll(/check\('([a-z-]+)', '(?:pass|warn|fail)'/g)].map((m) => m[1]!);
    for (const name of new Set(names)) expect(checkNames[name]).toBeTruthy();
  });
});
