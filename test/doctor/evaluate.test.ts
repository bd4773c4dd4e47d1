import { describe, expect, it } from 'vitest';
import { aclDecision, evaluate } from '../../src/doctor/evaluate.js';
import type { DoctorFacts } from '../../src/doctor/model.js';
import type { RouteTable, SubnetDetail, TgwRoute } from '../../src/endpoints/ec2-api.js';
import { DOCTOR_PLACEHOLDERS, type DoctorPlaceholder } from '../../src/doctor/model.js';
import { messagesFor } from '../../src/i18n.js';
import { checkText, doctorView, localCommand } from '../../src/slack/views/doctor.js';
import {
  ENDPOINT_ID,
  ENDPOINT_SG,
  REGION,
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
} from './scenario.js';

const checkOf = (facts: DoctorFacts, id: string) => evaluate(facts).checks.find((c) => c.id === id)!;
const withNat = (facts: DoctorFacts): DoctorFacts => ({
  ...facts,
  routeTables: ok([
    { ...privateTable, routes: [...privateTable.routes, { destination: '0.0.0.0/0', target: { kind: 'nat', id: 'nat-0123456789abcdef0' }, state: 'active' }] },
    mainTable,
  ]),
});

describe('doctor evaluator', () => {
  it('a healthy path: reachable privately, every link passes, in a stable order', () => {
    const report = evaluate(healthy());

    expect(report.verdict).toBe('reachable-privately');
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['endpoint-state', 'pass'],
      ['endpoint-az', 'pass'],
      ['port', 'pass'],
      ['routing', 'pass'],
      ['nacl-source', 'pass'],
      ['nacl-endpoint', 'pass'],
      ['sg-endpoint', 'pass'],
      ['sg-source', 'pass'],
      ['dns-attributes', 'pass'],
      ['dns', 'pass'],
    ]);
    expect(report.names[0]).toMatchObject({ name: `kinesis.${REGION}.amazonaws.com`, resolvesTo: 'endpoint-ips', path: 'endpoint' });
  });

  it("the endpoint's security group without the port: not reachable, the SG named, the exact ingress rule to add", () => {
    const facts = {
      ...healthy(),
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 80, toPort: 80, cidrs: ['10.0.0.0/16'], sources: [] }] }]),
    };

    const report = evaluate(facts);

    expect(report.verdict).toBe('not-reachable');
    expect(report.firstFailing).toBe('sg-endpoint');
    expect(report.fix).toBe(
      `aws ec2 authorize-security-group-ingress --group-id ${ENDPOINT_SG} --protocol tcp --port 443 --cidr 10.0.3.10/32 --region ${REGION}`,
    );
    expect(checkText(report.checks.find((c) => c.id === 'sg-endpoint')!).text).toBe(
      `The endpoint's security groups (${ENDPOINT_SG}) do not admit TCP 443 from \`10.0.3.10/32\`: the call times out.`,
    );
  });

  it("an SG that admits the instance's security group passes; one admitting another CIDR does not", () => {
    const bySg = {
      ...healthy(),
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], sources: ['sg-0c0c0c0c'] }] }]),
    };
    expect(checkOf(bySg, 'sg-endpoint').status).toBe('pass');
    const other = {
      ...healthy(),
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.99.99.99/32'], sources: [] }] }]),
    };
    expect(checkOf(other, 'sg-endpoint').status).toBe('fail');
  });

  it("the instance's own SG without egress on the port fails the source SG link", () => {
    const facts = {
      ...healthy(),
      sourceGroups: ok([
        {
          id: 'sg-0c0c0c0c',
          vpcId: VPC,
          name: 'app',
          inbound: [],
          outbound: [{ protocol: 'tcp', fromPort: 80, toPort: 80, cidrs: ['0.0.0.0/0'], sources: [] }],
        },
      ]),
    };
    const report = evaluate(facts);
    expect(report.firstFailing).toBe('sg-source');
    expect(report.fix).toContain('aws ec2 authorize-security-group-egress --group-id sg-0c0c0c0c --protocol tcp --port 443');
  });

  it('a NACL deny on the source subnet: not reachable, the rule named, an allow rule numbered below it', () => {
    const acl = allowAllAcl('acl-0c0c0c0c', VPC, [SOURCE_SUBNET]);
    acl.entries.push({ ruleNumber: 90, egress: true, allow: false, protocol: '6', cidr: '10.0.0.0/16', fromPort: 443, toPort: 443 });
    const facts = { ...healthy(), acls: ok([allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']), acl]) };

    const report = evaluate(facts);

    expect(report.verdict).toBe('not-reachable');
    expect(report.firstFailing).toBe('nacl-source');
    expect(report.checks.find((c) => c.id === 'nacl-source')).toMatchObject({
      finding: 'nacl.deny',
      values: { acl: 'acl-0c0c0c0c', rule: '90', direction: 'out', port: '443' },
    });
    expect(report.fix).toMatch(
      /^aws ec2 create-network-acl-entry --network-acl-id acl-0c0c0c0c --egress --rule-number 89 --protocol tcp --port-range From=443,To=443 --cidr-block 10\.0\.1\.23\/32/,
    );
  });

  it("an endpoint subnet NACL that blocks the replies (ephemeral ports) fails; allowing only Linux's range warns", () => {
    const blocking = allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']);
    blocking.entries = blocking.entries.filter((e) => !e.egress);
    blocking.entries.push(
      { ruleNumber: 100, egress: true, allow: true, protocol: '6', cidr: '0.0.0.0/0', fromPort: 443, toPort: 443 },
      { ruleNumber: 32767, egress: true, allow: false, protocol: '-1', cidr: '0.0.0.0/0' },
    );
    const facts = { ...healthy(), acls: ok([blocking, allowAllAcl('acl-0c0c0c0c', VPC, [SOURCE_SUBNET])]) };
    expect(checkOf(facts, 'nacl-endpoint')).toMatchObject({ status: 'fail', finding: 'nacl.denyEphemeral' });

    const linuxOnly = allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']);
    linuxOnly.entries = linuxOnly.entries.filter((e) => !e.egress);
    linuxOnly.entries.push(
      { ruleNumber: 100, egress: true, allow: true, protocol: '6', cidr: '0.0.0.0/0', fromPort: 32768, toPort: 60999 },
      { ruleNumber: 32767, egress: true, allow: false, protocol: '-1', cidr: '0.0.0.0/0' },
    );
    expect(checkOf({ ...healthy(), acls: ok([linuxOnly, allowAllAcl('acl-0c0c0c0c', VPC, [SOURCE_SUBNET])]) }, 'nacl-endpoint')).toMatchObject({
      status: 'warn',
      finding: 'nacl.partEphemeral',
    });
  });

  it('NACL rules: the lowest-numbered matching rule decides', () => {
    const acl = allowAllAcl('acl-1', VPC, []);
    acl.entries.push({ ruleNumber: 50, egress: false, allow: false, protocol: '6', cidr: '10.0.3.0/24', fromPort: 443, toPort: 443 });
    expect(aclDecision(acl, false, '10.0.3.10/32', 443)).toEqual({ result: 'deny', rule: 50 });
    expect(aclDecision(acl, false, '10.0.3.10/32', 444)).toEqual({ result: 'allow', rule: 100 });
  });

  it('private DNS off and no NAT: the default name times out; not reachable, fixed by enabling private DNS', () => {
    const facts = { ...healthy(), endpoint: { ...endpoint, privateDnsEnabled: false } };

    const report = evaluate(facts);

    expect(report.verdict).toBe('not-reachable');
    expect(report.firstFailing).toBe('dns');
    expect(report.checks.find((c) => c.id === 'dns')).toMatchObject({ status: 'fail', finding: 'dns.noRoute' });
    expect(report.fix).toBe(`aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ENDPOINT_ID} --private-dns-enabled --region ${REGION}`);
  });

  it('private DNS off with a NAT gateway: reachable, but over the internet', () => {
    const report = evaluate(withNat({ ...healthy(), endpoint: { ...endpoint, privateDnsEnabled: false } }));

    expect(report.verdict).toBe('reachable-over-internet');
    expect(report.firstFailing).toBe('dns');
    expect(checkText(report.checks.find((c) => c.id === 'dns')!).text).toContain('calls leave through the NAT gateway, not the endpoint');
  });

  it("the VPC's DNS attributes off: private DNS is not used (over the internet with NAT, not reachable without)", () => {
    const off = { ...healthy(), endpointVpcDns: { support: ok(true), hostnames: ok(false) } };
    const attrs = checkOf(off, 'dns-attributes');
    expect(attrs).toMatchObject({ status: 'warn', command: `aws ec2 modify-vpc-attribute --vpc-id ${VPC} --enable-dns-hostnames --region ${REGION}` });
    expect(evaluate(withNat(off)).verdict).toBe('reachable-over-internet');
    expect(evaluate(off)).toMatchObject({ verdict: 'not-reachable', firstFailing: 'dns' });
  });

  it("no endpoint ENI in the source's AZ: still reachable privately, with a warning about cross-AZ cost and AZ outages", () => {
    const base = healthy();
    const facts: DoctorFacts = {
      ...base,
      source: {
        ...base.source,
        subnet: { id: SOURCE_SUBNET, vpcId: VPC, availabilityZone: `${REGION}d`, cidr: '10.0.3.0/24', ipv6Cidrs: [] },
      } as DoctorFacts['source'],
    };

    const report = evaluate(facts);

    expect(report.verdict).toBe('reachable-privately');
    expect(report.checks.find((c) => c.id === 'endpoint-az')).toMatchObject({
      status: 'warn',
      finding: 'az.cross',
      values: { az: `${REGION}d`, azs: `${REGION}a, ${REGION}c` },
    });
  });

  it('an endpoint waiting for acceptance is the first failing link', () => {
    expect(evaluate({ ...healthy(), endpoint: { ...endpoint, state: 'pendingAcceptance' } })).toMatchObject({
      verdict: 'not-reachable',
      firstFailing: 'endpoint-state',
    });
  });

  it('reads the bot may not make are unknown, not failures: cannot tell, each with the read that settles it', () => {
    const report = evaluate({ ...healthy(), acls: denied('ec2:DescribeNetworkAcls'), endpointGroups: denied('ec2:DescribeSecurityGroups') });
    expect(report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'nacl-source' });
    expect(report.fix).toBeUndefined();
    expect(report.settle).toEqual([
      { id: 'nacl-source', command: `aws ec2 describe-network-acls --filters Name=vpc-id,Values=${VPC} --region ${REGION}` },
      { id: 'nacl-endpoint', command: `aws ec2 describe-network-acls --filters Name=vpc-id,Values=${VPC} --region ${REGION}` },
      { id: 'sg-endpoint', command: `aws ec2 describe-security-groups --group-ids ${ENDPOINT_SG} --region ${REGION}` },
    ]);
    expect(report.checks.find((c) => c.id === 'nacl-source')).toMatchObject({ status: 'unknown', values: { action: 'ec2:DescribeNetworkAcls' } });
    expect(report.checks.find((c) => c.id === 'sg-endpoint')!.status).toBe('unknown');
  });
});

