/** The sweep reaches every request that needs it, however many records the store holds, through the real worker. */
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoRequestStore } from '../../src/requests/dynamo-store.js';
import { newRequest, requestIdFor, transition, type EndpointRequest } from '../../src/requests/model.js';
import { patched, type RequestStore } from '../../src/requests/store.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { startDynalite, type LocalDynamo } from '../helpers/dynalite.js';
import { fakeEc2World } from '../helpers/ec2.js';
import { blockText, callsTo, fakeSlack } from '../helpers/slack.js';
import { approvedAsSlackWould } from '../helpers/requests.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const PARAMS = {
  region: 'ap-northeast-1',
  serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
  vpcId: 'vpc-0a1b2c3d',
  subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
  securityGroupIds: ['sg-0a1b2c3d'],
  privateDns: 'on' as const,
  ports: [443],
};

function request(n: number, createdAt: Date): EndpointRequest {
  return newRequest({
    id: requestIdFor(`sweep-${n}-${Math.random()}`),
    requester: 'U0ALICE',
    params: PARAMS,
    preflight: [],
    now: createdAt,
    ttlHours: 24 * 365,
  });
}

/** 1,000 finished requests newer than the two that need the sweep: an approved one whose hand-off was lost, and a finished one whose message update failed. */
async function seed(store: RequestStore) {
  const oldest = new Date(NOW.getTime() - 30 * 86_400_000);
  const lost = patched(approvedAsSlackWould(request(0, oldest), 'U0BOB', new Date(oldest.getTime() + 60_000)), {
    message: { channel: 'C0APPROVALS', ts: '1600000000.000100' },
  });
  const staleBase = request(1, new Date(oldest.getTime() + 1000));
  const stale = patched(transition(staleBase, 'rejected', 'U0BOB', new Date(oldest.getTime() + 2000)), {
    message: { channel: 'C0APPROVALS', ts: '1600000001.000100' },
    messageStale: true,
  });
  await store.create(lost);
  await store.create(stale);
  const finished = Array.from({ length: 1000 }, (_, i) =>
    transition(request(i + 2, new Date(oldest.getTime() + 86_400_000 + i * 1000)), 'rejected', 'U0BOB', NOW),
  );
  for (let i = 0; i < finished.length; i += 50) await Promise.all(finished.slice(i, i + 50).map((r) => store.create(r)));
  return { lost, stale };
}

describe.each(['file', 'dynamo'] as const)('the sweep over 1,002 records (%s store)', (kind) => {
  let bot: Bot;
  let dynamo: LocalDynamo | undefined;
  afterEach(async () => {
    await bot?.close();
    await dynamo?.close();
    dynamo = undefined;
  });

  it('resumes an old approved request and redraws an old stale message behind 1,000 newer records', { timeout: 120_000 }, async () => {
    let store: RequestStore | undefined;
    if (kind === 'dynamo') {
      dynamo = await startDynalite('requests-sweep');
      // 100 items a page: the scan crosses eleven pages, each ended by LastEvaluatedKey.
      store = new DynamoRequestStore('requests-sweep', dynamo.clientConfig, 100);
    }
    bot = await startBot({ clock: { now: NOW }, ...(store && { wrapStore: () => store! }) });
    fakeEc2World(seedState());
    const slack = fakeSlack();
    const { lost, stale } = await seed(bot.store);

    await bot.worker({ kind: 'sweep' });

    expect(bot.jobs.jobs).toEqual([{ kind: 'create', requestId: lost.id }]);
    const redrawn = callsTo(slack, 'chat.update').filter((u) => u.body.ts === stale.message!.ts);
    expect(redrawn).toHaveLength(1);
    expect(blockText(redrawn[0]!.body)).toContain('Rejected by <@U0BOB>');
    expect((await bot.store.get(stale.id))?.messageStale).toBe(false);
  });
});
