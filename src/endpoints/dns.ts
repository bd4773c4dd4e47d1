/** An interface endpoint's DNS names, sorted into kinds, and where each routes (the private DNS matrix). Pure. */
import type { EndpointDnsNames } from '../aws/endpoint.js';
import type { Endpoint } from './ec2-api.js';
import { dnsModeOf, reach, type InternetPath, type Known, type NameReach } from './reach.js';

const ZONAL_SUFFIX = /-([a-z]{2}(?:-gov)?-[a-z]+-\d[a-z])$/;

export function dnsNames(endpoint: Endpoint, servicePrivateDnsName?: string): EndpointDnsNames {
  const names: EndpointDnsNames = { zonal: [] };
  let otherName: string | undefined;
  for (const { dnsName } of endpoint.dnsEntries) {
    const firstLabel = dnsName.replace(/^\*\./, '').split('.')[0] ?? '';
    if (!firstLabel.startsWith(endpoint.id)) {
      otherName ??= dnsName;
      continue;
    }
    const zone = ZONAL_SUFFIX.exec(firstLabel);
    if (zone) names.zonal.push({ availabilityZone: zone[1]!, name: dnsName });
    else names.regional ??= dnsName;
  }
  if (endpoint.privateDnsEnabled) {
    const privateName = servicePrivateDnsName ?? otherName;
    if (privateName) names.privateDnsName = privateName;
  }
  names.zonal.sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  return names;
}

/** The places describe shows routing for; in-VPC rows vary with the client subnet's way out. */
export const IN_VPC_VARIANTS: InternetPath[] = ['igw', 'nat', 'none'];

export interface RoutingRow {
  name: string;
  kind: 'service-default' | 'endpoint-specific';
  /** One entry per kind of subnet, merged where they agree. */
  inVpc: { variants: InternetPath[]; reach: NameReach }[];
  remoteVpc: NameReach;
  onprem: NameReach;
}

export interface RoutingKnowledge {
  vpcDns: { support: Known; hostnames: Known };
  /** The endpoint's VPC has a gateway endpoint for the same service (S3, DynamoDB). */
  gatewayEndpoint: Known;
}

/**
 * Which name routes where, from inside the VPC (public subnet, private with NAT, private without), from a peered or
 * TGW-attached VPC and from on-premises. Resolver rules and on-premises forwarders are invisible to the bot:
 * those rows say so ('unknown') rather than guess.
 */
export function routingRows(endpoint: Endpoint, names: EndpointDnsNames, known: RoutingKnowledge, serviceDefaultName?: string): RoutingRow[] {
  const mode = dnsModeOf(endpoint);
  const reachNames = {
    ...((names.privateDnsName ?? serviceDefaultName) && { serviceDefault: (names.privateDnsName ?? serviceDefaultName)!.replace(/^\*\./, '') }),
    endpointSpecific: names.regional ? [names.regional] : [],
  };
  const base = { endpointVpcDns: known.vpcDns, gatewayEndpoint: known.gatewayEndpoint, forwarding: 'unknown' as Known };
  const inVpcSupport: Known = known.vpcDns.support;
  const perVariant = IN_VPC_VARIANTS.map((internet) => ({
    internet,
    rows: reach(endpoint.serviceName, mode, reachNames, { ...base, location: 'endpoint-vpc', clientVpcDnsSupport: inVpcSupport, internet }),
  }));
  const remote = reach(endpoint.serviceName, mode, reachNames, {
    ...base,
    location: 'peered-vpc',
    clientVpcDnsSupport: true,
    internet: 'unknown',
    gatewayEndpoint: 'unknown',
  });
  const onprem = reach(endpoint.serviceName, mode, reachNames, {
    ...base,
    location: 'onprem',
    clientVpcDnsSupport: true,
    internet: 'unknown',
    gatewayEndpoint: false,
  });
  return remote.map((row, i) => {
    const inVpc: RoutingRow['inVpc'] = [];
    for (const { internet, rows } of perVariant) {
      const r = rows[i]!;
      const same = inVpc.find((v) => v.reach.resolvesTo === r.resolvesTo && v.reach.path === r.path && v.reach.why === r.why);
      if (same) same.variants.push(internet);
      else inVpc.push({ variants: [internet], reach: r });
    }
    return { name: row.name, kind: row.kind, inVpc, remoteVpc: row, onprem: onprem[i]! };
  });
}
