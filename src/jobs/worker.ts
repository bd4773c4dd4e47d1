/** The worker: runs jobs handed off by the Slack function (Lambda) or the local queue, with the same code. */
import type { Logger } from '@slack/bolt';
import { parseCommand } from '../commands/parse.js';
import { messagesFor } from '../i18n.js';
import type { Config } from '../config.js';
import type { Ec2Api } from '../endpoints/ec2-api.js';
import { isLookup, runLookup } from '../endpoints/lookups.js';
import type { RequestStore } from '../requests/store.js';
import { submitRequest, workflowDependencies, type AccountEc2, type Reply } from '../requests/workflow.js';
import { postToResponseUrl } from '../slack/respond.js';
import { lookupView } from '../slack/views/endpoints.js';
import { runDoctor } from '../doctor/run.js';
import { doctorView } from '../slack/views/doctor.js';
import type { SlackPort } from '../slack/web.js';
import { DEFAULT_TIMING, runCreateJob, type CreateTiming } from './create-endpoint.js';
import { runDecisionJob } from './decision.js';
import type { Job, JobQueue, ReplyTo } from './job.js';
import { sweep } from './sweep.js';

export interface WorkerDependencies {
  config: Config;
  ec2: Ec2Api;
  store: RequestStore;
  slack: SlackPort;
  jobs: JobQueue;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
  timing?: CreateTiming;
  /** Member accounts (ACCOUNTS): preflight and create in a request's account. */
  ec2For?: AccountEc2;
}

export function createWorker(deps: WorkerDependencies): (job: Job) => Promise<void> {
  const channelMessages = messagesFor(deps.config.locale ?? 'en');
  const workflow = workflowDependencies({ ...deps, now: deps.now ?? (() => new Date()), channelMessages }, deps.slack, deps.logger);
  const slackApiUrl = deps.config.slack?.apiUrl;
  const reply = (to: ReplyTo): Reply =>
    'responseUrl' in to
      ? (message) => postToResponseUrl(to.responseUrl, { replace_original: true, response_type: 'ephemeral', ...message }, slackApiUrl)
      : async (message) => void (await deps.slack.postMessage(to.userId, message));

  return async (job) => {
    switch (job.kind) {
      case 'lookup': {
        const parsed = parseCommand(job.text);
        const msg = messagesFor(job.locale ?? deps.config.locale ?? 'en');
        if (parsed.ok && parsed.command.name === 'doctor') {
          await reply({ responseUrl: job.responseUrl })(doctorView(await runDoctor(parsed.command, deps.ec2, deps.config), msg));
          return;
        }
        if (!parsed.ok || !isLookup(parsed.command)) {
          deps.logger.warn('lookup job with a text that is not a lookup; dropped');
          return;
        }
        await reply({ responseUrl: job.responseUrl })(lookupView(await runLookup(parsed.command, deps.ec2, deps.config), msg));
        return;
      }
      case 'submit':
        await submitRequest(workflow, job.submission, reply(job.replyTo));
        return;
      case 'create':
        await runCreateJob(workflow, job.requestId, deps.timing ?? DEFAULT_TIMING);
        return;
      case 'decision':
        await runDecisionJob(workflow, job, job.responseUrl ? (message) => postToResponseUrl(job.responseUrl!, message, slackApiUrl) : undefined);
        return;
      case 'sweep': {
        const counts = await sweep(workflow);
        deps.logger.info(`sweep: ${JSON.stringify(counts)}`);
        return;
      }
    }
  };
}
