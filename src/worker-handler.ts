/** Lambda entry point of the worker: jobs invoked asynchronously by the Slack function, and the scheduled sweep. */
import { ConfigError, type Config } from './config.js';
import type { Job } from './jobs/job.js';
import { withLogContext } from './log.js';
import { awsRequestIdOf, composeBot, lambdaEntry, type Bot, type BotOverrides } from './services.js';

export type WorkerHandler = (job: Job, context?: unknown) => Promise<void>;

export type WorkerOverrides = BotOverrides;

export function createWorkerHandler(config: Config, overrides: WorkerOverrides = {}): WorkerHandler {
  return workerHandlerOf(composeBot(config, overrides));
}

/** The worker function's handler over a composed bot (src/services.ts). */
export function workerHandlerOf(bot: Bot): WorkerHandler {
  if (!bot.config.slack) throw new ConfigError('SLACK_BOT_TOKEN', 'missing; the worker posts to Slack');
  const { logger } = bot;
  // Built now, not at the first job: a missing setting fails the function's start, not a job.
  void bot.jobs;
  const run = bot.runJob;
  return async (job, context) => {
    if (typeof job !== 'object' || job === null || typeof (job as { kind?: unknown }).kind !== 'string') {
      logger.warn('ignored an event that is not a job', job);
      return;
    }
    const awsRequestId = awsRequestIdOf(context);
    const requestId = job.kind === 'create' || job.kind === 'decision' ? job.requestId : undefined;
    const slackUser = userOf(job);
    await withLogContext({ awsRequestId, job: job.kind, requestId, slackUser }, async () => {
      try {
        await run(job);
        logger.info(`job ${job.kind} done`);
      } catch (error) {
        // Thrown on: Lambda retries the delivery (twice), then sends it to the failure queue.
        logger.error(`job ${job.kind} failed`, error);
        throw error;
      }
    });
  };
}

export const worker: WorkerHandler = lambdaEntry((config, logger) => createWorkerHandler(config, { logger }));

/** Who the job acts for, named on each of its log lines. */
function userOf(job: Job): string | undefined {
  switch (job.kind) {
    case 'lookup':
    case 'home':
      return job.userId;
    case 'submit':
      return job.submission.requester;
    case 'decision':
      return job.actor;
    case 'compare':
    case 'requests-page':
      return job.user;
    default:
      return undefined;
  }
}
