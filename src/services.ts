/**
 * The composition root: everything the bot is made of, built once per process from the Config, unless a test
 * passes its own part. The Slack function (handler.ts), the worker (worker-handler.ts), the local server (server.ts,
 * both in one process), the CLI (cli.ts) and the test helpers (test/helpers/bot.ts) all build from `composeBot`.
 * Each part is built on first use and then kept: the CLI builds no Slack client, a worker no preference store,
 * and a click reuses the workflow's dependencies instead of rebuilding them.
 */
import type { Logger } from '@slack/bolt';
import { estateFromConfig, type Ec2For } from './accounts/estate.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { SLACK_BUDGET } from './deadline.js';
import { createEc2Adapter } from './endpoints/ec2.js';
import type { Ec2Api } from './endpoints/ec2-api.js';
import { messagesFor } from './i18n.js';
import type { CreateTiming } from './requests/create.js';
import type { Job } from './jobs/job.js';
import { lambdaJobQueue } from './jobs/queue.js';
import type { JobQueue } from './jobs/job.js';
import { createWorker } from './jobs/worker.js';
import { jsonLogger, logLevelFrom } from './log.js';
import { openPreferences } from './preferences/open.js';
import { openStore } from './requests/open-store.js';
import type { RequestStore } from './requests/store.js';
import type { WorkflowDependencies } from './requests/workflow.js';
import { slackApprovers, slackNotifier } from './slack/notifier.js';
import { localApprovalKey, withSecrets } from './secrets.js';
import type { SlackPort } from './slack/port.js';
import type { BotServices, WebClientLimits } from './slack/services.js';
import { slackPort, webClient } from './slack/web.js';

/** Which function a Web API client works for: the Slack function answers within 3 s, the worker has minutes. */
export type Door = 'slack' | 'worker';

// The listeners' view of the composition, declared with them (surface layer) so that they need not import upwards.
export type { BotServices, WebClientLimits };

export const WEB_CLIENT_LIMITS: Readonly<Record<Door, WebClientLimits>> = {
  slack: { retries: 1, timeoutMs: 2500 },
  worker: { retries: 3, timeoutMs: 10_000 },
};

export interface BotOverrides extends Partial<Omit<BotServices, 'webClient' | 'slack' | 'workflow'>> {
  /** Slack's Web API for both doors (tests fake it as a port; by default a WebClient per door). */
  slack?: SlackPort;
  webClient?: Partial<Record<Door, WebClientLimits>>;
  /** The create job's intervals (tests run them on a virtual clock). */
  timing?: CreateTiming;
}

export interface Bot {
  config: Config;
  /** The Slack function's services; building them needs the Slack settings and a job queue. */
  readonly services: BotServices;
  /** The worker: runs one job (on Lambda, one asynchronous invocation; locally, the in-process queue's jobs). */
  readonly runJob: (job: Job) => Promise<void>;
  readonly ec2: Ec2Api;
  /** The EC2 port acting in a configured account (ACCOUNTS): `home` is `ec2`; a member assumes its role, in the user's name. */
  readonly ec2For: Ec2For;
  readonly store: RequestStore;
  readonly jobs: JobQueue;
  readonly logger: Logger;
}

/** A value built on first use, then kept. */
function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

