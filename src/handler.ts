/** Lambda entry points: the Slack HTTP function (API Gateway v1/v2 or a Function URL) and the worker. */
import { AwsLambdaReceiver, LogLevel, type Logger } from '@slack/bolt';
import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver';
import { buildApp, type BotServices } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createEc2Adapter } from './endpoints/ec2.js';
import type { CreateTiming } from './jobs/create-endpoint.js';
import { lambdaJobQueue, type Job } from './jobs/queue.js';
import { createWorker } from './jobs/worker.js';
import { jsonLogger } from './log.js';
import { openStore } from './requests/open-store.js';
import { slackPort, webClient, type SlackPort } from './slack/web.js';
import { signatureProblem } from './slack/verify.js';

export type HttpHandler = (event: AwsEvent, context: unknown) => Promise<AwsResponse>;
export type WorkerHandler = (job: Job, context?: unknown) => Promise<void>;

const ACCEPTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'application/json']);
/** Slack allows 3 s end to end; a lookup slower than this is finished by the worker. */
const INLINE_LOOKUP_MS = 1500;

function header(headers: Record<string, string | undefined> | null | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

const reject = (statusCode: number): AwsResponse => ({ statusCode, body: '' });

export interface HandlerOverrides extends Partial<BotServices> {
  logger?: Logger;
  slack?: SlackPort;
  timing?: CreateTiming;
}

function services(config: Config, overrides: HandlerOverrides): BotServices {
  const workerFunctionName = config.workerFunctionName;
  if (!overrides.jobs && !workerFunctionName) throw new ConfigError('WORKER_FUNCTION_NAME', 'missing; serverless.yml sets it to the worker function');
  return {
    config,
    ec2: overrides.ec2 ?? createEc2Adapter(),
    jobs: overrides.jobs ?? lambdaJobQueue(workerFunctionName!),
    store: overrides.store ?? openStore(config),
    now: overrides.now ?? (() => new Date()),
    inlineLookupMs: overrides.inlineLookupMs ?? INLINE_LOOKUP_MS,
  };
}

/** Builds the HTTP handler; tests call this with their own config and fakes, Lambda uses `slack` below. */
export function createSlackHandler(config: Config, overrides: HandlerOverrides = {}): HttpHandler {
  const slack = config.slack;
  if (!slack) throw new ConfigError('SLACK_SIGNING_SECRET', 'missing; the Slack function needs the Slack settings');
  const logger = overrides.logger ?? jsonLogger();
  const receiver = new AwsLambdaReceiver({ signingSecret: slack.signingSecret, logger });
  buildApp(slack, { receiver, logger, webClient: { retries: 1, timeoutMs: 2500 }, services: services(config, overrides) });
  const boltHandler = receiver.toHandler();

  return async (event, context) => {
    // Bolt decodes base64 bodies as ASCII; decode as UTF-8 here and hand Bolt the text.
    const body = event.body == null ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    const contentType = header(event.headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    const problem = signatureProblem({
      signingSecret: slack.signingSecret,
      body,
      signature: header(event.headers, 'x-slack-signature'),
      timestamp: header(event.headers, 'x-slack-request-timestamp'),
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (problem) {
      logger.warn(`rejected a request: signature ${problem}`);
      return reject(401);
    }
    if (!contentType || !ACCEPTED_CONTENT_TYPES.has(contentType)) return reject(415);
    // Bolt compares the content type exactly: pass it without parameters such as `; charset=utf-8`.
    const headers = { ...Object.fromEntries(Object.entries(event.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-type')), 'content-type': contentType };
    try {
      return await boltHandler({ ...event, headers, body, isBase64Encoded: false } as AwsEvent, context);
    } catch (error) {
      logger.warn('could not process a signed request', error);
      return reject(400);
    }
  };
}

export function createWorkerHandler(config: Config, overrides: HandlerOverrides = {}): WorkerHandler {
  const slackConfig = config.slack;
  if (!slackConfig) throw new ConfigError('SLACK_BOT_TOKEN', 'missing; the worker posts to Slack');
  const logger = overrides.logger ?? jsonLogger();
  const { ec2, jobs, store, now } = services(config, overrides);
  const slack = overrides.slack ?? slackPort(webClient(slackConfig, { retries: 3, timeoutMs: 10_000 }));
  const run = createWorker({ config, ec2, jobs, store, now, slack, logger, ...(overrides.timing && { timing: overrides.timing }) });
  return async (job) => run(job);
}

let slackHandler: HttpHandler | undefined;
let workerHandler: WorkerHandler | undefined;
const envLogLevel = () => (process.env.LOG_LEVEL as LogLevel | undefined) ?? LogLevel.INFO;

export async function slack(event: AwsEvent, context: unknown): Promise<AwsResponse> {
  slackHandler ??= createSlackHandler(loadConfig(process.env, { slack: true }), { logger: jsonLogger(undefined, envLogLevel()) });
  return slackHandler(event, context);
}

export async function worker(job: Job, context: unknown): Promise<void> {
  workerHandler ??= createWorkerHandler(loadConfig(process.env, { slack: true }), { logger: jsonLogger(undefined, envLogLevel()) });
  return workerHandler(job, context);
}