describe('doctor evaluator: a peered VPC', () => {
  const PEER_VPC = 'vpc-0b0b0b0b';
  const PCX = 'pcx-0123456789abcdef0';
  function peered(routes: { there: boolean; back: boolean; status?: string }): DoctorFacts {
    const base = healthy();
    const peerTable = {
      id: 'rtb-0b0b0b0b',
      vpcId: PEER_VPC,
      main: true,
      subnetIds: ['subnet-0b0b0b0b'],
      routes: [
        { destination: '10.1.0.0/16', target: { kind: 'local' as const, id: 'local' }, state: 'active' },
        ...(routes.there ? [{ destination: '10.0.0.0/16', target: { kind: 'peering' as const, id: PCX }, state: 'active' }] : []),
      ],
    };
    const endpointTable = {
      ...mainTable,
      routes: [...mainTable.routes, ...(routes.back ? [{ destination: '10.1.0.0/16', target: { kind: 'peering' as const, id: PCX }, state: 'active' }] : [])],
    };
    return {
      ...base,
      source: {
        kind: 'in-vpc',
        spec: { kind: 'subnet', id: 'subnet-0b0b0b0b' },
        vpcId: PEER_VPC,
        subnet: { id: 'subnet-0b0b0b0b', vpcId: PEER_VPC, availabilityZone: `${REGION}a`, cidr: '10.1.1.0/24', ipv6Cidrs: [] },
        cidrs: ['10.1.1.0/24'],
      },
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.0.0.0/8'], sources: [] }] }]),
      sourceGroups: undefined,
      routeTables: ok([peerTable, endpointTable]),
      acls: ok([allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']), allowAllAcl('acl-0b0b0b0b', PEER_VPC, ['subnet-0b0b0b0b'])]),
      sourceVpcDnsSupport: ok(true),
      peerings: ok([
        {
          id: PCX,
          status: routes.status ?? 'active',
          requester: { vpcId: PEER_VPC, cidrs: ['10.1.0.0/16'] },
          accepter: { vpcId: VPC, cidrs: ['10.0.0.0/16'] },
        },
      ]),
    };
  }

  it('without a route to the endpoint subnets: not reachable, fixed by a route over the peering', () => {
    const report = evaluate(peered({ there: false, back: true }));

    expect(report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'routing', location: 'peered-vpc' });
    expect(report.fix).toBe(
      `aws ec2 create-route --route-table-id rtb-0b0b0b0b --destination-cidr-block 10.0.1.0/24 --vpc-peering-connection-id ${PCX} --region ${REGION}`,
    );
  });

  it('without the route back: the return route fails', () => {
    const report = evaluate(peered({ there: true, back: false }));
    expect(report.firstFailing).toBe('return-route');
    expect(report.fix).toContain('--route-table-id rtb-0a0a0a0a --destination-cidr-block 10.1.1.0/24');
  });

  it('a peering not yet accepted fails with the accept command', () => {
    expect(evaluate(peered({ there: true, back: true, status: 'pending-acceptance' })).fix).toBe(
      `aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id ${PCX} --region ${REGION}`,
    );
  });

  it('with routes both ways: reachable privately by the endpoint-specific names; the default name depends on Resolver rules the bot cannot see', () => {
    const report = evaluate(peered({ there: true, back: true }));

    // Every network link passes, but the default name's resolution is not visible: cannot tell, not "reachable".
    // (The source is a subnet: its instances' own security groups are unknown too.)
    expect(report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'sg-source', unknown: ['sg-source', 'dns', 'resolver'] });
    expect(report.settle[1]).toEqual({ id: 'dns', command: `dig +short kinesis.${REGION}.amazonaws.com` });
    expect(report.checks.find((c) => c.id === 'dns')).toMatchObject({ status: 'unknown', values: { why: 'remote-vpc-forwarding-unknown' } });
    expect(report.checks.find((c) => c.id === 'resolver')).toMatchObject({
      status: 'unknown',
      command: `aws route53resolver list-resolver-rule-associations --region ${REGION} --filters Name=VPCId,Values=${PEER_VPC}`,
    });
  });

  it('a TGW route: the TGW route tables are not visible, said as unknown with the command to check', () => {
    const facts = peered({ there: false, back: false });
    const tables = (facts.routeTables as { ok: true; value: import('../../src/endpoints/ec2-api.js').RouteTable[] }).value;
    tables[0]!.routes.push({ destination: '10.0.0.0/8', target: { kind: 'tgw', id: 'tgw-0123456789abcdef0' }, state: 'active' });
    tables[1]!.routes.push({ destination: '10.1.0.0/16', target: { kind: 'tgw', id: 'tgw-0123456789abcdef0' }, state: 'active' });
    const report = evaluate({ ...facts, peerings: ok([]) });
    expect(report.location).toBe('tgw-vpc');
    expect(report.checks.find((c) => c.id === 'routing')).toMatchObject({ status: 'unknown', finding: 'routing.tgw' });
    expect(report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'routing' });
    expect(report.settle[0]!.command).toBe(
      `aws ec2 describe-transit-gateway-attachments --filters Name=resource-id,Values=${PEER_VPC} Name=transit-gateway-id,Values=tgw-0123456789abcdef0 --region ${REGION}`,
    );
  });

  describe('through a Transit Gateway whose attachments and route tables were read', () => {
    const TGW = 'tgw-0123456789abcdef0';
    const viaTgw = (spokeRoutes: TgwRoute[], hubRoutes: TgwRoute[]): DoctorFacts => {
      const facts = peered({ there: false, back: false });
      const tables = (facts.routeTables as { ok: true; value: RouteTable[] }).value;
      tables[0]!.routes.push({ destination: '10.0.0.0/8', target: { kind: 'tgw', id: TGW }, state: 'active' });
      tables[1]!.routes.push({ destination: '10.1.0.0/16', target: { kind: 'tgw', id: TGW }, state: 'active' });
      const attachment = (id: string, vpc: string, table: string) => ({
        id,
        transitGatewayId: TGW,
        resourceId: vpc,
        resourceType: 'vpc',
        state: 'available',
        associatedRouteTableId: table,
      });
      return {
        ...facts,
        peerings: ok([]),
        transitGateway: ok({
          attachments: [attachment('tgw-attach-0spoke', PEER_VPC, 'tgw-rtb-0spoke'), attachment('tgw-attach-0hub', VPC, 'tgw-rtb-0hub')],
          routeTables: { 'tgw-rtb-0spoke': { routes: spokeRoutes, complete: true }, 'tgw-rtb-0hub': { routes: hubRoutes, complete: true } },
        }),
      };
    };
    const to = (destination: string, attachment: string, vpc: string, state = 'active'): TgwRoute => ({
      destination,
      state,
      attachments: [{ id: attachment, resourceId: vpc, resourceType: 'vpc' }],
    });

    it('routes both ways in the TGW route tables: the route links pass', () => {
      const report = evaluate(viaTgw([to('10.0.0.0/16', 'tgw-attach-0hub', VPC)], [to('10.1.0.0/16', 'tgw-attach-0spoke', PEER_VPC)]));
      expect(report.location).toBe('tgw-vpc');
      expect(report.checks.find((c) => c.id === 'routing')).toMatchObject({
        status: 'pass',
        finding: 'routing.tgwRoute',
        values: { tgwTable: 'tgw-rtb-0spoke' },
      });
      expect(report.checks.find((c) => c.id === 'return-route')).toMatchObject({
        status: 'pass',
        finding: 'routing.tgwRoute',
        values: { tgwTable: 'tgw-rtb-0hub' },
      });
    });

    it("no route in the spoke's TGW route table: not reachable, the TGW route to add", () => {
      const report = evaluate(viaTgw([to('10.2.0.0/16', 'tgw-attach-0other', 'vpc-0other')], [to('10.1.0.0/16', 'tgw-attach-0spoke', PEER_VPC)]));
      expect(report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'routing' });
      expect(report.fix).toBe(
        `aws ec2 create-transit-gateway-route --transit-gateway-route-table-id tgw-rtb-0spoke --destination-cidr-block 10.0.1.0/24 --transit-gateway-attachment-id tgw-attach-0hub --region ${REGION}`,
      );
    });

    it('a blackhole for the hub in the TGW route table fails; a route to an inspection attachment is unknown', () => {
      const blackhole = evaluate(viaTgw([to('10.0.0.0/16', 'tgw-attach-0hub', VPC, 'blackhole')], [to('10.1.0.0/16', 'tgw-attach-0spoke', PEER_VPC)]));
      expect(blackhole.checks.find((c) => c.id === 'routing')).toMatchObject({ status: 'fail', finding: 'routing.tgwBlackhole' });
      const inspected = evaluate(viaTgw([to('0.0.0.0/0', 'tgw-attach-0fw', 'vpc-0inspection')], [to('10.1.0.0/16', 'tgw-attach-0spoke', PEER_VPC)]));
      expect(inspected).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'routing' });
      expect(inspected.checks.find((c) => c.id === 'routing')).toMatchObject({
        finding: 'routing.tgwElsewhere',
        values: { target: 'tgw-attach-0fw (vpc vpc-0inspection)' },
      });
    });
  });
});

