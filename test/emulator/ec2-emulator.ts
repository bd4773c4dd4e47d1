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
  /** Free IPv4 addresses (AvailableIpAddressCount); default 250. */
  freeIps?: number;
  /** Default 10.0.<n>.0/24; IPv6-only subnets have none. */
  cidr?: string;
  ipv6Cidrs?: string[];
  ipv6Only?: boolean;
}

export interface EmulatorRule {
  /** `tcp`, `udp` or `-1`. */
  protocol: string;
  from?: number;
  to?: number;
  cidrs?: string[];
  groups?: string[];
}

export interface EmulatorGroup {
  id: string;
  vpcId: string;
  inbound443From?: string;
  /** More inbound rules, beside the TCP 443 one. */
  rules?: EmulatorRule[];
}

export interface EmulatorAclEntry {
  rule: number;
  egress: boolean;
  /** `-1`, `6` (TCP) or `17` (UDP), as EC2 answers. */
  protocol: string;
  allow: boolean;
  cidr: string;
  from?: number;
  to?: number;
}

/** A network ACL; subnets not listed in any use the VPC's default ACL, which allows everything. */
export interface EmulatorAcl {
  id: string;
  vpcId: string;
  subnetIds: string[];
  entries: EmulatorAclEntry[];
}

export interface EmulatorState {
  region: string;
  vpcs: Record<string, { dnsSupport: boolean; dnsHostnames: boolean; cidrs?: string[]; ipv6Cidrs?: string[] }>;
  subnets: EmulatorSubnet[];
  groups: EmulatorGroup[];
  networkAcls?: EmulatorAcl[];
  /** How a pending endpoint settles instead of available (e.g. `partial`, with the subnets that failed). */
  settleAs?: { state: string; failedSubnets?: string[]; lastError?: { code: string; message: string } };
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
    vpcs: { 'vpc-0a1b2c3d': { dnsSupport: true, dnsHostnames: true, cidrs: ['10.0.0.0/16'] } },
    subnets: [
      { id: 'subnet-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', az: `${region}a` },
      { id: 'subnet-4e5f6a7b', vpcId: 'vpc-0a1b2c3d', az: `${region}c` },
      { id: 'subnet-8c9d0e1f', vpcId: 'vpc-0a1b2c3d', az: `${region}c` },
    ],
    groups: [{ id: 'sg-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', inbound443From: '10.0.0.0/16' }],
    services: [
      { name: `com.amazonaws.${region}.kinesis-streams`, privateDnsName: `kinesis.${region}.amazonaws.com` },
      { name: `com.amazonaws.${region}.sqs`, privateDnsName: `sqs.${region}.amazonaws.com` },
      { name: `com.amazonaws.${region}.s3`, types: ['Gateway', 'Interface'], privateDnsName: `*.s3.${region}.amazonaws.com` },
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

const response = (action: string, inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${XMLNS}"><requestId>emulated</requestId>${inner}</${action}Response>`;

function shortName(service: string): string {
  return service
    .split('.')
    .slice(service.includes('.vpce.') ? 4 : 3)
    .join('.');
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
          e.state = state.settleAs?.state ?? (service?.acceptanceRequired ? 'pendingAcceptance' : 'available');
          const failed = state.settleAs?.failedSubnets;
          if (failed) e.subnets = (e.subnets ?? []).filter((id) => !failed.includes(id));
          if (state.settleAs?.lastError) e.lastError = state.settleAs.lastError;
        }
      }
      const matching = state.endpoints.filter(
        (e) =>
          (ids.length === 0 || ids.includes(e.id)) &&
          (!f['vpc-id'] || f['vpc-id'].includes(e.vpcId ?? DEFAULT_VPC)) &&
          (!f['service-name'] || f['service-name'].includes(e.service ?? defaultService(state.region))) &&
          (!f['vpc-endpoint-state'] || f['vpc-endpoint-state'].map((s) => s.toLowerCase()).includes((e.state ?? '').toLowerCase())) &&
          (!f['vpc-endpoint-type'] || f['vpc-endpoint-type'].includes(e.type ?? 'Interface')) &&
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
      // Services of other regions are seen only when their region is asked for (ServiceRegions).
      const regions = [state.region, ...list(params, 'ServiceRegion')];
      const visible = state.services.filter((s) => regions.includes(s.serviceRegion ?? state.region));
      const missing = names.find((n) => !visible.some((s) => s.name === n));
      if (missing) return [400, errorXml('InvalidServiceName', `The Vpc Endpoint Service '${missing}' does not exist`)];
      return [200, describeServicesXml(names.length ? visible.filter((s) => names.includes(s.name)) : visible)];
    }
    case 'DescribeSubnets': {
      const ids = list(params, 'SubnetId');
      const missing = ids.find((id) => !state.subnets.some((s) => s.id === id));
      if (missing) return [400, errorXml('InvalidSubnetID.NotFound', `The subnet ID '${missing}' does not exist`)];
      const items = state.subnets
        .filter((s) => ids.includes(s.id))
        .map(
          (s, i) =>
            `<item><subnetId>${s.id}</subnetId><vpcId>${s.vpcId}</vpcId><availabilityZone>${s.az}</availabilityZone><state>available</state>${
              s.ipv6Only ? '' : `<cidrBlock>${s.cidr ?? `10.0.${i}.0/24`}</cidrBlock><availableIpAddressCount>${s.freeIps ?? 250}</availableIpAddressCount>`
            }<ipv6CidrBlockAssociationSet>${(s.ipv6Cidrs ?? [])
              .map(
                (c, n) =>
                  `<item><ipv6CidrBlock>${c}</ipv6CidrBlock><associationId>subnet-cidr-assoc-${n}</associationId><ipv6CidrBlockState><state>associated</state></ipv6CidrBlockState></item>`,
              )
              .join('')}</ipv6CidrBlockAssociationSet><ipv6Native>${s.ipv6Only ?? false}</ipv6Native></item>`,
        );
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
              g.inbound443From
                ? `<item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/><ipRanges><item><cidrIp>${g.inbound443From}</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>`
                : ''
            }${(g.rules ?? []).map(ruleXml).join('')}</ipPermissions></item>`,
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
    case 'DescribeVpcs': {
      const ids = list(params, 'VpcId');
      const missing = ids.find((id) => !state.vpcs[id]);
      if (missing) return [400, errorXml('InvalidVpcID.NotFound', `The vpc ID '${missing}' does not exist`)];
      const items = ids.map((id) => {
        const vpc = state.vpcs[id]!;
        const cidrs = vpc.cidrs ?? ['10.0.0.0/16'];
        return `<item><vpcId>${id}</vpcId><state>available</state><cidrBlock>${cidrs[0]}</cidrBlock><cidrBlockAssociationSet>${cidrs
          .map(
            (c, n) =>
              `<item><cidrBlock>${c}</cidrBlock><associationId>vpc-cidr-assoc-${n}</associationId><cidrBlockState><state>associated</state></cidrBlockState></item>`,
          )
          .join('')}</cidrBlockAssociationSet><ipv6CidrBlockAssociationSet>${(vpc.ipv6Cidrs ?? [])
          .map(
            (c, n) =>
              `<item><ipv6CidrBlock>${c}</ipv6CidrBlock><associationId>vpc-cidr-assoc-6${n}</associationId><ipv6CidrBlockState><state>associated</state></ipv6CidrBlockState></item>`,
          )
          .join('')}</ipv6CidrBlockAssociationSet><isDefault>false</isDefault></item>`;
      });
      return [200, response('DescribeVpcs', `<vpcSet>${items.join('')}</vpcSet>`)];
    }
    case 'DescribeNetworkAcls': {
      const subnetIds = f['association.subnet-id'] ?? [];
      const listed = (state.networkAcls ?? []).filter((a) => a.subnetIds.some((id) => subnetIds.includes(id)));
      const orphans = subnetIds.filter((id) => !listed.some((a) => a.subnetIds.includes(id)) && state.subnets.some((s) => s.id === id));
      const allowAll = (egress: boolean): EmulatorAclEntry => ({ rule: 100, egress, protocol: '-1', allow: true, cidr: '0.0.0.0/0' });
      const acls = [
        ...listed,
        ...(orphans.length > 0 ? [{ id: 'acl-0default00000000', vpcId: DEFAULT_VPC, subnetIds: orphans, entries: [allowAll(false), allowAll(true)] }] : []),
      ];
      const entryXml = (e: EmulatorAclEntry) =>
        `<item><ruleNumber>${e.rule}</ruleNumber><protocol>${e.protocol}</protocol><ruleAction>${e.allow ? 'allow' : 'deny'}</ruleAction><egress>${e.egress}</egress><cidrBlock>${e.cidr}</cidrBlock>${
          e.from !== undefined ? `<portRange><from>${e.from}</from><to>${e.to ?? e.from}</to></portRange>` : ''
        }</item>`;
      const denyAll = (egress: boolean) =>
        `<item><ruleNumber>32767</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>${egress}</egress><cidrBlock>0.0.0.0/0</cidrBlock></item>`;
      const items = acls.map(
        (a) =>
          `<item><networkAclId>${a.id}</networkAclId><vpcId>${a.vpcId}</vpcId><default>${a.id.startsWith('acl-0default')}</default><entrySet>${a.entries.map(entryXml).join('')}${denyAll(false)}${denyAll(true)}</entrySet><associationSet>${a.subnetIds
            .map(
              (id) =>
                `<item><networkAclAssociationId>aclassoc-${id.slice(7)}</networkAclAssociationId><networkAclId>${a.id}</networkAclId><subnetId>${id}</subnetId></item>`,
            )
            .join('')}</associationSet><tagSet/></item>`,
      );
      return [200, response('DescribeNetworkAcls', `<networkAclSet>${items.join('')}</networkAclSet>`)];
    }
    case 'CreateVpcEndpoint': {
      if (params.VpcEndpointType !== 'Interface') return [400, errorXml('InvalidParameter', 'Only Interface endpoints are emulated')];
      if (!state.vpcs[params.VpcId ?? '']) return [400, errorXml('InvalidVpcID.NotFound', `The vpc ID '${params.VpcId}' does not exist`)];
      const serviceRegion = params.ServiceRegion ?? state.region;
      const service = state.services.find((s) => s.name === params.ServiceName && (s.serviceRegion ?? state.region) === serviceRegion);
      if (!service) return [400, errorXml('InvalidServiceName', `The Vpc Endpoint Service '${params.ServiceName}' does not exist`)];
      const subnetIds = list(params, 'SubnetId');
      const subnets = subnetIds.map((id) => state.subnets.find((s) => s.id === id));
      if (subnets.some((s) => !s)) return [400, errorXml('InvalidSubnetID.NotFound', 'A subnet does not exist')];
      const azs = subnets.map((s) => s!.az);
      if (new Set(azs).size !== azs.length) return [400, errorXml('DuplicateSubnetsInSameZone', 'Found another VPC endpoint subnet in the availability zone')];
      const privateDns = params.PrivateDnsEnabled === 'true';
      if (privateDns && !service.privateDnsName)
        return [400, errorXml('InvalidParameter', 'Private DNS can only be enabled for services that provide a private DNS name.')];
      // S3 and DynamoDB: with private DNS on, PrivateDnsOnlyForInboundResolverEndpoint defaults to true, and
      // then EC2 wants a gateway endpoint for the service in the VPC (knowledge.md §4).
      const bothTypes = (service.types ?? ['Interface']).includes('Gateway');
      const inboundFlag = params['DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint'];
      if (inboundFlag !== undefined && !bothTypes)
        return [
          400,
          errorXml('InvalidParameter', 'PrivateDnsOnlyForInboundResolverEndpoint is only supported for services with both gateway and interface endpoints.'),
        ];
      if (privateDns && bothTypes && (inboundFlag ?? 'true') === 'true') {
        const gateway = state.endpoints.some(
          (e) => e.type === 'Gateway' && (e.vpcId ?? DEFAULT_VPC) === params.VpcId && e.service === service.name && e.state === 'available',
        );
        if (!gateway)
          return [
            400,
            errorXml('InvalidParameter', 'To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC must have a Gateway endpoint for the service.'),
          ];
      }
      const ipType = params.IpAddressType ?? 'ipv4';
      const unfit = subnets.find((s) =>
        ipType === 'ipv6' ? !s!.ipv6Only : ipType === 'dualstack' ? s!.ipv6Only || !(s!.ipv6Cidrs ?? []).length : s!.ipv6Only,
      );
      if (unfit) return [400, errorXml('InvalidParameter', `The subnet ${unfit.id} does not support the IP address type ${ipType}.`)];
      if (params.DryRun === 'true') return [412, errorXml('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.')];
      const token = params.ClientToken;
      const existing = token ? state.endpoints.find((e) => e.clientToken === token) : undefined;
      if (existing)
        return [
          200,
          response(
            'CreateVpcEndpoint',
            `<vpcEndpoint>${endpointXml(existing).replace(/^\s*<item>|<\/item>\s*$/g, '')}</vpcEndpoint><clientToken>${token}</clientToken>`,
          ),
        ];
      const id = `vpce-${(state.endpoints.length + 1).toString(16).padStart(17, '0')}`;
      const base = `${id}-emu1`;
      // Like EC2: the label is the service's DNS prefix (kinesis for kinesis-streams) where it has one.
      const suffix = `${service.privateDnsName?.replace(/^\*\./, '').split('.')[0] ?? shortName(service.name)}.${serviceRegion}.vpce.amazonaws.com`;
      const tags: Record<string, string> = {};
      for (let i = 1; params[`TagSpecification.1.Tag.${i}.Key`]; i++)
        tags[params[`TagSpecification.1.Tag.${i}.Key`]!] = params[`TagSpecification.1.Tag.${i}.Value`] ?? '';
      const endpoint = {
        id,
        service: service.name,
        state: 'pending',
        vpcId: params.VpcId,
        subnets: subnetIds,
        groups: list(params, 'SecurityGroupId'),
        privateDns,
        dnsNames: [
          `${base}.${suffix}`,
          ...azs.map((az) => `${base}-${az}.${suffix}`),
          ...(privateDns && service.privateDnsName ? [service.privateDnsName] : []),
        ],
        tags,
        describesUntilReady: state.pendingDescribes,
        ...(token && { clientToken: token }),
      };
      state.endpoints.push(endpoint);
      return [
        200,
        response(
          'CreateVpcEndpoint',
          `<vpcEndpoint>${endpointXml(endpoint).replace(/^\s*<item>|<\/item>\s*$/g, '')}</vpcEndpoint>${token ? `<clientToken>${token}</clientToken>` : ''}`,
        ),
      ];
    }
    default:
      return [400, errorXml('InvalidAction', `The action ${action} is not valid for this web service.`)];
  }
}

function ruleXml(r: EmulatorRule): string {
  const ports = r.protocol === '-1' ? '' : `<fromPort>${r.from ?? 0}</fromPort><toPort>${r.to ?? r.from ?? 65535}</toPort>`;
  const v4 = (r.cidrs ?? []).filter((c) => !c.includes(':'));
  const v6 = (r.cidrs ?? []).filter((c) => c.includes(':'));
  return `<item><ipProtocol>${r.protocol}</ipProtocol>${ports}<groups>${(r.groups ?? []).map((g) => `<item><groupId>${g}</groupId><userId>123456789012</userId></item>`).join('')}</groups><ipRanges>${v4
    .map((c) => `<item><cidrIp>${c}</cidrIp></item>`)
    .join('')}</ipRanges><ipv6Ranges>${v6.map((c) => `<item><cidrIpv6>${c}</cidrIpv6></item>`).join('')}</ipv6Ranges><prefixListIds/></item>`;
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
    readBody(req).then(
      (body) => {
        const [status, xml] = handleEc2Request(state, Object.fromEntries(new URLSearchParams(body)));
        res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
        res.end(xml);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
