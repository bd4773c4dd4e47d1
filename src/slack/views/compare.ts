/** Block Kit views of the compare walkthrough: one question at a time, then the result card. */
import type { Button, KnownBlock } from '@slack/types';
import { decide, nextQuestion } from '../../decision/engine.js';
import type { OptionId } from '../../decision/options.js';
import { decodeAnswers, encodeAnswers, isSizingKey, question, type Answers, type QuestionKey, type SizingKey } from '../../decision/questions.js';
import type { CompareStep } from '../../jobs/job.js';
import type { ResponseUrlMessage } from '../respond.js';
import { claimSources, reportDecision, type DecisionReport } from './report.js';
import { messagesFor, type Messages } from '../../i18n.js';
import { code, escapeMrkdwn, link } from '../../mrkdwn.js';
import { actions, button, context, divider, escapeText, header, message, section, type SlackMessage } from './blocks.js';
import { count } from './money.js';
import { PRICING_PAGE } from '../../pricing/model.js';

export const COMPARE_ACTIONS = {
  answer: 'compare_answer',
  back: 'compare_back',
  restart: 'compare_restart',
  share: 'compare_share',
  changes: 'compare_changes',
} as const;

/** English when no catalog is given (the CLI's and the tests' default). */
const english = messagesFor('en');

function answerLabel(msg: Messages, key: QuestionKey | SizingKey, value: string): string {
  // The sizing answers (gb=, azs=, region=) have no labels: they show as typed.
  const labels: Readonly<Record<string, string>> | undefined = isSizingKey(key) ? undefined : msg.choiceLabels[key];
  return labels?.[value] ?? value;
}

function answersLine(msg: Messages, answers: Answers, order: readonly QuestionKey[]): string {
  return order
    .filter((key) => answers[key] !== undefined)
    .map((key) => `${msg.questionPrompts[key]} *${answerLabel(msg, key, String(answers[key]))}*`)
    .join('\n');
}

function navigation(m: Messages['compare'], answers: Answers, order: readonly QuestionKey[]): Button[] {
  if (order.length === 0) return [];
  const previous = order.slice(0, -1);
  const back = encodeAnswers(answers, previous);
  return [button(m.back, COMPARE_ACTIONS.back, back || '-'), button(m.startOver, COMPARE_ACTIONS.restart, '-')];
}

export function compareQuestionView(answers: Answers, order: readonly QuestionKey[], key: QuestionKey, msg: Messages = english): SlackMessage {
  const m = msg.compare;
  const prompt = msg.questionPrompts[key];
  const step = order.length + 1;
  const choices = question(key).choices.map((value) =>
    button(
      answerLabel(msg, key, value),
      `${COMPARE_ACTIONS.answer}:${key}:${value}`,
      encodeAnswers({ ...answers, [key]: key === 'vpcs' ? Number(value) : value }, [...order, key]),
    ),
  );
  const blocks: KnownBlock[] = [
    header(m.title),
    order.length > 0 ? section(`${m.answersSoFar}\n${answersLine(msg, answers, order)}`) : context(m.noAnswersYet),
    section(msg.punctuation.label(`*${m.step(step)}*`, prompt)),
    actions(`compare_q_${key}`, choices),
  ];
  const nav = navigation(m, answers, order);
  if (nav.length > 0) blocks.push(actions('compare_nav', nav));
  return message(`${m.title} ${prompt}`, blocks);
}

const bullets = (items: string[]) => items.map((item) => `• ${item}`).join('\n');

export interface ResultOptions {
  /** Set when the card is posted in the channel: who shared it; it then carries no buttons. */
  sharedBy?: string;
  /** The "changed since 2018" lines, folded behind a button until asked for (always shown on a shared card). */
  showChanges?: boolean;
}

/** The answers in one line: each question's word and the chosen label. */
function recapLine(msg: Messages, answers: Answers, order: readonly QuestionKey[]): string {
  const keys = [...order, ...(Object.keys(answers) as (QuestionKey | SizingKey)[]).filter((k) => !order.includes(k as QuestionKey))];
  return keys
    .filter((key) => answers[key] !== undefined)
    .map((key) => msg.punctuation.label(msg.questionLabels[key], `*${escapeMrkdwn(answerLabel(msg, key, String(answers[key])))}*`))
    .join(' · ');
}

