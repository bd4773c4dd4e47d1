import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_TEXT, parseCommand, tokenize } from '../../src/commands/parse.js';
import { closest } from '../../src/commands/suggest.js';
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

  it('splits any text exactly as the word-by-word rule does (the rule restated plainly, as the oracle)', () => {
    const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’' };
    // Re-tests the whole word at every `=`: quadratic, so only for short texts.
    const plainly = (text: string) => {
      const tokens: { key?: string; value: string }[] = [];
      let i = 0;
      while (i < text.length) {
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (i >= text.length) break;
        let word = '';
        let key: string | undefined;
        while (i < text.length && !/\s/.test(text[i]!)) {
          const ch = text[i]!;
          if (QUOTES[ch]) {
            const end = text.indexOf(QUOTES[ch], i + 1);
            if (end < 0) return { code: 'unclosedQuote' };
            word += text.slice(i + 1, end);
            i = end + 1;
          } else if ((ch === '=' || ch === '＝') && key === undefined && /^[a-z][a-z0-9-]*$/i.test(word)) {
            key = word.toLowerCase();
            word = '';
            i++;
          } else {
            word += ch;
            i++;
          }
        }
        tokens.push(key === undefined ? { value: word } : { key, value: word });
      }
      return tokens;
    };
    const piece = fc.oneof(
      fc.constantFrom('=', '＝', ' ', '\u3000', '"', "'", '“', '”', '‘', '’', 'a', 'Z', '9', '-', '_', 'é', 'K', 'ſ', '😀', 'key', 'region=', 'x="a b"='),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenize(text)).toEqual(plainly(text));
      }),
      { numRuns: 3000 },
    );
  });

  // 150 KB of `=` took 46 s here when each `=` re-tested the whole word so far; linear, it takes milliseconds.
  // The bound is generous (two orders of magnitude above the linear time on a busy machine), not a benchmark.
  it.each([
    ['=', '='.repeat(150_000)],
    ['a=', 'a='.repeat(75_000)],
    ['a.', `${'a'.repeat(1000)}.${'='.repeat(149_000)}`],
    ['quotes', '"a"'.repeat(50_000)],
  ])('reads 150 KB of %s in one pass', (_name, text) => {
    const started = performance.now();
    const tokens = tokenize(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Array.isArray(tokens) && tokens.map((t) => t.value.length + (t.key?.length ?? 0)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

describe('hostile lengths', () => {
  it(`refuses a text over ${MAX_COMMAND_TEXT} characters before reading it, and takes one of exactly that length`, () => {
    expect(parseCommand('='.repeat(150_000))).toEqual({ ok: false, error: { code: 'textTooLong', length: 150_000, max: MAX_COMMAND_TEXT } });
    expect(parseCommand('a='.repeat(75_000))).toEqual({ ok: false, error: { code: 'textTooLong', length: 150_000, max: MAX_COMMAND_TEXT } });
    expect(parseCommand(`services ${'x'.repeat(MAX_COMMAND_TEXT - 'services '.length)}`)).toMatchObject({ ok: true, command: { name: 'services' } });
    expect(parseCommand(`services ${'x'.repeat(MAX_COMMAND_TEXT - 'services '.length + 1)}`)).toMatchObject({ ok: false, error: { code: 'textTooLong' } });
  });

  it('says the same as the full comparison for "did you mean", skipping words too long or too short to be within two edits', () => {
    expect(closest('desribe', ['describe', 'dns'])).toBe('describe');
    expect(closest('d', ['describe', 'dns'])).toBe('dns');
    expect(closest('d', ['describe'])).toBeUndefined();
    expect(closest('describe-all', ['describe', 'dns'])).toBeUndefined();
    expect(closest('Describe-', ['describe', 'dns'])).toBe('describe');
    expect(closest('x'.repeat(150_000), ['describe', 'dns'])).toBeUndefined();
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
