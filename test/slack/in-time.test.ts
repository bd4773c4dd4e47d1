/**
 * What a listener does when a step does not finish while Slack waits (on a clock the test moves, so nothing here
 * depends on the machine's speed): it answers with what it has, and hands the rest to the worker, which finishes it.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_BUDGET } from '../../src/deadline.js';
import { createSlackHandler } from '../../src/handler.js';
import { en } from '../../src/messages.js';
import { ja } from '../../src/messages.ja.js';
import { PREFERENCE_READ_MS } from '../../src/slack/in-time.js';
import { handOffBy } from '../../src/slack/in-time.js';
import { helpView } from '../../src/slack/views/help.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { startBot, type Bot, stallingStore, type Stall } from '../helpers/bot.js';
import { manualClock, until, type ManualClock } from '../helpers/clock.js';
import { fakeEc2World } from '../helpers/ec2.js';
import {
  RESPONSE_HOST,
  RESPONSE_PATH,
  TEST_CONFIG,
  apiGatewayV1Event,
  blockActionBody,
  blockText,
  eventCallbackBody,
  fakeSlack,
  quietLogger,
  slashCommandBody,
} from '../helpers/slack.js';

const ENDPOINT = 'vpce-0123456789abcdef0';
const never = new Promise<never>(() => undefined);

/** Records what reaches the response_url; `answer` decides how Slack answers each post. */
function responseUrl(answer: () => number = () => 200) {
  const posts: Record<string, unknown>[] = [];
  nock(RESPONSE_HOST)
    .persist()
    .post(RESPONSE_PATH)
    .reply((_uri, body) => {
      const status = answer();
      if (status === 200) posts.push(body as Record<string, unknown>);
      return [status, status === 200 ? 'ok' : 'busy'];
    });
  return posts;
}

describe('steps that miss their deadline go to the worker', () => {
  let bot: Bot;
  let clock: ManualClock;
  const stalled: Stall = { list: false, get: false };

  beforeEach(async () => {
    clock = manualClock();
    Object.assign(stalled, { list: false, get: false });
    bot = await startBot({ deadlineClock: clock, wrapStore: stallingStore(stalled), config: { readers: { userIds: ['U0ALICE'], usergroupId: 'S0READERS' } } });
    fakeEc2World(seedState());
  });
  afterEach(async () => {
    await bot.close();
    nock.cleanAll();
  });

  /** Sends `body` and moves the deadline clock past `ms` once the listener waits on it. */
  async function sendPast(body: string, ms: number) {
    const waiting = clock.waiting;
    const answer = bot.http(apiGatewayV1Event(body));
    await until(() => clock.waiting > waiting, 'the listener to wait on its deadline');
    clock.advance(ms);
    return answer;
  }

  it('a compare step Slack refuses is posted by the worker, in the clicker’s language', async () => {
    fakeSlack({ usergroupMembers: ['U0ALICE'] });
    await bot.command('lang ja');
    let refusing = true;
    const posts = responseUrl(() => (refusing ? 503 : 200));

    const answer = await bot.http(apiGatewayV1Event(blockActionBody('compare_answer:target:saas', 'target=saas')));

    expect(answer.statusCode).toBe(200);
    expect(bot.jobs.jobs).toMatchObject([{ kind: 'compare', step: 'answer', value: 'target=saas', user: 'U0ALICE', locale: 'ja' }]);
    refusing = false;
    await bot.drain();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ replace_original: true });
    expect(blockText(posts[0] as never)).toContain(ja.compare.title);
  });

  it('a compare step Slack has not taken by the hand-off deadline is given up and posted by the worker', async () => {
    fakeSlack({ usergroupMembers: ['U0ALICE'] });
    nock(RESPONSE_HOST).post(RESPONSE_PATH).delay(30_000).reply(200, 'ok');

    const answer = await sendPast(blockActionBody(COMPARE_BACK, 'target=saas'), SLACK_BUDGET.handOff);

    expect(answer.statusCode).toBe(200);
    expect(bot.jobs.jobs).toMatchObject([{ kind: 'compare', step: 'back' }]);
    const posts = responseUrl();
    await bot.drain();
    expect(posts).toHaveLength(1);
  });

  it('a Share is posted in the channel by the worker alone, once', async () => {
    const posts = responseUrl();

    await bot.http(apiGatewayV1Event(blockActionBody('compare_share', 'target=saas', 'U0BOB')));

    expect(posts).toEqual([]);
    await bot.drain();
    expect(posts).toMatchObject([{ response_type: 'in_channel', replace_original: false }]);
  });

  it('a More page Slack refuses is posted by the worker', async () => {
    fakeSlack({ usergroupMembers: ['U0ALICE'] });
    let refusing = true;
    const posts = responseUrl(() => (refusing ? 503 : 200));

    await bot.http(apiGatewayV1Event(blockActionBody('requests_more', 'all:20')));

    expect(bot.jobs.jobs).toMatchObject([{ kind: 'requests-page', value: 'all:20', user: 'U0ALICE' }]);
    refusing = false;
    await bot.drain();
    expect(posts).toMatchObject([{ replace_original: true, response_type: 'ephemeral' }]);
  });

  it('`requests` and `status` with a store that does not answer in time: said so, nothing changed', async () => {
    fakeSlack({ usergroupMembers: ['U0ALICE'] });
    Object.assign(stalled, { list: true, get: true });

    const list = await sendPast(slashCommandBody('requests'), SLACK_BUDGET.inlineWork);
    const status = await sendPast(slashCommandBody('status plr-0123456789'), SLACK_BUDGET.inlineWork);

    expect(list.body).toContain(en.deadline.storeTooSlow.slice(0, 40));
    expect(status.body).toContain(en.deadline.storeTooSlow.slice(0, 40));
    expect(bot.jobs.jobs).toEqual([]);
  });

  it('a reader check Slack does not answer in time hands the lookup to the worker, which checks before it looks up', async () => {
    nock('https://slack.com').post('/api/usergroups.users.list').delay(30_000).reply(200, { ok: true, users: [] });

    const answer = await sendPast(slashCommandBody(`dns ${ENDPOINT}`, { user_id: 'U0MALLORY' }), SLACK_BUDGET.inlineWork);

    expect(answer.body).toContain(en.lookingUp.slice(0, 10));
    expect(bot.jobs.jobs).toMatchObject([{ kind: 'lookup', userId: 'U0MALLORY', readerCheck: true }]);
    nock.cleanAll();
    const ec2Calls = fakeEc2World(seedState());
    fakeSlack({ usergroupMembers: ['U0ALICE'] });
    const posts = responseUrl();
    await bot.drain();
    // Not a reader: the worker refuses, and EC2 is never asked.
    expect(blockText(posts[0] as never)).toContain(en.readers.onlyReaders.slice(0, 40));
    expect(ec2Calls).toEqual([]);
  });

  it('a reader check that finds the user in time lets the lookup run in-line', async () => {
    fakeSlack({ usergroupMembers: ['U0ERIN'] });

    const answer = await bot.http(apiGatewayV1Event(slashCommandBody('services kinesis', { user_id: 'U0ERIN' })));

    expect(answer.body).toContain('kinesis');
    expect(bot.jobs.jobs).toEqual([]);
  });
});

