/**
 * Lambda's asynchronous invocations faked at the wire (the Invoke API, InvocationType Event): each function runs
 * at most its reserved concurrency at once; an event beyond it waits until one of that function's runs ends, as
 * Lambda's event queue holds and retries an event it could not run (throttled).
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
 */
import nock from 'nock';
import { REGION } from './ec2.js';

export interface FakeFunction {
  reservedConcurrency: number;
  handler: (event: unknown) => Promise<void>;
}

export interface FakeLambda {
  /** Every event accepted, by function name, in order. */
  readonly invoked: { name: string; event: unknown }[];
  /** Errors a run ended with (Lambda would retry them, then send them to the failure destination). */
  readonly failures: { name: string; error: unknown }[];
  /** How many events of a function run now, and how many wait for one of its runs to end. */
  running(name: string): number;
  waiting(name: string): number;
}

export function fakeLambda(functions: Record<string, FakeFunction>, region = REGION): FakeLambda {
  const running = new Map<string, number>();
  const waiting = new Map<string, unknown[]>();
  const invoked: FakeLambda['invoked'] = [];
  const failures: FakeLambda['failures'] = [];
  const start = (name: string, event: unknown) => {
    running.set(name, (running.get(name) ?? 0) + 1);
    void functions[name]!.handler(event)
      .catch((error: unknown) => void failures.push({ name, error }))
      .finally(() => {
        running.set(name, running.get(name)! - 1);
        const next = waiting.get(name)?.shift();
        if (next !== undefined) start(name, next);
      });
  };
  nock(`https://lambda.${region}.amazonaws.com`)
    .persist()
    .post(/^\/2015-03-31\/functions\/[^/]+\/invocations/)
    .reply((uri, body) => {
      const name = decodeURIComponent(uri.split('/')[3]!);
      if (!(name in functions)) return [404, { Type: 'User', Message: `Function not found: ${name}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' }];
      const event = typeof body === 'string' ? JSON.parse(body) : body;
      invoked.push({ name, event });
      if ((running.get(name) ?? 0) < functions[name]!.reservedConcurrency) start(name, event);
      else waiting.set(name, [...(waiting.get(name) ?? []), event]);
      return [202, ''];
    });
  return {
    invoked,
    failures,
    running: (name) => running.get(name) ?? 0,
    waiting: (name) => waiting.get(name)?.length ?? 0,
  };
}
