/**
 * AWS services reachable through a cross-region interface endpoint: a closed, published list (since 2025-11).
 * Source: https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html
 * (as summarised in shared/knowledge.md, 2026-11): S3, IAM, ECR (api, dkr), KMS, ECS, Lambda, Data Firehose,
 * Managed Service for Apache Flink, Route 53. Not Kinesis Data Streams, not DynamoDB. Values are the short
 * endpoint service names (the last labels of `com.amazonaws.<region>.<name>`).
 */
export const CROSS_REGION_AWS_SERVICES: readonly string[] = [
  's3',
  'iam',
  'ecr.api',
  'ecr.dkr',
  'kms',
  'ecs',
  'lambda',
  'kinesis-firehose',
  'kinesisanalytics',
  'route53',
];

export const CROSS_REGION_SOURCE = 'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html';
