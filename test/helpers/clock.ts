/** A clock for Slack's deadlines that moves only when a test says so: budgets never run out behind its back. */
import type { Clock } from '../../src/deadline.js';

export interface ManualClock extends Clock {
  /** Moves time on, waking every wait that ends by then. */
  advance(ms: number): void;
  /** How many waits are armed (e.g. an inline lookup's deadline). */
  readonly waiting: number;
}

export function manualClock(start = 0): ManualClock {
  let now = start;
  const waits = new Set<{ at: number; wake: () => void }>();
  return {
    now: () => now,
    sleepUntil(at, signal) {
      if (at <= now || signal?.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wait = {
          at,
          wake: () => {
            waits.delete(wait);
            signal?.removeEventListener('abort', wait.wake);
            resolve();
          },
        };
        waits.add(wait);
        signal?.addEventListener('abort', wait.wake, { once: true });
      });
    },
    advance(ms) {
      now += ms;
      for (const wait of [...waits]) if (wait.at <= now) wait.wake();
    },
    get waiting() {
      return waits.size;
    },
  };
}

/** Resolves once `probe` holds, checking every few milliseconds (for a state another task reaches). */
export async function until(probe: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
