/**
 * The click's decision reads the record once (the approver check's read) and writes conditionally on that read's
 * version: a change landing between the check and the write makes the write re-read, never win twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileRequestStore } from '../../src/requests/file-store.js';
import { newRequest, requestIdFor, transition, type EndpointRequest } from '../../src/requests/model.js';
import { patched } from '../../src/requests/store.js';
import { checkDecision, recordDecision } from '../../src/requests/decide.js';
import type { WorkflowDependencies } from '../../src/requests/workflow.js';
import { kinesisParams } from '../helpers/requests.js';

const T0 = new Date('2026-11-29T10:00:00Z');
const MESSAGE = { channel: 'C0APPROVALS', ts: '1700000000.000100' };

/** Counts the workflow's reads (not the store's own version check inside `replace`). */
class CountingStore extends FileRequestStore {
  gets = 0;
  private replacing = false;
  override async get(id: string) {
    if (!this.replacing) this.gets++;
    return super.get(id);
  }
  override async replace(next: EndpointRequest) {
    this.replacing = true;
    try {
      return await super.replace(next);
    } finally {
      this.replacing = false;
    }
  }
}

describe('a decision from the record the check read', () => {
  let dir: string;
  let store: CountingStore;
  let deps: WorkflowDependencies;
  let request: EndpointRequest;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'privatelink-decide-'));
    store = new CountingStore(dir);
    deps = {
      store,
      approvals: { channelId: 'C0APPROVALS', userIds: ['U0BOB', 'U0CAROL'], ttlHours: 24 },
      approvers: { isApprover: async (user: string) => ['U0BOB', 'U0CAROL'].includes(user) },
      regions: {},
      now: () => T0,
      log: () => undefined,
    } as unknown as WorkflowDependencies;
    request = {
      ...newRequest({
        id: requestIdFor(`decide-${Math.random()}`),
        requester: 'U0ALICE',
        params: kinesisParams(),
        preflight: [],
        now: T0,
        ttlHours: 24,
      }),
      message: MESSAGE,
    };
    await store.create(request);
    store.gets = 0;
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads the record once for the check and the write', async () => {
    const checked = await checkDecision(deps, request.id, 'U0BOB', 'approve', MESSAGE);
    expect(checked.refusal).toBeUndefined();
    const outcome = await recordDecision(deps, request.id, 'U0BOB', 'approve', checked.read);

    expect(outcome.kind).toBe('decided');
    expect(store.gets).toBe(1);
    expect((await store.get(request.id))?.state).toBe('approved');
  });

  it('re-reads when the record changed after the check, and then writes on the newer version', async () => {
    const checked = await checkDecision(deps, request.id, 'U0BOB', 'approve', MESSAGE);
    // A bookkeeping write (not a decision) lands between the check and the write.
    await store.replace(patched((await store.get(request.id))!, { messageStale: true }));
    store.gets = 0;

    const outcome = await recordDecision(deps, request.id, 'U0BOB', 'approve', checked.read);

    expect(outcome.kind).toBe('decided');
    expect(store.gets).toBe(1);
    const stored = (await store.get(request.id))!;
    expect(stored.state).toBe('approved');
    expect(stored.messageStale).toBe(true);
    expect(stored.history).toHaveLength(2);
  });

  it('loses to a decision that landed after the check: one winner', async () => {
    const bob = await checkDecision(deps, request.id, 'U0BOB', 'approve', MESSAGE);
    const carol = await checkDecision(deps, request.id, 'U0CAROL', 'reject', MESSAGE);
    await store.replace(transition(carol.read!, 'rejected', 'U0CAROL', T0, { decidedBy: 'U0CAROL' }));

    const outcome = await recordDecision(deps, request.id, 'U0BOB', 'approve', bob.read);

    expect(outcome.kind).toBe('already');
    const stored = (await store.get(request.id))!;
    expect(stored.state).toBe('rejected');
    expect(stored.history.filter((h) => h.state === 'approved')).toEqual([]);
  });
});
