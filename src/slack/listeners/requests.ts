/** Approve, Reject and Cancel buttons, and the create modal's submission. */
import type { App, BlockButtonAction, Logger, RespondFn } from '@slack/bolt';
import type { BotServices } from '../services.js';
import { CREATE_FIELDS, validateCreate, type CreateField } from '../../commands/create-spec.js';
import { accountsOf } from '../../accounts/model.js';
import { messagesFor } from '../../i18n.js';
import { SLACK_BUDGET, realClock, settleBy } from '../../deadline.js';
import type { Job } from '../../jobs/job.js';
import { patched, type RequestStore } from '../../requests/store.js';
import { checkDecision, recordCancel, recordDecision, summarize, updateRequest, type ClickOrigin, type DecisionOutcome } from '../../requests/workflow.js';
import type { EndpointRequest } from '../../requests/model.js';
import { localeField, userLocale } from './locale.js';
import { postToResponseUrl } from '../respond.js';
import { ephemeralNote, escapeText } from '../views/blocks.js';
import { CREATE_MODAL_ID, LIST_ACTIONS, REQUEST_ACTIONS } from '../views/requests.js';
import { REJECT_MODAL_ID, REJECT_REASON_BLOCK, outcomeText, rejectModal, rejectModalOrigin, rejectReasonProblem } from '../views/notices.js';
import { truncate } from '../views/blocks.js';
import { toSlackError } from '../web.js';
import { HOME_ACTIONS } from '../views/home.js';
import { redrawHome } from './home.js';
import { arrivalOf, clockOf, handOff, needsFollowUp, prepareHandOff } from './in-time.js';

const markStale = (store: RequestStore, id: string) =>
  updateRequest(store, id, (current) => (current.messageStale ? undefined : patched(current, { messageStale: true })));

