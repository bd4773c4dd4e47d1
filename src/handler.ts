/** Lambda entry point of the Slack HTTP function (API Gateway HTTP API v2, REST v1, or a Function URL). */
import { AwsLambdaReceiver, type Logger } from '@slack/bolt';
import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver';
import { buildApp } from './app.js';
import { ConfigError, type Config } from './config.js';
import { arrivalTime, lambdaArrival, realClock, withArrival } from './deadline.js';
import { withLogContext } from './log.js';
import { awsRequestIdOf, composeBot, lambdaEntry, type Bot, type BotOverrides, type WebClientLimits } from './services.js';
import type { HttpHandler } from './slack/http-door.js';
import { checkSlackRequest } from './slack/verify.js';

export type { HttpHandler };

const reject = (statusCode: number): AwsResponse => ({ statusCode, body: '' });

export interface HandlerOverrides extends Omit<BotOverrides, 'webClient'> {
  logger?: Logger;
  /** The Web API client's limits; Lambda's default leaves room within Slack's 3 seconds. */
  webClient?: WebClientLimits;
}

/** Builds the HTTP handler; tests call this with their own config and fakes, Lambda uses `slack` below. */
export function createSlackHandler(config: Config, overrides: HandlerOverrides = {}): HttpHandler {
  const { webClient, ...rest } = overrides;
  return slackHandlerOf(composeBot(config, { ...rest, ...(webClient && { webClient: { slack: webClient } }) }));
}

/** The Slack function's HTTP handler over a composed bot (src/services.ts). */
export function slackHandlerOf(bot: Bot): HttpHandler {
  const slack = bot.config.slack;
  if (!slack) throw new ConfigError('SLACK_SIGNING_SECRET', 'missing; the Slack function needs the Slack settings');
  const { signingSecret } = slack;
  const services = bot.services;
  const { logger } = services;
  const clock = services.clock ?? realClock;
  // The request's arrival is carried to the listeners' middleware (src/slack/in-time.ts) by `withArrival`.
  const receiver = new AwsLambdaReceiver({ signingSecret, logger });
  buildApp(slack, { receiver, logger, webClient: services.webClient, services });
  const boltHandler = receiver.toHandler();

  return async (event, context) =>
    withArrival(arrivalTime(clock), () => withLogContext({ awsRequestId: awsRequestIdOf(context) }, () => handle(event, context)));

  async function handle(event: AwsEvent, context: unknown): Promise<AwsResponse> {
    // Bolt decodes base64 bodies as ASCII; decode as UTF-8 here and hand Bolt the text.
    const body = event.body == null ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    // The same checks as the local HTTP door (src/slack/http-door.ts hands its requests to this handler).
    const check = checkSlackRequest({ signingSecret, headers: event.headers, body, nowSeconds: Math.floor(Date.now() / 1000) });
    if (!check.ok) {
      logger.warn(`rejected a request: ${check.reason}`);
      return reject(check.status);
    }
    const { contentType, shape } = check;
    // Bolt compares the content type exactly: pass it without parameters such as `; charset=utf-8`.
    const headers = {
      ...Object.fromEntries(Object.entries(event.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-type')),
      'content-type': contentType,
    };
    // The user is known only now that the signature holds: every later line names who asked.
    return withLogContext({ slackUser: shape.user, slackRequest: shape.kind }, async () => {
      const started = Date.now();
      let response: AwsResponse;
      try {
        response = await boltHandler({ ...event, headers, body, isBase64Encoded: false } as AwsEvent, context);
      } catch (error) {
        logger.warn('could not process a signed request', error);
        response = reject(400);
      }
      logger.info(`answered ${shape.kind} with ${response.statusCode} in ${Date.now() - started} ms`);
      return response;
    });
  }
}

// The arrival is taken before anything else, the secrets and the app's construction included (src/deadline.ts).
const arrival = lambdaArrival();
const entry = lambdaEntry((config, logger) => createSlackHandler(config, { logger }));
export const slack: HttpHandler = (event, context) => withArrival(arrival(), () => entry(event, context));
