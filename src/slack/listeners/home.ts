/**
 * App Home: the tab drawn when a user opens it (`app_home_opened` → `views.publish`), and its Approve and Reject
 * buttons, which decide through the same approver check, conditional write and decision job as the channel's.
 * https://docs.slack.dev/tools/bolt-js/concepts/publishing-views
 */
import type { App, BlockButtonAction, Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Messages } from '../../i18n.js';
import { decideInTime, type ClickResult } from '../../requests/decide.js';
import { outcomeText, rejectModal } from '../views/notices.js';
import type { BotServices } from '../services.js';
import { HOME_ACTIONS, parseHomeBlockId } from '../views/home.js';
import { inTimeOf, type InTime } from '../in-time.js';

/**
 * Hands the drawing of the user's Home to the worker (the `home` job), with `notice` in the user's language: on
 * Lambda a draw still running when the answer leaves would be frozen, and Slack may be slow or rate-limited.
 */
export async function redrawHome(inTime: InTime, user: string, logger: Pick<Logger, 'error'>, notice?: (msg: Messages) => string): Promise<void> {
  const { msg, field } = await inTime.language();
  if (!(await inTime.handOff({ kind: 'home', userId: user, ...(notice && { notice: notice(msg) }), ...field })))
    logger.error(`the App Home of ${user} could not be handed over for drawing in time`);
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

/** What a Home click came to: what the click decided, or one of the Home's own refusals (nothing decided). */
type HomeClickOutcome = ClickResult | { kind: 'mismatch' };

/**
 * A Home Reject asks for the reason in the same form as the channel's Reject, bound to the request's recorded
 * message once the click is bound to the record as the Home drew it; the form's submission is checked like any
 * other. Returns undefined when the form opened, else what to say on the redrawn Home.
 */
async function openRejectFromHome(services: BotServices, inTime: InTime, body: BlockButtonAction, client: WebClient): Promise<HomeClickOutcome | undefined> {
  const bound = boundHomeClick(body);
  if (!bound) return { kind: 'mismatch' };
  const { id } = bound;
  const read = await inTime.inline(() => services.store.get(id));
  if (!read) return { kind: 'too-slow' };
  const shown = read.value;
  if (!shown) return { kind: 'outcome', outcome: { kind: 'not-found' } };
  // Decided already (here or in the channel): said at once, as Approve does, rather than after a reason was written.
  if (shown.state !== 'pending') return { kind: 'outcome', outcome: { kind: 'already', request: shown } };
  if (shown.version !== bound.version || !shown.message) return { kind: 'changed' };
  const view = rejectModal({ requestId: id, ...shown.message, fromHome: true }, services.channelMessages);
  // The trigger_id is good for 3 s from the click: the form opens within the hand-off budget or not at all.
  const opened = await inTime.beforeAnswer(() => client.views.open({ trigger_id: body.trigger_id, view }));
  return opened ? undefined : { kind: 'too-slow' };
}

function noticeOf(result: HomeClickOutcome, id: string): (msg: Messages) => string {
  switch (result.kind) {
    case 'outcome':
      return (msg) => outcomeText(result.outcome, id, 'decide', msg);
    case 'changed':
      return (msg) => msg.home.changed(id);
    case 'too-slow':
    case 'left-to-worker':
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
    const inTime = inTimeOf(context);
    inTime.expectHandOff();
    await redrawHome(inTime, event.user, logger);
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.action<BlockButtonAction>(HOME_ACTIONS[decision], async ({ ack, body, client, logger, context }) => {
      await ack();
      const inTime = inTimeOf(context);
      const id = body.actions[0]?.value ?? '';
      // Read while the click is checked: the Home is drawn in the clicker's language.
      void inTime.language();
      let result: HomeClickOutcome;
      try {
        if (decision === 'reject') {
          const refused = await openRejectFromHome(services, inTime, body, client);
          if (!refused) return;
          result = refused;
        } else {
          const bound = boundHomeClick(body);
          inTime.expectHandOff();
          result = bound
            ? await decideInTime(services.workflow, { action: decision, requestId: id, actor: body.user.id, drawnVersion: bound.version }, inTime)
            : { kind: 'mismatch' };
        }
      } catch (error) {
        logger.error('a click on the App Home failed', error);
        result = { kind: 'too-slow' };
      }
      // The clicker's Home, drawn again with what the click came to (a Home click has no response_url).
      await redrawHome(inTime, body.user.id, logger, noticeOf(result, id));
    });
  }
}
