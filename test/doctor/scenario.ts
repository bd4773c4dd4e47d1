/** A healthy VPC and an instance that reaches a Kinesis endpoint privately; tests break one link each. */
import type { Endpoint, GroupRules, VpcNetworkAcl, RouteTable } from '../../src/endpoints/ec2-api.js';
import type { DoctorFacts, Read } from '../../src/doctor/model.js';

export const REGION = 'ap-northeast-1';
export const ENDPOINT_ID = 'vpce-0123456789abcdef0';
export const VPC = 'vpc-0a1b2c3d';
export const SOURCE_SUBNET = 'subnet-0c0c0c0c';
export const INSTANCE = 'i-0123456789abcdef0';
export const ENDPOINT_SG = 'sg-0a1b2c3d';
export const SOURCE_SG = 'sg-0c0c0c0c';

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const denied = <T>(action: string): Read<T> => ({ ok: false, action, code: 'UnauthorizedOperation' });

export const allowAllAcl = (id: string, vpcId: string, subnetIds: string[]): VpcNetworkAcl => ({
  id,
  vpcId,
  subnetIds,
  entries: [
    { ruleNumber: 100, egress: false, allow: true, protocol: '-1', cidr: '0.0.0.0/0' },
    { ruleNumber: 32767, egress: false, allow: false, protocol: '-1', cidr: '0.0.0.0/0' },
    { ruleNumber: 100, egress: true, allow: true, protocol: '-1', cidr: '0.0.0.0/0' },
    { ruleNumber: 32767, egress: true, allow: false, protocol: '-1', cidr: '0.0.0.0/0' },
  ],
});

export const endpoint: Endpoint = {
  id: ENDPOINT_ID,
  type: 'Interface',
  serviceName: `com.amazonaws.${REGION}.kinesis-streams`,
  state: 'available',
  vpcId: VPC,
  subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
  securityGroupIds: [ENDPOINT_SG],
  privateDnsEnabled: true,
  dnsEntries: [
    { dnsName: `${ENDPOINT_ID}-4f8h2k1m.kinesis.${REGION}.vpce.amazonaws.com` },
    { dnsName: `${ENDPOINT_ID}-4f8h2k1m-${REGION}a.kinesis.${REGION}.vpce.amazonaws.com` },
    { dnsName: `kinesis.${REGION}.amazonaws.com` },
  ],
  tags: {},
  networkInterfaceIds: ['eni-0123456789abcdef0', 'eni-0123456789abcdef1'],
};

export const endpointGroup: GroupRules = {
  id: ENDPOINT_SG,
  vpcId: VPC,
  name: 'endpoint',
  inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.0.0.0/16'], sources: [] }],
  outbound: [],
};

export const sourceGroup: GroupRules = {
  id: SOURCE_SG,
  vpcId: VPC,
  name: 'app',
  inbound: [],
  outbound: [{ protocol: '-1', cidrs: ['0.0.0.0/0'], sources: [] }],
};

export const privateTable: RouteTable = {
  id: 'rtb-0c0c0c0c',
  vpcId: VPC,
  main: false,
  subnetIds: [SOURCE_SUBNET],
  routes: [{ destination: '10.0.0.0/16', target: { kind: 'local', id: 'local' }, state: 'active' }],
};

export const mainTable: RouteTable = {
  id: 'rtb-0a0a0a0a',
  vpcId: VPC,
  main: true,
  subnetIds: [],
  routes: [{ destination: '10.0.0.0/16', target: { kind: 'local', id: 'local' }, state: 'active' }],
};

export function healthy(): DoctorFacts {
  return {
    region: REGION,
    port: 443,
    portGiven: false,
    source: {
      kind: 'in-vpc',
      spec: { kind: 'instance', id: INSTANCE },
      vpcId: VPC,
      subnet: { id: SOURCE_SUBNET, vpcId: VPC, availabilityZone: `${REGION}a`, cidr: '10.0.3.0/24', ipv6Cidrs: [] },
      instance: {
        id: INSTANCE,
        vpcId: VPC,
        subnetId: SOURCE_SUBNET,
        availabilityZone: `${REGION}a`,
        privateIp: '10.0.3.10',
        securityGroupIds: [SOURCE_SG],
        state: 'running',
      },
      cidrs: ['10.0.3.10/32'],
    },
    endpoint,
    service: ok({
      serviceName: endpoint.serviceName,
      types: ['Interface'],
      privateDnsName: `kinesis.${REGION}.amazonaws.com`,
      acceptanceRequired: false,
      policySupported: true,
      availabilityZones: [],
      ipAddressTypes: ['ipv4'],
    }),
    enis: ok([
      {
        id: 'eni-0123456789abcdef0',
        subnetId: 'subnet-0a1b2c3d',
        vpcId: VPC,
        availabilityZone: `${REGION}a`,
        privateIp: '10.0.1.23',
        ipv6s: [],
        securityGroupIds: [ENDPOINT_SG],
      },
      {
        id: 'eni-0123456789abcdef1',
        subnetId: 'subnet-4e5f6a7b',
        vpcId: VPC,
        availabilityZone: `${REGION}c`,
        privateIp: '10.0.2.15',
        ipv6s: [],
        securityGroupIds: [ENDPOINT_SG],
      },
    ]),
    endpointSubnets: ok([
      { id: 'subnet-0a1b2c3d', vpcId: VPC, availabilityZone: `${REGION}a`, cidr: '10.0.1.0/24', ipv6Cidrs: [] },
      { id: 'subnet-4e5f6a7b', vpcId: VPC, availabilityZone: `${REGION}c`, cidr: '10.0.2.0/24', ipv6Cidrs: [] },
    ]),
    endpointGroups: ok([endpointGroup]),
    sourceGroups: ok([sourceGroup]),
    routeTables: ok([privateTable, mainTable]),
    acls: ok([allowAllAcl('acl-0a0a0a0a', VPC, ['subnet-0a1b2c3d', 'subnet-4e5f6a7b', SOURCE_SUBNET])]),
    endpointVpcDns: { support: ok(true), hostnames: ok(true) },
    vpcs: ok([{ id: VPC, cidrs: ['10.0.0.0/16'], ipv6Cidrs: [] }]),
  };
}
