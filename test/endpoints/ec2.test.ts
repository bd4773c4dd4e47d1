import { afterEach, describe, expect, it } from 'vitest';
import { Ec2Error, mergeServiceTypes } from '../../src/endpoints/ec2-api.js';
import { KINESIS, REGION, describeEndpointsXml, describeServicesXml, errorXml, fakeEc2, fakeId, faultyServer, loopbackEc2, testEc2 } from '../helpers/ec2.js';

const ENDPOINT_ID = 'vpce-0123456789abcdef0';

describe('EC2 adapter at the Query/XML wire', () => {
  it('sends DescribeVpcEndpoints with filters and reads every field', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: () =>
        describeEndpointsXml([
          {
            id: ENDPOINT_ID,
            state: 'failed',
            lastError: { code: 'InvalidParameter', message: 'private DNS <not> supported' },
            tags: { Name: 'orders', team: 'data' },
          },
        ]),
    });

    const endpoints = await testEc2().describeEndpoints(REGION, { vpcId: 'vpc-0a1b2c3d', state: 'failed' });

    expect(calls[0]!.params).toMatchObject({
      Action: 'DescribeVpcEndpoints',
      Version: '2016-11-15',
      'Filter.1.Name': 'vpc-id',
      'Filter.1.Value.1': 'vpc-0a1b2c3d',
      'Filter.2.Name': 'vpc-endpoint-state',
      'Filter.2.Value.1': 'failed',
      MaxResults: '1000',
    });
    expect(endpoints).toEqual([
      {
        id: ENDPOINT_ID,
        type: 'Interface',
        serviceName: `com.amazonaws.${REGION}.kinesis-streams`,
        state: 'failed',
        vpcId: 'vpc-0a1b2c3d',
        subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
        securityGroupIds: ['sg-0a1b2c3d'],
        privateDnsEnabled: true,
        ipAddressType: 'ipv4',
        createdAt: '2026-11-20T03:04:05.000Z',
        lastError: { code: 'InvalidParameter', message: 'private DNS <not> supported' },
        dnsEntries: [
          { dnsName: `${ENDPOINT_ID}-4f8h2k1m.kinesis.${REGION}.vpce.amazonaws.com`, hostedZoneId: 'Z2OJLYMUO9EFXC' },
          { dnsName: `${ENDPOINT_ID}-4f8h2k1m-${REGION}a.kinesis.${REGION}.vpce.amazonaws.com`, hostedZoneId: 'Z2OJLYMUO9EFXC' },
          { dnsName: `${ENDPOINT_ID}-4f8h2k1m-${REGION}c.kinesis.${REGION}.vpce.amazonaws.com`, hostedZoneId: 'Z2OJLYMUO9EFXC' },
          { dnsName: `kinesis.${REGION}.amazonaws.com`, hostedZoneId: 'Z2OJLYMUO9EFXC' },
        ],
        tags: { Name: 'orders', team: 'data' },
        dnsRecordIpType: 'ipv4',
        networkInterfaceIds: ['eni-0123456789abcdef0', 'eni-0123456789abcdef1'],
        policyDocument: '{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}]}',
      },
    ]);
  });

  it('asks for explicit ids without MaxResults, which EC2 rejects together', async () => {
    const calls = fakeEc2({ DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT_ID }]) });

    await testEc2().describeEndpoints(REGION, { ids: [ENDPOINT_ID] });

    expect(calls[0]!.params['VpcEndpointId.1']).toBe(ENDPOINT_ID);
    expect(calls[0]!.params.MaxResults).toBeUndefined();
  });

  it('follows NextToken across three pages', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: (params) => {
        const page = params.NextToken === undefined ? 0 : Number(params.NextToken.replace('page-', ''));
        const ids = Array.from({ length: 3 }, (_, i) => ({ id: fakeId('vpce', page * 3 + i) }));
        return describeEndpointsXml(ids, page < 2 ? `page-${page + 1}` : undefined);
      },
    });

    const endpoints = await testEc2().describeEndpoints(REGION, {});

    expect(calls.map((c) => c.params.NextToken)).toEqual([undefined, 'page-1', 'page-2']);
    expect(endpoints.map((e) => e.id)).toEqual(Array.from({ length: 9 }, (_, i) => fakeId('vpce', i)));
  });

  it('reads endpoint services across pages', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpointServices: (params) =>
        params.NextToken
          ? describeServicesXml([{ name: `com.amazonaws.${REGION}.s3`, types: ['Gateway', 'Interface'] }])
          : describeServicesXml(
              [KINESIS, { name: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0abc', acceptanceRequired: true, owner: '111122223333' }],
              'more',
            ),
    });

    const services = await testEc2().describeServices(REGION, undefined);

    expect(calls).toHaveLength(2);
    expect(services).toEqual([
      {
        serviceName: KINESIS.name,
        serviceId: 'vpce-svc-0123456789abcdef0',
        types: ['Interface'],
        privateDnsName: `kinesis.${REGION}.amazonaws.com`,
        acceptanceRequired: false,
        policySupported: true,
        availabilityZones: [`${REGION}a`, `${REGION}c`, `${REGION}d`],
        owner: 'amazon',
        ipAddressTypes: ['ipv4'],
      },
      expect.objectContaining({ serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0abc', acceptanceRequired: true, owner: '111122223333' }),
      expect.objectContaining({ serviceName: `com.amazonaws.${REGION}.s3`, types: ['Gateway', 'Interface'] }),
    ]);
  });

  it.each([
    ['InvalidVpcEndpointId.NotFound', 400],
    ['UnauthorizedOperation', 403],
    ['InvalidParameter', 400],
  ])('turns %s into an Ec2Error with that code and the action', async (code, status) => {
    fakeEc2({ DescribeVpcEndpoints: () => [status, errorXml(code, `details of ${code}`)] });

    const error = await testEc2()
      .describeEndpoints(REGION, { ids: [ENDPOINT_ID] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Ec2Error);
    expect(error).toMatchObject({ code, action: 'ec2:DescribeVpcEndpoints', region: REGION, message: `details of ${code}` });
  });

  it('retries throttling, then succeeds', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: (_p, n) => (n === 1 ? [503, errorXml('RequestLimitExceeded', 'Request limit exceeded.')] : describeEndpointsXml([])),
    });

    await expect(testEc2(3).describeEndpoints(REGION, {})).resolves.toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it('gives up on persistent throttling with RequestLimitExceeded', async () => {
    const calls = fakeEc2({ DescribeVpcEndpoints: () => [503, errorXml('RequestLimitExceeded', 'Request limit exceeded.')] });

    await expect(testEc2(2).describeEndpoints(REGION, {})).rejects.toMatchObject({ code: 'RequestLimitExceeded' });
    expect(calls).toHaveLength(2);
  });

  it('reports a connection reset as Unreachable', async () => {
    const server = await faultyServer('reset');
    try {
      await expect(loopbackEc2(server.url).describeEndpoints(REGION, {})).rejects.toMatchObject({ code: 'Unreachable' });
    } finally {
      await server.close();
    }
  });

  it('reports an EC2 that never answers as a Timeout', async () => {
    const server = await faultyServer('silent');
    try {
      await expect(loopbackEc2(server.url).describeEndpoints(REGION, {})).rejects.toMatchObject({ code: 'Timeout' });
    } finally {
      await server.close();
    }
  });

  it('reads subnets, security group rules and VPC attributes', async () => {
    const calls = fakeEc2({
      DescribeSubnets: () => `<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><subnetSet>
        <item><subnetId>subnet-0a1b2c3d</subnetId><vpcId>vpc-0a1b2c3d</vpcId><availabilityZone>${REGION}a</availabilityZone><state>available</state></item>
      </subnetSet></DescribeSubnetsResponse>`,
      DescribeSecurityGroups:
        () => `<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><securityGroupInfo>
        <item><ownerId>123456789012</ownerId><groupId>sg-0a1b2c3d</groupId><groupName>endpoint</groupName><groupDescription>d</groupDescription><vpcId>vpc-0a1b2c3d</vpcId>
          <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups><item><groupId>sg-11112222</groupId></item></groups><ipRanges><item><cidrIp>10.0.0.0/16</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions>
        </item></securityGroupInfo></DescribeSecurityGroupsResponse>`,
      DescribeVpcAttribute: (p) =>
        `<DescribeVpcAttributeResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><vpcId>vpc-0a1b2c3d</vpcId><${p.Attribute}><value>${p.Attribute === 'enableDnsSupport'}</value></${p.Attribute}></DescribeVpcAttributeResponse>`,
    });
    const ec2 = testEc2();

    expect(await ec2.describeSubnets(REGION, ['subnet-0a1b2c3d'])).toEqual([
      { id: 'subnet-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', availabilityZone: `${REGION}a`, ipv6Cidrs: [], ipv6Native: false },
    ]);
    expect(await ec2.describeSecurityGroups(REGION, ['sg-0a1b2c3d'])).toEqual([
      {
        id: 'sg-0a1b2c3d',
        vpcId: 'vpc-0a1b2c3d',
        name: 'endpoint',
        inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.0.0.0/16'], sources: ['sg-11112222'] }],
      },
    ]);
    expect(await ec2.describeVpcAttribute(REGION, 'vpc-0a1b2c3d', 'enableDnsSupport')).toBe(true);
    expect(await ec2.describeVpcAttribute(REGION, 'vpc-0a1b2c3d', 'enableDnsHostnames')).toBe(false);
    expect(calls.map((c) => c.params['SubnetId.1'] ?? c.params['GroupId.1'] ?? c.params.Attribute)).toEqual([
      'subnet-0a1b2c3d',
      'sg-0a1b2c3d',
      'enableDnsSupport',
      'enableDnsHostnames',
    ]);
  });

  it('reads free addresses and IPv6 blocks of subnets, skipping disassociated blocks', async () => {
    fakeEc2({
      DescribeSubnets: () => `<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><subnetSet>
        <item><subnetId>subnet-0a1b2c3d</subnetId><vpcId>vpc-0a1b2c3d</vpcId><availabilityZone>${REGION}a</availabilityZone><state>available</state><cidrBlock>10.0.0.0/24</cidrBlock><availableIpAddressCount>0</availableIpAddressCount>
          <ipv6CidrBlockAssociationSet>
            <item><ipv6CidrBlock>2001:db8:0:1::/64</ipv6CidrBlock><associationId>a1</associationId><ipv6CidrBlockState><state>associated</state></ipv6CidrBlockState></item>
            <item><ipv6CidrBlock>2001:db8:0:9::/64</ipv6CidrBlock><associationId>a2</associationId><ipv6CidrBlockState><state>disassociated</state></ipv6CidrBlockState></item>
          </ipv6CidrBlockAssociationSet><ipv6Native>false</ipv6Native></item>
        <item><subnetId>subnet-4e5f6a7b</subnetId><vpcId>vpc-0a1b2c3d</vpcId><availabilityZone>${REGION}c</availabilityZone><state>available</state>
          <ipv6CidrBlockAssociationSet><item><ipv6CidrBlock>2001:db8:0:2::/64</ipv6CidrBlock><associationId>a3</associationId><ipv6CidrBlockState><state>associated</state></ipv6CidrBlockState></item></ipv6CidrBlockAssociationSet><ipv6Native>true</ipv6Native></item>
      </subnetSet></DescribeSubnetsResponse>`,
    });

    expect(await testEc2().describeSubnets(REGION, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'])).toEqual([
      {
        id: 'subnet-0a1b2c3d',
        vpcId: 'vpc-0a1b2c3d',
        availabilityZone: `${REGION}a`,
        availableIpAddressCount: 0,
        ipv4Cidr: '10.0.0.0/24',
        ipv6Cidrs: ['2001:db8:0:1::/64'],
        ipv6Native: false,
      },
      { id: 'subnet-4e5f6a7b', vpcId: 'vpc-0a1b2c3d', availabilityZone: `${REGION}c`, ipv6Cidrs: ['2001:db8:0:2::/64'], ipv6Native: true },
    ]);
  });

  it('reads every associated CIDR block of a VPC', async () => {
    const calls = fakeEc2({
      DescribeVpcs: () => `<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><vpcSet><item>
        <vpcId>vpc-0a1b2c3d</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock>
        <cidrBlockAssociationSet>
          <item><cidrBlock>10.0.0.0/16</cidrBlock><associationId>c1</associationId><cidrBlockState><state>associated</state></cidrBlockState></item>
          <item><cidrBlock>100.64.0.0/16</cidrBlock><associationId>c2</associationId><cidrBlockState><state>associated</state></cidrBlockState></item>
          <item><cidrBlock>172.16.0.0/16</cidrBlock><associationId>c3</associationId><cidrBlockState><state>disassociated</state></cidrBlockState></item>
        </cidrBlockAssociationSet>
        <ipv6CidrBlockAssociationSet><item><ipv6CidrBlock>2001:db8::/56</ipv6CidrBlock><associationId>c4</associationId><ipv6CidrBlockState><state>associated</state></ipv6CidrBlockState></item></ipv6CidrBlockAssociationSet>
      </item></vpcSet></DescribeVpcsResponse>`,
    });

    expect(await testEc2().describeVpcs(REGION, ['vpc-0a1b2c3d'])).toEqual([
      { id: 'vpc-0a1b2c3d', cidrs: ['10.0.0.0/16', '100.64.0.0/16'], ipv6Cidrs: ['2001:db8::/56'] },
    ]);
    expect(calls[0]!.params).toMatchObject({ Action: 'DescribeVpcs', 'VpcId.1': 'vpc-0a1b2c3d' });
  });

  it('asks for the network ACLs of the subnets by association filter and reads their entries', async () => {
    const calls = fakeEc2({
      DescribeNetworkAcls: () => `<DescribeNetworkAclsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><networkAclSet><item>
        <networkAclId>acl-0a1b2c3d</networkAclId><vpcId>vpc-0a1b2c3d</vpcId><default>false</default>
        <entrySet>
          <item><ruleNumber>100</ruleNumber><protocol>6</protocol><ruleAction>allow</ruleAction><egress>false</egress><cidrBlock>10.0.0.0/16</cidrBlock><portRange><from>443</from><to>443</to></portRange></item>
          <item><ruleNumber>110</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>true</egress><ipv6CidrBlock>::/0</ipv6CidrBlock></item>
        </entrySet>
        <associationSet><item><networkAclAssociationId>aclassoc-1</networkAclAssociationId><networkAclId>acl-0a1b2c3d</networkAclId><subnetId>subnet-0a1b2c3d</subnetId></item></associationSet>
        <tagSet/></item></networkAclSet></DescribeNetworkAclsResponse>`,
    });

    expect(await testEc2().describeNetworkAcls(REGION, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'])).toEqual([
      {
        id: 'acl-0a1b2c3d',
        vpcId: 'vpc-0a1b2c3d',
        subnetIds: ['subnet-0a1b2c3d'],
        entries: [
          { ruleNumber: 100, egress: false, protocol: '6', allow: true, cidr: '10.0.0.0/16', fromPort: 443, toPort: 443 },
          { ruleNumber: 110, egress: true, protocol: '-1', allow: false, ipv6Cidr: '::/0' },
        ],
      },
    ]);
    expect(calls[0]!.params).toMatchObject({
      'Filter.1.Name': 'association.subnet-id',
      'Filter.1.Value.1': 'subnet-0a1b2c3d',
      'Filter.1.Value.2': 'subnet-4e5f6a7b',
    });
  });

  it('looks services up in other regions with ServiceRegions and reads their IP types and region', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpointServices: () =>
        describeServicesXml([{ name: 'com.amazonaws.us-east-1.s3', serviceRegion: 'us-east-1', ipAddressTypes: ['ipv4', 'ipv6'] }]),
    });

    const [service] = await testEc2().describeServices(REGION, ['com.amazonaws.us-east-1.s3'], undefined, ['us-east-1']);

    expect(calls[0]!.params).toMatchObject({ 'ServiceName.1': 'com.amazonaws.us-east-1.s3', 'ServiceRegion.1': 'us-east-1' });
    expect(service).toMatchObject({ serviceName: 'com.amazonaws.us-east-1.s3', serviceRegion: 'us-east-1', ipAddressTypes: ['ipv4', 'ipv6'] });
  });

  describe('CreateVpcEndpoint', () => {
    const params = {
      vpcId: 'vpc-0a1b2c3d',
      serviceName: KINESIS.name,
      subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
      securityGroupIds: ['sg-0a1b2c3d'],
      privateDnsEnabled: false,
      ipAddressType: 'dualstack',
      clientToken: 'plr-0123456789',
      tags: { Name: 'kinesis-streams (plr-0123456789)', 'privatelink:request': 'plr-0123456789' },
    };

    it('sends the Interface type, private DNS, token, tags and IP type explicitly', async () => {
      const calls = fakeEc2({
        CreateVpcEndpoint: () =>
          `<CreateVpcEndpointResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><clientToken>plr-0123456789</clientToken><vpcEndpoint>${describeEndpointsXml([{ id: ENDPOINT_ID, state: 'pending' }]).match(/<item>([\s\S]*)<\/item>\s*<\/vpcEndpointSet>/)![1]}</vpcEndpoint></CreateVpcEndpointResponse>`,
      });

      const endpoint = await testEc2().createEndpoint(REGION, params, { dryRun: false });

      expect(endpoint).toMatchObject({ id: ENDPOINT_ID, state: 'pending' });
      expect(calls[0]!.params).toMatchObject({
        Action: 'CreateVpcEndpoint',
        DryRun: 'false',
        VpcEndpointType: 'Interface',
        VpcId: 'vpc-0a1b2c3d',
        ServiceName: KINESIS.name,
        'SubnetId.1': 'subnet-0a1b2c3d',
        'SubnetId.2': 'subnet-4e5f6a7b',
        'SecurityGroupId.1': 'sg-0a1b2c3d',
        PrivateDnsEnabled: 'false',
        IpAddressType: 'dualstack',
        'DnsOptions.DnsRecordIpType': 'dualstack',
        ClientToken: 'plr-0123456789',
        'TagSpecification.1.ResourceType': 'vpc-endpoint',
        'TagSpecification.1.Tag.1.Key': 'Name',
        'TagSpecification.1.Tag.2.Key': 'privatelink:request',
        'TagSpecification.1.Tag.2.Value': 'plr-0123456789',
      });
    });

    it('sends ServiceRegion and PrivateDnsOnlyForInboundResolverEndpoint when given, and neither otherwise', async () => {
      const calls = fakeEc2({ CreateVpcEndpoint: () => [412, errorXml('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.')] });
      const ec2 = testEc2();

      await ec2.createEndpoint(
        REGION,
        { ...params, ipAddressType: undefined, privateDnsEnabled: true, serviceRegion: 'us-east-1', privateDnsOnlyForInboundResolverEndpoint: false },
        { dryRun: true },
      );
      await ec2.createEndpoint(
        REGION,
        { ...params, ipAddressType: undefined, privateDnsEnabled: true, privateDnsOnlyForInboundResolverEndpoint: true },
        { dryRun: true },
      );
      await ec2.createEndpoint(REGION, { ...params, ipAddressType: undefined }, { dryRun: true });

      expect(calls[0]!.params).toMatchObject({
        ServiceRegion: 'us-east-1',
        PrivateDnsEnabled: 'true',
        'DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint': 'false',
      });
      expect(calls[0]!.params['DnsOptions.DnsRecordIpType']).toBeUndefined();
      expect(calls[1]!.params['DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint']).toBe('true');
      expect(calls[1]!.params.ServiceRegion).toBeUndefined();
      expect(Object.keys(calls[2]!.params).filter((k) => k.startsWith('DnsOptions') || k === 'ServiceRegion')).toEqual([]);
    });

    it('treats DryRunOperation as permission granted', async () => {
      fakeEc2({ CreateVpcEndpoint: () => [412, errorXml('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.')] });

      await expect(testEc2().createEndpoint(REGION, params, { dryRun: true })).resolves.toBeUndefined();
    });

    it('rejects a dry run the role may not make', async () => {
      fakeEc2({ CreateVpcEndpoint: () => [403, errorXml('UnauthorizedOperation', 'You are not authorized to perform this operation.')] });

      await expect(testEc2().createEndpoint(REGION, params, { dryRun: true })).rejects.toMatchObject({
        code: 'UnauthorizedOperation',
        action: 'ec2:CreateVpcEndpoint',
      });
    });
  });

  describe('endpoint override', () => {
    afterEach(() => {
      delete process.env.AWS_ENDPOINT_URL_EC2;
    });

    it('honours AWS_ENDPOINT_URL_EC2', async () => {
      process.env.AWS_ENDPOINT_URL_EC2 = 'http://127.0.0.1:4599';
      const calls = fakeEc2({ DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT_ID }]) }, 'http://127.0.0.1:4599');

      const endpoints = await testEc2().describeEndpoints(REGION, {});

      expect(endpoints.map((e) => e.id)).toEqual([ENDPOINT_ID]);
      expect(calls).toHaveLength(1);
    });
  });
});

describe('mergeServiceTypes', () => {
  const base = { acceptanceRequired: false, policySupported: true, availabilityZones: ['ap-northeast-1a'], ipAddressTypes: ['ipv4'] };
  it('joins the Gateway and Interface entries EC2 lists for S3 into one service with both types', () => {
    const merged = mergeServiceTypes([
      { ...base, serviceName: 'com.amazonaws.ap-northeast-1.s3', types: ['Gateway'] },
      {
        ...base,
        serviceName: 'com.amazonaws.ap-northeast-1.s3',
        types: ['Interface'],
        privateDnsName: '*.s3.ap-northeast-1.amazonaws.com',
        ipAddressTypes: ['ipv4', 'dualstack'],
      },
      { ...base, serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams', types: ['Interface'] },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      types: ['Interface', 'Gateway'],
      privateDnsName: '*.s3.ap-northeast-1.amazonaws.com',
      ipAddressTypes: ['ipv4', 'dualstack'],
    });
    expect(merged[1]).toMatchObject({ serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams', types: ['Interface'] });
  });
});
