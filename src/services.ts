/** The services the listeners and the worker use, built from the configuration unless a test passes its own. */
import type { Logger } from '@slack/bolt';
import { estateEc2, type Ec2For } from './accounts/estate.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { SLACK_BUDGET, type Clock } from './deadline.js';
import { createEc2Adapter, type Ec2Api } from './endpoints/ec2.js';
import { lambdaJobQueue, type JobQueue } from './jobs/queue.js';
import { jsonLogger, logLevelFrom } from './log.js';
import { openPreferences } from './preferences/open.js';
import type { PreferenceStore } from './preferences/store.js';
import { openStore } from './requests/open-store.js';
import type { RequestStore } from './requests/store.js';
import { withSecrets } from './secrets.js';

export interface BotServices {
  config: Config;
  ec2: Ec2Api;
  jobs: JobQueue;
  store: RequestStore;
  /** Each user's language (`/privatelink lang`): PREFERENCES_TABLE, else a file under DATA_DIR. */
  preferences: PreferenceStore;
  now: () => Date;
  /** How long after the request's arrival a lookup may still run before it is acknowledged and finished by a job. */
  inlineLookupMs: number;
  /** The clock Slack's deadlines are measured on (tests drive their own). */
  clock?: Clock;
  /** The EC2 port acting in a configured account (ACCOUNTS): `home` is `ec2`; a member assumes its role, in the user's name. */
  ec2For: Ec2For;
}

/** Slack allows 3 s end to end, cold start included; a lookup not done this long after arrival is finished by the worker. */
export const INLINE_LOOKUP_MS = SLACK_BUDGET.inlineWork;

export function botServices(config: Config, overrides: Partial<BotServices> = {}): BotServices {
  const workerFunctionName = config.workerFunctionName;
  if (!overrides.jobs && !workerFunctionName) throw new ConfigError('WORKER_FUNCTION_NAME', 'missing; serverless.yml sets it to the worker function');
  const ec2 = overrides.ec2 ?? createEc2Adapter();
  return {
    config,
    ec2,
    ec2For: overrides.ec2For ?? accountsEc2(config, ec2),
    jobs: overrides.jobs ?? lambdaJobQueue(workerFunctionName!),
    store: overrides.store ?? openStore(config),
    preferences: overrides.preferences ?? openPreferences(config),
    now: overrides.now ?? (() => new Date()),
    inlineLookupMs: overrides.inlineLookupMs ?? INLINE_LOOKUP_MS,
    ...(overrides.clock && { clock: overrides.clock }),
  };
}

/** The EC2 port of each configured account: home is `home`; the members' roles are assumed with STS in the bot's region. */
export function accountsEc2(config: Config, home: Ec2Api): Ec2For {
  return estateEc2({
    home,
    ...(config.accounts && { accounts: config.accounts }),
    ...(config.accountsExternalId && { externalId: config.accountsExternalId }),
    ...(config.defaultRegion && { stsRegion: config.defaultRegion }),
  });
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
