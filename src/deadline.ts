/**
 * Slack's 3 seconds, counted from the request's arrival (cold start included): when each step of a Slack request
 * must end, on a clock tests can drive, and how many EC2 lookups may run while Slack waits.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A monotonic clock in milliseconds, and a wait that ends at a time on it (or when `signal` aborts). */
export interface Clock {
  now(): number;
  sleepUntil(at: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleepUntil: (at, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, at - performance.now()));
      signal?.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    }),
};

/**
 * Budgets from arrival. Slack gives up after 3 s; the answer should leave by `answerBy`, which leaves room for the
 * network and a loaded machine. Work done while Slack waits (a lookup, an approver check and its write) ends by
 * `inlineWork` or moves to a job; handing it over must be done by `handOff`.
 */
export const SLACK_BUDGET = { inlineWork: 1500, handOff: 2000, answerBy: 2500 } as const;

const arrivals = new AsyncLocalStorage<number>();

/** Runs `work` with its request's arrival time, read by `arrivalTime` however deep (Bolt's listeners included). */
export function withArrival<T>(arrivedAt: number, work: () => Promise<T>): Promise<T> {
  return arrivals.run(arrivedAt, work);
}

/** The arrival of the request being handled, or now on `clock` when none was recorded. */
export function arrivalTime(clock: Clock): number {
  return arrivals.getStore() ?? clock.now();
}

/**
 * Lambda's Init phase (loading the code) is limited to 10 s and, on demand, runs because a request arrived and
 * waits for it (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html). So the first
 * invocation of a process younger than that arrived when the process started: its cold start counts against
 * Slack's 3 s. (An environment initialised ahead of time makes this early, never late: work is handed off sooner.)
 */
const INIT_PHASE_LIMIT_MS = 10_000;

export function lambdaArrival(sinceProcessStart: () => number = () => performance.now()): () => number {
  let first = true;
  return () => {
    const now = sinceProcessStart();
    const cold = first && now < INIT_PHASE_LIMIT_MS;
    first = false;
    return cold ? 0 : now;
  };
}

/**
 * The reason given when a wait is no longer needed. Aborting without one makes a DOMException, whose stack trace
 * costs more than the rest of a settled wait (it showed in the approve click's profile).
 */
const SETTLED = Symbol('settled');

/** The work's value if it settles before `at` on the clock; otherwise `undefined`, with the work's signal aborted. */
export async function settleBy<T>(clock: Clock, at: number, work: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | undefined> {
  const controller = new AbortController();
  if (clock.now() >= at) {
    controller.abort();
    return undefined;
  }
  const stop = new AbortController();
  const running = work(controller.signal).then((value) => ({ value }));
  running.catch(() => undefined);
  try {
    const result = await Promise.race([running, clock.sleepUntil(at, stop.signal).then(() => undefined)]);
    if (!result) controller.abort();
    return result;
  } finally {
    stop.abort(SETTLED);
  }
}

/**
 * A bound on concurrent work: `acquire` waits for a free slot until `signal` aborts (then resolves false) and
 * refuses at once when `maxWaiting` others already wait, so a burst is handed off instead of queueing past Slack's
 * deadline. Each true `acquire` is paired with one `release`.
 */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly size: number,
    private readonly maxWaiting = size,
  ) {
    this.free = size;
  }

  async acquire(signal?: AbortSignal): Promise<boolean> {
    if (this.free > 0) {
      this.free--;
      return true;
    }
    if (this.waiting.length >= this.maxWaiting || signal?.aborted) return false;
    return new Promise<boolean>((resolve) => {
      const grant = () => {
        signal?.removeEventListener('abort', give);
        resolve(true);
      };
      const give = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', give, { once: true });
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }

  get inUse(): number {
    return this.size - this.free;
  }
}