describe('doctor evaluator: on-premises', () => {
  function onprem(cidr: string | undefined, vgwRoute: boolean): DoctorFacts {
    const base = healthy();
    return {
      ...base,
      source: { kind: 'outside', spec: cidr ? { kind: 'address', cidr } : { kind: 'onprem' }, ...(cidr && { cidr }) },
      sourceGroups: undefined,
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['192.168.0.0/16'], sources: [] }] }]),
      routeTables: ok([
        {
          ...mainTable,
          routes: [
            ...mainTable.routes,
            ...(vgwRoute ? [{ destination: '192.168.0.0/16', target: { kind: 'vgw' as const, id: 'vgw-0123456789abcdef0' }, state: 'active' }] : []),
          ],
        },
      ]),
    };
  }

  it('without a Resolver inbound endpoint the bot cannot tell: the default name is unknown, the check command is given', () => {
    const report = evaluate(onprem('192.168.10.0/24', true));

    expect(report.location).toBe('onprem');
    expect(report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'routing' });
    // The on-premises path is settled by a connection test from the source to an ENI.
    expect(report.settle[0]).toEqual({ id: 'routing', command: 'nc -vz -w 5 10.0.1.23 443' });
    expect(report.checks.find((c) => c.id === 'routing')).toMatchObject({ status: 'unknown', finding: 'routing.onprem' });
    expect(report.checks.find((c) => c.id === 'return-route')).toMatchObject({ status: 'pass', finding: 'return.onprem' });
    const resolver = report.checks.find((c) => c.id === 'resolver')!;
    expect(resolver).toMatchObject({
      status: 'unknown',
      command: `aws route53resolver list-resolver-endpoints --region ${REGION} --filters Name=Direction,Values=INBOUND`,
    });
    expect(checkText(resolver).text).toContain(
      'needs a conditional forwarder for `kinesis.ap-northeast-1.amazonaws.com` to a Route 53 Resolver inbound endpoint',
    );
  });

  it('without a VGW/TGW route back from the endpoint subnets: not reachable', () => {
    const report = evaluate(onprem('192.168.10.0/24', false));
    expect(report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'return-route' });
    expect(report.fix).toContain('aws ec2 enable-vgw-route-propagation --route-table-id rtb-0a0a0a0a');
  });

  it('plain onprem (no CIDR): SGs and NACLs of the endpoint are unknown until a CIDR is given', () => {
    const report = evaluate(onprem(undefined, true));
    expect(report.checks.find((c) => c.id === 'sg-endpoint')).toMatchObject({ status: 'unknown', finding: 'sg.noSourceCidr' });
    expect(report.checks.find((c) => c.id === 'nacl-endpoint')).toMatchObject({ status: 'unknown', finding: 'nacl.noSourceCidr' });
    // The verdict holds only as far as the bot can see, and says which links it could not.
    expect(report.unknown).toEqual(['routing', 'return-route', 'nacl-source', 'nacl-endpoint', 'sg-endpoint', 'dns', 'resolver']);
  });

  it('says the on-premises CIDR slot of a settling command in Japanese, and leaves the English as the command carries it', () => {
    const report = evaluate(onprem(undefined, true));
    const japanese = JSON.stringify(doctorView({ kind: 'report', report }, messagesFor('ja')).blocks);
    expect(japanese).toContain('from=&lt;オンプレミスの CIDR&gt;');
    expect(japanese).not.toContain('on-premises');
    expect(JSON.stringify(doctorView({ kind: 'report', report }, messagesFor('en')).blocks)).toContain('from=&lt;on-premises CIDR&gt;');
  });
});

