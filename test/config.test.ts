import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const slackEnv = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1-2' };

describe('loadConfig', () => {
  it('needs no Slack variables for the CLI, and applies defaults', () => {
    expect(loadConfig({}, { slack: false })).toEqual({ approvals: { userIds: [], ttlHours: 24 }, dataDir: './.data', port: 3000 });
  });

  it('names the missing Slack variable and how to get it', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, { slack: true })).toThrow(/^SLACK_SIGNING_SECRET: missing; copy it from/);
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
    });
  });

  it.each([
    [{ REQUEST_TTL_HOURS: 'soon' }, 'REQUEST_TTL_HOURS'],
    [{ APPROVER_USER_IDS: 'bob' }, 'APPROVER_USER_IDS'],
    [{ AWS_REGION: 'tokyo' }, 'AWS_REGION'],
    [{ AWS_REGION: 'eu-west-1', ALLOWED_REGIONS: 'us-east-1' }, 'AWS_REGION'],
    [{ APPROVAL_CHANNEL_ID: '#approvals' }, 'APPROVAL_CHANNEL_ID'],
    [{ PORT: '70000' }, 'PORT'],
  ])('rejects %o naming %s', (env, variable) => {
    try {
      loadConfig(env, { slack: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  it('rejects a user token where a bot token belongs', () => {
    expect(() => loadConfig({ ...slackEnv, SLACK_BOT_TOKEN: 'xoxp-1' }, { slack: true })).toThrow(/xoxb-/);
  });
});
