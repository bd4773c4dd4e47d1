/** Approve, Reject and Cancel buttons, and the create modal's submission. */
import type { App, BlockButtonAction, Logger, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BotServices } from '../../services.js';
import { CREATE_FIELDS, validateCreate, type CreateField } from '../../commands/create-spec.js';
import { messagesFor } from '../../i18n.js';
import { channelMessagesOf, localeField, userLocale, userMessages } from './locale.js';
import { cancel, decide, outcomeText, workflowDependencies, type ClickOrigin, type WorkflowDependencies } from '../../requests/workflow.js';
import { escapeText } from '../views/blocks.js';
import { CREATE_MODAL_ID, REQUEST_ACTIONS } from '../views/requests.js';
import { slackPort } from '../web.js';

export function workflowDeps(services: BotServices, client: WebClient, logger: Logger): WorkflowDependencies {
  return workflowDependencies({ ...services, channelMessages: channelMessagesOf(services) }, slackPort(client), logger);
}

const ephemeralNote = (text: string) => ({ response_type: 'ephemeral' as const, replace_original: false, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });

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
  for (const decision of ['approve', 'reject'] as const) {
    app.action<BlockButtonAction>(REQUEST_ACTIONS[decision], async ({ ack, action, body, client, respond, logger }) => {
      await ack();
      const id = action.value ?? '';
      await answeringFailures(respond, logger, async () => {
        const outcome = await decide(workflowDeps(services, client, logger), id, body.user.id, decision, clickOrigin(body));
        logger.info(`request ${id}: ${decision} by ${body.user.id} → ${outcome.kind}`);
        if (outcome.kind !== 'decided') await respond(ephemeralNote(outcomeText(outcome, id, 'decide', await userMessages(services, body.user.id, logger))));
      });
    });
  }

  app.action<BlockButtonAction>(REQUEST_ACTIONS.cancel, async ({ ack, action, body, client, respond, logger }) => {
    await ack();
    const id = action.value ?? '';
    await answeringFailures(respond, logger, async () => {
      const outcome = await cancel(workflowDeps(services, client, logger), id, body.user.id);
      await respond({ ...ephemeralNote(outcomeText(outcome, id, 'cancel', await userMessages(services, body.user.id, logger))), replace_original: outcome.kind === 'decided' });
    });
  });

  app.view(CREATE_MODAL_ID, async ({ ack, view, body, logger }) => {
    const values = view.state.values;
    const field = (id: CreateField) => {
      const input = values[id]?.value;
      return input?.selected_option?.value ?? input?.value ?? undefined;
    };
    const fields = Object.fromEntries(CREATE_FIELDS.map((f) => [f, field(f) ?? ''])) as Record<CreateField, string>;
    const result = validateCreate(fields);
    const { locale } = await userLocale(services, body.user.id, logger);
    const en = messagesFor(locale);
    if ('errors' in result) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([f, e]) => [f, escapeText(en.fieldError(f, e!)).replace(/`/g, '')]));
      await ack({ response_action: 'errors', errors });
      return;
    }
    await services.jobs.enqueue({ kind: 'submit', submission: { spec: result.spec, requester: body.user.id, submissionKey: `view:${view.id}`, ...localeField(services, locale) }, replyTo: { userId: body.user.id } });
    await ack();
  });
}

/** Buttons this version does not know (an old message, a forged payload): acknowledged, answered, nothing done. */
export function registerUnknownActions(app: App): void {
  const known = new RegExp(`^(?!compare_|${Object.values(REQUEST_ACTIONS).map((a) => `${a}$`).join('|')})`);
  app.action(known, async ({ ack, respond }) => {
    await ack();
    await respond(ephemeralNote(messagesFor('en').unknownAction)).catch(() => undefined);
  });
}
