/**
 * compare shows money: `--json` carries `costs` keyed by option id for every option not ruled out (product.md,
 * "Money"), the break-evens and what the estimates are priced for; the card shows them within Block Kit's limits and
 * says they are estimates, with the pricing page; `gb=`, `azs=` and `region=` are typed answers with stated defaults.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { parseCommand } from '../../src/commands/parse.js';
import { decide } from '../../src/decision/engine.js';
import { decodeAnswers, encodeAnswers, type Answers } from '../../src/decision/questions.js';
import { messagesFor } from '../../src/i18n.js';
import { compareResultView } from '../../src/slack/views/compare.js';
import { reportDecision } from '../../src/slack/views/report.js';
import { blocksToText } from '../../src/slack/views/text.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';

async function compareJson(args: string[]) {
  let stdout = '';
  const code = await runCli(['compare', ...args, '--json'], { stdout: (t) => (stdout += t), stderr: () => {}, env: {} });
  expect(code).toBe(0);
  return JSON.parse(stdout) as ReturnType<typeof reportDecision>;
}

describe('compare --json', () => {
  it('carries costs for every option not ruled out, as product.md specifies', async () => {
    const json = await compareJson(['target=own-service', 'vpcs=11', 'overlap=no', 'gb=500']);
    const notRuledOut = [...json.ranked, ...json.alsoNeeded.map((c) => c.option)].sort();
    expect(Object.keys(json.costs).sort()).toEqual(notRuledOut);
    expect(json.costs['endpoint-service']).toEqual({
      monthlyUsd: 151,
      monthly: 151,
      currency: 'USD',
      lines: ['10 endpoints × 2 AZs × 730 h × $0.01 + 500 GB × $0.01 = $151.00 / month', "The provider's Network Load Balancer is billed on top."],
      asOf: '2026-12-07',
      source: 'https://aws.amazon.com/privatelink/pricing/',
      sources: expect.arrayContaining(['https://aws.amazon.com/privatelink/pricing/']),
    });
    for (const ruled of json.ruledOut) expect(json.costs[ruled.option]).toBeUndefined();
    expect(json.breakEven).toHaveLength(2);
    expect(json.pricing).toEqual({ region: 'us-east-1', azs: 2, gb: 500, defaulted: ['azs', 'region'] });
  });

  it('is the same in every language: English words, the same numbers', async () => {
    let ja = '';
    await runCli(['compare', 'target=aws-service', 'service=s3', '--json', '--lang', 'ja'], { stdout: (t) => (ja += t), stderr: () => {}, env: {} });
    expect(JSON.parse(ja)).toEqual(await compareJson(['target=aws-service', 'service=s3']));
  });
});

describe('the sizing answers', () => {
  it('parse as compare answers that are not walkthrough steps, and survive a button round trip', () => {
    const parsed = parseCommand('compare target=aws-service service=kinesis-streams gb=200 azs=3 region=ap-northeast-1');
    expect(parsed).toEqual({
      ok: true,
      command: {
        name: 'compare',
        answers: { target: 'aws-service', service: 'kinesis-streams', gb: 200, azs: 3, region: 'ap-northeast-1' },
        order: ['target', 'service'],
      },
    });
    if (!parsed.ok || parsed.command.name !== 'compare') throw new Error('parsed');
    const encoded = encodeAnswers(parsed.command.answers, parsed.command.order);
    expect(encoded).toBe('target=aws-service service=kinesis-streams gb=200 azs=3 region=ap-northeast-1');
    expect(decodeAnswers(encoded)).toEqual({ answers: parsed.command.answers, order: ['target', 'service'] });
  });

  it('refuses values that are not a size or a known region', () => {
    for (const [text, key] of [
      ['compare gb=lots', 'gb'],
      ['compare gb=-5', 'gb'],
      ['compare azs=0', 'azs'],
      ['compare azs=7', 'azs'],
    ] as const) {
      expect(parseCommand(text)).toMatchObject({ ok: false, error: { code: 'badValue', command: 'compare', key } });
    }
    expect(parseCommand('compare region=mars-1')).toMatchObject({ ok: false, error: { code: 'badRegion', command: 'compare', value: 'mars-1' } });
  });

  it('change no recommendation', () => {
    const base: Answers = { target: 'whole-vpc', vpcs: 5, overlap: 'no' };
    const sized = decide({ ...base, gb: 50_000, azs: 3, region: 'eu-central-1' });
    const plain = decide(base);
    expect({ ...sized, costs: undefined }).toEqual({ ...plain, costs: undefined });
  });
});

describe('the compare card', () => {
  it('shows each estimate, the break-evens and the assumptions, says they are estimates and links the pricing page', () => {
    const answers: Answers = { target: 'own-service', vpcs: 11, overlap: 'no' };
    for (const lang of ['en', 'ja'] as const) {
      const msg = messagesFor(lang);
      const view = compareResultView(reportDecision(decide(answers), msg), answers, ['target', 'vpcs', 'overlap'], {}, msg);
      expectWithinBlockKitLimits(view);
      const text = blocksToText(view.blocks);
      expect(text).toContain(msg.money.title);
      expect(text).toContain('10 ');
      expect(text).toContain('$147.00');
      expect(text).toContain('6,570 GB');
      expect(JSON.stringify(view.blocks)).toContain('<https://aws.amazon.com/privatelink/pricing/|');
    }
    const text = blocksToText(compareResultView(reportDecision(decide(answers)), answers, ['target', 'vpcs', 'overlap']).blocks);
    expect(text).toContain('Priced for us-east-1, 2 AZs per endpoint, 100 GB a month (assumed: set gb= azs= region= to change).');
    expect(text).toContain('Estimates, not a quote');
  });

  it('shows no money before there is an option to price', () => {
    const view = compareResultView(reportDecision(decide({})), {}, []);
    expect(blocksToText(view.blocks)).not.toContain('Monthly estimate');
  });
});

describe('the terminal text', () => {
  it('turns the command word into the terminal one without touching links that hold /privatelink', async () => {
    let stdout = '';
    await runCli(['compare', 'target=aws-service', 'service=s3'], { stdout: (t) => (stdout += t), stderr: () => {}, env: {} });
    expect(stdout).toContain('https://aws.amazon.com/privatelink/pricing/');
    expect(stdout).toContain('https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html');
    expect(stdout).toContain('Run again with: privatelink compare target=aws-service service=s3');
  });
});
