/** `/privatelink`: parse the text, answer fast, hand anything slow to a job. */
import type { App, Logger, RespondArguments, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BotServices } from '../services.js';
import { accountsOf } from '../../accounts/model.js';
import { parseCommand, type Command, type DoctorCommand } from '../../commands/parse.js';
import { runDoctor } from '../../doctor/run.js';
import { doctorView } from '../views/doctor.js';
import { decide } from '../../decision/engine.js';
import { reportDecision } from '../views/report.js';
import { accountEc2, isLookup, runLookup } from '../../endpoints/lookups.js';
import { estateAccess } from '../../accounts/model.js';
import type { Locale, Messages } from '../../i18n.js';
import { SLACK_BUDGET, Slots, settleBy } from '../../deadline.js';
import { approvalsConfigured, recordCancel, summarize } from '../../requests/workflow.js';
import { outcomeText } from '../views/notices.js';
import { OPEN_COMMANDS, refusalText } from '../readers.js';
import { escapeText, noticeView, unescapeText, type SlackMessage } from '../views/blocks.js';
import { compareResultView } from '../views/compare.js';
import { lookupView, problemView } from '../views/endpoints.js';
import { helpView, parseErrorView } from '../views/help.js';
import { REQUESTS_LISTED, createModal, requestsListView, statusView } from '../views/requests.js';
import { compareView } from './compare.js';
import { arrivalOf, clockOf, handOff, needsFollowUp, prepareHandOff, readerCheckInTime } from './in-time.js';
import { langCommand, localeField, userLocale } from './locale.js';
import { messagesFor } from '../../i18n.js';

const ephemeral = (view: SlackMessage): RespondArguments => ({ response_type: 'ephemeral', ...view });

type InstantCommand = Extract<Command, { name: 'help' | 'compare' }>;
type RequestCommand = Extract<Command, { name: 'create' | 'requests' | 'status' | 'cancel' }>;

function instantAnswer(command: InstantCommand, en: Messages): SlackMessage {
  if (command.name === 'help') return helpView(en);
  // No answers (or no target yet): the walkthrough. Answers with a target: the result at once, with what could still change it.
  return command.order.length === 0 || command.answers.target === undefined
    ? compareView(command.answers, command.order, en)
    : compareResultView(reportDecision(decide(command.answers), en), command.answers, command.order, {}, en);
}

/** How many lookups may call EC2 at once while Slack waits, and how many may wait for one; the rest go to a job. */
export const INLINE_LOOKUPS = { concurrent: 4, waiting: 4 } as const;

/**
 * The lookup's result if EC2 answers before `inlineLookupMs` after the request's arrival (waiting for a free
 * slot included); otherwise undefined, and the call is aborted.
 */
async function lookupWithin<T>(run: (signal: AbortSignal) => Promise<T>, services: BotServices, slots: Slots, arrivedAt: number): Promise<T | undefined> {
  const done = await settleBy(clockOf(services), arrivedAt + services.inlineLookupMs, async (signal) => {
    if (!(await slots.acquire(signal))) return undefined;
    try {
      return await run(signal);
    } finally {
      slots.release();
    }
  });
  return done?.value;
}

async function requestCommand(
  command: RequestCommand,
  args: { services: BotServices; payload: SlashCommand; client: WebClient; logger: Logger; arrivedAt: number; en: Messages; locale: Locale },
): Promise<SlackMessage | undefined> {
  const { services, payload, client, logger, arrivedAt, en } = args;
  switch (command.name) {
    case 'create': {
      if (!approvalsConfigured(services.config.approvals)) return noticeView(en.requests.notConfigured);
      if (!command.spec) {
        // The trigger expires 3 s after Slack sent it: the form opens while Slack waits, or not at all.
        const view = createModal(
          {
            ...(services.config.defaultRegion && { region: services.config.defaultRegion }),
            accounts: accountsOf(services.config.accounts).map((a) => a.alias),
            // With reader allow-lists, the form lists no account: whoever creates in one names it.
            accountsHidden: Boolean(services.config.readers),
          },
          en,
        );
        const opened = await settleBy(clockOf(services), arrivedAt + SLACK_BUDGET.handOff, () => client.views.open({ trigger_id: payload.trigger_id, view }));
        return opened ? undefined : noticeView(en.deadline.modalTooSlow);
      }
      const job = {
        kind: 'submit' as const,
        submission: { spec: command.spec, requester: payload.user_id, submissionKey: `trigger:${payload.trigger_id}`, ...localeField(services, args.locale) },
        replyTo: { responseUrl: payload.response_url },
      };
      return (await handOff(services, job, arrivedAt)) ? noticeView(en.preflight.checking(command.spec.vpcId)) : noticeView(en.deadline.handOffFailed);
    }
    case 'requests': {
      const read = await settleBy(clockOf(services), arrivedAt + SLACK_BUDGET.inlineWork, () =>
        services.store.list({ openOnly: command.filter === 'pending', limit: REQUESTS_LISTED }),
      );
      return read ? requestsListView(read.value, command.filter, services.now(), en) : noticeView(en.deadline.storeTooSlow);
    }
    case 'status': {
      const read = await settleBy(clockOf(services), arrivedAt + SLACK_BUDGET.inlineWork, () => services.store.get(command.requestId));
      if (!read) return noticeView(en.deadline.storeTooSlow);
      return read.value ? statusView(read.value, en) : noticeView(en.requests.notFound(command.requestId));
    }
    case 'cancel': {
      // The answer needs only the write; the message and the thread are told by a job.
      const id = command.requestId;
      const outcome = await recordCancel(services.workflow, id, payload.user_id);
      if (
        needsFollowUp(outcome) &&
        !(await handOff(services, { kind: 'decision', action: 'cancel', requestId: id, actor: payload.user_id, outcome: summarize(outcome) }, arrivedAt))
      ) {
        logger.error(`request ${id}: cancelled, but its message could not be handed over for redrawing`);
      }
      return noticeView(outcomeText(outcome, id, 'cancel', en));
    }
  }
}

