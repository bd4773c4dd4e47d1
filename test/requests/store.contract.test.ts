import { promises as fsPromises } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoRequestStore } from '../../src/requests/dynamo-store.js';
import { FileRequestStore } from '../../src/requests/file-store.js';
import { IllegalTransition, isExpired, newRequest, requestIdFor, transition, type EndpointRequest } from '../../src/requests/model.js';
import { HistoryRewrite, VersionConflict, patched, type RequestStore } from '../../src/requests/store.js';
import { startDynalite, type LocalDynamo } from '../helpers/dynalite.js';
import { count } from '../reliability/figures.js';
import { kinesisParams } from '../helpers/requests.js';

const T0 = new Date('2026-11-29T10:00:00Z');
let counter = 0;

function sample(overrides: Partial<EndpointRequest> = {}): EndpointRequest {
  return {
    ...newRequest({
      id: requestIdFor(`trigger-${++counter}-${Math.random()}`),
      requester: 'U0ALICE',
      reason: 'orders stream',
      params: kinesisParams(),
      preflight: [],
      now: T0,
      ttlHours: 24,
    }),
    ...overrides,
  };
}

function contract(name: string, open: () => Promise<{ store: RequestStore; close: () => Promise<void> }>) {
  describe(`${name} store contract`, () => {
    let store: RequestStore;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close());

    it('creates once: a second create with the same id is refused', async () => {
      const request = sample();
      expect(await store.create(request)).toBe(true);
      expect(await store.create({ ...request, requester: 'U0MALLORY' })).toBe(false);
      expect(await store.get(request.id)).toEqual(request);
    });

    it('returns nothing for an unknown id', async () => {
      expect(await store.get('plr-zzzzzzzzzz')).toBeUndefined();
    });

    it('walks the legal path, keeping who and when at every step', async () => {
      let request = sample();
      await store.create(request);
      for (const [to, actor] of [
        ['approved', 'U0BOB'],
        ['creating', 'worker'],
        ['available', 'worker'],
      ] as const) {
        request = transition(request, to, actor, new Date(T0.getTime() + 1000));
        await store.replace(request);
      }
      const stored = await store.get(request.id);
      expect(stored?.state).toBe('available');
      expect(stored?.history.map((h) => [h.state, h.actor])).toEqual([
        ['pending', 'U0ALICE'],
        ['approved', 'U0BOB'],
        ['creating', 'worker'],
        ['available', 'worker'],
      ]);
    });

    it('refuses illegal transitions before anything is written', () => {
      const request = sample();
      expect(() => transition(request, 'available', 'x', T0)).toThrow(IllegalTransition);
      expect(() => transition(transition(request, 'rejected', 'U0BOB', T0), 'approved', 'U0BOB', T0)).toThrow(IllegalTransition);
    });

    it('refuses a write based on a stale version', async () => {
      const request = sample();
      await store.create(request);
      await store.replace(transition(request, 'approved', 'U0BOB', T0));

      await expect(store.replace(transition(request, 'rejected', 'U0CAROL', T0))).rejects.toBeInstanceOf(VersionConflict);
      expect((await store.get(request.id))?.state).toBe('approved');
    });

    it('lets exactly one of 20 concurrent transitions win', async () => {
      const request = sample();
      await store.create(request);

      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.replace(transition(request, i % 2 ? 'approved' : 'rejected', `U0APPROVER${i}`, T0))),
      );

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof VersionConflict)).toHaveLength(19);
      expect((await store.get(request.id))?.history).toHaveLength(2);
    });

    it('refuses a write that rewrites the history, even at the right version', async () => {
      const request = sample();
      await store.create(request);
      const approved = transition(request, 'approved', 'U0BOB', T0);
      await store.replace(approved);

      const forged = { ...transition(approved, 'creating', 'worker', T0), history: [{ state: 'approved' as const, actor: 'U0MALLORY', at: T0.toISOString() }] };
      await expect(store.replace(forged)).rejects.toBeInstanceOf(HistoryRewrite);
      await expect(store.replace({ ...patched(approved, {}), requester: 'U0MALLORY' })).rejects.toBeInstanceOf(HistoryRewrite);
      expect((await store.get(request.id))?.history.map((h) => h.actor)).toEqual(['U0ALICE', 'U0BOB']);
    });

    it('keeps patches versioned too', async () => {
      const request = sample();
      await store.create(request);
      const withMessage = patched(request, { message: { channel: 'C0APPROVALS', ts: '1700000000.000100' } });
      await store.replace(withMessage);

      await expect(store.replace(patched(request, { message: { channel: 'C0X', ts: '1' } }))).rejects.toBeInstanceOf(VersionConflict);
      expect((await store.get(request.id))?.message).toEqual({ channel: 'C0APPROVALS', ts: '1700000000.000100' });
    });

    it('lists open requests newest first', async () => {
      const older = sample({ createdAt: '2026-11-28T00:00:00.000Z' });
      const newer = sample({ createdAt: '2026-11-29T11:00:00.000Z' });
      const done = sample({ state: 'rejected' });
      for (const r of [older, newer, done]) await store.create(r);

      const open = await store.list({ openOnly: true, limit: 1000 });
      const ids = open.map((r) => r.id);
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
      expect(ids).not.toContain(done.id);
      expect((await store.list({ openOnly: false, limit: 1000 })).map((r) => r.id)).toContain(done.id);
    });

    it('expires pending requests after their TTL', async () => {
      const request = sample();
      await store.create(request);
      const stored = (await store.get(request.id))!;

      expect(isExpired(stored, new Date(T0.getTime() + 23.9 * 3_600_000))).toBe(false);
      expect(isExpired(stored, new Date(T0.getTime() + 24 * 3_600_000))).toBe(true);
      expect(isExpired(transition(stored, 'approved', 'U0BOB', T0), new Date(T0.getTime() + 48 * 3_600_000))).toBe(false);
    });
  });
}

