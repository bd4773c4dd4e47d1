import { describe, expect, it } from 'vitest';
import { AccountsError, accountsOf, findAccount, HOME, parseAccounts, suggestAlias } from '../../src/accounts/model.js';
import { loadConfig } from '../../src/config.js';

const PROD = 'arn:aws:iam::111111111111:role/privatelink-bot';
const STAGING = 'arn:aws:iam::222222222222:role/ops/privatelink-bot';

describe('parseAccounts', () => {
  it('is home alone when ACCOUNTS is unset or empty', () => {
    expect(parseAccounts(undefined)).toEqual([HOME]);
    expect(parseAccounts(' , ')).toEqual([HOME]);
  });

  it('puts home first, then the members in order, with the account id read from the ARN', () => {
    expect(parseAccounts(` prod=${PROD} , staging = ${STAGING}`)).toEqual([
      { alias: 'home' },
      { alias: 'prod', roleArn: PROD, accountId: '111111111111' },
      { alias: 'staging', roleArn: STAGING, accountId: '222222222222' },
    ]);
  });

  it('accepts the China and GovCloud partitions', () => {
    expect(parseAccounts('cn=arn:aws-cn:iam::333333333333:role/bot,gov=arn:aws-us-gov:iam::444444444444:role/bot').map((a) => a.accountId)).toEqual([
      undefined,
      '333333333333',
      '444444444444',
    ]);
  });

  it.each([
    ['prod', /not alias=roleArn/],
    [`Prod=${PROD}`, /not an alias/],
    [`-prod=${PROD}`, /not an alias/],
    [`${'a'.repeat(32)}=${PROD}`, /not an alias/],
    [`home=${PROD}`, /reserved/],
    [`prod=${PROD},prod=${STAGING}`, /given twice/],
    [`prod=${PROD},prod2=${PROD}`, /same role/],
    ['prod=arn:aws:iam::11111111111:role/bot', /not an IAM role ARN/],
    ['prod=arn:aws:iam::111111111111:user/bot', /not an IAM role ARN/],
    ['prod=arn:aws:sts::111111111111:role/bot', /not an IAM role ARN/],
    ['prod=arn:aws-xx:iam::111111111111:role/bot', /not an IAM role ARN/],
    ['prod=arn:aws:iam::111111111111:role/', /not an IAM role ARN/],
  ])('refuses %s', (value, why) => {
    expect(() => parseAccounts(value)).toThrow(AccountsError);
    expect(() => parseAccounts(value)).toThrow(why);
  });
});

describe('ACCOUNTS in the configuration', () => {
  it('is absent (home alone) when unset', () => {
    const config = loadConfig({}, { slack: false });
    expect(config.accounts).toBeUndefined();
    expect(accountsOf(config.accounts)).toEqual([HOME]);
  });

  it('reads the accounts and the external id', () => {
    const config = loadConfig({ ACCOUNTS: `prod=${PROD}`, ACCOUNTS_EXTERNAL_ID: 'org-1234' }, { slack: false });
    expect(config.accounts).toEqual([HOME, { alias: 'prod', roleArn: PROD, accountId: '111111111111' }]);
    expect(config.accountsExternalId).toBe('org-1234');
  });

  it('refuses to start on a malformed role ARN, naming the variable', () => {
    expect(() => loadConfig({ ACCOUNTS: 'prod=arn:aws:iam::1:role/x' }, { slack: false })).toThrow(
      /^ACCOUNTS: "arn:aws:iam::1:role\/x" \(alias prod\) is not an IAM role ARN/,
    );
  });

  it('refuses an external id STS would refuse', () => {
    expect(() => loadConfig({ ACCOUNTS: `prod=${PROD}`, ACCOUNTS_EXTERNAL_ID: 'has space' }, { slack: false })).toThrow(/^ACCOUNTS_EXTERNAL_ID:/);
  });
});

describe('findAccount and suggestAlias', () => {
  const accounts = parseAccounts(`prod=${PROD},staging=${STAGING},payments-prod=arn:aws:iam::555555555555:role/bot`);

  it('finds an alias whatever its case', () => {
    expect(findAccount(accounts, 'PROD')?.accountId).toBe('111111111111');
    expect(findAccount(accounts, 'home')).toEqual(HOME);
    expect(findAccount(accounts, 'dev')).toBeUndefined();
  });

  it.each([
    ['prd', 'prod'],
    ['prdo', 'prod'],
    ['stgaing', 'staging'],
    ['stagign', 'staging'],
    ['stag', 'staging'],
    ['payments', 'payments-prod'],
    ['hom', 'home'],
  ])('suggests %s → %s', (typed, meant) => {
    expect(suggestAlias(typed, accounts)).toBe(meant);
  });

  it('suggests nothing when nothing is close', () => {
    expect(suggestAlias('zzzzzz', accounts)).toBeUndefined();
    expect(suggestAlias('', accounts)).toBeUndefined();
  });
});
