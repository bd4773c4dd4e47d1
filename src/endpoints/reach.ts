/**
 * The private DNS and routing model of an interface endpoint (knowledge.md section 4): for a client at a given
 * place, what the service's default name and the endpoint-specific names resolve to, and whether the traffic
 * stays private. Pure. Where the bot cannot see something it says 'unknown' rather than guessing.
 *
 * Sources:
 * - https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html (private DNS, both VPC
 *   DNS attributes, endpoint-specific names, on-premises via a Resolver inbound endpoint)
 * - https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html (S3 private DNS,
 *   PrivateDnsOnlyForInboundResolverEndpoint: in-VPC clients use the gateway endpoint)
 * - https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html (enableDnsSupport / enableDnsHostnames)
 */
import type { Endpoint } from './ec2-api.js';

export type DnsMode = 'on' | 'off' | 'inbound-only';
export type Known = boolean | 'unknown';
export type ClientLocation = 'endpoint-vpc' | 'peered-vpc' | 'tgw-vpc' | 'onprem';
/** The client's way to the internet: its subnet's default route (on-premises: not visible to the bot). */
export type InternetPath = 'igw' | 'nat' | 'none' | 'unknown';

/** The DNS mode from PrivateDnsEnabled and DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint. */
export function dnsModeOf(endpoint: Pick<Endpoint, 'privateDnsEnabled' | 'privateDnsOnlyForInboundResolverEndpoint'>): DnsMode {
  if (!endpoint.privateDnsEnabled) return 'off';
  return endpoint.privateDnsOnlyForInboundResolverEndpoint ? 'inbound-only' : 'on';
}

/** Services that offer both endpoint types: their public names can be carried by a gateway endpoint. */
export function hasGatewayType(serviceName: string): boolean {
  return /^com\.amazonaws\.[a-z0-9-]+\.(s3|dynamodb)$/.test(serviceName);
}

export interface ReachContext {
  location: ClientLocation;
  /** enableDnsSupport and enableDnsHostnames of the endpoint's VPC (its private zone depends on both). */
  endpointVpcDns: { support: Known; hostnames: Known };
  /** enableDnsSupport of the client's VPC (the Amazon-provided resolver); on-premises: ignored. */
  clientVpcDnsSupport: Known;
  internet: InternetPath;
  /** The client's route table sends the service's public prefixes to a gateway endpoint (S3, DynamoDB). */
  gatewayEndpoint: Known;
  /**
   * Peered/TGW VPC: Resolver rules or a shared private hosted zone send the service's name to the endpoint's VPC.
   * On-premises: a conditional forwarder to a Route 53 Resolver inbound endpoint in the endpoint's VPC.
   */
  forwarding: Known;
}

export type Resolution = 'endpoint-ips' | 'public-ips' | 'nothing' | 'unknown';
export type Path = 'endpoint' | 'gateway-endpoint' | 'internet-igw' | 'internet-nat' | 'internet-onprem' | 'no-route' | 'unknown';

/** Why a name resolves and routes as it does: a message id of the catalog (en.reach.why). */
export type ReachWhy =
  | 'endpoint-specific'
  | 'private-dns-on'
  | 'vpc-dns-attributes-off'
  | 'vpc-dns-attributes-unknown'
  | 'client-dns-off'
  | 'private-dns-off'
  | 'inbound-only-in-vpc'
  | 'remote-vpc-no-forwarding'
  | 'remote-vpc-forwarding'
  | 'remote-vpc-forwarding-unknown'
  | 'onprem-forwarder'
  | 'onprem-no-forwarder'
  | 'onprem-forwarder-unknown';

export interface NameReach {
  name: string;
  kind: 'service-default' | 'endpoint-specific';
  resolvesTo: Resolution;
  path: Path;
  /** The traffic stays on private AWS paths (endpoint or gateway endpoint). */
  private: Known;
  why: ReachWhy;
}

