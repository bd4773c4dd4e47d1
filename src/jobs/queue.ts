/**
 * Slow work leaves the Slack request as a job: on Lambda an asynchronous invocation of the worker function
 * (the HTTP function must answer Slack within 3 s and may not keep working after it answers), locally a
 * promise in the same process running the same worker code.
 */
import { Slots } from '../deadline.js';
import type { Job, JobQueue } from './job.js';

/** Invokes the worker Lambda with InvocationType Event; the client is loaded on first use. */
export function lambdaJobQueue(functionName: string): JobQueue {
  let client: Promise<{ send: (job: Job, signal?: AbortSignal) => Promise<void> }> | undefined;
  const load = async () => {
    const sdk = await import('../sdk/lambda.js');
    const lambda = new sdk.LambdaClient({ maxAttempts: 3 });
    return {
      send: async (job: Job, signal?: AbortSignal) => {
        const result = await lambda.send(
          new sdk.InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(job)) }),
          { abortSignal: signal },
        );
        if (result.StatusCode !== 202) throw new Error(`worker invocation answered ${result.StatusCode}`);
      },
    };
  };
  return {
    async enqueue(job, options) {
      client ??= load();
      await (await client).send(job, options?.signal);
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
 * enqueued so far has finished.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly running = new Set<Promise<void>>();
  private readonly slots = new Map<Job['kind'], Slots>();

  constructor(
    private readonly run: (job: Job) => Promise<void>,
    private readonly onError: (error: unknown, job: Job) => void,
    limits: Partial<Record<Job['kind'], number>> = IN_PROCESS_LIMITS,
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
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
