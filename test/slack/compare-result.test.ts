/**
 * The compare result at a glance (issue 15 item 2): led by the recommendation and a recap of the answers, each
 * claim with its own source, the 2018 changes folded behind a button, and the facts in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import { decide } from '../../src/decision/engine.js';
import { fact } from '../../src/decision/facts.js';
import { FACT_TEXT_JA } from '../../src/decision/facts.ja.js';
import type { Answers, QuestionKey } from '../../src/decision/questions.js';
import { reportDecision } from '../../src/slack/views/report.js';
import { createSlackHandler } from '../../src/handler.js';
import { messagesFor } from '../../src/i18n.js';
import { COMPARE_ACTIONS, compareResultView } from '../../src/slack/views/compare.js';
import { TEST_CONFIG, apiGatewayV1Event, blockActionBody, blockText, captureResponseUrl, quietLogger, recordingJobs } from '../helpers/slack.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';

const en = messagesFor('en');
const ja = messagesFor('ja');
// S3 from on-premises: an interface endpoint with inbound-only private DNS, three changes since 2018.
const answers: Answers = { target: 'aws-service', service: 's3', onprem: 'yes' };
const order: QuestionKey[] = ['target', 'service', 'onprem'];
const sectionTexts = (blocks: KnownBlock[]) => blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
const accessoryOf = (blocks: KnownBlock[], actionId: string) =>
  blocks.flatMap((b) => (b.type === 'section' && b.accessory && 'action_id' in b.accessory ? [b.accessory] : [])).find((a) => a.action_id === actionId) as
    | { value: string; text: { text: string } }
    | undefined;

describe('the compare result', () => {
  const decision = decide(answers);
  const report = reportDecision(decision, en);

  it('opens with the recommendation, then one line recapping the answers', () => {
    const { blocks } = compareResultView(report, answers, order, {}, en);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Recommendation: Interface endpoint (PrivateLink)' } });
    expect(blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Your answers: target: *An AWS API (S3, Kinesis, …)* · service: *S3* · onprem: *Yes*' }],
    });
  });

  it("ties each reason and caveat to its own fact's source, with no row of numbered sources", () => {
    const { blocks } = compareResultView(report, answers, order, {}, en);
    const why = sectionTexts(blocks).find((t) => t.startsWith(`*${en.compare.why}*`))!;
    const bullets = why.split('\n').slice(1);
    expect(bullets).toHaveLength(report.reasons.length);
    report.reasons.forEach((reason, i) => {
      for (const id of reason.facts) expect(bullets[i]).toContain(`<${fact(id).source}|source`);
    });
    const caveats = sectionTexts(blocks).find((t) => t.startsWith(`*${en.compare.caveats}*`))!;
    expect(
      caveats
        .split('\n')
        .slice(1)
        .filter((line) => line.includes('|source>')),
    ).not.toHaveLength(0);
    expect(blockText({ blocks })).not.toMatch(/\|\[1\]>|Sources:/);
  });

  it('folds the 2018 changes behind a button that carries the answers, and unfolds them on request and when shared', () => {
    expect(decision.changedSince2018.length).toBeGreaterThan(0);
    const folded = compareResultView(report, answers, order, {}, en).blocks;
    expect(blockText({ blocks: folded })).not.toContain(en.compare.changedSince2018);
    const button = accessoryOf(folded, COMPARE_ACTIONS.changes)!;
    expect(button.text.text).toBe(`Changed since 2018 (${decision.changedSince2018.length})`);
    expect(button.value).toBe('target=aws-service service=s3 onprem=yes');

    for (const options of [{ showChanges: true }, { sharedBy: 'U0BOB' }]) {
      const open = compareResultView(report, answers, order, options, en).blocks;
      const changes = sectionTexts(open).find((t) => t.startsWith(`*${en.compare.changedSince2018}*`))!;
      for (const id of decision.changedSince2018) {
        expect(changes).toContain(`<${fact(id).source}|source>`);
        expect(changes).toContain(fact(id).today.slice(0, 40));
      }
      expect(accessoryOf(open, COMPARE_ACTIONS.changes)).toBeUndefined();
      expectWithinBlockKitLimits({ blocks: open });
    }
  });

  it('in Japanese: the facts of the 2018 changes in Japanese, dates in the Japanese form, the recap and buttons in Japanese', () => {
    const jaReport = reportDecision(decision, ja);
    const open = compareResultView(jaReport, answers, order, { showChanges: true }, ja).blocks;
    const changes = sectionTexts(open).find((t) => t.startsWith(`*${ja.compare.changedSince2018}*`))!;
    for (const id of decision.changedSince2018) {
      const words = FACT_TEXT_JA[id as keyof typeof FACT_TEXT_JA] as { today: string };
      expect(changes).toContain(words.today.slice(0, 20));
      expect(changes).not.toContain(fact(id).today.slice(0, 30));
    }
    expect(changes).toMatch(/\d{4} 年/);
    expect(changes).toContain('|出典>');
    expect(JSON.stringify(open[1])).toContain('回答：');
    expect(jaReport.factsAsOf).toMatch(/^\d{4} 年/);
    const folded = compareResultView(jaReport, answers, order, {}, ja).blocks;
    expect(accessoryOf(folded, COMPARE_ACTIONS.changes)!.text.text).toBe(`2018 年以降の変更点（${decision.changedSince2018.length} 件）`);
  });

  it('keeps the JSON report in English whatever the language (the CLI prints reportDecision(…, en))', () => {
    expect(reportDecision(decision, en).changedSince2018.map((c) => c.today)).toEqual(decision.changedSince2018.map((id) => fact(id).today));
  });

  it('unfolds the 2018 changes in place when the button is clicked, through the Lambda handler', async () => {
    const handler = createSlackHandler(TEST_CONFIG, { jobs: recordingJobs(), logger: quietLogger() });
    const calls = captureResponseUrl();
    await handler(apiGatewayV1Event(blockActionBody(COMPARE_ACTIONS.changes, 'target=aws-service service=s3 onprem=yes')), {});
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ replace_original: true });
    expect(blockText(calls[0]!.body)).toContain(en.compare.changedSince2018);
  });
});
