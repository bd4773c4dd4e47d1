/** The `requests` list's More button: the next page, in place of the page the user clicked on. */
import type { App, BlockButtonAction } from '@slack/bolt';
import type { Job } from '../../jobs/job.js';
import type { BotServices } from '../services.js';
import { refusalText } from '../readers.js';
import { ephemeralNote } from '../views/blocks.js';
import { LIST_ACTIONS } from '../views/requests.js';
import { requestsPage } from '../pages.js';
import { postToResponseUrl, type ResponseUrlMessage } from '../respond.js';
import { inTimeOf } from '../in-time.js';

export function registerListActions(app: App, services: BotServices): void {
  const apiUrl = services.config.slack?.apiUrl;
  app.action<BlockButtonAction>(LIST_ACTIONS.more, async ({ ack, action, body, logger, context }) => {
    await ack();
    const inTime = inTimeOf(context);
    inTime.expectHandOff();
    // The user's language and the reader check (the same as `/privatelink requests`'s, for whoever clicks), at once.
    const reader = inTime.mayRead('requests');
    const language = await inTime.language();
    /** Posted while Slack waits, until the hand-off deadline; false when it was not (Slack slow or refusing). */
    const post = async (message: ResponseUrlMessage): Promise<boolean> => {
      const posted = await inTime
        .beforeAnswer((signal) => postToResponseUrl(body.response_url, message, apiUrl, signal))
        .catch((error: unknown) => void logger.warn(`requests: a page could not be posted (${error instanceof Error ? error.message : String(error)})`));
      return Boolean(posted);
    };
    const access = await reader;
    if (access !== 'allowed') {
      await post(ephemeralNote(refusalText(access, language.msg)));
      return;
    }
    // The page in time, or by the worker (it posts the same page in place: a late first post does no harm).
    const job: Job = { kind: 'requests-page', value: action.value ?? '', user: body.user.id, responseUrl: body.response_url, ...language.field };
    const read = await inTime
      .inline(() => requestsPage(services.store, job.value, services.now(), language.msg))
      .catch((error: unknown) => void logger.error('requests: the next page could not be read', error));
    if (read && (await post(read.value))) return;
    if (!(await inTime.handOff(job))) logger.error('requests: the next page could not be handed over in time');
  });
}