describe("doctor: the slots a command leaves, in the reader's language", () => {
  const ja = messagesFor('ja');
  const en = messagesFor('en');

  it("puts every slot in the catalog's words, its argument kept", () => {
    for (const id of Object.keys(DOCTOR_PLACEHOLDERS) as DoctorPlaceholder[]) {
      const slot = DOCTOR_PLACEHOLDERS[id]('vpc-0a1b2c3d');
      expect(localCommand(`aws ec2 x --y ${slot} --region ap-northeast-1`, en), id).toBe(`aws ec2 x --y ${slot} --region ap-northeast-1`);
      const japanese = localCommand(`aws ec2 x --y ${slot}`, ja);
      expect(japanese, id).toBe(`aws ec2 x --y <${ja.doctor.placeholders[id]('vpc-0a1b2c3d')}>`);
      expect(japanese, id).not.toMatch(/<[a-z ]+[a-z]>/i);
    }
    expect(localCommand('--rule-number <free number below 32767>', ja)).toBe('--rule-number <32767 未満の空きルール番号>');
  });
});

describe('doctor evaluator: S3 with inbound-only private DNS', () => {
  it('in-VPC clients reach S3 through the gateway endpoint in their route table', () => {
    const base = healthy();
    const s3 = {
      ...endpoint,
      serviceName: `com.amazonaws.${REGION}.s3`,
      privateDnsOnlyForInboundResolverEndpoint: true,
      dnsEntries: [{ dnsName: `*.${ENDPOINT_ID}-xyz.s3.${REGION}.vpce.amazonaws.com` }, { dnsName: `*.s3.${REGION}.amazonaws.com` }],
    };
    const gateway = { ...endpoint, id: 'vpce-0aaaaaaaaaaaaaaaa', type: 'Gateway', serviceName: s3.serviceName, dnsEntries: [] };
    const table = {
      ...privateTable,
      routes: [...privateTable.routes, { destination: 'pl-61a54008', target: { kind: 'gateway-endpoint' as const, id: gateway.id }, state: 'active' }],
    };
    const report = evaluate({ ...base, endpoint: s3, service: ok(undefined), gatewayEndpoints: ok([gateway]), routeTables: ok([table, mainTable]) });

    expect(report.verdict).toBe('reachable-privately');
    expect(report.checks.find((c) => c.id === 'dns')).toMatchObject({ status: 'pass', finding: 'dns.gateway', values: { name: `s3.${REGION}.amazonaws.com` } });
  });
});

