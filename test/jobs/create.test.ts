import { createServer } from 'node:http';
import nock from 'nock';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEc2Adapter } from '../../src/endpoints/ec2.js';
import { REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { handleEc2Request, seedState, type EmulatorState } from '../emulator/ec2-emulator.js';
import { beforeReplace, startBot, type Bot, type BotOptions } from '../helpers/bot.js';
import { count } from '../reliability/figures.js';
import { describeEndpointsXml, errorXml, fakeEc2World, type Ec2Call, type Fault } from '../helpers/ec2.js';
import { blockText, callsTo, captureResponseUrl, decodeWebApiBody, fakeSlack, fakeSlackApi, type Captured } from '../helpers/slack.js';

const KINESIS_REQUEST = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders"';

let bot: Bot;
afterEach(() => bot?.close());

interface Setup {
  world?: (s: EmulatorState) => void;
  faults?: Record<string, Fault>;
  bot?: BotOptions;
  text?: string;
}

/** A request submitted and approved by U0BOB; the create job is queued, not yet run. */
async function approved(setup: Setup = {}): Promise<{ id: string; world: EmulatorState; ec2: Ec2Call[]; slack: Captured[] }> {
  bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') }, ...setup.bot });
  const world = seedState();
  setup.world?.(world);
  const ec2 = fakeEc2World(world, setup.faults);
  const slack = fakeSlack();
  captureResponseUrl();
  await bot.command(setup.text ?? KINESIS_REQUEST);
  await bot.drain();
  const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
  await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
  expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: id }]);
  return { id, world, ec2, slack };
}

const creates = (ec2: Ec2Call[]) => ec2.filter((c) => c.action === 'CreateVpcEndpoint' && c.params.DryRun !== 'true');
const threadTexts = (slack: Captured[]) =>
  callsTo(slack, 'chat.postMessage')
    .filter((c) => c.body.thread_ts)
    .map((c) => String(c.body.text));
const failOnCreate = (code: string, status = 400): Record<string, Fault> => ({
  CreateVpcEndpoint: (params) => (params.DryRun === 'true' ? undefined : [status, errorXml(code, `EC2 says ${code}`)]),
});

