/**
 * ARCHITECTURE.md's layer table against the code: the table is parsed (layer, the modules it names, what it may
 * import) and compared with the layer of every file in src/ and the layers its imports actually reach. A file the
 * table leaves out or puts in another layer, a path that names nothing, a "May import" that differs from
 * MAY_IMPORT, or an import the table does not allow, each fails.
 */
import { posix } from 'node:path';
import { LAYERS, MAY_IMPORT, importsOf, layerOf, type Layer } from './layers.js';

export interface TableRow {
  layer: Layer;
  /** Paths under src/, as written (a folder ends in `/`), braces expanded. */
  modules: string[];
  mayImport: Layer[];
}

/** `doctor/{model,evaluate}.ts` → `doctor/model.ts`, `doctor/evaluate.ts`. */
function expand(path: string): string[] {
  const brace = /\{([^}]*)\}/.exec(path);
  if (!brace) return [path];
  return brace[1]!.split(',').flatMap((part) => expand(path.slice(0, brace.index) + part.trim() + path.slice(brace.index + brace[0].length)));
}

/** The rows of the table under "## Layers and allowed imports". */
export function layerTable(markdown: string): TableRow[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Layers and allowed imports')) ?? '';
  const rows: TableRow[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1);
    const layer = /^\s*\*\*(\w+)\*\*/.exec(cells[0] ?? '')?.[1];
    if (cells.length !== 3 || !layer) continue;
    // Backticked paths (with a `/` or ending in .ts); other backticked words name types.
    const modules = [...cells[1]!.matchAll(/`([^`]+)`/g)]
      .map((m) => m[1]!)
      .filter((x) => x.includes('/') || x.endsWith('.ts'))
      .flatMap(expand);
    const may = cells[2]!.trim();
    const mayImport = may === 'nothing' ? [] : may === 'everything' ? LAYERS.filter((l) => l !== layer) : may.split(',').map((l) => l.trim());
    rows.push({ layer: layer as Layer, modules, mayImport: mayImport as Layer[] });
  }
  return rows;
}

const matches = (item: string, file: string) => (item.endsWith('/') ? file.startsWith(`src/${item}`) : file === `src/${item}`);

/** Where the document and the code disagree (empty when they agree). */
export function documentDrift(markdown: string, files: ReadonlyMap<string, string>): string[] {
  const rows = layerTable(markdown);
  const problems: string[] = [];
  if (rows.map((r) => r.layer).join() !== LAYERS.join())
    problems.push(`the table's layers (${rows.map((r) => r.layer).join(', ')}) are not ${LAYERS.join(', ')}`);
  for (const row of rows) {
    if (!LAYERS.includes(row.layer)) continue;
    const declared = [...MAY_IMPORT[row.layer]].sort().join(', ');
    if ([...row.mayImport].sort().join(', ') !== declared)
      problems.push(`${row.layer}: the table says it may import "${row.mayImport.join(', ')}", layers.ts says "${declared}"`);
    for (const item of row.modules) {
      const named = [...files.keys()].filter((f) => matches(item, f));
      if (named.length === 0) problems.push(`${row.layer}: \`${item}\` names no file in src/`);
      for (const file of named) if (layerOf(file) !== row.layer) problems.push(`${file}: the table puts it in ${row.layer}, the code in ${layerOf(file)}`);
    }
  }
  for (const file of files.keys()) {
    const row = rows.find((r) => r.layer === layerOf(file));
    if (row && !row.modules.some((item) => matches(item, file))) problems.push(`${file}: not in the table's ${row.layer} row`);
  }
  // The table derived from the imports: each layer's actual imports must be ones its row allows.
  for (const [file, source] of files) {
    const from = layerOf(file);
    const row = rows.find((r) => r.layer === from);
    for (const edge of importsOf(file, source)) {
      const to = layerOf(posix.normalize(edge.to));
      if (!from || !to || to === from || !files.has(edge.to) || !row || row.mayImport.includes(to)) continue;
      problems.push(`${file}:${edge.line}: imports ${edge.to} (${to}), which the table's ${from} row does not allow`);
    }
  }
  return problems;
}
