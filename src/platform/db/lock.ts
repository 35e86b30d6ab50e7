import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is a single-process database: two processes on one directory corrupt it. The lock file holds
 * the owner's pid; a lock whose process is gone (a crash, a kill -9) is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly since: string,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${ownerPid} 使用（自 ${since}）。内嵌数据库同一时间只允许一个进程打开：请先停止该进程，或用 GONGXIN_DATA_DIR 指定另一个目录。\n` +
        `The data directory ${dataDir} is in use by process ${ownerPid} (since ${since}). The embedded database allows one process at a time: stop that process or set GONGXIN_DATA_DIR to another directory.`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  hostname: string;
  since: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
  /** True when the lock of a dead process was found and taken over. */
  readonly tookOverStale: boolean;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    if (typeof content.pid === 'number' && typeof content.hostname === 'string') {
      return { pid: content.pid, hostname: content.hostname, since: String(content.since ?? '') };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return undefined;
}

/** Locks this process holds; a lock file naming our own pid but not in here is a dead process's whose pid we reuse. */
const heldHere = new Set<string>();

export function acquireDataDirLock(dataDir: string, now: Date): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'gongxin.lock');
  if (heldHere.has(file)) throw new DataDirLockedError(dataDir, process.pid, 'this process');
  const mine: LockContent = { pid: process.pid, hostname: os.hostname(), since: now.toISOString() };
  let tookOverStale = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      heldHere.add(file);
      return {
        file,
        tookOverStale,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(file);
      // Another host's pid cannot be checked; assume it is alive rather than risk corruption.
      const ownerAlive = owner !== undefined && (owner.hostname !== os.hostname() || isAlive(owner.pid));
      // Our own pid in the file is a dead predecessor's (pid reuse) only if it was written on this host:
      // two containers sharing a volume both run as pid 1.
      const writtenByUs = owner?.pid === process.pid && owner.hostname === os.hostname();
      if (owner && ownerAlive && !writtenByUs) {
        throw new DataDirLockedError(dataDir, owner.pid, owner.since);
      }
      fs.rmSync(file, { force: true });
      tookOverStale = true;
    }
  }
  throw new Error(`could not take the lock ${file}: another process keeps creating it`);
}
