/** Approve, Reject and Cancel buttons, the Reject form, and the create modal's submission. */
import type { App, BlockButtonAction, Logger, RespondFn } from '@slack/bolt';
import type { BotServices } from '../services.js';
import { CREATE_FIELDS, validateCreate, type CreateField } from '../../commands/create-spec.js';
import { accountsOf } from '../../accounts/model.js';
import { messagesFor } from '../../i18n.js';
import { decideInTime } from '../../requests/decide.js';
import type { ClickOrigin } from '../../requests/types.js';
import { postToResponseUrl } from '../respond.js';
import { ephemeralNote, escapeText, truncate } from '../views/blocks.js';
import { CREATE_MODAL_ID, LIST_ACTIONS, REQUEST_ACTIONS } from '../views/requests.js';
import { REJECT_MODAL_ID, REJECT_REASON_BLOCK, outcomeText, rejectModal, rejectModalOrigin, rejectReasonProblem } from '../views/notices.js';
import { toSlackError } from '../web.js';
import { HOME_ACTIONS } from '../views/home.js';
import { redrawHome } from './home.js';
import { inTimeOf } from '../in-time.js';

/** After the ack, an unexpected failure (store or Slack down) still gets a private answer instead of silence. */
async function answeringFailures(respond: RespondFn, logger: Logger, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.error('a button press failed', error);
    await respond(ephemeralNote(messagesFor('en').internalError)).catch(() => undefined);
  }
}

/** Where the button was: the message's channel and ts (absent for buttons outside a channel message). */
function clickOrigin(body: BlockButtonAction): ClickOrigin | undefined {
  const container = body.container as { channel_id?: string; message_ts?: string } | undefined;
  const channel = container?.channel_id ?? body.channel?.id;
  const ts = container?.message_ts ?? body.message?.ts;
  return channel && ts ? { channel, ts } : undefined;
}

