#!/usr/bin/env node
// Runs the built CLI (npm run build); from a checkout without a build, runs the TypeScript through tsx.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'cli.js');
if (fs.existsSync(built)) {
  require(built).main();
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'src', 'cli.ts')).main();
}