describe('the create worker', () => {
  it('creates once with the approved parameters, follows it to available and reports the DNS names', async () => {
    const { id, world, ec2, slack } = await approved();

    await bot.drain();

    expect(creates(ec2)).toHaveLength(1);
    expect(creates(ec2)[0]!.params).toMatchObject({
      VpcEndpointType: 'Interface',
      VpcId: 'vpc-0a1b2c3d',
      ServiceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
      'SubnetId.1': 'subnet-0a1b2c3d',
      'SubnetId.2': 'subnet-4e5f6a7b',
      'SecurityGroupId.1': 'sg-0a1b2c3d',
      PrivateDnsEnabled: 'true',
      ClientToken: id,
      'TagSpecification.1.ResourceType': 'vpc-endpoint',
    });
    expect(world.endpoints[0]!.tags).toEqual({
      Name: `kinesis-streams (${id})`,
      'privatelink:request': id,
      'privatelink:requester': 'U0ALICE',
      'privatelink:approver': 'U0BOB',
    });
    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('available');
    expect(stored.endpointId).toBe(world.endpoints[0]!.id);
    expect(stored.dns?.privateDnsName).toBe('kinesis.ap-northeast-1.amazonaws.com');
    expect(stored.history.map((h) => h.state)).toEqual(['pending', 'approved', 'creating', 'available']);

    const updates = callsTo(slack, 'chat.update').map((u) => blockText(u.body));
    expect(updates.some((u) => u.includes('calling CreateVpcEndpoint · 0:00 elapsed'))).toBe(true);
    expect(updates.some((u) => u.includes(`\`${stored.endpointId}\` pending ·`))).toBe(true);
    const final = updates.at(-1)!;
    expect(final).toContain(':large_green_circle: Available');
    expect(final).toContain('*Private DNS*: `kinesis.ap-northeast-1.amazonaws.com`');
    expect(final).toContain(
      `aws kinesis list-streams --region ap-northeast-1 --endpoint-url https://${stored.endpointId}-emu1.kinesis.ap-northeast-1.vpce.amazonaws.com`,
    );
    expect(threadTexts(slack)).toEqual([
      'Approved by <@U0BOB>. Creating the endpoint…',
      `CreateVpcEndpoint returned \`${stored.endpointId}\`; waiting for it to become available…`,
      `<@U0ALICE>, \`${stored.endpointId}\` is available. Its DNS names are on the request above.`,
    ]);
  });

  const S3 = 'com.amazonaws.ap-northeast-1.s3';
  const BASE = 'vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d';
  it.each<[string, string, ((w: EmulatorState) => void) | undefined, Record<string, string>]>([
    ['an AWS service with the defaults', `create kinesis-streams ${BASE}`, undefined, { PrivateDnsEnabled: 'true' }],
    [
      'S3 with private DNS for every client',
      `create s3 ${BASE}`,
      undefined,
      { ServiceName: S3, 'DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint': 'false' },
    ],
    [
      'S3 with inbound-only DNS beside a gateway endpoint',
      `create s3 ${BASE} private-dns=inbound-only`,
      (w) =>
        void w.endpoints.push({
          id: 'vpce-06666666666666666',
          type: 'Gateway',
          service: S3,
          vpcId: 'vpc-0a1b2c3d',
          privateDns: false,
          state: 'available',
          describesUntilReady: 0,
        }),
      { 'DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint': 'true' },
    ],
    [
      'a cross-region S3 endpoint on dual-stack subnets',
      `create s3 ${BASE} private-dns=off service-region=us-east-1 ip=dualstack`,
      (w) => {
        w.services.push({ name: 'com.amazonaws.us-east-1.s3', types: ['Interface'], serviceRegion: 'us-east-1', ipAddressTypes: ['ipv4', 'ipv6'] });
        w.subnets.forEach((sub, i) => (sub.ipv6Cidrs = [`2001:db8:0:${i}::/64`]));
      },
      { ServiceName: 'com.amazonaws.us-east-1.s3', ServiceRegion: 'us-east-1', IpAddressType: 'dualstack', 'DnsOptions.DnsRecordIpType': 'dualstack' },
    ],
  ])('sends for %s exactly the call the preflight DryRun proved, token and approver aside', async (_name, text, world, expected) => {
    const { id, ec2 } = await approved({ text, ...(world && { world }) });

    await bot.drain();

    const dryRun = ec2.find((c) => c.action === 'CreateVpcEndpoint' && c.params.DryRun === 'true')!.params;
    const create = creates(ec2)[0]!.params;
    const approverTag = Object.keys(create)
      .find((k) => create[k] === 'privatelink:approver')!
      .replace('.Key', '.Value');
    const comparable = (p: Record<string, string>) => {
      const { DryRun, ClientToken, [approverTag]: approver, ...rest } = p;
      return rest;
    };
    expect(comparable(create)).toEqual(comparable(dryRun));
    expect(create).toMatchObject({ ...expected, VpcEndpointType: 'Interface', ClientToken: id, [approverTag]: 'U0BOB' });
    expect(dryRun.ClientToken).toBeUndefined();
    expect((await bot.store.get(id))?.state).toBe('available');
  });

  const card = (slack: Captured[]) => blockText(callsTo(slack, 'chat.postMessage').find((c) => !c.body.thread_ts)!.body);

  it('shows the ports and the service region on the approval card and in the exact call', async () => {
    const { slack } = await approved({
      text: `create s3 ${BASE} ports=443,8443 service-region=us-east-1 private-dns=off`,
      world: (w) => {
        w.services.push({ name: 'com.amazonaws.us-east-1.s3', types: ['Interface'], serviceRegion: 'us-east-1' });
        w.groups[0]!.rules = [{ protocol: 'tcp', from: 8443, to: 8443, cidrs: ['10.0.0.0/16'] }];
      },
    });

    const text = card(slack);
    expect(text).toContain('*Ports*\nTCP 443, 8443');
    expect(text).toContain('*Service region (cross-region)*\n`us-east-1`');
    expect(text).toContain('--service-name com.amazonaws.us-east-1.s3');
    expect(text).toContain('--service-region us-east-1');
    expect(text).toContain('--no-private-dns-enabled');
    expect(text).toContain('*Cross-region*');
  });

  it('shows the DNS mode on the approval card and the inbound-only flag in the exact call', async () => {
    const { slack } = await approved({
      text: `create s3 ${BASE} private-dns=inbound-only`,
      world: (w) =>
        void w.endpoints.push({
          id: 'vpce-06666666666666666',
          type: 'Gateway',
          service: S3,
          vpcId: 'vpc-0a1b2c3d',
          privateDns: false,
          state: 'available',
          describesUntilReady: 0,
        }),
    });

    const text = card(slack);
    expect(text).toContain('*Private DNS*\ninbound-only (on-premises via the Resolver inbound endpoint)');
    expect(text).toContain('--private-dns-enabled');
    expect(text).toContain('--dns-options PrivateDnsOnlyForInboundResolverEndpoint=true');
  });

  it('ends failed at once when the endpoint turns partial, keeping its id and naming the subnet that failed', async () => {
    const { id, ec2, slack } = await approved({ world: (w) => (w.settleAs = { state: 'partial', failedSubnets: ['subnet-4e5f6a7b'] }) });
    const started = bot.clock.now.getTime();

    await bot.drain();

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('failed');
    expect(stored.endpointId).toMatch(/^vpce-/);
    expect(stored.endpointState).toBe('partial');
    expect(stored.failure).toEqual({ code: 'EndpointPartial', message: 'subnet-4e5f6a7b' });
    // Settled on the describe that saw `partial`, not polled on to the 10-minute deadline.
    expect(ec2.filter((c) => c.action === 'DescribeVpcEndpoints' && c.params['VpcEndpointId.1'])).toHaveLength(3);
    expect(bot.clock.now.getTime() - started).toBeLessThan(60_000);
    const final = blockText(callsTo(slack, 'chat.update').at(-1)!.body);
    expect(final).toContain(':red_circle:');
    expect(final).toContain(`\`${stored.endpointId}\` ended partial: it was created in some subnets but not all (failed: subnet-4e5f6a7b)`);
    expect(threadTexts(slack).at(-1)).toContain('ended partial');
  });

  it('creates once when the worker is delivered twice in a row', async () => {
    const { id, ec2 } = await approved();
    const job = bot.jobs.jobs[0]!;

    await bot.drain();
    await bot.worker(job);

    expect(creates(ec2)).toHaveLength(1);
    expect((await bot.store.get(id))?.history.filter((h) => h.state === 'creating')).toHaveLength(1);
  });

  it('creates once when three deliveries run at the same time', async () => {
    const { id, ec2, world } = await approved();
    const job = bot.jobs.jobs.shift()!;

    await Promise.all([bot.worker(job), bot.worker(job), bot.worker(job)]);

    expect(creates(ec2)).toHaveLength(1);
    expect(world.endpoints).toHaveLength(1);
    expect((await bot.store.get(id))?.state).toBe('available');
  });

  it.each([
    ['VpcEndpointLimitExceeded', 'interface endpoint quota'],
    ['DuplicateSubnetsInSameZone', 'at most one subnet per AZ'],
    ['InvalidParameter', 'private DNS asked for a service that offers none'],
    ['UnauthorizedOperation', '`ec2:CreateVpcEndpoint`'],
  ])('ends in failed on %s, saying what to do', async (code, advice) => {
    const { id, slack } = await approved({ faults: failOnCreate(code) });

    await bot.drain();

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure).toEqual({ code, message: `EC2 says ${code}` });
    expect(blockText(callsTo(slack, 'chat.update').at(-1)!.body)).toContain(advice);
    expect(threadTexts(slack).at(-1)).toContain('<@U0ALICE>, the endpoint could not be created:');
  });

  it('keeps a throttled create creating, repeats it with the same token, and fails only at the deadline after looking for it', async () => {
    const { id, ec2, world } = await approved({ faults: failOnCreate('RequestLimitExceeded', 503) });

    await bot.drain();
    expect((await bot.store.get(id))?.state).toBe('creating');
    for (let round = 0; round < 3; round++) {
      bot.clock.now = new Date(bot.clock.now.getTime() + 5 * 60_000);
      await bot.worker({ kind: 'sweep' });
      await bot.drain();
    }

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure?.code).toBe('RequestLimitExceeded');
    expect(creates(ec2).length).toBeGreaterThan(2);
    expect(new Set(creates(ec2).map((c) => c.params.ClientToken))).toEqual(new Set([id]));
    const lookups = ec2.filter((c) => c.action === 'DescribeVpcEndpoints' && c.params['Filter.1.Name'] === 'tag:privatelink:request');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((c) => c.params['Filter.1.Value.1'] === id)).toBe(true);
    expect(world.endpoints).toEqual([]);
  });

  it('ends in failed when the endpoint stays pending past the deadline', async () => {
    const { id, slack } = await approved({ world: (w) => (w.pendingDescribes = 1_000_000) });

    await bot.drain();

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure?.code).toBe('Timeout');
    expect(blockText(callsTo(slack, 'chat.update').at(-1)!.body)).toContain('was still pending after 10 minutes');
  });

  it('waits for the provider to accept, then the sweep reports it available', async () => {
    const { id, world, slack } = await approved({
      text: 'create com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0 vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d sg=sg-0a1b2c3d private-dns=off',
    });

    await bot.drain();

    expect((await bot.store.get(id))?.state).toBe('pending-acceptance');
    expect(threadTexts(slack).at(-1)).toContain('waits for the service owner (account 111122223333) to accept it');

    world.endpoints[0]!.state = 'available';
    await bot.worker({ kind: 'sweep' });

    expect((await bot.store.get(id))?.state).toBe('available');
    expect(threadTexts(slack).at(-1)).toContain('the service owner accepted');
  });

  it('reports an endpoint that turns partial after acceptance as EndpointPartial, as the create job does', async () => {
    const { id, world } = await approved({
      text: 'create com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0 vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d sg=sg-0a1b2c3d private-dns=off',
    });
    await bot.drain();
    expect((await bot.store.get(id))?.state).toBe('pending-acceptance');

    world.endpoints[0]!.state = 'partial';
    await bot.worker({ kind: 'sweep' });

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure?.code).toBe('EndpointPartial');
    expect(stored.endpointId).toBe(world.endpoints[0]!.id);
  });

  it('resumes a worker that died right after CreateVpcEndpoint: the same token, still one endpoint', async () => {
    let crashes = 1;
    const crashOnEndpointId = beforeReplace(async (next, store) => {
      if (next.endpointId && !(await store.get(next.id))?.endpointId && crashes-- > 0) throw new Error('process died');
    });
    const { id, ec2, world } = await approved({ bot: { wrapStore: crashOnEndpointId } });

    await expect(bot.drain()).rejects.toThrow('process died');
    expect((await bot.store.get(id))?.state).toBe('creating');

    await bot.worker({ kind: 'sweep' });
    expect(bot.jobs.jobs).toEqual([]);
    bot.clock.now = new Date(bot.clock.now.getTime() + 61_000);
    await bot.worker({ kind: 'sweep' });
    expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: id }]);
    await bot.drain();

    expect(creates(ec2).map((c) => c.params.ClientToken)).toEqual([id, id]);
    expect(world.endpoints).toHaveLength(1);
    expect((await bot.store.get(id))?.state).toBe('available');
  });

  it('resumes a worker that died while polling without calling CreateVpcEndpoint again', async () => {
    let crashes = 1;
    const crashWhilePolling = beforeReplace(async (next, store) => {
      if (next.endpointState === 'pending' && next.state === 'creating' && (await store.get(next.id))?.endpointId && crashes-- > 0)
        throw new Error('process died');
    });
    const { id, ec2 } = await approved({ bot: { wrapStore: crashWhilePolling }, world: (w) => (w.pendingDescribes = 3) });

    await expect(bot.drain()).rejects.toThrow('process died');
    bot.clock.now = new Date(bot.clock.now.getTime() + 61_000);
    await bot.worker({ kind: 'sweep' });
    await bot.drain();

    expect(creates(ec2)).toHaveLength(1);
    expect((await bot.store.get(id))?.state).toBe('available');
  });

  it('picks up an approved request whose hand-off was lost', async () => {
    const { id, ec2 } = await approved();
    bot.jobs.jobs.length = 0;

    await bot.worker({ kind: 'sweep' });
    expect(bot.jobs.jobs).toEqual([]);
    bot.clock.now = new Date(bot.clock.now.getTime() + 61_000);
    await bot.worker({ kind: 'sweep' });
    await bot.drain();

    expect(creates(ec2)).toHaveLength(1);
    expect((await bot.store.get(id))?.state).toBe('available');
  });

  it('expires pending requests in the sweep and says so on the message', async () => {
    bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') } });
    fakeEc2World(seedState());
    const slack = fakeSlack();
    captureResponseUrl();
    await bot.command(KINESIS_REQUEST);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    bot.clock.now = new Date('2026-11-30T10:00:00Z');

    await bot.worker({ kind: 'sweep' });

    expect((await bot.store.get(id))?.state).toBe('expired');
    expect(blockText(callsTo(slack, 'chat.update').at(-1)!.body)).toContain('Expired');
  });

  it('refuses at creation a request whose region left ALLOWED_REGIONS after approval: failed, nothing created', async () => {
    const { id, ec2 } = await approved({ bot: { config: { allowedRegions: ['ap-northeast-1'] } } });
    const store = bot.store;
    const first = bot;
    // The allow-list changes (a new deployment) before the worker runs.
    bot = await startBot({ wrapStore: () => store, config: { allowedRegions: ['eu-west-1'] } });
    await bot.worker(first.jobs.jobs.shift()!);

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure?.code).toBe('RegionNotAllowed');
    expect(creates(ec2)).toEqual([]);
    await first.close();
  });
});

