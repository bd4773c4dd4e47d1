import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from '../../src/commands/parse.js';
import { en } from '../../src/messages.js';

describe('tokenize', () => {
  it("keeps quoted values together, after key= too, with straight or Slack's curly quotes", () => {
    expect(tokenize('create s3 reason="two words" x=\'a b\' y=“c d”')).toEqual([
      { value: 'create' },
      { value: 's3' },
      { key: 'reason', value: 'two words' },
      { key: 'x', value: 'a b' },
      { key: 'y', value: 'c d' },
    ]);
  });

  it('takes the full-width space and ＝ of a Japanese keyboard as a space and =', () => {
    expect(tokenize('compare\u3000target＝aws-service\u3000\u3000service=s3')).toEqual([
      { value: 'compare' },
      { key: 'target', value: 'aws-service' },
      { key: 'service', value: 's3' },
    ]);
    expect(tokenize('create s3 reason="a＝b"')).toContainEqual({ key: 'reason', value: 'a＝b' });
  });

  it('reports an unclosed quote', () => {
    expect(tokenize('create reason="oops')).toEqual({ code: 'unclosedQuote' });
  });
});

describe('parseCommand', () => {
  it('treats nothing and help alike, case-insensitively', () => {
    expect(parseCommand('')).toEqual({ ok: true, command: { name: 'help' } });
    expect(parseCommand('  HELP ')).toEqual({ ok: true, command: { name: 'help' } });
  });

  it('suggests the sub-command meant', () => {
    expect(parseCommand('desribe vpce-0a1b2c3d')).toEqual({ ok: false, error: { code: 'unknownCommand', word: 'desribe', suggestion: 'describe' } });
  });

  it('suggests the option meant', () => {
    expect(parseCommand('dns kinesis regoin=us-east-1')).toEqual({
      ok: false,
      error: { code: 'unknownOption', command: 'dns', key: 'regoin', suggestion: 'region' },
    });
  });

  it('parses compare answers in any order and keeps that order', () => {
    expect(parseCommand('compare OVERLAP=Yes target=own-service vpcs=3')).toEqual({
      ok: true,
      command: { name: 'compare', answers: { overlap: 'yes', target: 'own-service', vpcs: 3 }, order: ['overlap', 'target', 'vpcs'] },
    });
  });

  it('rejects a bad compare value with the allowed ones', () => {
    expect(parseCommand('compare onprem=maybe')).toEqual({
      ok: false,
      error: { code: 'badValue', command: 'compare', key: 'onprem', value: 'maybe', allowed: ['yes', 'no'] },
    });
  });

  it('reads describe targets by their prefix', () => {
    expect(parseCommand('describe vpce-0123456789abcdef0 region=ap-northeast-1 state=pendingAcceptance')).toEqual({
      ok: true,
      command: { name: 'describe', target: { kind: 'endpoint', id: 'vpce-0123456789abcdef0' }, region: 'ap-northeast-1', state: 'pendingacceptance' },
    });
    expect(parseCommand('describe vpc-0a1b2c3d')).toMatchObject({ ok: true, command: { target: { kind: 'vpc', id: 'vpc-0a1b2c3d' } } });
    expect(parseCommand('dns Kinesis-Streams')).toMatchObject({ ok: true, command: { name: 'dns', target: { kind: 'service', text: 'kinesis-streams' } } });
    expect(parseCommand('describe')).toEqual({ ok: true, command: { name: 'describe' } });
  });

  it('catches malformed ids before any call', () => {
    expect(parseCommand('dns vpce-xyz')).toEqual({ ok: false, error: { code: 'badId', command: 'dns', value: 'vpce-xyz', expected: 'vpce-' } });
    expect(parseCommand('status plr-1')).toEqual({ ok: false, error: { code: 'badId', command: 'status', value: 'plr-1', expected: 'plr-' } });
  });

  it('rejects unknown regions', () => {
    expect(parseCommand('services region=mars-1')).toEqual({ ok: false, error: { code: 'badRegion', command: 'services', value: 'mars-1' } });
  });

  it('parses a full create request', () => {
    expect(
      parseCommand(
        'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d private-dns=off ip=dualstack region=ap-northeast-1 reason="orders stream"',
      ),
    ).toEqual({
      ok: true,
      command: {
        name: 'create',
        spec: {
          service: 'kinesis-streams',
          vpcId: 'vpc-0a1b2c3d',
          subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
          securityGroupIds: ['sg-0a1b2c3d'],
          privateDns: 'off',
          ipAddressType: 'dualstack',
          ports: [443],
          region: 'ap-northeast-1',
          reason: 'orders stream',
        },
      },
    });
  });

  it('parses the DNS modes, listener ports and a service region', () => {
    const result = parseCommand('create s3 vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d private-dns=Inbound-Only ports=443,8443 service-region=US-EAST-1');

    expect(result).toEqual({
      ok: true,
      command: {
        name: 'create',
        spec: {
          service: 's3',
          vpcId: 'vpc-0a1b2c3d',
          subnetIds: ['subnet-0a1b2c3d'],
          securityGroupIds: [],
          privateDns: 'inbound-only',
          ports: [443, 8443],
          serviceRegion: 'us-east-1',
        },
      },
    });
    expect(parseCommand('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d')).toMatchObject({
      ok: true,
      command: { spec: { privateDns: 'on', ports: [443] } },
    });
  });

  it.each([
    ['ports=0', { code: 'badPort', value: '0' }],
    ['ports=65536', { code: 'badPort', value: '65536' }],
    ['ports=https', { code: 'badPort', value: 'https' }],
    ['ports=443-445', { code: 'badPort', value: '443-445' }],
    ['ports=,', { code: 'badPort', value: ',' }],
    ['ports=443,443', { code: 'duplicatePort', value: 443 }],
    [`ports=${Array.from({ length: 17 }, (_, i) => 1000 + i).join(',')}`, { code: 'tooLong', max: 16 }],
  ])('refuses %s with a clear reason', (option, error) => {
    const result = parseCommand(`create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d ${option}`);

    expect(result).toEqual({ ok: false, error: { code: 'badField', command: 'create', field: 'ports', error } });
    if (!result.ok) expect(en.parseError(result.error)).toMatch(/ports|port/);
  });

  it('says what is wrong with a DNS mode or a service region, and what is allowed', () => {
    const dns = parseCommand('create s3 vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d private-dns=inbound');
    const region = parseCommand('create s3 vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d service-region=mars-1');

    expect(dns).toEqual({
      ok: false,
      error: {
        code: 'badField',
        command: 'create',
        field: 'private-dns',
        error: { code: 'badChoice', value: 'inbound', allowed: ['on', 'off', 'inbound-only'] },
      },
    });
    expect(region).toEqual({
      ok: false,
      error: { code: 'badField', command: 'create', field: 'service-region', error: { code: 'badRegion', value: 'mars-1' } },
    });
    expect(!dns.ok && en.parseError(dns.error)).toBe('`inbound` is not one of `on`, `off`, `inbound-only`.');
    expect(!region.ok && en.parseError(region.error)).toBe('`mars-1` is not an AWS region I know (e.g. `ap-northeast-1`).');
    expect(en.parseError({ code: 'badField', command: 'create', field: 'ports', error: { code: 'badPort', value: '0' } })).toBe(
      '`0` is not a port: `ports` takes TCP port numbers from 1 to 65535, comma-separated (e.g. `ports=443,8443`).',
    );
  });

  it('opens the form for a bare create, and names the first bad field otherwise', () => {
    expect(parseCommand('create')).toEqual({ ok: true, command: { name: 'create' } });
    expect(parseCommand('create s3 vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-0a1b2c3d')).toEqual({
      ok: false,
      error: { code: 'badField', command: 'create', field: 'subnets', error: { code: 'duplicateId', value: 'subnet-0a1b2c3d' } },
    });
    expect(parseCommand('create s3 subnets=subnet-0a1b2c3d')).toEqual({
      ok: false,
      error: { code: 'badField', command: 'create', field: 'vpc', error: { code: 'required' } },
    });
  });

  it('parses requests, status and cancel', () => {
    expect(parseCommand('requests')).toEqual({ ok: true, command: { name: 'requests', filter: 'pending' } });
    expect(parseCommand('requests ALL')).toEqual({ ok: true, command: { name: 'requests', filter: 'all' } });
    expect(parseCommand('status PLR-0123456789')).toEqual({ ok: true, command: { name: 'status', requestId: 'plr-0123456789' } });
    expect(parseCommand('cancel plr-0123456789 now')).toEqual({ ok: false, error: { code: 'unexpectedArgument', command: 'cancel', word: 'now' } });
  });
});