let dynamo: LocalDynamo;
contract('DynamoDB (dynalite)', async () => {
  dynamo = await startDynalite('requests-contract');
  return { store: new DynamoRequestStore('requests-contract', dynamo.clientConfig), close: () => dynamo.close() };
});

contract('embedded (files)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'privatelink-store-'));
  return { store: new FileRequestStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
});

describe('embedded store across processes', () => {
  it('survives a restart: a new store on the same directory sees the requests', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'privatelink-store-'));
    const request = sample();
    await new FileRequestStore(dir).create(request);

    expect(await new FileRequestStore(dir).get(request.id)).toEqual(request);
    await rm(dir, { recursive: true, force: true });
  });

  it('breaks a stale lock once: approve against reject with a stale lock present, 60 rounds, one winner each', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'privatelink-store-'));
    const stores = Array.from({ length: 4 }, () => new FileRequestStore(dir));
    const lockOf = (id: string) => path.join(dir, 'requests', `${id}.json.lock`);
    // Separate processes on a busy machine: each file-system step may be a little late (0–4 ms either side).
    const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
    for (const name of ['stat', 'rm'] as const) {
      const original = fsPromises[name].bind(fsPromises) as (...args: unknown[]) => Promise<unknown>;
      vi.spyOn(fsPromises, name).mockImplementation((async (...args: unknown[]) => {
        await jitter();
        try {
          return await original(...args);
        } finally {
          await jitter();
        }
      }) as never);
    }
    const longAgo = new Date(Date.now() - 60_000);
    let rounds = 0;
    try {
      for (let round = 0; round < 60; round++) {
        const request = sample();
        await stores[0]!.create(request);
        // A lock left by a process that died, a minute old.
        await writeFile(lockOf(request.id), 'dead-owner');
        await utimes(lockOf(request.id), longAgo, longAgo);

        const results = await Promise.allSettled(
          stores.map((store, i) => store.replace(transition(request, i % 2 ? 'approved' : 'rejected', `U0APPROVER${i}`, T0))),
        );

        expect(results.filter((r) => r.status === 'rejected' && !(r.reason instanceof VersionConflict))).toEqual([]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await stores[0]!.get(request.id))?.history).toHaveLength(2);
        rounds++;
      }
    } finally {
      vi.restoreAllMocks();
      count('races run', rounds);
    }
    // Nothing left behind: no lock, no tombstone of a broken one, no temporary file.
    expect((await readdir(path.join(dir, 'requests'))).filter((f) => !f.endsWith('.json'))).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('removes a lock only by its owner', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'privatelink-store-'));
    const lock = (id: string) => path.join(dir, 'requests', `${id}.json.lock`);
    const seen: string[] = [];
    // Inside the critical section (replace reads the record under the lock), another owner's lock appears.
    class Intruded extends FileRequestStore {
      override async get(id: string) {
        const content = await readFile(lock(id), 'utf8').catch(() => undefined);
        if (content !== undefined) {
          seen.push(content);
          await writeFile(lock(id), 'someone-else');
        }
        return super.get(id);
      }
    }
    const store = new Intruded(dir);
    const request = sample();
    await new FileRequestStore(dir).create(request);

    await store.replace(transition(request, 'approved', 'U0BOB', T0));

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readFile(lock(request.id), 'utf8')).toBe('someone-else');
    await rm(dir, { recursive: true, force: true });
  });

  it('lets one of two writers in separate processes win', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'privatelink-store-'));
    const request = sample();
    await new FileRequestStore(dir).create(request);
    const { execFile } = await import('node:child_process');
    const script = `
      const { FileRequestStore } = require('./src/requests/file-store.ts');
      const { transition } = require('./src/requests/model.ts');
      const store = new FileRequestStore(process.argv[1]);
      store.get(process.argv[2]).then((r) => store.replace(transition(r, 'approved', process.argv[3], new Date())))
        .then(() => console.log('won'), (e) => console.log(e.name));`;
    const run = (actor: string) =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--import', 'tsx', '-e', script, dir, request.id, actor], (error, stdout) =>
          error ? reject(error) : resolve(stdout.trim()),
        ),
      );

    const outcomes = await Promise.all([run('U0BOB'), run('U0CAROL')]);

    expect(outcomes.filter((o) => o === 'won').length).toBe(1);
    expect((await new FileRequestStore(dir).get(request.id))?.history).toHaveLength(2);
    await rm(dir, { recursive: true, force: true });
  });
});
