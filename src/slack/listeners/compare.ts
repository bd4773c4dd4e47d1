/** The compare walkthrough's buttons: answer, Back, Start over, Share in channel, and the 2018 changes unfolded. */
import type { App, BlockButtonAction, Logger } from '@slack/bolt';
import type { BotServices } from '../services.js';
import { channelMessagesOf, userMessages } from './locale.js';
import { decide, nextQuestion } from '../../decision/engine.js';
import { decodeAnswers, type Answers, type QuestionKey } from '../../decision/questions.js';
import { reportDecision } from '../views/report.js';
import { messagesFor, type Messages } from '../../i18n.js';
import type { SlackMessage } from '../views/blocks.js';
import { COMPARE_ACTIONS, compareQuestionView, compareResultView } from '../views/compare.js';

/** The next question, or the result once no unanswered question could change it. */
export function compareView(answers: Answers, order: QuestionKey[], en: Messages = messagesFor('en')): SlackMessage {
  const key = nextQuestion(answers);
  return key ? compareQuestionView(answers, order, key, en) : compareResultView(reportDecision(decide(answers), en), answers, order, {}, en);
}

/** `services` gives each user their language (`lang`); without it (tests of the buttons alone) English. */
export function registerCompareActions(app: App, services?: Pick<BotServices, 'config' | 'preferences'>): void {
  const wordsFor = async (userId: string, logger: Logger): Promise<Messages> => (services ? userMessages(services, userId, logger) : messagesFor('en'));
  const showStep = async ({
    ack,
    action,
    body,
    respond,
    logger,
  }: {
    ack: () => Promise<void>;
    action: BlockButtonAction['actions'][number];
    body: BlockButtonAction;
    respond: (m: object) => Promise<unknown>;
    logger: Logger;
  }) => {
    await ack();
    const { answers, order } = decodeAnswers(action.value ?? '');
    await respond({ replace_original: true, ...compareView(answers, order, await wordsFor(body.user.id, logger)) });
  };
  app.action<BlockButtonAction>(new RegExp(`^${COMPARE_ACTIONS.answer}:`), showStep);
  app.action<BlockButtonAction>(COMPARE_ACTIONS.back, showStep);
  app.action<BlockButtonAction>(COMPARE_ACTIONS.restart, async ({ ack, body, respond, logger }) => {
    await ack();
    await respond({ replace_original: true, ...compareView({}, [], await wordsFor(body.user.id, logger)) });
  });
  // "Changed since 2018 (n)": the same result with those lines unfolded, in place.
  app.action<BlockButtonAction>(COMPARE_ACTIONS.changes, async ({ ack, action, body, respond, logger }) => {
    await ack();
    const { answers, order } = decodeAnswers(action.value ?? '');
    const en = await wordsFor(body.user.id, logger);
    await respond({ replace_original: true, ...compareResultView(reportDecision(decide(answers), en), answers, order, { showChanges: true }, en) });
  });
  app.action<BlockButtonAction>(COMPARE_ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const { answers, order } = decodeAnswers(action.value ?? '');
    // Posted for everyone in the channel: the channel's language (LOCALE).
    const en = services ? channelMessagesOf(services) : messagesFor('en');
    const shared = compareResultView(reportDecision(decide(answers), en), answers, order, { sharedBy: body.user.id }, en);
    await respond({ response_type: 'in_channel', replace_original: false, ...shared });
  });
}
