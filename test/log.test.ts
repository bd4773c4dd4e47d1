import { describe, expect, it } from 'vitest';
import { createSlackHandler } from '../src/handler.js';
import { jsonLogger, logLevelFrom, redact, withLogContext } from '../src/log.js';
import { createWorkerHandler } from '../src/worker-handler.js';
import {
  RESPONSE_PATH,
  SIGNING_SECRET,
  TEST_CONFIG,
  apiGatewayV1Event,
  apiGatewayV2Event,
  blockActionBody,
  quietLogger,
  recordingJobs,
  slashCommandBody,
} from './helpers/slack.js';

const LEGACY_TOKEN = 'gIkuvaNzQIHg97ATvDxqgjtO';
const RESPONSE_URL = `https://hooks.slack.com${RESPONSE_PATH}`;

describe('JSON logs', () => {
  it('mask tokens and signatures wherever they appear', () => {
    const lines: string[] = [];
    const logger = jsonLogger((l) => lines.push(l), logLevelFrom('debug'));

    logger.error('failed with xoxb-1234-5678-abcdef', { token: 'xapp-1-A0-123', signature: `v0=${'a'.repeat(64)}` }, new Error('bad xoxp-99-88'));

    expect(lines.join('\n')).not.toMatch(/xoxb-1234|xapp-1-A0|aaaaaaaa|xoxp-99/);
    expect(redact('Bearer xoxb-1-2-3')).toBe('Bearer xoxb-…redacted');
  });

  it('honour the level', () => {
    const lines: string[] = [];
    const logger = jsonLogger((l) => lines.push(l), logLevelFrom('warn'));
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
    expect(logLevelFrom('verbose')).toBe('info');
  });

  it('carry the context of the work on every line', async () => {
    const lines: string[] = [];
    const logger = jsonLogger((l) => lines.push(l));
    await withLogContext({ awsRequestId: 'r-1', slackUser: 'U0ALICE' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('deep inside');
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ awsRequestId: 'r-1', slackUser: 'U0ALICE', msg: 'deep inside' });
  });

  it('from the Lambda handlers: request id and Slack user on every line, no secret anywhere', async () => {
    const logger = quietLogger();
    const handler = createSlackHandler(TEST_CONFIG, { jobs: recordingJobs(), logger });
    const worker = createWorkerHandler(TEST_CONFIG, { jobs: recordingJobs(), logger });

    await handler(apiGatewayV2Event(slashCommandBody('help')), { awsRequestId: 'lambda-req-1' });
    await handler(apiGatewayV2Event(slashCommandBody('help'), { signature: `v0=${'0'.repeat(64)}` }), { awsRequestId: 'lambda-req-2' });
    await worker({ kind: 'sweep' }, { awsRequestId: 'lambda-req-3' }).catch(() => undefined);

    const handled = logger.lines.filter((l) => l.awsRequestId === 'lambda-req-1');
    expect(handled.length).toBeGreaterThan(0);
    expect(handled.every((l) => l.slackUser === 'U0ALICE' && l.slackRequest === 'command')).toBe(true);
    expect(logger.lines.find((l) => l.awsRequestId === 'lambda-req-2')).toMatchObject({ msg: 'rejected a request: signature mismatch' });
    expect(logger.lines.some((l) => l.awsRequestId === 'lambda-req-3' && l.job === 'sweep')).toBe(true);
    const all = JSON.stringify(logger.lines);
    expect(all).not.toContain(TEST_CONFIG.slack!.botToken);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toMatch(/v0=[0-9a-f]{64}/);
  });

  it.each([
    ['a form', new URLSearchParams({ token: LEGACY_TOKEN, response_url: RESPONSE_URL, text: 'help' }).toString()],
    ['a JSON payload', JSON.stringify({ token: LEGACY_TOKEN, response_url: RESPONSE_URL }).replace(/\//g, '\\/')],
    [
      'a JSON payload inside a form',
      new URLSearchParams({ payload: JSON.stringify({ token: LEGACY_TOKEN, response_url: RESPONSE_URL }).replace(/\//g, '\\/') }).toString(),
    ],
    ['a field of a logged object', { token: LEGACY_TOKEN, responseUrl: RESPONSE_URL }],
    ['an event logged as JSON', { body: JSON.stringify({ token: LEGACY_TOKEN, response_url: RESPONSE_URL }) }],
  ])('mask the response URL path and the legacy token in %s', (_what, logged) => {
    const lines: string[] = [];
    const logger = jsonLogger((l) => lines.push(l), logLevelFrom('debug'));

    logger.debug(typeof logged === 'string' ? logged : 'event', ...(typeof logged === 'string' ? [] : [logged]));

    expect(lines[0]).not.toContain(LEGACY_TOKEN);
    expect(lines[0]).not.toContain('response-url-secret');
    expect(lines[0]).toContain('hooks.slack.com');
    expect(() => JSON.parse(lines[0]!)).not.toThrow();
  });

  it('leave words that merely contain "token" alone', () => {
    expect(redact('bot_token=x botToken=y the token is missing')).toBe('bot_token=x botToken=y the token is missing');
  });

  it('at debug level, through the Lambda handler (Bolt logs each event whole), show neither response URLs nor tokens', async () => {
    const logger = quietLogger();
    const handler = createSlackHandler(TEST_CONFIG, { jobs: recordingJobs(), logger });

    await handler(apiGatewayV1Event(slashCommandBody('help', { token: LEGACY_TOKEN })), {});
    await handler(apiGatewayV2Event(slashCommandBody('help', { token: LEGACY_TOKEN })), {});
    await handler(apiGatewayV1Event(blockActionBody('compare_start', 'x', 'U0ALICE', { token: LEGACY_TOKEN })), {});

    const all = JSON.stringify(logger.lines);
    expect(logger.lines.some((l) => l.level === 'debug' && String(l.msg).includes('hooks.slack.com'))).toBe(true);
    expect(all).not.toContain(LEGACY_TOKEN);
    expect(all).not.toContain('response-url-secret');
  });
});