/** After the ack, an unexpected failure (store or Slack down) still gets a private answer instead of silence. */
async function answeringFailures(respond: RespondFn, logger: Logger, work: () => Promise<void>): Promise<void> {
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
   * after the decision (approver check and conditional write) and a job does the rest. An approver check that
   * does not finish in time (Slack slow or rate-limited) leaves the decision itself to the job.
   */
  const decideThenHandOff = async (
    job: Extract<Job, { kind: 'decision' }>,
    arrivedAt: number,
    steps: { check: () => Promise<{ refusal?: DecisionOutcome; read?: EndpointRequest }>; record: (read?: EndpointRequest) => Promise<DecisionOutcome> },
    logger: Logger,
  ) => {
    prepareHandOff(services);
    // Only the check is given up on: a write, once started, is seen through, so that the job never decides twice.
    const checked = await settleBy(clockOf(services), arrivedAt + SLACK_BUDGET.inlineWork, steps.check);
    // The write is conditional on the version the check read (no second read), so a race still has one winner.
    const outcome = checked && (checked.value.refusal ?? (await steps.record(checked.value.read)));
    if (outcome) logger.info(`request ${job.requestId}: ${job.action} by ${job.actor} → ${outcome.kind}`);
    if (await handOff(services, { ...job, ...(outcome && { outcome: summarize(outcome) }) }, arrivedAt)) return;
    logger.error(`request ${job.requestId}: ${job.action} by ${job.actor} could not be handed over in time (${outcome ? outcome.kind : 'undecided'})`);
    // A decision made but not redrawn: the sweep redraws a message marked stale, and resumes an approved request.
    if (outcome && needsFollowUp(outcome)) await markStale(services.store, job.requestId).catch(() => undefined);
  };

  for (const decision of ['approve'] as const) {
    app.action<BlockButtonAction>(REQUEST_ACTIONS[decision], async ({ ack, action, body, respond, logger, context }) => {
      await ack();
      const arrivedAt = arrivalOf(context, clockOf(services));
      const id = action.value ?? '';
      const actor = body.user.id;
      const origin = clickOrigin(body);
      const deps = services.workflow;
      await answeringFailures(respond, logger, () =>
        decideThenHandOff(
          { kind: 'decision', action: decision, requestId: id, actor, responseUrl: body.response_url, ...(origin && { origin }) },
          arrivedAt,
          { check: () => checkDecision(deps, id, actor, decision, origin), record: (read) => recordDecision(deps, id, actor, decision, read) },
          logger,
        ),
      );
    });
  }

  /**
   * Reject asks for a reason first: the modal opens at once, before anything slow (its trigger_id is good for 3 s:
   * https://docs.slack.dev/interactivity/handling-user-interaction#modal_responses). It carries the request id and
   * the card the click came from; its submission is checked against the record exactly like a click.
   */
  app.action<BlockButtonAction>(REQUEST_ACTIONS.reject, async ({ ack, action, body, client, logger, context }) => {
    await ack();
    const clock = clockOf(services);
    const arrivedAt = arrivalOf(context, clock);
    const origin = clickOrigin(body);
    const msg = services.channelMessages;
    const view = rejectModal({ requestId: action.value ?? '', channel: origin?.channel ?? '', ts: origin?.ts ?? '' }, msg);
    const opened = await settleBy(clock, arrivedAt + SLACK_BUDGET.inlineWork, () => client.views.open({ trigger_id: body.trigger_id, view })).catch(
      (error: unknown) => void logger.error(`request ${action.value}: could not open the reject form`, toSlackError(error, 'views.open')),
    );
    if (opened) return;
    // The form did not open: the approver is told so, by the hand-off deadline (nothing may run on after the answer).
    const told = await settleBy(clock, arrivedAt + SLACK_BUDGET.handOff, (signal) =>
      postToResponseUrl(body.response_url, ephemeralNote(msg.notify.rejectFormFailed), services.config.slack?.apiUrl, signal),
    ).catch(() => undefined);
    if (!told) logger.warn(`request ${action.value}: the approver could not be told in time that the reject form did not open`);
  });

  /**
   * The reason's submission decides like a click (message-bound, approver and exactly-once checks, one conditional
   * write), before the answer: a refusal keeps the form open and says why on it. A check that does not finish in
   * time closes the form and leaves the decision to the job, as for a click.
   */
  app.view(REJECT_MODAL_ID, async ({ ack, view, body, logger, context }) => {
    const arrivedAt = arrivalOf(context, clockOf(services));
    const msg = services.channelMessages;
    const origin = rejectModalOrigin(view.private_metadata);
    // A form opened from the App Home redraws the clicker's Home, in their language: read while the check runs.
    const language = origin?.fromHome ? userLocale(services, body.user.id, logger) : undefined;
    const reason = (view.state.values[REJECT_REASON_BLOCK]?.value?.value ?? '').trim();
    const refuse = (text: string) => ack({ response_action: 'errors', errors: { [REJECT_REASON_BLOCK]: truncate(text, 150) } });
    if (!origin) {
      await ack();
      return;
    }
    const reasonProblem = rejectReasonProblem(reason, msg);
    if (reasonProblem) {
      await refuse(reasonProblem);
      return;
    }
    const { requestId: id } = origin;
    const actor = body.user.id;
    const where = { channel: origin.channel, ts: origin.ts };
    const deps = services.workflow;
    const job = { kind: 'decision' as const, action: 'reject' as const, requestId: id, actor, origin: where, reason };
    prepareHandOff(services);
    const checked = await settleBy(clockOf(services), arrivedAt + SLACK_BUDGET.inlineWork, () => checkDecision(deps, id, actor, 'reject', where));
    const outcome = checked && (checked.value.refusal ?? (await recordDecision(deps, id, actor, 'reject', checked.value.read, reason)));
    if (outcome) logger.info(`request ${id}: reject (form) by ${actor} → ${outcome.kind}`);
    if (outcome && outcome.kind !== 'decided') await refuse(outcomeText(outcome, id, 'decide', msg));
    else await ack();
    // What is left: the redraw, thread and direct message of a decision, voiding a copy, or the decision itself.
    const followUp = !outcome || outcome.kind === 'decided' || needsFollowUp(outcome) || (outcome.kind === 'foreign-copy' && where.channel !== '');
    if (followUp && !(await handOff(services, { ...job, ...(outcome && { outcome: summarize(outcome) }) }, arrivedAt))) {
      logger.error(`request ${id}: reject (form) by ${actor} could not be handed over in time (${outcome ? outcome.kind : 'undecided'})`);
      if (outcome && needsFollowUp(outcome)) await markStale(services.store, id).catch(() => undefined);
    }
    // A form opened from the App Home: the clicker's Home is drawn again with what it came to (no response_url there).
    if (language && outcome?.kind === 'decided') await redrawHome(services, actor, arrivedAt, logger, (m) => outcomeText(outcome, id, 'decide', m), language);
  });

  app.action<BlockButtonAction>(REQUEST_ACTIONS.cancel, async ({ ack, action, body, respond, logger, context }) => {
    await ack();
    const arrivedAt = arrivalOf(context, clockOf(services));
    const id = action.value ?? '';
    const actor = body.user.id;
    const deps = services.workflow;
    await answeringFailures(respond, logger, () =>
      decideThenHandOff(
        { kind: 'decision', action: 'cancel', requestId: id, actor, responseUrl: body.response_url },
        arrivedAt,
        { check: async () => ({}), record: () => recordCancel(deps, id, actor) },
        logger,
      ),
    );
  });

  app.view(CREATE_MODAL_ID, async ({ ack, view, body, context, logger }) => {
    const values = view.state.values;
    const field = (id: CreateField) => {
      const input = values[id]?.value;
      return input?.selected_option?.value ?? input?.value ?? undefined;
    };
    const fields = Object.fromEntries(CREATE_FIELDS.map((f) => [f, field(f) ?? ''])) as Record<CreateField, string>;
    const result = validateCreate(fields, { accounts: accountsOf(services.config.accounts), suggest: !services.config.readers });
    const { locale } = await userLocale(services, body.user.id, logger);
    const en = messagesFor(locale);
    if ('errors' in result) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([f, e]) => [f, escapeText(en.fieldError(f, e!)).replace(/`/g, '')]));
      await ack({ response_action: 'errors', errors });
      return;
    }
    const job = {
      kind: 'submit' as const,
      submission: { spec: result.spec, requester: body.user.id, submissionKey: `view:${view.id}`, ...localeField(services, locale) },
      replyTo: { userId: body.user.id },
    };
    if (!(await handOff(services, job, arrivalOf(context, clockOf(services))))) {
      logger.error('a create form could not be handed over in time');
      await ack({ response_action: 'errors', errors: { service: en.deadline.handOffFailed } });
      return;
    }
    await ack();
  });
}

/** Buttons this version does not know (an old message, a forged payload): acknowledged, answered, nothing done. */
/**
 * The action ids no listener of ours answers: a button from an older version of the bot. Built from every list of
 * ids as arrays (spreading the id objects into one would let one list's `approve` hide another's).
 */
export function unknownActionPattern(): RegExp {
  const known = [...Object.values(REQUEST_ACTIONS), ...Object.values(HOME_ACTIONS), ...Object.values(LIST_ACTIONS)];
  return new RegExp(`^(?!compare_|${known.map((a) => `${a}$`).join('|')})`);
}

export function registerUnknownActions(app: App): void {
  const known = unknownActionPattern();
  app.action(known, async ({ ack, respond, context }) => {
    await ack();
    await settleBy(realClock, arrivalOf(context, realClock) + SLACK_BUDGET.handOff, () => respond(ephemeralNote(messagesFor('en').unknownAction))).catch(
      () => undefined,
    );
  });
}
