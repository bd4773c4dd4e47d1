/** The environment, parsed and validated once. A bad value stops start-up with one line naming it and the fix. */
import { isIP } from 'node:net';
import { type Account, AccountsError, parseAccounts } from './accounts/model.js';
import { KNOWN_REGIONS } from './aws/vocabulary.js';
import { LOCALES, type Locale } from './locale.js';

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  appToken?: string;
  apiUrl?: string;
  /** Known ids spare Bolt an `auth.test` call at start-up (a cold start on Lambda). */
  botId?: string;
  botUserId?: string;
}

export interface ApprovalConfig {
  channelId?: string;
  userIds: string[];
  usergroupId?: string;
  ttlHours: number;
}

/** Who may look things up when reads are restricted (READER_USER_IDS / READER_USERGROUP_ID); approvers always may. */
export interface ReaderConfig {
  userIds: string[];
  usergroupId?: string;
}

export interface Config {
  slack?: SlackConfig;
  defaultRegion?: string;
  allowedRegions?: string[];
  approvals: ApprovalConfig;
  requestsTable?: string;
  /** APPROVAL_KEY (on Lambda from the SSM parameter APPROVAL_KEY_PARAMETER): seals approvals for the worker to verify. */
  approvalKey?: string;
  dataDir: string;
  port: number;
  /** The local HTTP door's bind address; loadConfig sets it (default 127.0.0.1). */
  host?: string;
  /** Set only when reads are restricted; unset, every workspace user may look up and list. */
  readers?: ReaderConfig;
  /** Set on Lambda: the function that runs create jobs, invoked asynchronously. */
  workerFunctionName?: string;
  /** Set on Lambda: the function that runs every other job (jobs/queue.ts, functionFor); unset, the worker runs them. */
  interactiveFunctionName?: string;
  /** LOCALE: the language of channel messages and each user's default; unset means English. */
  locale?: Locale;
  /** PREFERENCES_TABLE: DynamoDB table of each user's language; unset → a file under DATA_DIR. */
  preferencesTable?: string;
  /** ACCOUNTS: home first, then the member accounts whose roles the bot assumes; unset means home alone (accountsOf). */
  accounts?: Account[];
  /** ACCOUNTS_EXTERNAL_ID: the external id sent with every AssumeRole, when the member roles' trust policies require one. */
  accountsExternalId?: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly fix: string,
  ) {
    super(`${variable}: ${fix}`);
    this.name = 'ConfigError';
  }
}

/** Every problem of a configuration, found in one pass: the first names the variable, the message has one line each. */
export class ConfigErrors extends ConfigError {
  constructor(readonly problems: readonly ConfigError[]) {
    super(problems[0]!.variable, problems[0]!.fix);
    this.message = problems.map((p) => p.message).join('\n');
    this.name = 'ConfigErrors';
  }
}

/** Runs each read of a variable, keeping its ConfigError instead of stopping at the first. */
function collector() {
  const problems: ConfigError[] = [];
  const check = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const done = () => {
    if (problems.length === 1) throw problems[0]!;
    if (problems.length > 1) throw new ConfigErrors(problems);
  };
  return { check, done };
}

type Check = ReturnType<typeof collector>['check'];

export const DEFAULT_HOST = '127.0.0.1';

/** Variables whose values must never appear in a message or a log line: the error names them and says what is wrong. */
export function isSecretName(name: string): boolean {
  return /TOKEN|SECRET|KEY|PASSWORD|CREDENTIAL/i.test(name);
}

/** The value quoted, for variables that hold nothing secret; for the others, no value at all. */
function shown(name: string, value: string): string {
  return isSecretName(name) ? 'the value' : JSON.stringify(value);
}

type Env = Record<string, string | undefined>;

const SLACK_HELP = 'create the Slack app from manifest.yml (docs/operations.md, "Run it locally" or "Deploy to AWS")';

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function require(env: Env, name: string, fix: string): string {
  const value = read(env, name);
  if (value === undefined) throw new ConfigError(name, `missing; ${fix}`);
  return value;
}

function matching(env: Env, name: string, pattern: RegExp, expected: string): string | undefined {
  const value = read(env, name);
  if (value !== undefined && !pattern.test(value)) throw new ConfigError(name, `${shown(name, value)} is not ${expected}`);
  return value;
}

function list(env: Env, name: string, pattern: RegExp, expected: string): string[] {
  const value = read(env, name);
  if (value === undefined) return [];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.find((item) => !pattern.test(item));
  if (bad !== undefined) throw new ConfigError(name, `${shown(name, bad)} is not ${expected} (comma-separated list)`);
  return items;
}

