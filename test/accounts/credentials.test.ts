/** STS faked at its wire (the Query protocol: form POST, XML answers) and the cache on a clock the test moves. */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { type AssumeRole, type AssumeRoleInput, credentialCache, sessionName, stsAssumeRole } from '../../src/accounts/credentials.js';
import { estateEc2 } from '../../src/accounts/estate.js';
import { HOME, parseAccounts } from '../../src/accounts/model.js';
import { createEc2Adapter } from '../../src/endpoints/ec2.js';
import { Ec2Error } from '../../src/endpoints/ec2-api.js';
import { EC2_HOST, endpointXml, errorXml, fakeEc2, formOf, REGION } from '../helpers/ec2.js';
import { messagesFor } from '../../src/i18n.js';

const STS_HOST = `https://sts.${REGION}.amazonaws.com`;
const PROD = 'arn:aws:iam::111111111111:role/privatelink-bot';
const accounts = parseAccounts(`prod=${PROD},staging=arn:aws:iam::222222222222:role/privatelink-bot`);
const prod = accounts[1]!;
const staging = accounts[2]!;
const HOUR = 3_600_000;

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const assumed = (key: string, expiration: Date) => `<AssumeRoleResponse xmlns="${STS_XMLNS}"><AssumeRoleResult>
  <Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>secret-${key}</SecretAccessKey><SessionToken>token-${key}</SessionToken><Expiration>${expiration.toISOString()}</Expiration></Credentials>
  <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:privatelink-bot</AssumedRoleId><Arn>arn:aws:sts::111111111111:assumed-role/privatelink-bot/privatelink-bot</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>`;
const stsError = (code: string, message: string) =>
  `<ErrorResponse xmlns="${STS_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-2</RequestId></ErrorResponse>`;

function fakeSts(answer: (params: Record<string, string>, call: number) => [number, string]): Record<string, string>[] {
  const calls: Record<string, string>[] = [];
  nock(STS_HOST)
    .persist()
    .post('/')
    .reply((_uri, body) => {
      const params = formOf(body);
      calls.push(params);
      const [status, xml] = answer(params, calls.length);
      return [status, xml, { 'content-type': 'text/xml' }];
    });
  return calls;
}

const sts = () => stsAssumeRole({ region: REGION, clientConfig: { credentials: { accessKeyId: 'AKIDHOME', secretAccessKey: 'home-secret' }, maxAttempts: 1 } });

describe('sessionName', () => {
  it('names the bot, and the Slack user when there is one', () => {
    expect(sessionName()).toBe('privatelink-bot');
    expect(sessionName('U012ABCDEF')).toBe('privatelink-bot-U012ABCDEF');
  });

  it('keeps to the characters and the 64-character length STS allows', () => {
    const name = sessionName(`U0 /é*${'X'.repeat(80)}`);
    expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(name).toHaveLength(64);
  });
});