export function registerRequestListeners(app: App, services: BotServices): void {
  /**
   * Slack's answer leaves once the listener returns (on Lambda, the HTTP response waits for it): the click answers
   * after the decision (approver check and conditional write) and a job does the rest.
   */
  for (const action of ['approve', 'cancel'] as const) {
    app.action<BlockButtonAction>(REQUEST_ACTIONS[action], async ({ ack, action: button, body, respond, logger, context }) => {
      await ack();
      const inTime = inTimeOf(context);
      inTime.expectHandOff();
      const origin = action === 'approve' ? clickOrigin(body) : undefined;
      const click = { action, requestId: button.value ?? '', actor: body.user.id, responseUrl: body.response_url, ...(origin && { origin }) };
      await answeringFailures(respond, logger, () => decideInTime(services.workflow, click, inTime));
    });
  }

  /**
   * Reject asks for a reason first: the modal opens after one read of the record within the in-line budget (its
   * trigger_id is good for 3 s: https://docs.slack.dev/interactivity/handling-user-interaction#modal_responses); a
   * request no longer pending is answered instead, and a read too slow does not hold the form back. It carries the
   * request id and the card the click came from; its submission is checked against the record exactly like a click.
   */
  app.action<BlockButtonAction>(REQUEST_ACTIONS.reject, async ({ ack, action, body, client, logger, context }) => {
    await ack();
    const inTime = inTimeOf(context);
    const origin = clickOrigin(body);
    const msg = services.channelMessages;
    const id = action.value ?? '';
    // A request decided already is said so at once, as Approve does, rather than after a reason was written.
    void inTime.language();
    const read = await inTime.inline(() => services.store.get(id)).catch(() => undefined);
    const decided = read?.value && read.value.state !== 'pending' ? read.value : undefined;
    if (decided) {
      const { msg: words } = await inTime.language();
      const text = outcomeText({ kind: 'already', request: decided }, id, 'decide', words);
      const told = await inTime
        .beforeAnswer((signal) => postToResponseUrl(body.response_url, ephemeralNote(text), services.config.slack?.apiUrl, signal))
        .catch(() => undefined);
      if (!told) logger.warn(`request ${id}: the approver could not be told in time that it is already ${decided.state}`);
      return;
    }
    const view = rejectModal({ requestId: id, channel: origin?.channel ?? '', ts: origin?.ts ?? '' }, msg);
    // A read too slow leaves the form to open as before, within what remains before the answer.
    const opened = await (read ? inTime.inline : inTime.beforeAnswer)(() => client.views.open({ trigger_id: body.trigger_id, view })).catch(
      (error: unknown) => void logger.error(`request ${action.value}: could not open the reject form`, toSlackError(error, 'views.open')),
    );
    if (opened) return;
    // The form did not open: the approver is told so, by the hand-off deadline (nothing may run on after the answer).
    const told = await inTime
      .beforeAnswer((signal) => postToResponseUrl(body.response_url, ephemeralNote(msg.notify.rejectFormFailed), services.config.slack?.apiUrl, signal))
      .catch(() => undefined);
    if (!told) logger.warn(`request ${action.value}: the approver could not be told in time that the reject form did not open`);
  });

  /**
   * The reason's submission decides like a click (message-bound, approver and exactly-once checks, one conditional
   * write), before the answer: a refusal keeps the form open and says why on it. A check that does not finish in
   * time closes the form and leaves the decision to the job, as for a click.
   */
  app.view(REJECT_MODAL_ID, async ({ ack, view, body, logger, context }) => {
    const inTime = inTimeOf(context);
    const msg = services.channelMessages;
    const origin = rejectModalOrigin(view.private_metadata);
    // A form opened from the App Home redraws the clicker's Home, in their language: read while the check runs.
    if (origin?.fromHome) void inTime.language();
    const reason = (view.state.values[REJECT_REASON_BLOCK]?.value?.value ?? '').trim();
    const refuse = (text: string) => ack({ response_action: 'errors', errors: { [REJECT_REASON_BLOCK]: truncate(text, 150) } });
    if (!origin) return void (await ack());
    const reasonProblem = rejectReasonProblem(reason, msg);
    if (reasonProblem) return void (await refuse(reasonProblem));
    const { requestId: id } = origin;
    inTime.expectHandOff();
    const click = { action: 'reject' as const, requestId: id, actor: body.user.id, origin: { channel: origin.channel, ts: origin.ts }, reason };
    const result = await decideInTime(services.workflow, click, inTime);
    const outcome = result.kind === 'outcome' ? result.outcome : undefined;
    if (outcome && outcome.kind !== 'decided') await refuse(outcomeText(outcome, id, 'decide', msg));
    else await ack();
    // A form opened from the App Home: the clicker's Home is drawn again with what it came to (no response_url there).
    if (origin.fromHome && outcome?.kind === 'decided') await redrawHome(inTime, body.user.id, logger, (m) => outcomeText(outcome, id, 'decide', m));
  });

  app.view(CREATE_MODAL_ID, async ({ ack, view, body, context, logger }) => {
    const inTime = inTimeOf(context);
    const values = view.state.values;
    const field = (id: CreateField) => {
      const input = values[id]?.value;
      return input?.selected_option?.value ?? input?.value ?? undefined;
    };
    const fields = Object.fromEntries(CREATE_FIELDS.map((f) => [f, field(f) ?? ''])) as Record<CreateField, string>;
    const result = validateCreate(fields, { accounts: accountsOf(services.config.accounts), suggest: !services.config.readers });
    const { msg: en, field: locale } = await inTime.language();
    if ('errors' in result) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([f, e]) => [f, escapeText(en.fieldError(f, e!)).replace(/`/g, '')]));
      await ack({ response_action: 'errors', errors });
      return;
    }
    const submission = { spec: result.spec, requester: body.user.id, submissionKey: `view:${view.id}`, ...locale };
    if (!(await inTime.handOff({ kind: 'submit', submission, replyTo: { userId: body.user.id } }))) {
      logger.error('a create form could not be handed over in time');
      await ack({ response_action: 'errors', errors: { service: en.deadline.handOffFailed } });
      return;
    }
    await ack();
  });
}

/**
 * The action ids no listener of ours answers: a button from an older version of the bot (an old message, a forged
 * payload), acknowledged, answered, nothing done. Built from every list of ids as arrays (spreading the id objects
 * into one would let one list's `approve` hide another's).
 */
export function unknownActionPattern(): RegExp {
  const known = [...Object.values(REQUEST_ACTIONS), ...Object.values(HOME_ACTIONS), ...Object.values(LIST_ACTIONS)];
  return new RegExp(`^(?!compare_|${known.map((a) => `${a}$`).join('|')})`);
}

export function registerUnknownActions(app: App): void {
  app.action(unknownActionPattern(), async ({ ack, respond, context }) => {
    await ack();
    const inTime = inTimeOf(context);
    // In the clicker's language (LOCALE when they chose none).
    await inTime.beforeAnswer(async () => respond(ephemeralNote((await inTime.language()).msg.unknownAction))).catch(() => undefined);
  });
}
