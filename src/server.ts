/** Local entry (`npm start`): Socket Mode when SLACK_APP_TOKEN is set, else HTTP on HOST:PORT at /slack/events. */
import { SocketModeReceiver } from '@slack/bolt';
import { config as loadDotenv } from 'dotenv';
import { buildApp } from './app.js';
import type { Logger } from '@slack/bolt';
import { type Config, ConfigError, DEFAULT_HOST, loadConfig } from './config.js';
import { realClock } from './deadline.js';
import { slackHandlerOf } from './handler.js';
import { IN_PROCESS_LIMITS, InProcessJobQueue } from './jobs/queue.js';
import type { Job } from './jobs/job.js';
import { jsonLogger, logLevelFrom } from './log.js';
import { approvalsConfigured } from './requests/workflow.js';
import { type Bot, type BotOverrides, composeBot } from './services.js';
import { serveSlackHttp } from './slack/http-door.js';

const SWEEP_INTERVAL_MS = 2 * 60_000;
/** One process does both functions' work here: its Web API calls get the worker's patience. */
const LOCAL_WEB_CLIENT = { retries: 5, timeoutMs: 10_000 };

/** Logged each time the last job running in this process ends: everything handed over so far is done. */
export const JOBS_IDLE = 'jobs: none running';

/**
 * Both functions' work in one process: jobs run on the in-process queue with the worker's code, each as soon as
 * it is handed over (a create following its endpoint holds no other job back); requests live on disk (or
 * DynamoDB), so a restart loses nothing. `overrides` are for tests.
 */
export function composeLocalBot(config: Config, logger: Logger, overrides: Omit<BotOverrides, 'jobs' | 'logger'> = {}): { bot: Bot; jobs: InProcessJobQueue } {
  let runJob: (job: Job) => Promise<void> = async () => undefined;
  const jobs = new InProcessJobQueue(
    (job) => runJob(job),
    (error, job) => logger.error(`job ${job.kind} failed`, error),
    IN_PROCESS_LIMITS,
    () => logger.info(JOBS_IDLE),
  );
  // The same budgets as on Lambda, from each request's arrival: a burst or a slow EC2 hands lookups to the jobs.
  const bot = composeBot(config, { clock: realClock, webClient: { slack: LOCAL_WEB_CLIENT, worker: LOCAL_WEB_CLIENT }, ...overrides, jobs, logger });
  runJob = bot.runJob;
  return { bot, jobs };
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env, { slack: true });
  const slack = config.slack!;
  const logger = jsonLogger(undefined, logLevelFrom(process.env.LOG_LEVEL));
  const { bot, jobs } = composeLocalBot(config, logger);
  if (!approvalsConfigured(config.approvals)) {
    logger.warn('approvals are not configured: create answers that it is off; set APPROVAL_CHANNEL_ID and APPROVER_USER_IDS or APPROVER_USERGROUP_ID');
  }
  // The sweep resumes anything a restart interrupted, at start and then every few minutes.
  const runSweep = () => void jobs.enqueue({ kind: 'sweep' });
  runSweep();
  setInterval(runSweep, SWEEP_INTERVAL_MS).unref();
  if (slack.appToken) {
    // Listeners find the request's arrival in their context: Slack's deadlines count from it.
    const customPropertiesExtractor = () => ({ arrivedAt: realClock.now() });
    const receiver = new SocketModeReceiver({ appToken: slack.appToken, logger, customPropertiesExtractor });
    const app = buildApp(slack, { receiver, logger, webClient: LOCAL_WEB_CLIENT, services: bot.services });
    await app.start();
    logger.info('privatelink bot connected over Socket Mode');
    warmUpEc2();
    return;
  }
  // HTTP: the Lambda function's handler behind a local server, so both doors run the same request checks (and
  // the handler takes each request's arrival time itself).
  const door = await serveSlackHttp(slackHandlerOf(bot), { host: config.host ?? DEFAULT_HOST, port: config.port, logger });
  logger.info(`privatelink bot listening on ${door.url}`);
  warmUpEc2();
}

/** Loads the EC2 client while the bot waits for its first command, so a first burst of lookups does not pay for it. */
function warmUpEc2(): void {
  setImmediate(() => void import('./sdk/ec2.js').catch(() => undefined));
  // Node loads its fetch (undici) on the first call, blocking for 0.1–0.4 s: the first lookup handed off to a job,
  // which answers on response_url, would otherwise stall every request of a burst. A data: URL needs no network.
  setImmediate(() => void fetch('data:,').catch(() => undefined));
}

if (require.main === module)
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${error.message
          .split('\n')
          .map((line) => `privatelink: ${line}\n`)
          .join('')}  Put it in .env (see .env.example) or the environment; docs/operations.md, "Configuration", explains each variable.\n`,
      );
    } else {
      process.stderr.write(`privatelink: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  });
