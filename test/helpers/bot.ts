/** Both Lambda handlers wired to one store and one recorded job queue, as deployed, with Slack and EC2 faked at the wire. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.js';
import type { Clock } from '../../src/deadline.js';
import type { Ec2Api } from '../../src/endpoints/ec2-api.js';
import { slackHandlerOf } from '../../src/handler.js';
import { composeBot } from '../../src/services.js';
import { workerHandlerOf } from '../../src/worker-handler.js';
import type { CreateTiming } from '../../src/requests/create.js';
import type { Job } from '../../src/jobs/job.js';
import { DynamoRequestStore } from '../../src/requests/dynamo-store.js';
import { FileRequestStore } from '../../src/requests/file-store.js';
import type { EndpointRequest } from '../../src/requests/model.js';
import type { RequestStore } from '../../src/requests/store.js';
import type { BotServices } from '../../src/services.js';
import { manualClock } from './clock.js';
import { testEc2 } from './ec2.js';
import { startDynalite } from './dynalite.js';
import {
  TEST_CONFIG,
  apiGatewayV1Event,
  blockActionBody,
  parseAckBody,
  quietLogger,
  recordingJobs,
  slashCommandBody,
  memoryPreferences,
  eventCallbackBody,
} from './slack.js';

/** Real intervals on a virtual clock: sleeping moves the clock, so a 10-minute deadline passes in no time. */
export function virtualTiming(clock: { now: Date }): CreateTiming {
  return {
    deadlineMs: 10 * 60_000,
    firstPollMs: 2000,
    maxPollMs: 15_000,
    leaseMs: 60_000,
    sleep: async (ms) => {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
}

/** Wraps a store so that `hook` runs before each replace: it may throw, as a dying process would, or write first. */
export function beforeReplace(hook: (next: EndpointRequest, store: RequestStore) => Promise<void>): (store: RequestStore) => RequestStore {
  return (store) => ({
    create: (r) => store.create(r),
    get: (id) => store.get(id),
    list: (o) => store.list(o),
    listForSweep: () => store.listForSweep(),
    replace: async (next) => {
      await hook(next, store);
      return store.replace(next);
    },
  });
}

/** Which of the store's reads wait for ever (a slow or unreachable table); the test flips them as it goes. */
export interface Stall {
  list: boolean;
  get: boolean;
}

/** Wraps a store so that its reads wait for ever while `stall` says so (for `wrapStore`). */
export function stallingStore(stall: Stall): (store: RequestStore) => RequestStore {
  const never = new Promise<never>(() => undefined);
  return (store) => ({
    create: (r) => store.create(r),
    get: (id) => (stall.get ? never : store.get(id)),
    list: (o) => (stall.list ? never : store.list(o)),
    listForSweep: () => store.listForSweep(),
    replace: (r) => store.replace(r),
  });
}

export interface BotOptions {
  storeKind?: 'file' | 'dynamo';
  config?: Partial<Config>;
  clock?: { now: Date };
  timing?: CreateTiming;
  ec2?: Ec2Api;
  /** Wraps the store, e.g. to fail a write as a crash would. */
  wrapStore?: (store: RequestStore) => RequestStore;
  /** The clock Slack's deadlines run on; by default one that stands still, so no budget runs out on a busy machine. */
  deadlineClock?: Clock;
  /** The EC2 port of each configured account (ACCOUNTS); by default the bot's own, assuming roles with STS. */
  ec2For?: BotServices['ec2For'];
  /** Each user's language; by default kept in memory. */
  preferences?: BotServices['preferences'];
}

export async function startBot(options: BotOptions = {}) {
  let store: RequestStore;
  let closeStore: () => Promise<void>;
  if (options.storeKind === 'dynamo') {
    const table = `requests-${Math.random().toString(36).slice(2, 8)}`;
    const dynamo = await startDynalite(table);
    store = new DynamoRequestStore(table, dynamo.clientConfig);
    closeStore = dynamo.close;
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'privatelink-bot-'));
    store = new FileRequestStore(dir);
    closeStore = () => rm(dir, { recursive: true, force: true });
  }
  if (options.wrapStore) store = options.wrapStore(store);
  const config: Config = { ...TEST_CONFIG, ...options.config };
  const clock = options.clock ?? { now: new Date() };
  const now = () => clock.now;
  const jobs = recordingJobs();
  const logger = quietLogger();
  const ec2 = options.ec2 ?? testEc2(2);
  const ec2For = options.ec2For && { ec2For: options.ec2For };
  // One composition, as in one deployment: both functions share the store, the queue and EC2.
  const bot = composeBot(config, {
    ec2,
    jobs,
    store,
    logger,
    now,
    clock: options.deadlineClock ?? manualClock(),
    preferences: options.preferences ?? memoryPreferences(),
    timing: options.timing ?? virtualTiming(clock),
    ...ec2For,
  });
  const http = slackHandlerOf(bot);
  const worker = workerHandlerOf(bot);

  /**
   * Runs the follow-up jobs queued so far: the worker's half of a click, `cancel` or a Home opened (the card redrawn,
   * the thread, the hand-off, the clicker's note, the App Home drawn, a compare step posted).
   */
  async function finishDecisions(): Promise<void> {
    const followUp = (j: Job) => j.kind === 'decision' || j.kind === 'home' || j.kind === 'compare' || j.kind === 'requests-page';
    for (let i = jobs.jobs.findIndex(followUp); i >= 0; i = jobs.jobs.findIndex(followUp)) {
      await worker(jobs.jobs.splice(i, 1)[0]!);
    }
  }

  /** A block_actions body for a click on the request's recorded message (as Slack sends it), or on `on`. */
  async function clickBody(actionId: string, value: string, user: string, on?: { channel: string; ts: string }) {
    const where = on ?? (/^plr-[0-9a-z]+$/.test(value) ? (await store.get(value))?.message : undefined);
    const container = where && {
      container: { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false },
      channel: { id: where.channel, name: 'approvals' },
      message: { type: 'message', ts: where.ts, text: '' },
    };
    return blockActionBody(actionId, value, user, container);
  }

  return {
    store,
    jobs,
    logger,
    clock,
    /** Sends a signed slash command, then runs the decision job it queued (`cancel`); returns the HTTP status and the acknowledgement's body. */
    async command(text: string, user = 'U0ALICE', triggerId = `trigger-${Math.random()}`) {
      const response = await http(apiGatewayV1Event(slashCommandBody(text, { user_id: user, trigger_id: triggerId })), {});
      await finishDecisions();
      return { status: response.statusCode, body: parseAckBody(response.body) as { text?: string; blocks?: unknown[] } };
    },
    /**
     * Clicks a button as `user`, on the request's recorded approval message (where Slack would show it), or on
     * the message `on` names (another copy); then runs the decision job the click queued, as the worker would.
     */
    async click(actionId: string, value: string, user: string, on?: { channel: string; ts: string }) {
      const response = await http(apiGatewayV1Event(await clickBody(actionId, value, user, on)), {});
      await finishDecisions();
      return response.statusCode;
    },
    /** Clicks a button as `user` (on the recorded message) and returns what Slack got back, leaving the worker's half queued. */
    async clickOnly(actionId: string, value: string, user: string) {
      return http(apiGatewayV1Event(await clickBody(actionId, value, user)), {});
    },
    finishDecisions,
    /**
     * Rejects as an approver does: clicks Reject (which opens the reason form), submits the form with `reason`
     * (its private_metadata names the request and the card clicked, `on` or the recorded one), then runs the
     * decision job the submission queued. Returns the submission's acknowledgement (errors keep the form open).
     */
    async reject(value: string, user: string, reason = 'Use the shared VPC instead.', on?: { channel: string; ts: string }) {
      const where = on ?? (await store.get(value))?.message ?? { channel: '', ts: '' };
      await http(apiGatewayV1Event(await clickBody('reject_request', value, user, on)), {});
      const payload = rejectFormSubmission(user, JSON.stringify({ requestId: value, channel: where.channel, ts: where.ts }), reason);
      const response = await http(apiGatewayV1Event(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()), {});
      await finishDecisions();
      return { status: response.statusCode, body: response.body ? parseAckBody(response.body) : {} };
    },
    /** Sends any signed interaction payload. */
    async interact(payload: Record<string, unknown>) {
      const response = await http(apiGatewayV1Event(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()), {});
      return { status: response.statusCode, body: response.statusCode === 200 ? parseAckBody(response.body) : {} };
    },
    /** The Slack function's HTTP handler itself, for a request built by the test. */
    http: (event: Parameters<typeof http>[0]) => http(event, {}),
    /** Sends a signed Events API callback (JSON) carrying `event`, as Slack delivers `app_home_opened`, then runs the Home job it queued. */
    async event(event: Record<string, unknown>) {
      const answer = await this.eventOnly(event);
      await finishDecisions();
      return answer;
    },
    /** Sends a signed Events API callback carrying `event` and returns Slack's answer, leaving the jobs it queued. */
    async eventOnly(event: Record<string, unknown>) {
      const response = await http(apiGatewayV1Event(eventCallbackBody(event), { contentType: 'application/json' }), {});
      return { status: response.statusCode, body: response.body ?? '' };
    },
    /** Runs queued jobs through the worker handler until none are left (jobs may queue more). */
    async drain(): Promise<Job[]> {
      const ran: Job[] = [];
      while (jobs.jobs.length > 0) {
        const job = jobs.jobs.shift()!;
        ran.push(job);
        await worker(job);
      }
      return ran;
    },
    worker,
    close: closeStore,
  };
}

export type Bot = Awaited<ReturnType<typeof startBot>>;

/** The Reject form's submission as Slack sends it (`view_submission`): `privateMetadata` as the form carried it. */
export function rejectFormSubmission(
  user: string,
  privateMetadata: string,
  reason: string,
  viewId = `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
) {
  return {
    type: 'view_submission',
    team: { id: 'T0TEAM' },
    user: { id: user, team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    view: {
      id: viewId,
      type: 'modal',
      callback_id: 'reject_reason',
      private_metadata: privateMetadata,
      state: { values: { reason: { value: { type: 'plain_text_input', value: reason } } } },
    },
  };
}
