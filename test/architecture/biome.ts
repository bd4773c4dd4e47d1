/**
 * The editor's copy of the layer rules: biome.json's noRestrictedImports overrides for the two bottom layers,
 * generated from PLACEMENT and MAY_IMPORT (layers.ts) and the files in src/, so the two never drift.
 * `npx tsx test/architecture/check.ts --write-biome` writes them; the check fails while biome.json differs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { MAY_IMPORT, PLACEMENT, layerOf, type Layer } from './layers.js';

/** The layers an editor flags as you type. */
const EDITOR_LAYERS: readonly Layer[] = ['vocabulary', 'core'];

const MESSAGES: Readonly<Partial<Record<Layer, string>>> = {
  vocabulary: 'src/aws/ is the bottom layer (vocabulary): it imports nothing else from src/. See ARCHITECTURE.md.',
  core: 'A pure core or port imports only src/aws/ and other cores: no catalog, Slack, use case, adapter or entry point. See ARCHITECTURE.md.',
};

interface Override {
  includes: string[];
  linter: { rules: { style: { noRestrictedImports: { level: 'error'; options: { patterns: { group: string[]; message: string }[] } } } } };
}

const glob = (path: string) => (path.endsWith('/') ? `${path}**` : path);

/** The overrides for `files` (paths from the repository root): one per editor layer. */
export function layerOverrides(files: Iterable<string>): Override[] {
  const all = [...files].sort();
  return EDITOR_LAYERS.map((layer) => {
    const own = all.filter((f) => layerOf(f) === layer);
    const forbidden = all.filter((f) => {
      const to = layerOf(f);
      return to !== undefined && to !== layer && !MAY_IMPORT[layer].includes(to);
    });
    const folders = [...new Set(own.map((f) => posix.dirname(f)))];
    const js = (path: string) => path.replace(/\.ts$/, '.js');
    // Every way a module of this layer could name a forbidden file: by its path under src/ (from any folder), or
    // relative to a folder of this layer that holds it.
    const group =
      layer === 'vocabulary'
        ? ['../**']
        : [
            ...new Set([
              ...forbidden.map((f) => `**/${js(f.slice('src/'.length))}`),
              ...folders.flatMap((d) => forbidden.filter((f) => f.startsWith(`${d}/`)).map((f) => `./${js(posix.relative(d, f))}`)),
            ]),
          ].sort();
    const includes = PLACEMENT.filter(([, l]) => l === layer).map(([path]) => glob(path));
    return {
      includes,
      linter: { rules: { style: { noRestrictedImports: { level: 'error', options: { patterns: [{ group, message: MESSAGES[layer]! }] } } } } },
    };
  });
}

const isLayerOverride = (o: { linter?: { rules?: { style?: { noRestrictedImports?: unknown } } } }) => Boolean(o.linter?.rules?.style?.noRestrictedImports);

/** biome.json's layer overrides as they are. */
export function biomeLayerOverrides(path = 'biome.json'): unknown[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { overrides: Override[] }).overrides.filter(isLayerOverride);
}

/** Replaces biome.json's layer overrides with the generated ones, where the first of them was. */
export function writeBiomeOverrides(files: Iterable<string>, path = 'biome.json'): void {
  const config = JSON.parse(readFileSync(path, 'utf8')) as { overrides: Override[] };
  const at = config.overrides.findIndex(isLayerOverride);
  const rest = config.overrides.filter((o) => !isLayerOverride(o));
  rest.splice(at < 0 ? rest.length : at, 0, ...layerOverrides(files));
  writeFileSync(path, `${JSON.stringify({ ...config, overrides: rest }, null, 2)}\n`);
  // In the project's own JSON style, so that `biome check` (npm run lint) accepts the file as written.
  execFileSync(process.execPath, [require.resolve('@biomejs/biome/bin/biome'), 'format', '--write', path], { stdio: 'ignore' });
}
