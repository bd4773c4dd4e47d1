import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/decision/engine.js';
import { QUESTIONS, type Answers } from '../../src/decision/questions.js';
import { reportDecision } from '../../src/slack/views/report.js';
import { LIMITS, capBlocks, context, escapeText, section, sections } from '../../src/slack/views/blocks.js';
import { compareQuestionView, compareResultView } from '../../src/slack/views/compare.js';
import { helpView, parseErrorView } from '../../src/slack/views/help.js';
import { blocksToText } from '../../src/slack/views/text.js';
import { newRequest, transition } from '../../src/requests/model.js';
import { createModal, requestMessage, requestsListView, statusView } from '../../src/slack/views/requests.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';

/** Any set of answers, each question answered or not, with any of its values (and any VPC count). */
const anyAnswers: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(QUESTIONS.map((q) => [q.key, q.key === 'vpcs' ? fc.integer({ min: 2, max: 500 }) : fc.constantFrom(...q.choices)])),
  { requiredKeys: [] },
) as fc.Arbitrary<Answers>;

describe('Block Kit limits', () => {
  it('keeps a section of exactly 3,000 characters and truncates 3,001', () => {
    expect(section('x'.repeat(3000)).text!.text).toHaveLength(3000);
    const cut = section('x'.repeat(3001)).text!.text;
    expect(cut).toHaveLength(3000);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('keeps 50 blocks and folds the 51st into a note', () => {
    const fifty = Array.from({ length: 50 }, () => context('x'));
    expect(capBlocks(fifty, (n) => `${n} more`)).toHaveLength(50);
    const capped = capBlocks([...fifty, context('y')], (n) => `${n} more`);
    expect(capped).toHaveLength(50);
    expect(capped[49]).toEqual(context('2 more'));
  });

  it('splits long text into sections at line breaks', () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} ${'y'.repeat(40)}`).join('\n');
    const parts = sections(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(parts.map((p) => p.text!.text).join('\n')).toBe(text);
  });

  it('keeps every walkthrough step and result within limits, whatever the answers', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const order = QUESTIONS.map((q) => q.key).filter((k) => answers[k] !== undefined);
        expectWithinBlockKitLimits(compareResultView(reportDecision(decide(answers)), answers, order));
        for (const q of QUESTIONS) expectWithinBlockKitLimits(compareQuestionView(answers, order, q.key));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps help and errors within limits', () => {
    expectWithinBlockKitLimits(helpView());
    expectWithinBlockKitLimits(parseErrorView({ code: 'unknownCommand', word: 'x'.repeat(10_000) }));
  });
});

describe('escaping', () => {
  it('neutralises Slack markup in user text', () => {
    expect(escapeText('<!channel> & <@U123> <https://evil|ok>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|ok&gt;');
  });

  it('escapes the word echoed in a parse error', () => {
    const view = parseErrorView({ code: 'unknownCommand', word: '<!channel>' });
    expect(JSON.stringify(view)).not.toContain('<!channel>');
    expect(JSON.stringify(view)).toContain('&lt;!channel&gt;');
  });
});

describe('text rendering for the terminal', () => {
  it('turns blocks into readable text', () => {
    const text = blocksToText(compareResultView(reportDecision(decide({ target: 'saas' })), { target: 'saas' }, ['target']).blocks);
    expect(text).toContain('Recommendation: Interface endpoint (PrivateLink)\n====');
    expect(text).toContain('• Partner and Marketplace SaaS');
    expect(text).not.toContain('<https');
  });
});

describe('request views at their limits', () => {
  const at = new Date('2026-11-29T10:00:00Z');
  const big = newRequest({
    id: 'plr-0123456789',
    requester: 'U0ALICE',
    reason: `${'<!channel> '.repeat(45)}`.slice(0, 500),
    params: {
      region: 'ap-northeast-1',
      serviceName: `com.amazonaws.vpce.ap-northeast-1.vpce-svc-${'0'.repeat(17)}`,
      vpcId: 'vpc-0123456789abcdef0',
      subnetIds: Array.from({ length: 16 }, (_, i) => `subnet-${i.toString(16).padStart(17, '0')}`),
      securityGroupIds: Array.from({ length: 5 }, (_, i) => `sg-${i.toString(16).padStart(17, '0')}`),
      privateDns: 'inbound-only',
      ipAddressType: 'dualstack',
      ports: Array.from({ length: 16 }, (_, i) => 60000 + i),
      serviceRegion: 'us-east-1',
    },
    preflight: Array.from({ length: 12 }, () => ({
      check: 'subnets' as const,
      status: 'fail' as const,
      code: 'subnetAzUnsupported',
      values: { subnets: 'subnet-x '.repeat(200), azs: 'az '.repeat(50) },
    })),
    now: at,
    ttlHours: 24,
  });

  it('keeps the largest approval message, its status and a long list within limits, with user text escaped', () => {
    let request = big;
    for (let i = 0; i < 3; i++)
      request = transition(request, ['approved', 'creating', 'failed'][i] as 'approved', 'U0BOB', at, {
        failure: { code: 'InvalidParameter', message: '<@U0EVIL> '.repeat(300) },
      });

    for (const view of [
      requestMessage(big),
      requestMessage(request),
      statusView(request),
      requestsListView(
        Array.from({ length: 50 }, () => big),
        'all',
        at,
      ),
    ]) {
      expectWithinBlockKitLimits(view);
      expect(JSON.stringify(view)).not.toMatch(/<!channel>|<@U0EVIL>/);
    }
  });

  it("keeps the create form within a modal's limits", () => {
    const modal = createModal({ region: 'ap-northeast-1' });
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.submit!.text.length).toBeLessThanOrEqual(24);
  });
});
