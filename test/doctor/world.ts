/** A small EC2 world answered at the Query/XML wire (nock): the doctor's reads, with EC2's filters and NotFound errors. */
import { describeEndpointsXml, describeServicesXml, errorXml, fakeEc2, type EndpointFixture, type ServiceFixture } from '../helpers/ec2.js';
import {
  groupsXml,
  instancesXml,
  networkAclsXml,
  networkInterfacesXml,
  peeringsXml,
  routeTablesXml,
  subnetsXml,
  vpcAttributeXml,
  vpcsXml,
  type XmlAcl,
  type XmlEni,
  type XmlGroup,
  type XmlInstance,
  type XmlPeering,
  type XmlRouteTable,
  type XmlSubnet,
} from './xml.js';

export interface World {
  vpcs: { id: string; cidr: string; dnsSupport?: boolean; dnsHostnames?: boolean }[];
  subnets: XmlSubnet[];
  endpoints: (EndpointFixture & { vpcId: string })[];
  services: ServiceFixture[];
  enis: XmlEni[];
  instances: XmlInstance[];
  groups: XmlGroup[];
  routeTables: XmlRouteTable[];
  acls: XmlAcl[];
  peerings: XmlPeering[];
}

function listParam(params: Record<string, string>, prefix: string): string[] {
  return Object.entries(params)
    .filter(([k]) => new RegExp(`^${prefix.replace('.', '\\.')}\\.\\d+$`).test(k))
    .map(([, v]) => v);
}

function filter(params: Record<string, string>, name: string): string[] | undefined {
  const key = Object.keys(params).find((k) => /^Filter\.\d+\.Name$/.test(k) && params[k] === name);
  if (!key) return undefined;
  return listParam(params, `${key.replace('.Name', '')}.Value`);
}

const notFound = (code: string, id: string): [number, string] => [400, errorXml(code, `The ID '${id}' does not exist`)];

function byIds<T extends { id: string }>(all: T[], ids: string[], code: string): T[] | [number, string] {
  const missing = ids.find((id) => !all.some((x) => x.id === id));
  return missing ? notFound(code, missing) : all.filter((x) => ids.includes(x.id));
}

/** Installs the world; `overrides` answer first (faults: AccessDenied, …). Returns the recorded calls. */
export function serveWorld(world: World, overrides: Record<string, (params: Record<string, string>) => string | [number, string]> = {}) {
  return fakeEc2({
    DescribeVpcEndpoints: (p) => {
      const ids = listParam(p, 'VpcEndpointId');
      if (ids.length > 0) {
        const found = byIds(world.endpoints, ids, 'InvalidVpcEndpointId.NotFound');
        return Array.isArray(found) && typeof found[0] === 'number' ? (found as [number, string]) : describeEndpointsXml(found as EndpointFixture[]);
      }
      const vpc = filter(p, 'vpc-id');
      const type = filter(p, 'vpc-endpoint-type');
      const names = filter(p, 'service-name');
      return describeEndpointsXml(
        world.endpoints.filter(
          (e) => (!vpc || vpc.includes(e.vpcId)) && (!type || type.includes(e.type ?? 'Interface')) && (!names || names.includes(e.service ?? '')),
        ),
      );
    },
    DescribeVpcEndpointServices: (p) => {
      const names = listParam(p, 'ServiceName');
      return describeServicesXml(names.length > 0 ? world.services.filter((s) => names.includes(s.name)) : world.services);
    },
    DescribeSubnets: (p) => {
      const ids = listParam(p, 'SubnetId');
      const vpc = filter(p, 'vpc-id');
      if (ids.length > 0) {
        const found = byIds(world.subnets, ids, 'InvalidSubnetID.NotFound');
        return typeof found[0] === 'number' ? (found as [number, string]) : subnetsXml(found as XmlSubnet[]);
      }
      return subnetsXml(world.subnets.filter((s) => !vpc || vpc.includes(s.vpcId)));
    },
    DescribeInstances: (p) => {
      const found = byIds(world.instances, listParam(p, 'InstanceId'), 'InvalidInstanceID.NotFound');
      return typeof found[0] === 'number' ? (found as [number, string]) : instancesXml(found as XmlInstance[]);
    },
    DescribeVpcs: (p) => {
      const found = byIds(world.vpcs, listParam(p, 'VpcId'), 'InvalidVpcID.NotFound');
      return typeof found[0] === 'number' ? (found as [number, string]) : vpcsXml(found as World['vpcs']);
    },
    DescribeVpcAttribute: (p) => {
      const vpc = world.vpcs.find((v) => v.id === p.VpcId);
      if (!vpc) return notFound('InvalidVpcID.NotFound', p.VpcId ?? '');
      const attribute = p.Attribute!;
      return vpcAttributeXml(vpc.id, attribute, (attribute === 'enableDnsSupport' ? vpc.dnsSupport : vpc.dnsHostnames) ?? true);
    },
    DescribeNetworkInterfaces: (p) => networkInterfacesXml(world.enis.filter((n) => listParam(p, 'NetworkInterfaceId').includes(n.id))),
    DescribeSecurityGroups: (p) => groupsXml(world.groups.filter((g) => listParam(p, 'GroupId').includes(g.id))),
    DescribeRouteTables: (p) => routeTablesXml(world.routeTables.filter((t) => filter(p, 'vpc-id')?.includes(t.vpcId) ?? true)),
    DescribeNetworkAcls: (p) => networkAclsXml(world.acls.filter((a) => filter(p, 'vpc-id')?.includes(a.vpcId) ?? true)),
    DescribeVpcPeeringConnections: (p) => {
      const requester = filter(p, 'requester-vpc-info.vpc-id');
      const accepter = filter(p, 'accepter-vpc-info.vpc-id');
      return peeringsXml(world.peerings.filter((x) => requester?.includes(x.requester.vpcId) || accepter?.includes(x.accepter.vpcId)));
    },
    ...overrides,
  });
}

