/**
 * Many accounts against moto: STS AssumeRole into another account yields credentials that act in that account
 * (moto picks the account from the access key it issued for the role's ARN), so each member account is its own
 * EC2. The launcher's `--assume-role-needs-role` makes AssumeRole fail, as AWS does, for a role that does not exist
 * or whose trust policy's sts:ExternalId does not match.
 */
import * as sdk from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { credentialCache, stsAssumeRole } from '../../src/accounts/credentials.js';
import { estateEc2 } from '../../src/accounts/estate.js';
import { estateAccess, parseAccounts } from '../../src/accounts/model.js';
import { parseCommand } from '../../src/commands/parse.js';
import { createEc2Adapter } from '../../src/endpoints/ec2.js';
import { type LookupCommand, type LookupResult, lookupJson, runLookup } from '../../src/endpoints/lookups.js';
import { messagesFor } from '../../src/i18n.js';
import { lookupView } from '../../src/slack/views/endpoints.js';
import { blockText } from '../helpers/slack.js';
import { MOTO_CREDENTIALS, MOTO_REGION, motoAdapter, seedVpc, startMoto, type MotoServer } from './moto.js';
import { describeWithMoto } from './suite.js';

const PROD_ROLE = 'arn:aws:iam::111111111111:role/privatelink-bot';
const STRICT_ROLE = 'arn:aws:iam::333333333333:role/privatelink-bot';
const MISSING_ROLE = 'arn:aws:iam::222222222222:role/privatelink-bot';
const EXTERNAL_ID = 'org-privatelink-4411';
const POLICY = { defaultRegion: MOTO_REGION };

/** IAM's CreateRole in one account, through moto's account header (moto does not check signatures). */
async function createRole(url: string, account: string, trust: object): Promise<void> {
  const body = new URLSearchParams({
    Action: 'CreateRole',
    Version: '2010-05-08',
    RoleName: 'privatelink-bot',
    AssumeRolePolicyDocument: JSON.stringify(trust),
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-moto-account-id': account,
      authorization: 'AWS4-HMAC-SHA256 Credential=moto/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
    },
    body,
  });
  expect(response.status, await response.text()).toBe(200);
}

const trust = (condition?: object) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole', ...(condition && { Condition: condition }) }],
});

function lookup(text: string): LookupCommand {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.command as LookupCommand;
}

