import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { seedState, startEc2Emulator, type RunningEmulator } from './emulator/ec2-emulator.js';

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
    expect(stderr).toContain('onprem=maybe is not valid: use yes, no.');
    expect(stderr).toContain('Usage: /privatelink compare [');
  });

  it('runs as the package bin, offline, with no credentials', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/privatelink.cjs', 'compare', 'target=aws-service', 'service=s3', '--json'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(stdout).recommendation).toBe('gateway-endpoint');
  });
});

describe('privatelink CLI against an EC2 emulator on loopback', () => {
  let emulator: RunningEmulator;
  const endpointId = 'vpce-0123456789abcdef0';

  beforeAll(async () => {
    const state = seedState();
    state.endpoints.push({
      id: endpointId,
      state: 'available',
      dnsNames: [`${endpointId}-emu.kinesis.ap-northeast-1.vpce.amazonaws.com`, `${endpointId}-emu-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com`, 'kinesis.ap-northeast-1.amazonaws.com'],
      describesUntilReady: 0,
    });
    emulator = await startEc2Emulator(state);
  });

  afterAll(() => emulator.close());

  const env = () => ({
    PATH: process.env.PATH ?? '',
    AWS_ENDPOINT_URL_EC2: emulator.url,
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });

  it('prints the DNS names the emulator reports', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/privatelink.cjs', 'dns', 'kinesis'], { env: env() });

    expect(stdout).toContain(`Regional: ${endpointId}-emu.kinesis.ap-northeast-1.vpce.amazonaws.com`);
    expect(stdout).toContain(`${endpointId}-emu-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com  ap-northeast-1a`);
    expect(stdout).toContain('Private DNS: kinesis.ap-northeast-1.amazonaws.com');
  });

  it('describes an endpoint as JSON', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/privatelink.cjs', 'describe', endpointId, '--json'], { env: env() });

    expect(JSON.parse(stdout)).toMatchObject([{ id: endpointId, state: 'available', dns: { regional: `${endpointId}-emu.kinesis.ap-northeast-1.vpce.amazonaws.com` } }]);
  });

  it('exits 1 with an actionable message for an unknown endpoint', async () => {
    const error = await promisify(execFile)(process.execPath, ['bin/privatelink.cjs', 'describe', 'vpce-0fffffffffffffff0'], { env: env() }).catch((e: { code: number; stderr: string }) => e);

    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain('That endpoint does not exist in ap-northeast-1. Check the id, or the region with region=.');
  });
});
