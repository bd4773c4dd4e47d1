import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

describe('privatelink CLI', () => {
  it('prints help', async () => {
    const { code, stdout } = await run(['help']);
    expect(code).toBe(0);
    expect(stdout).toContain('/privatelink compare');
  });

  it('prints the decision as JSON on stdout and nothing else', async () => {
    const { code, stdout, stderr } = await run(['compare', 'target=own-service', 'overlap=yes', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ recommendation: 'endpoint-service', factsAsOf: '2026-11-01' });
    expect(json.ruledOut).toContainEqual({ option: 'vpc-peering', reason: 'VPCs with overlapping CIDR blocks cannot be peered.', facts: ['peering.overlap'] });
  });

  it('exits 2 with the error and usage on stderr', async () => {
    const { code, stdout, stderr } = await run(['compare', 'onprem=maybe']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('`onprem=maybe` is not valid');
    expect(stderr).toContain('Usage: `/privatelink compare');
  });

  it('runs as the package bin, offline, with no credentials', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/privatelink.cjs', 'compare', 'target=aws-service', 'service=s3', '--json'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(stdout).recommendation).toBe('gateway-endpoint');
  });
});
