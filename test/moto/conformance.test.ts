/**
 * The bot's real code against an EC2 it did not write: the adapter's lookups, preflight and the create job run
 * through the real SDK against moto (patched by test/moto/server.py where EC2 is stricter than moto).
 *
 * The calls into project code that the create grammar and parameters change (see the contract in the brief:
 * PrivateDnsMode, ports, serviceRegion) are kept in `createText`, `createSpec` and `createParams` below.
 */
import * as sdk from '@aws-sdk/client-ec2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateDnsMode } from '../../src/aws/endpoint.js';
import type { CreateSpec } from '../../src/commands/create-spec.js';
import { Ec2Error, type CreateEndpointParams, type Ec2Api } from '../../src/endpoints/ec2-api.js';
import { preflightPassed, runPreflight } from '../../src/endpoints/preflight.js';
import { REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { beforeReplace, startBot, type Bot, type BotOptions } from '../helpers/bot.js';
import { captureResponseUrl, fakeSlack } from '../helpers/slack.js';
import { motoAdapter, motoClient, MOTO_REGION, seedVpc, startMoto, type MotoServer, type SeededVpc } from './moto.js';
import { describeWithMoto } from './suite.js';

const KINESIS = `com.amazonaws.${MOTO_REGION}.kinesis-streams`;
const POLICY = { defaultRegion: MOTO_REGION };

interface Ask {
  service?: string;
  subnets: string[];
  sgs: string[];
  privateDns?: PrivateDnsMode;
  ip?: 'ipv4' | 'dualstack' | 'ipv6';
}

/** The `create` command as a user types it. */
function createText(v: SeededVpc, ask: Ask): string {
  const dns = ask.privateDns ? ` private-dns=${ask.privateDns}` : '';
  const ip = ask.ip ? ` ip=${ask.ip}` : '';
  return `create ${ask.service ?? 'kinesis-streams'} vpc=${v.vpcId} subnets=${ask.subnets.join(',')} sg=${ask.sgs.join(',')}${dns}${ip} reason="conformance"`;
}

/** The parsed create request preflight takes. */
function createSpec(v: SeededVpc, ask: Ask): CreateSpec {
  return {
    service: ask.service ?? 'kinesis-streams',
    vpcId: v.vpcId,
    subnetIds: ask.subnets,
    securityGroupIds: ask.sgs,
    privateDns: ask.privateDns ?? 'on',
    ports: [443],
    ...(ask.ip && { ipAddressType: ask.ip }),
  };
}

/** CreateVpcEndpoint as the adapter sends it. */
function createParams(v: SeededVpc, ask: Ask & { token: string }): CreateEndpointParams {
  return {
    vpcId: v.vpcId,
    serviceName: `com.amazonaws.${MOTO_REGION}.${ask.service ?? 'kinesis-streams'}`,
    subnetIds: ask.subnets,
    securityGroupIds: ask.sgs,
    privateDnsEnabled: (ask.privateDns ?? 'on') !== 'off',
    ...(ask.ip && { ipAddressType: ask.ip }),
    clientToken: ask.token,
    tags: {},
  };
}

const ec2Code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof Ec2Error ? e.code : `not an Ec2Error: ${String(e)}`),
  );