describeWithMoto('many accounts (moto with STS)', () => {
  let moto: MotoServer;
  let endpointId: string;

  const assumeRole = () => stsAssumeRole({ region: MOTO_REGION, clientConfig: { endpoint: moto.url, credentials: MOTO_CREDENTIALS, maxAttempts: 1 } });

  function estate(accountsText: string, externalId?: string) {
    const accounts = parseAccounts(accountsText);
    const credentials = credentialCache({ assumeRole: assumeRole(), ...(externalId && { externalId }) });
    const ec2For = estateEc2({
      home: motoAdapter(moto.url),
      accounts,
      credentials,
      adapter: (o) => createEc2Adapter({ clientConfig: { ...o.clientConfig, endpoint: moto.url, maxAttempts: 1 } }),
    });
    return { access: estateAccess(ec2For, accounts, 'U0ALICE'), credentials };
  }

  beforeAll(async () => {
    moto = await startMoto({ assumeRoleNeedsRole: true });
    await createRole(moto.url, '111111111111', trust());
    await createRole(moto.url, '333333333333', trust({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }));
    // The endpoint lives in the member account: seeded with that account's assumed credentials.
    const prod = await assumeRole()({ roleArn: PROD_ROLE, sessionName: 'privatelink-bot-seed', durationSeconds: 3600 });
    const client = new sdk.EC2Client({ region: MOTO_REGION, endpoint: moto.url, credentials: prod, maxAttempts: 1 });
    const vpc = await seedVpc(client);
    const created = await client.send(
      new sdk.CreateVpcEndpointCommand({
        VpcId: vpc.vpcId,
        VpcEndpointType: 'Interface',
        ServiceName: `com.amazonaws.${MOTO_REGION}.kinesis-streams`,
        SubnetIds: vpc.subnetIds,
        SecurityGroupIds: [vpc.sgVpc443],
        PrivateDnsEnabled: true,
      }),
    );
    endpointId = created.VpcEndpoint!.VpcEndpointId!;
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it("the member account's endpoint is invisible from home: moto scopes EC2 by the credentials' account", async () => {
    await expect(motoAdapter(moto.url).describeEndpoints(MOTO_REGION, { ids: [endpointId] })).rejects.toMatchObject({
      code: 'InvalidVpcEndpointId.NotFound',
    });
  });

  it('dns vpce-… without account= finds it in the member account, labelled, in one AssumeRole', async () => {
    const { access, credentials } = estate(`prod=${PROD_ROLE}`);
    const result = await runLookup(lookup(`dns ${endpointId}`), access, POLICY);
    expect(result.kind).toBe('estate');
    const found = result as Extract<LookupResult, { kind: 'estate' }>;
    expect(found.failures).toEqual([]);
    expect(found.hits.map((h) => [h.account, h.region, h.endpoints.map((e) => e.id)])).toEqual([['prod', MOTO_REGION, [endpointId]]]);
    expect(lookupJson(found)).toMatchObject([{ account: 'prod', region: MOTO_REGION, id: endpointId }]);
    expect(blockText(lookupView(found, messagesFor('en')))).toContain(`Account \`prod\` · region \`${MOTO_REGION}\``);
    await runLookup(lookup(`describe ${endpointId} account=prod`), access, POLICY);
    expect(credentials.calls).toBe(1);
  });

  it('a role that cannot be assumed is one line naming the account and the fix; the answer still comes', async () => {
    const { access } = estate(`broken=${MISSING_ROLE},prod=${PROD_ROLE}`);
    const result = (await runLookup(lookup(`dns ${endpointId}`), access, POLICY, undefined, { concurrency: 1 })) as Extract<LookupResult, { kind: 'estate' }>;
    expect(result.hits.map((h) => h.account)).toEqual(['prod']);
    expect(result.failures).toMatchObject([{ account: 'broken', region: MOTO_REGION, code: 'AssumeRoleDenied' }]);
    const text = blockText(lookupView(result, messagesFor('en')));
    expect(text).toContain("`broken` in `ap-northeast-1`: the bot may not assume the account's role; fix that role's trust policy");
  });

  it('account=<alias> of an unassumable role says which account and what to fix', async () => {
    const { access } = estate(`broken=${MISSING_ROLE}`);
    const result = await runLookup(lookup(`describe ${endpointId} account=broken`), access, POLICY);
    expect(result).toMatchObject({ kind: 'problem', problem: { code: 'ec2', error: { code: 'AssumeRoleDenied', account: 'broken' } } });
    expect(blockText(lookupView(result, messagesFor('en')))).toContain('The bot may not assume the role of account `broken`');
  });

  it('the external id is sent: a trust policy requiring it admits the bot only with ACCOUNTS_EXTERNAL_ID', async () => {
    const without = await runLookup(lookup(`dns ${endpointId} account=strict`), estate(`strict=${STRICT_ROLE}`).access, POLICY);
    expect(without).toMatchObject({ kind: 'problem', problem: { error: { code: 'AssumeRoleDenied' } } });
    const withId = await runLookup(lookup(`dns ${endpointId} account=strict`), estate(`strict=${STRICT_ROLE}`, EXTERNAL_ID).access, POLICY);
    // Admitted: account 333333333333 holds no such endpoint, which is EC2's answer, not STS's.
    expect(withId).toMatchObject({ kind: 'problem', problem: { error: { code: 'InvalidVpcEndpointId.NotFound' } } });
  });

  it('an unknown alias is refused with the closest one, and nothing is called', async () => {
    const { access, credentials } = estate(`prod=${PROD_ROLE}`);
    const result = await runLookup(lookup(`dns ${endpointId} account=prd`), access, POLICY);
    expect(result).toEqual({ kind: 'problem', problem: { code: 'unknownAccount', alias: 'prd', suggestion: 'prod' } });
    expect(credentials.calls).toBe(0);
  });
});
