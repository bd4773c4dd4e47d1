/** The compare walkthrough's buttons: answer, Back, Start over, Share in channel. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { decide, nextQuestion } from '../../decision/engine.js';
import { decodeAnswers, type Answers, type QuestionKey } from '../../decision/questions.js';
import { reportDecision } from '../../decision/report.js';
import { messagesFor, type Messages } from '../../i18n.js';
import type { SlackMessage } from '../views/blocks.js';
import { COMPARE_ACTIONS, compareQuestionView, compareResultView } from '../views/compare.js';

/** The next question, or the result once no unanswered question could change it. */
export function compareView(answers: Answers, order: QuestionKey[], en: Messages = messagesFor('en')): SlackMessage {
  const key = nextQuestion(answers);
  return key ? compareQuestionView(answers, order, key, en) : compareResultView(reportDecision(decide(answers), en), answers, order, {}, en);
}

export function registerCompareActions(app: App): void {
  const showStep = async ({ ack, action, respond }: { ack: () => Promise<void>; action: BlockButtonAction['actions'][number]; respond: (m: object) => Promise<unknown> }) => {
    await ack();
    const { answers, order } = decodeAnswers(action.value ?? '');
    await respond({ replace_original: true, ...compareView(answers, order) });
  };
  app.action<BlockButtonAction>(new RegExp(`^${COMPARE_ACTIONS.answer}:`), showStep);
  app.action<BlockButtonAction>(COMPARE_ACTIONS.back, showStep);
  app.action<BlockButtonAction>(COMPARE_ACTIONS.restart, async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, ...compareView({}, []) });
  });
  app.action<BlockButtonAction>(COMPARE_ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const { answers, order } = decodeAnswers(action.value ?? '');
    const shared = compareResultView(reportDecision(decide(answers)), answers, order, { sharedBy: body.user.id });
    await respond({ response_type: 'in_channel', replace_original: false, ...shared });
  });
}
