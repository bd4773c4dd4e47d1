/**
 * The embedded store for local runs: one JSON file per request under DATA_DIR, so a restart loses nothing.
 * Writes take a per-request lock file (created exclusively), so two processes cannot interleave, and land by
 * rename, so a crash never leaves half a file.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { OPEN_STATES, readStoredRequest, type EndpointRequest } from './model.js';
import { VersionConflict, assertHistoryExtends, type RequestStore } from './store.js';

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

export class FileRequestStore implements RequestStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'requests');
  }

  private file(id: string): string {
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`not a request id: ${id}`);
    return path.join(this.dir, `${id}.json`);
  }

  private async withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    await fs.mkdir(this.dir, { recursive: true });
    const lock = `${this.file(id)}.lock`;
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await (await fs.open(lock, 'wx')).close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const stat = await fs.stat(lock).catch(() => undefined);
        if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) await fs.rm(lock, { force: true });
        else if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`request ${id} is locked by another process`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt)));
      }
    }
    try {
      return await fn();
    } finally {
      await fs.rm(lock, { force: true });
    }
  }

  private async write(request: EndpointRequest): Promise<void> {
    const tmp = path.join(this.dir, `.${request.id}.${randomUUID()}.tmp`);
    await fs.writeFile(tmp, JSON.stringify(request, null, 2));
    await fs.rename(tmp, this.file(request.id));
  }

  async create(request: EndpointRequest): Promise<boolean> {
    return this.withLock(request.id, async () => {
      if (await this.get(request.id)) return false;
      await this.write(request);
      return true;
    });
  }

  async get(id: string): Promise<EndpointRequest | undefined> {
    try {
      return readStoredRequest(JSON.parse(await fs.readFile(this.file(id), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async replace(next: EndpointRequest): Promise<void> {
    await this.withLock(next.id, async () => {
      const current = await this.get(next.id);
      if (!current || current.version !== next.version - 1) throw new VersionConflict(next.id);
      assertHistoryExtends(current, next);
      await this.write(next);
    });
  }

  async list({ openOnly, limit }: { openOnly: boolean; limit: number }): Promise<EndpointRequest[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const requests = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.get(n.slice(0, -5))));
    return requests
      .filter((r): r is EndpointRequest => r !== undefined && (!openOnly || OPEN_STATES.includes(r.state)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }
}
