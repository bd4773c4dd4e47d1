/**
 * "Which other endpoints this subnet may need": a private subnet calling an AWS API that has no endpoint times
 * out (the 2018 article's last lesson, with EC2). Common companions, as data with their sources. Pure.
 */
import type { Endpoint } from './ec2-api.js';

export interface CompanionGroup {
  /** Message id (en.reach.companions) saying what the group is for. */
  id: 'sts' | 'logs' | 'ssm' | 'ecr' | 'secrets';
  /** Service suffixes: com.amazonaws.<region>.<suffix>. `s3` is satisfied by a gateway or an interface endpoint. */
  services: string[];
  source: string;
}

export const COMPANIONS: CompanionGroup[] = [
  { id: 'sts', services: ['sts'], source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts_vpce.html' },
  { id: 'logs', services: ['logs'], source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html' },
  { id: 'ssm', services: ['ssm', 'ssmmessages', 'ec2messages'], source: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html' },
  { id: 'ecr', services: ['ecr.api', 'ecr.dkr', 's3'], source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html' },
  { id: 'secrets', services: ['secretsmanager', 'kms'], source: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/vpc-endpoint-overview.html' },
];

export interface MissingCompanions {
  group: CompanionGroup;
  missing: string[];
}

/** For each group, the services the VPC has no endpoint for (any type, any state but deleted/failed/rejected). */
export function missingCompanions(region: string, vpcEndpoints: Endpoint[]): MissingCompanions[] {
  const live = vpcEndpoints.filter((e) => !['deleted', 'deleting', 'failed', 'rejected', 'expired'].includes(e.state.toLowerCase()));
  const has = new Set(live.map((e) => e.serviceName));
  const result: MissingCompanions[] = [];
  for (const group of COMPANIONS) {
    const missing = group.services.filter((s) => !has.has(`com.amazonaws.${region}.${s}`));
    if (missing.length > 0) result.push({ group, missing });
  }
  return result;
}
