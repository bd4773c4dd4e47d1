/** Listeners against Slack's deadline: when the request arrived, and handing work over while there is time. */
import { SLACK_BUDGET, realClock, settleBy, type Clock } from '../../deadline.js';
import type { Job } from '../../jobs/queue.js';
import type { DecisionOutcome } from '../../requests/workflow.js';
import type { BotServices } from '../services.js';
import type { WebClient } from '@slack/web-api';
import { readerCheck } from '../readers.js';
import { slackPort } from '../web.js';

export const clockOf = (services: Pick<BotServices, 'clock'>): Clock => services.clock ?? realClock;

/** The request's arrival, which the receiver puts in the listener's context; now if it did not. */
export function arrivalOf(context: Record<string, unknown>, clock: Clock): number {
  return typeof context.arrivedAt === 'number' ? context.arrivedAt : clock.now();
}

/** Even a request already late gets this long to hand over (in-process, enqueueing is instant: nothing is lost). */
const LATE_HAND_OFF_MS = 250;

/**
 * Enqueues `job` unless that cannot be done by `SLACK_BUDGET.handOff` after arrival; true once handed over, false
 * when it was not (too slow, or the queue refused: every caller then says so or marks the request for the sweep).
 */
export async function handOff(
  services: Pick<BotServices, 'jobs' | 'clock'> & { logger?: Pick<BotServices['logger'], 'error'> },
  job: Job,
  arrivedAt: number,
): Promise<boolean> {
  const clock = clockOf(services);
  const at = Math.max(arrivedAt + SLACK_BUDGET.handOff, clock.now() + LATE_HAND_OFF_MS);
  try {
    return (await settleBy(clock, at, (signal) => services.jobs.enqueue(job, { signal }))) !== undefined;
  } catch (error) {
    services.logger?.error(`a ${job.kind} job could not be handed to the worker`, error);
    return false;
  }
}

/** Starts loading what a hand-off needs once the current work is under way (it then costs nothing when needed). */
export function prepareHandOff(services: Pick<BotServices, 'jobs'>): void {
  if (services.jobs.prepare) setImmediate(() => services.jobs.prepare?.());
}

/** A decision whose message and thread still need telling. */
export const needsFollowUp = (outcome: DecisionOutcome) => outcome.kind === 'decided' || (outcome.kind === 'expired' && Boolean(outcome.moved));

/**
 * READER_*: whether `user` may run `command`, within the in-line budget. Asking Slack who is in a user group can be
 * slow or rate-limited (the client then waits out Retry-After); 'too-slow' when it has not answered in time.
 */
export async function readerCheckInTime(
  services: Pick<BotServices, 'config' | 'clock'>,
  command: string,
  user: string,
  client: WebClient,
  logger: { error: (...m: unknown[]) => void },
  arrivedAt: number,
): Promise<'allowed' | 'refused' | 'unknown' | 'too-slow'> {
  if (!services.config.readers) return 'allowed';
  const access = { ...services.config, usergroupMembers: (g: string) => slackPort(client).usergroupMembers(g) };
  const checked = await settleBy(clockOf(services), arrivedAt + SLACK_BUDGET.inlineWork, () => readerCheck(command, user, access, logger));
  return checked ? checked.value : 'too-slow';
}
