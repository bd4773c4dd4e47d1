/**
 * What describe shows beyond the endpoint itself: its ENIs (IP per AZ), its VPC's DNS attributes and the VPC's
 * other endpoints. Read in parallel; a read the bot may not make becomes 'unknown', never a failed describe.
 */
import { Ec2Error, type Ec2Api, type Endpoint, type NetworkInterface } from './ec2-api.js';
import type { Known } from './reach.js';

export interface EndpointDetail {
  enis: NetworkInterface[] | 'unknown';
  vpcDns: { support: Known; hostnames: Known };
  vpcEndpoints: Endpoint[] | 'unknown';
}

async function orUnknown<T>(read: Promise<T>): Promise<T | 'unknown'> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof Ec2Error && error.code === 'Aborted') throw error;
    return 'unknown';
  }
}

export async function endpointDetail(ec2: Ec2Api, region: string, endpoint: Endpoint, signal?: AbortSignal): Promise<EndpointDetail> {
  const eniIds = endpoint.networkInterfaceIds ?? [];
  const [enis, support, hostnames, vpcEndpoints] = await Promise.all([
    eniIds.length > 0 ? orUnknown(ec2.describeNetworkInterfaces(region, eniIds, signal)) : Promise.resolve([]),
    orUnknown(ec2.describeVpcAttribute(region, endpoint.vpcId, 'enableDnsSupport', signal)),
    orUnknown(ec2.describeVpcAttribute(region, endpoint.vpcId, 'enableDnsHostnames', signal)),
    orUnknown(ec2.listEndpoints(region, { vpcId: endpoint.vpcId }, { limit: 1000, ...(signal && { signal }) }).then((r) => r.endpoints)),
  ]);
  return { enis, vpcDns: { support, hostnames }, vpcEndpoints };
}
