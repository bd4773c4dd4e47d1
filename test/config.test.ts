import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigErrors, isSecretName, loadConfig } from '../src/config.js';

const slackEnv = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1-2' };

describe('loadConfig', () => {
  it('needs no Slack variables for the CLI, and applies defaults', () => {
    expect(loadConfig({}, { slack: false })).toEqual({ approvals: { userIds: [], ttlHours: 24 }, dataDir: './.data', port: 3000, host: '127.0.0.1' });
  });

  it('names the missing Slack variable and how to get it', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, { slack: true })).toThrow(/^SLACK_SIGNING_SECRET: missing; copy it from/);
  });

  it('names everything missing or wrong at once, one line each, with no secret value', () => {
    let error: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'not-a-bot-token', PORT: 'eighty', APPROVAL_CHANNEL_ID: '#approvals', LOCALE: 'fr' }, { slack: true });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigErrors);
    const lines = (error as ConfigErrors).message.split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['PORT', 'APPROVAL_CHANNEL_ID', 'LOCALE', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']);
    expect((error as ConfigErrors).message).not.toContain('not-a-bot-token');
    expect((error as ConfigErrors).variable).toBe('PORT');
  });

  it('parses the whole table', () => {
    const config = loadConfig(
      {
        ...slackEnv,
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_API_URL: 'http://127.0.0.1:9999/api/',
        AWS_REGION: 'ap-northeast-1',
        ALLOWED_REGIONS: 'ap-northeast-1, us-east-1',
        APPROVAL_CHANNEL_ID: 'C0APPROVE',
        APPROVER_USER_IDS: 'U0BOB,U0CAROL',
        APPROVER_USERGROUP_ID: 'S0NETOPS',
        REQUEST_TTL_HOURS: '2',
        REQUESTS_TABLE: 'privatelink-requests',
        PORT: '8080',
        HOST: '0.0.0.0',
        READER_USER_IDS: 'U0DAVE, U0ERIN',
        READER_USERGROUP_ID: 'S0READERS',
      },
      { slack: true },
    );

    expect(config).toMatchObject({
      slack: { signingSecret: 'secret', botToken: 'xoxb-1-2', appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9999/api/' },
      defaultRegion: 'ap-northeast-1',
      allowedRegions: ['ap-northeast-1', 'us-east-1'],
      approvals: { channelId: 'C0APPROVE', userIds: ['U0BOB', 'U0CAROL'], usergroupId: 'S0NETOPS', ttlHours: 2 },
      requestsTable: 'privatelink-requests',
      port: 8080,
      host: '0.0.0.0',
      readers: { userIds: ['U0DAVE', 'U0ERIN'], usergroupId: 'S0READERS' },
    });
  });

  it.each([
    [{ REQUEST_TTL_HOURS: 'soon' }, 'REQUEST_TTL_HOURS'],
    [{ APPROVER_USER_IDS: 'bob' }, 'APPROVER_USER_IDS'],
    [{ AWS_REGION: 'tokyo' }, 'AWS_REGION'],
    [{ AWS_REGION: 'eu-west-1', ALLOWED_REGIONS: 'us-east-1' }, 'AWS_REGION'],
    [{ APPROVAL_CHANNEL_ID: '#approvals' }, 'APPROVAL_CHANNEL_ID'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'http://0.0.0.0' }, 'HOST'],
    [{ HOST: 'local host' }, 'HOST'],
    [{ READER_USER_IDS: 'dave' }, 'READER_USER_IDS'],
    [{ READER_USERGROUP_ID: 'readers' }, 'READER_USERGROUP_ID'],
  ])('rejects %o naming %s', (env, variable) => {
    try {
      loadConfig(env, { slack: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  it('refuses the placeholders of .env.example and the docs by name, without echoing them', () => {
    for (const [name, value] of [
      ['SLACK_BOT_TOKEN', 'xoxb-'],
      ['SLACK_BOT_TOKEN', 'xoxb-…'],
      ['SLACK_APP_TOKEN', 'xapp-'],
      ['SLACK_APP_TOKEN', 'xapp-...'],
      ['SLACK_SIGNING_SECRET', 'your-signing-secret'],
      ['SLACK_SIGNING_SECRET', '<signing secret>'],
    ] as const) {
      const attempt = () => loadConfig({ ...slackEnv, [name]: value }, { slack: true });
      expect(attempt, `${name}=${value}`).toThrow(new RegExp(`^${name}: still holds a placeholder, not a real value`));
      expect(attempt).not.toThrow(JSON.stringify(value));
    }
    expect(loadConfig({ ...slackEnv, SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef' }, { slack: true }).slack?.appToken).toBe('xapp-1-A0123-4567-abcdef');
  });

  it('rejects a user token where a bot token belongs', () => {
    expect(() => loadConfig({ ...slackEnv, SLACK_BOT_TOKEN: 'xoxp-1' }, { slack: true })).toThrow(/xoxb-/);
  });

  it.each(['localhost', '::1', '10.0.0.5', 'bot.internal.example'])('accepts HOST=%s', (host) => {
    expect(loadConfig({ HOST: host }, { slack: false }).host).toBe(host);
  });

  it('leaves reads open when no reader is listed', () => {
    expect(loadConfig({}, { slack: false }).readers).toBeUndefined();
  });

  it.each([
    ['SLACK_APP_TOKEN', 'xoxb-1234-5678-secretpart'],
    ['SLACK_APP_TOKEN', 'not-a-token-but-secret'],
  ])('names %s and what is wrong without echoing its value', (variable, value) => {
    let message = '';
    try {
      loadConfig({ ...slackEnv, [variable]: value }, { slack: true });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^${variable}: the value is not an app-level token starting with xapp-`));
    expect(message).not.toContain(value);
    expect(message).not.toContain('secretpart');
  });

  it('never echoes the value of a token, secret or key variable, whichever check fails', () => {
    for (const name of ['SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'AWS_SECRET_ACCESS_KEY', 'API_KEY'])
      expect(isSecretName(name), name).toBe(true);
    for (const name of ['PORT', 'HOST', 'APPROVER_USER_IDS', 'AWS_REGION']) expect(isSecretName(name), name).toBe(false);
    expect(() => loadConfig({ ...slackEnv, SLACK_BOT_TOKEN: 'xoxp-user-token-value' }, { slack: true })).toThrow(
      /^SLACK_BOT_TOKEN: (?!.*xoxp-user-token-value)/,
    );
  });

  it('still quotes values that are not secret, so the fix is plain', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, { slack: false })).toThrow('PORT: "eighty" is not a TCP port');
  });
});
