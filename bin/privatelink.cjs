#!/usr/bin/env node
// Runs the built CLI (npm run build); from a checkout without a build, runs the TypeScript through tsx (both its
// hooks: the source loads the trimmed SDK modules with a dynamic import()).
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'cli.js');
if (fs.existsSync(built)) {
  require(built).main();
} else {
  const { spawnSync } = require('node:child_process');
  const { pathToFileURL } = require('node:url');
  const cli = path.join(__dirname, '..', 'src', 'cli.ts');
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const run = spawnSync(process.execPath, ['--import', tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
