/**
 * The doctor never over-claims: a sweep of the evaluator's inputs (sources, refused reads, routes to every kind
 * of target, security-group sources, NACL denies, DNS settings, ports) proves that no answer says
 * `reachable-privately` while a link on the path is unknown, that `cannot-tell` always names each unknown link
 * with a command that settles it, and that the text and the JSON say the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/doctor/evaluate.js';
import type { DoctorFacts, Read } from '../../src/doctor/model.js';
import type { AclEntry, GroupRules, RouteEntry, RouteTable, SecurityGroupRule } from '../../src/endpoints/ec2-api.js';
import { messagesFor } from '../../src/i18n.js';
import { doctorJson, doctorView } from '../../src/slack/views/doctor.js';
import { blockText } from '../helpers/slack.js';
import {
  ENDPOINT_SG,
  SOURCE_SG,
  SOURCE_SUBNET,
  VPC,
  allowAllAcl,
  denied,
  endpoint,
  endpointGroup,
  healthy,
  mainTable,
  ok,
  privateTable,
  sourceGroup,
} from './scenario.js';

const PEER_VPC = 'vpc-0b0b0b0b';
const PCX = 'pcx-0123456789abcdef0';
const DESTINATIONS = ['10.0.0.0/16', '10.0.1.0/24', '10.0.1.23/32', '10.0.2.0/24', '10.0.0.0/8', '0.0.0.0/0', '10.1.0.0/16', '10.0.3.10/32', '192.168.0.0/16'];
const TARGETS: RouteEntry['target'][] = [
  { kind: 'local', id: 'local' },
  { kind: 'peering', id: PCX },
  { kind: 'peering', id: 'pcx-0ffffffffffffffff' },
  { kind: 'tgw', id: 'tgw-0123456789abcdef0' },
  { kind: 'other', id: 'eni-0fffffffffffffff0' },
  { kind: 'gateway-endpoint', id: 'vpce-0gwlb000000000000' },
  { kind: 'nat', id: 'nat-0123456789abcdef0' },
  { kind: 'igw', id: 'igw-0123456789abcdef0' },
  { kind: 'vgw', id: 'vgw-0123456789abcdef0' },
];

const route: fc.Arbitrary<RouteEntry> = fc.record({
  destination: fc.constantFrom(...DESTINATIONS),
  target: fc.constantFrom(...TARGETS),
  state: fc.constantFrom('active', 'active', 'blackhole'),
});

const sgRule: fc.Arbitrary<SecurityGroupRule> = fc.record({
  protocol: fc.constantFrom('tcp', '-1', 'udp'),
  fromPort: fc.constantFrom(443, 22, 0),
  toPort: fc.constantFrom(443, 22, 65535),
  cidrs: fc.subarray(['10.0.0.0/16', '10.0.3.10/32', '10.1.0.0/16', '192.168.0.0/16', '0.0.0.0/0', '10.99.99.99/32']),
  sources: fc.subarray([SOURCE_SG, ENDPOINT_SG, 'sg-0ddddddd', 'pl-0123456789abcdef0']),
});

const aclDeny: fc.Arbitrary<AclEntry> = fc.record({
  ruleNumber: fc.integer({ min: 1, max: 200 }),
  egress: fc.boolean(),
  allow: fc.constant(false),
  protocol: fc.constantFrom('-1', '6'),
  cidr: fc.constantFrom(...DESTINATIONS),
  fromPort: fc.constantFrom(443, 1024),
  toPort: fc.constantFrom(443, 65535),
});

const sources = fc.constantFrom('instance', 'instance', 'instance', 'subnet', 'vpc', 'address', 'onprem', 'peer-subnet', 'outside-address');
/** Mostly false: a read is refused now and then, so healthy paths are swept too. */
const rarely = fc.constantFrom(false, false, false, false, false, false, true);

function read<T>(value: T, refused: boolean, action: string): Read<T> {
  return refused ? denied(action) : ok(value);
}

