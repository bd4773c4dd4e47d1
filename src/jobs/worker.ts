/**
 * The worker: runs jobs handed off by the Slack function (Lambda) or the local queue, with the same code. One
 * entry per job kind; each runs one use case and renders its outcome where the person who asked will see it.
 */
import type { Logger } from '@slack/bolt';
import type { Ec2For } from '../accounts/model.js';
import { estateAccess } from '../accounts/model.js';
import { parseCommand } from '../commands/parse.js';
import type { Config } from '../config.js';
import { runDoctor } from '../doctor/run.js';
import { accountEc2, isLookup, runLookup } from '../endpoints/lookups.js';
import { messagesFor, type Locale, type Messages } from '../i18n.js';
import { DEFAULT_TIMING, runCreateJob, type CreateTiming } from '../requests/create.js';
import { finishDecision } from '../requests/decide.js';
import type { PreferenceStore } from '../preferences/store.js';
import type { RequestStore } from '../requests/store.js';
import { submitRequest } from '../requests/submit.js';
import { sweep } from '../requests/sweep.js';
import type { Approvers } from '../requests/types.js';
import type { WorkflowDependencies } from '../requests/workflow.js';
import { drawHome, requestsPage } from '../slack/pages.js';
import type { SlackMessage, SlackPort } from '../slack/port.js';
import { readerCheck, refusalText } from '../slack/readers.js';
import { postToResponseUrl } from '../slack/respond.js';
import { noticeView } from '../slack/views/blocks.js';
import { compareStepAnswer } from '../slack/views/compare.js';
import { doctorView } from '../slack/views/doctor.js';
import { lookupView, problemView } from '../slack/views/endpoints.js';
import { approverMentions, outcomeText, submitOutcomeView } from '../slack/views/notices.js';
import type { Job, ReplyTo } from './job.js';

/** What the worker is given by the composition root (src/services.ts). */
export interface WorkerDependencies {
  config: Config;
  store: RequestStore;
  /** Slack's Web API with the worker's patience. */
  slack: SlackPort;
  ec2For: Ec2For;
  /** The request lifecycle's ports, over the worker's Slack client. */
  workflow: WorkflowDependencies & { approvers: Approvers };
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  timing?: CreateTiming;
  /** Each user's chosen language: a clicker is answered in theirs (LOCALE when none, or when it cannot be read). */
  preferences?: Pick<PreferenceStore, 'getLocale'>;
}

type Handlers = { [K in Job['kind']]: (job: Extract<Job, { kind: K }>) => Promise<void> };

export function createWorker(deps: WorkerDependencies): (job: Job) => Promise<void> {
  const { config, logger, workflow } = deps;
  const channelMessages = messagesFor(config.locale ?? 'en');
  const wordsOf = (locale: Locale | undefined): Messages => messagesFor(locale ?? config.locale ?? 'en');
  const apiUrl = config.slack?.apiUrl;
  /** What a user chose (`/privatelink lang`); the worker has the time to read it. */
  const wordsOfUser = async (user: string): Promise<Messages> => {
    try {
      return wordsOf(await deps.preferences?.getLocale(user));
    } catch (error) {
      logger.warn(`could not read the language of ${user}: ${error instanceof Error ? error.message : String(error)}`);
      return channelMessages;
    }
  };
  /** Where the worker answers the person who asked: in place of the ephemeral answer, or by direct message. */
  const reply = async (to: ReplyTo, message: SlackMessage) => {
    if ('responseUrl' in to) await postToResponseUrl(to.responseUrl, { replace_original: true, response_type: 'ephemeral', ...message }, apiUrl);
    else await deps.slack.postMessage(to.userId, message);
  };

  const handlers: Handlers = {
    async lookup(job) {
      const parsed = parseCommand(job.text);
      const msg = wordsOf(job.locale);
      const to = { responseUrl: job.responseUrl };
      if (job.readerCheck && parsed.ok) {
        const access = await readerCheck(parsed.command.name, job.userId, { ...config, usergroupMembers: (g) => deps.slack.usergroupMembers(g) }, logger);
        if (access !== 'allowed') return reply(to, noticeView(refusalText(access, msg)));
      }
      const estate = estateAccess(deps.ec2For, config.accounts, job.userId);
      if (parsed.ok && parsed.command.name === 'doctor') {
        const picked = accountEc2(estate, parsed.command.account);
        return reply(to, 'code' in picked ? problemView(picked, msg) : doctorView(await runDoctor(parsed.command, picked.ec2, config), msg));
      }
      if (!parsed.ok || !isLookup(parsed.command)) return void logger.warn('lookup job with a text that is not a lookup; dropped');
      return reply(to, lookupView(await runLookup(parsed.command, estate, config), msg));
    },
    submit: async (job) => reply(job.replyTo, submitOutcomeView(await submitRequest(workflow, job.submission), wordsOf(job.submission.locale))),
    create: (job) => runCreateJob(workflow, job.requestId, deps.timing ?? DEFAULT_TIMING),
    async decision(job) {
      const outcome = await finishDecision(workflow, job);
      // An approver's own decision shows in the redrawn message; everything else is said to the clicker alone, in their language.
      const { action, responseUrl } = job;
      if (!responseUrl || (action !== 'cancel' && outcome.kind === 'decided')) return;
      const msg = await wordsOfUser(job.actor);
      const text = outcomeText(outcome, job.requestId, action === 'cancel' ? 'cancel' : 'decide', msg, approverMentions(config.approvals));
      await postToResponseUrl(
        responseUrl,
        { response_type: 'ephemeral', replace_original: action === 'cancel' && outcome.kind === 'decided', ...noticeView(text) },
        apiUrl,
      );
    },
    async compare(job) {
      // A Share is for the whole channel: its words are the channel's (LOCALE), as when posted while Slack waited.
      const msg = job.step === 'share' ? channelMessages : wordsOf(job.locale);
      const post = postToResponseUrl(job.responseUrl, compareStepAnswer(job.step, job.value, job.user, msg), apiUrl);
      if (job.step !== 'share') return post;
      // Posted in the channel at most once: a post that failed is not retried (Slack may have taken it anyway).
      return post.catch((error: unknown) => logger.error('compare share: the result could not be posted in the channel', error));
    },
    'requests-page': async (job) => postToResponseUrl(job.responseUrl, await requestsPage(deps.store, job.value, deps.now(), wordsOf(job.locale)), apiUrl),
    home: (job) =>
      drawHome({ store: deps.store, approvers: workflow.approvers, now: deps.now }, deps.slack, job.userId, wordsOf(job.locale), logger, job.notice),
    async sweep() {
      logger.info(`sweep: ${JSON.stringify(await sweep(workflow))}`);
    },
  };
  return (job) => (handlers[job.kind] as (job: Job) => Promise<void>)(job);
}
