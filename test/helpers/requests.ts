/** The endpoint parameters most request fixtures use: Kinesis Data Streams in one subnet of the seeded VPC. */
import type { EndpointParams } from '../../src/aws/endpoint.js';
import { sealApproval } from '../../src/requests/approval.js';
import { transition, type EndpointRequest } from '../../src/requests/model.js';
import { TEST_CONFIG } from './slack.js';

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

/** `pending` approved by `approver` as the Slack function records it: with the seal the worker verifies. */
export function approvedAsSlackWould(pending: EndpointRequest, approver: string, now: Date, key: string = TEST_CONFIG.approvalKey!): EndpointRequest {
  return transition(pending, 'approved', approver, now, { decidedBy: approver, approval: sealApproval(key, pending, approver, pending.version + 1) });
}
