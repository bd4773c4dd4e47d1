/** `/privatelink`: parse the text, answer fast, hand anything slow to a job. */
import type { App, Logger, RespondArguments, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BotServices } from '../services.js';
import { accountsOf, estateAccess } from '../../accounts/model.js';
import { parseCommand, type Command, type DoctorCommand } from '../../commands/parse.js';
import { runDoctor } from '../../doctor/run.js';
import { doctorView } from '../views/doctor.js';
import { decide } from '../../decision/engine.js';
import { reportDecision } from '../views/report.js';
import { accountEc2, isLookup, runLookup } from '../../endpoints/lookups.js';
import type { Messages } from '../../i18n.js';
import { Slots } from '../../deadline.js';
import { needsFollowUp, recordCancel, summarize } from '../../requests/decide.js';
import { approvalsConfigured } from '../../requests/workflow.js';
import { commandSubmissionKey } from '../../requests/submit.js';
import { outcomeText } from '../views/notices.js';
import { OPEN_COMMANDS, refusalText } from '../readers.js';
import { escapeText, noticeView, unescapeText, type SlackMessage } from '../views/blocks.js';
import { compareResultView } from '../views/compare.js';
import { lookupView, problemView } from '../views/endpoints.js';
import { helpView, parseErrorView } from '../views/help.js';
import { REQUESTS_LISTED, createModal, requestsListView, statusView } from '../views/requests.js';
import { compareView } from '../views/compare.js';
import { inTimeOf, type InTime, type Language } from '../in-time.js';
import { langCommand } from './locale.js';

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

interface Request {
  services: BotServices;
  payload: SlashCommand;
  client: WebClient;
  logger: Logger;
  inTime: InTime;
  language: Language;
}

async function requestCommand(command: RequestCommand, { services, payload, client, logger, inTime, language }: Request): Promise<SlackMessage | undefined> {
  const en = language.msg;
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
        const opened = await inTime.beforeAnswer(() => client.views.open({ trigger_id: payload.trigger_id, view }));
        return opened ? undefined : noticeView(en.deadline.modalTooSlow);
      }
      const submission = {
        spec: command.spec,
        requester: payload.user_id,
        submissionKey: commandSubmissionKey(payload.user_id, command.spec),
        ...language.field,
      };
      const handedOff = await inTime.handOff({ kind: 'submit', submission, replyTo: { responseUrl: payload.response_url } });
      return noticeView(handedOff ? en.preflight.checking(command.spec.vpcId) : en.deadline.handOffFailed);
    }
    case 'requests': {
      const read = await inTime.inline(() => services.store.list({ openOnly: command.filter === 'pending', limit: REQUESTS_LISTED }));
      return read ? requestsListView(read.value, command.filter, services.now(), en) : noticeView(en.deadline.storeTooSlow);
    }
    case 'status': {
      const read = await inTime.inline(() => services.store.get(command.requestId));
      if (!read) return noticeView(en.deadline.storeTooSlow);
      return read.value ? statusView(read.value, en) : noticeView(en.requests.notFound(command.requestId));
    }
    case 'cancel': {
      // The answer needs only the write; the message and the thread are told by a job.
      const id = command.requestId;
      const outcome = await recordCancel(services.workflow, id, payload.user_id);
      if (
        needsFollowUp(outcome) &&
        !(await inTime.handOff({ kind: 'decision', action: 'cancel', requestId: id, actor: payload.user_id, outcome: summarize(outcome) }))
      ) {
        logger.error(`request ${id}: cancelled, but its message could not be handed over for redrawing`);
      }
      return noticeView(outcomeText(outcome, id, 'cancel', en));
    }
  }
}

function sourceText(command: DoctorCommand): string {
  const from = command.from;
  return from.kind === 'onprem' ? 'onprem' : from.kind === 'address' ? from.cidr : from.id;
}

