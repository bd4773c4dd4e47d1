/**
 * Slow work leaves the Slack request as a job: on Lambda an asynchronous invocation of the worker function
 * (the HTTP function must answer Slack within 3 s and may not keep working after it answers), locally a
 * promise in the same process running the same worker code.
 */
import type { Locale } from '../i18n.js';
import type { Submission } from '../requests/workflow.js';

/** Where a job's answer goes: the slash command's response_url, or a direct message (modal submissions). */
export type ReplyTo = { responseUrl: string } | { userId: string };

export type Job =
  | { kind: 'lookup'; text: string; userId: string; responseUrl: string; /** The user's language (i18n seam). */ locale?: Locale }
  | { kind: 'submit'; submission: Submission; replyTo: ReplyTo }
  | { kind: 'create'; requestId: string }
  | { kind: 'sweep' };

export interface JobQueue {
  enqueue(job: Job): Promise<void>;
}

/** Invokes the worker Lambda with InvocationType Event; the client is loaded on first use. */
export function lambdaJobQueue(functionName: string): JobQueue {
  let client: Promise<{ send: (job: Job) => Promise<void> }> | undefined;
  const load = async () => {
    const sdk = await import('@aws-sdk/client-lambda');
    const lambda = new sdk.LambdaClient({ maxAttempts: 3 });
    return {
      send: async (job: Job) => {
        const result = await lambda.send(
          new sdk.InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(job)) }),
        );
        if (result.StatusCode !== 202) throw new Error(`worker invocation answered ${result.StatusCode}`);
      },
    };
  };
  return {
    async enqueue(job) {
      client ??= load();
      await (await client).send(job);
    },
  };
}

/** Runs jobs in this process (local runs); `idle()` resolves when every job started so far has finished. */
export class InProcessJobQueue implements JobQueue {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly run: (job: Job) => Promise<void>,
    private readonly onError: (error: unknown, job: Job) => void,
  ) {}

  async enqueue(job: Job): Promise<void> {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(job))
      .catch((error: unknown) => this.onError(error, job))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
