// Bundles the entry points with esbuild (CommonJS: Bolt's dependencies break as ESM) into dist/.
import { build } from 'esbuild';

const entries = {
  cli: 'src/cli.ts',
  handler: 'src/handler.ts',
  'worker-handler': 'src/worker-handler.ts',
};

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
