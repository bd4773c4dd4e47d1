/**
 * Slow work leaves the Slack request as a job: on Lambda an asynchronous invocation of the worker function
 * (the HTTP function must answer Slack within 3 s and may not keep working after it answers), locally a
 * promise in the same process running the same worker code.
 */
import { Slots } from '../deadline.js';
import type { Job, JobQueue } from './job.js';

/**
 * The two worker functions. A create follows its endpoint to `available` for up to CREATE_DEADLINE_MINUTES, so
 * creates run on `worker` alone; every other job (a lookup, a submission's preflight, a decision's follow-up, a
 * Home draw, a compare step, a page of the list, the sweep) runs on `interactive`, whose concurrency no create
 * can hold. Both run the same handler with the same role (a submission's preflight is a DryRun of the create).
 */
export type WorkerFunction = 'worker' | 'interactive';

export function functionFor(kind: Job['kind']): WorkerFunction {
  return kind === 'create' ? 'worker' : 'interactive';
}

/**
 * Invokes the job's worker function (functionFor) with InvocationType Event; the client is loaded on first use.
 * Without an interactive function every job goes to the worker.
 */
export function lambdaJobQueue(functions: { worker: string; interactive?: string }): JobQueue {
  let client: Promise<{ send: (functionName: string, job: Job, signal?: AbortSignal) => Promise<void> }> | undefined;
  const load = async () => {
    const sdk = await import('../sdk/lambda.js');
    const lambda = new sdk.LambdaClient({ maxAttempts: 3 });
    return {
      send: async (functionName: string, job: Job, signal?: AbortSignal) => {
        const result = await lambda.send(
          new sdk.InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(job)) }),
          { abortSignal: signal },
        );
        if (result.StatusCode !== 202) throw new Error(`${functionName} invocation answered ${result.StatusCode}`);
      },
    };
  };
  return {
    async enqueue(job, options) {
      client ??= load();
      const name = functionFor(job.kind) === 'interactive' ? (functions.interactive ?? functions.worker) : functions.worker;
      await (await client).send(name, job, options?.signal);
    },
    prepare() {
      client ??= load();
      client.catch(() => (client = undefined));
    },
  };
}

/** How many jobs of a kind run at once in this process: lookups parse EC2's XML, and a burst must not starve Slack. */
export const IN_PROCESS_LIMITS: Partial<Record<Job['kind'], number>> = { lookup: 2 };

/**
 * Runs jobs in this process (local runs), queued beyond the per-kind limits; `idle()` resolves when every job
 * enqueued so far has finished, and `onIdle` is called each time the last running job ends.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly running = new Set<Promise<void>>();
  private readonly slots = new Map<Job['kind'], Slots>();

  constructor(
    private readonly run: (job: Job) => Promise<void>,
    private readonly onError: (error: unknown, job: Job) => void,
    limits: Partial<Record<Job['kind'], number>> = IN_PROCESS_LIMITS,
    private readonly onIdle?: () => void,
  ) {
    for (const [kind, limit] of Object.entries(limits)) this.slots.set(kind as Job['kind'], new Slots(limit, Infinity));
  }

  async enqueue(job: Job): Promise<void> {
    const slots = this.slots.get(job.kind);
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        if (!slots) return this.run(job);
        await slots.acquire();
        try {
          await this.run(job);
        } finally {
          slots.release();
        }
      })
      .catch((error: unknown) => this.onError(error, job))
      .finally(() => {
        this.running.delete(task);
        if (this.running.size === 0) this.onIdle?.();
      });
    this.running.add(task);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
