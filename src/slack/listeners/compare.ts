/** The compare walkthrough's buttons: answer, Back, Start over, Share in channel, and the 2018 changes unfolded. */
import type { App, BlockButtonAction, Logger } from '@slack/bolt';
import type { BotServices } from '../services.js';
import type { CompareStep, Job } from '../../jobs/job.js';
import { COMPARE_ACTIONS, compareStepAnswer } from '../views/compare.js';
import { postToResponseUrl } from '../respond.js';
import { inTimeOf } from '../in-time.js';

export function registerCompareActions(app: App, services: BotServices): void {
  const apiUrl = services.config.slack?.apiUrl;
  /**
   * The next step is posted while Slack waits, until the hand-off deadline; one not posted by then (Slack slow or
   * refusing) goes to the worker, which posts the same answer. A Share is posted in the channel by the worker
   * alone: a message everyone sees is posted once, never raced against a late first attempt.
   */
  const onClick =
    (step: CompareStep) =>
    async ({
      ack,
      action,
      body,
      logger,
      context,
    }: {
      ack: () => Promise<void>;
      action: { value?: string };
      body: BlockButtonAction;
      logger: Logger;
      context: Record<string, unknown>;
    }) => {
      await ack();
      const inTime = inTimeOf(context);
      const user = body.user.id;
      const value = action.value ?? '';
      inTime.expectHandOff();
      const handOver = async (job: Job) => {
        if (!(await inTime.handOff(job))) logger.error(`compare ${step}: the answer could not be handed over in time`);
      };
      if (step === 'share') return handOver({ kind: 'compare', step, value, user, responseUrl: body.response_url });
      const language = await inTime.language();
      const answer = compareStepAnswer(step, value, user, language.msg);
      const posted = await inTime
        .beforeAnswer((signal) => postToResponseUrl(body.response_url, answer, apiUrl, signal))
        .catch(
          (error: unknown) =>
            void logger.warn(
              `compare ${step}: the answer could not be posted (${error instanceof Error ? error.message : String(error)}); the worker posts it`,
            ),
        );
      if (posted) return;
      return handOver({ kind: 'compare', step, value, user, responseUrl: body.response_url, ...language.field });
    };
  app.action<BlockButtonAction>(new RegExp(`^${COMPARE_ACTIONS.answer}:`), onClick('answer'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.back, onClick('back'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.restart, onClick('restart'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.changes, onClick('changes'));
  app.action<BlockButtonAction>(COMPARE_ACTIONS.share, onClick('share'));
}