describe('redraws', () => {
  it('a worker whose lease lapsed does not leave "creating" drawn over "available"', async () => {
    bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') } });
    const world = seedState();
    world.pendingDescribes = 1;
    fakeEc2World(world);
    const cards: { text: string; stale: boolean }[] = [];
    let stalled = false;
    fakeSlackApi(
      {
        'chat.postMessage': (a) => ({ ok: true, channel: a.channel, ts: a.thread_ts ? '1700000009.000100' : '1700000001.000100' }),
      },
      1000,
    );
    nock('https://slack.com')
      .post('/api/chat.update')
      .times(1000)
      .reply(async (_uri, body) => {
        const text = blockText(decodeWebApiBody(body) as { blocks?: unknown });
        if (!stalled && text.includes(' pending · ')) {
          // Worker A's progress update is slow to land: meanwhile A's lease lapses and worker B finishes the request.
          stalled = true;
          bot.clock.now = new Date(bot.clock.now.getTime() + 61_000);
          await bot.worker({ kind: 'sweep' });
          await bot.drain();
          cards.push({ text, stale: true });
        } else {
          cards.push({ text, stale: false });
        }
        return [200, { ok: true }];
      });
    captureResponseUrl();
    await bot.command(KINESIS_REQUEST);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');

    await Promise.allSettled([bot.drain()]);

    expect(stalled).toBe(true);
    expect((await bot.store.get(id))?.state).toBe('available');
    expect(world.endpoints).toHaveLength(1);
    const last = cards.at(-1)!;
    expect(last.stale).toBe(false);
    expect(last.text).toContain(':large_green_circle: Available');
    expect(last.text).not.toContain('Creating');
    count('races run');
  });
});

