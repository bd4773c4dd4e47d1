/** The endpoint parameters most request fixtures use: Kinesis Data Streams in one subnet of the seeded VPC. */
import type { EndpointParams } from '../../src/aws/endpoint.js';

export function kinesisParams(): EndpointParams {
  return {
    region: 'ap-northeast-1',
    serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
    vpcId: 'vpc-0a1b2c3d',
    subnetIds: ['subnet-0a1b2c3d'],
    securityGroupIds: [],
    privateDns: 'on',
    ports: [443],
  };
}
