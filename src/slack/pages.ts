/**
 * The pages drawn from the store for one user, by a listener while Slack waits or by the worker: the `requests`
 * list's next page, and the App Home (views.publish: their own requests and, for an approver, the requests
 * waiting for them), which the listeners hand to the worker (the `home` job).
 */
import type { Logger } from '@slack/bolt';
import type { Messages } from '../i18n.js';
import { isExpired, type EndpointRequest } from '../requests/model.js';
import type { RequestStore } from '../requests/store.js';
import type { Approvers } from '../requests/types.js';
import type { ResponseUrlMessage } from './respond.js';
import { REQUESTS_LISTED, parseListPageValue, requestsListView } from './views/requests.js';
import type { SlackPort } from './port.js';
import { homeView, type HomeContent } from './views/home.js';

/** How many of the newest requests the Home looks through (one scan of the table either way). */
export const HOME_SCAN_LIMIT = 1000;

export interface HomeDependencies {
  store: RequestStore;
  approvers: Approvers;
  now: () => Date;
}

/** What a Home shows this user: their own requests and, for an approver, the pending requests they may decide. */
export async function homeContent(deps: HomeDependencies, user: string, logger: Pick<Logger, 'warn'>): Promise<HomeContent> {
  const now = deps.now();
  const [recent, approver] = await Promise.all([
    deps.store.list({ openOnly: false, limit: HOME_SCAN_LIMIT }),
    deps.approvers.isApprover(user).catch((error: unknown) => {
      // Without an answer from Slack the Home shows no buttons: a click would be checked again anyway.
      logger.warn(`could not tell whether ${user} is an approver: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }),
  ]);
  const own = recent.filter((r) => r.requester === user);
  // The same requests an approver could decide in the channel: pending, not yet past expiry, on a recorded
  // message, and not their own (requesters may not approve themselves).
  const decidable = (r: EndpointRequest) => r.state === 'pending' && !isExpired(r, now) && Boolean(r.message) && r.requester !== user;
  return { own, now, ...(approver && { waiting: recent.filter(decidable) }) };
}

/** Draws this user's Home in `msg`'s language, with `notice` (what their click came to) at the top. */
export async function drawHome(
  deps: HomeDependencies,
  slack: SlackPort,
  user: string,
  msg: Messages,
  logger: Pick<Logger, 'warn'>,
  notice?: string,
): Promise<void> {
  const content = await homeContent(deps, user, logger);
  await slack.publishHome(user, homeView({ ...content, ...(notice && { notice }) }, msg));
}

/** The page a More button names (`value`: filter and offset), read from the store; shown in place of the clicked one. */
export async function requestsPage(store: Pick<RequestStore, 'list'>, value: string, now: Date, msg: Messages): Promise<ResponseUrlMessage> {
  const { filter, offset } = parseListPageValue(value);
  const requests = await store.list({ openOnly: filter === 'pending', limit: REQUESTS_LISTED });
  return { response_type: 'ephemeral', replace_original: true, ...requestsListView(requests, filter, now, msg, offset) };
}