const inputs = fc.record({
  source: sources,
  refused: fc.record({
    routeTables: rarely,
    acls: rarely,
    enis: rarely,
    endpointSubnets: rarely,
    endpointGroups: rarely,
    sourceGroups: rarely,
    dnsSupport: rarely,
    dnsHostnames: rarely,
    service: rarely,
    vpcs: rarely,
    peerings: rarely,
    sourceVpcDns: rarely,
  }),
  sourceRoutes: fc.oneof(fc.constant<RouteEntry[]>([]), fc.array(route, { maxLength: 3 })),
  endpointRoutes: fc.oneof(fc.constant<RouteEntry[]>([]), fc.array(route, { maxLength: 3 })),
  inbound: fc.oneof(fc.constant(endpointGroup.inbound), fc.array(sgRule, { minLength: 0, maxLength: 2 })),
  outbound: fc.oneof(fc.constant(sourceGroup.outbound), fc.array(sgRule, { minLength: 0, maxLength: 2 })),
  denies: fc.oneof(
    fc.constant<{ subnet: string; entry: AclEntry }[]>([]),
    fc.array(fc.record({ subnet: fc.constantFrom<string>('subnet-0a1b2c3d', 'subnet-4e5f6a7b', SOURCE_SUBNET), entry: aclDeny }), { maxLength: 2 }),
  ),
  privateDns: fc.boolean(),
  state: fc.constantFrom('available', 'available', 'pendingAcceptance'),
  port: fc.constantFrom(443, 443, 8443),
  peered: fc.constantFrom('active', 'pending-acceptance', 'none'),
});

type Inputs = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

function factsOf(x: Inputs): DoctorFacts {
  const base = healthy();
  const r = x.refused;
  const peerSource = x.source === 'peer-subnet';
  const sourceTable: RouteTable = peerSource
    ? {
        id: 'rtb-0b0b0b0b',
        vpcId: PEER_VPC,
        main: true,
        subnetIds: ['subnet-0b0b0b0b'],
        routes: [{ destination: '10.1.0.0/16', target: { kind: 'local', id: 'local' }, state: 'active' }],
      }
    : { ...privateTable, routes: [...privateTable.routes] };
  sourceTable.routes.push(...x.sourceRoutes);
  const endpointTable: RouteTable = { ...mainTable, routes: [...mainTable.routes, ...x.endpointRoutes] };
  const acl = allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b', SOURCE_SUBNET]);
  const acls = [
    ...x.denies.map((d, i) => ({ ...acl, id: `acl-0d0d0d0${i}`, subnetIds: [d.subnet], entries: [d.entry, ...acl.entries] })),
    { ...acl, subnetIds: acl.subnetIds.filter((s) => !x.denies.some((d) => d.subnet === s)) },
    allowAllAcl('acl-0b0b0b0b', PEER_VPC, ['subnet-0b0b0b0b']),
  ];
  const subnet = (base.source as Extract<DoctorFacts['source'], { kind: 'in-vpc' }>).subnet!;
  const source: DoctorFacts['source'] = (() => {
    switch (x.source) {
      case 'instance':
        return base.source;
      case 'subnet':
        return { kind: 'in-vpc', spec: { kind: 'subnet', id: SOURCE_SUBNET }, vpcId: VPC, subnet, cidrs: [subnet.cidr!] };
      case 'vpc':
        return { kind: 'in-vpc', spec: { kind: 'vpc', id: VPC }, vpcId: VPC, cidrs: ['10.0.0.0/16'] };
      case 'address':
        return { kind: 'in-vpc', spec: { kind: 'address', cidr: '10.0.3.7/32' }, vpcId: VPC, subnet, cidrs: ['10.0.3.7/32'] };
      case 'peer-subnet':
        return {
          kind: 'in-vpc',
          spec: { kind: 'subnet', id: 'subnet-0b0b0b0b' },
          vpcId: PEER_VPC,
          subnet: { id: 'subnet-0b0b0b0b', vpcId: PEER_VPC, availabilityZone: subnet.availabilityZone, cidr: '10.1.1.0/24', ipv6Cidrs: [] },
          cidrs: ['10.1.1.0/24'],
        };
      case 'outside-address':
        return { kind: 'outside', spec: { kind: 'address', cidr: '192.168.10.0/24' }, cidr: '192.168.10.0/24' };
      default:
        return { kind: 'outside', spec: { kind: 'onprem' } };
    }
  })();
  const endpointGroups: GroupRules[] = [{ ...endpointGroup, inbound: x.inbound }];
  const sourceGroups: GroupRules[] = [{ ...sourceGroup, outbound: x.outbound }];
  return {
    ...base,
    port: x.port,
    portGiven: x.port !== 443,
    source,
    endpoint: { ...endpoint, privateDnsEnabled: x.privateDns, state: x.state },
    service: r.service ? denied('ec2:DescribeVpcEndpointServices') : base.service,
    enis: r.enis ? denied('ec2:DescribeNetworkInterfaces') : base.enis,
    endpointSubnets: r.endpointSubnets ? denied('ec2:DescribeSubnets') : base.endpointSubnets,
    endpointGroups: read(endpointGroups, r.endpointGroups, 'ec2:DescribeSecurityGroups'),
    ...(x.source === 'instance' ? { sourceGroups: read(sourceGroups, r.sourceGroups, 'ec2:DescribeSecurityGroups') } : { sourceGroups: undefined }),
    routeTables: read([sourceTable, endpointTable], r.routeTables, 'ec2:DescribeRouteTables'),
    acls: read(acls, r.acls, 'ec2:DescribeNetworkAcls'),
    endpointVpcDns: { support: read(true, r.dnsSupport, 'ec2:DescribeVpcAttribute'), hostnames: read(true, r.dnsHostnames, 'ec2:DescribeVpcAttribute') },
    vpcs: r.vpcs ? denied('ec2:DescribeVpcs') : base.vpcs,
    ...(x.source === 'vpc' && { sourceSubnets: ok([subnet]) }),
    ...(peerSource && {
      sourceVpcDnsSupport: read(true, r.sourceVpcDns, 'ec2:DescribeVpcAttribute'),
      peerings: read(
        x.peered === 'none'
          ? []
          : [{ id: PCX, status: x.peered, requester: { vpcId: PEER_VPC, cidrs: ['10.1.0.0/16'] }, accepter: { vpcId: VPC, cidrs: ['10.0.0.0/16'] } }],
        r.peerings,
        'ec2:DescribeVpcPeeringConnections',
      ),
    }),
  };
}

