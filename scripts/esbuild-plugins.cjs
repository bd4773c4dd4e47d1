// esbuild plugins for the Lambda bundles (used by serverless-esbuild and scripts/build.mjs).
//
// Bolt's index loads every receiver at start-up: Socket Mode (with undici and ws), Express, the OAuth installer
// and body parsing (iconv-lite, mime-db). On Lambda only AwsLambdaReceiver runs, so those modules are replaced
// by a stub that fails loudly if anything ever calls it. This halves the cold start (bench/, "Cold start").
const UNUSED_ON_LAMBDA = ['@slack/socket-mode', '@slack/oauth', 'express', 'raw-body'];

const lambdaSlim = {
  name: 'lambda-slim',
  setup(build) {
    const filter = new RegExp(`^(${UNUSED_ON_LAMBDA.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'unused-on-lambda' }));
    build.onLoad({ filter: /.*/, namespace: 'unused-on-lambda' }, (args) => ({
      contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not bundled for Lambda`)}); };
module.exports = new Proxy(fail, { get: (_t, key) => (key === '__esModule' ? false : fail), construct: fail, apply: fail });`,
      loader: 'js',
    }));
  },
};

module.exports = [lambdaSlim];