describe('account= and region=all on lookups (issue 17)', () => {
  it('takes an alias on dns, describe, services and doctor, lower-cased', () => {
    expect(parseCommand('dns vpce-0123456789abcdef0 account=Prod')).toEqual({
      ok: true,
      command: { name: 'dns', target: { kind: 'endpoint', id: 'vpce-0123456789abcdef0' }, account: 'prod' },
    });
    expect(parseCommand('describe vpc-0a1b2c3d account=payments-prod')).toMatchObject({ ok: true, command: { account: 'payments-prod' } });
    expect(parseCommand('services kinesis account=home')).toMatchObject({ ok: true, command: { name: 'services', account: 'home' } });
    expect(parseCommand('doctor vpce-0123456789abcdef0 from=onprem account=prod')).toMatchObject({ ok: true, command: { name: 'doctor', account: 'prod' } });
  });

  it('refuses what cannot be an alias before anything runs', () => {
    expect(parseCommand('dns kinesis account=prod_1')).toMatchObject({ ok: false, error: { code: 'badValue', key: 'account', value: 'prod_1' } });
  });

  it('takes region=all on dns and describe only', () => {
    expect(parseCommand('dns vpce-0123456789abcdef0 region=ALL')).toMatchObject({ ok: true, command: { region: 'all' } });
    expect(parseCommand('describe vpce-0123456789abcdef0 region=all')).toMatchObject({ ok: true, command: { region: 'all' } });
    expect(parseCommand('services region=all')).toMatchObject({ ok: false, error: { code: 'badRegion', value: 'all' } });
    expect(parseCommand('doctor s3 from=onprem region=all')).toMatchObject({ ok: false, error: { code: 'badRegion', value: 'all' } });
  });
});
