/**
 * The layers of src/ and which may import which (ARCHITECTURE.md explains them). `checkLayers` reads the
 * imports of every module and reports an import that goes up, a file no layer claims, an import cycle, and an
 * allowed exception that is no longer used. It runs in `npm run lint` (test/architecture/check.ts) and in the
 * test suite (test/architecture.test.ts). biome.json's noRestrictedImports overrides for the two bottom layers are
 * generated from this file (biome.ts), and ARCHITECTURE.md's table is checked against it (document.ts).
 */
import { posix } from 'node:path';

export type Layer = 'vocabulary' | 'core' | 'catalog' | 'usecase' | 'adapter' | 'surface' | 'entry';

/** Bottom to top. */
export const LAYERS: readonly Layer[] = ['vocabulary', 'core', 'catalog', 'usecase', 'adapter', 'surface', 'entry'];

/** What each layer may import (besides itself). Adapters implement ports (core) and may not call use cases. */
export const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  vocabulary: [],
  core: ['vocabulary'],
  catalog: ['vocabulary', 'core'],
  usecase: ['vocabulary', 'core'],
  adapter: ['vocabulary', 'core'],
  surface: ['vocabulary', 'core', 'catalog', 'usecase', 'adapter'],
  entry: ['vocabulary', 'core', 'catalog', 'usecase', 'adapter', 'surface'],
};

/**
 * Which layer a file is in: the first rule whose path (a file, or a folder ending in `/`) matches. A new file
 * in a folder listed here is placed by its folder; a new top-level file must be added.
 */
export const PLACEMENT: readonly (readonly [string, Layer])[] = [
  // Vocabulary: AWS names and closed lists, the shape of an endpoint request. Imports nothing.
  ['src/aws/', 'vocabulary'],
  // Pure cores and ports (interfaces and the data they carry): no I/O, no Slack, no SDK, no catalog.
  ['src/commands/', 'core'],
  ['src/decision/', 'core'],
  // The price model: the dated price table and the estimate arithmetic.
  ['src/pricing/', 'core'],
  ['src/doctor/model.ts', 'core'],
  ['src/doctor/evaluate.ts', 'core'],
  ['src/endpoints/ec2-api.ts', 'core'],
  ['src/endpoints/cidr.ts', 'core'],
  ['src/endpoints/reach.ts', 'core'],
  ['src/endpoints/dns.ts', 'core'],
  ['src/endpoints/companions.ts', 'core'],
  ['src/endpoints/create-call.ts', 'core'],
  ['src/endpoints/smoke-tests.ts', 'core'],
  ['src/requests/model.ts', 'core'],
  ['src/requests/approval.ts', 'core'],
  ['src/requests/store.ts', 'core'],
  ['src/requests/notify.ts', 'core'],
  ['src/requests/types.ts', 'core'],
  ['src/jobs/job.ts', 'core'],
  ['src/slack/port.ts', 'core'],
  ['src/config.ts', 'core'],
  // Pricing (arriving from another branch): pure tables and arithmetic.
  ['src/pricing/', 'core'],
  // The accounts of ACCOUNTS, parsed (pure); their credentials and EC2 ports are adapters.
  ['src/accounts/model.ts', 'core'],
  // Slack mrkdwn: the one escaping rule and the builders of mentions, links and dates (catalogs and views use it).
  ['src/mrkdwn.ts', 'core'],
  // The language ids, and the preference store's port.
  ['src/locale.ts', 'core'],
  ['src/preferences/store.ts', 'core'],
  // The words: every sentence the bot says, per language.
  ['src/messages.ts', 'catalog'],
  ['src/messages.', 'catalog'],
  ['src/i18n.ts', 'catalog'],
  // Use cases: they call ports (EC2, the store, the job queue) and return outcomes.
  ['src/endpoints/lookups.ts', 'usecase'],
  ['src/endpoints/detail.ts', 'usecase'],
  ['src/endpoints/preflight.ts', 'usecase'],
  ['src/doctor/', 'usecase'],
  ['src/accounts/search.ts', 'usecase'],
  // The request lifecycle (submit, decide, create and follow, sweep): reaches people through the notifier port.
  ['src/requests/file-store.ts', 'adapter'],
  ['src/requests/dynamo-store.ts', 'adapter'],
  ['src/requests/open-store.ts', 'adapter'],
  ['src/requests/', 'usecase'],
  // Adapters: the SDKs, the stores, the queue, Slack's Web API, logs, secrets, runtime support.
  ['src/endpoints/ec2.ts', 'adapter'],
  ['src/preferences/', 'adapter'],
  ['src/jobs/queue.ts', 'adapter'],
  ['src/slack/web.ts', 'adapter'],
  ['src/slack/respond.ts', 'adapter'],
  ['src/slack/http-door.ts', 'adapter'],
  ['src/sdk/', 'adapter'],
  ['src/log.ts', 'adapter'],
  ['src/secrets.ts', 'adapter'],
  ['src/node-support.ts', 'adapter'],
  ['src/deadline.ts', 'adapter'],
  ['src/accounts/', 'adapter'],
  // Surfaces: Slack listeners and views, the worker's dispatcher; they render outcomes in the catalog's words.
  ['src/slack/', 'surface'],
  ['src/jobs/', 'surface'],
  // Entry points and the composition root: they build everything and hand it on.
  ['src/app.ts', 'entry'],
  ['src/services.ts', 'entry'],
  ['src/handler.ts', 'entry'],
  ['src/worker-handler.ts', 'entry'],
  ['src/server.ts', 'entry'],
  ['src/cli.ts', 'entry'],
];

