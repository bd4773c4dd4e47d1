import { describe, expect, it } from 'vitest';
import { parseAccounts } from '../../src/accounts/model.js';
import { validateCreate } from '../../src/commands/create-spec.js';
import { parseCommand } from '../../src/commands/parse.js';
import { clientTokenFor, createEndpointCall } from '../../src/endpoints/create-call.js';
import { messagesFor } from '../../src/i18n.js';
import { accountStanding, newRequest } from '../../src/requests/model.js';

const BASE = { service: 'kinesis-streams', vpc: 'vpc-0a1b2c3d', subnets: 'subnet-0a1b2c3d' };
const PARAMS = {
  region: 'ap-northeast-1',
  serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
  vpcId: 'vpc-0a1b2c3d',
  subnetIds: ['subnet-0a1b2c3d'],
  securityGroupIds: [],
  privateDns: 'on' as const,
  ports: [443],
};

describe('create … account=<alias>', () => {
  it('takes an alias in the grammar, lowercased; home or nothing means the bot’s own account', () => {
    expect(parseCommand('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d account=Prod')).toMatchObject({
      ok: true,
      command: { name: 'create', spec: { account: 'prod' } },
    });
    for (const text of [
      'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d account=home',
      'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d',
    ]) {
      const parsed = parseCommand(text);
      expect(parsed.ok && parsed.command.name === 'create' && parsed.command.spec, text).toBeTruthy();
      if (parsed.ok && parsed.command.name === 'create') expect(parsed.command.spec).not.toHaveProperty('account');
    }
  });

  it('refuses a malformed alias in the grammar, and an unconfigured one with the nearest alias when the list is known', () => {
    expect(parseCommand('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d account=prod_1')).toEqual({
      ok: false,
      error: { code: 'badField', command: 'create', field: 'account', error: { code: 'badAccount', value: 'prod_1' } },
    });
    const accounts = parseAccounts('prod=arn:aws:iam::111111111111:role/bot,staging=arn:aws:iam::222222222222:role/bot');
    expect(validateCreate({ ...BASE, account: 'prd' }, { accounts })).toEqual({
      errors: { account: { code: 'unknownAccount', value: 'prd', suggestion: 'prod' } },
    });
    expect(validateCreate({ ...BASE, account: 'sandbox' }, { accounts })).toEqual({ errors: { account: { code: 'unknownAccount', value: 'sandbox' } } });
    expect(validateCreate({ ...BASE, account: 'staging' }, { accounts })).toMatchObject({ spec: { account: 'staging' } });
    expect(validateCreate({ ...BASE, account: 'home' }, { accounts: parseAccounts(undefined) })).not.toHaveProperty('errors');
  });

  it('names no configured alias where reader allow-lists exist (suggest: false)', () => {
    const accounts = parseAccounts('prod=arn:aws:iam::111111111111:role/bot');
    expect(validateCreate({ ...BASE, account: 'prd' }, { accounts, suggest: false })).toEqual({
      errors: { account: { code: 'unknownAccount', value: 'prd' } },
    });
  });

  it('says what to do in both languages, naming the alias and the suggestion', () => {
    for (const locale of ['en', 'ja'] as const) {
      const text = messagesFor(locale).fieldError('account', { code: 'unknownAccount', value: 'prd', suggestion: 'prod' });
      expect(text, locale).toContain('`prd`');
      expect(text, locale).toContain('`prod`');
      expect(text, locale).toContain('ACCOUNTS');
      expect(messagesFor(locale).fieldError('account', { code: 'badAccount', value: 'a_b' }), locale).toContain('`a_b`');
    }
  });
});

describe('a request in a member account', () => {
  const request = (account?: { alias: string; accountId?: string }) =>
    newRequest({
      id: 'plr-0123456789',
      requester: 'U1',
      params: PARAMS,
      preflight: [],
      now: new Date('2026-11-29T00:00:00Z'),
      ttlHours: 24,
      ...(account && { account }),
    });

  it('records the alias and its account id; a home request records neither', () => {
    expect(request({ alias: 'prod', accountId: '111111111111' })).toMatchObject({ account: 'prod', accountId: '111111111111' });
    const home = request();
    expect(home).not.toHaveProperty('account');
    expect(home).not.toHaveProperty('accountId');
  });

  it('may act only while its alias is configured and still names the same account', () => {
    const prod = request({ alias: 'prod', accountId: '111111111111' });
    expect(accountStanding(prod, [{ alias: 'home' }, { alias: 'prod', accountId: '111111111111' }])).toBe('ok');
    expect(accountStanding(prod, [{ alias: 'home' }])).toBe('removed');
    expect(accountStanding(prod, [{ alias: 'home' }, { alias: 'prod', accountId: '999999999999' }])).toBe('changed');
    expect(accountStanding(request(), [{ alias: 'home' }])).toBe('ok');
  });

  it('derives its ClientToken from request, account and region; a home request keeps the request id as before', () => {
    expect(clientTokenFor('plr-0123456789', 'ap-northeast-1')).toBe('plr-0123456789');
    const member = clientTokenFor('plr-0123456789', 'ap-northeast-1', '111111111111');
    expect(member).toBe('plr-0123456789-111111111111-ap-northeast-1');
    expect(clientTokenFor('plr-0123456789', 'us-east-1', '111111111111')).not.toBe(member);
    expect(clientTokenFor('plr-0123456789', 'ap-northeast-1', '222222222222')).not.toBe(member);
    expect(clientTokenFor('plr-0123456789', 'ap-southeast-2', 'a'.repeat(31)).length).toBeLessThanOrEqual(64);
    expect(createEndpointCall(PARAMS, { requestId: 'plr-0123456789', requester: 'U1', account: '111111111111' }).clientToken).toBe(member);
    expect(createEndpointCall(PARAMS, { requestId: 'plr-0123456789', requester: 'U1' }).clientToken).toBe('plr-0123456789');
  });
});
