import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { Config } from '../../src/config.js';
import { createSlackHandler } from '../../src/handler.js';
import { createWorkerHandler } from '../../src/worker-handler.js';
import { EC2_HOST, errorXml, formOf, testEc2 } from '../helpers/ec2.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { TEST_CONFIG, apiGatewayV2Event, blockText, captureResponseUrl, parseAckBody, quietLogger, recordingJobs, slashCommandBody } from '../helpers/slack.js';
import { manualClock, until, type ManualClock } from '../helpers/clock.js';
import { ENDPOINT, INSTANCE, REGION, healthyWorld, serveWorld, type World } from './world.js';

/** A clock that stands still unless a test moves it: these tests are about the answer; the hand-off has its own test. */
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

function sgWithoutPort(): World {
  const world = healthyWorld();
  world.groups[0]!.inbound = [{ protocol: 'tcp', from: 80, cidrs: ['10.0.0.0/16'] }];
  return world;
}

describe('doctor at the EC2 wire', () => {
  it('reads route tables, NACLs, ENIs, instances, peerings, VPCs and SG egress with the filters EC2 expects', async () => {
    const world = healthyWorld();
    world.routeTables[1]!.routes.push(
      { destination: '0.0.0.0/0', target: 'nat-0123456789abcdef0' },
      { destination: 'pl-61a54008', target: 'vpce-0aaaaaaaaaaaaaaaa' },
      { destination: '10.1.0.0/16', target: 'pcx-0123456789abcdef0', state: 'blackhole' },
    );
    world.peerings.push({
      id: 'pcx-0123456789abcdef0',
      status: 'active',
      requester: { vpcId: 'vpc-0a1b2c3d', cidr: '10.0.0.0/16' },
      accepter: { vpcId: 'vpc-0b0b0b0b', cidr: '10.1.0.0/16', region: 'us-east-1' },
    });
    const calls = serveWorld(world);
    const ec2 = testEc2();

    const [tables, acls, enis, instances, peerings, vpcs, groups] = await Promise.all([
      ec2.describeRouteTables(REGION, ['vpc-0a1b2c3d']),
      ec2.describeVpcNetworkAcls(REGION, ['vpc-0a1b2c3d']),
      ec2.describeNetworkInterfaces(REGION, ['eni-0123456789abcdef0']),
      ec2.describeInstances(REGION, [INSTANCE]),
      ec2.describeVpcPeeringConnections(REGION, ['vpc-0a1b2c3d']),
      ec2.describeVpcs(REGION, ['vpc-0a1b2c3d']),
      ec2.describeGroupRules(REGION, ['sg-0c0c0c0c']),
    ]);

    expect(calls.find((c) => c.action === 'DescribeRouteTables')!.params).toMatchObject({ 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': 'vpc-0a1b2c3d' });
    expect(
      calls
        .filter((c) => c.action === 'DescribeVpcPeeringConnections')
        .map((c) => c.params['Filter.1.Name'])
        .sort(),
    ).toEqual(['accepter-vpc-info.vpc-id', 'requester-vpc-info.vpc-id']);
    expect(tables.find((t) => t.id === 'rtb-0c0c0c0c')).toEqual({
      id: 'rtb-0c0c0c0c',
      vpcId: 'vpc-0a1b2c3d',
      main: false,
      subnetIds: ['subnet-0c0c0c0c'],
      routes: [
        { destination: '10.0.0.0/16', target: { kind: 'local', id: 'local' }, state: 'active' },
        { destination: '0.0.0.0/0', target: { kind: 'nat', id: 'nat-0123456789abcdef0' }, state: 'active' },
        { destination: 'pl-61a54008', target: { kind: 'gateway-endpoint', id: 'vpce-0aaaaaaaaaaaaaaaa' }, state: 'active' },
        { destination: '10.1.0.0/16', target: { kind: 'peering', id: 'pcx-0123456789abcdef0' }, state: 'blackhole' },
      ],
    });
    expect(tables.find((t) => t.id === 'rtb-0a0a0a0a')!.main).toBe(true);
    expect(acls[0]!.entries).toContainEqual({ ruleNumber: 32767, egress: true, allow: false, protocol: '-1', cidr: '0.0.0.0/0' });
    expect(acls[0]!.subnetIds).toEqual(['subnet-0a1b2c3d', 'subnet-4e5f6a7b', 'subnet-0c0c0c0c']);
    expect(enis).toEqual([
      {
        id: 'eni-0123456789abcdef0',
        subnetId: 'subnet-0a1b2c3d',
        vpcId: 'vpc-0a1b2c3d',
        availabilityZone: `${REGION}a`,
        privateIp: '10.0.1.23',
        ipv6s: [],
        securityGroupIds: ['sg-0a1b2c3d'],
      },
    ]);
    expect(instances).toEqual([
      {
        id: INSTANCE,
        vpcId: 'vpc-0a1b2c3d',
        subnetId: 'subnet-0c0c0c0c',
        availabilityZone: `${REGION}a`,
        privateIp: '10.0.3.10',
        securityGroupIds: ['sg-0c0c0c0c'],
        state: 'running',
      },
    ]);
    expect(peerings).toEqual([
      {
        id: 'pcx-0123456789abcdef0',
        status: 'active',
        requester: { vpcId: 'vpc-0a1b2c3d', region: REGION, ownerId: '123456789012', cidrs: ['10.0.0.0/16'] },
        accepter: { vpcId: 'vpc-0b0b0b0b', region: 'us-east-1', ownerId: '123456789012', cidrs: ['10.1.0.0/16'] },
      },
    ]);
    expect(vpcs).toEqual([{ id: 'vpc-0a1b2c3d', cidrs: ['10.0.0.0/16'], ipv6Cidrs: [] }]);
    expect(groups[0]!.outbound).toEqual([{ protocol: '-1', cidrs: ['0.0.0.0/0'], sources: [] }]);
  });
});

describe('/privatelink doctor through the Lambda handler', () => {
  it('SG without the port: "Not reachable", the SG line first, the exact command; EC2 read with Describe calls only', async () => {
    const calls = serveWorld(sgWithoutPort());
    const { send } = setup();

    const message = await send(`doctor kinesis-streams from=${INSTANCE}`);

    expect(message.response_type).toBe('ephemeral');
    expectWithinBlockKitLimits(message);
    const text = blockText(message);
    expect(text).toContain('*:red_circle: Not reachable* · first failing link: Endpoint security groups');
    expect(text).toContain('do not admit TCP 443 from `10.0.3.10/32`: the call times out.');
    expect(text).toContain(
      `Fix it with: \`aws ec2 authorize-security-group-ingress --group-id sg-0a1b2c3d --protocol tcp --port 443 --cidr 10.0.3.10/32 --region ${REGION}\``,
    );
    expect(text).toContain(':white_check_mark: *Route there*: Same VPC `vpc-0a1b2c3d`: the local route carries it.');
    expect(calls.every((c) => c.action.startsWith('Describe'))).toBe(true);
    expect(new Set(calls.map((c) => c.action))).toEqual(
      new Set([
        'DescribeInstances',
        'DescribeSubnets',
        'DescribeVpcEndpoints',
        'DescribeVpcEndpointServices',
        'DescribeNetworkInterfaces',
        'DescribeSecurityGroups',
        'DescribeRouteTables',
        'DescribeNetworkAcls',
        'DescribeVpcAttribute',
        'DescribeVpcs',
      ]),
    );
  });

  it('a healthy path from an instance: "Reachable privately", and what each name resolves to', async () => {
    serveWorld(healthyWorld());
    const { send } = setup();

    const text = blockText(await send(`doctor ${ENDPOINT} from=${INSTANCE}`));

    expect(text).toContain('*:large_green_circle: Reachable privately*');
    expect(text).toContain("`kinesis.ap-northeast-1.amazonaws.com`: the endpoint's private IPs → through the endpoint");
  });

  it('the same path from a subnet: "Cannot tell", naming the instances\' security groups and the read that settles it', async () => {
    serveWorld(healthyWorld());
    const { send } = setup();

    const text = blockText(await send(`doctor ${ENDPOINT} from=subnet-0c0c0c0c`));

    expect(text).toContain('*:large_yellow_circle: Cannot tell* · unknown: Source security groups');
    expect(text).toContain(
      '• Source security groups — Settle it with: `aws ec2 describe-instances --filters Name=subnet-id,Values=subnet-0c0c0c0c --query \\"Reservations[].Instances[].[InstanceId,SecurityGroups[].GroupId]\\" --region ap-northeast-1`',
    );
  });

  it('private DNS off with a NAT gateway: "Reachable, but over the internet"', async () => {
    const world = healthyWorld();
    world.endpoints[0]!.privateDns = false;
    world.routeTables[1]!.routes.push({ destination: '0.0.0.0/0', target: 'nat-0123456789abcdef0' });
    serveWorld(world);
    const { send } = setup();

    const text = blockText(await send(`doctor ${ENDPOINT} from=${INSTANCE}`));

    expect(text).toContain('*:large_orange_circle: Reachable, but over the internet* · first failing link: DNS from here');
    expect(text).toContain(`\`aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ENDPOINT} --private-dns-enabled --region ${REGION}\``);
  });

  it.each([
    [
      'a source that does not exist',
      'doctor kinesis-streams from=subnet-0ddddddd',
      {},
      '`subnet-0ddddddd` does not exist in `ap-northeast-1` (or the bot may not see it). If it is in another region, add `region=…`.',
    ],
    ['an endpoint that does not exist', `doctor vpce-0ffffffffffffffff from=${INSTANCE}`, {}, 'No endpoint `vpce-0ffffffffffffffff` in `ap-northeast-1`.'],
    [
      'a service with no endpoint',
      `doctor sqs from=${INSTANCE}`,
      {},
      'None: no interface endpoint for `sqs` in `vpc-0a1b2c3d` or elsewhere in the region. Create one with `/privatelink create sqs vpc=vpc-0a1b2c3d subnets=subnet-0c0c0c0c region=ap-northeast-1`',
    ],
    [
      'a read the bot may not make',
      `doctor ${ENDPOINT} from=${INSTANCE}`,
      { DescribeInstances: () => [403, errorXml('UnauthorizedOperation', 'You are not authorized')] as [number, string] },
      "The bot's AWS role may not call `ec2:DescribeInstances`.",
    ],
  ])('%s: a clear answer, no stack trace', async (_what, text, overrides, expected) => {
    serveWorld(healthyWorld(), overrides);
    const { send } = setup();

    const message = await send(text);

    expect(message.text).toContain(expected);
    expect(JSON.stringify(message)).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('an IP in no known subnet is treated as on-premises or a peer CIDR, and said so', async () => {
    const world = healthyWorld();
    world.routeTables[0]!.routes.push({ destination: '192.168.0.0/16', target: 'vgw-0123456789abcdef0' });
    world.groups[0]!.inbound.push({ protocol: 'tcp', from: 443, cidrs: ['192.168.0.0/16'] });
    serveWorld(world);
    const { send } = setup();

    const text = blockText(await send(`doctor ${ENDPOINT} from=192.168.10.5`));

    expect(text).toContain("`192.168.10.5/32` is in no subnet of this region: treated as on-premises or a peer's CIDR.");
    expect(text).toContain(':grey_question: *Resolver / forwarding*: On-premises DNS needs a conditional forwarder');
    expect(text).toContain('aws route53resolver list-resolver-endpoints');
    expect(text).toContain('*:large_yellow_circle: Cannot tell* · unknown: Route there, NACL (source subnet), DNS from here, Resolver / forwarding');
  });

  it('refuses bad grammar without calling EC2', async () => {
    const calls = serveWorld(healthyWorld());
    const { send } = setup();

    expect((await send(`doctor ${ENDPOINT}`)).text).toContain('`doctor` needs a from=.');
    expect((await send(`doctor ${ENDPOINT} from=somewhere`)).text).toContain('`from=somewhere` is not valid');
    expect((await send(`doctor ${ENDPOINT} from=onprem port=70000`)).text).toContain('`port=70000` is not valid');
    expect(calls).toEqual([]);
  });

  it('when EC2 is slow: acknowledges in time, then the worker answers through response_url', async () => {
    let asked = false;
    nock(EC2_HOST)
      .post('/', (body) => (asked = formOf(body).Action === 'DescribeInstances'))
      .delay(60_000)
      .reply(200, '');
    const clock = manualClock();
    const { send, jobs } = setup(TEST_CONFIG, clock);

    const answer = send(`doctor ${ENDPOINT} from=${INSTANCE}`);
    await until(() => asked && clock.waiting > 0, 'the EC2 call and the in-line deadline');
    clock.advance(1500);
    const ack = await answer;

    expect(ack.text).toContain(`Checking the path from ${INSTANCE}`);
    expect(jobs.jobs).toEqual([
      {
        kind: 'lookup',
        text: `doctor ${ENDPOINT} from=${INSTANCE}`,
        userId: 'U0ALICE',
        responseUrl: 'https://hooks.slack.com/commands/T0TEAM/1/response-url-secret',
      },
    ]);

    nock.cleanAll();
    serveWorld(sgWithoutPort());
    const posted = captureResponseUrl();
    await createWorkerHandler(TEST_CONFIG, { ec2: testEc2(), jobs: recordingJobs(), logger: quietLogger() })(jobs.jobs[0]!);

    expect(posted[0]!.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(blockText(posted[0]!.body)).toContain('Not reachable');
  });
});

describe('privatelink doctor in the terminal', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { AWS_REGION: REGION }, ec2: testEc2() });
    return { code, stdout, stderr };
  }

  it('--json: a stable verdict id, the fix, and one object per check', async () => {
    serveWorld(sgWithoutPort());

    const { code, stdout, stderr } = await cli(['doctor', 'kinesis-streams', `from=${INSTANCE}`, '--json']);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      verdict: 'not-reachable',
      firstFailing: 'sg-endpoint',
      location: 'endpoint-vpc',
      port: 443,
      endpoint: { id: ENDPOINT, dnsMode: 'on' },
    });
    expect(json.fix).toBe(`aws ec2 authorize-security-group-ingress --group-id sg-0a1b2c3d --protocol tcp --port 443 --cidr 10.0.3.10/32 --region ${REGION}`);
    expect(json.checks.map((c: { id: string }) => c.id)).toEqual([
      'endpoint-state',
      'endpoint-az',
      'port',
      'routing',
      'nacl-source',
      'nacl-endpoint',
      'sg-endpoint',
      'sg-source',
      // The endpoint as EC2 describes it carries its policy (the default: full access).
      'policy',
      'dns-attributes',
      'dns',
    ]);
    expect(json.checks[6]).toEqual({
      id: 'sg-endpoint',
      status: 'fail',
      finding: 'sg.endpointRefuses',
      resources: ['sg-0a1b2c3d'],
      text: "The endpoint's security groups (sg-0a1b2c3d) do not admit TCP 443 from `10.0.3.10/32`: the call times out.",
      fix: 'Allow the source:',
      command: `aws ec2 authorize-security-group-ingress --group-id sg-0a1b2c3d --protocol tcp --port 443 --cidr 10.0.3.10/32 --region ${REGION}`,
    });
  });

  it('text: the same answer as Slack, and a problem goes to stderr with exit code 1', async () => {
    serveWorld(sgWithoutPort());
    const ok = await cli(['doctor', ENDPOINT, `from=${INSTANCE}`]);
    expect(ok.stdout).toContain('Not reachable · first failing link: Endpoint security groups');
    expect(ok.stdout).toContain('✗ Endpoint security groups:');

    const bad = await cli(['doctor', ENDPOINT, 'from=subnet-0ddddddd', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ problem: 'sourceNotFound' });
  });
});
