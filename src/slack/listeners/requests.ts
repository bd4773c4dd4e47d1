/** Approve, Reject and Cancel buttons, and the create modal's submission. */
import type { App, BlockButtonAction, Logger, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BotServices } from '../../services.js';
import { CREATE_FIELDS, validateCreate, type CreateField } from '../../commands/create-spec.js';
import { accountsOf } from '../../accounts/model.js';
import { messagesFor } from '../../i18n.js';
import { SLACK_BUDGET, realClock, settleBy } from '../../deadline.js';
import type { Job } from '../../jobs/job.js';
import { patched, type RequestStore } from '../../requests/store.js';
import {
  checkDecision,
  recordCancel,
  recordDecision,
  summarize,
  updateRequest,
  workflowDependencies,
  type ClickOrigin,
  type DecisionOutcome,
  type WorkflowDependencies,
} from '../../requests/workflow.js';
import type { EndpointRequest } from '../../requests/model.js';
import { channelMessagesOf, localeField, userLocale } from './locale.js';
import { escapeText } from '../views/blocks.js';
import { CREATE_MODAL_ID, REQUEST_ACTIONS } from '../views/requests.js';
import { slackPort } from '../web.js';
import { arrivalOf, clockOf, handOff, needsFollowUp, prepareHandOff } from './in-time.js';

const markStale = (store: RequestStore, id: string) =>
  updateRequest(store, id, (current) => (current.messageStale ? undefined : patched(current, { messageStale: true })));

export function workflowDeps(services: BotServices, client: WebClient, logger: Logger): WorkflowDependencies {
  return workflowDependencies({ ...services, channelMessages: channelMessagesOf(services) }, slackPort(client), logger);
}

const ephemeralNote = (text: string) => ({
  response_type: 'ephemeral' as const,
  replace_original: false,
  text,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
});

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

  for (const decision of ['approve', 'reject'] as const) {
    app.action<BlockButtonAction>(REQUEST_ACTIONS[decision], async ({ ack, action, body, client, respond, logger, context }) => {
      await ack();
      const arrivedAt = arrivalOf(context, clockOf(services));
      const id = action.value ?? '';
      const actor = body.user.id;
      const origin = clickOrigin(body);
      const deps = workflowDeps(services, client, logger);
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

  app.action<BlockButtonAction>(REQUEST_ACTIONS.cancel, async ({ ack, action, body, client, respond, logger, context }) => {
    await ack();
    const arrivedAt = arrivalOf(context, clockOf(services));
    const id = action.value ?? '';
    const actor = body.user.id;
    const deps = workflowDeps(services, client, logger);
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
export function registerUnknownActions(app: App): void {
  const known = new RegExp(
    `^(?!compare_|${Object.values(REQUEST_ACTIONS)
      .map((a) => `${a}$`)
      .join('|')})`,
  );
  app.action(known, async ({ ack, respond, context }) => {
    await ack();
    await settleBy(realClock, arrivalOf(context, realClock) + SLACK_BUDGET.answerBy, () => respond(ephemeralNote(messagesFor('en').unknownAction))).catch(
      () => undefined,
    );
  });
}
