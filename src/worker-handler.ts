/** Lambda entry point of the worker: jobs invoked asynchronously by the Slack function, and the scheduled sweep. */
import type { Logger } from '@slack/bolt';
import { ConfigError, type Config } from './config.js';
import type { CreateTiming } from './jobs/create-endpoint.js';
import type { Job } from './jobs/queue.js';
import { createWorker } from './jobs/worker.js';
import { jsonLogger, withLogContext } from './log.js';
import { awsRequestIdOf, botServices, lambdaEntry, type BotServices } from './services.js';
import { slackPort, webClient, type SlackPort } from './slack/web.js';

export type WorkerHandler = (job: Job, context?: unknown) => Promise<void>;

export interface WorkerOverrides extends Partial<BotServices> {
  logger?: Logger;
  slack?: SlackPort;
  timing?: CreateTiming;
}

export function createWorkerHandler(config: Config, overrides: WorkerOverrides = {}): WorkerHandler {
  const slackConfig = config.slack;
  if (!slackConfig) throw new ConfigError('SLACK_BOT_TOKEN', 'missing; the worker posts to Slack');
  const logger = overrides.logger ?? jsonLogger();
  const { ec2, ec2For, jobs, store, now } = botServices(config, overrides);
  const slack = overrides.slack ?? slackPort(webClient(slackConfig, { retries: 3, timeoutMs: 10_000 }));
  const run = createWorker({ config, ec2, ec2For, jobs, store, now, slack, logger, ...(overrides.timing && { timing: overrides.timing }) });
  return async (job, context) => {
    if (typeof job !== 'object' || job === null || typeof (job as { kind?: unknown }).kind !== 'string') {
      logger.warn('ignored an event that is not a job', job);
      return;
    }
    const awsRequestId = awsRequestIdOf(context);
    const requestId = job.kind === 'create' || job.kind === 'decision' ? job.requestId : undefined;
    const slackUser = job.kind === 'lookup' ? job.userId : job.kind === 'submit' ? job.submission.requester : job.kind === 'decision' ? job.actor : undefined;
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
