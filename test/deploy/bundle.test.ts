/**
 * What the Lambda bundles carry (scripts/lambda-options.cjs, built in memory). The AWS SDK is not in them: the
 * bundles load it with require() from the CommonJS files written beside them (`sdk/*.cjs`, prebundled from
 * src/sdk/*.ts and tree-shaken to the commands listed there), so a cold start compiles only the bot. A module that
 * imported a client package itself (even lazily) would put that whole client and a second copy of the SDK's core
 * back into the bundle: that is what slowed a cold `dns` from 0.34× to 0.46× the baseline's wall time (issue 13;
 * bench/README.md).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const load = createRequire(path.resolve('package.json'));
const { lambda } = load('./scripts/lambda-options.cjs') as { lambda: esbuild.BuildOptions };
const { prebundleSdk } = load('./scripts/esbuild-plugins.cjs') as {
  prebundleSdk: (build: typeof esbuild) => Promise<{ files: Map<string, string> }>;
};

interface Bundle {
  bytes: number;
  inputs: string[];
  /** What it loads at run time (Node's modules and the SDK files beside it). */
  external: string[];
}
const bundles = new Map<string, Bundle>();
let sdkFiles: Map<string, string>;

beforeAll(async () => {
  const result = await esbuild.build({ ...lambda, write: false, sourcemap: false, metafile: true, logLevel: 'silent' });
  for (const [file, output] of Object.entries(result.metafile!.outputs)) {
    if (!output.entryPoint) continue;
    bundles.set(path.basename(file, '.js'), {
      bytes: output.bytes,
      inputs: Object.keys(output.inputs),
      external: output.imports.filter((i) => i.external).map((i) => i.path),
    });
  }
  sdkFiles = (await prebundleSdk(esbuild)).files;
});

describe('the Lambda bundles', () => {
  it.each(['handler', 'worker-handler'])('%s loads the AWS SDK from the files beside it, never bundles it', (entry) => {
    const bundle = bundles.get(entry)!;
    expect(bundle.inputs.filter((input) => /node_modules[\\/]@(aws-sdk|smithy)[\\/]/.test(input))).toEqual([]);
    expect(bundle.external).toEqual(expect.arrayContaining(['./sdk/ec2.cjs', './sdk/lambda.cjs', './sdk/dynamodb.cjs']));
    for (const file of bundle.external.filter((f) => f.startsWith('./sdk/'))) expect(sdkFiles.has(path.basename(file))).toBe(true);
  });

  it('keeps only the EC2 shapes of the commands the bot sends', () => {
    // The whole EC2 schema is ≈ 1.3 MB; the shapes of the commands in src/sdk/ec2.ts are ≈ 60 KB.
    expect(sdkFiles.get('ec2.cjs')!.length).toBeLessThan(150_000);
  });

  it('keeps the Slack handler small', () => {
    // 0.60 MB when this test was written; with the SDK inside it was 1.13 MB, and 1.54 MB with a whole client.
    expect(bundles.get('handler')!.bytes).toBeLessThan(800_000);
  });
});
