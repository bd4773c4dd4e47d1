import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliText, runCli, type CliIo } from '../src/cli.js';
import { FileRequestStore } from '../src/requests/file-store.js';
import { newRequest, transition } from '../src/requests/model.js';
import { seedState, startEc2Emulator, type RunningEmulator } from './emulator/ec2-emulator.js';
import { kinesisParams } from './helpers/requests.js';

async function run(args: string[], extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, ...extra });
  return { code, stdout, stderr };
}

describe('privatelink CLI', () => {
  it("prints help in the terminal's words: privatelink …, --json, --version", async () => {
    const { code, stdout } = await run(['help']);
    expect(code).toBe(0);
    expect(stdout).toContain('privatelink compare');
    expect(stdout).not.toContain('/privatelink');
    expect(stdout).toContain('--json');
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(await readFile(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await run([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`privatelink ${version}\n`);
    }
  });

  it('prints the decision as JSON on stdout and nothing else', async () => {
    const { code, stdout, stderr } = await run(['compare', 'target=own-service', 'overlap=yes', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ recommendation: 'endpoint-service', factsAsOf: '2026-11-01' });
    expect(json.ruledOut).toContainEqual({ option: 'vpc-peering', reason: 'VPCs with overlapping CIDR blocks cannot be peered.', facts: ['peering.overlap'] });
  });

  it('reports a missing target as the open question, with no recommendation', async () => {
    const json = JSON.parse((await run(['compare', 'overlap=yes', '--json'])).stdout);
    expect(json.recommendation).toBeNull();
    expect(json.ranked).toEqual([]);
    expect(json.openQuestions[0]).toMatchObject({ key: 'target' });

    const text = (await run(['compare', 'overlap=yes'])).stdout;
    expect(text).toContain('No recommendation yet: it depends on what must be reached');
    expect(text).toContain('target=whole-vpc → Transit Gateway');
  });

  it('prints companions (alsoNeeded) in JSON and text', async () => {
    const args = ['compare', 'target=aws-service', 'service=kinesis-streams', 'cross-region=yes'];
    const json = JSON.parse((await run([...args, '--json'])).stdout);
    expect(json).toMatchObject({
      recommendation: 'interface-endpoint',
      alsoNeeded: [{ option: 'vpc-peering', facts: expect.arrayContaining(['interface.cross-region-aws-services']) }],
    });
    expect(json.ruledOut.map((r: { option: string }) => r.option)).not.toContain('vpc-peering');

    const text = (await run(args)).stdout;
    expect(text).toContain('Together with\n• VPC peering: Inter-region VPC peering');
    expect(text).toContain('privatelink create kinesis-streams region=<service-region> vpc=vpc-…');
  });

  it('exits 2 with the error and usage on stderr', async () => {
    const { code, stdout, stderr } = await run(['compare', 'onprem=maybe']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('onprem=maybe is not valid: use yes, no.');
    expect(stderr).toContain('Usage: privatelink compare [');
  });

  it("shows requests and one request's history from the store, and leaves create to Slack", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'privatelink-cli-'));
    const store = new FileRequestStore(dir);
    const at = new Date('2026-11-29T10:00:00Z');
    const request = newRequest({
      id: 'plr-0123456789',
      requester: 'U0ALICE',
      params: kinesisParams(),
      preflight: [],
      now: at,
      ttlHours: 24,
    });
    await store.create(request);
    await store.replace(transition(request, 'rejected', 'U0BOB', at));

    expect((await run(['requests', 'all'], { store })).stdout).toContain('plr-0123456789 Rejected · @U0ALICE');
    const status = await run(['status', 'plr-0123456789'], { store });
    expect(status.stdout).toContain('• rejected · @U0BOB · 2026-11-29T10:00:00.000Z');
    expect((await run(['status', 'plr-0123456789', '--json'], { store })).stdout).toContain('"state": "rejected"');
    expect(await run(['create', 's3', 'vpc=vpc-0a1b2c3d', 'subnets=subnet-0a1b2c3d'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('works in Slack only'),
    });
    await rm(dir, { recursive: true, force: true });
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
      dnsNames: [
        `${endpointId}-emu.kinesis.ap-northeast-1.vpce.amazonaws.com`,
        `${endpointId}-emu-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com`,
        'kinesis.ap-northeast-1.amazonaws.com',
      ],
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

    expect(JSON.parse(stdout)).toMatchObject([
      { id: endpointId, state: 'available', dns: { regional: `${endpointId}-emu.kinesis.ap-northeast-1.vpce.amazonaws.com` } },
    ]);
  });

  it('exits 1 with an actionable message for an unknown endpoint', async () => {
    const error = await promisify(execFile)(process.execPath, ['bin/privatelink.cjs', 'describe', 'vpce-0fffffffffffffff0'], { env: env() }).catch(
      (e: { code: number; stderr: string }) => e,
    );

    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain('That endpoint does not exist in ap-northeast-1. Check the id, or the region with region=.');
  });
});

describe('terminal text', () => {
  it('rewrites the slash command but keeps every PrivateLink documentation link whole', async () => {
    const { stdout } = await run(['compare', 'target=own-service', 'overlap=yes']);
    const urls = stdout.match(/https:\/\/[^\s>|)]+/g) ?? [];
    expect(urls.some((u) => u.includes('/privatelink/'))).toBe(true);
    for (const url of urls) expect(url).not.toMatch(/amazon\.com(\/[\w.-]+)*[^/]privatelink\//);
    expect(stdout).not.toMatch(/(^|\s)\/privatelink\s/m);
  });

  it('rewrites a command at the start of a line, after a space or inside backticks', () => {
    const text = cliText([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '/privatelink help · `/privatelink dns s3` see <https://docs.aws.amazon.com/vpc/latest/privatelink/x.html|docs>' },
      },
    ]);
    expect(text).toContain('privatelink help');
    expect(text).toContain('privatelink dns s3');
    expect(text).not.toContain('/privatelink dns');
    expect(text).toContain('/vpc/latest/privatelink/x.html');
  });
});

describe('the terminal in Japanese', () => {
  it('answers lang in the language --lang chose, wherever --lang stands', async () => {
    for (const args of [
      ['--lang', 'ja', 'lang'],
      ['lang', 'ja', '--lang', 'ja'],
    ]) {
      const { stderr } = await run(args);
      expect(stderr).toContain('ターミナルでは');
    }
  });
});
