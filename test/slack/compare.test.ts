import nock from 'nock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSlackHandler, type HttpHandler } from '../../src/handler.js';
import { createWorkerHandler } from '../../src/worker-handler.js';
import { testEc2 } from '../helpers/ec2.js';
import {
  TEST_CONFIG,
  apiGatewayV1Event,
  apiGatewayV2Event,
  blockActionBody,
  blockText,
  captureResponseUrl,
  parseAckBody,
  quietLogger,
  recordingJobs,
  slashCommandBody,
} from '../helpers/slack.js';

interface Message {
  text?: string;
  blocks: { type: string; elements?: { action_id: string; value: string }[]; text?: { text: string } }[];
  response_type?: string;
  replace_original?: boolean;
}

const buttons = (message: Message) => message.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const buttonById = (message: Message, actionId: string) => buttons(message).find((b) => b.action_id === actionId)!;

describe('compare through the Lambda handler', () => {
  let handler: HttpHandler;

  beforeEach(() => {
    handler = createSlackHandler(TEST_CONFIG, { jobs: recordingJobs(), logger: quietLogger() });
  });

  it('starts the walkthrough with the first question as buttons, without calling the Web API', async () => {
    const slackApi = nock('https://slack.com').post(/.*/).reply(500);

    const response = await handler(apiGatewayV1Event(slashCommandBody('compare')), {});

    expect(response.statusCode).toBe(200);
    const message = parseAckBody(response.body) as unknown as Message;
    expect(message.response_type).toBe('ephemeral');
    expect(buttons(message).map((b) => b.action_id)).toEqual([
      'compare_answer:target:aws-service',
      'compare_answer:target:own-service',
      'compare_answer:target:saas',
      'compare_answer:target:whole-vpc',
      'compare_answer:target:resource',
    ]);
    expect(slackApi.isDone()).toBe(false);
  });

  it('asks for the target when answers come without one, keeping them', async () => {
    const response = await handler(apiGatewayV1Event(slashCommandBody('compare overlap=yes')), {});

    const message = parseAckBody(response.body) as unknown as Message;
    expect(blockText(message)).toContain('What must be reached?');
    expect(blockText(message)).not.toContain('Recommendation');
    expect(buttonById(message, 'compare_answer:target:whole-vpc').value).toBe('overlap=yes target=whole-vpc');
  });

  it('shows what the answer needs beside the recommendation, and the create line EC2 accepts', async () => {
    const response = await handler(apiGatewayV1Event(slashCommandBody('compare target=aws-service service=s3 onprem=yes')), {});

    const message = parseAckBody(response.body) as unknown as Message;
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Recommendation: Interface endpoint (PrivateLink)' } });
    expect(JSON.stringify(message.blocks[1])).toContain('Your answers: target: *An AWS API (S3, Kinesis, …)* · service: *S3* · onprem: *Yes*');
    expect(message.blocks[2]!.text!.text).toMatch(/^\*Together with\*\n• \*Gateway endpoint\*: /);
    expect(blockText(message)).toContain('private-dns=inbound-only');
    expect(blockText(message)).not.toContain('sg=sg-… private-dns=on');
  });

  it('answers at once when answers are given (API Gateway v2, base64 body)', async () => {
    const response = await handler(apiGatewayV2Event(slashCommandBody('compare target=own-service overlap=yes')), {});

    expect(response.statusCode).toBe(200);
    const message = parseAckBody(response.body) as unknown as Message;
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Recommendation: Endpoint service (your NLB behind PrivateLink)' } });
    expect(blockText(message)).toContain('VPCs with overlapping CIDR blocks cannot be peered.');
    expect(buttons(message).map((b) => b.action_id)).toEqual(['compare_share', 'compare_back', 'compare_restart']);
  });

  it('walks forward, back and over through response_url', async () => {
    const calls = captureResponseUrl(3);

    await handler(apiGatewayV1Event(blockActionBody('compare_answer:target:aws-service', 'target=aws-service')), {});
    const serviceQuestion = calls[0]!.body as unknown as Message;
    expect(serviceQuestion.replace_original).toBe(true);
    expect(blockText(serviceQuestion)).toContain('Which AWS service?');
    expect(buttonById(serviceQuestion, 'compare_answer:service:s3').value).toBe('target=aws-service service=s3');
    expect(buttonById(serviceQuestion, 'compare_back').value).toBe('-');

    await handler(apiGatewayV1Event(blockActionBody('compare_answer:service:s3', 'target=aws-service service=s3')), {});
    const onpremQuestion = calls[1]!.body as unknown as Message;
    expect(blockText(onpremQuestion)).toContain('reachable from on-premises');
    expect(buttonById(onpremQuestion, 'compare_back').value).toBe('target=aws-service');

    await handler(apiGatewayV1Event(blockActionBody('compare_back', 'target=aws-service')), {});
    expect(blockText(calls[2]!.body)).toContain('Which AWS service?');
  });

  it('shows the result once no question can change it', async () => {
    const calls = captureResponseUrl();

    await handler(apiGatewayV1Event(blockActionBody('compare_answer:cross-region:no', 'target=aws-service service=s3 onprem=no cross-region=no')), {});

    expect((calls[0]!.body as unknown as Message).blocks[0]).toMatchObject({ text: { text: 'Recommendation: Gateway endpoint' } });
  });

  it('starts over', async () => {
    const calls = captureResponseUrl();

    await handler(apiGatewayV2Event(blockActionBody('compare_restart', '-')), {});

    expect(buttons(calls[0]!.body as unknown as Message)[0]!.action_id).toBe('compare_answer:target:aws-service');
  });

  it('shares the result in the channel through the worker (posted once), naming who shared it, without buttons', async () => {
    const jobs = recordingJobs();
    const slackApi = nock('https://slack.com').post(/.*/).reply(500);
    await createSlackHandler(TEST_CONFIG, { jobs, logger: quietLogger() })(apiGatewayV1Event(blockActionBody('compare_share', 'target=saas', 'U0BOB')), {});
    expect(jobs.jobs).toEqual([
      { kind: 'compare', step: 'share', value: 'target=saas', user: 'U0BOB', responseUrl: expect.stringMatching(/^https:\/\/hooks\.slack\.com\//) },
    ]);

    const calls = captureResponseUrl();
    await createWorkerHandler(TEST_CONFIG, { ec2: testEc2(), jobs: recordingJobs(), logger: quietLogger() })(jobs.jobs[0]!);

    expect(calls).toHaveLength(1);
    expect(slackApi.isDone()).toBe(false);
    const shared = calls[0]!.body as unknown as Message;
    expect(shared.response_type).toBe('in_channel');
    expect(shared.replace_original).toBe(false);
    expect(blockText(shared)).toContain('Shared by <@U0BOB>');
    expect(buttons(shared)).toEqual([]);
  });

  it('answers a typo with the error and the usage line', async () => {
    const response = await handler(apiGatewayV1Event(slashCommandBody('compare targte=saas')), {});

    const message = parseAckBody(response.body) as unknown as Message;
    expect(message.text).toBe('Unknown option `targte` for `compare`. Did you mean `target`?');
    expect(blockText(message)).toContain('Usage: `/privatelink compare [');
  });
});

describe('request verification', () => {
  const handler = createSlackHandler(TEST_CONFIG, { jobs: recordingJobs(), logger: quietLogger() });
  // Timestamps are taken when each test runs: a table built at load time drifts towards the window's edge.
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a bad signature', () => ({ signature: 'v0=' + '0'.repeat(64) }), 401],
    ['a stale timestamp', () => ({ timestamp: now() - 301 }), 401],
    ['a far-future timestamp', () => ({ timestamp: now() + 301 }), 401],
    ['missing headers', () => ({ signature: '' }), 401],
    ['a wrong content type', () => ({ contentType: 'text/plain' }), 415],
  ])('rejects %s with no Slack call', async (_name, options, status) => {
    const slack = nock('https://slack.com').post(/.*/).reply(200, { ok: true });
    const hooks = nock('https://hooks.slack.com').post(/.*/).reply(200, 'ok');

    const response = await handler(apiGatewayV1Event(slashCommandBody('help'), options()), {});

    expect(response.statusCode).toBe(status);
    expect(slack.isDone() || hooks.isDone()).toBe(false);
  });

  it('rejects a body altered after signing', async () => {
    const event = apiGatewayV1Event(slashCommandBody('help'));
    event.body = slashCommandBody('compare');

    expect((await handler(event, {})).statusCode).toBe(401);
  });

  it('accepts a content type with a charset parameter', async () => {
    const response = await handler(apiGatewayV1Event(slashCommandBody('help'), { contentType: 'application/x-www-form-urlencoded; charset=utf-8' }), {});

    expect(response.statusCode).toBe(200);
    expect(parseAckBody(response.body)).toMatchObject({ response_type: 'ephemeral' });
  });
});
