import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from '../../src/commands/parse.js';

describe('tokenize', () => {
  it('keeps quoted values together, after key= too, with straight or Slack\'s curly quotes', () => {
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
    expect(parseCommand('create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d private-dns=off ip=dualstack region=ap-northeast-1 reason="orders stream"')).toEqual({
      ok: true,
      command: {
        name: 'create',
        spec: {
          service: 'kinesis-streams',
          vpcId: 'vpc-0a1b2c3d',
          subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
          securityGroupIds: ['sg-0a1b2c3d'],
          privateDns: false,
          ipAddressType: 'dualstack',
          region: 'ap-northeast-1',
          reason: 'orders stream',
        },
      },
    });
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