describe('stsAssumeRole (STS Query API)', () => {
  it('sends the role, the session name, an hour and the external id; reads the credentials', async () => {
    const expiration = new Date(Date.UTC(2030, 0, 1));
    const calls = fakeSts(() => [200, assumed('ASIAPROD', expiration)]);
    const credentials = await sts()({ roleArn: PROD, sessionName: 'privatelink-bot-U1', externalId: 'org-1', durationSeconds: 3600 });
    expect(credentials).toEqual({ accessKeyId: 'ASIAPROD', secretAccessKey: 'secret-ASIAPROD', sessionToken: 'token-ASIAPROD', expiration });
    expect(calls[0]).toMatchObject({
      Action: 'AssumeRole',
      RoleArn: PROD,
      RoleSessionName: 'privatelink-bot-U1',
      ExternalId: 'org-1',
      DurationSeconds: '3600',
    });
    expect(Object.keys(calls[0]!).filter((k) => k.startsWith('Tags'))).toEqual([]);
  });

  it('sends the create session tag in the Query form STS documents (Tags.member.N.Key/Value)', async () => {
    const calls = fakeSts(() => [200, assumed('ASIACREATE', new Date(Date.UTC(2030, 0, 1)))]);
    await sts()({ roleArn: PROD, sessionName: 'privatelink-bot-U1', durationSeconds: 3600, tags: [{ key: 'privatelink:purpose', value: 'create' }] });
    expect(calls[0]).toMatchObject({ 'Tags.member.1.Key': 'privatelink:purpose', 'Tags.member.1.Value': 'create' });
  });

  it('turns AccessDenied into AssumeRoleDenied naming the role', async () => {
    fakeSts(() => [403, stsError('AccessDenied', 'User: arn:aws:sts::000000000000:assumed-role/bot is not authorized to perform: sts:AssumeRole')]);
    const error = await sts()({ roleArn: PROD, sessionName: 'privatelink-bot', durationSeconds: 3600 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ec2Error);
    expect(error).toMatchObject({ code: 'AssumeRoleDenied', action: 'sts:AssumeRole' });
    expect((error as Error).message).toContain(PROD);
  });

  it('reports throttling as Throttling', async () => {
    fakeSts(() => [400, stsError('Throttling', 'Rate exceeded')]);
    await expect(sts()({ roleArn: PROD, sessionName: 'privatelink-bot', durationSeconds: 3600 })).rejects.toMatchObject({ code: 'Throttling' });
  });
});

describe('credentialCache', () => {
  function counting(expiresInMs = HOUR) {
    let now = 0;
    const inputs: AssumeRoleInput[] = [];
    const assumeRole: AssumeRole = async (input) => {
      inputs.push(input);
      return { accessKeyId: `ASIA${inputs.length}`, secretAccessKey: 's', sessionToken: 't', expiration: new Date(now + expiresInMs) };
    };
    return {
      inputs,
      assumeRole,
      now: () => now,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('tags the create session (privatelink:purpose=create) and keeps it apart from the read session', async () => {
    const sts = counting();
    const cache = credentialCache({ assumeRole: sts.assumeRole, now: sts.now });
    expect((await cache.get(prod, 'U1')).accessKeyId).toBe('ASIA1');
    expect((await cache.get(prod, 'U1', 'create')).accessKeyId).toBe('ASIA2');
    expect((await cache.get(prod, 'U1', 'read')).accessKeyId).toBe('ASIA1');
    expect(sts.inputs.map((i) => i.tags)).toEqual([undefined, [{ key: 'privatelink:purpose', value: 'create' }]]);
  });

  it('assumes once per role and user while the credentials are fresh', async () => {
    const sts = counting();
    const cache = credentialCache({ assumeRole: sts.assumeRole, now: sts.now, externalId: 'org-1' });
    expect((await cache.get(prod, 'U1')).accessKeyId).toBe('ASIA1');
    sts.advance(50 * 60_000);
    expect((await cache.get(prod, 'U1')).accessKeyId).toBe('ASIA1');
    expect((await cache.get(prod, 'U2')).accessKeyId).toBe('ASIA2');
    expect((await cache.get(staging, 'U1')).accessKeyId).toBe('ASIA3');
    expect(sts.inputs.map((i) => [i.roleArn, i.sessionName, i.externalId])).toEqual([
      [PROD, 'privatelink-bot-U1', 'org-1'],
      [PROD, 'privatelink-bot-U2', 'org-1'],
      [staging.roleArn, 'privatelink-bot-U1', 'org-1'],
    ]);
    expect(cache.calls).toBe(3);
  });

  it('renews five minutes before expiry, not later', async () => {
    const sts = counting();
    const cache = credentialCache({ assumeRole: sts.assumeRole, now: sts.now });
    await cache.get(prod);
    sts.advance(HOUR - 5 * 60_000 - 1);
    expect((await cache.get(prod)).accessKeyId).toBe('ASIA1');
    sts.advance(1);
    expect((await cache.get(prod)).accessKeyId).toBe('ASIA2');
  });

  it('shares one AssumeRole among concurrent callers', async () => {
    const sts = counting();
    const cache = credentialCache({ assumeRole: sts.assumeRole, now: sts.now });
    const keys = await Promise.all(Array.from({ length: 20 }, () => cache.get(prod, 'U1')));
    expect(new Set(keys.map((k) => k.accessKeyId))).toEqual(new Set(['ASIA1']));
    expect(sts.inputs).toHaveLength(1);
  });

  it('forgets a failure, names the account, and tries again on the next call', async () => {
    let fail = true;
    const cache = credentialCache({
      assumeRole: async () => {
        if (fail) throw new Ec2Error('AssumeRoleDenied', 'denied', 'sts:AssumeRole', REGION);
        return { accessKeyId: 'ASIAOK', secretAccessKey: 's', sessionToken: 't', expiration: new Date(Date.now() + HOUR) };
      },
    });
    await expect(cache.get(prod)).rejects.toMatchObject({ code: 'AssumeRoleDenied', account: 'prod' });
    fail = false;
    expect((await cache.get(prod)).accessKeyId).toBe('ASIAOK');
  });

  it('refuses home, which has no role', async () => {
    const cache = credentialCache({ assumeRole: counting().assumeRole });
    await expect(cache.get(HOME)).rejects.toMatchObject({ code: 'AccountNotConfigured' });
  });
});

describe('estateEc2', () => {
  const home = createEc2Adapter({ clientConfig: { credentials: { accessKeyId: 'AKIDHOME', secretAccessKey: 'x' }, maxAttempts: 1 } });

  function estate() {
    const credentials = credentialCache({ assumeRole: sts() });
    return estateEc2({ accounts, home, credentials, adapter: (o) => createEc2Adapter({ clientConfig: { ...o.clientConfig, maxAttempts: 1 } }) });
  }

  it('is the bot’s own adapter for home, one adapter per member and user', () => {
    const ec2For = estate();
    expect(ec2For('home')).toBe(home);
    expect(ec2For('prod', 'U1')).toBe(ec2For('prod', 'U1'));
    expect(ec2For('prod', 'U1')).not.toBe(ec2For('prod', 'U2'));
  });

  it('refuses an alias not in ACCOUNTS', () => {
    expect(() => estate()('dev')).toThrow(expect.objectContaining({ code: 'AccountNotConfigured', account: 'dev' }));
  });

  it('signs EC2 calls in a member account with the assumed credentials', async () => {
    fakeSts(() => [200, assumed('ASIAPRODKEY', new Date(Date.now() + HOUR))]);
    const signedWith: string[] = [];
    nock(EC2_HOST)
      .post('/')
      .reply(function () {
        signedWith.push(String(this.req.headers.authorization));
        return [
          200,
          `<DescribeVpcEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><vpcEndpointSet>${endpointXml({ id: 'vpce-0123456789abcdef0' })}</vpcEndpointSet></DescribeVpcEndpointsResponse>`,
        ];
      });
    const endpoints = await estate()('prod', 'U1').describeEndpoints(REGION, { ids: ['vpce-0123456789abcdef0'] });
    expect(endpoints.map((e) => e.id)).toEqual(['vpce-0123456789abcdef0']);
    expect(signedWith[0]).toContain('Credential=ASIAPRODKEY/');
  });

  it('a role that cannot be assumed fails the EC2 call with AssumeRoleDenied and the account, EC2 never called', async () => {
    fakeSts(() => [403, stsError('AccessDenied', 'not authorized to perform: sts:AssumeRole')]);
    const ec2Calls = fakeEc2({ DescribeVpcEndpoints: () => '<DescribeVpcEndpointsResponse/>' });
    const error = await estate()('prod')
      .describeEndpoints(REGION, { ids: ['vpce-0123456789abcdef0'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ec2Error);
    expect(error).toMatchObject({ code: 'AssumeRoleDenied', account: 'prod' });
    expect(ec2Calls).toHaveLength(0);
  });

  it("a permission missing in a member account names that account's role, in both languages", async () => {
    fakeSts(() => [200, assumed('ASIAPRODKEY', new Date(Date.now() + HOUR))]);
    fakeEc2({ DescribeVpcEndpoints: () => [403, errorXml('UnauthorizedOperation', 'You are not authorized to perform this operation.')] });
    const error = (await estate()('prod')
      .describeEndpoints(REGION, { ids: ['vpce-0123456789abcdef0'] })
      .catch((e: unknown) => e)) as Ec2Error;
    expect(error).toMatchObject({ code: 'UnauthorizedOperation', account: 'prod' });
    const say = (locale: 'en' | 'ja') => messagesFor(locale).ec2Problem(error.code, error.action, error.region, error.message, error.account);
    expect(say('en')).toContain('The role the bot assumes in account `prod` may not call `ec2:DescribeVpcEndpoints`');
    expect(say('ja')).toContain('アカウント `prod` で引き受けるロール');
  });
});
