/**
 * Create in a member account against moto: STS AssumeRole into a role of account 111111111111 yields credentials
 * that act in that account (moto keeps one EC2 world per account and picks it from the access key), so the bot's
 * real path (estate's credential cache and per-account adapter, preflight, approval, the create job) can be seen
 * to create there and not in its own account.
 */
import * as ec2sdk from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { credentialCache, stsAssumeRole } from '../../src/accounts/credentials.js';
import { estateEc2 } from '../../src/accounts/estate.js';
import { type Account, parseAccounts } from '../../src/accounts/model.js';
import { createEc2Adapter } from '../../src/endpoints/ec2.js';
import { REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { captureResponseUrl, fakeSlack } from '../helpers/slack.js';
import { MOTO_CREDENTIALS, MOTO_REGION, motoAdapter, motoClient, seedVpc, startMoto, type MotoServer, type SeededVpc } from './moto.js';
import { describeWithMoto } from './suite.js';

const MEMBER = '111111111111';
const ROLE = `arn:aws:iam::${MEMBER}:role/privatelink-bot`;

describeWithMoto('create in a member account, against moto with STS', () => {
  let moto: MotoServer;
  let home: ec2sdk.EC2Client;
  let member: ec2sdk.EC2Client;
  let memberVpc: SeededVpc;
  let vpcs = 0;
  let bot: Bot | undefined;

  beforeAll(async () => {
    moto = await startMoto();
    home = await motoClient(moto.url);
    // The member account as a person there would see it: credentials from assuming its role.
    const sts = new STSClient({ region: MOTO_REGION, endpoint: moto.url, credentials: MOTO_CREDENTIALS, maxAttempts: 1 });
    const assumed = (await sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'seed' }))).Credentials!;
    sts.destroy();
    member = new ec2sdk.EC2Client({
      region: MOTO_REGION,
      endpoint: moto.url,
      maxAttempts: 1,
      credentials: { accessKeyId: assumed.AccessKeyId!, secretAccessKey: assumed.SecretAccessKey!, sessionToken: assumed.SessionToken! },
    });
  }, 120_000);
  afterEach(() => bot?.close());
  afterAll(async () => {
    home?.destroy();
    member?.destroy();
    await moto?.stop();
  });

  const endpointsIn = async (client: ec2sdk.EC2Client, requestId: string) =>
    (await client.send(new ec2sdk.DescribeVpcEndpointsCommand({ Filters: [{ Name: 'tag:privatelink:request', Values: [requestId] }] }))).VpcEndpoints ?? [];

  /** The bot with ACCOUNTS = `accounts`, its member EC2 built by the estate code on moto's STS. */
  async function botWith(accounts: Account[]) {
    // A VPC of its own per test: private DNS for a service is held by one endpoint per VPC.
    memberVpc = await seedVpc(member, { cidr: `10.${41 + vpcs++}.0.0/16`, name: 'member' });
    const ec2For = estateEc2({
      home: motoAdapter(moto.url),
      accounts,
      credentials: credentialCache({ assumeRole: stsAssumeRole({ region: MOTO_REGION, clientConfig: { endpoint: moto.url, credentials: MOTO_CREDENTIALS } }) }),
      adapter: (options) => createEc2Adapter({ clientConfig: { ...options.clientConfig, endpoint: moto.url, maxAttempts: 1 } }),
    });
    bot = await startBot({ ec2: motoAdapter(moto.url), ec2For, config: { accounts }, clock: { now: new Date('2026-11-29T10:00:00Z') } });
    fakeSlack();
    captureResponseUrl(10);
    const text = `create kinesis-streams vpc=${memberVpc.vpcId} subnets=${memberVpc.subnetIds.join(',')} sg=${memberVpc.sgVpc443} account=prod reason="member"`;
    await bot.command(text);
    await bot.drain();
    const [request] = await bot.store.list({ openOnly: true, limit: 1 });
    expect(request, 'preflight passed in the member account').toMatchObject({ state: 'pending', account: 'prod', accountId: MEMBER });
    return request!;
  }

  it('creates the endpoint in the member account, not in the bot’s own', async () => {
    const request = await botWith(parseAccounts(`prod=${ROLE}`));
    // The member's VPC is not in the bot's own account: preflight could only pass in the member account.
    const homeVpcs = await home.send(new ec2sdk.DescribeVpcsCommand({ Filters: [{ Name: 'vpc-id', Values: [memberVpc.vpcId] }] }));
    expect(homeVpcs.Vpcs ?? []).toEqual([]);
    await bot!.click(REQUEST_ACTIONS.approve, request.id, 'U0BOB');
    await bot!.drain();

    const stored = (await bot!.store.get(request.id))!;
    expect(stored.state).toBe('available');
    const there = await endpointsIn(member, request.id);
    expect(there.map((e) => e.VpcEndpointId)).toEqual([stored.endpointId]);
    expect(there[0]!.VpcId).toBe(memberVpc.vpcId);
    expect(await endpointsIn(home, request.id)).toEqual([]);
  });

  it('creates nothing when the account left ACCOUNTS after approval: the request fails, naming the account', async () => {
    const accounts = parseAccounts(`prod=${ROLE}`);
    const request = await botWith(accounts);
    await bot!.click(REQUEST_ACTIONS.approve, request.id, 'U0BOB');
    accounts.splice(1); // redeployed without prod
    await bot!.drain();

    const stored = (await bot!.store.get(request.id))!;
    expect(stored.state).toBe('failed');
    expect(stored.failure?.code).toBe('AccountNotConfigured');
    expect(await endpointsIn(member, request.id)).toEqual([]);
    expect(await endpointsIn(home, request.id)).toEqual([]);
  });
});
