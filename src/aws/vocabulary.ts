/**
 * Shared AWS vocabulary: names and closed lists every layer may use (the decision engine, the grammar, preflight,
 * config). It imports nothing. The facts that explain these lists, with dates and sources, are in
 * src/decision/facts.ts.
 */

/** Services that offer both a gateway and an interface endpoint (and so the inbound-only private DNS option). */
export const GATEWAY_SERVICES: ReadonlySet<string> = new Set(['s3', 'dynamodb']);

/**
 * The closed list of AWS services reachable through an interface endpoint in another region (fact
 * `interface.cross-region-aws-services`), by short service name. Not Kinesis Data Streams, not DynamoDB.
 * Source: https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html
 */
export const CROSS_REGION_AWS_SERVICES: ReadonlySet<string> = new Set([
  's3',
  'iam',
  'ecr.api',
  'ecr.dkr',
  'kms',
  'kms-fips',
  'ecs',
  'lambda',
  'kinesis-firehose',
  'kinesisanalytics',
  'kinesisanalytics-fips',
  'route53',
]);

/** Global services: their endpoint service name has no region (`com.amazonaws.iam`), fact `dns.global-names`. */
export const GLOBAL_SERVICE_NAMES: ReadonlyMap<string, string> = new Map([
  ['iam', 'com.amazonaws.iam'],
  ['route53', 'com.amazonaws.route53'],
]);

/** Public commercial, GovCloud and China regions, for validating `region=` before any call. */
export const KNOWN_REGIONS: ReadonlySet<string> = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'mx-central-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
  'cn-north-1',
  'cn-northwest-1',
]);