describeWithMoto('the bot against moto (an independent EC2)', () => {
  let moto: MotoServer;
  let raw: sdk.EC2Client;
  let ec2: Ec2Api;
  let cidrs = 0;
  const vpc = (options: Parameters<typeof seedVpc>[1] = {}) => seedVpc(raw, { cidr: `10.${100 + (cidrs++ % 150)}.0.0/16`, ...options });
  const endpointsIn = async (v: SeededVpc) =>
    (await raw.send(new sdk.DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [v.vpcId] }] }))).VpcEndpoints ?? [];

  beforeAll(async () => {
    moto = await startMoto({ pageSize: 2 });
    raw = await motoClient(moto.url);
    ec2 = motoAdapter(moto.url);
  }, 120_000);
  afterAll(async () => {
    raw?.destroy();
    await moto?.stop();
  });

  describe('EC2 adapter lookups', () => {
    it('describeEndpoints filters by VPC, service, state, type and tag', async () => {
      const v = await vpc({ s3Gateway: true });
      const created = await ec2.createEndpoint(
        MOTO_REGION,
        { ...createParams(v, { subnets: v.subnetIds, sgs: [v.sgVpc443], token: 'lookup-1' }), tags: { team: 'orders' } },
        { dryRun: false },
      );
      const id = created!.id;
      const ids = async (filter: Parameters<Ec2Api['describeEndpoints']>[1]) =>
        (await ec2.describeEndpoints(MOTO_REGION, { vpcId: v.vpcId, ...filter })).map((e) => e.id).sort();

      expect(await ids({ state: 'pending' })).toEqual([id]);
      expect(await ids({ type: 'Gateway' })).toEqual([v.s3GatewayId]);
      expect(await ids({ serviceNames: [KINESIS] })).toEqual([id]);
      expect(await ids({ tag: { key: 'team', value: 'orders' } })).toEqual([id]);
      expect(await ids({ ids: [id] })).toEqual([id]);
      expect(await ids({ state: 'available', type: 'Interface' })).toEqual([id]);
    });

    it('maps an endpoint as EC2 describes it: subnets, groups, DNS names, IP type, tags', async () => {
      const v = await vpc();
      await ec2.createEndpoint(
        MOTO_REGION,
        { ...createParams(v, { subnets: v.subnetIds, sgs: [v.sgVpc443], token: 'map-1' }), tags: { Name: 'kinesis' } },
        { dryRun: false },
      );
      const [endpoint] = await ec2.describeEndpoints(MOTO_REGION, { vpcId: v.vpcId });
      expect(endpoint).toMatchObject({
        type: 'Interface',
        serviceName: KINESIS,
        vpcId: v.vpcId,
        subnetIds: v.subnetIds,
        securityGroupIds: [v.sgVpc443],
        privateDnsEnabled: true,
        ipAddressType: 'ipv4',
        tags: { Name: 'kinesis' },
      });
      expect(endpoint!.dnsEntries.map((d) => d.dnsName)).toHaveLength(v.azs.length + 2);
      expect(endpoint!.dnsEntries[0]!.dnsName).toMatch(new RegExp(`^${endpoint!.id}-[a-z0-9]{8}\\.kinesis\\.${MOTO_REGION}\\.vpce\\.amazonaws\\.com$`));
      expect(endpoint!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it('listEndpoints follows NextToken across pages and stops once it has enough', async () => {
      const v = await vpc();
      for (const [i, subnet] of v.subnetIds.entries()) {
        await ec2.createEndpoint(MOTO_REGION, createParams(v, { subnets: [subnet], sgs: [], privateDns: 'off', token: `page-${i}` }), { dryRun: false });
      }
      const all = await ec2.listEndpoints(MOTO_REGION, { vpcId: v.vpcId }, { limit: Infinity });
      expect(all.endpoints).toHaveLength(3);
      expect(all.complete).toBe(true);
      const some = await ec2.listEndpoints(MOTO_REGION, { vpcId: v.vpcId }, { limit: 2 });
      expect(some.endpoints).toHaveLength(2);
      expect(some.complete).toBe(false);
    });

    it('describeServices reads a service, both types of S3, and refuses an unknown name', async () => {
      const [kinesis] = await ec2.describeServices(MOTO_REGION, [KINESIS]);
      expect(kinesis).toMatchObject({
        serviceName: KINESIS,
        types: ['Interface'],
        privateDnsName: `kinesis.${MOTO_REGION}.amazonaws.com`,
        owner: 'amazon',
        acceptanceRequired: false,
      });
      expect(kinesis!.availabilityZones.length).toBeGreaterThanOrEqual(3);
      const s3 = await ec2.describeServices(MOTO_REGION, [`com.amazonaws.${MOTO_REGION}.s3`]);
      expect(s3.flatMap((s) => s.types).sort()).toEqual(['Gateway', 'Interface']);
      expect(await ec2Code(ec2.describeServices(MOTO_REGION, [`com.amazonaws.${MOTO_REGION}.no-such-service`]))).toBe('InvalidServiceName');
    });

    it('describeSubnets, describeSecurityGroups and describeVpcAttribute read the seeded VPC', async () => {
      const v = await vpc();
      const subnets = await ec2.describeSubnets(MOTO_REGION, v.subnetIds);
      expect(subnets.map((s) => [s.id, s.vpcId, s.availabilityZone]).sort()).toEqual(v.subnetIds.map((id, i) => [id, v.vpcId, v.azs[i]]).sort());
      const groups = await ec2.describeSecurityGroups(MOTO_REGION, [v.sgVpc443, v.sgNarrow443]);
      const rules = Object.fromEntries(groups.map((g) => [g.id, g.inbound]));
      expect(rules[v.sgVpc443]).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [v.cidr], sources: [] }]);
      expect(rules[v.sgNarrow443]).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.99.99.99/32'], sources: [] }]);
      expect(await ec2.describeVpcAttribute(MOTO_REGION, v.vpcId, 'enableDnsSupport')).toBe(true);
      expect(await ec2.describeVpcAttribute(MOTO_REGION, v.vpcId, 'enableDnsHostnames')).toBe(true);
    });

    it('turns unknown ids into the EC2 error codes preflight acts on', async () => {
      expect(await ec2Code(ec2.describeSubnets(MOTO_REGION, ['subnet-0123456789abcdef0']))).toBe('InvalidSubnetID.NotFound');
      expect(await ec2Code(ec2.describeSecurityGroups(MOTO_REGION, ['sg-0123456789abcdef0']))).toMatch(
        /^InvalidGroup(ID)?\.NotFound$|^InvalidSecurityGroupID\.NotFound$/,
      );
      expect(await ec2Code(ec2.describeVpcAttribute(MOTO_REGION, 'vpc-0123456789abcdef0', 'enableDnsSupport'))).toBe('InvalidVpcID.NotFound');
    });

    it('a dry-run create resolves with nothing and leaves the VPC empty', async () => {
      const v = await vpc();
      expect(await ec2.createEndpoint(MOTO_REGION, createParams(v, { subnets: v.subnetIds, sgs: [v.sgVpc443], token: '' }), { dryRun: true })).toBeUndefined();
      expect(await endpointsIn(v)).toEqual([]);
    });

    it('a create repeated with the same ClientToken returns the same endpoint; other parameters are refused', async () => {
      const v = await vpc();
      const params = createParams(v, { subnets: v.subnetIds.slice(0, 2), sgs: [v.sgVpc443], token: 'req-repeat' });
      const first = await ec2.createEndpoint(MOTO_REGION, params, { dryRun: false });
      const again = await ec2.createEndpoint(MOTO_REGION, params, { dryRun: false });
      expect(again!.id).toBe(first!.id);
      expect(await ec2Code(ec2.createEndpoint(MOTO_REGION, { ...params, subnetIds: v.subnetIds }, { dryRun: false }))).toBe('IdempotentParameterMismatch');
      expect(await endpointsIn(v)).toHaveLength(1);
    });

    it('the rules EC2 enforces on create come back as error codes the bot can explain', async () => {
      const v = await vpc();
      const code = (ask: Ask) => ec2Code(ec2.createEndpoint(MOTO_REGION, createParams(v, { ...ask, token: '' }), { dryRun: false }));
      expect(await code({ service: 's3', subnets: [v.subnetIds[0]!], sgs: [v.sgVpc443] })).toBe('InvalidParameter');
      expect(await code({ subnets: [v.subnetIds[0]!], sgs: [v.sgVpc443], ip: 'ipv6' })).toBe('InvalidParameter');
      expect(await code({ subnets: [v.subnetIds[0]!, v.sameAzSubnetId], sgs: [v.sgVpc443] })).toBe('DuplicateSubnetsInSameZone');
      expect(await code({ service: 'no-such-service', subnets: [v.subnetIds[0]!], sgs: [v.sgVpc443] })).toBe('InvalidServiceName');
      expect(await endpointsIn(v)).toEqual([]);
      await code({ subnets: [v.subnetIds[0]!], sgs: [v.sgVpc443] });
      expect(await code({ subnets: [v.subnetIds[1]!], sgs: [v.sgVpc443] })).toBe('InvalidParameter');
      expect(await endpointsIn(v)).toHaveLength(1);
    });
  });

  describe('preflight', () => {
    const statuses = (checks: { check: string; status: string; code: string }[]) => Object.fromEntries(checks.map((c) => [c.check, `${c.status} ${c.code}`]));

    it('passes a request that EC2 will accept, and the dry run creates nothing', async () => {
      const v = await vpc();
      const result = await runPreflight(createSpec(v, { subnets: v.subnetIds, sgs: [v.sgVpc443] }), ec2, POLICY);
      expect(statuses(result.checks)).toEqual({
        ids: 'pass idsOk',
        service: 'pass serviceOk',
        subnets: 'pass subnetsOk',
        'security-groups': 'pass groupsOk',
        'private-dns': 'pass privateDnsOk',
        'ip-type': 'pass ipTypeOk',
        'free-ips': 'pass freeIpsOk',
        quota: 'pass quotaOk',
        'availability-zones': 'pass multiAz',
        'network-acls': 'pass naclOk',
        permission: 'pass permitted',
      });
      expect(preflightPassed(result.checks)).toBe(true);
      expect(await endpointsIn(v)).toEqual([]);
    });

    it('fails two subnets in one AZ, an unknown subnet, and a group from another VPC', async () => {
      const v = await vpc();
      const other = await vpc();
      const sameAz = await runPreflight(createSpec(v, { subnets: [v.subnetIds[0]!, v.sameAzSubnetId], sgs: [v.sgVpc443] }), ec2, POLICY);
      expect(statuses(sameAz.checks).subnets).toBe('fail subnetSameAz');
      const unknown = await runPreflight(createSpec(v, { subnets: ['subnet-0123456789abcdef0'], sgs: [v.sgVpc443] }), ec2, POLICY);
      expect(statuses(unknown.checks).subnets).toBe('fail subnetNotFound');
      const foreign = await runPreflight(createSpec(v, { subnets: v.subnetIds, sgs: [other.sgVpc443] }), ec2, POLICY);
      expect(statuses(foreign.checks)['security-groups']).toBe('fail groupOtherVpc');
    });

    it('fails private DNS on a VPC without the DNS attributes, and when another endpoint holds the name', async () => {
      const noDns = await vpc({ dnsAttributes: false });
      const attributes = await runPreflight(createSpec(noDns, { subnets: noDns.subnetIds, sgs: [noDns.sgVpc443] }), ec2, POLICY);
      expect(statuses(attributes.checks)['private-dns']).toBe('fail vpcDnsAttributes');

      const v = await vpc();
      const holder = await ec2.createEndpoint(MOTO_REGION, createParams(v, { subnets: [v.subnetIds[0]!], sgs: [v.sgVpc443], token: 'holder' }), {
        dryRun: false,
      });
      const taken = await runPreflight(createSpec(v, { subnets: v.subnetIds, sgs: [v.sgVpc443] }), ec2, POLICY);
      expect(taken.checks.find((c) => c.check === 'private-dns')).toMatchObject({ status: 'fail', code: 'privateDnsTaken', values: { endpoint: holder!.id } });
    });

    it('warns on a group that admits only an address outside the VPC (a hub serving spokes), and fails ip=ipv6 on IPv4-only subnets', async () => {
      const v = await vpc();
      const narrow = await runPreflight(createSpec(v, { subnets: v.subnetIds, sgs: [v.sgNarrow443] }), ec2, POLICY);
      expect(statuses(narrow.checks)['security-groups']).toBe('warn groupOutsideSources');
      expect(narrow.checks.find((c) => c.check === 'security-groups')?.values).toMatchObject({ allowed: '10.99.99.99/32' });
      expect(preflightPassed(narrow.checks)).toBe(true);
      const ipv6 = await runPreflight(createSpec(v, { subnets: v.subnetIds, sgs: [v.sgVpc443], ip: 'ipv6' }), ec2, POLICY);
      expect(statuses(ipv6.checks)['ip-type']).toMatch(/^fail /);
      expect(preflightPassed(ipv6.checks)).toBe(false);
    });

    it('S3 with private DNS on passes without a gateway endpoint (the bot sends the inbound-only flag false); inbound-only needs one', async () => {
      const v = await vpc();
      const on = await runPreflight(createSpec(v, { service: 's3', subnets: v.subnetIds, sgs: [v.sgVpc443], privateDns: 'on' }), ec2, POLICY);
      expect(statuses(on.checks)['private-dns']).toBe('pass privateDnsAllResolvers');
      expect(statuses(on.checks).permission).toBe('pass permitted');
      const inboundNoGateway = await runPreflight(
        createSpec(v, { service: 's3', subnets: v.subnetIds, sgs: [v.sgVpc443], privateDns: 'inbound-only' }),
        ec2,
        POLICY,
      );
      expect(statuses(inboundNoGateway.checks)['private-dns']).toBe('fail inboundOnlyNoGateway');

      const withGateway = await vpc({ s3Gateway: true });
      const inbound = await runPreflight(
        createSpec(withGateway, { service: 's3', subnets: withGateway.subnetIds, sgs: [withGateway.sgVpc443], privateDns: 'inbound-only' }),
        ec2,
        POLICY,
      );
      expect(statuses(inbound.checks)['private-dns']).toBe('pass privateDnsInboundOnly');
      expect(statuses(inbound.checks).permission).toBe('pass permitted');
      expect((await endpointsIn(withGateway)).map((e) => e.VpcEndpointType)).toEqual(['Gateway']);
    });

    it('fails a service EC2 does not know', async () => {
      const v = await vpc();
      const result = await runPreflight(createSpec(v, { service: 'no-such-service', subnets: v.subnetIds, sgs: [v.sgVpc443] }), ec2, POLICY);
      expect(statuses(result.checks).service).toBe('fail serviceNotFound');
      expect(preflightPassed(result.checks)).toBe(false);
    });
  });

  describe('the create job, from the command to an available endpoint', () => {
    let bot: Bot;
    afterEach(() => bot?.close());

    /** A request typed in Slack and approved by U0BOB; the create job is queued. */
    async function approved(v: SeededVpc, ask: Ask, options: BotOptions = {}): Promise<string> {
      bot = await startBot({ ec2, clock: { now: new Date('2026-11-29T10:00:00Z') }, ...options });
      fakeSlack();
      captureResponseUrl();
      await bot.command(createText(v, ask));
      await bot.drain();
      const request = (await bot.store.list({ openOnly: true, limit: 1 }))[0];
      expect(request?.state).toBe('pending');
      await bot.click(REQUEST_ACTIONS.approve, request!.id, 'U0BOB');
      return request!.id;
    }

    it('creates the endpoint, polls it from pending to available and keeps its real DNS names', async () => {
      const v = await vpc();
      const id = await approved(v, { subnets: v.subnetIds.slice(0, 2), sgs: [v.sgVpc443] });
      await bot.drain();

      const request = (await bot.store.get(id))!;
      expect(request.state).toBe('available');
      expect(request.history.map((h) => h.state)).toEqual(['pending', 'approved', 'creating', 'available']);
      const [endpoint] = await endpointsIn(v);
      expect(request.endpointId).toBe(endpoint!.VpcEndpointId);
      expect(endpoint!.State).toBe('available');
      expect(Object.fromEntries((endpoint!.Tags ?? []).map((t) => [t.Key, t.Value]))).toMatchObject({
        'privatelink:request': id,
        'privatelink:approver': 'U0BOB',
      });
      expect(request.dns?.privateDnsName).toBe(`kinesis.${MOTO_REGION}.amazonaws.com`);
      expect(request.dns?.regional).toMatch(new RegExp(`^${endpoint!.VpcEndpointId}-[a-z0-9]{8}\\.kinesis\\.${MOTO_REGION}\\.vpce\\.amazonaws\\.com$`));
      expect(request.dns?.zonal.map((z) => z.availabilityZone)).toEqual(v.azs.slice(0, 2));
    });

    it('resumes after a crash right after CreateVpcEndpoint: the same ClientToken gets the same endpoint', async () => {
      let crashes = 1;
      const crashOnEndpointId = beforeReplace(async (next, store) => {
        if (next.endpointId && !(await store.get(next.id))?.endpointId && crashes-- > 0) throw new Error('process died');
      });
      const v = await vpc();
      const id = await approved(v, { subnets: v.subnetIds, sgs: [v.sgVpc443] }, { wrapStore: crashOnEndpointId });

      await expect(bot.drain()).rejects.toThrow('process died');
      expect(await endpointsIn(v)).toHaveLength(1);
      bot.clock.now = new Date(bot.clock.now.getTime() + 61_000);
      await bot.worker({ kind: 'sweep' });
      await bot.drain();

      const endpoints = await endpointsIn(v);
      expect(endpoints).toHaveLength(1);
      expect(await bot.store.get(id)).toMatchObject({ state: 'available', endpointId: endpoints[0]!.VpcEndpointId });
    });

    it("ends failed with EC2's code when the private DNS name was taken between preflight and approval", async () => {
      const v = await vpc();
      const id = await approved(v, { subnets: v.subnetIds, sgs: [v.sgVpc443] });
      await raw.send(
        new sdk.CreateVpcEndpointCommand({
          VpcEndpointType: 'Interface',
          VpcId: v.vpcId,
          ServiceName: KINESIS,
          SubnetIds: [v.subnetIds[0]!],
          PrivateDnsEnabled: true,
        }),
      );
      await bot.drain();

      const request = (await bot.store.get(id))!;
      expect(request.state).toBe('failed');
      expect(request.failure?.code).toBe('InvalidParameter');
      expect(request.failure?.message).toContain('conflicting DNS domain');
      expect(await endpointsIn(v)).toHaveLength(1);
    });
  });
});