function region(name: string, value: string): string {
  if (!KNOWN_REGIONS.has(value)) throw new ConfigError(name, `${JSON.stringify(value)} is not an AWS region (e.g. ap-northeast-1)`);
  return value;
}

/** A value copied from an example rather than from Slack: a bare prefix, an ellipsis, or "your…"/"replace…" words. */
const PLACEHOLDER = /^(xoxb-|xapp-)?(…|\.\.\.)?$|…|\.\.\.|[<>]|\b(your|replace|changeme|todo)\b/i;

/** Refuses a placeholder by the variable's name (never echoing a secret's value) and says where the real one is. */
function notPlaceholder(name: string, value: string | undefined, where: string): void {
  if (value !== undefined && PLACEHOLDER.test(value)) throw new ConfigError(name, `still holds a placeholder, not a real value: ${where}; ${SLACK_HELP}`);
}

function loadSlack(env: Env, check: Check): SlackConfig {
  const signingSecret = check(() => {
    const value = require(env, 'SLACK_SIGNING_SECRET', `copy it from the app's Basic Information page; ${SLACK_HELP}`);
    notPlaceholder('SLACK_SIGNING_SECRET', value, "copy the Signing Secret from the app's Basic Information page");
    return value;
  });
  const botToken = check(() => {
    const value = require(env, 'SLACK_BOT_TOKEN', `install the app and copy the Bot User OAuth Token (xoxb-…); ${SLACK_HELP}`);
    notPlaceholder('SLACK_BOT_TOKEN', value, 'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions');
    if (!value.startsWith('xoxb-')) throw new ConfigError('SLACK_BOT_TOKEN', 'must be a bot token starting with xoxb-');
    return value;
  });
  const appToken = check(() => {
    notPlaceholder(
      'SLACK_APP_TOKEN',
      read(env, 'SLACK_APP_TOKEN'),
      'create an app-level token with connections:write (Basic Information → App-Level Tokens), or remove the line to serve HTTP instead of Socket Mode',
    );
    return matching(env, 'SLACK_APP_TOKEN', /^xapp-/, 'an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)');
  });
  const apiUrl = check(() => matching(env, 'SLACK_API_URL', /^https?:\/\/[^\s]+\/$/, 'an http(s) URL ending in / (e.g. https://slack.com/api/)'));
  const botId = check(() => matching(env, 'SLACK_BOT_ID', /^B[A-Z0-9]+$/, 'a bot id (B…)'));
  const botUserId = check(() => matching(env, 'SLACK_BOT_USER_ID', /^[UW][A-Z0-9]+$/, 'a user id (U…)'));
  return {
    signingSecret: signingSecret ?? '',
    botToken: botToken ?? '',
    ...(appToken && { appToken }),
    ...(apiUrl && { apiUrl }),
    ...(botId && { botId }),
    ...(botUserId && { botUserId }),
  };
}

function localeOf(env: Env): Locale | undefined {
  const value = read(env, 'LOCALE');
  if (value === undefined) return undefined;
  const locale = LOCALES.find((l) => l === value.toLowerCase());
  if (!locale) throw new ConfigError('LOCALE', `${JSON.stringify(value)} is not a language the bot speaks: use ${LOCALES.join(' or ')} (default en)`);
  return locale;
}

/** `slack: false` for entry points that never talk to Slack (the CLI). */
/**
 * `slack: false` for entry points that never talk to Slack (the CLI). Every variable is read before anything is
 * refused, so a first start names all that is missing or wrong at once (ConfigErrors), one line each.
 */
