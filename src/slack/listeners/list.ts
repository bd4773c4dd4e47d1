/** The `requests` list's More button: the next page, in place of the page the user clicked on. */
import type { App, BlockButtonAction } from '@slack/bolt';
import type { BotServices } from '../services.js';
import { readerCheck } from '../readers.js';
import { noticeView } from '../views/blocks.js';
import { LIST_ACTIONS, REQUESTS_LISTED, parseListPageValue, requestsListView } from '../views/requests.js';
import { slackPort } from '../web.js';
import { userMessages } from './locale.js';

export function registerListActions(app: App, services: BotServices): void {
  app.action<BlockButtonAction>(LIST_ACTIONS.more, async ({ ack, action, body, client, respond, logger }) => {
    await ack();
    const en = await userMessages(services, body.user.id, logger);
    // The list is a read: the same reader check as `/privatelink requests`, for whoever clicks.
    const access = await readerCheck('requests', body.user.id, { ...services.config, usergroupMembers: (g) => slackPort(client).usergroupMembers(g) }, logger);
    if (access !== 'allowed') {
      await respond({ response_type: 'ephemeral', replace_original: false, ...noticeView(access === 'refused' ? en.readers.onlyReaders : en.internalError) });
      return;
    }
    const { filter, offset } = parseListPageValue(action.value);
    try {
      const requests = await services.store.list({ openOnly: filter === 'pending', limit: REQUESTS_LISTED });
      await respond({ response_type: 'ephemeral', replace_original: true, ...requestsListView(requests, filter, services.now(), en, offset) });
    } catch (error) {
      logger.error('requests: the next page could not be read', error);
      await respond({ response_type: 'ephemeral', replace_original: false, ...noticeView(en.internalError) });
    }
  });
}
