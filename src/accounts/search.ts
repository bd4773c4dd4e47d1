/**
 * The search across the estate: one call per account and region, a bounded number at once, each with its own
 * deadline. A failing scope (denied, throttled, timed out) becomes one failure line, never the whole answer's
 * failure; a search for a unique id stops once it is found.
 */
import { Ec2Error } from '../endpoints/ec2-api.js';

export interface Scope {
  account: string;
  region: string;
}

export interface ScopeFailure extends Scope {
  /** An Ec2Error code: `AssumeRoleDenied`, `UnauthorizedOperation`, `Throttling`, `Timeout`, … */
  code: string;
  message: string;
}

export interface FanOutOptions {
  /** Calls in flight at once. */
  concurrency?: number;
  /** Each scope's deadline; past it, that scope is a `Timeout` failure. */
  perCallMs?: number;
  /** Tests pass a signal they control; by default AbortSignal.timeout. */
  timeout?: (ms: number) => AbortSignal;
}

/**
 * 32 at once: each scope is a different account or region, so EC2's per-account, per-region request rate is not
 * shared among them; 200 scopes of 200 ms each then take about 7 rounds (1.4 s) instead of 13 (bench/README.md).
 */
export const FAN_OUT_CONCURRENCY = 32;
/** A scope that has not answered in this long is reported as timed out (the SDK's own timeouts are longer). */
export const PER_CALL_MS = 4000;

export type ScopeOutcome<T> = { kind: 'hit'; value: T } | { kind: 'miss' };

export interface FanOutResult<T> {
  hits: { scope: Scope; value: T }[];
  failures: ScopeFailure[];
  /** Scopes asked (a search that stops early asks fewer than it planned). */
  asked: number;
}

/**
 * Runs `search` on every scope, at most `concurrency` at once, in order. `stopOnHit`: the first hit ends the
 * search and aborts the calls still in flight. An abort of `signal` (the caller's own deadline) ends it too.
 */
export async function fanOut<T>(
  scopes: readonly Scope[],
  search: (scope: Scope, signal: AbortSignal) => Promise<ScopeOutcome<T>>,
  options: FanOutOptions & { signal?: AbortSignal; stopOnHit?: boolean } = {},
): Promise<FanOutResult<T>> {
  const concurrency = Math.max(1, options.concurrency ?? FAN_OUT_CONCURRENCY);
  const perCallMs = options.perCallMs ?? PER_CALL_MS;
  const timeout = options.timeout ?? ((ms: number) => AbortSignal.timeout(ms));
  const stop = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => stop.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  if (outer?.aborted) stop.abort();

  const found: { index: number; scope: Scope; value: T }[] = [];
  const failed: { index: number; failure: ScopeFailure }[] = [];
  let next = 0;
  let asked = 0;

  async function one(index: number, scope: Scope): Promise<void> {
    const deadline = timeout(perCallMs);
    const signal = AbortSignal.any([stop.signal, deadline]);
    asked++;
    try {
      const outcome = await search(scope, signal);
      if (outcome.kind === 'hit') {
        found.push({ index, scope, value: outcome.value });
        if (options.stopOnHit) stop.abort();
      }
    } catch (error) {
      if (stop.signal.aborted) return;
      if (deadline.aborted) {
        failed.push({ index, failure: { ...scope, code: 'Timeout', message: `no answer in ${perCallMs} ms` } });
        return;
      }
      const e = error instanceof Ec2Error ? error : undefined;
      failed.push({ index, failure: { ...scope, code: e?.code ?? 'Unreachable', message: e?.message ?? String(error) } });
    }
  }

  async function runner(): Promise<void> {
    while (!stop.signal.aborted && next < scopes.length) {
      const index = next++;
      await one(index, scopes[index]!);
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, scopes.length) }, runner));
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
  if (outer?.aborted) throw new Ec2Error('Aborted', 'the search was cancelled', 'fan-out', '');
  return {
    hits: found.sort((a, b) => a.index - b.index).map(({ scope, value }) => ({ scope, value })),
    failures: failed.sort((a, b) => a.index - b.index).map((f) => f.failure),
    asked,
  };
}
