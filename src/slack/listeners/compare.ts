/** The compare walkthrough's buttons: answer, Back, Start over, Share in channel, and the 2018 changes unfolded. */
import type { App, BlockButtonAction, Logger } from '@slack/bolt';
import type { BotServices } from '../services.js';
import { localeField, userLocale } from './locale.js';
import { decide, nextQuestion } from '../../decision/engine.js';
import { decodeAnswers, type Answers, type QuestionKey } from '../../decision/questions.js';
import { SLACK_BUDGET, settleBy } from '../../deadline.js';
import type { CompareStep, Job } from '../../jobs/job.js';
import { reportDecision } from '../views/report.js';
import { messagesFor, type Messages } from '../../i18n.js';
import type { SlackMessage } from '../views/blocks.js';
import { COMPARE_ACTIONS, compareQuestionView, compareResultView } from '../views/compare.js';
import { postToResponseUrl, type ResponseUrlMessage } from '../respond.js';
import { arrivalOf, clockOf, handOff, prepareHandOff } from './in-time.js';

/** The next question, or the result once no unanswered question could change it. */
export function compareView(answers: Answers, order: QuestionKey[], en: Messages = messagesFor('en')): SlackMessage {
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

export function registerCompareActions(app: App, services: BotServices): void {
  const apiUrl = services.config.slack?.apiUrl;
  /**
   * The next step is posted while Slack waits, until the hand-off deadline; one not posted by then (Slack slow or
   * refusing) goes to the worker, which posts the same answer. A Share is posted in the channel by the worker
   * alone: a message everyone sees is posted once, never raced against a late first attempt.
   */
  const onClick = (step: CompareStep) => {
    return async ({
      ack,
      action,
      body,
      logger,
      context,
    }: {
      ack: () => Promise<void>;
      action: BlockButtonAction['actions'][number];
      body: BlockButtonAction;
      logger: Logger;
      context: Record<string, unknown>;
    }) => {
      await ack();
      const clock = clockOf(services);
      const arrivedAt = arrivalOf(context, clock);
      const user = body.user.id;
      const value = action.value ?? '';
      prepareHandOff(services);
      const handOver = async (job: Job) => {
        if (!(await handOff(services, job, arrivedAt))) logger.error(`compare ${step}: the answer could not be handed over in time`);
      };
      if (step === 'share') return handOver({ kind: 'compare', step, value, user, responseUrl: body.response_url });
      const { locale } = await userLocale(services, user, logger);
      const answer = compareStepAnswer(step, value, user, messagesFor(locale));
      const posted = await settleBy(clock, arrivedAt + SLACK_BUDGET.handOff, (signal) => postToResponseUrl(body.response_url, answer, apiUrl, signal)).catch(
        (error: unknown) =>
          void logger.warn(`compare ${step}: the answer could not be posted (${error instanceof Error ? error.message : String(error)}); the worker posts it`),
      );
      if (posted) return;
      return handOver({ kind: 'compare', step, value, user, responseUrl: body.response_url, ...localeField(services, locale) });
    };
  };
  app.action<BlockButtonAction>(new RegExp(`^${COMPARE_ACTIONS.answer}:`), onClick('answer'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.back, onClick('back'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.restart, onClick('restart'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.changes, onClick('changes'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.share, onClick('share'));
}
