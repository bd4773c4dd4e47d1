/** An interface endpoint's DNS names, sorted into kinds, and where each routes (the private DNS matrix). Pure. */
import type { Endpoint } from './ec2.js';

export interface EndpointDnsNames {
  /** The service's own name (e.g. kinesis.ap-northeast-1.amazonaws.com), when private DNS is on. */
  privateDnsName?: string;
  /** The endpoint-specific regional name: resolves to the endpoint's addresses in every AZ. */
  regional?: string;
  zonal: { availabilityZone: string; name: string }[];
}

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

export type Route = 'endpoint' | 'internet' | 'fails';

export interface MatrixRow {
  name: string;
  kind: 'service-default' | 'endpoint-specific';
  fromPublicSubnet: Route;
  fromPrivateSubnet: Route;
}

/** The 2018 article's matrix, still correct: with private DNS off, the default name leaves the VPC. */
export function dnsMatrix(endpoint: Endpoint, names: EndpointDnsNames, serviceDefaultName?: string): MatrixRow[] {
  const rows: MatrixRow[] = [];
  const defaultName = names.privateDnsName ?? serviceDefaultName;
  if (defaultName) {
    rows.push(
      endpoint.privateDnsEnabled
        ? { name: defaultName, kind: 'service-default', fromPublicSubnet: 'endpoint', fromPrivateSubnet: 'endpoint' }
        : { name: defaultName, kind: 'service-default', fromPublicSubnet: 'internet', fromPrivateSubnet: 'fails' },
    );
  }
  if (names.regional) rows.push({ name: names.regional, kind: 'endpoint-specific', fromPublicSubnet: 'endpoint', fromPrivateSubnet: 'endpoint' });
  return rows;
}
