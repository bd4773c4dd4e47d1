import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { createSlackHandler } from '../../src/handler.js';
import { createWorkerHandler } from '../../src/worker-handler.js';
import { EC2_HOST, KINESIS, REGION, describeEndpointsXml, describeServicesXml, errorXml, fakeEc2, fakeId, formOf, testEc2 } from '../helpers/ec2.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { networkInterfacesXml, vpcAttributeXml } from '../doctor/xml.js';
import { manualClock, until, type ManualClock } from '../helpers/clock.js';
import { TEST_CONFIG, apiGatewayV2Event, blockText, captureResponseUrl, parseAckBody, quietLogger, recordingJobs, slashCommandBody } from '../helpers/slack.js';

const ENDPOINT = 'vpce-0123456789abcdef0';

/** A clock that stands still unless the test moves it: an in-line answer never depends on how busy the machine is. */
function setup(config: Config = TEST_CONFIG, clock: ManualClock = manualClock()) {
  const jobs = recordingJobs();
  const handler = createSlackHandler(config, { ec2: testEc2(), jobs, logger: quietLogger(), clock });
  const send = async (text: string) => {
    const response = await handler(apiGatewayV2Event(slashCommandBody(text)), {});
    expect(response.statusCode).toBe(200);
    return parseAckBody(response.body) as { text: string; blocks: unknown[]; response_type: string };
  };
  return { send, jobs };
}