export function registerCommand(app: App, services: BotServices): void {
  const slots = new Slots(INLINE_LOOKUPS.concurrent, INLINE_LOOKUPS.waiting);
  /** A lookup's result if EC2 answers within the in-line budget (waiting for a free slot included). */
  const lookupInline = async <T>(inTime: InTime, run: (signal: AbortSignal) => Promise<T>) =>
    (
      await inTime.inline(async (signal) => {
        if (!(await slots.acquire(signal))) return undefined;
        try {
          return await run(signal);
        } finally {
          slots.release();
        }
      })
    )?.value;

  app.command('/privatelink', async ({ command: payload, ack, client, logger, context }) => {
    const inTime = inTimeOf(context);
    const text = unescapeText(payload.text ?? '');
    const parsed = parseCommand(text);
    // Ephemeral answers speak the user's language (`lang`), else LOCALE. READER_*: one check for every command, before
    // any of them runs. Both are asked at once: neither waits for the other's budget.
    const languageRead = inTime.language();
    const reader = parsed.ok ? inTime.mayRead(parsed.command.name) : undefined;
    const language = await languageRead;
    const en = language.msg;
    const answer = (view: SlackMessage) => ack(ephemeral(view));
    if (!parsed.ok) return answer(parseErrorView(parsed.error, en));
    const command = parsed.command;
    // A reader check may be slow enough to hand the command over: load the hand-off meanwhile (not for help or compare,
    // whose cold start must not pay for it).
    if (services.config.readers && !OPEN_COMMANDS.has(command.name)) inTime.expectHandOff();
    const access = await reader!;
    /** A lookup finished by the worker; `readerCheck`: the worker checks the reader first. */
    const handLookupOver = async (notice: string, readerCheck?: true) => {
      const job = {
        kind: 'lookup' as const,
        text,
        userId: payload.user_id,
        responseUrl: payload.response_url,
        ...(readerCheck && { readerCheck }),
        ...language.field,
      };
      const handedOff = await inTime.handOff(job);
      if (!handedOff) logger.error(`a ${command.name} whose answer was slow could not be handed over in time`);
      return answer(noticeView(handedOff ? notice : en.deadline.handOffFailed));
    };
    // A lookup whose reader check Slack did not answer in time goes to the worker, which checks before it looks up.
    if (access === 'too-slow' && (isLookup(command) || command.name === 'doctor')) return handLookupOver(en.lookingUp, true);
    if (access !== 'allowed') return answer(noticeView(refusalText(access, en)));
    if (command.name === 'help' || command.name === 'compare') return answer(instantAnswer(command, en));
    if (command.name === 'lang') return answer(await langCommand(command, services, payload.user_id, language, logger));
    try {
      inTime.expectHandOff();
      if (command.name === 'doctor') {
        // Answered in-line when EC2 is quick, else acknowledged and finished by the worker (a lookup job).
        const picked = accountEc2(estateAccess(services.ec2For, services.config.accounts, payload.user_id), command.account);
        if ('code' in picked) return await answer(problemView(picked, en));
        const outcome = await lookupInline(inTime, (signal) => runDoctor(command, picked.ec2, services.config, signal));
        return await (outcome ? answer(doctorView(outcome, en)) : handLookupOver(en.doctor.checking(escapeText(sourceText(command)))));
      }
      if (!isLookup(command)) {
        const view = await requestCommand(command, { services, payload, client, logger, inTime, language });
        return await ack(view ? ephemeral(view) : undefined);
      }
      // Every configured account (ACCOUNTS) in the user's name; a search too slow for Slack's 3 s goes to the worker.
      const estate = estateAccess(services.ec2For, services.config.accounts, payload.user_id);
      const result = await lookupInline(inTime, (signal) => runLookup(command, estate, services.config, signal));
      return await (result ? answer(lookupView(result, en)) : handLookupOver(en.lookingUp));
    } catch (error) {
      logger.error(`${command.name} failed`, error);
      return answer(noticeView(en.internalError));
    }
  });
}
