/**
 * App Home: the tab drawn when a user opens it (`app_home_opened` → `views.publish`), and its Approve and Reject
 * buttons, which decide through the same approver check, conditional write and decision job as the channel's.
 * https://docs.slack.dev/tools/bolt-js/concepts/publishing-views
 */
import type { App, BlockButtonAction, Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { SLACK_BUDGET, settleBy } from '../../deadline.js';
import { messagesFor, type Locale, type Messages } from '../../i18n.js';
import type { Job } from '../../jobs/job.js';
import { patched } from '../../requests/store.js';
import { checkDecision, recordDecision, summarize, updateRequest, type DecisionOutcome } from '../../requests/workflow.js';
import { outcomeText, rejectModal } from '../views/notices.js';
import type { BotServices } from '../services.js';
import { HOME_ACTIONS, parseHomeBlockId } from '../views/home.js';
import { arrivalOf, clockOf, handOff, needsFollowUp, prepareHandOff } from './in-time.js';
import { localeField, userLocale } from './locale.js';

/**
 * Hands the drawing of `user`'s Home to the worker (the `home` job), with `notice` in the user's language: on Lambda
 * a draw still running when the answer leaves would be frozen, and Slack may be slow or rate-limited.
 */
export async function redrawHome(
  services: BotServices,
  user: string,
  arrivedAt: number,
  logger: Pick<Logger, 'warn' | 'error'>,
  notice?: (msg: Messages) => string,
  language: Promise<{ locale: Locale }> = userLocale(services, user, logger),
): Promise<void> {
  const { locale } = await language;
  const job: Job = { kind: 'home', userId: user, ...(notice && { notice: notice(messagesFor(locale)) }), ...localeField(services, locale) };
  if (!(await handOff(services, job, arrivedAt))) logger.error(`the App Home of ${user} could not be handed over for drawing in time`);
}

/**
 * The request a Home click names, when the button's value and its block (`home:<id>:<version>`) agree and the click
 * comes from the clicker's own Home tab; undefined for anything else (a forged or mismatched click).
 */
function boundHomeClick(body: BlockButtonAction): { id: string; version: number } | undefined {
  const action = body.actions[0];
  const bound = parseHomeBlockId(action?.block_id);
  const id = action?.value ?? '';
  const container = body.container as { type?: string } | undefined;
  const onOwnHome = container?.type === 'view' && body.view?.type === 'home';
  return bound && bound.requestId === id && onOwnHome ? { id, version: bound.version } : undefined;
}

/** What a Home click came to: a decision outcome, or one of the Home's own refusals (nothing decided). */
export type HomeClickOutcome = { kind: 'outcome'; outcome: DecisionOutcome } | { kind: 'changed' | 'mismatch' | 'too-slow' };

/**
 * A Home click has no channel message to be bound to (its container is the view), so it is bound to the record
 * as the Home drew it: the button's value and its block (`home:<id>:<version>`) must name the same request, on
 * this user's own Home tab, and the record must still be at that version. It then counts as a click on the
 * request's recorded message and takes the channel button's path: `checkDecision` (the clicker is an approver,
 * not the requester, the region still allowed), `recordDecision` (the conditional write: one winner), and the
 * decision job (card, thread, hand-off to the create job). The job gets no click origin: nothing it could void.
 */
export async function decideFromHome(
  services: BotServices,
  body: BlockButtonAction,
  decision: 'approve',
  arrivedAt: number,
  logger: Pick<Logger, 'info' | 'error'>,
): Promise<HomeClickOutcome> {
  const bound = boundHomeClick(body);
  if (!bound) return { kind: 'mismatch' };
  const { id } = bound;
  const actor = body.user.id;
  const deps = services.workflow;
  prepareHandOff(services);
  const checked = await settleBy(clockOf(services), arrivedAt + SLACK_BUDGET.inlineWork, async () => {
    const shown = await services.store.get(id);
    if (!shown) return { refusal: { kind: 'not-found' } as DecisionOutcome };
    if (shown.version !== bound.version) return 'changed' as const;
    const check = await checkDecision(deps, id, actor, decision, shown.message);
    // The write is conditional on the version this check read: it too must be the one the Home drew.
    return check.read && check.read.version !== bound.version ? ('changed' as const) : check;
  });
  if (!checked) return { kind: 'too-slow' };
  if (checked.value === 'changed') return { kind: 'changed' };
  const outcome = checked.value.refusal ?? (await recordDecision(deps, id, actor, decision, checked.value.read));
  logger.info(`request ${id}: ${decision} by ${actor} from the App Home → ${outcome.kind}`);
  if (needsFollowUp(outcome)) {
    const job: Job = { kind: 'decision', action: decision, requestId: id, actor, outcome: summarize(outcome) };
    if (!(await handOff(services, job, arrivedAt))) {
      logger.error(`request ${id}: ${decision} from the App Home could not be handed over in time`);
      // As for a channel click: the sweep redraws a message marked stale and resumes an approved request.
      await updateRequest(services.store, id, (current) => (current.messageStale ? undefined : patched(current, { messageStale: true }))).catch(
        () => undefined,
      );
    }
  }
  return { kind: 'outcome', outcome };
}

/**
 * A Home Reject asks for the reason in the same form as the channel's Reject, bound to the request's recorded
 * message once the click is bound to the record as the Home drew it; the form's submission is checked like any
 * other. Returns undefined when the form opened, else what to say on the redrawn Home.
 */
async function openRejectFromHome(services: BotServices, body: BlockButtonAction, client: WebClient, arrivedAt: number): Promise<HomeClickOutcome | undefined> {
  const bound = boundHomeClick(body);
  if (!bound) return { kind: 'mismatch' };
  const { id } = bound;
  const clock = clockOf(services);
  const read = await settleBy(clock, arrivedAt + SLACK_BUDGET.inlineWork, () => services.store.get(id));
  if (!read) return { kind: 'too-slow' };
  const shown = read.value;
  if (!shown) return { kind: 'outcome', outcome: { kind: 'not-found' } };
  if (shown.version !== bound.version || !shown.message) return { kind: 'changed' };
  const view = rejectModal({ requestId: id, ...shown.message, fromHome: true }, services.channelMessages);
  // The trigger_id is good for 3 s from the click: the form opens within the hand-off budget or not at all.
  const opened = await settleBy(clock, arrivedAt + SLACK_BUDGET.handOff, () => client.views.open({ trigger_id: body.trigger_id, view }));
  return opened ? undefined : { kind: 'too-slow' };
}

function noticeOf(result: HomeClickOutcome, id: string): (msg: Messages) => string {
  switch (result.kind) {
    case 'outcome':
      return (msg) => outcomeText(result.outcome, id, 'decide', msg);
    case 'changed':
      return (msg) => msg.home.changed(id);
    case 'too-slow':
      return (msg) => msg.home.tooSlow(id);
    case 'mismatch':
      return (msg) => msg.home.notYours;
  }
}

export function registerHome(app: App, services: BotServices): void {
  // Events are answered like commands: the HTTP response (and so Slack's 3 s) waits for the listener. The Home is
  // drawn by the worker, so the answer waits for nothing slower than the hand-off.
  app.event('app_home_opened', async ({ event, logger, context }) => {
    if (event.tab !== 'home') return;
    prepareHandOff(services);
    await redrawHome(services, event.user, arrivalOf(context, clockOf(services)), logger);
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.action<BlockButtonAction>(HOME_ACTIONS[decision], async ({ ack, body, client, logger, context }) => {
      await ack();
      const clock = clockOf(services);
      const arrivedAt = arrivalOf(context, clock);
      const id = body.actions[0]?.value ?? '';
      // Read while the click is checked: the Home is drawn in the clicker's language.
      const language = userLocale(services, body.user.id, logger);
      let result: HomeClickOutcome;
      try {
        if (decision === 'reject') {
          const refused = await openRejectFromHome(services, body, client, arrivedAt);
          if (!refused) return;
          result = refused;
        } else result = await decideFromHome(services, body, decision, arrivedAt, logger);
      } catch (error) {
        logger.error('a click on the App Home failed', error);
        result = { kind: 'too-slow' };
      }
      // The clicker's Home, drawn again with what the click came to (a Home click has no response_url).
      await redrawHome(services, body.user.id, arrivedAt, logger, noticeOf(result, id), language);
    });
  }
}
