/**
 * Slack's 3 seconds in one place: a Bolt global middleware reads the request's arrival once and puts on the
 * listener's context what every listener needs against that deadline (`inTimeOf(context)`): the in-line budget,
 * the hand-off to the worker, the user's language and the reader check. No listener computes a deadline.
 * https://docs.slack.dev/tools/bolt-js/concepts/global-middleware
 */
import type { Logger, Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { SLACK_BUDGET, arrivalTime, realClock, settleBy, type Clock } from '../deadline.js';
import { messagesFor, resolveLocale, type Locale, type Messages } from '../i18n.js';
import type { Job } from '../jobs/job.js';
import type { BotServices } from './services.js';
import { readerCheck } from './readers.js';

export type ReaderAccess = 'allowed' | 'refused' | 'unknown' | 'too-slow';

/** What the user reads in: their language, its catalog, and the `locale` a job carries to the worker. */
export interface Language {
  locale: Locale;
  /** Whether the user chose it (`/privatelink lang`), rather than LOCALE. */
  chosen: boolean;
  msg: Messages;
  field: { locale?: Locale };
}

export interface InTime {
  /** `work`'s value if it settles within the in-line budget; otherwise undefined, with `work`'s signal aborted. */
  inline<T>(work: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | undefined>;
  /** The same by the hand-off deadline: what Slack must get before the answer leaves (a modal, a posted answer). */
  beforeAnswer<T>(work: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | undefined>;
  /** Hands `job` to the worker by the hand-off deadline; false when it was not (every caller says so or marks it stale). */
  handOff(job: Job): Promise<boolean>;
  /** Starts loading what a hand-off needs while other work runs (it then costs nothing when needed). */
  expectHandOff(): void;
  /** The user's language, read once, within PREFERENCE_READ_MS (else LOCALE). */
  language(): Promise<Language>;
  /** READER_*: whether the user may run `command`, within the in-line budget ('too-slow' when Slack did not say). */
  mayRead(command: string): Promise<ReaderAccess>;
}

/** Even a request already late gets this long to hand over (in-process, enqueueing is instant: nothing is lost). */
const LATE_HAND_OFF_MS = 250;

export const clockOf = (services: Pick<BotServices, 'clock'>): Clock => services.clock ?? realClock;

/** Hands `job` over unless that cannot be done by `at` (nor within LATE_HAND_OFF_MS from now). */
export async function handOffBy(services: Pick<BotServices, 'jobs' | 'clock'> & { logger?: Pick<Logger, 'error'> }, job: Job, at: number): Promise<boolean> {
  const clock = clockOf(services);
  try {
    return (await settleBy(clock, Math.max(at, clock.now() + LATE_HAND_OFF_MS), (signal) => services.jobs.enqueue(job, { signal }))) !== undefined;
  } catch (error) {
    services.logger?.error(`a ${job.kind} job could not be handed to the worker`, error);
    return false;
  }
}

/** How long a listener waits for the user's language before it speaks LOCALE: the read comes before every answer. */
export const PREFERENCE_READ_MS = 500;

/**
 * The user's remembered language (`/privatelink lang`), else LOCALE; the channel speaks LOCALE. A store that cannot
 * answer, or not within PREFERENCE_READ_MS, falls back to LOCALE (logged), never fails or delays the request.
 */
async function readLanguage(services: BotServices, user: string, logger: Pick<Logger, 'warn'>): Promise<Language> {
  const configured = services.config.locale ?? 'en';
  const clock = clockOf(services);
  let preference: Locale | undefined;
  try {
    const read = await settleBy(clock, clock.now() + PREFERENCE_READ_MS, () => services.preferences.getLocale(user));
    if (read) preference = read.value;
    else logger.warn(`the language of ${user} was not read within ${PREFERENCE_READ_MS} ms; speaking LOCALE`);
  } catch (error) {
    logger.warn(`could not read the language of ${user}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const locale = resolveLocale(preference, configured);
  // A job carries the locale only when it differs from LOCALE (the worker falls back to LOCALE).
  return { locale, chosen: preference !== undefined, msg: messagesFor(locale), field: locale === configured ? {} : { locale } };
}

/** The deadlines of one request, counted from `arrivedAt`, for `user`. */
export function inTimeFor(services: BotServices, arrivedAt: number, user: string, logger: Logger): InTime {
  const clock = clockOf(services);
  const inlineBy = arrivedAt + services.inlineWorkMs;
  const answerBy = arrivedAt + SLACK_BUDGET.handOff;
  let language: Promise<Language> | undefined;
  return {
    inline: (work) => settleBy(clock, inlineBy, work),
    beforeAnswer: (work) => settleBy(clock, answerBy, work),
    handOff: (job) => handOffBy(services, job, answerBy),
    expectHandOff() {
      if (services.jobs.prepare) setImmediate(() => services.jobs.prepare?.());
    },
    language() {
      language ??= readLanguage(services, user, logger);
      return language;
    },
    async mayRead(command) {
      if (!services.config.readers) return 'allowed';
      const access = { ...services.config, usergroupMembers: (g: string) => services.slack.usergroupMembers(g) };
      const checked = await settleBy(clock, inlineBy, () => readerCheck(command, user, access, logger));
      return checked ? checked.value : 'too-slow';
    },
  };
}

/**
 * The global middleware: reads the arrival once, from the context (Socket Mode's receiver puts it there) or from
 * `withArrival` (the HTTP handler, src/handler.ts); now when neither recorded it.
 */
export function inTimeMiddleware(services: BotServices): Middleware<AnyMiddlewareArgs> {
  return async ({ context, logger, next }) => {
    const arrivedAt = typeof context.arrivedAt === 'number' ? context.arrivedAt : arrivalTime(clockOf(services));
    context.inTime = inTimeFor(services, arrivedAt, context.userId ?? '', logger);
    await next();
  };
}

/** What the middleware put on a listener's context. */
export function inTimeOf(context: Record<string, unknown>): InTime {
  return context.inTime as InTime;
}
