// esbuild plugins for the Lambda bundles (used by serverless-esbuild and scripts/build.mjs).
//
// Bolt's index loads every receiver at start-up: Socket Mode (with undici and ws), Express, the OAuth installer
// and body parsing (iconv-lite, mime-db). On Lambda only AwsLambdaReceiver runs, so those modules are replaced
// by a stub that fails loudly if anything ever calls it. This halves the cold start (bench/, "Cold start").
const fs = require('node:fs');
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

// src/sdk/*.ts are loaded by dynamic import(), and only by the paths that call AWS. They are bundled apart, all
// together from static entries where tree-shaking works (a wrapped module's imports are kept whole: a client
// package's index re-exports every command), split so that the parts they share (@smithy/core, credentials,
// signing) are one chunk, then turned into CommonJS files written beside the bundle in `sdk/`; the bundle
// require()s `./sdk/ec2.cjs` where the source says `import('../sdk/ec2.js')`. So the bundle a cold start compiles
// does not carry the SDK (half its bytes): `help` never reads it, and a `dns` reads the EC2 and Lambda clients and
// their shared core, not DynamoDB's, SSM's or STS's. CommonJS rather than ES modules: Node's ES module loader cost
// a cold `dns` 20–40 ms more CPU than require() (bench/README.md).
const SDK_DIR = path.resolve(__dirname, '../src/sdk');

/** The prebundled SDK: file name (`ec2.cjs`, `chunk-….cjs`) to CommonJS text. */
async function prebundleSdk(esbuild, { target = 'node20', minify = true, keepNames = false } = {}) {
  const entries = fs
    .readdirSync(SDK_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(SDK_DIR, f));
  // esbuild splits ES modules only; each file is then converted on its own, its imports of the others becoming
  // require() calls (the SDK's own lazy imports included: `dynamic-import` unsupported).
  const result = await esbuild.build({
    entryPoints: entries,
    outdir: '/sdk',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    splitting: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target,
    keepNames,
    mainFields: ['module', 'main'],
    plugins: [sdkSchemaKeys],
    logLevel: 'warning',
  });
  const files = new Map();
  for (const file of result.outputFiles) {
    const { code } = await esbuild.transform(file.text, {
      format: 'cjs',
      platform: 'node',
      target,
      minify,
      keepNames,
      legalComments: 'none',
      supported: { 'dynamic-import': false },
    });
    files.set(path.basename(file.path), code);
  }
  return { files };
}

const sdkEntries = {
  name: 'sdk-entries',
  setup(build) {
    // A build that leaves the SDK to the runtime (external) has nothing to do here.
    if ((build.initialOptions.external ?? []).includes('@aws-sdk/*')) return;
    build.initialOptions.metafile = true;
    const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
    build.onResolve({ filter: /(^|[\\/])sdk[\\/][a-z0-9-]+\.js$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      if (path.dirname(file) !== SDK_DIR) return undefined;
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: `${args.path} is imported statically: load src/sdk/*.ts with import(), so that the SDK stays out of the cold start` }] };
      }
      return { path: path.basename(file, '.ts'), namespace: 'sdk-file' };
    });
    build.onLoad({ filter: /.*/, namespace: 'sdk-file' }, (args) => ({ contents: `module.exports = require('./sdk/${args.path}.cjs');`, loader: 'js' }));
    build.onResolve({ filter: /^\.\/sdk\/[\w-]+\.cjs$/ }, (args) => (args.namespace === 'sdk-file' ? { path: args.path, external: true } : undefined));
    // Written beside the bundles, once each build is done (and only when it writes).
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || build.initialOptions.write === false) return undefined;
      const outdir = path.resolve(cwd, build.initialOptions.outdir ?? '.');
      for (const [file, output] of Object.entries(result.metafile?.outputs ?? {})) {
        if (output.entryPoint && file.endsWith('.js') && path.dirname(path.resolve(cwd, file)) !== outdir) {
          return { errors: [{ text: `${file}: a bundle that loads the SDK from ./sdk/ must be written at the top of outdir` }] };
        }
      }
      const { target, minify, keepNames } = build.initialOptions;
      // As the bundles: serverless.yml keeps names (keepNames), scripts/build.mjs does not.
      const { files } = await prebundleSdk(build.esbuild, { target, minify, keepNames });
      // serverless-esbuild builds the functions at once into one folder: each build writes the same files (a
      // temporary name, then a rename), and removes only files of earlier builds that neither build wrote.
      const dir = path.join(outdir, 'sdk');
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, text] of files) {
        const temporary = path.join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}`);
        fs.writeFileSync(temporary, text);
        fs.renameSync(temporary, path.join(dir, name));
      }
      for (const name of fs.readdirSync(dir)) if (name.endsWith('.cjs') && !files.has(name)) fs.rmSync(path.join(dir, name), { force: true });
      return undefined;
    });
  },
};

module.exports = [lambdaSlim, sdkSchemaKeys, sdkEntries];
// For test/deploy/bundle.test.ts: what the SDK files beside a bundle hold.
module.exports.prebundleSdk = prebundleSdk;