/** A claim followed by the links to its own sources. */
function withSources(msg: Messages, text: string, facts: readonly string[]): string {
  const k = msg.cards;
  const links = claimSources(facts).map((url, i) => link(url, i === 0 ? k.source : `${k.source} ${i + 1}`));
  return links.length > 0 ? msg.punctuation.sources(text, links.join(msg.cards.separator)) : text;
}

/** What an open question would change the answer to: the option, plus its companions. */
function outcomeName(msg: Messages, recommendation: OptionId | null, alsoNeeded: readonly OptionId[] | undefined, current: OptionId | null): string {
  const m = msg.compare;
  const optionName = (id: OptionId) => msg.optionNames[id];
  if (!recommendation) return m.noRecommendation;
  const companions = (alsoNeeded ?? []).filter((id) => id !== recommendation);
  if (companions.length === 0 && recommendation === current) return m.alone(optionName(recommendation));
  return [recommendation, ...companions].map(optionName).join(' + ');
}

/** The monthly estimate of each option not ruled out, the break-evens, and what they are priced for (an estimate, not a quote). */
function moneyBlocks(report: DecisionReport, msg: Messages): KnownBlock[] {
  const k = msg.money;
  const priced = Object.entries(report.costs) as [OptionId, NonNullable<DecisionReport['costs'][OptionId]>][];
  if (priced.length === 0) return [];
  const lines = priced.map(([id, cost]) => {
    const [line, ...notes] = cost.lines;
    return `• ${msg.punctuation.label(`*${msg.optionNames[id]}*`, line ?? '')}${notes.length > 0 ? `\n      _${notes.join(' ')}_` : ''}`;
  });
  const blocks: KnownBlock[] = [section(`*${k.title}*\n${lines.join('\n')}`)];
  if (report.breakEven.length > 0) blocks.push(section(`*${k.breakEvenTitle}*\n${bullets(report.breakEven)}`));
  const p = report.pricing;
  const defaulted = p.defaulted.map((key) => `${key}=`).join(' ');
  const asOf = Object.values(report.costs).reduce((latest, c) => (c && c.asOf > latest ? c.asOf : latest), '');
  blocks.push(context(k.sizing(p.region, p.azs, count(p.gb), defaulted), k.disclaimer(asOf, PRICING_PAGE)));
  return blocks;
}

