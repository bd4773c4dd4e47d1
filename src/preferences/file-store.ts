/** Preferences for local runs: one small JSON file per user under DATA_DIR/preferences, written by rename. */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../locale.js';
import { assertUserId, storedLocale, type PreferenceStore } from './store.js';

export class FilePreferenceStore implements PreferenceStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'preferences');
  }

  private file(userId: string): string {
    assertUserId(userId);
    return path.join(this.dir, `${userId}.json`);
  }

  async getLocale(userId: string): Promise<Locale | undefined> {
    try {
      return storedLocale((JSON.parse(await fs.readFile(this.file(userId), 'utf8')) as { locale?: unknown }).locale);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  async setLocale(userId: string, locale: Locale): Promise<void> {
    const file = this.file(userId);
    await fs.mkdir(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `.${userId}.${randomUUID()}.tmp`);
    await fs.writeFile(tmp, `${JSON.stringify({ locale })}\n`);
    await fs.rename(tmp, file);
  }
}