/** doctor: answered in-line when EC2 is quick, else acknowledged and finished by the worker (a lookup job). */
async function doctorCommand(
  command: DoctorCommand,
  args: {
    services: BotServices;
    payload: SlashCommand;
    text: string;
    ack: (view: SlackMessage) => Promise<void>;
    logger: Logger;
    slots: Slots;
    arrivedAt: number;
    en: Messages;
    locale: Locale;
  },
): Promise<void> {
  const { services, payload, text, ack, logger, slots, arrivedAt, en, locale } = args;
  try {
    const picked = accountEc2(estateAccess(services.ec2For, services.config.accounts, payload.user_id), command.account);
    if ('code' in picked) return await ack(problemView(picked, en));
    prepareHandOff(services);
    const outcome = await lookupWithin((signal) => runDoctor(command, picked.ec2, services.config, signal), services, slots, arrivedAt);
    if (outcome) return await ack(doctorView(outcome, en));
    const handedOff = await handOff(
      services,
      { kind: 'lookup', text, userId: payload.user_id, responseUrl: payload.response_url, ...localeField(services, locale) },
      arrivedAt,
    );
    if (!handedOff) logger.error('a slow doctor run could not be handed over in time');
    return await ack(noticeView(handedOff ? en.doctor.checking(escapeText(sourceText(command))) : en.deadline.handOffFailed));
  } catch (error) {
    logger.error('doctor failed', error);
    return ack(noticeView(en.internalError));
  }
}

function sourceText(command: DoctorCommand): string {
  const from = command.from;
  return from.kind === 'onprem' ? 'onprem' : from.kind === 'address' ? from.cidr : from.id;
}

export function registerCommand(app: App, services: BotServices): void {
  const slots = new Slots(INLINE_LOOKUPS.concurrent, INLINE_LOOKUPS.waiting);
  app.command('/privatelink', async ({ command: payload, ack, client, logger, context }) => {
    const arrivedAt = arrivalOf(context, clockOf(services));
    const text = unescapeText(payload.text ?? '');
    const parsed = parseCommand(text);
    // Ephemeral answers speak the user's language (`lang`), else LOCALE. READER_*: one check for every command, before
    // any of them runs. Both are asked at once: neither waits for the other's budget.
    const language = userLocale(services, payload.user_id, logger);
    const reader = parsed.ok ? readerCheckInTime(services, parsed.command.name, payload.user_id, client, logger, arrivedAt) : undefined;
    const { locale } = await language;
    const en = messagesFor(locale);
    if (!parsed.ok) return ack(ephemeral(parseErrorView(parsed.error, en)));
    const command = parsed.command;
    // A reader check may be slow enough to hand the command over: load the hand-off meanwhile (not for help or compare,
    // whose cold start must not pay for it).
    if (services.config.readers && !OPEN_COMMANDS.has(command.name)) prepareHandOff(services);
    const access = await reader!;
    // A lookup whose reader check Slack did not answer in time goes to the worker, which checks before it looks up.
    if (access === 'too-slow' && (isLookup(command) || command.name === 'doctor')) {
      const job = {
        kind: 'lookup' as const,
        text,
        userId: payload.user_id,
        responseUrl: payload.response_url,
        readerCheck: true,
        ...localeField(services, locale),
      };
      const handedOff = await handOff(services, job, arrivedAt);
      if (!handedOff) logger.error('a lookup whose reader check was slow could not be handed over in time');
      return ack(ephemeral(noticeView(handedOff ? en.lookingUp : en.deadline.handOffFailed)));
    }
    if (access !== 'allowed') return ack(ephemeral(noticeView(refusalText(access, en))));
    if (command.name === 'help' || command.name === 'compare') return ack(ephemeral(instantAnswer(command, en)));
    if (command.name === 'lang') return ack(ephemeral(await langCommand(command, services, payload.user_id, logger)));
    if (command.name === 'doctor')
      return doctorCommand(command, { services, payload, text, ack: (view) => ack(ephemeral(view)), logger, slots, arrivedAt, en, locale });
    if (!isLookup(command)) {
      try {
        prepareHandOff(services);
        const view = await requestCommand(command, { services, payload, client, logger, arrivedAt, en, locale });
        return await ack(view ? ephemeral(view) : undefined);
      } catch (error) {
        logger.error(`${command.name} failed`, error);
        return ack(ephemeral(noticeView(en.internalError)));
      }
    }

    try {
      prepareHandOff(services);
      // Every configured account (ACCOUNTS) in the user's name; a search too slow for Slack's 3 s goes to the worker.
      const estate = estateAccess(services.ec2For, services.config.accounts, payload.user_id);
      const result = await lookupWithin((signal) => runLookup(command, estate, services.config, signal), services, slots, arrivedAt);
      if (result) return await ack(ephemeral(lookupView(result, en)));
      const handedOff = await handOff(
        services,
        { kind: 'lookup', text, userId: payload.user_id, responseUrl: payload.response_url, ...localeField(services, locale) },
        arrivedAt,
      );
      if (!handedOff) logger.error('a slow lookup could not be handed over in time');
      return await ack(ephemeral(noticeView(handedOff ? en.lookingUp : en.deadline.handOffFailed)));
    } catch (error) {
      logger.error('lookup failed', error);
      return ack(ephemeral(noticeView(en.internalError)));
    }
  });
}
