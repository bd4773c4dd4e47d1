/**
 * A small EC2-compatible emulator on loopback: the Query/XML protocol for the calls the bot makes, with state.
 * Endpoints are created idempotently by ClientToken and become available (or pendingAcceptance) after a few
 * describes. Used by tests and for local runs (`npm run emulator`, then AWS_ENDPOINT_URL_EC2=<its URL>).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeEndpointsXml, describeServicesXml, endpointXml, errorXml, type EndpointFixture, type ServiceFixture } from '../helpers/ec2.js';

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
/** What an endpoint fixture without a VPC or service stands for (as endpointXml renders it). */
const DEFAULT_VPC = 'vpc-0a1b2c3d';
const defaultService = (region: string) => `com.amazonaws.${region}.kinesis-streams`;

export interface EmulatorSubnet {
  id: string;
  vpcId: string;
  az: string;
}

export interface EmulatorGroup {
  id: string;
  vpcId: string;
  inbound443From?: string;
}

export interface EmulatorState {
  region: string;
  vpcs: Record<string, { dnsSupport: boolean; dnsHostnames: boolean }>;
  subnets: EmulatorSubnet[];
  groups: EmulatorGroup[];
  services: (ServiceFixture & { acceptanceRequired?: boolean })[];
  endpoints: (EndpointFixture & { describesUntilReady: number; clientToken?: string })[];
  /** How many describes a new endpoint stays `pending`. */
  pendingDescribes: number;
  /** Every request received, for tests to count. */
  log: { action: string; params: Record<string, string> }[];
}

export function seedState(region = 'ap-northeast-1'): EmulatorState {
  return {
    region,
    vpcs: { 'vpc-0a1b2c3d': { dnsSupport: true, dnsHostnames: true } },
    subnets: [
      { id: 'subnet-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', az: `${region}a` },
      { id: 'subnet-4e5f6a7b', vpcId: 'vpc-0a1b2c3d', az: `${region}c` },
      { id: 'subnet-8c9d0e1f', vpcId: 'vpc-0a1b2c3d', az: `${region}c` },
    ],
    groups: [{ id: 'sg-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', inbound443From: '10.0.0.0/16' }],
    services: [
      { name: `com.amazonaws.${region}.kinesis-streams`, privateDnsName: `kinesis.${region}.amazonaws.com` },
      { name: `com.amazonaws.${region}.sqs`, privateDnsName: `sqs.${region}.amazonaws.com` },
      { name: `com.amazonaws.${region}.s3`, types: ['Gateway', 'Interface'] },
      { name: `com.amazonaws.vpce.${region}.vpce-svc-0123456789abcdef0`, owner: '111122223333', acceptanceRequired: true },
    ],
    endpoints: [],
    pendingDescribes: 2,
    log: [],
  };
}

const list = (params: Record<string, string>, prefix: string) =>
  Object.keys(params)
    .filter((k) => new RegExp(`^${prefix.replace('.', '\\.')}\\.\\d+$`).test(k))
    .map((k) => params[k]!);

function filters(params: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 1; params[`Filter.${i}.Name`]; i++) out[params[`Filter.${i}.Name`]!] = list(params, `Filter.${i}.Value`);
  return out;
}

const response = (action: string, inner: string) => `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${XMLNS}"><requestId>emulated</requestId>${inner}</${action}Response>`;

function shortName(service: string): string {
  return service.split('.').slice(service.includes('.vpce.') ? 4 : 3).join('.');
}

