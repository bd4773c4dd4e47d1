/** Local entry (`npm start`): Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT at /slack/events. */
import { HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { config as loadDotenv } from 'dotenv';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { realClock } from './deadline.js';
import { createEc2Adapter } from './endpoints/ec2.js';
import { InProcessJobQueue, type Job } from './jobs/queue.js';
import { createWorker } from './jobs/worker.js';
import { jsonLogger, logLevelFrom } from './log.js';
import { openStore } from './requests/open-store.js';
import { INLINE_LOOKUP_MS } from './services.js';
import { slackPort, webClient } from './slack/web.js';

const SWEEP_INTERVAL_MS = 2 * 60_000;

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env, { slack: true });
  const slack = config.slack!;
  const logger = jsonLogger(undefined, logLevelFrom(process.env.LOG_LEVEL));
  const ec2 = createEc2Adapter();
  const store = openStore(config);
  const now = () => new Date();
  // Jobs run in this process with the worker's code; requests live on disk (or DynamoDB), so a restart loses nothing.
  let runJob: (job: Job) => Promise<void> = async () => undefined;
  const jobs = new InProcessJobQueue((job) => runJob(job), (error, job) => logger.error(`job ${job.kind} failed`, error));
  runJob = createWorker({ config, ec2, store, jobs, now, logger, slack: slackPort(webClient(slack, { retries: 5, timeoutMs: 10_000 })) });
  // The sweep resumes anything a restart interrupted, at start and then every few minutes.
  const runSweep = () => void jobs.enqueue({ kind: 'sweep' });
  runSweep();
  setInterval(runSweep, SWEEP_INTERVAL_MS).unref();
  // Listeners find the request's arrival in their context: Slack's deadlines count from it.
  const customPropertiesExtractor = () => ({ arrivedAt: realClock.now() });
  const receiver: Receiver = slack.appToken
    ? new SocketModeReceiver({ appToken: slack.appToken, logger, customPropertiesExtractor })
    : new HTTPReceiver({ signingSecret: slack.signingSecret, endpoints: '/slack/events', port: config.port, logger, customPropertiesExtractor });
  // The same budgets as on Lambda, from each request's arrival: a burst or a slow EC2 hands lookups to the jobs.
  const app = buildApp(slack, { receiver, logger, webClient: { retries: 5, timeoutMs: 10_000 }, services: { config, ec2, jobs, store, now, inlineLookupMs: INLINE_LOOKUP_MS, clock: realClock } });
  await app.start(config.port);
  logger.info(slack.appToken ? 'privatelink bot connected over Socket Mode' : `privatelink bot listening on http://localhost:${config.port}/slack/events`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`privatelink: ${error.message}\n  Put it in .env (see .env.example) or the environment; README.md, "Run it locally", explains each variable.\n`);
  } else {
    process.stderr.write(`privatelink: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
