/** `npm run lint`'s layer check: prints each violation of test/architecture/layers.ts and exits 1 if any. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLayers } from './layers.js';

export function sourceFiles(root = 'src'): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = join(root, entry).split('\\').join('/');
    if (path.endsWith('.ts')) files.set(path, readFileSync(path, 'utf8'));
  }
  return files;
}

if (process.argv[1]?.endsWith('check.ts')) {
  const violations = checkLayers(sourceFiles());
  for (const v of violations) console.error(`${v.kind}: ${v.text}`);
  if (violations.length > 0) process.exit(1);
  console.log(`layers: ${sourceFiles().size} modules, every import goes down, no cycles`);
}
