/**
 * Structured JSON logs (one object per line, CloudWatch-friendly). Every line carries the context of the work
 * it belongs to (Lambda request id, Slack user, job), and secrets never reach a line: tokens and signatures are
 * masked in every message and field, and so are what acts as a password in Slack's payloads (which Bolt logs
 * whole at debug level): a `response_url`'s path and the legacy verification `token`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogLevel, Logger } from '@slack/bolt';

const logContext = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `work` with these fields on every log line it writes, however deep (Bolt's listeners included). */
export function withLogContext<T>(fields: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return logContext.run({ ...logContext.getStore(), ...defined }, work);
}

const ORDER: Record<string, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const SECRETS = /\b(xox[abprse]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|v0=[a-f0-9]{64}|AKIA[0-9A-Z]{16})/g;

/** A "/" as it appears in a payload: plain, JSON-escaped (`\/`, once or twice), or URL-encoded (`%2F`, `%5C%2F`). */
const SLASH = String.raw`(?:\\*\/|%5C%2F|%2F)`;
/**
 * A response URL's path is its only credential (anyone holding it may post as the bot in that conversation for
 * 30 minutes): keep the host, drop the path, in whatever encoding the payload carries it.
 */
const RESPONSE_URL_PATH = new RegExp(String.raw`(hooks\.slack(?:-gov)?\.com)((?:${SLASH}[A-Za-z0-9._~-]*)+)`, 'gi');
/**
 * The legacy verification `token` Slack still puts in every payload: a form field (`token=…`), a JSON field
 * (`"token":"…"`, escaped or URL-encoded inside a form's `payload`).
 */
const QUOTE = String.raw`(?:\\*"|%22)`;
const LEGACY_TOKEN = new RegExp(String.raw`((?:^|[^A-Za-z0-9_%])token=|${QUOTE}token${QUOTE}\s*(?::|%3A)\s*${QUOTE})([A-Za-z0-9]+)`, 'g');

export function redact(text: string): string {
  return text
    .replace(SECRETS, (s) => `${s.slice(0, 5)}…redacted`)
    .replace(RESPONSE_URL_PATH, '$1/…redacted')
    .replace(LEGACY_TOKEN, '$1…redacted');
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { error: value.name, message: redact(value.message), ...('code' in value && { code: String(value.code) }) };
  if (typeof value === 'string') return redact(value);
  if (value && typeof value === 'object') return JSON.parse(redact(JSON.stringify(value)));
  return value;
}

/** LOG_LEVEL from the environment (debug, info, warn, error); info when unset or unknown. */
export function logLevelFrom(value: string | undefined): LogLevel {
  return (value && value in ORDER ? value : 'info') as LogLevel;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), level: LogLevel = 'info' as LogLevel): Logger {
  let current = level;
  let name = 'privatelink';
  const log = (lvl: LogLevel, msg: unknown[]) => {
    if ((ORDER[lvl] ?? 1) < (ORDER[current] ?? 1)) return;
    const [first, ...rest] = msg;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, logger: name, ...logContext.getStore() };
    line.msg = typeof first === 'string' ? redact(first) : describe(first);
    if (rest.length > 0) line.details = rest.map(describe);
    write(JSON.stringify(line));
  };
  return {
    debug: (...msg) => log('debug' as LogLevel, msg),
    info: (...msg) => log('info' as LogLevel, msg),
    warn: (...msg) => log('warn' as LogLevel, msg),
    error: (...msg) => log('error' as LogLevel, msg),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}
