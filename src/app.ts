/** The Bolt app built from the Slack settings and the composed services (src/services.ts), whatever the transport. */
import { App, LogLevel, type Logger, type Receiver } from '@slack/bolt';
import type { SlackConfig } from './config.js';
import type { BotServices, WebClientLimits } from './services.js';
import { inTimeMiddleware } from './slack/in-time.js';
import { registerCommand } from './slack/listeners/command.js';
import { registerCompareActions } from './slack/listeners/compare.js';
import { registerHome } from './slack/listeners/home.js';
import { registerListActions } from './slack/listeners/list.js';
import { registerRequestListeners, registerUnknownActions } from './slack/listeners/requests.js';

export type { WebClientLimits };

export interface AppDependencies {
  receiver: Receiver;
  logger?: Logger;
  webClient: WebClientLimits;
  /** What the listeners use, passed in so tests and entry points choose the real thing or a fake. */
  services: BotServices;
}

export function buildApp(slack: SlackConfig, deps: AppDependencies): App {
  const app = new App({
    receiver: deps.receiver,
    // A fixed authorization: no auth.test at start-up or per request.
    authorize: async () => ({
      botToken: slack.botToken,
      ...(slack.botId && { botId: slack.botId }),
      ...(slack.botUserId && { botUserId: slack.botUserId }),
    }),
    clientOptions: {
      ...(slack.apiUrl && { slackApiUrl: slack.apiUrl }),
      retryConfig: { retries: deps.webClient.retries, factor: 2, minTimeout: 200, maxTimeout: 2000 },
      timeout: deps.webClient.timeoutMs,
    },
    // Bolt sets its logger's level from `logLevel` (INFO by default): pass the logger's own.
    ...(deps.logger ? { logger: deps.logger, logLevel: deps.logger.getLevel() } : { logLevel: LogLevel.INFO }),
  });
  // Slack's 3 seconds: every listener finds its deadlines, language and reader check on its context.
  app.use(inTimeMiddleware(deps.services));
  registerCommand(app, deps.services);
  registerCompareActions(app, deps.services);
  registerListActions(app, deps.services);
  registerRequestListeners(app, deps.services);
  registerHome(app, deps.services);
  registerUnknownActions(app);
  app.error(async (error) => {
    app.logger.error('listener failed', error);
  });
  return app;
}