describe('lookups through the Lambda handler', () => {
  it('dns: answers in-line with the private, regional and zonal names', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT }]),
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]),
    });
    const { send } = setup();

    const message = await send(`dns ${ENDPOINT}`);

    expect(calls.map((c) => c.action)).toEqual(['DescribeVpcEndpoints', 'DescribeVpcEndpointServices']);
    expect(calls[0]!.params['VpcEndpointId.1']).toBe(ENDPOINT);
    expect(calls[1]!.params['ServiceName.1']).toBe(KINESIS.name);
    expect(message.response_type).toBe('ephemeral');
    const text = blockText(message);
    expect(text).toContain('*Private DNS*: `kinesis.ap-northeast-1.amazonaws.com`');
    expect(text).toContain(`*Regional*: \`${ENDPOINT}-4f8h2k1m.kinesis.ap-northeast-1.vpce.amazonaws.com\``);
    expect(text).toContain(`\`${ENDPOINT}-4f8h2k1m-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com\`  _ap-northeast-1a_`);
  });

  it('dns by service text: lets EC2 filter by the service names the text matches', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT }]),
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS, { name: `com.amazonaws.${REGION}.s3` }]),
    });
    const { send } = setup();

    const text = blockText(await send('dns kinesis'));

    expect(calls.map((c) => c.action)).toEqual(['DescribeVpcEndpointServices', 'DescribeVpcEndpoints', 'DescribeVpcEndpointServices']);
    expect(calls[1]!.params).toMatchObject({ 'Filter.1.Name': 'service-name', 'Filter.1.Value.1': KINESIS.name });
    expect(calls[1]!.params['Filter.1.Value.2']).toBeUndefined();
    expect(text).toContain(ENDPOINT);
  });

  it('dns by a text no service matches: reads the endpoints and filters them itself', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: () =>
        describeEndpointsXml([
          { id: ENDPOINT, service: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' },
          { id: 'vpce-0fedcba9876543210', service: `com.amazonaws.${REGION}.s3`, type: 'Gateway', dnsNames: [] },
        ]),
      DescribeVpcEndpointServices: (params) => (params['ServiceName.1'] ? describeServicesXml([]) : describeServicesXml([KINESIS])),
    });
    const { send } = setup();

    const text = blockText(await send('dns vpce-svc-0123'));

    expect(calls[1]!.params['Filter.1.Name']).toBeUndefined();
    expect(text).toContain(ENDPOINT);
    expect(text).not.toContain('vpce-0fedcba9876543210');
  });

  it('describe one endpoint: the card, ENI IPs per AZ, routing rows for in-VPC, peered/TGW and on-premises clients, checks and missing companions', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: (params) =>
        params['Filter.1.Name'] === 'vpc-id'
          ? describeEndpointsXml([
              { id: ENDPOINT, privateDns: false },
              { id: 'vpce-0fedcba9876543210', service: `com.amazonaws.${REGION}.sts` },
            ])
          : describeEndpointsXml([{ id: ENDPOINT, privateDns: false }]),
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]),
      DescribeNetworkInterfaces: () =>
        networkInterfacesXml([
          { id: 'eni-0123456789abcdef1', subnetId: 'subnet-4e5f6a7b', vpcId: 'vpc-0a1b2c3d', az: `${REGION}c`, ip: '10.0.2.15', groups: ['sg-0a1b2c3d'] },
          { id: 'eni-0123456789abcdef0', subnetId: 'subnet-0a1b2c3d', vpcId: 'vpc-0a1b2c3d', az: `${REGION}a`, ip: '10.0.1.23', groups: ['sg-0a1b2c3d'] },
        ]),
      DescribeVpcAttribute: (params) => vpcAttributeXml('vpc-0a1b2c3d', params.Attribute!, true),
    });
    // The clock stands still: this test is about the card, not the hand-off.
    const { send } = setup();

    const message = await send(`describe ${ENDPOINT}`);

    expect(calls.find((c) => c.action === 'DescribeNetworkInterfaces')!.params).toMatchObject({
      'NetworkInterfaceId.1': 'eni-0123456789abcdef0',
      'NetworkInterfaceId.2': 'eni-0123456789abcdef1',
    });
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: `${ENDPOINT}: ${KINESIS.name}` } });
    const text = blockText(message);
    expect(text).toContain('*Private DNS*\noff');
    expect(text).toMatch(/_ap-northeast-1a_ {2}`10\.0\.1\.23` {2}eni-0123456789abcdef0 · subnet-0a1b2c3d\n_ap-northeast-1c_ {2}`10\.0\.2\.15`/);
    expect(text).toContain('• In the VPC, public subnet (IGW): public IPs → over the internet (IGW)');
    expect(text).toContain('• In the VPC, private subnet with NAT: public IPs → over the internet through the NAT gateway');
    expect(text).toContain('• In the VPC, private subnet, no NAT: public IPs → no route out: the call times out');
    expect(text).toContain('• From a peered or TGW-attached VPC: public IPs → path not known');
    expect(text).toContain("• From on-premises (DX/VPN): the endpoint's private IPs → through the endpoint");
    expect(text).toContain(
      `aws kinesis list-streams --region ap-northeast-1 --endpoint-url https://${ENDPOINT}-4f8h2k1m.kinesis.ap-northeast-1.vpce.amazonaws.com`,
    );
    expect(text).toContain(`dig +short ${ENDPOINT}-4f8h2k1m.kinesis.ap-northeast-1.vpce.amazonaws.com`);
    expect(text).toContain('Other endpoints this VPC may need');
    expect(text).toContain('`ssm`, `ssmmessages`, `ec2messages`');
    expect(text).not.toContain('role credentials');
  });

  it('describe one endpoint when the network reads are refused: the card still answers, with what is unknown', async () => {
    fakeEc2({
      DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT }]),
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]),
      DescribeNetworkInterfaces: () => [403, errorXml('UnauthorizedOperation', 'no')],
      DescribeVpcAttribute: () => [403, errorXml('UnauthorizedOperation', 'no')],
    });
    // The clock stands still: this test is about the card, not the hand-off.
    const { send } = setup();

    const text = blockText(await send(`describe ${ENDPOINT}`));

    expect(text).toContain('Could not read the ENIs');
    expect(text).toContain("• In the VPC: unknown _(the VPC's DNS attributes could not be read)_");
  });

  it("describe a cross-region S3 endpoint: the service region, and checks with bucket./control. signed for the service's region", async () => {
    const s3Name = `*.${ENDPOINT}-xyz.s3.us-east-1.vpce.amazonaws.com`;
    fakeEc2({
      DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT, service: 'com.amazonaws.us-east-1.s3', privateDns: false, dnsNames: [s3Name] }]),
      DescribeVpcEndpointServices: () => describeServicesXml([]),
      DescribeNetworkInterfaces: () => networkInterfacesXml([]),
      DescribeVpcAttribute: (params) => vpcAttributeXml('vpc-0a1b2c3d', params.Attribute!, true),
    });
    const { send } = setup();

    const text = blockText(await send(`describe ${ENDPOINT}`));

    expect(text).toContain('*Service region*\nus-east-1');
    expect(text).toContain('Try it from inside the VPC (signed for `us-east-1`)');
    expect(text).toContain(`aws s3 ls --region us-east-1 --endpoint-url https://bucket.${ENDPOINT}-xyz.s3.us-east-1.vpce.amazonaws.com`);
    expect(text).toContain(`--endpoint-url https://control.${ENDPOINT}-xyz.s3.us-east-1.vpce.amazonaws.com`);
  });

  it('describe a VPC: a compact list with state markers', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT }, { id: 'vpce-0fedcba9876543210', state: 'pendingAcceptance' }]),
    });
    const { send } = setup();

    const text = blockText(await send('describe vpc-0a1b2c3d state=pendingAcceptance'));

    expect(calls[0]!.params).toMatchObject({ 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': 'vpc-0a1b2c3d' });
    expect(text).toContain('(2)');
    expect(text).toContain(':hourglass_flowing_sand: pendingAcceptance');
  });

  it("services: lists the region's endpoint services filtered by text", async () => {
    fakeEc2({ DescribeVpcEndpointServices: () => describeServicesXml([KINESIS, { name: `com.amazonaws.${REGION}.sqs` }]) });
    const { send } = setup();

    const text = blockText(await send('services kinesis'));

    expect(text).toContain(`Endpoint services matching \\"kinesis\\" in ${REGION} (1)`);
    expect(text).toContain(
      '`com.amazonaws.ap-northeast-1.kinesis-streams` · Interface · Private DNS `kinesis.ap-northeast-1.amazonaws.com` · acceptance required: no · policy: yes',
    );
    expect(text).not.toContain('sqs');
  });

  it.each([
    ['InvalidVpcEndpointId.NotFound', 400, 'That endpoint does not exist in `ap-northeast-1`'],
    ['UnauthorizedOperation', 403, "The bot's AWS role may not call `ec2:DescribeVpcEndpoints`"],
    ['RequestLimitExceeded', 503, 'AWS is throttling EC2 calls'],
  ])('explains %s', async (code, status, expected) => {
    fakeEc2({ DescribeVpcEndpoints: () => [status, errorXml(code, 'EC2 says no')] });
    const { send } = setup();

    expect((await send(`dns ${ENDPOINT}`)).text).toContain(expected);
  });

  it('says when nothing matches', async () => {
    fakeEc2({ DescribeVpcEndpoints: () => describeEndpointsXml([]), DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]) });
    const { send } = setup();

    expect((await send('dns kinesis')).text).toBe(
      'No endpoints match `kinesis` in `ap-northeast-1`. Check the region (`region=`), or see which services exist with `/privatelink services &lt;text&gt;`.',
    );
  });

  it('refuses a region outside ALLOWED_REGIONS and a malformed id, without calling EC2', async () => {
    const calls = fakeEc2({ DescribeVpcEndpoints: () => describeEndpointsXml([]) });
    const { send } = setup({ ...TEST_CONFIG, allowedRegions: [REGION] });

    expect((await send('dns kinesis region=us-east-1')).text).toBe('Region `us-east-1` is not allowed here. Allowed: `ap-northeast-1`.');
    expect((await send('dns vpce-12')).text).toBe('`vpce-12` is not a valid vpce- id.');
    expect(calls).toEqual([]);
  });

  it('when EC2 is slow: acknowledges once the in-line budget is spent, then the worker answers through response_url', async () => {
    let asked = false;
    nock(EC2_HOST)
      .post('/', (body) => (asked = formOf(body).Action === 'DescribeVpcEndpoints'))
      .delay(60_000)
      .reply(200, describeEndpointsXml([{ id: ENDPOINT }]));
    const clock = manualClock();
    const { send, jobs } = setup(TEST_CONFIG, clock);

    const answer = send(`dns ${ENDPOINT}`);
    await until(() => asked && clock.waiting > 0, 'the EC2 call and the in-line deadline');
    // One millisecond short of the in-line budget no wait on the clock ends (a wait that ends leaves it at once),
    // so nothing the budget's end would start has started: no hand-off.
    const armed = clock.waiting;
    clock.advance(1499);
    expect(clock.waiting).toBe(armed);
    expect(jobs.jobs).toEqual([]);
    clock.advance(1);
    const ack = await answer;

    expect(ack.text).toContain('Looking up…');
    expect(jobs.jobs).toEqual([
      { kind: 'lookup', text: `dns ${ENDPOINT}`, userId: 'U0ALICE', responseUrl: 'https://hooks.slack.com/commands/T0TEAM/1/response-url-secret' },
    ]);

    fakeEc2({
      DescribeVpcEndpoints: () => describeEndpointsXml([{ id: ENDPOINT }]),
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]),
    });
    const posted = captureResponseUrl();
    await createWorkerHandler(TEST_CONFIG, { ec2: testEc2(), jobs: recordingJobs(), logger: quietLogger() })(jobs.jobs[0]!);

    expect(posted[0]!.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(blockText(posted[0]!.body)).toContain('*Private DNS*: `kinesis.ap-northeast-1.amazonaws.com`');
  });

  it('keeps 1,000 endpoints within Block Kit limits, with the count and how to narrow', async () => {
    fakeEc2({
      DescribeVpcEndpoints: (params) => {
        const page = Number(params.NextToken ?? 0);
        const ids = Array.from({ length: 250 }, (_, i) => ({ id: fakeId('vpce', page * 250 + i) }));
        return describeEndpointsXml(ids, page < 3 ? String(page + 1) : undefined);
      },
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]),
    });
    const { send } = setup();

    const dns = await send('dns kinesis');
    const list = await send('describe');

    expectWithinBlockKitLimits(dns);
    expectWithinBlockKitLimits(list);
    expect(blockText(dns)).toContain('Showing 20 of 1000.');
    expect(blockText(list)).toContain('Showing 100 of 1000.');
  });

  it('reads one EC2 page of a larger account and says there are more', async () => {
    const calls = fakeEc2({
      DescribeVpcEndpoints: (params) => {
        const page = Number(params.NextToken ?? 0);
        return describeEndpointsXml(
          Array.from({ length: 1000 }, (_, i) => ({ id: fakeId('vpce', page * 1000 + i) })),
          `${page + 1}`,
        );
      },
    });
    const { send } = setup();

    const list = await send('describe');

    expect(calls.filter((c) => c.action === 'DescribeVpcEndpoints')).toHaveLength(1);
    expect(blockText(list)).toContain('Showing 100 of 1000+.');
    expectWithinBlockKitLimits(list);
  });
});
