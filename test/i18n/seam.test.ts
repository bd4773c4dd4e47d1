/**
 * The i18n seam: which catalog speaks to whom. The Japanese catalog is replaced here by a marked copy of the English
 * one, so every assertion tells the two apart whatever the real translation says.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/messages.ja.js', async () => {
  const { en } = await vi.importActual<typeof import('../../src/messages.js')>('../../src/messages.js');
  const notes = Object.fromEntries(Object.entries(en.notes).map(([id, text]) => [id, `[ja] ${text}`])) as typeof en.notes;
  return { ja: { ...en, helpTitle: 'JA-HELP-TITLE', notes, compare: { ...en.compare, recommendation: 'JA-RECOMMENDATION' } } };
});

import { parseCommand } from '../../src/commands/parse.js';
import { cliLocale, runCli } from '../../src/cli.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createSlackHandler } from '../../src/handler.js';
import { localeFromPosix, messagesFor, resolveLocale } from '../../src/i18n.js';
import { en } from '../../src/messages.js';
import { ja } from '../../src/messages.ja.js';
import { createPreferencesTable, DynamoPreferenceStore } from '../../src/preferences/dynamo-store.js';
import { FilePreferenceStore } from '../../src/preferences/file-store.js';
import type { PreferenceStore } from '../../src/preferences/store.js';
import { startDynalite, type LocalDynamo } from '../helpers/dynalite.js';
import { TEST_CONFIG, apiGatewayV1Event, blockText, parseAckBody, quietLogger, recordingJobs, slashCommandBody } from '../helpers/slack.js';

describe('which language', () => {
  it("a user's own choice wins over LOCALE, and LOCALE over English", () => {
    expect(resolveLocale('ja', 'en')).toBe('ja');
    expect(resolveLocale('en', 'ja')).toBe('en');
    expect(resolveLocale(undefined, 'ja')).toBe('ja');
    expect(resolveLocale(undefined, 'en')).toBe('en');
    expect(messagesFor('ja')).toBe(ja);
    expect(messagesFor('en')).toBe(en);
  });

  it.each([
    ['ja_JP.UTF-8', 'ja'],
    ['ja', 'ja'],
    ['en_US.UTF-8', 'en'],
    ['JA_jp', 'ja'],
    ['C', undefined],
    ['POSIX', undefined],
    ['fr_FR.UTF-8', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads POSIX locale %j as %j', (value, expected) => {
    expect(localeFromPosix(value)).toBe(expected);
  });

  it('the CLI takes --lang first, then LC_ALL, LC_MESSAGES and LANG, else English', () => {
    expect(cliLocale(['help', '--lang', 'ja'], { LANG: 'en_US.UTF-8' })).toEqual({ locale: 'ja', words: ['help'] });
    expect(cliLocale(['--lang=en', 'help'], { LANG: 'ja_JP.UTF-8' })).toEqual({ locale: 'en', words: ['help'] });
    expect(cliLocale(['help'], { LANG: 'ja_JP.UTF-8' })).toEqual({ locale: 'ja', words: ['help'] });
    expect(cliLocale(['help'], { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' })).toEqual({ locale: 'en', words: ['help'] });
    expect(cliLocale(['help'], { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US' })).toEqual({ locale: 'ja', words: ['help'] });
    expect(cliLocale(['help'], {})).toEqual({ locale: 'en', words: ['help'] });
    expect(cliLocale(['help', '--lang', 'fr'], {})).toEqual({ badLang: 'fr' });
  });
});

describe('LOCALE and PREFERENCES_TABLE', () => {
  it('accepts en and ja (any case), and leaves English the default', () => {
    expect(loadConfig({ LOCALE: 'ja' }, { slack: false }).locale).toBe('ja');
    expect(loadConfig({ LOCALE: 'EN' }, { slack: false }).locale).toBe('en');
    expect(loadConfig({}, { slack: false }).locale).toBeUndefined();
    expect(loadConfig({ PREFERENCES_TABLE: 'bot-preferences' }, { slack: false }).preferencesTable).toBe('bot-preferences');
  });

  it.each([
    ['LOCALE', 'fr', /LOCALE: "fr" is not a language the bot speaks: use en or ja/],
    ['LOCALE', 'ja_JP.UTF-8', /LOCALE: "ja_JP.UTF-8"/],
    ['PREFERENCES_TABLE', 'a b', /PREFERENCES_TABLE: "a b" is not a DynamoDB table name/],
  ])('stops on %s=%j with one line naming it', (name, value, message) => {
    const error = (() => {
      try {
        loadConfig({ [name]: value }, { slack: false });
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('/privatelink lang', () => {
  it('parses en, ja and nothing; refuses anything else with the choices', () => {
    expect(parseCommand('lang ja')).toEqual({ ok: true, command: { name: 'lang', locale: 'ja' } });
    expect(parseCommand('LANG EN')).toEqual({ ok: true, command: { name: 'lang', locale: 'en' } });
    expect(parseCommand('lang')).toEqual({ ok: true, command: { name: 'lang' } });
    expect(parseCommand('lang fr')).toEqual({ ok: false, error: { code: 'badValue', command: 'lang', key: 'lang', value: 'fr', allowed: ['en', 'ja'] } });
    expect(parseCommand('lang ja en')).toEqual({ ok: false, error: { code: 'unexpectedArgument', command: 'lang', word: 'en' } });
  });

  describe('through the Lambda handler', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'plb-lang-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const ask = async (handler: ReturnType<typeof createSlackHandler>, text: string, user = 'U0ALICE') => {
      const response = await handler(apiGatewayV1Event(slashCommandBody(text, { user_id: user })), {});
      expect(response.statusCode).toBe(200);
      return parseAckBody(response.body) as { response_type?: string; text?: string; blocks?: unknown };
    };

    it('remembers the choice: a later help is answered from the ja catalog, for that user only', async () => {
      const preferences = new FilePreferenceStore(dir);
      const handler = createSlackHandler({ ...TEST_CONFIG, dataDir: dir }, { jobs: recordingJobs(), logger: quietLogger(), preferences });

      expect(blockText(await ask(handler, 'help'))).toContain(en.helpTitle);
      const set = await ask(handler, 'lang ja');
      expect(set.response_type).toBe('ephemeral');
      expect(set.text).toBe(ja.lang.set(ja.lang.names.ja));
      expect(await preferences.getLocale('U0ALICE')).toBe('ja');

      const help = blockText(await ask(handler, 'help'));
      expect(help).toContain('JA-HELP-TITLE');
      expect(help).not.toContain(en.helpTitle);
      expect(blockText(await ask(handler, 'help', 'U0BOB'))).toContain(en.helpTitle);
      expect((await ask(handler, 'lang')).text).toBe(ja.lang.current(ja.lang.names.ja, true));

      await ask(handler, 'lang en');
      expect(blockText(await ask(handler, 'help'))).toContain(en.helpTitle);
    });

    it('answers in LOCALE until the user chooses, and says so', async () => {
      const handler = createSlackHandler(
        { ...TEST_CONFIG, dataDir: dir, locale: 'ja' },
        { jobs: recordingJobs(), logger: quietLogger(), preferences: new FilePreferenceStore(dir) },
      );
      expect((await ask(handler, 'lang', 'U0CAROL')).text).toBe(ja.lang.current(ja.lang.names.ja, false));
      expect(blockText(await ask(handler, 'compare target=own-service overlap=yes', 'U0CAROL'))).toContain('JA-RECOMMENDATION');
    });

    it('falls back to LOCALE when the store cannot answer, and says so when it cannot remember', async () => {
      const broken: PreferenceStore = {
        getLocale: async () => Promise.reject(new Error('store down')),
        setLocale: async () => Promise.reject(new Error('store down')),
      };
      const handler = createSlackHandler({ ...TEST_CONFIG, dataDir: dir }, { jobs: recordingJobs(), logger: quietLogger(), preferences: broken });
      expect(blockText(await ask(handler, 'help'))).toContain(en.helpTitle);
      expect((await ask(handler, 'lang ja')).text).toBe(en.lang.notSaved);
    });
  });
});

describe('the CLI', () => {
  const run = async (args: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
    return { code, stdout, stderr };
  };

  it('speaks the language of --lang or LANG', async () => {
    expect((await run(['help', '--lang', 'ja'])).stdout).toContain('JA-HELP-TITLE');
    expect((await run(['help'], { LANG: 'ja_JP.UTF-8' })).stdout).toContain('JA-HELP-TITLE');
    expect((await run(['help', '--lang=en'], { LANG: 'ja_JP.UTF-8' })).stdout).toContain(en.helpTitle);
    expect((await run(['help'])).stdout).toContain(en.helpTitle);
    expect((await run(['compare', 'target=own-service', 'overlap=yes', '--lang', 'ja'])).stdout).toContain('[ja] ');
  });

  it('refuses an unknown --lang with the choices, changing nothing', async () => {
    const { code, stdout, stderr } = await run(['help', '--lang', 'fr']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--lang en or --lang ja');
  });

  it('prints the same --json in every language', async () => {
    const args = ['compare', 'target=aws-service', 'service=s3', 'onprem=yes', '--json'];
    const english = await run(args);
    expect(english.code).toBe(0);
    expect((await run([...args, '--lang', 'ja'])).stdout).toBe(english.stdout);
    expect((await run(args, { LANG: 'ja_JP.UTF-8' })).stdout).toBe(english.stdout);
    expect(english.stdout).not.toContain('[ja]');
    expect(JSON.parse(english.stdout).recommendation).toBeTruthy();
  });
});

describe.each([
  [
    'file',
    async () => ({ store: new FilePreferenceStore(await mkdtemp(path.join(os.tmpdir(), 'plb-prefs-'))) as PreferenceStore, close: async () => undefined }),
  ],
  [
    'DynamoDB (dynalite)',
    async () => {
      const dynamo: LocalDynamo = await startDynalite('requests-unused');
      await createPreferencesTable('preferences', dynamo.clientConfig);
      return { store: new DynamoPreferenceStore('preferences', dynamo.clientConfig) as PreferenceStore, close: () => dynamo.close() };
    },
  ],
])('the %s preference store', (_name, open) => {
  let store: PreferenceStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await open());
  });
  afterAll(async () => close());

  it('knows nothing of a user who never chose', async () => {
    expect(await store.getLocale('U0NEVER')).toBeUndefined();
  });

  it('remembers the last choice per user', async () => {
    await store.setLocale('U0ALICE', 'ja');
    await store.setLocale('U0BOB', 'en');
    expect(await store.getLocale('U0ALICE')).toBe('ja');
    await store.setLocale('U0ALICE', 'en');
    expect(await store.getLocale('U0ALICE')).toBe('en');
    expect(await store.getLocale('U0BOB')).toBe('en');
  });

  it('refuses a key that is not a Slack user id', async () => {
    await expect(store.setLocale('../etc/passwd', 'ja')).rejects.toThrow(/not a Slack user id/);
    await expect(store.getLocale('')).rejects.toThrow(/not a Slack user id/);
  });
});
