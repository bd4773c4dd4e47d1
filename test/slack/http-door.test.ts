/**
 * The local HTTP door counts Slack's deadlines from the request's arrival (its headers), not from when its body
 * has been read, and reports arrival-to-answer in a Server-Timing header. On a clock the test moves.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_BUDGET, arrivalTime } from '../../src/deadline.js';
import { serveSlackHttp, type HttpDoor } from '../../src/slack/http-door.js';
import { manualClock, until } from '../helpers/clock.js';
import { quietLogger } from '../helpers/slack.js';

describe('the local door and the arrival time', () => {
  let door: HttpDoor | undefined;
  afterEach(async () => {
    await door?.close();
    door = undefined;
  });

  it('hands the handler the arrival of the headers, and times the answer from it', async () => {
    const clock = manualClock(10_000);
    const seen: number[] = [];
    door = await serveSlackHttp(
      async () => {
        seen.push(arrivalTime(clock));
        clock.advance(300); // the handler's own work
        return { statusCode: 200, body: 'ok' };
      },
      { host: '127.0.0.1', port: 0, logger: quietLogger(), clock },
    );
    // The body comes 700 ms after the headers (a slow client, or a server busy with a burst).
    door.server.once('request', () => {
      clock.advance(700);
      sending.end('payload=x');
    });
    const sending = request(door.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const answer = new Promise<{ status: number; timing: string }>((resolve, reject) => {
      sending.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, timing: String(res.headers['server-timing']) }));
      });
      sending.on('error', reject);
    });
    sending.flushHeaders();

    const { status, timing } = await answer;
    expect(status).toBe(200);
    expect(seen).toEqual([10_000]);
    expect(timing).toMatch(/^app;dur=1000\.0, arrival;desc="\d+(\.\d)?"$/);
  });

  it('acknowledges with an empty 200 at SLACK_BUDGET.answerBy when the handler has not answered, and lets it finish', async () => {
    const clock = manualClock();
    const logger = quietLogger();
    let finish: (response: { statusCode: number; body: string }) => void = () => undefined;
    door = await serveSlackHttp(() => new Promise((resolve) => (finish = resolve)), { host: '127.0.0.1', port: 0, logger, clock });
    const answer = fetch(door.url, { method: 'POST', body: 'x' });
    await until(() => clock.waiting > 0, "the door's deadline");
    clock.advance(SLACK_BUDGET.answerBy - 1);
    expect(clock.waiting).toBe(1);
    clock.advance(1);
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(response.headers.get('server-timing')).toMatch(new RegExp(`^app;dur=${SLACK_BUDGET.answerBy}\\.0, `));
    finish({ statusCode: 200, body: 'too late' });
    await until(() => JSON.stringify(logger.lines).includes('answered after the deadline'), 'the late answer logged');
  });

  it('times refusals too (a wrong path)', async () => {
    const clock = manualClock();
    door = await serveSlackHttp(async () => ({ statusCode: 200, body: '' }), { host: '127.0.0.1', port: 0, logger: quietLogger(), clock });
    const response = await fetch(door.url.replace('/slack/events', '/elsewhere'), { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('server-timing')).toMatch(/^app;dur=0\.0, /);
  });
});