/** EC2 (the emulator) behind a loopback server that lets CreateVpcEndpoint through, then resets the connection. */
async function lossyEc2(world: EmulatorState, options: { resets: number; hideFromTagLookups?: number }) {
  let resets = options.resets;
  let hidden = options.hideFromTagLookups ?? 0;
  const calls: Ec2Call[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      calls.push({ action: params.Action!, params });
      if (params.Action === 'DescribeVpcEndpoints' && params['Filter.1.Name']?.startsWith('tag:') && hidden-- > 0) {
        // EC2 is eventually consistent: a just-created endpoint may not be listed yet.
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(describeEndpointsXml([]));
        return;
      }
      const [status, xml] = handleEc2Request(world, params);
      if (params.Action === 'CreateVpcEndpoint' && params.DryRun !== 'true' && resets-- > 0) {
        req.socket.resetAndDestroy();
        return;
      }
      res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
      res.end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Two attempts: the SDK repeats the reset call itself (same token), then gives up.
  const ec2 = createEc2Adapter({ clientConfig: { endpoint: url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 2 } });
  return { ec2, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('a create whose answer is lost', () => {
  let lossy: Awaited<ReturnType<typeof lossyEc2>> | undefined;
  afterEach(async () => {
    await lossy?.close();
    lossy = undefined;
  });

  async function approvedThrough(world: EmulatorState, options: { resets: number; hideFromTagLookups?: number }) {
    lossy = await lossyEc2(world, options);
    bot = await startBot({ clock: { now: new Date('2026-11-29T10:00:00Z') }, ec2: lossy.ec2 });
    const slack = fakeSlack();
    captureResponseUrl();
    await bot.command(KINESIS_REQUEST);
    await bot.drain();
    const id = (await bot.store.list({ openOnly: true, limit: 1 }))[0]!.id;
    await bot.click(REQUEST_ACTIONS.approve, id, 'U0BOB');
    return { id, slack, calls: lossy.calls };
  }

  it("adopts the endpoint EC2 created when the connection was reset after the create (and the SDK's retry)", async () => {
    const world = seedState();
    const { id, slack, calls } = await approvedThrough(world, { resets: 2 });

    await bot.drain();

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('available');
    expect(world.endpoints).toHaveLength(1);
    expect(stored.endpointId).toBe(world.endpoints[0]!.id);
    expect(creates(calls).map((c) => c.params.ClientToken)).toEqual([id, id]);
    expect(threadTexts(slack)).toContain(
      `\`${stored.endpointId}\` exists though CreateVpcEndpoint's answer was lost; I found it by its request tag and follow it. Waiting for it to become available…`,
    );

    // A repeated delivery (Lambda retry) or a later sweep creates nothing more.
    await bot.worker({ kind: 'create', requestId: id });
    bot.clock.now = new Date(bot.clock.now.getTime() + 30 * 60_000);
    await bot.worker({ kind: 'sweep' });
    await bot.drain();
    expect(creates(calls)).toHaveLength(2);
    expect(world.endpoints).toHaveLength(1);
    count('faults injected', 2);
    count('duplicates found', world.endpoints.length - 1);
  });

  it('repeats the call with the same token when the tag lookup does not list the endpoint yet: still one endpoint', async () => {
    const world = seedState();
    const { id, calls } = await approvedThrough(world, { resets: 2, hideFromTagLookups: 1 });

    await bot.drain();

    expect((await bot.store.get(id))?.state).toBe('available');
    expect(world.endpoints).toHaveLength(1);
    expect(creates(calls).map((c) => c.params.ClientToken)).toEqual([id, id, id]);
    count('faults injected', 3);
    count('duplicates found', world.endpoints.length - 1);
  });

  it('still follows the endpoint a lost create made when the region left ALLOWED_REGIONS before the sweep came back', async () => {
    const world = seedState();
    const { id, calls } = await approvedThrough(world, { resets: 6, hideFromTagLookups: 3 });
    await bot.drain();
    expect((await bot.store.get(id))?.state).toBe('creating');
    const store = bot.store;
    const first = bot;
    bot = await startBot({
      clock: { now: new Date(first.clock.now.getTime() + 5 * 60_000) },
      wrapStore: () => store,
      ec2: lossy!.ec2,
      config: { allowedRegions: ['eu-west-1'] },
    });

    await bot.worker({ kind: 'sweep' });
    await bot.drain();

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('available');
    expect(stored.endpointId).toBe(world.endpoints[0]!.id);
    expect(creates(calls)).toHaveLength(6);
    expect(world.endpoints).toHaveLength(1);
    await first.close();
  });

  it('stays creating while every answer is lost, and the sweep finishes it later with the same endpoint', async () => {
    const world = seedState();
    const { id, calls } = await approvedThrough(world, { resets: 6, hideFromTagLookups: 3 });

    await bot.drain();
    const waiting = (await bot.store.get(id))!;
    expect(waiting.state).toBe('creating');
    expect(waiting.failure).toBeUndefined();

    bot.clock.now = new Date(bot.clock.now.getTime() + 5 * 60_000);
    await bot.worker({ kind: 'sweep' });
    await bot.drain();

    const stored = (await bot.store.get(id))!;
    expect(stored.state).toBe('available');
    expect(world.endpoints).toHaveLength(1);
    expect(stored.endpointId).toBe(world.endpoints[0]!.id);
    expect(new Set(creates(calls).map((c) => c.params.ClientToken))).toEqual(new Set([id]));
    count('faults injected', 9);
    count('duplicates found', world.endpoints.length - 1);
  });
});
