/**
 * What the Lambda bundles carry (scripts/lambda-options.cjs, built in memory). The AWS SDK reaches them only
 * through src/sdk/*.ts, prebundled and tree-shaken to the commands listed there: a module that imports a client
 * package itself (even lazily) pulls in every command of that client and a second copy of the SDK's core. That
 * is what slowed a cold `dns` from 0.34× to 0.46× the baseline's wall time (issue 13; bench/README.md).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const { lambda } = createRequire(path.resolve('package.json'))('./scripts/lambda-options.cjs') as { lambda: Parameters<typeof build>[0] };

/** The outer bundle's inputs with the bytes each left in the output, per entry. */
const outputs = new Map<string, { bytes: number; inputs: Record<string, number> }>();

beforeAll(async () => {
  const result = await build({ ...lambda, write: false, sourcemap: false, metafile: true, logLevel: 'silent' });
  for (const [file, output] of Object.entries((result.metafile as Metafile).outputs)) {
    if (!output.entryPoint) continue;
    outputs.set(path.basename(file, '.js'), {
      bytes: output.bytes,
      inputs: Object.fromEntries(Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput])),
    });
  }
});

describe('the Lambda bundles', () => {
  it.each(['handler', 'worker-handler'])('%s takes the AWS SDK only from src/sdk/*.ts', (entry) => {
    const inputs = Object.keys(outputs.get(entry)!.inputs);
    expect(inputs.some((input) => /^src[\\/]sdk[\\/]ec2\.ts$/.test(input))).toBe(true);
    expect(inputs.filter((input) => /node_modules[\\/]@(aws-sdk|smithy)[\\/]/.test(input))).toEqual([]);
  });

  it('keeps only the EC2 shapes of the commands the bot sends', () => {
    // The whole EC2 schema is ≈ 1.3 MB; the shapes of the commands in src/sdk/ec2.ts are ≈ 60 KB.
    expect(outputs.get('handler')!.inputs['src/sdk/ec2.ts']).toBeLessThan(150_000);
  });

  it('keeps the Slack handler small', () => {
    // 1.13 MB when this test was written; the untreeshaken DynamoDB client it guards against made it 1.54 MB.
    expect(outputs.get('handler')!.bytes).toBeLessThan(1_300_000);
  });
});
