/** `/privatelink`: parse the text, answer fast, hand anything slow to a job. */
import type { App, Logger, RespondArguments, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BotServices } from '../../services.js';
import { parseCommand, type Command, type DoctorCommand } from '../../commands/parse.js';
import { runDoctor } from '../../doctor/run.js';
import { doctorView } from '../views/doctor.js';
import { decide } from '../../decision/engine.js';
import { reportDecision } from '../../decision/report.js';
import { isLookup, runLookup, type LookupCommand, type LookupResult } from '../../endpoints/lookups.js';
import type { Locale, Messages } from '../../i18n.js';
import { approvalsConfigured, cancel, outcomeText } from '../../requests/workflow.js';
import { escapeText, unescapeText, type SlackMessage } from '../views/blocks.js';
import { compareResultView } from '../views/compare.js';
import { lookupView } from '../views/endpoints.js';
import { helpView, noticeView, parseErrorView } from '../views/help.js';
import { createModal, requestsListView, statusView } from '../views/requests.js';
import { readerCheck } from '../readers.js';
import { slackPort } from '../web.js';
import { workflowDeps } from './requests.js';
import { compareView } from './compare.js';
import { langCommand, localeField, userLocale } from './locale.js';
import { messagesFor } from '../../i18n.js';

const ephemeral = (view: SlackMessage): RespondArguments => ({ response_type: 'ephemeral', ...view });

type InstantCommand = Extract<Command, { name: 'help' | 'compare' }>;
type RequestCommand = Extract<Command, { name: 'create' | 'requests' | 'status' | 'cancel' }>;

function instantAnswer(command: InstantCommand, en: Messages): SlackMessage {
  if (command.name === 'help') return helpView(en);
  // No answers (or no target yet): the walkthrough. Answers with a target: the result at once, with what could still change it.
  return command.order.length === 0 || command.answers.target === undefined ? compareView(command.answers, command.order, en) : compareResultView(reportDecision(decide(command.answers), en), command.answers, command.order, {}, en);
}

/** The lookup's result if EC2 answers within the budget; otherwise undefined, and the call is aborted. */
async function lookupWithin(command: LookupCommand, services: BotServices): Promise<LookupResult | undefined> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(undefined);
    }, services.inlineLookupMs);
  });
  const lookup = runLookup(command, services.ec2, services.config, controller.signal);
  try {
    return await Promise.race([lookup, deadline]);
  } finally {
    clearTimeout(timer);
    lookup.catch(() => undefined);
  }
}

async function requestCommand(command: RequestCommand, args: { services: BotServices; payload: SlashCommand; client: WebClient; logger: Logger; en: Messages; locale: Locale }): Promise<SlackMessage | undefined> {
  const { services, payload, client, logger, en } = args;
  switch (command.name) {
    case 'create': {
      if (!approvalsConfigured(services.config.approvals)) return noticeView(en.requests.notConfigured);
      if (!command.spec) {
        await client.views.open({ trigger_id: payload.trigger_id, view: createModal({ ...(services.config.defaultRegion && { region: services.config.defaultRegion }) }, en) });
        return undefined;
      }
      await services.jobs.enqueue({
        kind: 'submit',
        submission: { spec: command.spec, requester: payload.user_id, submissionKey: `trigger:${payload.trigger_id}`, ...localeField(services, args.locale) },
        replyTo: { responseUrl: payload.response_url },
      });
      return noticeView(en.preflight.checking(command.spec.vpcId));
    }
    case 'requests': {
      const requests = await services.store.list({ openOnly: command.filter === 'pending', limit: 50 });
      return requestsListView(requests, command.filter, services.now(), en);
    }
    case 'status': {
      const request = await services.store.get(command.requestId);
      return request ? statusView(request, en) : noticeView(en.requests.notFound(command.requestId));
    }
    case 'cancel': {
      const outcome = await cancel(workflowDeps(services, client, logger), command.requestId, payload.user_id);
      return noticeView(outcomeText(outcome, command.requestId, 'cancel', en));
    }
  }
}

/** doctor: answered in-line when EC2 is quick, else acknowledged and finished by the worker (a lookup job). */
async function doctorCommand(
  command: DoctorCommand,
  args: { services: BotServices; payload: SlashCommand; text: string; ack: (view: SlackMessage) => Promise<void>; logger: Logger; en: Messages; locale: Locale },
): Promise<void> {
  const { services, payload, text, ack, logger, en, locale } = args;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(undefined);
    }, services.inlineLookupMs);
  });
  const run = runDoctor(command, services.ec2, services.config, controller.signal);
  try {
    const outcome = await Promise.race([run, deadline]);
    if (outcome) return await ack(doctorView(outcome, en));
    await services.jobs.enqueue({ kind: 'lookup', text, userId: payload.user_id, responseUrl: payload.response_url, ...localeField(services, locale) });
    return await ack(noticeView(en.doctor.checking(escapeText(sourceText(command)))));
  } catch (error) {
    logger.error('doctor failed', error);
    return ack(noticeView(en.internalError));
  } finally {
    clearTimeout(timer);
    run.catch(() => undefined);
  }
}

function sourceText(command: DoctorCommand): string {
  const from = command.from;
  return from.kind === 'onprem' ? 'onprem' : from.kind === 'address' ? from.cidr : from.id;
}

export function registerCommand(app: App, services: BotServices): void {
  app.command('/privatelink', async ({ command: payload, ack, client, logger }) => {
    const text = unescapeText(payload.text ?? '');
    const parsed = parseCommand(text);
    // Ephemeral answers speak the user's language (`lang`), else LOCALE.
    const { locale } = await userLocale(services, payload.user_id, logger);
    const en = messagesFor(locale);
    if (!parsed.ok) return ack(ephemeral(parseErrorView(parsed.error, en)));
    const command = parsed.command;
    // READER_*: one check for every command, before any of them runs.
    const access = await readerCheck(command.name, payload.user_id, { ...services.config, usergroupMembers: (g) => slackPort(client).usergroupMembers(g) }, logger);
    if (access !== 'allowed') return ack(ephemeral(noticeView(access === 'refused' ? en.readers.onlyReaders : en.internalError)));
    if (command.name === 'help' || command.name === 'compare') return ack(ephemeral(instantAnswer(command, en)));
    if (command.name === 'lang') return ack(ephemeral(await langCommand(command, services, payload.user_id, logger)));
    if (command.name === 'doctor') return doctorCommand(command, { services, payload, text, ack: (view) => ack(ephemeral(view)), logger, en, locale });
    if (!isLookup(command)) {
      try {
        const view = await requestCommand(command, { services, payload, client, logger, en, locale });
        return await ack(view ? ephemeral(view) : undefined);
      } catch (error) {
        logger.error(`${command.name} failed`, error);
        return ack(ephemeral(noticeView(en.internalError)));
      }
    }

    try {
      const result = await lookupWithin(command, services);
      if (result) return await ack(ephemeral(lookupView(result, en)));
      await services.jobs.enqueue({ kind: 'lookup', text, userId: payload.user_id, responseUrl: payload.response_url, ...localeField(services, locale) });
      return await ack(ephemeral(noticeView(en.lookingUp)));
    } catch (error) {
      logger.error('lookup failed', error);
      return ack(ephemeral(noticeView(en.internalError)));
    }
  });
}
