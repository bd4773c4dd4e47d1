import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { CreateSpec } from '../../src/commands/create-spec.js';
import { expandServiceName, preflightPassed, runPreflight } from '../../src/endpoints/preflight.js';
import { seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { REGION, errorXml, fakeEc2World, testEc2 } from '../helpers/ec2.js';

const good: CreateSpec = {
  service: 'kinesis-streams',
  vpcId: 'vpc-0a1b2c3d',
  subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
  securityGroupIds: ['sg-0a1b2c3d'],
  privateDns: true,
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
      ['permission', 'pass', 'permitted'],
    ]);
    expect(params?.serviceName).toBe(`com.amazonaws.${REGION}.kinesis-streams`);
    expect(calls.map((c) => c.action).sort()).toEqual([
      'CreateVpcEndpoint',
      'DescribeSecurityGroups',
      'DescribeSubnets',
      'DescribeVpcAttribute',
      'DescribeVpcAttribute',
      'DescribeVpcEndpointServices',
      'DescribeVpcEndpoints',
    ]);
    expect(calls.find((c) => c.action === 'CreateVpcEndpoint')!.params.DryRun).toBe('true');
  });

  it.each<[string, CreateSpec, Shape | undefined, string, string]>([
    ['an unknown service', { ...good, service: 'kinesis-stream' }, undefined, 'service', 'serviceNotFound'],
    ['a gateway-only service', { ...good, service: 's3-gw' }, (s) => void s.services.push({ name: `com.amazonaws.${REGION}.s3-gw`, types: ['Gateway'] }), 'service', 'serviceNotInterface'],
    ['an unknown subnet', { ...good, subnetIds: ['subnet-99999999'] }, undefined, 'subnets', 'subnetNotFound'],
    ['a subnet of another VPC', good, (s) => void (s.subnets[1]!.vpcId = 'vpc-0ffff000'), 'subnets', 'subnetOtherVpc'],
    ['two subnets in one AZ', { ...good, subnetIds: ['subnet-4e5f6a7b', 'subnet-8c9d0e1f'] }, undefined, 'subnets', 'subnetSameAz'],
    ['a subnet in an AZ the service lacks', good, (s) => void (s.services[0]!.azs = [`${REGION}a`]), 'subnets', 'subnetAzUnsupported'],
    ['a group without TCP 443', good, (s) => void delete s.groups[0]!.inbound443From, 'security-groups', 'groupNo443'],
    ['a group of another VPC', good, (s) => void (s.groups[0]!.vpcId = 'vpc-0ffff000'), 'security-groups', 'groupOtherVpc'],
    ['an unknown group', { ...good, securityGroupIds: ['sg-99999999'] }, undefined, 'security-groups', 'groupNotFound'],
    ['a VPC without DNS hostnames', good, (s) => void (s.vpcs['vpc-0a1b2c3d']!.dnsHostnames = false), 'private-dns', 'vpcDnsAttributes'],
    ['a service with no private DNS name', { ...good, service: 's3' }, undefined, 'private-dns', 'serviceNoPrivateDns'],
    [
      'another endpoint holding private DNS',
      good,
      (s) => void s.endpoints.push({ id: 'vpce-0aaaaaaaaaaaaaaaa', service: `com.amazonaws.${REGION}.kinesis-streams`, vpcId: 'vpc-0a1b2c3d', privateDns: true, state: 'available', describesUntilReady: 0 }),
      'private-dns',
      'privateDnsTaken',
    ],
  ])('fails %s', async (_name, spec, shape, check, code) => {
    const { byCheck, checks } = await preflight(spec, shape);

    expect(byCheck[check]).toMatchObject({ status: 'fail', code });
    expect(preflightPassed(checks)).toBe(false);
  });

  it('fails when the role may not create endpoints (DryRun answers UnauthorizedOperation)', async () => {
    const { byCheck } = await preflight(good, undefined, { CreateVpcEndpoint: () => [403, errorXml('UnauthorizedOperation', 'You are not authorized to perform this operation.')] });

    expect(byCheck.permission).toMatchObject({ status: 'fail', code: 'notPermitted', values: { action: 'ec2:CreateVpcEndpoint' } });
  });

  it('warns, without failing, about the default group, a group open to the world and an acceptance-required service', async () => {
    const noGroup = await preflight({ ...good, securityGroupIds: [] });
    const openGroup = await preflight(good, (s) => (s.groups[0]!.inbound443From = '0.0.0.0/0'));
    const partner = await preflight({ ...good, service: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', privateDns: false }, (s) =>
      s.services[3]!.azs = [`${REGION}a`, `${REGION}c`],
    );

    expect(noGroup.byCheck['security-groups']).toMatchObject({ status: 'warn', code: 'defaultSecurityGroup' });
    expect(openGroup.byCheck['security-groups']).toMatchObject({ status: 'warn', code: 'groupOpenToWorld', values: { cidrs: '0.0.0.0/0' } });
    expect(partner.byCheck.service).toMatchObject({ status: 'warn', code: 'serviceNeedsAcceptance', values: { owner: '111122223333' } });
    expect(partner.byCheck['private-dns']).toMatchObject({ status: 'warn', code: 'privateDnsOff' });
    for (const r of [noGroup, openGroup, partner]) expect(preflightPassed(r.checks)).toBe(true);
  });

  it('refuses a region outside the allowed ones before any call', async () => {
    const state = seedState();
    const calls = fakeEc2World(state);
    const result = await runPreflight({ ...good, region: 'us-east-1' }, testEc2(), { defaultRegion: REGION, allowedRegions: [REGION] });

    expect(result.checks).toEqual([{ check: 'ids', status: 'fail', code: 'regionNotAllowed', values: { region: 'us-east-1', allowed: REGION } }]);
    expect(calls).toEqual([]);
  });

  it('expands short service names with the region', () => {
    expect(expandServiceName('kinesis-streams', 'us-east-1')).toBe('com.amazonaws.us-east-1.kinesis-streams');
    expect(expandServiceName('vpce-svc-0abc', 'us-east-1')).toBe('com.amazonaws.vpce.us-east-1.vpce-svc-0abc');
    expect(expandServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-0abc', 'eu-west-1')).toBe('com.amazonaws.vpce.us-east-1.vpce-svc-0abc');
  });
});