function publicPath(serviceName: string, ctx: ReachContext): { path: Path; private: Known } {
  if (ctx.location === 'onprem') return { path: 'internet-onprem', private: false };
  if (hasGatewayType(serviceName) && ctx.gatewayEndpoint === true) return { path: 'gateway-endpoint', private: true };
  const gatewayUnknown = hasGatewayType(serviceName) && ctx.gatewayEndpoint === 'unknown';
  switch (ctx.internet) {
    case 'igw':
      return { path: 'internet-igw', private: gatewayUnknown ? 'unknown' : false };
    case 'nat':
      return { path: 'internet-nat', private: gatewayUnknown ? 'unknown' : false };
    case 'none':
      return gatewayUnknown ? { path: 'unknown', private: 'unknown' } : { path: 'no-route', private: false };
    case 'unknown':
      return { path: 'unknown', private: 'unknown' };
  }
}

const both = (a: Known, b: Known): Known => (a === false || b === false ? false : a === true && b === true ? true : 'unknown');

function defaultNameReach(serviceName: string, mode: DnsMode, ctx: ReachContext): Omit<NameReach, 'name' | 'kind'> {
  const publicly = (why: ReachWhy): Omit<NameReach, 'name' | 'kind'> => ({ resolvesTo: 'public-ips', ...publicPath(serviceName, ctx), why });
  const unknown = (why: ReachWhy): Omit<NameReach, 'name' | 'kind'> => ({ resolvesTo: 'unknown', path: 'unknown', private: 'unknown', why });
  const privately = (why: ReachWhy): Omit<NameReach, 'name' | 'kind'> => ({ resolvesTo: 'endpoint-ips', path: 'endpoint', private: true, why });
  const zoneUsable = both(ctx.endpointVpcDns.support, ctx.endpointVpcDns.hostnames);

  if (ctx.location !== 'onprem' && ctx.clientVpcDnsSupport === false) return { resolvesTo: 'nothing', path: 'no-route', private: false, why: 'client-dns-off' };
  if (mode === 'off') return publicly('private-dns-off');

  switch (ctx.location) {
    case 'endpoint-vpc':
      if (mode === 'inbound-only') return publicly('inbound-only-in-vpc');
      if (zoneUsable === false) return publicly('vpc-dns-attributes-off');
      if (zoneUsable === 'unknown') return unknown('vpc-dns-attributes-unknown');
      return privately('private-dns-on');
    case 'peered-vpc':
    case 'tgw-vpc':
      if (ctx.forwarding === false) return publicly('remote-vpc-no-forwarding');
      if (ctx.forwarding === 'unknown') return unknown('remote-vpc-forwarding-unknown');
      if (zoneUsable === false) return publicly('vpc-dns-attributes-off');
      if (zoneUsable === 'unknown') return unknown('vpc-dns-attributes-unknown');
      return privately('remote-vpc-forwarding');
    case 'onprem':
      if (ctx.forwarding === false) return publicly('onprem-no-forwarder');
      if (ctx.forwarding === 'unknown') return unknown('onprem-forwarder-unknown');
      if (zoneUsable === false) return publicly('vpc-dns-attributes-off');
      if (zoneUsable === 'unknown') return unknown('vpc-dns-attributes-unknown');
      return privately('onprem-forwarder');
  }
}

export interface ReachNames {
  /** The service's default name (kinesis.<region>.amazonaws.com), when it has one. */
  serviceDefault?: string;
  /** The endpoint-specific names: regional first, then zonal. */
  endpointSpecific: string[];
}

/** What each name resolves to from the client, and where its traffic goes. */
export function reach(serviceName: string, mode: DnsMode, names: ReachNames, ctx: ReachContext): NameReach[] {
  const rows: NameReach[] = [];
  if (names.serviceDefault) rows.push({ name: names.serviceDefault, kind: 'service-default', ...defaultNameReach(serviceName, mode, ctx) });
  for (const name of names.endpointSpecific) {
    // Public DNS records holding the endpoint's private IPs: any resolver answers them.
    const dnsOff = ctx.location !== 'onprem' && ctx.clientVpcDnsSupport === false;
    rows.push(
      dnsOff
        ? { name, kind: 'endpoint-specific', resolvesTo: 'nothing', path: 'no-route', private: false, why: 'client-dns-off' }
        : { name, kind: 'endpoint-specific', resolvesTo: 'endpoint-ips', path: 'endpoint', private: true, why: 'endpoint-specific' },
    );
  }
  return rows;
}
