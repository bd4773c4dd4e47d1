/**
 * The same `/privatelink create …` delivered three times at once (a double Enter, Slack's retry racing the
 * original: each with its own trigger_id) files one request and posts one card; every delivery is answered with
 * that request's id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SUBMISSION_WINDOW_MS } from '../../src/requests/submit.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { fakeEc2World } from '../helpers/ec2.js';
import { callsTo, captureResponseUrl, fakeSlack, type Captured } from '../helpers/slack.js';

const KINESIS_REQUEST = 'create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders"';
const NOW = new Date('2026-11-29T10:04:59Z');

const cards = (slack: Captured[]) => callsTo(slack, 'chat.postMessage').filter((c) => c.body.channel === 'C0APPROVALS' && !c.body.thread_ts);
const idsIn = (replies: Captured[]) => replies.map((r) => JSON.stringify(r.body).match(/plr-[0-9a-z]{10}/)?.[0]);

describe.each(['file', 'dynamo'] as const)('one submission delivered three times at once (%s store)', (storeKind) => {
  let bot: Bot;
  afterEach(() => bot?.close());

  /** Three deliveries of `texts`, each with its own trigger_id, their submit jobs run at the same time. */
  async function deliver(texts: string[], user = 'U0ALICE'): Promise<Captured[]> {
    const replies = captureResponseUrl(texts.length);
    for (const [i, text] of texts.entries()) await bot.command(text, user, `trigger-${i}-${Math.random()}`);
    const submits = bot.jobs.jobs.splice(0);
    expect(submits.map((j) => j.kind)).toEqual(texts.map(() => 'submit'));
    await Promise.all(submits.map((job) => bot.worker(job)));
    return replies;
  }

  it('posts one card and answers every delivery with the same request id', async () => {
    bot = await startBot({ storeKind, clock: { now: NOW } });
    fakeEc2World(seedState());
    const slack = fakeSlack();

    const replies = await deliver([KINESIS_REQUEST, KINESIS_REQUEST, `  ${KINESIS_REQUEST.replace(' vpc=', '   vpc=')}  `]);

    expect(cards(slack)).toHaveLength(1);
    const requests = await bot.store.list({ openOnly: false, limit: 10 });
    expect(requests).toHaveLength(1);
    expect(replies).toHaveLength(3);
    expect(idsIn(replies)).toEqual([requests[0]!.id, requests[0]!.id, requests[0]!.id]);
  });

  it('a delivery across the edge of the window finds the same request; another user or other text is another request', async () => {
    bot = await startBot({ storeKind, clock: { now: NOW } });
    fakeEc2World(seedState());
    const slack = fakeSlack();
    await deliver([KINESIS_REQUEST]);
    // Past the 10-minute window's edge (10:05:00), within 10 minutes of the first delivery.
    bot.clock.now = new Date(NOW.getTime() + 2000);
    await deliver([KINESIS_REQUEST]);
    expect(cards(slack)).toHaveLength(1);

    await deliver([KINESIS_REQUEST], 'U0DAVE');
    await deliver([KINESIS_REQUEST.replace('"orders"', '"billing"')]);
    expect(cards(slack)).toHaveLength(3);

    // The window over, the same text is a new request.
    bot.clock.now = new Date(NOW.getTime() + SUBMISSION_WINDOW_MS + 1000);
    await deliver([KINESIS_REQUEST]);
    expect(cards(slack)).toHaveLength(4);
    expect(await bot.store.list({ openOnly: false, limit: 10 })).toHaveLength(4);
  });
});
