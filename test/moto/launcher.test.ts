/**
 * Pins, with raw SDK calls, the EC2 behaviours the launcher adds to moto (docs/aws-behaviour.md ("The independent EC2")), and the
 * moto behaviours the bot relies on as they are. If moto changes under the launcher, these say so first.
 */
import * as sdk from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { motoClient, MOTO_REGION, seedVpc, startMoto, type MotoServer, type SeededVpc } from './moto.js';
import { describeWithMoto } from './suite.js';

const KINESIS = `com.amazonaws.${MOTO_REGION}.kinesis-streams`;
const S3 = `com.amazonaws.${MOTO_REGION}.s3`;
const DYNAMODB = `com.amazonaws.${MOTO_REGION}.dynamodb`;

describeWithMoto('moto launcher: CreateVpcEndpoint as EC2 answers it', () => {
  let moto: MotoServer;
  let ec2: sdk.EC2Client;
  let cidrs = 0;
  /** A fresh VPC per test, so each rule is seen in isolation. */
  const vpc = (options: Parameters<typeof seedVpc>[1] = {}) => seedVpc(ec2, { cidr: `10.${30 + (cidrs++ % 200)}.0.0/16`, ...options });

  beforeAll(async () => {
    moto = await startMoto({ pageSize: 2 });
    ec2 = await motoClient(moto.url);
  }, 120_000);
  afterAll(async () => {
    ec2?.destroy();
    await moto?.stop();
  });

  const interfaceEndpoint = (v: SeededVpc, extra: Partial<sdk.CreateVpcEndpointCommandInput> = {}) =>
    new sdk.CreateVpcEndpointCommand({
      VpcEndpointType: 'Interface',
      VpcId: v.vpcId,
      ServiceName: KINESIS,
      SubnetIds: v.subnetIds.slice(0, 2),
      SecurityGroupIds: [v.sgVpc443],
      ...extra,
    });
  const endpointsIn = async (v: SeededVpc) =>
    (await ec2.send(new sdk.DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [v.vpcId] }] }))).VpcEndpoints ?? [];
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => ({ name: 'created', message: '' }),
      (e: { name: string; message: string }) => ({ name: e.name, message: e.message }),
    );

  it('starts with every patch applied', () => {
    expect(moto.patches).toEqual([
      'dynamodb-interface-service',
      'create-vpc-endpoint',
      'endpoint-network-interfaces',
      'pending-then-available',
      'describe-vpc-endpoints-pages',
      'transit-gateway-route-attachments',
    ]);
  });

  it('an interface endpoint has one ENI per subnet, addressed from that subnet, with its security groups (else the default group)', async () => {
    const v = await vpc();
    const created = await ec2.send(interfaceEndpoint(v));
    const ids = created.VpcEndpoint!.NetworkInterfaceIds ?? [];
    expect(ids).toHaveLength(2);
    const enis = (await ec2.send(new sdk.DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ids }))).NetworkInterfaces ?? [];
    const prefix = v.cidr.split('.').slice(0, 2).join('.');
    expect(enis.map((n) => n.SubnetId).sort()).toEqual(v.subnetIds.slice(0, 2).sort());
    for (const n of enis) {
      const third = v.subnetIds.indexOf(n.SubnetId!) + 1;
      const last = Number(n.PrivateIpAddress!.split('.')[3]);
      expect(n.PrivateIpAddress!.startsWith(`${prefix}.${third}.`)).toBe(true);
      // The first four addresses and the last one of a subnet are AWS's.
      expect(last >= 4 && last <= 254).toBe(true);
      expect(n.AvailabilityZone).toBe(v.azs[third - 1]);
      expect(n.Groups?.map((g) => g.GroupId)).toEqual([v.sgVpc443]);
      expect(n.InterfaceType).toBe('vpc_endpoint');
      expect(n.RequesterManaged).toBe(true);
      expect(n.Description).toBe(`VPC Endpoint Interface ${created.VpcEndpoint!.VpcEndpointId}`);
    }

    const other = await vpc();
    const bare = await ec2.send(interfaceEndpoint(other, { SecurityGroupIds: undefined, SubnetIds: [other.subnetIds[0]!] }));
    const defaults = await ec2.send(
      new sdk.DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [other.vpcId] },
          { Name: 'group-name', Values: ['default'] },
        ],
      }),
    );
    const [eni] =
      (await ec2.send(new sdk.DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: bare.VpcEndpoint!.NetworkInterfaceIds }))).NetworkInterfaces ?? [];
    expect(eni?.Groups?.map((g) => g.GroupId)).toEqual([defaults.SecurityGroups![0]!.GroupId]);
  });

  it('DryRun answers DryRunOperation and creates nothing; its ClientToken stays free for the real call', async () => {
    const v = await vpc();
    const dry = await refusal(ec2.send(interfaceEndpoint(v, { DryRun: true, ClientToken: 'dry-then-real' })));
    expect(dry.name).toBe('DryRunOperation');
    expect(await endpointsIn(v)).toEqual([]);

    const real = await ec2.send(interfaceEndpoint(v, { ClientToken: 'dry-then-real' }));
    expect(real.VpcEndpoint?.VpcEndpointId).toMatch(/^vpce-[0-9a-f]{17}$/);
    expect(await endpointsIn(v)).toHaveLength(1);
  });

  it('a repeated ClientToken with the same parameters returns the same endpoint, and creates no second one', async () => {
    const v = await vpc();
    const first = await ec2.send(interfaceEndpoint(v, { ClientToken: 'token-same' }));
    const again = await ec2.send(interfaceEndpoint(v, { ClientToken: 'token-same' }));
    expect(again.VpcEndpoint?.VpcEndpointId).toBe(first.VpcEndpoint?.VpcEndpointId);
    expect(again.ClientToken).toBe('token-same');
    expect(await endpointsIn(v)).toHaveLength(1);
  });

  it('a repeated ClientToken with other parameters is refused with IdempotentParameterMismatch', async () => {
    const v = await vpc();
    await ec2.send(interfaceEndpoint(v, { ClientToken: 'token-changed' }));
    const changed = await refusal(ec2.send(interfaceEndpoint(v, { ClientToken: 'token-changed', SubnetIds: [v.subnetIds[2]!] })));
    expect(changed.name).toBe('IdempotentParameterMismatch');
    expect(await endpointsIn(v)).toHaveLength(1);
  });

  it('S3 with private DNS on defaults to inbound-only DNS, which EC2 refuses without an S3 gateway endpoint', async () => {
    const v = await vpc();
    const refused = await refusal(ec2.send(interfaceEndpoint(v, { ServiceName: S3, PrivateDnsEnabled: true })));
    expect(refused.name).toBe('InvalidParameter');
    expect(refused.message).toContain('To set PrivateDnsOnlyForInboundResolverEndpoint to true');
    expect(await endpointsIn(v)).toEqual([]);
  });

  it('S3 inbound-only DNS is accepted once the VPC has an S3 gateway endpoint, and says so in DnsOptions', async () => {
    const v = await vpc({ s3Gateway: true });
    const created = await ec2.send(interfaceEndpoint(v, { ServiceName: S3, PrivateDnsEnabled: true }));
    expect(created.VpcEndpoint?.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint).toBe(true);
    expect(created.VpcEndpoint?.PrivateDnsEnabled).toBe(true);
  });

  it('S3 private DNS for all resolvers (inbound-only false) needs no gateway endpoint', async () => {
    const v = await vpc();
    const created = await ec2.send(
      interfaceEndpoint(v, { ServiceName: S3, PrivateDnsEnabled: true, DnsOptions: { PrivateDnsOnlyForInboundResolverEndpoint: false } }),
    );
    expect(created.VpcEndpoint?.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint).toBe(false);
  });

  it('DynamoDB offers an interface endpoint and follows the same inbound-only rule', async () => {
    const services = await ec2.send(new sdk.DescribeVpcEndpointServicesCommand({ ServiceNames: [DYNAMODB] }));
    expect(services.ServiceDetails?.flatMap((s) => s.ServiceType?.map((t) => t.ServiceType)).sort()).toEqual(['Gateway', 'Interface']);

    const v = await vpc();
    const refused = await refusal(ec2.send(interfaceEndpoint(v, { ServiceName: DYNAMODB, PrivateDnsEnabled: true })));
    expect(refused.name).toBe('InvalidParameter');
    await ec2.send(new sdk.CreateVpcEndpointCommand({ VpcEndpointType: 'Gateway', VpcId: v.vpcId, ServiceName: DYNAMODB, RouteTableIds: [v.routeTableId] }));
    const created = await ec2.send(interfaceEndpoint(v, { ServiceName: DYNAMODB, PrivateDnsEnabled: true }));
    expect(created.VpcEndpoint?.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint).toBe(true);
  });

  it('inbound-only DNS is refused for a service without a gateway endpoint type', async () => {
    const v = await vpc();
    const refused = await refusal(ec2.send(interfaceEndpoint(v, { DnsOptions: { PrivateDnsOnlyForInboundResolverEndpoint: true } })));
    expect(refused.name).toBe('InvalidParameter');
  });

  it('a second endpoint with private DNS for the same service in the VPC is refused; one without private DNS is not', async () => {
    const v = await vpc();
    await ec2.send(interfaceEndpoint(v, { PrivateDnsEnabled: true }));
    const second = await refusal(ec2.send(interfaceEndpoint(v, { PrivateDnsEnabled: true, SubnetIds: [v.subnetIds[2]!] })));
    expect(second.name).toBe('InvalidParameter');
    expect(second.message).toContain(`conflicting DNS domain for kinesis.${MOTO_REGION}.amazonaws.com in the VPC ${v.vpcId}`);
    const withoutDns = await ec2.send(interfaceEndpoint(v, { PrivateDnsEnabled: false, SubnetIds: [v.subnetIds[2]!] }));
    expect(withoutDns.VpcEndpoint?.PrivateDnsEnabled).toBe(false);
    expect(await endpointsIn(v)).toHaveLength(2);
  });

  it('the private DNS name is free again once the endpoint holding it is deleted', async () => {
    const v = await vpc();
    const first = await ec2.send(interfaceEndpoint(v, { PrivateDnsEnabled: true }));
    await ec2.send(new sdk.DeleteVpcEndpointsCommand({ VpcEndpointIds: [first.VpcEndpoint!.VpcEndpointId!] }));
    const second = await ec2.send(interfaceEndpoint(v, { PrivateDnsEnabled: true }));
    expect(second.VpcEndpoint?.VpcEndpointId).not.toBe(first.VpcEndpoint?.VpcEndpointId);
  });

  it('two subnets in one Availability Zone are refused with DuplicateSubnetsInSameZone', async () => {
    const v = await vpc();
    const refused = await refusal(ec2.send(interfaceEndpoint(v, { SubnetIds: [v.subnetIds[0]!, v.sameAzSubnetId] })));
    expect(refused.name).toBe('DuplicateSubnetsInSameZone');
    expect(await endpointsIn(v)).toEqual([]);
  });

  it('IpAddressType ipv6 needs IPv6-only subnets and dualstack needs subnets with both ranges', async () => {
    const v = await vpc({ ipv6: true });
    const { ipv6OnlySubnetId, dualStackSubnetId } = v.ipv6!;
    const code = async (IpAddressType: 'ipv4' | 'dualstack' | 'ipv6', subnet: string) =>
      (await refusal(ec2.send(interfaceEndpoint(v, { IpAddressType, SubnetIds: [subnet], PrivateDnsEnabled: false })))).name;
    expect(await code('ipv6', v.subnetIds[0]!)).toBe('InvalidParameter');
    expect(await code('dualstack', v.subnetIds[0]!)).toBe('InvalidParameter');
    expect(await code('ipv6', dualStackSubnetId)).toBe('InvalidParameter');
    expect(await code('ipv4', ipv6OnlySubnetId)).toBe('InvalidParameter');
    expect(await code('dualstack', ipv6OnlySubnetId)).toBe('InvalidParameter');
    expect(await endpointsIn(v)).toEqual([]);

    const ipv6 = await ec2.send(interfaceEndpoint(v, { IpAddressType: 'ipv6', SubnetIds: [ipv6OnlySubnetId], PrivateDnsEnabled: false }));
    expect(ipv6.VpcEndpoint).toMatchObject({ IpAddressType: 'ipv6', DnsOptions: { DnsRecordIpType: 'ipv6' } });
    const dualstack = await ec2.send(interfaceEndpoint(v, { IpAddressType: 'dualstack', SubnetIds: [dualStackSubnetId], PrivateDnsEnabled: false }));
    expect(dualstack.VpcEndpoint?.IpAddressType).toBe('dualstack');
    const ipv4 = await ec2.send(interfaceEndpoint(v, { IpAddressType: 'ipv4', SubnetIds: [dualStackSubnetId, v.subnetIds[2]!], PrivateDnsEnabled: false }));
    expect(ipv4.VpcEndpoint?.IpAddressType).toBe('ipv4');
  });

  it('a cross-region endpoint needs the service in ServiceRegion', async () => {
    const v = await vpc();
    const remote = 'us-east-1';
    const refused = await refusal(
      ec2.send(interfaceEndpoint(v, { ServiceRegion: remote, ServiceName: `com.amazonaws.${remote}.no-such-service`, PrivateDnsEnabled: false })),
    );
    expect(refused.name).toBe('InvalidServiceName');
    const created = await ec2.send(interfaceEndpoint(v, { ServiceRegion: remote, ServiceName: `com.amazonaws.${remote}.s3`, PrivateDnsEnabled: false }));
    expect(created.VpcEndpoint).toMatchObject({ ServiceName: `com.amazonaws.${remote}.s3`, ServiceRegion: remote });
    expect(created.VpcEndpoint?.DnsEntries?.[0]?.DnsName).toMatch(new RegExp(`\\.s3\\.${remote}\\.vpce\\.amazonaws\\.com$`));
  });

  it('an unknown service is refused with InvalidServiceName', async () => {
    const v = await vpc();
    const refused = await refusal(ec2.send(interfaceEndpoint(v, { ServiceName: `com.amazonaws.${MOTO_REGION}.no-such-service` })));
    expect(refused.name).toBe('InvalidServiceName');
  });

  it('DnsEntries are shaped as EC2 names them: regional, one zonal per AZ, then the private DNS name', async () => {
    const v = await vpc();
    const created = await ec2.send(interfaceEndpoint(v, { PrivateDnsEnabled: true, SubnetIds: v.subnetIds }));
    const id = created.VpcEndpoint!.VpcEndpointId!;
    const names = (created.VpcEndpoint?.DnsEntries ?? []).map((d) => d.DnsName);
    const suffix = `kinesis\\.${MOTO_REGION}\\.vpce\\.amazonaws\\.com`;
    expect(names[0]).toMatch(new RegExp(`^${id}-[a-z0-9]{8}\\.${suffix}$`));
    expect(names.slice(1, 4)).toEqual(v.azs.map((az) => names[0]!.replace(/^(vpce-[0-9a-f]+-[a-z0-9]{8})\./, `$1-${az}.`)));
    expect(names[4]).toBe(`kinesis.${MOTO_REGION}.amazonaws.com`);
  });

  it('S3 endpoint names carry a wildcard label for the bucket', async () => {
    const v = await vpc();
    const created = await ec2.send(interfaceEndpoint(v, { ServiceName: S3, PrivateDnsEnabled: false }));
    expect(created.VpcEndpoint?.DnsEntries?.[0]?.DnsName).toMatch(
      new RegExp(`^\\*\\.vpce-[0-9a-f]{17}-[a-z0-9]{8}\\.s3\\.${MOTO_REGION}\\.vpce\\.amazonaws\\.com$`),
    );
  });

  it('a new interface endpoint is pending, then available on a later describe', async () => {
    const v = await vpc();
    const created = await ec2.send(interfaceEndpoint(v));
    expect(created.VpcEndpoint?.State).toBe('pending');
    const ids = [created.VpcEndpoint!.VpcEndpointId!];
    const states: string[] = [];
    for (let i = 0; i < 3; i++) states.push((await ec2.send(new sdk.DescribeVpcEndpointsCommand({ VpcEndpointIds: ids }))).VpcEndpoints![0]!.State!);
    expect(states).toEqual(['pending', 'available', 'available']);
  });

  it('DescribeVpcEndpoints pages with MaxResults and NextToken', async () => {
    const v = await vpc();
    for (const subnet of v.subnetIds) await ec2.send(interfaceEndpoint(v, { SubnetIds: [subnet], PrivateDnsEnabled: false }));
    const filter = { Filters: [{ Name: 'vpc-id', Values: [v.vpcId] }], MaxResults: 5 };
    const first = await ec2.send(new sdk.DescribeVpcEndpointsCommand(filter));
    expect(first.VpcEndpoints).toHaveLength(2);
    const second = await ec2.send(new sdk.DescribeVpcEndpointsCommand({ ...filter, NextToken: first.NextToken! }));
    expect(second.VpcEndpoints).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    const all = new Set([...first.VpcEndpoints!, ...second.VpcEndpoints!].map((e) => e.VpcEndpointId));
    expect(all.size).toBe(3);
  });

  it('moto as it is: DescribeVpcEndpoints filters by vpc-id, service-name, state, type and tag', async () => {
    const v = await vpc({ s3Gateway: true });
    const tagged = await ec2.send(
      interfaceEndpoint(v, { TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'privatelink:request', Value: 'req-1' }] }] }),
    );
    const find = async (Filters: sdk.Filter[]) =>
      ((await ec2.send(new sdk.DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [v.vpcId] }, ...Filters] }))).VpcEndpoints ?? [])
        .map((e) => e.VpcEndpointId)
        .sort();
    const id = tagged.VpcEndpoint!.VpcEndpointId!;
    // State first: every describe that returns the new endpoint moves it on from pending.
    expect(await find([{ Name: 'vpc-endpoint-state', Values: ['available'] }])).toEqual([v.s3GatewayId]);
    expect(await find([{ Name: 'vpc-endpoint-state', Values: ['pending'] }])).toEqual([id]);
    expect(await find([{ Name: 'service-name', Values: [KINESIS] }])).toEqual([id]);
    expect(await find([{ Name: 'vpc-endpoint-type', Values: ['Gateway'] }])).toEqual([v.s3GatewayId]);
    expect(await find([{ Name: 'tag:privatelink:request', Values: ['req-1'] }])).toEqual([id]);
  });

  it('moto as it is: VPC DNS attributes, one per DescribeVpcAttribute call', async () => {
    const off = await vpc({ dnsAttributes: false });
    const on = await vpc();
    const attr = async (VpcId: string, Attribute: 'enableDnsSupport' | 'enableDnsHostnames') => {
      const r = await ec2.send(new sdk.DescribeVpcAttributeCommand({ VpcId, Attribute }));
      return Attribute === 'enableDnsSupport' ? r.EnableDnsSupport?.Value : r.EnableDnsHostnames?.Value;
    };
    expect([await attr(on.vpcId, 'enableDnsSupport'), await attr(on.vpcId, 'enableDnsHostnames')]).toEqual([true, true]);
    expect([await attr(off.vpcId, 'enableDnsSupport'), await attr(off.vpcId, 'enableDnsHostnames')]).toEqual([false, false]);
  });
});
