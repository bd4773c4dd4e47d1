/** Local entry (`npm start`): Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT at /slack/events. */
import { HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { config as loadDotenv } from 'dotenv';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env, { slack: true });
  const slack = config.slack!;
  const receiver: Receiver = slack.appToken
    ? new SocketModeReceiver({ appToken: slack.appToken })
    : new HTTPReceiver({ signingSecret: slack.signingSecret, endpoints: '/slack/events', port: config.port });
  const app = buildApp(slack, { receiver, webClient: { retries: 5, timeoutMs: 10_000 } });
  await app.start(config.port);
  app.logger.info(slack.appToken ? 'privatelink bot connected over Socket Mode' : `privatelink bot listening on http://localhost:${config.port}/slack/events`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`privatelink: ${error.message}\n  Put it in .env (see .env.example) or the environment; README.md, "Run it locally", explains each variable.\n`);
  } else {
    process.stderr.write(`privatelink: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