export function composeBot(config: Config, overrides: BotOverrides = {}): Bot {
  const limits = { ...WEB_CLIENT_LIMITS, ...overrides.webClient };
  const logger = once(() => overrides.logger ?? jsonLogger());
  const ec2 = once(() => overrides.ec2 ?? createEc2Adapter());
  const ec2For = once(() => overrides.ec2For ?? estateFromConfig(config, ec2()));
  const store = once(() => overrides.store ?? openStore(config));
  // Approvals are sealed with APPROVAL_KEY; locally, without it, with a key made once under DATA_DIR.
  // With a DynamoDB table and no key (a deploy without the parameter) nothing is sealed and the worker creates nothing.
  const approvalKey = once(
    (): Promise<string | undefined> => (config.approvalKey || config.requestsTable ? Promise.resolve(config.approvalKey) : localApprovalKey(config.dataDir)),
  );
  const preferences = once(() => overrides.preferences ?? openPreferences(config));
  const now = overrides.now ?? (() => new Date());
  const channelMessages = overrides.channelMessages ?? messagesFor(config.locale ?? 'en');
  const jobs = once(() => {
    if (overrides.jobs) return overrides.jobs;
    if (!config.workerFunctionName) throw new ConfigError('WORKER_FUNCTION_NAME', 'missing; serverless.yml sets it to the worker function');
    return lambdaJobQueue({
      worker: config.workerFunctionName,
      ...(config.interactiveFunctionName && { interactive: config.interactiveFunctionName }),
    });
  });
  const slackConfig = () => {
    if (!config.slack) throw new ConfigError('SLACK_BOT_TOKEN', 'missing; the bot posts to Slack');
    return config.slack;
  };
  const slackFor = (door: Door) => once(() => overrides.slack ?? slackPort(webClient(slackConfig(), limits[door])));
  const slack = { slack: slackFor('slack'), worker: slackFor('worker') };
  // The workflow's ports, one set per door (their Web API limits differ).
  const workflowFor = (door: Door) =>
    once(
      (): WorkflowDependencies => ({
        store: store(),
        ec2: ec2(),
        ec2For: ec2For(),
        approvers: slackApprovers(slack[door](), config.approvals),
        // Cards and threads in the channel's language; the requester's direct messages in theirs.
        notifier: slackNotifier(slack[door](), channelMessages, config.approvals, async (user) => {
          const chosen = await preferences().getLocale(user);
          return chosen ? messagesFor(chosen) : channelMessages;
        }),
        jobs: jobs(),
        approvals: config.approvals,
        approvalKey,
        regions: config,
        now,
        log: (message, error) => (error ? logger().error(message, error) : logger().info(message)),
        ...(config.accounts && { accounts: config.accounts }),
        ...(config.readers && { quietAccounts: true }),
      }),
    );
  const workflow = { slack: workflowFor('slack'), worker: workflowFor('worker') };

  const services = once(
    (): BotServices => ({
      config,
      ec2: ec2(),
      ec2For: ec2For(),
      jobs: jobs(),
      store: store(),
      preferences: preferences(),
      now,
      inlineWorkMs: overrides.inlineWorkMs ?? SLACK_BUDGET.inlineWork,
      ...(overrides.clock && { clock: overrides.clock }),
      logger: logger(),
      channelMessages,
      slack: slack.slack(),
      workflow: workflow.slack(),
      webClient: limits.slack,
    }),
  );
  const runJob = once(() =>
    createWorker({
      config,
      ec2For: ec2For(),
      store: store(),
      now,
      slack: slack.worker(),
      logger: logger(),
      workflow: workflow.worker(),
      preferences: preferences(),
      ...(overrides.timing && { timing: overrides.timing }),
    }),
  );
  return {
    config,
    get services() {
      return services();
    },
    get runJob() {
      return runJob();
    },
    get ec2() {
      return ec2();
    },
    get ec2For() {
      return ec2For();
    },
    get store() {
      return store();
    },
    get jobs() {
      return jobs();
    },
    get logger() {
      return logger();
    },
  };
}

/**
 * A Lambda entry point built once per container from the environment (Slack secrets read from SSM) and a JSON
 * logger. A failed build is not kept, so the next invocation tries again.
 */
export function lambdaEntry<E, R>(
  build: (config: Config, logger: Logger) => (event: E, context: unknown) => Promise<R>,
): (event: E, context: unknown) => Promise<R> {
  let built: Promise<(event: E, context: unknown) => Promise<R>> | undefined;
  return async (event, context) => {
    built ??= withSecrets(process.env).then((env) => build(loadConfig(env, { slack: true }), jsonLogger(undefined, logLevelFrom(env.LOG_LEVEL))));
    built.catch(() => (built = undefined));
    return (await built)(event, context);
  };
}

/** The Lambda invocation's request id, for the logs. */
export function awsRequestIdOf(context: unknown): string | undefined {
  return (context as { awsRequestId?: string } | undefined)?.awsRequestId;
}