/** The report must have been worded with the same catalog (`reportDecision(decision, msg)`). */
export function compareResultView(
  report: DecisionReport,
  answers: Answers,
  order: readonly QuestionKey[],
  options: ResultOptions = {},
  msg: Messages = english,
): SlackMessage {
  const m = msg.compare;
  const optionName = (id: OptionId) => msg.optionNames[id];
  const title = report.recommendation
    ? msg.punctuation.label(m.recommendation, optionName(report.recommendation))
    : answers.target === undefined
      ? m.needTarget
      : m.noRecommendation;
  const k = msg.cards;
  const blocks: KnownBlock[] = [header(title)];
  const recap = recapLine(msg, answers, order);
  if (recap) blocks.push(context(msg.punctuation.label(k.recap, recap)));
  if (options.sharedBy) blocks.push(context(m.sharedBy(options.sharedBy)));
  if (report.alsoNeeded.length > 0) {
    blocks.push(
      section(
        `*${m.alsoNeeded}*\n${bullets(report.alsoNeeded.map((c) => withSources(msg, msg.punctuation.label(`*${optionName(c.option)}*`, c.reason), c.facts)))}`,
      ),
    );
  }
  if (report.reasons.length > 0) blocks.push(section(`*${m.why}*\n${bullets(report.reasons.map((r) => withSources(msg, r.text, r.facts)))}`));
  blocks.push(...moneyBlocks(report, msg));
  if (report.nextSteps.length > 0) {
    blocks.push(section(`*${m.nextSteps}*\n${report.nextSteps.map((s) => `${s.text}\n\`\`\`${escapeText(s.command)}\`\`\``).join('\n')}`));
  }
  if (report.caveats.length > 0) blocks.push(section(`*${m.caveats}*\n${bullets(report.caveats.map((c) => withSources(msg, c.text, c.facts)))}`));
  if (report.alternatives.length > 0)
    blocks.push(section(`*${m.alternatives}*\n${bullets(report.alternatives.map((a) => withSources(msg, a.text, a.facts)))}`));
  const others = report.ranked.slice(1);
  if (others.length > 0) blocks.push(section(`*${m.alsoPossible}*\n${bullets(others.map(optionName))}`));
  if (report.ruledOut.length > 0) {
    blocks.push(
      section(
        `*${m.ruledOut}*\n${bullets(report.ruledOut.map((r) => withSources(msg, msg.punctuation.label(`*${optionName(r.option)}*`, r.reason), r.facts)))}`,
      ),
    );
  }
  if (report.openQuestions.length > 0) {
    const lines = report.openQuestions.flatMap((q) =>
      q.changesTo.map((c) => m.wouldChange(q.key, c.value, outcomeName(msg, c.recommendation, c.alsoNeeded, report.recommendation))),
    );
    blocks.push(section(`*${m.openQuestions}*\n${bullets(lines)}`));
  }
  const changes = report.changedSince2018;
  if (changes.length > 0 && (options.showChanges || options.sharedBy)) {
    const lines = changes.map((c) => withSources(msg, `${m.in2018} _${escapeMrkdwn(c.was2018)}_ → ${m.since(c.changed)} ${escapeMrkdwn(c.today)}`, c.facts));
    blocks.push(section(`*${m.changedSince2018}*\n${bullets(lines)}`));
  } else if (changes.length > 0) {
    blocks.push(
      section(k.changesFolded(changes.length), button(k.changesButton(changes.length), COMPARE_ACTIONS.changes, encodeAnswers(answers, order) || '-')),
    );
  }
  blocks.push(divider());
  const rerun = `/privatelink compare ${encodeAnswers(answers, order)}`.trim();
  blocks.push(context(`${m.rerun} ${code(rerun)}`, m.factsAsOf(report.factsAsOf)));
  if (!options.sharedBy) {
    blocks.push(
      actions('compare_result', [button(m.share, COMPARE_ACTIONS.share, encodeAnswers(answers, order) || '-', 'primary'), ...navigation(m, answers, order)]),
    );
  }
  return message(title, blocks);
}

/** The next question, or the result once no unanswered question could change it. */
export function compareView(answers: Answers, order: QuestionKey[], en: Messages = english): SlackMessage {
  const key = nextQuestion(answers);
  return key ? compareQuestionView(answers, order, key, en) : compareResultView(reportDecision(decide(answers), en), answers, order, {}, en);
}

/**
 * What a compare click posts to its response_url: the walkthrough's next step in place of the clicked message, or
 * (Share) the result for the whole channel, naming `user` who shared it. `msg` is the clicker's words, or the
 * channel's for a Share. Pure: the listener and the worker (the `compare` job) post the same answer.
 */
export function compareStepAnswer(step: CompareStep, value: string, user: string, msg: Messages): ResponseUrlMessage {
  const { answers, order } = step === 'restart' ? { answers: {}, order: [] } : decodeAnswers(value);
  switch (step) {
    case 'answer':
    case 'back':
    case 'restart':
      return { replace_original: true, ...compareView(answers, order, msg) };
    case 'changes':
      // "Changed since 2018 (n)": the same result with those lines unfolded, in place.
      return { replace_original: true, ...compareResultView(reportDecision(decide(answers), msg), answers, order, { showChanges: true }, msg) };
    case 'share':
      return {
        response_type: 'in_channel',
        replace_original: false,
        ...compareResultView(reportDecision(decide(answers), msg), answers, order, { sharedBy: user }, msg),
      };
  }
}
