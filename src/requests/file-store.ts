/**
 * The embedded store for local runs: one JSON file per request under DATA_DIR, so a restart loses nothing.
 * Writes take a per-request lock file holding its owner's token (created exclusively, removed only by its
 * owner, broken when stale by exactly one process), so two processes cannot interleave, and land by rename, so a
 * crash never leaves half a file.
 *
 * The steps of one request's read and write (lock, read, write, rename, unlock) are synchronous calls: each is a
 * single system call on a small file (tens of microseconds), while each asynchronous call is several thread-pool
 * round trips, which a busy machine turns into milliseconds of waiting on the approve click's path. Waiting for
 * a lock, breaking a stale one and listing stay asynchronous.
 */
import { createHash, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, promises as fs, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OPEN_STATES, readStoredRequest, type EndpointRequest } from './model.js';
import { VersionConflict, assertHistoryExtends, needsSweep, type RequestStore } from './store.js';

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

function readIfExistsSync(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** unlink, where `rmSync` would first lstat the path to choose between a file and a directory. */
function removeIfExistsSync(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export class FileRequestStore implements RequestStore {
  private readonly dir: string;
  private dirMade = false;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'requests');
  }

  private file(id: string): string {
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`not a request id: ${id}`);
    return path.join(this.dir, `${id}.json`);
  }

  /**
   * Runs `fn` holding the request's lock. The lock file holds its owner's token; only that owner removes it.
   * It is created with its content in one step (a hard link of a written file: link fails if the lock exists).
   */
  private async withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const lock = `${this.file(id)}.lock`;
    const token = randomUUID();
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      if (this.tryLock(lock, token)) break;
      if (await this.breakStaleLock(lock)) continue;
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`request ${id} is locked by another process`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt)));
    }
    try {
      return await fn();
    } finally {
      this.unlock(lock, token);
    }
  }

  /** Writes a file, making the directory first if it is not there yet (once per store, or if it was removed). */
  private writeFileMakingDir(file: string, content: string): void {
    if (!this.dirMade) {
      mkdirSync(this.dir, { recursive: true });
      this.dirMade = true;
    }
    try {
      writeFileSync(file, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(file, content);
    }
  }

  /**
   * A hard link of a written temporary file: the lock appears with its token in one step, and link is atomic
   * on network file systems too, where Node warns that an exclusive create (`wx`) might not be
   * (https://nodejs.org/api/fs.html#file-system-flags). Removals are plain unlinks (`rmSync` would lstat first).
   */
  private tryLock(lock: string, token: string): boolean {
    const tmp = path.join(this.dir, `.${path.basename(lock)}.${token}.tmp`);
    this.writeFileMakingDir(tmp, token);
    try {
      linkSync(tmp, lock);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      removeIfExistsSync(tmp);
    }
  }

  private unlock(lock: string, token: string): void {
    if (readIfExistsSync(lock) !== token) return;
    removeIfExistsSync(lock);
  }

  /**
   * Breaks the lock if it is stale; true when the caller should try to lock again at once. A lock generation
   * (its inode, time and token) is broken by one process only: the breaker first hard-links it to a tombstone
   * named after that generation (link is atomic and fails if the name exists), checks that the tombstone is the
   * generation it judged stale (not a fresh lock that replaced it meanwhile), and only then removes the lock.
   */
  private async breakStaleLock(lock: string): Promise<boolean> {
    const seen = await fs.stat(lock).catch(() => undefined);
    if (!seen) return true;
    if (Date.now() - seen.mtimeMs <= LOCK_STALE_MS) return false;
    const content = await readIfExists(lock);
    if (content === undefined) return true;
    const generation = createHash('sha256').update(`${seen.ino}:${seen.mtimeMs}:${content}`).digest('hex').slice(0, 16);
    const tombstone = `${lock}.broken-${generation}`;
    try {
      await fs.link(lock, tombstone);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return true;
      if (code !== 'EEXIST') throw error;
      // Another process is breaking this generation; if it died doing so (link sets the ctime), clear its tombstone.
      const other = await fs.stat(tombstone).catch(() => undefined);
      if (other && Date.now() - other.ctimeMs > LOCK_STALE_MS) await fs.rm(tombstone, { force: true });
      return false;
    }
    try {
      const linked = await fs.stat(tombstone);
      if (linked.ino === seen.ino && linked.mtimeMs === seen.mtimeMs && (await readIfExists(tombstone)) === content) await fs.rm(lock, { force: true });
    } finally {
      await fs.rm(tombstone, { force: true });
    }
    return true;
  }

  private write(request: EndpointRequest): void {
    const tmp = path.join(this.dir, `.${request.id}.${randomUUID()}.tmp`);
    this.writeFileMakingDir(tmp, JSON.stringify(request, null, 2));
    renameSync(tmp, this.file(request.id));
  }

  async create(request: EndpointRequest): Promise<boolean> {
    return this.withLock(request.id, async () => {
      if (await this.get(request.id)) return false;
      this.write(request);
      return true;
    });
  }

  async get(id: string): Promise<EndpointRequest | undefined> {
    return this.read(id);
  }

  private read(id: string): EndpointRequest | undefined {
    const text = readIfExistsSync(this.file(id));
    return text === undefined ? undefined : readStoredRequest(JSON.parse(text));
  }

  /** The asynchronous read, for listings of many files. */
  private async readAsync(id: string): Promise<EndpointRequest | undefined> {
    const text = await readIfExists(this.file(id));
    return text === undefined ? undefined : readStoredRequest(JSON.parse(text));
  }

  async replace(next: EndpointRequest): Promise<void> {
    await this.withLock(next.id, async () => {
      const current = await this.get(next.id);
      if (!current || current.version !== next.version - 1) throw new VersionConflict(next.id);
      assertHistoryExtends(current, next);
      this.write(next);
    });
  }

  async list({ openOnly, limit }: { openOnly: boolean; limit: number }): Promise<EndpointRequest[]> {
    return (await this.all())
      .filter((r) => !openOnly || OPEN_STATES.includes(r.state))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }

  async listForSweep(): Promise<EndpointRequest[]> {
    return (await this.all()).filter(needsSweep);
  }

  private async all(): Promise<EndpointRequest[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const requests = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.readAsync(n.slice(0, -5))));
    return requests.filter((r): r is EndpointRequest => r !== undefined);
  }
}