export function loadConfig(env: Env, { slack }: { slack: boolean }): Config {
  const { check, done } = collector();
  const defaultRegion = read(env, 'AWS_REGION') ?? read(env, 'AWS_DEFAULT_REGION');
  const allowed = check(() => list(env, 'ALLOWED_REGIONS', /^[a-z0-9-]+$/, 'a region').map((r) => region('ALLOWED_REGIONS', r))) ?? [];
  check(() => {
    if (defaultRegion !== undefined) region('AWS_REGION', defaultRegion);
    if (defaultRegion !== undefined && allowed.length > 0 && !allowed.includes(defaultRegion)) {
      throw new ConfigError('AWS_REGION', `${defaultRegion} is not in ALLOWED_REGIONS (${allowed.join(', ')})`);
    }
  });

  const ttlRaw = read(env, 'REQUEST_TTL_HOURS') ?? '24';
  const ttlHours = Number(ttlRaw);
  check(() => {
    if (!Number.isFinite(ttlHours) || ttlHours <= 0 || ttlHours > 24 * 30) {
      throw new ConfigError('REQUEST_TTL_HOURS', `${JSON.stringify(ttlRaw)} is not a number of hours between 0 and 720`);
    }
  });

  const portRaw = read(env, 'PORT') ?? '3000';
  const port = Number(portRaw);
  check(() => {
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT', `${JSON.stringify(portRaw)} is not a TCP port`);
  });

  const channelId = check(() => matching(env, 'APPROVAL_CHANNEL_ID', /^[CG][A-Z0-9]+$/, 'a channel id (C…; right-click the channel → Copy link)'));
  const usergroupId = check(() => matching(env, 'APPROVER_USERGROUP_ID', /^S[A-Z0-9]+$/, 'a user group id (S…)'));
  const userIds = check(() => list(env, 'APPROVER_USER_IDS', /^[UW][A-Z0-9]+$/, 'a Slack user id (U…; profile → Copy member ID)')) ?? [];
  const host = read(env, 'HOST') ?? DEFAULT_HOST;
  check(() => {
    if (!isIP(host) && !/^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(host)) {
      throw new ConfigError(
        'HOST',
        `${JSON.stringify(host)} is not an IP address or host name to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for every interface)`,
      );
    }
  });
  const readerUserIds = check(() => list(env, 'READER_USER_IDS', /^[UW][A-Z0-9]+$/, 'a Slack user id (U…; profile → Copy member ID)')) ?? [];
  const readerUsergroupId = check(() => matching(env, 'READER_USERGROUP_ID', /^S[A-Z0-9]+$/, 'a user group id (S…)'));
  const requestsTable = check(() => matching(env, 'REQUESTS_TABLE', /^[a-zA-Z0-9_.-]{3,255}$/, 'a DynamoDB table name'));
  const approvalKey = check(() => {
    const key = read(env, 'APPROVAL_KEY');
    if (key !== undefined && key.length < 32) throw new ConfigError('APPROVAL_KEY', 'is shorter than 32 characters; use e.g. `openssl rand -hex 32`');
    return key;
  });
  const workerFunctionName = read(env, 'WORKER_FUNCTION_NAME');
  const interactiveFunctionName = read(env, 'INTERACTIVE_FUNCTION_NAME');
  const locale = check(() => localeOf(env));
  const preferencesTable = check(() => matching(env, 'PREFERENCES_TABLE', /^[a-zA-Z0-9_.-]{3,255}$/, 'a DynamoDB table name'));
  const accounts = check(() => accountsFrom(env));
  // STS: 2 to 1224 characters of [\w+=,.@:/-] (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
  const accountsExternalId = check(() =>
    matching(env, 'ACCOUNTS_EXTERNAL_ID', /^[\w+=,.@:/-]{2,1224}$/, 'an external id (2 to 1224 letters, digits or +=,.@:/-)'),
  );
  const slackConfig = slack ? loadSlack(env, check) : undefined;
  done();

  return {
    ...(slackConfig && { slack: slackConfig }),
    ...(defaultRegion && { defaultRegion }),
    ...(allowed.length > 0 && { allowedRegions: allowed }),
    approvals: { ...(channelId && { channelId }), userIds, ...(usergroupId && { usergroupId }), ttlHours },
    ...(requestsTable && { requestsTable }),
    ...(approvalKey && { approvalKey }),
    dataDir: read(env, 'DATA_DIR') ?? './.data',
    port,
    host,
    ...((readerUserIds.length > 0 || readerUsergroupId) && {
      readers: { userIds: readerUserIds, ...(readerUsergroupId && { usergroupId: readerUsergroupId }) },
    }),
    ...(workerFunctionName && { workerFunctionName }),
    ...(interactiveFunctionName && { interactiveFunctionName }),
    ...(locale && { locale }),
    ...(preferencesTable && { preferencesTable }),
    ...(accounts && { accounts }),
    ...(accountsExternalId && { accountsExternalId }),
  };
}

function accountsFrom(env: Env): Account[] | undefined {
  const value = read(env, 'ACCOUNTS');
  if (value === undefined) return undefined;
  try {
    return parseAccounts(value);
  } catch (error) {
    if (error instanceof AccountsError) throw new ConfigError('ACCOUNTS', error.fix);
    throw error;
  }
}
