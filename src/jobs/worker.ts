/** The worker: runs jobs handed off by the Slack function (Lambda) or the local queue, with the same code. */
import type { Logger } from '@slack/bolt';
import { parseCommand } from '../commands/parse.js';
import { messagesFor } from '../i18n.js';
import type { Config } from '../config.js';
import type { Ec2Api } from '../endpoints/ec2-api.js';
import { accountEc2, isLookup, runLookup } from '../endpoints/lookups.js';
import { estateFromConfig } from '../accounts/estate.js';
import { type Ec2For, estateAccess } from '../accounts/model.js';
import type { RequestStore } from '../requests/store.js';
import { submitRequest, workflowDependencies, type WorkflowDependencies } from '../requests/workflow.js';
import type { SlackMessage } from '../slack/port.js';
import { slackNotifier } from '../slack/notifier.js';
import { submitOutcomeView } from '../slack/views/notices.js';
import { postToResponseUrl } from '../slack/respond.js';
import { compareStepAnswer } from '../slack/listeners/compare.js';
import { drawHome } from '../slack/home.js';
import { requestsPage } from '../slack/listeners/list.js';
import { readerCheck, refusalText } from '../slack/readers.js';
import { noticeView } from '../slack/views/blocks.js';
import { lookupView, problemView } from '../slack/views/endpoints.js';
import { runDoctor } from '../doctor/run.js';
import { doctorView } from '../slack/views/doctor.js';
import type { SlackPort } from '../slack/web.js';
import { DEFAULT_TIMING, runCreateJob, type CreateTiming } from './create-endpoint.js';
import { runDecisionJob } from './decision.js';
import type { Job, JobQueue, ReplyTo } from './job.js';
import { sweep } from './sweep.js';

/** Where the worker answers the person who asked. */
type Reply = (message: SlackMessage) => Promise<void>;

export interface WorkerDependencies {
  config: Config;
  ec2: Ec2Api;
  store: RequestStore;
  slack: SlackPort;
  jobs: JobQueue;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
  timing?: CreateTiming;
  /** The workflow's ports as the composition root built them (src/services.ts); built here when not given. */
  workflow?: WorkflowDependencies;
  /** Issue 17: the EC2 port of each configured account; by default built from config.accounts around `ec2`. */
  ec2For?: Ec2For;
}

export function createWorker(deps: WorkerDependencies): (job: Job) => Promise<void> {
  const channelMessages = messagesFor(deps.config.locale ?? 'en');
  const slackApiUrl = deps.config.slack?.apiUrl;
  const reply = (to: ReplyTo): Reply =>
    'responseUrl' in to
      ? (message) => postToResponseUrl(to.responseUrl, { replace_original: true, response_type: 'ephemeral', ...message }, slackApiUrl)
      : async (message) => void (await deps.slack.postMessage(to.userId, message));

  const ec2For = deps.ec2For ?? estateFromConfig(deps.config, deps.ec2);
  // The same accounts for requests: preflight and create in a request's account (issue 17).
  const workflow =
    deps.workflow ??
    workflowDependencies(
      { ...deps, ec2For, now: deps.now ?? (() => new Date()) },
      deps.slack,
      deps.logger,
      slackNotifier(deps.slack, channelMessages, deps.config.approvals),
    );

  return async (job) => {
    switch (job.kind) {
      case 'lookup': {
        const parsed = parseCommand(job.text);
        const msg = messagesFor(job.locale ?? deps.config.locale ?? 'en');
        if (job.readerCheck && parsed.ok) {
          const access = await readerCheck(
            parsed.command.name,
            job.userId,
            { ...deps.config, usergroupMembers: (g) => deps.slack.usergroupMembers(g) },
            deps.logger,
          );
          if (access !== 'allowed') {
            await reply({ responseUrl: job.responseUrl })(noticeView(refusalText(access, msg)));
            return;
          }
        }
        const estate = estateAccess(ec2For, deps.config.accounts, job.userId);
        if (parsed.ok && parsed.command.name === 'doctor') {
          const picked = accountEc2(estate, parsed.command.account);
          const view = 'code' in picked ? problemView(picked, msg) : doctorView(await runDoctor(parsed.command, picked.ec2, deps.config), msg);
          await reply({ responseUrl: job.responseUrl })(view);
          return;
        }
        if (!parsed.ok || !isLookup(parsed.command)) {
          deps.logger.warn('lookup job with a text that is not a lookup; dropped');
          return;
        }
        await reply({ responseUrl: job.responseUrl })(lookupView(await runLookup(parsed.command, estate, deps.config), msg));
        return;
      }
      case 'submit':
        await reply(job.replyTo)(
          submitOutcomeView(await submitRequest(workflow, job.submission), messagesFor(job.submission.locale ?? deps.config.locale ?? 'en')),
        );
        return;
      case 'create':
        await runCreateJob(workflow, job.requestId, deps.timing ?? DEFAULT_TIMING);
        return;
      case 'decision':
        await runDecisionJob(
          workflow,
          job,
          job.responseUrl ? (message) => postToResponseUrl(job.responseUrl!, message, slackApiUrl) : undefined,
          channelMessages,
        );
        return;
      case 'compare': {
        // A Share is for the whole channel: its words are the channel's (LOCALE), as when posted while Slack waited.
        const msg = job.step === 'share' ? channelMessages : messagesFor(job.locale ?? deps.config.locale ?? 'en');
        const post = postToResponseUrl(job.responseUrl, compareStepAnswer(job.step, job.value, job.user, msg), slackApiUrl);
        if (job.step !== 'share') return post;
        // Posted in the channel at most once: a post that failed is not retried (Slack may have taken it anyway).
        return post.catch((error: unknown) => deps.logger.error('compare share: the result could not be posted in the channel', error));
      }
      case 'requests-page': {
        const msg = messagesFor(job.locale ?? deps.config.locale ?? 'en');
        await postToResponseUrl(job.responseUrl, await requestsPage(deps.store, job.value, (deps.now ?? (() => new Date()))(), msg), slackApiUrl);
        return;
      }
      case 'home':
        await drawHome(
          { store: deps.store, workflow, now: deps.now ?? (() => new Date()) },
          deps.slack,
          job.userId,
          messagesFor(job.locale ?? deps.config.locale ?? 'en'),
          deps.logger,
          job.notice,
        );
        return;
      case 'sweep': {
        const counts = await sweep(workflow);
        deps.logger.info(`sweep: ${JSON.stringify(counts)}`);
        return;
      }
    }
  };
}
