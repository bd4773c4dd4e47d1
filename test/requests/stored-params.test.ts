import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileRequestStore } from '../../src/requests/file-store.js';
import { newRequest, readStoredRequest } from '../../src/requests/model.js';

const legacyParams = {
  region: 'ap-northeast-1',
  serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
  vpcId: 'vpc-0a1b2c3d',
  subnetIds: ['subnet-0a1b2c3d'],
  securityGroupIds: [],
};

function legacyRecord(privateDns: boolean) {
  const request = newRequest({
    id: 'plr-0123456789',
    requester: 'U0ALICE',
    params: { ...legacyParams, privateDns: 'on', ports: [443] },
    preflight: [],
    now: new Date('2026-11-01T00:00:00Z'),
    ttlHours: 24,
  });
  const { ports: _ports, ...oldParams } = request.params;
  return { ...request, params: { ...oldParams, privateDns } };
}

describe('requests stored before the DNS modes', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('read a boolean privateDns as on/off and no ports as [443]', () => {
    expect(readStoredRequest(legacyRecord(true)).params).toMatchObject({ privateDns: 'on', ports: [443] });
    expect(readStoredRequest(legacyRecord(false)).params).toMatchObject({ privateDns: 'off', ports: [443] });
    const today = readStoredRequest({
      ...legacyRecord(true),
      params: { ...legacyParams, privateDns: 'inbound-only', ports: [8443], serviceRegion: 'us-east-1' },
    });
    expect(today.params).toMatchObject({ privateDns: 'inbound-only', ports: [8443], serviceRegion: 'us-east-1' });
  });

  it("come out of the embedded store in today's shape", async () => {
    dir = await mkdtemp(join(tmpdir(), 'plr-legacy-'));
    const store = new FileRequestStore(dir);
    const probe = legacyRecord(false);
    await store.create({ ...probe, params: { ...probe.params, privateDns: 'off', ports: [443] } });
    const records = join(dir, 'requests');
    const [file] = (await readdir(records)).filter((f) => f.endsWith('.json'));
    await writeFile(join(records, file!), JSON.stringify(legacyRecord(false)));

    expect((await store.get('plr-0123456789'))?.params).toMatchObject({ privateDns: 'off', ports: [443] });
  });
});
