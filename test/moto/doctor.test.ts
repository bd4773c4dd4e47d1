/**
 * `doctor` against moto (an independent EC2): each failure the doctor diagnoses is built for real with the raw SDK
 * (security groups, network ACLs, NAT gateway and routes, VPC attributes, peering, an instance), then the real
 * use case (`runDoctor`) reads it through the project's EC2 adapter, and the verdict and the failing line are
 * asserted as the Slack view renders them, in English and in Japanese.
 */
import * as sdk from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCommand, type DoctorCommand } from '../../src/commands/parse.js';
import type { Check, DoctorReport } from '../../src/doctor/model.js';
import { runDoctor } from '../../src/doctor/run.js';
import type { Ec2Api } from '../../src/endpoints/ec2-api.js';
import { messagesFor } from '../../src/i18n.js';
import { doctorView } from '../../src/slack/views/doctor.js';
import { blockText } from '../helpers/slack.js';
import { motoAdapter, motoClient, MOTO_REGION, seedVpc, startMoto, type MotoServer, type SeededVpc } from './moto.js';
import { describeWithMoto } from './suite.js';

const KINESIS = `com.amazonaws.${MOTO_REGION}.kinesis-streams`;
const POLICY = { defaultRegion: MOTO_REGION };
const ja = messagesFor('ja');

interface Diagnosis {
  report: DoctorReport;
  /** The failing (or first non-passing) line, by check id. */
  line: (id: Check['id']) => Check;
  en: string;
  ja: string;
}

