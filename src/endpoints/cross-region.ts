/**
 * AWS services reachable through a cross-region interface endpoint: a closed, published list (since 2025-11).
 * Source: https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html
 * (its "Service name" column, read 2026-11): S3, IAM, ECR (api, dkr), KMS (and FIPS), ECS, Lambda, Data Firehose,
 * Managed Service for Apache Flink (and FIPS), Route 53. Not Kinesis Data Streams, not DynamoDB. Values are the
 * short endpoint service names (`com.amazonaws.<region>.<name>`, or `com.amazonaws.<name>` for IAM and Route 53).
 * The decision helper adds the same list, same name and shape, to src/decision/facts.ts: once merged, import it
 * from there and delete this file.
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

export const CROSS_REGION_SOURCE = 'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html';
