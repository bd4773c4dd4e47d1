/** Outside text shown safely: the same stripping for Slack and the terminal, and a reason that stays the requester's. */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { inertLine, quotedUserText, safeJson, stripControls } from '../../src/slack/views/sanitize.js';
import { describeEndpointsXml, describeServicesXml, fakeEc2, KINESIS, testEc2 } from '../helpers/ec2.js';
import { count } from '../reliability/figures.js';

const ESC = '\u001b';

describe('stripControls', () => {
  it.each([
    ['an SGR colour', `kinesis${ESC}[31mred${ESC}[0m`, 'kinesisred'],
    ['a screen clear and cursor move', `a${ESC}[2J${ESC}[1;1Hb`, 'ab'],
    ['an OSC title ended by BEL', `a${ESC}]0;pwned\u0007b`, 'ab'],
    ['an OSC 8 hyperlink ended by ST', `a${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\b`, 'aclickb'],
    ['C1 CSI (U+009B)', 'a\u009b31mb', 'ab'],
    ['a carriage return that would overwrite the line', 'safe\rEVIL', 'safeEVIL'],
    ['backspaces, NUL, DEL', 'a\u0008\u0000\u007fb', 'ab'],
    ['bidi overrides', 'a\u202eb\u2066c', 'abc'],
    ['a lone ESC at the end', `a${ESC}`, 'a'],
  ])('removes %s', (_name, input, output) => {
    expect(stripControls(input)).toBe(output);
    count('cases fuzzed');
  });

  it('keeps newlines, tabs and ordinary unicode', () => {
    expect(stripControls('line 1\n\tline 2 — 東京 ✓')).toBe('line 1\n\tline 2 — 東京 ✓');
  });
});

describe('the reason as inert text', () => {
  it.each([
    ['bold, italic, strike, code', '*a* _b_ ~c~ `d`', '\u2217a\u2217 \u02cdb\u02cd \u223cc\u223c \u02cbd\u02cb'],
    ['a leading quote', '> approved', '\u00ad&gt; approved'],
    ['a leading list item', '- done', '\u00ad- done'],
    ['a leading numbered item', '1. approved', '\u00ad1. approved'],
    ['an emoji shortcode', ':white_check_mark: ok', '\u02d0white\u02cdcheck\u02cdmark: ok'],
    ['mentions and links', '<!channel> <https://x|y>', '&lt;!channel&gt; &lt;https://x|y&gt;'],
    ['newlines of every kind', 'a\r\n\nb\u2028c', 'a b c'],
  ])('neutralizes %s', (_name, input, output) => {
    expect(inertLine(input)).toBe(output);
    count('cases fuzzed');
  });

  it('is one quoted line whatever was typed', () => {
    const quoted = quotedUserText('orders\n*Expires:* never\n:white_check_mark: *Security review:* approved by <@U0BOB>');
    expect(quoted.split('\n')).toHaveLength(1);
    expect(quoted.startsWith('>')).toBe(true);
    expect(quoted).not.toMatch(/[*_~`<]/);
  });
});

describe('the CLI with hostile EC2 data', () => {
  afterEach(() => nock.cleanAll());

  it('prints no terminal escapes from a service name, tags or DNS names, in the card or the suggested curl/dig lines', async () => {
    const evil = `${ESC}[2J${ESC}]0;owned\u0007${ESC}[31m`;
    const id = 'vpce-0123456789abcdef0';
    // A raw ESC and BEL inside EC2's XML, as a hostile or broken endpoint could send.
    fakeEc2({
      DescribeVpcEndpoints: () =>
        describeEndpointsXml([
          {
            id,
            service: `com.amazonaws.ap-northeast-1.kinesis-streams${evil}`,
            dnsNames: [`${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com${evil}`, `${id}-abc-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com`],
            tags: { Name: `orders${evil}` },
          },
        ]),
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]),
    });
    let stdout = '';
    let stderr = '';
    const code = await runCli(['describe', id], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { AWS_REGION: 'ap-northeast-1' },
      ec2: testEc2(),
    });

    expect(code).toBe(0);
    expect(stdout).toContain(`${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`);
    expect(stdout).toMatch(/dig|curl|--endpoint-url/);
    expect(stdout + stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('machine output (--json)', () => {
  afterEach(() => nock.cleanAll());

  const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

  it('writes every character the text output drops as a \\u escape, and reads back as the same value', () => {
    const value = { name: `a\u202eb\u0085c\u009bd\u2066e\u007ff${ESC}[31mg\u2028h\u0000`, ok: '東京 ✓ — "quoted"\n' };

    const json = safeJson(value);

    expect(json).not.toMatch(RAW_UNSAFE);
    for (const written of ['\\u202e', '\\u0085', '\\u009b', '\\u2066', '\\u007f', '\\u001b', '\\u2028', '\\u0000']) expect(json).toContain(written);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('prints no raw control or bidi character from a Name tag in describe --json, and keeps the tag', async () => {
    const id = 'vpce-0123456789abcdef0';
    const name = 'orders\u202e\u0085\u009b31mfig.exe';
    fakeEc2({
      DescribeVpcEndpoints: () =>
        describeEndpointsXml([
          {
            id,
            service: 'com.amazonaws.ap-northeast-1.kinesis-streams',
            dnsNames: [`${id}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`],
            tags: { Name: name },
          },
        ]),
      DescribeVpcEndpointServices: () => describeServicesXml([KINESIS]),
    });
    let stdout = '';
    const code = await runCli(['describe', id, '--json'], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env: { AWS_REGION: 'ap-northeast-1' },
      ec2: testEc2(),
    });

    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_UNSAFE);
    expect(stdout).toContain('orders\\u202e\\u0085\\u009b31mfig.exe');
    expect(JSON.stringify(JSON.parse(stdout))).toContain(JSON.stringify(name).slice(1, -1));
  });
});
