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
// The Lambda handlers, as serverless.yml builds them: the AWS SDK bundled from its ES modules, tree-shaken to
// the commands in src/sdk/*.ts (README, "Performance"). SDK_EXTERNAL=1 leaves it to the runtime instead (bench).
await build({
  ...common,
  entryPoints: { handler: 'src/handler.ts', 'worker-handler': 'src/worker-handler.ts' },
  ...(process.env.SDK_EXTERNAL === '1' ? { external: ['@aws-sdk/*'], outdir: 'dist/sdk-external' } : { mainFields: ['module', 'main'] }),
});
