// esbuild plugins for the Lambda bundles (used by serverless-esbuild and scripts/build.mjs).
//
// Bolt's index loads every receiver at start-up: Socket Mode (with undici and ws), Express, the OAuth installer
// and body parsing (iconv-lite, mime-db). On Lambda only AwsLambdaReceiver runs, so those modules are replaced
// by a stub that fails loudly if anything ever calls it. This halves the cold start (bench/, "Cold start").
const path = require('node:path');

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

// The AWS SDK is bundled from its ES module builds (`mainFields: module,main`), so esbuild keeps only the
// commands in src/sdk/*.ts. Each client's schema file (EC2's: 1.3 MB, every shape of every command) writes its
// object keys as computed names (`{ [_xN]: _VEIp }` with `const _xN = "xmlName"`); esbuild cannot prove those
// free of side effects and keeps all of them. Writing the keys as the string literals they are lets it drop
// the unused shapes: the EC2 part of the bundle shrinks from ≈ 850 KB to ≈ 320 KB.
const SDK_SCHEMAS = /@aws-sdk[\\/]client-[a-z0-9-]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

const sdkSchemaKeys = {
  name: 'sdk-schema-keys',
  setup(build) {
    build.onLoad({ filter: SDK_SCHEMAS }, async (args) => {
      const source = await require('node:fs/promises').readFile(args.path, 'utf8');
      const names = new Map([...source.matchAll(/^const (_\w+) = ("(?:[^"\\]|\\.)*");$/gm)].map((m) => [m[1], m[2]]));
      return { contents: source.replace(/\[(_\w+)\]:/g, (key, name) => (names.has(name) ? `${names.get(name)}:` : key)), loader: 'js' };
    });
  },
};

// src/sdk/*.ts are loaded by dynamic import(), so esbuild wraps them to run on first use; a wrapped module's
// imports are kept whole (a client package's index re-exports every command). So they are bundled first, all
// together from static entries where tree-shaking works, split so that the parts they share (@smithy/core,
// credentials, signing) are one chunk; the outer bundle then wraps those small results.
const SDK_DIR = path.resolve(__dirname, '../src/sdk');
const SDK_ENTRY = /[\\/]src[\\/]sdk[\\/][a-z0-9-]+\.ts$/;

const sdkEntries = {
  name: 'sdk-entries',
  setup(build) {
    // A build that leaves the SDK to the runtime (external) has nothing to do here.
    if ((build.initialOptions.external ?? []).includes('@aws-sdk/*')) return;
    let bundled;
    const prebundle = async () => {
      const entries = require('node:fs')
        .readdirSync(SDK_DIR)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(SDK_DIR, f));
      const result = await build.esbuild.build({
        entryPoints: entries,
        outdir: '/sdk',
        bundle: true,
        splitting: true,
        write: false,
        format: 'esm',
        platform: 'node',
        target: build.initialOptions.target,
        mainFields: ['module', 'main'],
        plugins: [sdkSchemaKeys],
        logLevel: 'warning',
        metafile: true,
      });
      return { files: new Map(result.outputFiles.map((f) => [path.basename(f.path), f.text])), inputs: Object.keys(result.metafile.inputs) };
    };
    build.onStart(() => {
      bundled = undefined;
    });
    build.onLoad({ filter: SDK_ENTRY }, async (args) => {
      bundled ??= prebundle();
      const { files, inputs } = await bundled;
      return {
        contents: files.get(path.basename(args.path).replace(/\.ts$/, '.js')),
        loader: 'js',
        resolveDir: SDK_DIR,
        pluginData: 'sdk',
        watchFiles: inputs,
      };
    });
    // The chunks (shared parts, and the credential providers the SDK itself imports on demand) live in memory.
    build.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => (args.pluginData === 'sdk' ? { path: args.path.slice(2), namespace: 'sdk-chunk' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'sdk-chunk' }, async (args) => ({
      contents: (await bundled).files.get(args.path),
      loader: 'js',
      resolveDir: SDK_DIR,
      pluginData: 'sdk',
    }));
  },
};

module.exports = [lambdaSlim, sdkSchemaKeys, sdkEntries];