export function handleEc2Request(state: EmulatorState, params: Record<string, string>): [number, string] {
  const action = params.Action ?? '';
  state.log.push({ action, params });
  const f = filters(params);
  switch (action) {
    case 'DescribeVpcEndpoints': {
      const ids = list(params, 'VpcEndpointId');
      const missing = ids.find((id) => !state.endpoints.some((e) => e.id === id));
      if (missing) return [400, errorXml('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${missing}' does not exist`)];
      for (const e of state.endpoints) {
        if (e.state !== 'pending') continue;
        if (e.describesUntilReady-- <= 0) {
          const service = state.services.find((s) => s.name === e.service);
          e.state = service?.acceptanceRequired ? 'pendingAcceptance' : 'available';
        }
      }
      const matching = state.endpoints.filter(
        (e) =>
          (ids.length === 0 || ids.includes(e.id)) &&
          (!f['vpc-id'] || f['vpc-id'].includes(e.vpcId ?? DEFAULT_VPC)) &&
          (!f['service-name'] || f['service-name'].includes(e.service ?? defaultService(state.region))) &&
          (!f['vpc-endpoint-state'] || f['vpc-endpoint-state'].map((s) => s.toLowerCase()).includes((e.state ?? '').toLowerCase())) &&
          // tag:<key> filters, as EC2 documents them for DescribeVpcEndpoints (issue 12: the lookup after a lost create answer).
          Object.entries(f).every(([name, values]) => !name.startsWith('tag:') || values.includes(e.tags?.[name.slice(4)] ?? '\u0000')),
      );
      const start = Number(params.NextToken ?? 0);
      const size = Number(params.MaxResults ?? 1000);
      const page = matching.slice(start, start + size);
      return [200, describeEndpointsXml(page, start + size < matching.length ? String(start + size) : undefined)];
    }
    case 'DescribeVpcEndpointServices': {
      const names = list(params, 'ServiceName');
      const missing = names.find((n) => !state.services.some((s) => s.name === n));
      if (missing) return [400, errorXml('InvalidServiceName', `The Vpc Endpoint Service '${missing}' does not exist`)];
      return [200, describeServicesXml(names.length ? state.services.filter((s) => names.includes(s.name)) : state.services)];
    }
    case 'DescribeSubnets': {
      const ids = list(params, 'SubnetId');
      const missing = ids.find((id) => !state.subnets.some((s) => s.id === id));
      if (missing) return [400, errorXml('InvalidSubnetID.NotFound', `The subnet ID '${missing}' does not exist`)];
      const items = state.subnets.filter((s) => ids.includes(s.id)).map((s) => `<item><subnetId>${s.id}</subnetId><vpcId>${s.vpcId}</vpcId><availabilityZone>${s.az}</availabilityZone><state>available</state></item>`);
      return [200, response('DescribeSubnets', `<subnetSet>${items.join('')}</subnetSet>`)];
    }
    case 'DescribeSecurityGroups': {
      const ids = list(params, 'GroupId');
      const missing = ids.find((id) => !state.groups.some((g) => g.id === id));
      if (missing) return [400, errorXml('InvalidGroup.NotFound', `The security group '${missing}' does not exist`)];
      const items = state.groups
        .filter((g) => ids.includes(g.id))
        .map(
          (g) =>
            `<item><ownerId>123456789012</ownerId><groupId>${g.id}</groupId><groupName>${g.id}</groupName><groupDescription>emulated</groupDescription><vpcId>${g.vpcId}</vpcId><ipPermissions>${
              g.inbound443From ? `<item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/><ipRanges><item><cidrIp>${g.inbound443From}</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>` : ''
            }</ipPermissions></item>`,
        );
      return [200, response('DescribeSecurityGroups', `<securityGroupInfo>${items.join('')}</securityGroupInfo>`)];
    }
    case 'DescribeVpcAttribute': {
      const vpc = state.vpcs[params.VpcId ?? ''];
      if (!vpc) return [400, errorXml('InvalidVpcID.NotFound', `The vpc ID '${params.VpcId}' does not exist`)];
      const attribute = params.Attribute ?? '';
      const value = attribute === 'enableDnsSupport' ? vpc.dnsSupport : vpc.dnsHostnames;
      return [200, response('DescribeVpcAttribute', `<vpcId>${params.VpcId}</vpcId><${attribute}><value>${value}</value></${attribute}>`)];
    }
    case 'CreateVpcEndpoint': {
      if (params.VpcEndpointType !== 'Interface') return [400, errorXml('InvalidParameter', 'Only Interface endpoints are emulated')];
      if (!state.vpcs[params.VpcId ?? '']) return [400, errorXml('InvalidVpcID.NotFound', `The vpc ID '${params.VpcId}' does not exist`)];
      const service = state.services.find((s) => s.name === params.ServiceName);
      if (!service) return [400, errorXml('InvalidServiceName', `The Vpc Endpoint Service '${params.ServiceName}' does not exist`)];
      const subnetIds = list(params, 'SubnetId');
      const subnets = subnetIds.map((id) => state.subnets.find((s) => s.id === id));
      if (subnets.some((s) => !s)) return [400, errorXml('InvalidSubnetID.NotFound', 'A subnet does not exist')];
      const azs = subnets.map((s) => s!.az);
      if (new Set(azs).size !== azs.length) return [400, errorXml('DuplicateSubnetsInSameZone', 'Found another VPC endpoint subnet in the availability zone')];
      const privateDns = params.PrivateDnsEnabled === 'true';
      if (privateDns && !service.privateDnsName) return [400, errorXml('InvalidParameter', 'Private DNS can only be enabled for services that provide a private DNS name.')];
      if (params.DryRun === 'true') return [412, errorXml('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.')];
      const token = params.ClientToken;
      const existing = token ? state.endpoints.find((e) => e.clientToken === token) : undefined;
      if (existing) return [200, response('CreateVpcEndpoint', `<vpcEndpoint>${endpointXml(existing).replace(/^\s*<item>|<\/item>\s*$/g, '')}</vpcEndpoint><clientToken>${token}</clientToken>`)];
      const id = `vpce-${(state.endpoints.length + 1).toString(16).padStart(17, '0')}`;
      const base = `${id}-emu1`;
      // Like EC2: the label is the service's DNS prefix (kinesis for kinesis-streams) where it has one.
      const suffix = `${service.privateDnsName?.split('.')[0] ?? shortName(service.name)}.${state.region}.vpce.amazonaws.com`;
      const tags: Record<string, string> = {};
      for (let i = 1; params[`TagSpecification.1.Tag.${i}.Key`]; i++) tags[params[`TagSpecification.1.Tag.${i}.Key`]!] = params[`TagSpecification.1.Tag.${i}.Value`] ?? '';
      const endpoint = {
        id,
        service: service.name,
        state: 'pending',
        vpcId: params.VpcId,
        subnets: subnetIds,
        groups: list(params, 'SecurityGroupId'),
        privateDns,
        dnsNames: [`${base}.${suffix}`, ...azs.map((az) => `${base}-${az}.${suffix}`), ...(privateDns && service.privateDnsName ? [service.privateDnsName] : [])],
        tags,
        describesUntilReady: state.pendingDescribes,
        ...(token && { clientToken: token }),
      };
      state.endpoints.push(endpoint);
      return [200, response('CreateVpcEndpoint', `<vpcEndpoint>${endpointXml(endpoint).replace(/^\s*<item>|<\/item>\s*$/g, '')}</vpcEndpoint>${token ? `<clientToken>${token}</clientToken>` : ''}`)];
    }
    default:
      return [400, errorXml('InvalidAction', `The action ${action} is not valid for this web service.`)];
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface RunningEmulator {
  url: string;
  state: EmulatorState;
  close(): Promise<void>;
}

export async function startEc2Emulator(state: EmulatorState = seedState(), port = 0): Promise<RunningEmulator> {
  const server: Server = createServer((req, res) => {
    readBody(req).then((body) => {
      const [status, xml] = handleEc2Request(state, Object.fromEntries(new URLSearchParams(body)));
      res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
      res.end(xml);
    }, () => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
