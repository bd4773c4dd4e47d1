// esbuild options of the bundles: scripts/build.mjs writes them to dist/; test/deploy/bundle.test.ts builds the
// Lambda handlers the same way in memory to check what they carry.
const plugins = require('./esbuild-plugins.cjs');

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

// The Lambda handlers, as serverless.yml builds them: the AWS SDK bundled from its ES modules, tree-shaken to
// the commands in src/sdk/*.ts (README, "Performance").
const lambda = {
  ...common,
  entryPoints: { handler: 'src/handler.ts', 'worker-handler': 'src/worker-handler.ts' },
  mainFields: ['module', 'main'],
};

module.exports = { common, lambda };
