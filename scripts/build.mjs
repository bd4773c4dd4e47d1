// Bundles the entry points with esbuild (CommonJS: Bolt's dependencies break as ESM) into dist/.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const { common, lambda } = createRequire(import.meta.url)('./lambda-options.cjs');

// The CLI runs anywhere: everything bundled.
await build({ ...common, entryPoints: { cli: 'src/cli.ts' } });
// The Lambda handlers (scripts/lambda-options.cjs). SDK_EXTERNAL=1 leaves the SDK to the runtime instead (bench).
await build(process.env.SDK_EXTERNAL === '1' ? { ...common, entryPoints: lambda.entryPoints, external: ['@aws-sdk/*'], outdir: 'dist/sdk-external' } : lambda);