export const REGION = 'ap-northeast-1';
export const ENDPOINT = 'vpce-0123456789abcdef0';
export const INSTANCE = 'i-0123456789abcdef0';

const allowAll = (id: string, vpcId: string, subnetIds: string[]): XmlAcl => ({
  id,
  vpcId,
  subnetIds,
  entries: [
    { rule: 100, egress: false, allow: true, protocol: '-1', cidr: '0.0.0.0/0' },
    { rule: 32767, egress: false, allow: false, protocol: '-1', cidr: '0.0.0.0/0' },
    { rule: 100, egress: true, allow: true, protocol: '-1', cidr: '0.0.0.0/0' },
    { rule: 32767, egress: true, allow: false, protocol: '-1', cidr: '0.0.0.0/0' },
  ],
});

/** The article's hands-on, healthy: a Kinesis endpoint in two private subnets, an instance in a third. */
export function healthyWorld(): World {
  return {
    vpcs: [{ id: 'vpc-0a1b2c3d', cidr: '10.0.0.0/16' }],
    subnets: [
      { id: 'subnet-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', az: `${REGION}a`, cidr: '10.0.1.0/24' },
      { id: 'subnet-4e5f6a7b', vpcId: 'vpc-0a1b2c3d', az: `${REGION}c`, cidr: '10.0.2.0/24' },
      { id: 'subnet-0c0c0c0c', vpcId: 'vpc-0a1b2c3d', az: `${REGION}a`, cidr: '10.0.3.0/24' },
    ],
    endpoints: [{ id: ENDPOINT, vpcId: 'vpc-0a1b2c3d', service: `com.amazonaws.${REGION}.kinesis-streams` }],
    services: [{ name: `com.amazonaws.${REGION}.kinesis-streams`, privateDnsName: `kinesis.${REGION}.amazonaws.com` }],
    enis: [
      { id: 'eni-0123456789abcdef0', subnetId: 'subnet-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', az: `${REGION}a`, ip: '10.0.1.23', groups: ['sg-0a1b2c3d'] },
      { id: 'eni-0123456789abcdef1', subnetId: 'subnet-4e5f6a7b', vpcId: 'vpc-0a1b2c3d', az: `${REGION}c`, ip: '10.0.2.15', groups: ['sg-0a1b2c3d'] },
    ],
    instances: [{ id: INSTANCE, subnetId: 'subnet-0c0c0c0c', vpcId: 'vpc-0a1b2c3d', az: `${REGION}a`, ip: '10.0.3.10', groups: ['sg-0c0c0c0c'] }],
    groups: [
      {
        id: 'sg-0a1b2c3d',
        vpcId: 'vpc-0a1b2c3d',
        inbound: [{ protocol: 'tcp', from: 443, cidrs: ['10.0.0.0/16'] }],
        outbound: [{ protocol: '-1', cidrs: ['0.0.0.0/0'] }],
      },
      { id: 'sg-0c0c0c0c', vpcId: 'vpc-0a1b2c3d', inbound: [], outbound: [{ protocol: '-1', cidrs: ['0.0.0.0/0'] }] },
    ],
    routeTables: [
      { id: 'rtb-0a0a0a0a', vpcId: 'vpc-0a1b2c3d', main: true, subnetIds: [], routes: [{ destination: '10.0.0.0/16', target: 'local' }] },
      { id: 'rtb-0c0c0c0c', vpcId: 'vpc-0a1b2c3d', subnetIds: ['subnet-0c0c0c0c'], routes: [{ destination: '10.0.0.0/16', target: 'local' }] },
    ],
    acls: [allowAll('acl-0a0a0a0a', 'vpc-0a1b2c3d', ['subnet-0a1b2c3d', 'subnet-4e5f6a7b', 'subnet-0c0c0c0c'])],
    peerings: [],
  };
}
