/** Where the approval key comes from: SSM on Lambda, DATA_DIR locally. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localApprovalKey, withSecrets } from '../src/secrets.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the approval key', () => {
  it('is read from the SSM parameter APPROVAL_KEY_PARAMETER names, with the Slack secrets', async () => {
    const asked: string[][] = [];
    const env = await withSecrets({ APPROVAL_KEY_PARAMETER: '/privatelink-bot/prod/approval-key', SLACK_BOT_TOKEN: 'xoxb-set' }, async (names) => {
      asked.push(names);
      return { '/privatelink-bot/prod/approval-key': 'k'.repeat(64) };
    });
    expect(asked).toEqual([['/privatelink-bot/prod/approval-key']]);
    expect(env.APPROVAL_KEY).toBe('k'.repeat(64));
  });

  it('locally is made once under DATA_DIR, readable by its owner only, and kept across starts', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'approval-key-'));
    const data = path.join(dir, 'data');
    const [a, b] = await Promise.all([localApprovalKey(data), localApprovalKey(data)]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(await localApprovalKey(data)).toBe(a);
    expect((await stat(path.join(data, 'approval.key'))).mode & 0o077).toBe(0);
    expect((await readFile(path.join(data, 'approval.key'), 'utf8')).trim()).toBe(a);
  });

  it('refuses a key file that holds no key', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'approval-key-'));
    await writeFile(path.join(dir, 'approval.key'), '');
    await expect(localApprovalKey(dir)).rejects.toThrow(/holds no approval key/);
  });
});
