/** The `requests` list's More button: the next page, in place of the page the user clicked on. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { SLACK_BUDGET, settleBy } from '../../deadline.js';
import type { Messages } from '../../i18n.js';
import type { Job } from '../../jobs/job.js';
import type { RequestStore } from '../../requests/store.js';
import type { BotServices } from '../services.js';
import { refusalText } from '../readers.js';
import { ephemeralNote } from '../views/blocks.js';
import { LIST_ACTIONS, REQUESTS_LISTED, parseListPageValue, requestsListView } from '../views/requests.js';
import { postToResponseUrl, type ResponseUrlMessage } from '../respond.js';
import { arrivalOf, clockOf, handOff, prepareHandOff, readerCheckInTime } from './in-time.js';
import { localeField, userLocale } from './locale.js';
import { messagesFor } from '../../i18n.js';

/** The page a More button names (`value`: filter and offset), read from the store; shown in place of the clicked one. */
export async function requestsPage(store: Pick<RequestStore, 'list'>, value: string, now: Date, msg: Messages): Promise<ResponseUrlMessage> {
  const { filter, offset } = parseListPageValue(value);
  const requests = await store.list({ openOnly: filter === 'pending', limit: REQUESTS_LISTED });
  return { response_type: 'ephemeral', replace_original: true, ...requestsListView(requests, filter, now, msg, offset) };
}

export function registerListActions(app: App, services: BotServices): void {
  const apiUrl = services.config.slack?.apiUrl;
  app.action<BlockButtonAction>(LIST_ACTIONS.more, async ({ ack, action, body, client, logger, context }) => {
    await ack();
    const clock = clockOf(services);
    const arrivedAt = arrivalOf(context, clock);
    const user = body.user.id;
    prepareHandOff(services);
    // The user's language and the reader check (the same as `/privatelink requests`'s, for whoever clicks), at once.
    const language = userLocale(services, user, logger);
    const reader = readerCheckInTime(services, 'requests', user, client, logger, arrivedAt);
    const { locale } = await language;
    const en = messagesFor(locale);
    /** Posted while Slack waits, until the hand-off deadline; false when it was not (Slack slow or refusing). */
    const post = async (message: ResponseUrlMessage): Promise<boolean> => {
      const posted = await settleBy(clock, arrivedAt + SLACK_BUDGET.handOff, (signal) => postToResponseUrl(body.response_url, message, apiUrl, signal)).catch(
        (error: unknown) => void logger.warn(`requests: a page could not be posted (${error instanceof Error ? error.message : String(error)})`),
      );
      return Boolean(posted);
    };
    const access = await reader;
    if (access !== 'allowed') {
      await post(ephemeralNote(refusalText(access, en)));
      return;
    }
    // The page in time, or by the worker (it posts the same page in place: a late first post does no harm).
    const job: Job = { kind: 'requests-page', value: action.value ?? '', user, responseUrl: body.response_url, ...localeField(services, locale) };
    const read = await settleBy(clock, arrivedAt + SLACK_BUDGET.inlineWork, () => requestsPage(services.store, job.value, services.now(), en)).catch(
      (error: unknown) => void logger.error('requests: the next page could not be read', error),
    );
    if (read && (await post(read.value))) return;
    if (!(await handOff(services, job, arrivedAt))) logger.error('requests: the next page could not be handed over in time');
  });
}
