/** EC2 faked at its real wire: the Query protocol (form POST, Action=…&Version=2016-11-15) answered with XML. */
import nock from 'nock';
import { createEc2Adapter } from '../../src/endpoints/ec2.js';
import type { Ec2Api } from '../../src/endpoints/ec2-api.js';
import { handleEc2Request, type EmulatorState } from '../emulator/ec2-emulator.js';

export const REGION = 'ap-northeast-1';
export const EC2_HOST = `https://ec2.${REGION}.amazonaws.com`;
const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** The adapter with static fake credentials and one retry at most, so failures surface fast. */
export function testEc2(maxAttempts = 1): Ec2Api {
  return createEc2Adapter({
    clientConfig: { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'fake-secret' }, maxAttempts, retryStrategy: undefined },
  });
}

export function formOf(body: unknown): Record<string, string> {
  return typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
}

export interface Ec2Call {
  action: string;
  params: Record<string, string>;
}

/**
 * Answers EC2 actions with the given responders (XML text, or [status, XML]); records each call.
 * Unlisted actions are not intercepted, so nock fails the request.
 */
export function fakeEc2(responders: Record<string, (params: Record<string, string>, call: number) => string | [number, string]>, host = EC2_HOST): Ec2Call[] {
  const calls: Ec2Call[] = [];
  const counts: Record<string, number> = {};
  nock(host)
    .persist()
    .post('/', (body) => formOf(body).Action! in responders)
    .reply((_uri, body) => {
      const params = formOf(body);
      const action = params.Action!;
      calls.push({ action, params });
      counts[action] = (counts[action] ?? 0) + 1;
      const answer = responders[action]!(params, counts[action]!);
      const [status, xml] = Array.isArray(answer) ? answer : [200, answer];
      return [status, xml, { 'content-type': 'text/xml;charset=UTF-8' }];
    });
  return calls;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const items = (values: string[], inner: (v: string) => string) => values.map((v) => `<item>${inner(v)}</item>`).join('');

export interface EndpointFixture {
  id: string;
  service?: string;
  state?: string;
  type?: string;
  vpcId?: string;
  subnets?: string[];
  groups?: string[];
  privateDns?: boolean;
  dnsNames?: string[];
  lastError?: { code: string; message: string };
  tags?: Record<string, string>;
  ipAddressType?: string;
}

export function kinesisDnsNames(id: string, privateDns = true): string[] {
  const suffix = `kinesis.${REGION}.vpce.amazonaws.com`;
  return [
    `${id}-4f8h2k1m.${suffix}`,
    `${id}-4f8h2k1m-${REGION}a.${suffix}`,
    `${id}-4f8h2k1m-${REGION}c.${suffix}`,
    ...(privateDns ? [`kinesis.${REGION}.amazonaws.com`] : []),
  ];
}

export function endpointXml(e: EndpointFixture): string {
  const privateDns = e.privateDns ?? true;
  const dns = e.dnsNames ?? kinesisDnsNames(e.id, privateDns);
  return `<item>
      <vpcEndpointId>${e.id}</vpcEndpointId>
      <vpcEndpointType>${e.type ?? 'Interface'}</vpcEndpointType>
      <vpcId>${e.vpcId ?? 'vpc-0a1b2c3d'}</vpcId>
      <serviceName>${e.service ?? `com.amazonaws.${REGION}.kinesis-streams`}</serviceName>
      <state>${e.state ?? 'available'}</state>
      <policyDocument>{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}]}</policyDocument>
      <routeTableIdSet/>
      <subnetIdSet>${items(e.subnets ?? ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], (v) => v)}</subnetIdSet>
      <groupSet>${items(e.groups ?? ['sg-0a1b2c3d'], (v) => `<groupId>${v}</groupId><groupName>endpoint-443</groupName>`)}</groupSet>
      <ipAddressType>${e.ipAddressType ?? 'ipv4'}</ipAddressType>
      <dnsOptions><dnsRecordIpType>${e.ipAddressType ?? 'ipv4'}</dnsRecordIpType></dnsOptions>
      <privateDnsEnabled>${privateDns}</privateDnsEnabled>
      <requesterManaged>false</requesterManaged>
      <networkInterfaceIdSet><item>eni-0123456789abcdef0</item><item>eni-0123456789abcdef1</item></networkInterfaceIdSet>
      <dnsEntrySet>${items(dns, (d) => `<dnsName>${d}</dnsName><hostedZoneId>Z2OJLYMUO9EFXC</hostedZoneId>`)}</dnsEntrySet>
      <creationTimestamp>2026-11-20T03:04:05.000Z</creationTimestamp>
      <tagSet>${Object.entries(e.tags ?? { Name: 'kinesis' })
        .map(([k, v]) => `<item><key>${esc(k)}</key><value>${esc(v)}</value></item>`)
        .join('')}</tagSet>
      <ownerId>123456789012</ownerId>
      ${e.lastError ? `<lastError><code>${e.lastError.code}</code><message>${esc(e.lastError.message)}</message></lastError>` : ''}
    </item>`;
}

export function describeEndpointsXml(endpoints: EndpointFixture[], nextToken?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<DescribeVpcEndpointsResponse xmlns="${XMLNS}">
  <requestId>8f7e6d5c-1111-2222-3333-444455556666</requestId>
  <vpcEndpointSet>${endpoints.map(endpointXml).join('')}</vpcEndpointSet>
  ${nextToken ? `<nextToken>${nextToken}</nextToken>` : ''}
</DescribeVpcEndpointsResponse>`;
}

export interface ServiceFixture {
  name: string;
  privateDnsName?: string;
  types?: string[];
  azs?: string[];
  acceptanceRequired?: boolean;
  policySupported?: boolean;
  owner?: string;
  /** SupportedIpAddressTypes; default ['ipv4']. */
  ipAddressTypes?: string[];
  /** The service's region when it is not the caller's (cross-region). */
  serviceRegion?: string;
}

export function describeServicesXml(services: ServiceFixture[], nextToken?: string): string {
  const details = services
    .map(
      (s) => `<item>
      <serviceName>${s.name}</serviceName>
      <serviceId>vpce-svc-0123456789abcdef0</serviceId>
      <serviceType>${items(s.types ?? ['Interface'], (t) => `<serviceType>${t}</serviceType>`)}</serviceType>
      <availabilityZoneSet>${items(s.azs ?? [`${REGION}a`, `${REGION}c`, `${REGION}d`], (v) => v)}</availabilityZoneSet>
      <owner>${s.owner ?? 'amazon'}</owner>
      <baseEndpointDnsNameSet><item>${s.name.split('.').slice(3).join('.')}.${REGION}.vpce.amazonaws.com</item></baseEndpointDnsNameSet>
      ${s.privateDnsName ? `<privateDnsName>${s.privateDnsName}</privateDnsName><privateDnsNameSet><item><privateDnsName>${s.privateDnsName}</privateDnsName></item></privateDnsNameSet>` : ''}
      <vpcEndpointPolicySupported>${s.policySupported ?? true}</vpcEndpointPolicySupported>
      <acceptanceRequired>${s.acceptanceRequired ?? false}</acceptanceRequired>
      <managesVpcEndpoints>false</managesVpcEndpoints>
      <supportedIpAddressTypeSet>${items(s.ipAddressTypes ?? ['ipv4'], (v) => v)}</supportedIpAddressTypeSet>
      ${s.serviceRegion ? `<serviceRegion>${s.serviceRegion}</serviceRegion>` : ''}
      <tagSet/>
    </item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<DescribeVpcEndpointServicesResponse xmlns="${XMLNS}">
  <requestId>8f7e6d5c-1111-2222-3333-444455556667</requestId>
  <serviceNameSet>${items(
    services.map((s) => s.name),
    (v) => v,
  )}</serviceNameSet>
  <serviceDetailSet>${details}</serviceDetailSet>
  ${nextToken ? `<nextToken>${nextToken}</nextToken>` : ''}
</DescribeVpcEndpointServicesResponse>`;
}

export const KINESIS: ServiceFixture = { name: `com.amazonaws.${REGION}.kinesis-streams`, privateDnsName: `kinesis.${REGION}.amazonaws.com` };

export function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>${code}</Code><Message>${esc(message)}</Message></Error></Errors><RequestID>5d3c2b1a-aaaa-bbbb-cccc-ddddeeeeffff</RequestID></Response>`;
}

/** Ids that look like EC2's: prefix + 17 hex characters derived from n. */
export function fakeId(prefix: string, n: number): string {
  return `${prefix}-${n.toString(16).padStart(17, '0')}`;
}

/** A loopback HTTP server that misbehaves at the socket: resets every connection, or never answers. */
export async function faultyServer(mode: 'reset' | 'silent'): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:net');
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    if (mode === 'reset') socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The adapter pointed at a loopback endpoint, with short time-outs. */
export function loopbackEc2(endpoint: string, requestTimeout = 300): Ec2Api {
  return createEc2Adapter({
    clientConfig: {
      endpoint,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
      maxAttempts: 1,
      requestHandler: { requestTimeout, connectionTimeout: 300, throwOnRequestTimeout: true },
    },
  });
}

export type Fault = (params: Record<string, string>, call: number) => [number, string] | undefined;

/**
 * EC2 at the wire (nock) answered by the emulator's state: a consistent world of VPCs, subnets, groups,
 * services and endpoints. `faults` answer first, per action, when they return something.
 */
export function fakeEc2World(state: EmulatorState, faults: Record<string, Fault> = {}): Ec2Call[] {
  const calls: Ec2Call[] = [];
  const counts: Record<string, number> = {};
  nock(EC2_HOST)
    .persist()
    .post('/')
    .reply((_uri, body) => {
      const params = formOf(body);
      const action = params.Action!;
      calls.push({ action, params });
      counts[action] = (counts[action] ?? 0) + 1;
      const [status, xml] = faults[action]?.(params, counts[action]!) ?? handleEc2Request(state, params);
      return [status, xml, { 'content-type': 'text/xml;charset=UTF-8' }];
    });
  return calls;
}
