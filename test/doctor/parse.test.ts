import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';

describe('doctor grammar', () => {
  it.each([
    [
      'doctor vpce-0123456789abcdef0 from=subnet-0a1b2c3d',
      { target: { kind: 'endpoint', id: 'vpce-0123456789abcdef0' }, from: { kind: 'subnet', id: 'subnet-0a1b2c3d' } },
    ],
    [
      'DOCTOR Kinesis-Streams FROM=i-0123456789abcdef0 port=8443 region=us-east-1',
      { target: { kind: 'service', text: 'kinesis-streams' }, from: { kind: 'instance', id: 'i-0123456789abcdef0' }, port: 8443, region: 'us-east-1' },
    ],
    ['doctor s3 from=vpc-0a1b2c3d', { from: { kind: 'vpc', id: 'vpc-0a1b2c3d' } }],
    ['doctor s3 from=10.1.2.3', { from: { kind: 'address', cidr: '10.1.2.3/32' } }],
    ['doctor s3 from=192.168.0.0/16', { from: { kind: 'address', cidr: '192.168.0.0/16' } }],
    ['doctor s3 from=onprem', { from: { kind: 'onprem' } }],
  ])('%s', (text, expected) => {
    const parsed = parseCommand(text);
    expect(parsed).toMatchObject({ ok: true, command: { name: 'doctor', ...expected } });
  });

  it.each([
    ['doctor', { code: 'missingArgument', what: 'endpoint id or service' }],
    ['doctor s3', { code: 'missingArgument', what: 'from=' }],
    ['doctor s3 from=subnet-12', { code: 'badId', expected: 'subnet-' }],
    ['doctor s3 from=i-xyz', { code: 'badId', expected: 'i-' }],
    ['doctor s3 from=10.1.2.300', { code: 'badValue', key: 'from' }],
    ['doctor s3 from=10.0.0.0/33', { code: 'badValue', key: 'from' }],
    ['doctor s3 from=onprem port=0', { code: 'badValue', key: 'port' }],
    ['doctor s3 from=onprem port=443x', { code: 'badValue', key: 'port' }],
    ['doctor vpc-0a1b2c3d from=onprem', { code: 'badId', expected: 'vpce-' }],
    ['doctor s3 kinesis from=onprem', { code: 'unexpectedArgument', word: 'kinesis' }],
    ['doctor s3 from=onprem account=-prod', { code: 'badValue', key: 'account' }],
    ['doctor s3 from=onprem region=mars-1', { code: 'badRegion' }],
  ])('%s is refused precisely', (text, error) => {
    expect(parseCommand(text)).toMatchObject({ ok: false, error: { command: 'doctor', ...error } });
  });
});
