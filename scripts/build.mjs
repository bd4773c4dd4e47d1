// Bundles the entry points with esbuild (CommonJS: Bolt's dependencies break as ESM) into dist/.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const plugins = createRequire(import.meta.url)('./esbuild-plugins.cjs');

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins,
};

// The CLI runs anywhere: everything bundled.
await build({ ...common, entryPoints: { cli: 'src/cli.ts' } });
// The Lambda handlers, as serverless.yml builds them: the AWS SDK is the runtime's.
await build({ ...common, entryPoints: { handler: 'src/handler.ts', 'worker-handler': 'src/worker-handler.ts' }, external: ['@aws-sdk/*'] });