describeWithMoto('doctor against moto: each failure built for real', () => {
  let moto: MotoServer;
  let raw: sdk.EC2Client;
  let ec2: Ec2Api;
  let cidrs = 0;
  const vpc = (options: Parameters<typeof seedVpc>[1] = {}) => seedVpc(raw, { cidr: `10.${60 + cidrs++}.0.0/16`, name: 'doctor', ...options });

  beforeAll(async () => {
    // Endpoints are `available` at once: the doctor reads them as they are, it does not wait.
    moto = await startMoto({ pendingDescribes: 0 });
    raw = await motoClient(moto.url);
    ec2 = motoAdapter(moto.url);
  }, 120_000);
  afterAll(async () => {
    raw?.destroy();
    await moto?.stop();
  });

  async function endpoint(v: SeededVpc, options: { subnets?: string[]; sgs?: string[]; privateDns?: boolean; policy?: string } = {}): Promise<string> {
    const created = await raw.send(
      new sdk.CreateVpcEndpointCommand({
        VpcEndpointType: 'Interface',
        VpcId: v.vpcId,
        ServiceName: KINESIS,
        SubnetIds: options.subnets ?? v.subnetIds,
        SecurityGroupIds: options.sgs ?? [v.sgVpc443],
        PrivateDnsEnabled: options.privateDns ?? true,
        ...(options.policy && { PolicyDocument: options.policy }),
      }),
    );
    return created.VpcEndpoint!.VpcEndpointId!;
  }

  async function instance(subnetId: string, groups: string[]): Promise<{ id: string; ip: string }> {
    const images = await raw.send(new sdk.DescribeImagesCommand({}));
    const run = await raw.send(
      new sdk.RunInstancesCommand({
        ImageId: images.Images![0]!.ImageId!,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
        SubnetId: subnetId,
        SecurityGroupIds: groups,
      }),
    );
    return { id: run.Instances![0]!.InstanceId!, ip: run.Instances![0]!.PrivateIpAddress! };
  }

  async function group(v: SeededVpc, name: string, ingress: sdk.IpPermission[]): Promise<string> {
    const g = await raw.send(new sdk.CreateSecurityGroupCommand({ VpcId: v.vpcId, GroupName: `doctor-${name}-${cidrs}`, Description: name }));
    if (ingress.length > 0) await raw.send(new sdk.AuthorizeSecurityGroupIngressCommand({ GroupId: g.GroupId!, IpPermissions: ingress }));
    return g.GroupId!;
  }

  /** Two VPCs peered (accepted, no routes yet: each case adds its own), the endpoint's SG admitting the peer. */
  async function peeredPair(): Promise<{ e: SeededVpc; p: SeededVpc; id: string; pcx: string }> {
    const e = await vpc();
    const p = await vpc();
    const id = await endpoint(e);
    await raw.send(
      new sdk.AuthorizeSecurityGroupIngressCommand({
        GroupId: e.sgVpc443,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: p.cidr }] }],
      }),
    );
    const peering = await raw.send(new sdk.CreateVpcPeeringConnectionCommand({ VpcId: p.vpcId, PeerVpcId: e.vpcId }));
    const pcx = peering.VpcPeeringConnection!.VpcPeeringConnectionId!;
    await raw.send(new sdk.AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    return { e, p, id, pcx };
  }

  async function doctor(text: string): Promise<Diagnosis> {
    const parsed = parseCommand(text);
    if (!parsed.ok || parsed.command.name !== 'doctor') throw new Error(`not a doctor command: ${text}`);
    const outcome = await runDoctor(parsed.command as DoctorCommand, ec2, POLICY);
    if (outcome.kind !== 'report') throw new Error(`no report: ${JSON.stringify(outcome.problem)}`);
    const report = outcome.report;
    return {
      report,
      line: (id) => {
        const found = report.checks.find((c) => c.id === id);
        if (!found) throw new Error(`no ${id} line: ${report.checks.map((c) => c.id).join(', ')}`);
        return found;
      },
      en: blockText(doctorView(outcome)),
      ja: blockText(doctorView(outcome, ja)),
    };
  }

  /** The verdict section of the view (what Slack shows first): verdict, first failing link, unknown links. */
  const verdictLine = (text: string) => (/"text":"(\*:[a-z_]+: [^"]*)"/.exec(text)?.[1] ?? '').split('\n')[0];
  /** One check's line in the view, by its (localised) name. */
  const lineOf = (text: string, name: string) => {
    const at = Math.max(text.indexOf(`*${name}*:`), text.indexOf(`*${name}*：`));
    return at < 0 ? '' : text.slice(at, text.indexOf('"}', at));
  };
  const statuses = (d: Diagnosis) => Object.fromEntries(d.report.checks.map((c) => [c.id, c.status]));
  const cidrOf = (v: SeededVpc, third: number) => `${v.cidr.split('.').slice(0, 2).join('.')}.${third}.0/24`;

  it("a healthy VPC from a subnet: cannot tell, only the instances' own security groups unknown, with the read that settles it", async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const d = await doctor(`doctor ${id} from=${v.sameAzSubnetId}`);
    expect(d.report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'sg-source' });
    expect(d.report.checks.filter((c) => c.status !== 'pass').map((c) => c.finding)).toEqual(['sg.notInstance']);
    expect(d.report.settle).toEqual([
      {
        id: 'sg-source',
        command: `aws ec2 describe-instances --filters Name=subnet-id,Values=${v.sameAzSubnetId} --query "Reservations[].Instances[].[InstanceId,SecurityGroups[].GroupId]" --region ${MOTO_REGION}`,
      },
    ]);
    // The endpoint's ENI in the source's AZ, with an address from its subnet (the launcher's ENI patch).
    expect(d.line('endpoint-az').values.ip).toMatch(new RegExp(`^${cidrOf(v, 1).replace('.0/24', '').replaceAll('.', '\\.')}\\.\\d+$`));
    expect(verdictLine(d.en)).toBe('*:large_yellow_circle: Cannot tell* · unknown: Source security groups');
    expect(verdictLine(d.ja)).toBe('*:large_yellow_circle: 判断できません* · 不明な箇所：送信元のセキュリティグループ');
  });

  it("a healthy VPC from an instance is reachable privately (so each failure below is the one built, not moto's shape)", async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);
    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report.verdict).toBe('reachable-privately');
    expect(d.report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(d.report.settle).toEqual([]);
    expect(verdictLine(d.en)).toBe('*:large_green_circle: Reachable privately*');
    expect(verdictLine(d.ja)).toBe('*:large_green_circle: プライベートに到達可能*');
  });

  it("an endpoint security group without the port: not reachable, the SG line names the instance's address", async () => {
    const v = await vpc();
    const ssh = await raw.send(new sdk.CreateSecurityGroupCommand({ VpcId: v.vpcId, GroupName: 'doctor-ssh-only', Description: 'SSH only' }));
    const sshOnly = ssh.GroupId!;
    await raw.send(
      new sdk.AuthorizeSecurityGroupIngressCommand({
        GroupId: sshOnly,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: v.cidr }] }],
      }),
    );
    await endpoint(v, { sgs: [sshOnly] });
    const images = await raw.send(new sdk.DescribeImagesCommand({}));
    const run = await raw.send(
      new sdk.RunInstancesCommand({
        ImageId: images.Images![0]!.ImageId!,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
        SubnetId: v.sameAzSubnetId,
        SecurityGroupIds: [v.sgVpc443],
      }),
    );
    const instance = run.Instances![0]!;
    const address = `${instance.PrivateIpAddress!}/32`;

    const d = await doctor(`doctor kinesis-streams from=${instance.InstanceId!}`);
    expect(d.report.verdict).toBe('not-reachable');
    expect(d.report.firstFailing).toBe('sg-endpoint');
    expect(d.line('sg-endpoint')).toMatchObject({ status: 'fail', finding: 'sg.endpointRefuses', values: { groups: sshOnly, port: '443', cidr: address } });
    expect(d.report.fix).toBe(
      `aws ec2 authorize-security-group-ingress --group-id ${sshOnly} --protocol tcp --port 443 --cidr ${address} --region ${MOTO_REGION}`,
    );
    // The instance's own group (default egress: all) lets it out.
    expect(statuses(d)['sg-source']).toBe('pass');

    expect(verdictLine(d.en)).toBe('*:red_circle: Not reachable* · first failing link: Endpoint security groups');
    expect(lineOf(d.en, 'Endpoint security groups')).toContain(`do not admit TCP 443 from \`${address}\`: the call times out.`);
    expect(verdictLine(d.ja)).toBe('*:red_circle: 到達不可* · 最初に失敗した箇所：エンドポイントのセキュリティグループ');
    expect(lineOf(d.ja, 'エンドポイントのセキュリティグループ')).toContain(`\`${address}\` からの TCP 443 を許可していません。呼び出しはタイムアウトします。`);
  });

  it('a network ACL that denies the port: not reachable, the NACL line names the rule and a free rule number below it', async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const acl = await raw.send(new sdk.CreateNetworkAclCommand({ VpcId: v.vpcId }));
    const aclId = acl.NetworkAcl!.NetworkAclId!;
    const entry = (
      RuleNumber: number,
      Egress: boolean,
      RuleAction: 'allow' | 'deny',
      Protocol: string,
      PortRange?: { From: number; To: number },
      CidrBlock = '0.0.0.0/0',
    ) =>
      raw.send(
        new sdk.CreateNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber, Egress, RuleAction, CidrBlock, Protocol, ...(PortRange && { PortRange }) }),
      );
    await entry(50, false, 'deny', '6', { From: 443, To: 443 }, '10.0.0.0/8');
    await entry(100, false, 'allow', '-1');
    await entry(100, true, 'allow', '-1');
    // On every endpoint subnet (one alone would be a per-AZ warning, below).
    for (const subnet of v.subnetIds) {
      const current = await raw.send(new sdk.DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnet] }] }));
      const association = current.NetworkAcls![0]!.Associations!.find((a) => a.SubnetId === subnet)!;
      await raw.send(new sdk.ReplaceNetworkAclAssociationCommand({ AssociationId: association.NetworkAclAssociationId!, NetworkAclId: aclId }));
    }
    const source = cidrOf(v, 11);

    const d = await doctor(`doctor ${id} from=${v.sameAzSubnetId}`);
    expect(d.report.verdict).toBe('not-reachable');
    expect(d.report.firstFailing).toBe('nacl-endpoint');
    expect(d.line('nacl-endpoint')).toMatchObject({
      status: 'fail',
      finding: 'nacl.deny',
      values: { acl: aclId, subnet: v.subnetIds[0], direction: 'in', port: '443', peer: source, rule: '50' },
    });
    expect(d.report.fix).toBe(
      `aws ec2 create-network-acl-entry --network-acl-id ${aclId} --ingress --rule-number 49 --protocol tcp --port-range From=443,To=443 --cidr-block ${source} --rule-action allow`,
    );
    expect(statuses(d)['nacl-source']).toBe('pass');

    expect(verdictLine(d.en)).toBe(
      '*:red_circle: Not reachable* · first failing link: NACL (endpoint subnets) · as far as the bot can see (unknown: Source security groups)',
    );
    expect(lineOf(d.en, 'NACL (endpoint subnets)')).toContain(`\`${aclId}\` (\`${v.subnetIds[0]}\`) denies TCP 443 in from \`${source}\` (rule 50).`);
    expect(verdictLine(d.ja)).toBe(
      '*:red_circle: 到達不可* · 最初に失敗した箇所：ネットワーク ACL（エンドポイントのサブネット） · ボットから参照できる範囲での結果（不明：送信元のセキュリティグループ）',
    );
    expect(lineOf(d.ja, 'ネットワーク ACL（エンドポイントのサブネット）')).toContain(
      `\`${aclId}\`（\`${v.subnetIds[0]}\`）は \`${source}\` からのインバウンド TCP 443 を拒否しています（ルール 50）。`,
    );
  });

  it('private DNS off: over the internet through a NAT gateway; not reachable by the default name where the subnet has no way out', async () => {
    const v = await vpc();
    const id = await endpoint(v, { privateDns: false });
    const igw = await raw.send(new sdk.CreateInternetGatewayCommand({}));
    await raw.send(new sdk.AttachInternetGatewayCommand({ InternetGatewayId: igw.InternetGateway!.InternetGatewayId!, VpcId: v.vpcId }));
    const eip = await raw.send(new sdk.AllocateAddressCommand({ Domain: 'vpc' }));
    const nat = await raw.send(new sdk.CreateNatGatewayCommand({ SubnetId: v.sameAzSubnetId, AllocationId: eip.AllocationId! }));
    // The private route table (subnets 1–3) goes out through the NAT gateway; the extra subnet keeps the main table (local only).
    await raw.send(
      new sdk.CreateRouteCommand({ RouteTableId: v.routeTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGateway!.NatGatewayId! }),
    );
    const name = 'kinesis.ap-northeast-1.amazonaws.com';

    const withNat = await doctor(`doctor ${id} from=${v.subnetIds[0]}`);
    expect(withNat.report.verdict).toBe('reachable-over-internet');
    expect(withNat.report.firstFailing).toBe('dns');
    expect(withNat.line('dns')).toMatchObject({ status: 'warn', finding: 'dns.internet', values: { name, path: 'internet-nat', why: 'private-dns-off' } });
    expect(withNat.report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(withNat.report.fix).toBe(`aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${id} --private-dns-enabled --region ${MOTO_REGION}`);
    expect(verdictLine(withNat.en)).toBe(
      '*:large_orange_circle: Reachable, but over the internet* · first failing link: DNS from here · as far as the bot can see (unknown: Source security groups)',
    );
    expect(lineOf(withNat.en, 'DNS from here')).toContain(
      `\`${name}\` resolves to public IPs from here (private DNS off: the default name is the public one): calls leave through the NAT gateway, not the endpoint.`,
    );
    expect(verdictLine(withNat.ja)).toBe(
      '*:large_orange_circle: 到達可能（ただしインターネット経由）* · 最初に失敗した箇所：送信元での名前解決 · ボットから参照できる範囲での結果（不明：送信元のセキュリティグループ）',
    );
    expect(lineOf(withNat.ja, '送信元での名前解決')).toContain('呼び出しはエンドポイントではなく、NAT ゲートウェイを通って出ていきます。');

    const noWayOut = await doctor(`doctor ${id} from=${v.sameAzSubnetId}`);
    expect(noWayOut.report.verdict).toBe('not-reachable');
    expect(noWayOut.report.firstFailing).toBe('dns');
    expect(noWayOut.line('dns')).toMatchObject({ status: 'fail', finding: 'dns.noRoute', values: { name, why: 'private-dns-off' } });
    expect(verdictLine(noWayOut.en)).toBe(
      '*:red_circle: Not reachable* · first failing link: DNS from here · as far as the bot can see (unknown: Source security groups)',
    );
    expect(lineOf(noWayOut.en, 'DNS from here')).toContain('and the subnet has no way out: calls using it time out. The endpoint-specific names work.');
    expect(verdictLine(noWayOut.ja)).toBe(
      '*:red_circle: 到達不可* · 最初に失敗した箇所：送信元での名前解決 · ボットから参照できる範囲での結果（不明：送信元のセキュリティグループ）',
    );
    expect(lineOf(noWayOut.ja, '送信元での名前解決')).toContain('サブネットには外部への経路がありません。この名前を使った呼び出しはタイムアウトします。');
  });

  it("the VPC's DNS attributes turned off: the names do not resolve, not reachable, the attributes line says which", async () => {
    const v = await vpc();
    const id = await endpoint(v);
    await raw.send(new sdk.ModifyVpcAttributeCommand({ VpcId: v.vpcId, EnableDnsHostnames: { Value: false } }));
    const hostnamesOff = await doctor(`doctor ${id} from=${v.subnetIds[0]}`);
    // enableDnsHostnames alone off: the default name resolves to public IPs, and this subnet has no way out.
    expect(hostnamesOff.report.verdict).toBe('not-reachable');
    expect(hostnamesOff.report.firstFailing).toBe('dns');
    expect(hostnamesOff.line('dns')).toMatchObject({ status: 'fail', finding: 'dns.noRoute', values: { why: 'vpc-dns-attributes-off', path: 'no-route' } });
    expect(hostnamesOff.line('dns-attributes')).toMatchObject({ status: 'warn', finding: 'dnsAttrs.off', values: { missing: 'enableDnsHostnames' } });
    expect(hostnamesOff.report.fix).toBe(`aws ec2 modify-vpc-attribute --vpc-id ${v.vpcId} --enable-dns-hostnames --region ${MOTO_REGION}`);
    expect(lineOf(hostnamesOff.en, 'DNS from here')).toContain(
      "resolves to public IPs from here (private DNS needs `enableDnsSupport` and `enableDnsHostnames` on the endpoint's VPC, and one is off), and the subnet has no way out",
    );
    expect(lineOf(hostnamesOff.ja, '送信元での名前解決')).toContain('一方が無効です）が、サブネットには外部への経路がありません。');

    await raw.send(new sdk.ModifyVpcAttributeCommand({ VpcId: v.vpcId, EnableDnsSupport: { Value: false } }));

    const d = await doctor(`doctor ${id} from=${v.subnetIds[0]}`);
    expect(d.report.verdict).toBe('not-reachable');
    expect(d.report.firstFailing).toBe('dns');
    expect(d.line('dns')).toMatchObject({ status: 'fail', finding: 'dns.nothing' });
    expect(d.line('dns-attributes')).toMatchObject({
      status: 'warn',
      finding: 'dnsAttrs.off',
      values: { vpc: v.vpcId, missing: 'enableDnsSupport, enableDnsHostnames' },
      command: `aws ec2 modify-vpc-attribute --vpc-id ${v.vpcId} --enable-dns-support --region ${MOTO_REGION}`,
    });
    expect(d.report.fix).toBe(`aws ec2 modify-vpc-attribute --vpc-id ${v.vpcId} --enable-dns-support --region ${MOTO_REGION}`);
    expect(verdictLine(d.en)).toBe(
      '*:red_circle: Not reachable* · first failing link: DNS from here · as far as the bot can see (unknown: Source security groups)',
    );
    expect(lineOf(d.en, 'DNS from here')).toContain('`kinesis.ap-northeast-1.amazonaws.com` does not resolve from here');
    expect(lineOf(d.en, 'VPC DNS attributes')).toContain(`\`${v.vpcId}\` lacks enableDnsSupport, enableDnsHostnames: the endpoint's private DNS is not used.`);
    expect(verdictLine(d.ja)).toBe(
      '*:red_circle: 到達不可* · 最初に失敗した箇所：送信元での名前解決 · ボットから参照できる範囲での結果（不明：送信元のセキュリティグループ）',
    );
    expect(lineOf(d.ja, '送信元での名前解決')).toContain('`kinesis.ap-northeast-1.amazonaws.com` はここから解決されません');
    expect(lineOf(d.ja, 'VPC の DNS 属性')).toContain(`\`${v.vpcId}\` では enableDnsSupport、enableDnsHostnames が無効です。`);
  });

  it("no endpoint ENI in the source's AZ: reachable privately, with the cross-AZ warning and the subnet to add", async () => {
    const v = await vpc();
    const id = await endpoint(v, { subnets: v.subnetIds.slice(1) });

    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);
    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report.verdict).toBe('reachable-privately');
    expect(d.report.firstFailing).toBeUndefined();
    expect(d.line('endpoint-az')).toMatchObject({
      status: 'warn',
      finding: 'az.cross',
      values: { az: v.azs[0], azs: v.azs.slice(1).join(', '), endpoint: id },
      command: `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${id} --add-subnet-ids <a subnet of ${v.vpcId} in ${v.azs[0]}> --region ${MOTO_REGION}`,
    });
    expect(lineOf(d.en, 'AZ')).toContain(
      `*AZ*: No endpoint ENI in the source's AZ \`${v.azs[0]}\` (ENIs in ${v.azs.slice(1).join(', ')}): it works, but cross-AZ data is billed`,
    );
    expect(lineOf(d.ja, 'AZ')).toContain(
      `*AZ*：送信元の AZ \`${v.azs[0]}\` にエンドポイントの ENI がありません（ENI は ${v.azs.slice(1).join('、')} にあります）。`,
    );
  });

  it('a peered VPC without a route to the endpoint: not reachable, the route line gives the create-route over the peering', async () => {
    const { e, p, id, pcx } = await peeredPair();
    // The way back exists; the way there (the source's route table) is what is missing.
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: e.routeTableId, DestinationCidrBlock: p.cidr, VpcPeeringConnectionId: pcx }));
    const target = cidrOf(e, 1);

    const d = await doctor(`doctor ${id} from=${p.subnetIds[0]}`);
    expect(d.report.verdict).toBe('not-reachable');
    expect(d.report.firstFailing).toBe('routing');
    expect(d.line('routing')).toMatchObject({ status: 'fail', finding: 'routing.none', values: { table: p.routeTableId, cidr: target, vpc: e.vpcId } });
    expect(d.line('return-route')).toMatchObject({ status: 'pass', finding: 'routing.peering' });
    expect(d.report.fix).toBe(
      `aws ec2 create-route --route-table-id ${p.routeTableId} --destination-cidr-block ${target} --vpc-peering-connection-id ${pcx} --region ${MOTO_REGION}`,
    );
    expect(d.report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['routing']);

    expect(verdictLine(d.en)).toBe(
      '*:red_circle: Not reachable* · first failing link: Route there · as far as the bot can see (unknown: Source security groups, DNS from here, Resolver / forwarding)',
    );
    expect(lineOf(d.en, 'Route there')).toContain(`\`${p.routeTableId}\` has no route to \`${target}\` (\`${e.vpcId}\`).`);
    expect(verdictLine(d.ja)).toBe(
      '*:red_circle: 到達不可* · 最初に失敗した箇所：往路のルート · ボットから参照できる範囲での結果（不明：送信元のセキュリティグループ、送信元での名前解決、Resolver / 転送）',
    );
    expect(lineOf(d.ja, '往路のルート')).toContain(`\`${p.routeTableId}\` に \`${target}\`（\`${e.vpcId}\`）へのルートがありません。`);
  });

  it('on-premises without a Resolver inbound endpoint: the bot says Resolver is unknown (it cannot read Route 53 Resolver)', async () => {
    const v = await vpc();
    const id = await endpoint(v);
    await raw.send(
      new sdk.AuthorizeSecurityGroupIngressCommand({
        GroupId: v.sgVpc443,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '192.168.0.0/16' }] }],
      }),
    );
    const vgw = await raw.send(new sdk.CreateVpnGatewayCommand({ Type: 'ipsec.1' }));
    const vgwId = vgw.VpnGateway!.VpnGatewayId!;
    await raw.send(new sdk.AttachVpnGatewayCommand({ VpnGatewayId: vgwId, VpcId: v.vpcId }));
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: v.routeTableId, DestinationCidrBlock: '192.168.0.0/16', GatewayId: vgwId }));
    const name = 'kinesis.ap-northeast-1.amazonaws.com';

    const d = await doctor(`doctor ${id} from=192.168.10.5`);
    expect(d.report.location).toBe('onprem');
    expect(d.line('return-route')).toMatchObject({ status: 'pass', finding: 'return.onprem' });
    expect(d.line('resolver')).toMatchObject({
      status: 'unknown',
      finding: 'resolver.onprem',
      values: { name, vpc: v.vpcId },
      command: `aws route53resolver list-resolver-endpoints --region ${MOTO_REGION} --filters Name=Direction,Values=INBOUND`,
    });
    expect(d.line('dns')).toMatchObject({ status: 'unknown', finding: 'dns.unknown' });
    // What it concludes: no link it can see fails, but four it cannot see: cannot tell, each with what settles it.
    expect(d.report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'routing' });
    expect(d.report.unknown).toEqual(['routing', 'nacl-source', 'dns', 'resolver']);
    expect(d.report.settle.map((x) => x.command)).toEqual([
      expect.stringMatching(/^nc -vz -w 5 10\.\d+\.\d+\.\d+ 443$/),
      expect.stringMatching(/^nc -vz -w 5 10\.\d+\.\d+\.\d+ 443$/),
      `dig +short ${name}`,
      `aws route53resolver list-resolver-endpoints --region ${MOTO_REGION} --filters Name=Direction,Values=INBOUND`,
    ]);
    expect(verdictLine(d.en)).toBe('*:large_yellow_circle: Cannot tell* · unknown: Route there, NACL (source subnet), DNS from here, Resolver / forwarding');
    expect(lineOf(d.en, 'Resolver / forwarding')).toContain(
      `*Resolver / forwarding*: On-premises DNS needs a conditional forwarder for \`${name}\` to a Route 53 Resolver inbound endpoint in \`${v.vpcId}\`; the bot cannot read Route 53 Resolver or your DNS servers: unknown.`,
    );
    expect(verdictLine(d.ja)).toBe(
      '*:large_yellow_circle: 判断できません* · 不明な箇所：往路のルート、ネットワーク ACL（送信元サブネット）、送信元での名前解決、Resolver / 転送',
    );
    expect(lineOf(d.ja, 'Resolver / 転送')).toContain(
      `*Resolver / 転送*：オンプレミスの DNS には、\`${name}\` を \`${v.vpcId}\` の Route 53 Resolver インバウンドエンドポイントに送る条件付きフォワーダーが必要です。ボットからは Route 53 Resolver も DNS サーバーも参照できないため、不明です。`,
    );
  });
  // ---- the estate: what an AWS networking engineer runs into ----

  it("an endpoint SG that admits only the app's security group: from a subnet, unknown (each instance's groups decide); from an instance carrying it, reachable", async () => {
    const v = await vpc();
    const app = await group(v, 'app', []);
    const bySg = await group(v, 'by-sg', [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: app }] }]);
    const id = await endpoint(v, { sgs: [bySg] });

    const fromSubnet = await doctor(`doctor ${id} from=${v.sameAzSubnetId}`);
    expect(fromSubnet.report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'sg-endpoint' });
    expect(fromSubnet.report.fix).toBeUndefined();
    expect(fromSubnet.line('sg-endpoint')).toMatchObject({
      status: 'unknown',
      finding: 'sg.bySourceGroup',
      values: { sources: app },
      command: `/privatelink doctor ${id} from=i-… region=${MOTO_REGION}`,
    });
    expect(lineOf(fromSubnet.en, 'Endpoint security groups')).toContain(
      'it depends on the groups each instance of the source carries, not on its subnet: unknown.',
    );
    expect(lineOf(fromSubnet.ja, 'エンドポイントのセキュリティグループ')).toContain(
      '送信元の各インスタンスに割り当てられたセキュリティグループによって決まるため、不明です。',
    );

    const i = await instance(v.sameAzSubnetId, [app]);
    const fromInstance = await doctor(`doctor ${id} from=${i.id}`);
    expect(fromInstance.report.verdict).toBe('reachable-privately');
    expect(fromInstance.line('sg-endpoint')).toMatchObject({ status: 'pass', finding: 'sg.endpointAdmits' });
  });

  it('an endpoint SG that admits a managed prefix list: its entries are read (GetManagedPrefixListEntries); in it, reachable; not in it, the SG fails', async () => {
    const v = await vpc();
    const list = async (cidr: string) =>
      (
        await raw.send(
          new sdk.CreateManagedPrefixListCommand({
            PrefixListName: `doctor-${cidrs}-${cidr}`,
            AddressFamily: 'IPv4',
            MaxEntries: 5,
            Entries: [{ Cidr: cidr }],
          }),
        )
      ).PrefixList!.PrefixListId!;
    const inside = await list(cidrOf(v, 11));
    const outside = await list('172.16.0.0/12');
    const sg = (pl: string) => group(v, `pl-${pl}`, [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: pl }] }]);
    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);

    const admitted = await endpoint(v, { sgs: [await sg(inside)] });
    const yes = await doctor(`doctor ${admitted} from=${i.id}`);
    expect(yes.report.verdict).toBe('reachable-privately');
    expect(yes.line('sg-endpoint')).toMatchObject({ status: 'pass', finding: 'sg.endpointAdmits' });

    const other = await vpc();
    const refusedId = await endpoint(other, {
      sgs: [await group(other, 'pl-out', [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: outside }] }])],
    });
    const j = await instance(other.sameAzSubnetId, [other.sgVpc443]);
    const no = await doctor(`doctor ${refusedId} from=${j.id}`);
    expect(no.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'sg-endpoint' });
    expect(no.line('sg-endpoint')).toMatchObject({ status: 'fail', finding: 'sg.endpointRefuses', values: { cidr: `${j.ip}/32` } });
  });

  it("one endpoint subnet's NACL blocks the source: a warning naming that AZ (calls fail now and then), not 'not reachable'", async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const acl = (await raw.send(new sdk.CreateNetworkAclCommand({ VpcId: v.vpcId }))).NetworkAcl!.NetworkAclId!;
    const entry = (RuleNumber: number, Egress: boolean, RuleAction: 'allow' | 'deny', CidrBlock: string) =>
      raw.send(new sdk.CreateNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber, Egress, RuleAction, CidrBlock, Protocol: '-1' }));
    await entry(50, false, 'deny', cidrOf(v, 11));
    await entry(100, false, 'allow', '0.0.0.0/0');
    await entry(100, true, 'allow', '0.0.0.0/0');
    const blockedSubnet = v.subnetIds[2]!;
    const current = await raw.send(new sdk.DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [blockedSubnet] }] }));
    const association = current.NetworkAcls![0]!.Associations!.find((a) => a.SubnetId === blockedSubnet)!;
    await raw.send(new sdk.ReplaceNetworkAclAssociationCommand({ AssociationId: association.NetworkAclAssociationId!, NetworkAclId: acl }));
    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);

    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report.verdict).toBe('reachable-privately');
    expect(d.line('nacl-endpoint')).toMatchObject({
      status: 'warn',
      finding: 'path.partial',
      values: { blocked: v.azs[2], open: v.azs.slice(0, 2).join(', '), cause: 'nacl.deny', acl, subnet: blockedSubnet },
    });
    expect(d.line('nacl-endpoint').command).toContain(`aws ec2 create-network-acl-entry --network-acl-id ${acl} --ingress --rule-number 49`);
    expect(lineOf(d.en, 'NACL (endpoint subnets)')).toContain(`Only some AZs get through: blocked in ${v.azs[2]}, open in ${v.azs.slice(0, 2).join(', ')}.`);
    expect(lineOf(d.ja, 'ネットワーク ACL（エンドポイントのサブネット）')).toContain(`一部の AZ にだけ到達できます。${v.azs[2]} ではブロックされ`);
  });

  it('a route more specific than local to a firewall ENI: the route link is unknown, said so, settled by a connection test', async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const firewall = await raw.send(new sdk.CreateNetworkInterfaceCommand({ SubnetId: v.subnetIds[1]!, Groups: [v.sgVpc443] }));
    const eni = firewall.NetworkInterface!.NetworkInterfaceId!;
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: v.routeTableId, DestinationCidrBlock: cidrOf(v, 1), NetworkInterfaceId: eni }));
    const i = await instance(v.subnetIds[2]!, [v.sgVpc443]);

    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'routing' });
    expect(d.line('routing')).toMatchObject({ status: 'unknown', finding: 'routing.appliance', values: { target: eni, destination: cidrOf(v, 1) } });
    expect(d.report.settle[0]!.command).toMatch(/^nc -vz -w 5 10\.\d+\.1\.\d+ 443$/);
    expect(verdictLine(d.en)).toBe('*:large_yellow_circle: Cannot tell* · unknown: Route there');
    expect(lineOf(d.en, 'Route there')).toContain('a firewall or Gateway Load Balancer endpoint on the path decides');
    expect(lineOf(d.ja, '往路のルート')).toContain('経路上のファイアウォールまたは Gateway Load Balancer エンドポイントが通信を左右しますが');
  });

  it('port 8443 against an AWS API: the port is the headline (AWS APIs listen on 443), with the doctor run on 443', async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);
    const d = await doctor(`doctor ${id} from=${i.id} port=8443`);
    expect(d.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'port' });
    expect(d.report.fix).toBe(`/privatelink doctor ${id} from=${i.id} region=${MOTO_REGION} port=443`);
    expect(verdictLine(d.en)).toBe('*:red_circle: Not reachable* · first failing link: Port');
    expect(verdictLine(d.ja)).toBe('*:red_circle: 到達不可* · 最初に失敗した箇所：ポート');
  });

  it('a peered VPC with routes both ways: cannot tell, the default name resting on Resolver rules or a shared zone the bot cannot see', async () => {
    const { e, p, id, pcx } = await peeredPair();
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: p.routeTableId, DestinationCidrBlock: e.cidr, VpcPeeringConnectionId: pcx }));
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: e.routeTableId, DestinationCidrBlock: p.cidr, VpcPeeringConnectionId: pcx }));
    const i = await instance(p.subnetIds[0]!, [p.sgVpc443]);

    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'dns', unknown: ['dns', 'resolver'] });
    expect(d.line('routing')).toMatchObject({ status: 'pass', finding: 'routing.peering' });
    expect(d.line('return-route')).toMatchObject({ status: 'pass', finding: 'routing.peering' });
    expect(d.report.settle).toEqual([
      { id: 'dns', command: 'dig +short kinesis.ap-northeast-1.amazonaws.com' },
      { id: 'resolver', command: `aws route53resolver list-resolver-rule-associations --region ${MOTO_REGION} --filters Name=VPCId,Values=${p.vpcId}` },
    ]);
    expect(verdictLine(d.en)).toBe('*:large_yellow_circle: Cannot tell* · unknown: DNS from here, Resolver / forwarding');
  });

  it('a peered VPC whose table already routes the endpoint subnet elsewhere: the fix is replace-route (EC2 refuses a second create-route)', async () => {
    const { e, p, id, pcx } = await peeredPair();
    const igw = (await raw.send(new sdk.CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await raw.send(new sdk.AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: p.vpcId }));
    for (const third of [1, 2, 3])
      await raw.send(new sdk.CreateRouteCommand({ RouteTableId: p.routeTableId, DestinationCidrBlock: cidrOf(e, third), GatewayId: igw }));
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: e.routeTableId, DestinationCidrBlock: p.cidr, VpcPeeringConnectionId: pcx }));

    const d = await doctor(`doctor ${id} from=${p.subnetIds[0]}`);
    expect(d.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'routing' });
    expect(d.report.fix).toBe(
      `aws ec2 replace-route --route-table-id ${p.routeTableId} --destination-cidr-block ${cidrOf(e, 1)} --vpc-peering-connection-id ${pcx} --region ${MOTO_REGION}`,
    );
    // And EC2 (moto) accepts that fix: the route is replaced, and the doctor then passes the route.
    await raw.send(new sdk.ReplaceRouteCommand({ RouteTableId: p.routeTableId, DestinationCidrBlock: cidrOf(e, 1), VpcPeeringConnectionId: pcx }));
    const after = await doctor(`doctor ${id} from=${p.subnetIds[0]}`);
    expect(after.line('routing')).toMatchObject({ status: 'warn', finding: 'path.partial', values: { open: e.azs[0] } });
  });

  /** A hub (endpoint) and a spoke VPC on a Transit Gateway with one TGW route table each, VPC routes to the TGW both ways. */
  async function hubAndSpoke(): Promise<{
    hub: SeededVpc;
    spoke: SeededVpc;
    id: string;
    tgw: string;
    hubTable: string;
    spokeTable: string;
    hubAttachment: string;
    spokeAttachment: string;
  }> {
    const hub = await vpc();
    const spoke = await vpc();
    const id = await endpoint(hub);
    await raw.send(
      new sdk.AuthorizeSecurityGroupIngressCommand({
        GroupId: hub.sgVpc443,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: spoke.cidr }] }],
      }),
    );
    const tgw = (
      await raw.send(new sdk.CreateTransitGatewayCommand({ Options: { DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' } }))
    ).TransitGateway!.TransitGatewayId!;
    const attach = async (v: SeededVpc) =>
      (await raw.send(new sdk.CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: tgw, VpcId: v.vpcId, SubnetIds: [v.subnetIds[0]!] })))
        .TransitGatewayVpcAttachment!.TransitGatewayAttachmentId!;
    const hubAttachment = await attach(hub);
    const spokeAttachment = await attach(spoke);
    // The TGW route table each attachment is associated with (moto associates a new attachment with the TGW's
    // default table even when asked not to; an attachment has one association, so the doctor reads that one).
    const table = async (attachment: string) => {
      const [found] =
        (await raw.send(new sdk.DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [attachment] }))).TransitGatewayAttachments ?? [];
      const associated = found?.Association?.TransitGatewayRouteTableId;
      if (associated) return associated;
      const t = (await raw.send(new sdk.CreateTransitGatewayRouteTableCommand({ TransitGatewayId: tgw }))).TransitGatewayRouteTable!
        .TransitGatewayRouteTableId!;
      await raw.send(new sdk.AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: t, TransitGatewayAttachmentId: attachment }));
      return t;
    };
    const hubTable = await table(hubAttachment);
    const spokeTable = await table(spokeAttachment);
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: spoke.routeTableId, DestinationCidrBlock: '10.0.0.0/8', TransitGatewayId: tgw }));
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: hub.routeTableId, DestinationCidrBlock: spoke.cidr, TransitGatewayId: tgw }));
    return { hub, spoke, id, tgw, hubTable, spokeTable, hubAttachment, spokeAttachment };
  }

  it("a spoke behind a Transit Gateway whose TGW route table has the routes both ways: the route links pass, read from the TGW's route tables", async () => {
    const { hub, spoke, id, hubTable, spokeTable, hubAttachment, spokeAttachment } = await hubAndSpoke();
    await raw.send(
      new sdk.CreateTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: spokeTable,
        DestinationCidrBlock: hub.cidr,
        TransitGatewayAttachmentId: hubAttachment,
      }),
    );
    await raw.send(
      new sdk.CreateTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: hubTable,
        DestinationCidrBlock: spoke.cidr,
        TransitGatewayAttachmentId: spokeAttachment,
      }),
    );
    const i = await instance(spoke.subnetIds[0]!, [spoke.sgVpc443]);

    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report.location).toBe('tgw-vpc');
    expect(d.line('routing')).toMatchObject({ status: 'pass', finding: 'routing.tgwRoute', values: { tgwTable: spokeTable, destination: hub.cidr } });
    expect(d.line('return-route')).toMatchObject({ status: 'pass', finding: 'routing.tgwRoute', values: { tgwTable: hubTable, destination: spoke.cidr } });
    // The network path is known; the default name rests on a private hosted zone or Resolver rules the bot cannot read.
    expect(d.report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'dns' });
    expect(lineOf(d.en, 'Route there')).toContain(
      `whose route table \`${spokeTable}\` (associated with \`${spokeAttachment}\`) sends \`${hub.cidr}\` to \`${hub.vpcId}\`.`,
    );
  });

  it('a spoke behind a Transit Gateway whose TGW route table has no route to the hub: not reachable, the TGW route to add', async () => {
    const { hub, spoke, id, hubTable, spokeTable, hubAttachment, spokeAttachment } = await hubAndSpoke();
    await raw.send(
      new sdk.CreateTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: hubTable,
        DestinationCidrBlock: spoke.cidr,
        TransitGatewayAttachmentId: spokeAttachment,
      }),
    );

    const d = await doctor(`doctor ${id} from=${spoke.subnetIds[0]}`);
    expect(d.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'routing' });
    expect(d.line('routing')).toMatchObject({ status: 'fail', finding: 'routing.tgwNoRoute', values: { tgwTable: spokeTable, attachment: spokeAttachment } });
    expect(d.report.fix).toBe(
      `aws ec2 create-transit-gateway-route --transit-gateway-route-table-id ${spokeTable} --destination-cidr-block ${cidrOf(hub, 1)} --transit-gateway-attachment-id ${hubAttachment} --region ${MOTO_REGION}`,
    );
    expect(verdictLine(d.en)).toContain('*:red_circle: Not reachable* · first failing link: Route there');
    expect(lineOf(d.ja, '往路のルート')).toContain('Transit Gateway はトラフィックを破棄します。');
  });

  it('a spoke behind a Transit Gateway whose TGW route to the hub is a blackhole: not reachable, the blackhole named', async () => {
    const { hub, spoke, id, hubTable, spokeTable, spokeAttachment } = await hubAndSpoke();
    await raw.send(new sdk.CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: spokeTable, DestinationCidrBlock: hub.cidr, Blackhole: true }));
    await raw.send(
      new sdk.CreateTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: hubTable,
        DestinationCidrBlock: spoke.cidr,
        TransitGatewayAttachmentId: spokeAttachment,
      }),
    );

    const d = await doctor(`doctor ${id} from=${spoke.subnetIds[0]}`);
    expect(d.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'routing' });
    expect(d.line('routing')).toMatchObject({ status: 'fail', finding: 'routing.tgwBlackhole', values: { destination: hub.cidr } });
    expect(d.report.fix).toContain(
      `aws ec2 create-transit-gateway-route --transit-gateway-route-table-id ${spokeTable} --destination-cidr-block ${cidrOf(hub, 1)}`,
    );
  });

  it("custom DNS servers in the source VPC's DHCP option set: the DNS link is unknown (private zones answer only the VPC resolver)", async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const options = await raw.send(
      new sdk.CreateDhcpOptionsCommand({ DhcpConfigurations: [{ Key: 'domain-name-servers', Values: ['10.200.0.53', '10.200.1.53'] }] }),
    );
    const dopt = options.DhcpOptions!.DhcpOptionsId!;
    await raw.send(new sdk.AssociateDhcpOptionsCommand({ DhcpOptionsId: dopt, VpcId: v.vpcId }));
    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);

    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report).toMatchObject({ verdict: 'cannot-tell', firstUnknown: 'dns', unknown: ['dns'] });
    expect(d.line('dns')).toMatchObject({ status: 'unknown', finding: 'dns.customServers', values: { servers: '10.200.0.53, 10.200.1.53', vpc: v.vpcId } });
    expect(d.report.settle).toEqual([{ id: 'dns', command: 'dig +short kinesis.ap-northeast-1.amazonaws.com' }]);
    expect(lineOf(d.en, 'DNS from here')).toContain('answer only queries that reach the VPC resolver (VPC base + 2)');
    expect(lineOf(d.ja, '送信元での名前解決')).toContain('VPC のリゾルバー（VPC のベース + 2）に届いたクエリだけです。');
  });

  it('from=vpc: the route tables its subnets use, not the main table; when they disagree, it asks for a subnet', async () => {
    const v = await vpc();
    const id = await endpoint(v);
    // The extra subnet keeps the main table: send the endpoint subnets through an appliance there only.
    const tables = await raw.send(
      new sdk.DescribeRouteTablesCommand({
        Filters: [
          { Name: 'vpc-id', Values: [v.vpcId] },
          { Name: 'association.main', Values: ['true'] },
        ],
      }),
    );
    const main = tables.RouteTables![0]!.RouteTableId!;
    const firewall = (await raw.send(new sdk.CreateNetworkInterfaceCommand({ SubnetId: v.subnetIds[1]! }))).NetworkInterface!.NetworkInterfaceId!;
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: main, DestinationCidrBlock: cidrOf(v, 1), NetworkInterfaceId: firewall }));

    const d = await doctor(`doctor ${id} from=${v.vpcId}`);
    expect(d.line('routing')).toMatchObject({
      status: 'unknown',
      finding: 'routing.manyTables',
      values: { tables: `${v.routeTableId} (pass), ${main} (unknown)` },
      command: `/privatelink doctor ${id} from=${v.sameAzSubnetId} region=${MOTO_REGION}`,
    });
    expect(d.report.verdict).toBe('cannot-tell');
  });
  it('a peering not yet accepted: not reachable, the route line names it and the accept command', async () => {
    const e = await vpc();
    const p = await vpc();
    const id = await endpoint(e);
    const peering = await raw.send(new sdk.CreateVpcPeeringConnectionCommand({ VpcId: p.vpcId, PeerVpcId: e.vpcId }));
    const pcx = peering.VpcPeeringConnection!.VpcPeeringConnectionId!;
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: p.routeTableId, DestinationCidrBlock: e.cidr, VpcPeeringConnectionId: pcx }));
    await raw.send(new sdk.CreateRouteCommand({ RouteTableId: e.routeTableId, DestinationCidrBlock: p.cidr, VpcPeeringConnectionId: pcx }));

    const d = await doctor(`doctor ${id} from=${p.subnetIds[0]}`);
    expect(d.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'routing' });
    expect(d.line('routing')).toMatchObject({ status: 'fail', finding: 'routing.peeringInactive', values: { peering: pcx, status: 'pending-acceptance' } });
    expect(d.report.fix).toBe(`aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id ${pcx} --region ${MOTO_REGION}`);
  });

  it("an instance whose security group lets it out only to a prefix list: the list's entries decide the source SG link", async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const list = async (cidr: string) =>
      (
        await raw.send(
          new sdk.CreateManagedPrefixListCommand({
            PrefixListName: `doctor-out-${cidrs}-${cidr}`,
            AddressFamily: 'IPv4',
            MaxEntries: 5,
            Entries: [{ Cidr: cidr }],
          }),
        )
      ).PrefixList!.PrefixListId!;
    const egressOnly = async (pl: string) => {
      const g = await group(v, `egress-${pl}`, []);
      await raw.send(new sdk.RevokeSecurityGroupEgressCommand({ GroupId: g, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
      await raw.send(
        new sdk.AuthorizeSecurityGroupEgressCommand({
          GroupId: g,
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: pl }] }],
        }),
      );
      return g;
    };
    const endpoints = await egressOnly(await list(v.cidr));
    const elsewhere = await egressOnly(await list('172.16.0.0/12'));

    const yes = await doctor(`doctor ${id} from=${(await instance(v.sameAzSubnetId, [endpoints])).id}`);
    expect(yes.line('sg-source')).toMatchObject({ status: 'pass', finding: 'sg.sourceAllows' });
    expect(yes.report.verdict).toBe('reachable-privately');
    const no = await doctor(`doctor ${id} from=${(await instance(v.sameAzSubnetId, [elsewhere])).id}`);
    expect(no.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'sg-source' });
    expect(no.line('sg-source')).toMatchObject({ status: 'fail', finding: 'sg.sourceRefuses' });
  });

  it("a Transit Gateway route to another attachment (an inspection VPC): unknown, the attachment named, not 'reachable'", async () => {
    const { hub, spoke, id, hubTable, spokeTable, spokeAttachment, tgw } = await hubAndSpoke();
    const inspection = await vpc();
    const firewall = (
      await raw.send(
        new sdk.CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: tgw, VpcId: inspection.vpcId, SubnetIds: [inspection.subnetIds[0]!] }),
      )
    ).TransitGatewayVpcAttachment!.TransitGatewayAttachmentId!;
    await raw.send(
      new sdk.CreateTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: spokeTable,
        DestinationCidrBlock: hub.cidr,
        TransitGatewayAttachmentId: firewall,
      }),
    );
    await raw.send(
      new sdk.CreateTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: hubTable,
        DestinationCidrBlock: spoke.cidr,
        TransitGatewayAttachmentId: spokeAttachment,
      }),
    );

    const d = await doctor(`doctor ${id} from=${spoke.subnetIds[0]}`);
    expect(d.report.verdict).toBe('cannot-tell');
    expect(d.line('routing')).toMatchObject({
      status: 'unknown',
      finding: 'routing.tgwElsewhere',
      values: { destination: hub.cidr, target: `${firewall} (vpc ${inspection.vpcId})` },
    });
    expect(lineOf(d.en, 'Route there')).toContain('what happens there (an inspection VPC, a VPN) is not visible to the bot: unknown.');
  });

  it('a DHCP option set with AmazonProvidedDNS: the DNS link passes (only other servers make it unknown)', async () => {
    const v = await vpc();
    const id = await endpoint(v);
    const options = await raw.send(
      new sdk.CreateDhcpOptionsCommand({
        DhcpConfigurations: [
          { Key: 'domain-name-servers', Values: ['AmazonProvidedDNS'] },
          { Key: 'domain-name', Values: ['corp.internal'] },
        ],
      }),
    );
    await raw.send(new sdk.AssociateDhcpOptionsCommand({ DhcpOptionsId: options.DhcpOptions!.DhcpOptionsId!, VpcId: v.vpcId }));
    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);

    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.line('dns')).toMatchObject({ status: 'pass', finding: 'dns.private' });
    expect(d.report.verdict).toBe('reachable-privately');
  });

  it('an endpoint policy that denies everything: not reachable although the network path is open, the policy named, the default policy that restores it', async () => {
    const v = await vpc();
    const denyAll = JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] });
    const id = await endpoint(v, { policy: denyAll });
    const i = await instance(v.sameAzSubnetId, [v.sgVpc443]);

    const d = await doctor(`doctor ${id} from=${i.id}`);
    expect(d.report).toMatchObject({ verdict: 'not-reachable', firstFailing: 'policy' });
    expect(d.report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['policy']);
    expect(d.report.fix).toBe(
      `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${id} --policy-document '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}' --region ${MOTO_REGION}`,
    );
    // EC2 (moto) accepts that fix, and the doctor then passes the policy.
    await raw.send(
      new sdk.ModifyVpcEndpointCommand({
        VpcEndpointId: id,
        PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
      }),
    );
    expect((await doctor(`doctor ${id} from=${i.id}`)).line('policy')).toMatchObject({ status: 'pass', finding: 'policy.full' });
    expect(verdictLine(d.en)).toBe('*:red_circle: Not reachable* · first failing link: Endpoint policy');
    expect(lineOf(d.ja, 'エンドポイントポリシー')).toContain('エンドポイント経由の呼び出しはすべて拒否されます（AccessDenied）。');
  });
});