/**
 * Upward imports allowed for a while, each with the file, the layer it may still reach and why; an exception no
 * import uses any more fails the check, so this list only shrinks. Empty: keep it so.
 */
export const EXCEPTIONS: readonly { from: string; to: Layer; why: string }[] = [];

export interface ImportEdge {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

export interface Violation {
  kind: 'upward' | 'unplaced' | 'cycle' | 'stale-exception';
  text: string;
}

export function layerOf(file: string): Layer | undefined {
  return PLACEMENT.find(([path]) => (path.endsWith('/') || path.endsWith('.') ? file.startsWith(path) : file === path))?.[1];
}

/** Removes comments, keeping line numbers (string contents that look like comments are rare in import lines). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
}

const IMPORT = /\b(?:import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The project-internal imports of one module (`from` is its path from the repository root). */
export function importsOf(from: string, source: string): ImportEdge[] {
  const text = stripComments(source);
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[2] ?? match[3]!;
    if (!specifier.startsWith('.')) continue;
    const to = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
    const line = text.slice(0, match.index).split('\n').length;
    edges.push({ from, to, line, typeOnly: match[1] !== undefined });
  }
  return edges;
}

/** Strongly connected components with more than one module (Tarjan): each one is an import cycle. */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** Every violation in a set of modules (path → source); `exceptions` defaults to the list above. */
export function checkLayers(files: ReadonlyMap<string, string>, exceptions = EXCEPTIONS): Violation[] {
  const violations: Violation[] = [];
  const edges = [...files].flatMap(([file, source]) => importsOf(file, source)).filter((e) => files.has(e.to));
  for (const file of files.keys()) {
    if (!layerOf(file)) violations.push({ kind: 'unplaced', text: `${file}: no layer claims it (add it to PLACEMENT in test/architecture/layers.ts)` });
  }
  const used = new Set<(typeof exceptions)[number]>();
  for (const edge of edges) {
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    if (!from || !to || from === to || MAY_IMPORT[from].includes(to)) continue;
    const exception = exceptions.find((x) => x.to === to && (x.from.endsWith('/') ? edge.from.startsWith(x.from) : edge.from === x.from));
    if (exception) {
      used.add(exception);
      continue;
    }
    violations.push({
      kind: 'upward',
      text: `${edge.from}:${edge.line}: a ${from} module imports ${edge.to} (${to}); ${from} may import ${MAY_IMPORT[from].join(', ') || 'nothing'}`,
    });
  }
  for (const component of cycles(edges)) violations.push({ kind: 'cycle', text: `import cycle: ${component.join(' → ')}` });
  for (const x of exceptions) {
    if (!used.has(x))
      violations.push({
        kind: 'stale-exception',
        text: `${x.from} no longer imports a ${x.to} module: delete its entry from EXCEPTIONS in test/architecture/layers.ts`,
      });
  }
  return violations;
}
