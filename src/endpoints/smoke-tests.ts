/** Ready-to-paste commands that prove an endpoint works from inside the VPC. */
import type { EndpointDnsNames } from '../aws/endpoint.js';

/** Endpoint service suffix → a harmless read-only AWS CLI call to that service. */
const AWS_CLI_CALLS: Record<string, string> = {
  'kinesis-streams': 'kinesis list-streams',
  kinesis: 'kinesis list-streams',
  s3: 's3 ls',
  sqs: 'sqs list-queues',
  sns: 'sns list-topics',
  dynamodb: 'dynamodb list-tables',
  lambda: 'lambda list-functions --max-items 5',
  secretsmanager: 'secretsmanager list-secrets --max-results 5',
  ssm: 'ssm describe-parameters --max-results 5',
  kms: 'kms list-keys --limit 5',
  sts: 'sts get-caller-identity',
  logs: 'logs describe-log-groups --limit 5',
  monitoring: 'cloudwatch list-metrics --max-items 5',
  events: 'events list-event-buses',
  'ecr.api': 'ecr describe-repositories --max-items 5',
  ecs: 'ecs list-clusters',
  ec2: 'ec2 describe-availability-zones',
  'execute-api': 'apigateway get-rest-apis',
  states: 'stepfunctions list-state-machines',
};

/** `com.amazonaws.<region>.<suffix>` → suffix; undefined for endpoint services (vpce-svc-…) and others. */
export function awsServiceSuffix(serviceName: string): string | undefined {
  const match = /^com\.amazonaws\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.(.+)$/.exec(serviceName);
  return match?.[1];
}

/** The region the service lives in: an AWS service's name carries it (cross-region endpoints sign with it). */
export function serviceRegionOf(serviceName: string, fallback: string): string {
  const match = /^com\.amazonaws\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\./.exec(serviceName);
  return match?.[1] ?? fallback;
}

/**
 * S3's endpoint-specific names are wildcards (`*.vpce-….s3.<region>.vpce.amazonaws.com`): clients address
 * `bucket.`, `accesspoint.` or `control.` under them.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html
 */
function s3Commands(regional: string, region: string): string[] {
  return [
    `aws s3 ls --region ${region} --endpoint-url https://bucket.${regional}`,
    `aws s3control list-access-points --account-id <account-id> --region ${region} --endpoint-url https://control.${regional}`,
    `dig +short bucket.${regional}`,
  ];
}

/**
 * Ready-to-paste checks. `--region` is the SERVICE's region (a cross-region endpoint's service lives elsewhere,
 * and requests are signed for it); `serviceRegion` overrides it for endpoint services in another region.
 */
export function smokeTestCommands(serviceName: string, region: string, names: EndpointDnsNames, serviceRegion?: string): string[] {
  const lines: string[] = [];
  const signing = serviceRegion ?? serviceRegionOf(serviceName, region);
  const target = names.regional?.replace(/^\*\./, '');
  const suffix = awsServiceSuffix(serviceName);
  const call = suffix ? AWS_CLI_CALLS[suffix] : undefined;
  if (target && suffix === 's3') lines.push(...s3Commands(target, signing));
  else {
    if (target && call) lines.push(`aws ${call} --region ${signing} --endpoint-url https://${target}`);
    if (target && !call) lines.push(`curl -sv https://${target}/ -o /dev/null`);
  }
  if (names.privateDnsName && call) lines.push(`aws ${call} --region ${signing}`);
  if (target && suffix !== 's3') lines.push(`dig +short ${target}`);
  if (names.privateDnsName) lines.push(`dig +short ${names.privateDnsName.replace(/^\*\./, '')}`);
  return lines;
}