describe('doctor evaluator: the path actually taken', () => {
  const subnetSource = (): DoctorFacts => {
    const base = healthy();
    const inVpc = base.source as Extract<DoctorFacts['source'], { kind: 'in-vpc' }>;
    return {
      ...base,
      source: { kind: 'in-vpc', spec: { kind: 'subnet', id: SOURCE_SUBNET }, vpcId: VPC, subnet: inVpc.subnet!, cidrs: ['10.0.3.0/24'] },
      sourceGroups: undefined,
    };
  };

  it("one endpoint subnet's NACL blocking the source: a warning naming the blocked AZ, not 'not reachable'", () => {
    const blocked = allowAllAcl('acl-0b0b0b0b', VPC, ['subnet-4e5f6a7b']);
    blocked.entries.push({ ruleNumber: 50, egress: false, allow: false, protocol: '-1', cidr: '10.0.3.0/24' });
    const facts = { ...healthy(), acls: ok([allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', SOURCE_SUBNET]), blocked]) };

    const report = evaluate(facts);

    expect(report.verdict).toBe('reachable-privately');
    const line = report.checks.find((c) => c.id === 'nacl-endpoint')!;
    expect(line).toMatchObject({ status: 'warn', finding: 'path.partial', values: { blocked: `${REGION}c`, open: `${REGION}a`, cause: 'nacl.deny' } });
    expect(line.command).toContain('aws ec2 create-network-acl-entry --network-acl-id acl-0b0b0b0b --ingress --rule-number 49');
    expect(checkText(line).text).toMatch(/^Only some AZs get through: blocked in ap-northeast-1c, open in ap-northeast-1a\. `acl-0b0b0b0b`/);
  });

  it('a route more specific than local to a firewall ENI: the route link is unknown, said so, settled by a connection test', () => {
    const facts = {
      ...healthy(),
      routeTables: ok([
        {
          ...privateTable,
          routes: [...privateTable.routes, { destination: '10.0.1.0/24', target: { kind: 'other' as const, id: 'eni-0f1f2f3f4f5f6f7f8' }, state: 'active' }],
        },
        mainTable,
      ]),
    };

    const report = evaluate(facts);

    expect(report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'routing' });
    expect(report.checks.find((c) => c.id === 'routing')).toMatchObject({
      status: 'unknown',
      finding: 'routing.appliance',
      values: { target: 'eni-0f1f2f3f4f5f6f7f8', destination: '10.0.1.0/24' },
      command: 'nc -vz -w 5 10.0.1.23 443',
    });
  });

  it('a blackhole route more specific than local: not reachable, fixed by deleting it', () => {
    const facts = {
      ...healthy(),
      routeTables: ok([
        {
          ...privateTable,
          routes: [...privateTable.routes, { destination: '10.0.2.0/24', target: { kind: 'other' as const, id: 'eni-0dead' }, state: 'blackhole' }],
        },
        mainTable,
      ]),
    };
    // Only one ENI is behind it: the other AZ still answers, so it is a per-AZ warning.
    const line = evaluate(facts).checks.find((c) => c.id === 'routing')!;
    expect(line).toMatchObject({ status: 'warn', finding: 'path.partial', values: { cause: 'routing.blackhole', blocked: `${REGION}c` } });
    expect(line.command).toBe(`aws ec2 delete-route --route-table-id ${privateTable.id} --destination-cidr-block 10.0.2.0/24 --region ${REGION}`);
  });

  it("an endpoint SG that admits only the app's security group, from a subnet: unknown (each instance's groups decide), no rule opening the subnet", () => {
    const facts = {
      ...subnetSource(),
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], sources: ['sg-0c0c0c0c'] }] }]),
    };

    const report = evaluate(facts);

    expect(report.verdict).toBe('cannot-tell');
    expect(report.fix).toBeUndefined();
    expect(report.checks.find((c) => c.id === 'sg-endpoint')).toMatchObject({
      status: 'unknown',
      finding: 'sg.bySourceGroup',
      values: { sources: 'sg-0c0c0c0c' },
      command: `/privatelink doctor ${ENDPOINT_ID} from=i-… region=${REGION}`,
    });
  });

  it('an endpoint SG that admits a prefix list: unknown until its entries are read, with the read', () => {
    const facts = {
      ...healthy(),
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], sources: ['pl-0123456789abcdef0'] }] }]),
    };

    const report = evaluate(facts);

    expect(report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'sg-endpoint' });
    expect(report.settle).toEqual([
      { id: 'sg-endpoint', command: `aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-0123456789abcdef0 --region ${REGION}` },
    ]);
  });

  it('a prefix list read: its entries admit the source (pass) or do not (fail, as a CIDR rule would)', () => {
    const facts = {
      ...healthy(),
      endpointGroups: ok([{ ...endpointGroup, inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], sources: ['pl-0123456789abcdef0'] }] }]),
    };
    expect(evaluate({ ...facts, prefixLists: ok({ 'pl-0123456789abcdef0': ['10.0.0.0/20'] }) }).verdict).toBe('reachable-privately');
    expect(evaluate({ ...facts, prefixLists: ok({ 'pl-0123456789abcdef0': ['172.16.0.0/12'] }) })).toMatchObject({
      verdict: 'not-reachable',
      firstFailing: 'sg-endpoint',
    });
  });

  it("custom DNS servers in the source VPC's DHCP option set: DNS is unknown; AmazonProvidedDNS or VPC+2 are not", () => {
    const custom = evaluate({ ...healthy(), sourceDhcp: ok({ id: 'dopt-0123', dnsServers: ['10.0.0.53', '10.0.1.53'] }) });
    expect(custom).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'dns' });
    expect(custom.checks.find((c) => c.id === 'dns')).toMatchObject({
      finding: 'dns.customServers',
      values: { servers: '10.0.0.53, 10.0.1.53' },
      command: `dig +short kinesis.${REGION}.amazonaws.com`,
    });
    expect(evaluate({ ...healthy(), sourceDhcp: ok({ id: 'dopt-0123', dnsServers: ['AmazonProvidedDNS'] }) }).verdict).toBe('reachable-privately');
    expect(evaluate({ ...healthy(), sourceDhcp: ok({ id: 'dopt-0123', dnsServers: ['10.0.0.2'] }) }).verdict).toBe('reachable-privately');
  });

  it('the endpoint policy: default full access passes; Deny-all and no Allow fail; a Deny or a narrower Allow warns, naming the actions', () => {
    const withPolicy = (policy: unknown) => evaluate({ ...healthy(), endpoint: { ...endpoint, policyDocument: JSON.stringify(policy) } });
    const line = (policy: unknown) => withPolicy(policy).checks.find((c) => c.id === 'policy')!;
    expect(line({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] })).toMatchObject({ status: 'pass', finding: 'policy.full' });
    expect(withPolicy({ Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: '*' }] })).toMatchObject({
      verdict: 'not-reachable',
      firstFailing: 'policy',
      fix: `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ENDPOINT_ID} --policy-document '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}' --region ${REGION}`,
    });
    expect(line({ Statement: [] })).toMatchObject({ status: 'fail', finding: 'policy.noAllow' });
    expect(
      line({
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
          { Effect: 'Deny', Principal: '*', Action: ['kinesis:DeleteStream'], Resource: '*' },
        ],
      }),
    ).toMatchObject({ status: 'warn', finding: 'policy.denies', values: { actions: 'kinesis:DeleteStream' } });
    expect(line({ Statement: { Effect: 'Allow', Principal: '*', Action: 'kinesis:PutRecord', Resource: '*' } })).toMatchObject({
      status: 'warn',
      finding: 'policy.limited',
      values: { actions: 'kinesis:PutRecord' },
    });
    expect(line('not json').status).toBe('fail');
    expect(evaluate({ ...healthy(), endpoint: { ...endpoint, policyDocument: '{' } }).checks.find((c) => c.id === 'policy')).toMatchObject({
      status: 'unknown',
      finding: 'policy.unreadable',
    });
  });

  it('port 8443 against an AWS API: the port is the headline failure (AWS APIs listen on 443)', () => {
    const report = evaluate({ ...healthy(), port: 8443, portGiven: true });
    expect(report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'port' });
    expect(report.fix).toBe(`/privatelink doctor ${ENDPOINT_ID} from=i-0123456789abcdef0 region=${REGION} port=443`);
  });

  it('a wrong route for exactly the destination: replace-route (EC2 refuses a second create-route for it)', () => {
    const PEER_VPC = 'vpc-0b0b0b0b';
    const PCX = 'pcx-0123456789abcdef0';
    const base = healthy();
    const peerTable: RouteTable = {
      id: 'rtb-0b0b0b0b',
      vpcId: PEER_VPC,
      main: true,
      subnetIds: ['subnet-0b0b0b0b'],
      routes: [
        { destination: '10.1.0.0/16', target: { kind: 'local', id: 'local' }, state: 'active' },
        { destination: '10.0.1.0/24', target: { kind: 'peering', id: PCX }, state: 'blackhole' },
        { destination: '10.0.2.0/24', target: { kind: 'nat', id: 'nat-0123456789abcdef0' }, state: 'active' },
      ],
    };
    const facts: DoctorFacts = {
      ...base,
      source: {
        kind: 'in-vpc',
        spec: { kind: 'subnet', id: 'subnet-0b0b0b0b' },
        vpcId: PEER_VPC,
        subnet: { id: 'subnet-0b0b0b0b', vpcId: PEER_VPC, availabilityZone: `${REGION}a`, cidr: '10.1.1.0/24', ipv6Cidrs: [] },
        cidrs: ['10.1.1.0/24'],
      },
      sourceGroups: undefined,
      routeTables: ok([
        peerTable,
        { ...mainTable, routes: [...mainTable.routes, { destination: '10.1.0.0/16', target: { kind: 'peering', id: PCX }, state: 'active' }] },
      ]),
      peerings: ok([{ id: PCX, status: 'active', requester: { vpcId: PEER_VPC, cidrs: ['10.1.0.0/16'] }, accepter: { vpcId: VPC, cidrs: ['10.0.0.0/16'] } }]),
      sourceVpcDnsSupport: ok(true),
      acls: ok([allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']), allowAllAcl('acl-0b0b0b0b', PEER_VPC, ['subnet-0b0b0b0b'])]),
    };

    const report = evaluate(facts);

    expect(report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'routing' });
    expect(report.fix).toBe(
      `aws ec2 replace-route --route-table-id rtb-0b0b0b0b --destination-cidr-block 10.0.1.0/24 --vpc-peering-connection-id ${PCX} --region ${REGION}`,
    );
    // A NAT route for one endpoint subnet, the peering for the other: that AZ is cut off, with the replace for it.
    const active = { ...peerTable.routes[1]!, state: 'active' };
    const nat = evaluate({
      ...facts,
      routeTables: ok([
        { ...peerTable, routes: [peerTable.routes[0]!, active, peerTable.routes[2]!] },
        facts.routeTables.ok ? facts.routeTables.value[1]! : mainTable,
      ]),
    });
    expect(nat.checks.find((c) => c.id === 'routing')).toMatchObject({
      status: 'warn',
      finding: 'path.partial',
      values: { blocked: `${REGION}c` },
      command: `aws ec2 replace-route --route-table-id rtb-0b0b0b0b --destination-cidr-block 10.0.2.0/24 --vpc-peering-connection-id ${PCX} --region ${REGION}`,
    });
  });

  it('from=vpc: the tables its subnets use, not the main table; tables that disagree ask for a subnet', () => {
    const base = healthy();
    const other: SubnetDetail = { id: 'subnet-0e0e0e0e', vpcId: VPC, availabilityZone: `${REGION}a`, cidr: '10.0.4.0/24', ipv6Cidrs: [] };
    const firewalled: RouteTable = {
      id: 'rtb-0e0e0e0e',
      vpcId: VPC,
      main: false,
      subnetIds: [other.id],
      routes: [...privateTable.routes, { destination: '10.0.0.0/20', target: { kind: 'other', id: 'eni-0f1f2f3f4f5f6f7f8' }, state: 'active' }],
    };
    const vpcSource = (subnets: SubnetDetail[]): DoctorFacts => ({
      ...base,
      source: { kind: 'in-vpc', spec: { kind: 'vpc', id: VPC }, vpcId: VPC, cidrs: ['10.0.0.0/16'] },
      sourceGroups: undefined,
      sourceSubnets: ok(subnets),
      routeTables: ok([privateTable, firewalled, mainTable]),
    });
    const sourceSubnet = (base.source as Extract<DoctorFacts['source'], { kind: 'in-vpc' }>).subnet!;

    expect(evaluate(vpcSource([sourceSubnet])).checks.find((c) => c.id === 'routing')).toMatchObject({ status: 'pass', resources: [privateTable.id] });
    const mixed = evaluate(vpcSource([sourceSubnet, other])).checks.find((c) => c.id === 'routing')!;
    expect(mixed).toMatchObject({
      status: 'unknown',
      finding: 'routing.manyTables',
      command: `/privatelink doctor ${ENDPOINT_ID} from=subnet-0e0e0e0e region=${REGION}`,
    });
    expect(mixed.values.tables).toBe('rtb-0c0c0c0c (pass), rtb-0e0e0e0e (unknown)');
  });
});