describe("the user's language, read within its own budget", () => {
  it('speaks LOCALE when the preference store does not answer within PREFERENCE_READ_MS', async () => {
    const clock = manualClock();
    const bot = await startBot({
      deadlineClock: clock,
      config: { locale: 'ja' },
      preferences: { getLocale: () => never, setLocale: async () => undefined },
    });
    try {
      const waiting = clock.waiting;
      const answer = bot.http(apiGatewayV1Event(slashCommandBody('help')));
      await until(() => clock.waiting > waiting, 'the language read to wait on its deadline');
      clock.advance(PREFERENCE_READ_MS);
      expect(JSON.parse((await answer).body).text).toBe(helpView(ja).text);
      expect(bot.logger.lines.some((l) => String(l.msg).includes('was not read within'))).toBe(true);
    } finally {
      await bot.close();
    }
  });
});

const COMPARE_BACK = 'compare_back';

describe('what a cold help does not load', () => {
  it('help, compare and lang never prepare the hand-off (the Lambda client), with or without readers', async () => {
    for (const readers of [undefined, { userIds: ['U0ALICE'], usergroupId: 'S0READERS' }]) {
      let prepared = 0;
      const jobs = { enqueue: async () => undefined, prepare: () => void prepared++ };
      const handler = createSlackHandler({ ...TEST_CONFIG, ...(readers && { readers }) }, { jobs, logger: quietLogger() });
      for (const text of ['help', 'compare', 'compare target=saas', 'lang']) {
        expect((await handler(apiGatewayV1Event(slashCommandBody(text)), {})).statusCode).toBe(200);
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect({ readers: Boolean(readers), prepared }).toEqual({ readers: Boolean(readers), prepared: 0 });
    }
  });
});

describe('a queue that refuses the hand-off', () => {
  const refusing = { enqueue: () => Promise.reject(new Error('AccessDeniedException: not authorized to invoke the worker')) };

  it('handOff says false and logs, rather than throwing (every caller then tells the user or marks the request)', async () => {
    const logger = quietLogger();
    expect(await handOffBy({ jobs: refusing, clock: manualClock(), logger }, { kind: 'sweep' }, SLACK_BUDGET.handOff)).toBe(false);
    expect(logger.lines.some((l) => String(l.msg).includes('could not be handed to the worker'))).toBe(true);
  });

  it('the App Home opened still gets its 200 (a 500 would make Slack send the event again)', async () => {
    const handler = createSlackHandler(TEST_CONFIG, { jobs: refusing, logger: quietLogger() });
    const body = eventCallbackBody({ type: 'app_home_opened', user: 'U0BOB', channel: 'D0HOME', tab: 'home' }, 'Ev0REFUSED');
    expect((await handler(apiGatewayV1Event(body, { contentType: 'application/json' }), {})).statusCode).toBe(200);
  });
});
