/**
 * `npm run lint`'s architecture check: the layer rules (layers.ts), biome.json's copy of them (biome.ts) and
 * ARCHITECTURE.md's table (document.ts), against the imports in src/. Prints each problem and exits 1 if any.
 * `--write-biome` regenerates biome.json's layer overrides from layers.ts first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { biomeLayerOverrides, layerOverrides, writeBiomeOverrides } from './biome.js';
import { documentDrift } from './document.js';
import { checkLayers } from './layers.js';

export function sourceFiles(root = 'src'): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = join(root, entry).split('\\').join('/');
    if (path.endsWith('.ts')) files.set(path, readFileSync(path, 'utf8'));
  }
  return files;
}

/** Every problem: layer violations, biome.json out of step with layers.ts, ARCHITECTURE.md out of step with the code. */
export function architectureProblems(files = sourceFiles()): string[] {
  const problems = checkLayers(files).map((v) => `${v.kind}: ${v.text}`);
  if (!isDeepStrictEqual(biomeLayerOverrides(), layerOverrides(files.keys())))
    problems.push("biome: biome.json's layer overrides differ from test/architecture/layers.ts (run `npx tsx test/architecture/check.ts --write-biome`)");
  problems.push(...documentDrift(readFileSync('ARCHITECTURE.md', 'utf8'), files).map((p) => `ARCHITECTURE.md: ${p}`));
  return problems;
}

if (process.argv[1]?.endsWith('check.ts')) {
  if (process.argv.includes('--write-biome')) writeBiomeOverrides(sourceFiles().keys());
  const problems = architectureProblems();
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log(`layers: ${sourceFiles().size} modules, every import goes down, no cycles; biome.json and ARCHITECTURE.md agree`);
}
