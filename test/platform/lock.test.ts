import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/platform/db/lock.ts';

describe('the embedded data directory lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second holder with the owner pid, and opens again once released', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, new Date());
    expect(() => acquireDataDirLock(dir, new Date())).toThrow(DataDirLockedError);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    acquireDataDirLock(dir, new Date()).release();
  });

  it('refuses when another live process holds the directory', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gongxin.lock');
    // The parent of this test process is alive for the whole test.
    fs.writeFileSync(
      file,
      JSON.stringify({ pid: process.ppid, hostname: os.hostname(), since: '2026-01-01T00:00:00Z' }),
    );
    expect(() => acquireDataDirLock(dir, new Date())).toThrow(/in use by process/);
  });

  it('refuses a lock naming our own pid when another host wrote it (two containers, both pid 1)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gongxin.lock');
    fs.writeFileSync(
      file,
      JSON.stringify({ pid: process.pid, hostname: 'another-container', since: '2026-01-01T00:00:00Z' }),
    );
    expect(() => acquireDataDirLock(dir, new Date())).toThrow(DataDirLockedError);
  });

  it('takes over the stale lock of a process that died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    fs.writeFileSync(
      path.join(dir, 'gongxin.lock'),
      JSON.stringify({ pid: deadPid, hostname: os.hostname(), since: '2026-01-01T00:00:00Z' }),
    );
    const lock = acquireDataDirLock(dir, new Date());
    expect(lock.tookOverStale).toBe(true);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('treats a half-written lock file as stale', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'gongxin.lock'), '{"pid": 12');
    const lock = acquireDataDirLock(dir, new Date());
    expect(lock.tookOverStale).toBe(true);
    lock.release();
  });
});