const ja = messagesFor('ja');
const en = messagesFor('en');

describe('doctor verdicts over a sweep of inputs', () => {
  it('the sweep reaches all four verdicts (so the properties below are not vacuous)', () => {
    const seen = new Set(fc.sample(inputs, { numRuns: 3000, seed: 23 }).map((x) => evaluate(factsOf(x)).verdict));
    expect([...seen].sort()).toEqual(['cannot-tell', 'not-reachable', 'reachable-over-internet', 'reachable-privately']);
  });

  it('never says reachable-privately while a link is unknown (or failing); cannot-tell names every unknown link with its command', () => {
    fc.assert(
      fc.property(inputs, (x) => {
        const report = evaluate(factsOf(x));
        const statuses = report.checks.map((c) => c.status);
        if (report.verdict === 'reachable-privately') expect(statuses.every((s) => s === 'pass' || s === 'warn')).toBe(true);
        if (statuses.includes('unknown')) expect(report.verdict).not.toBe('reachable-privately');
        if (report.verdict === 'cannot-tell') {
          expect(statuses).not.toContain('fail');
          expect(report.firstUnknown).toBe(report.checks.find((c) => c.status === 'unknown')!.id);
        }
        if (report.verdict === 'not-reachable') expect(statuses).toContain('fail');
        // Every unknown link comes with the one command that settles it.
        expect(report.settle.map((s) => s.id)).toEqual(report.checks.filter((c) => c.status === 'unknown').map((c) => c.id));
        for (const s of report.settle) expect(s.command).toMatch(/^(aws |nc |dig |\/privatelink doctor )/);
      }),
      { numRuns: 1500 },
    );
  });

  it('a refused read of routes, NACLs or security groups on the path never ends in reachable-privately', () => {
    fc.assert(
      fc.property(inputs, (x) => {
        const facts = factsOf(x);
        const report = evaluate(facts);
        const r = x.refused;
        const refusedOnPath =
          r.routeTables || r.acls || r.endpointGroups || (x.source === 'instance' && r.sourceGroups) || (x.privateDns && (r.dnsSupport || r.dnsHostnames));
        if (refusedOnPath) expect(report.verdict).not.toBe('reachable-privately');
      }),
      { numRuns: 800 },
    );
  });

  it('the text (English and Japanese) and the JSON say the same verdict', () => {
    fc.assert(
      fc.property(inputs, (x) => {
        const outcome = { kind: 'report' as const, report: evaluate(factsOf(x)) };
        const json = doctorJson(outcome) as { verdict: string; settle: { id: string; command: string }[] };
        expect(json.verdict).toBe(outcome.report.verdict);
        expect(json.settle).toEqual(outcome.report.settle);
        for (const msg of [en, ja]) {
          const text = blockText(doctorView(outcome, msg));
          expect(text).toContain(`*${msg.doctor.verdicts[outcome.report.verdict]}*`);
          for (const s of outcome.report.settle) if (outcome.report.verdict === 'cannot-tell') expect(text).toContain(msg.doctor.checkNames[s.id]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
