import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

// These commands open the embedded database in a data directory, as a user runs them.
describe('migrate, seed and providers list on a data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-cli-'));
  const env = { GONGXIN_DATA_DIR: dir };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrate applies the migrations once, then says they are current', async () => {
    const first = await runCli(['migrate', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).applied.length).toBeGreaterThan(0);
    const second = await runCli(['migrate'], env);
    expect(second.stdout).toContain('migrations are current');
  });

  it('seed creates the demo city and prints the demo accounts; a second seed changes nothing', async () => {
    const first = await runCli(['seed', '--subjects', '50'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('demo accounts');
    expect(first.stdout).toContain('provider');
    const second = await runCli(['seed', '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: false });
  });

  it('providers list --json prints an array of objects with code and name', async () => {
    const run = await runCli(['providers', 'list', '--json'], env);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as Array<{ code: string; name: string }>;
    expect(list.length).toBeGreaterThanOrEqual(60);
    expect(list).toContainEqual(expect.objectContaining({ name: '厦门市市场监督管理局', code: 'XM-SCJG' }));
    expect(fs.existsSync(path.join(dir, 'gongxin.lock'))).toBe(false);
  });

  it('bad input is refused with the option and the reason, exit 2', async () => {
    const run = await runCli(['seed', '--subjects', 'many'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--subjects: "many" is not a whole number');
    const profile = await runCli(['providers', 'list', '--profile', 'shanghai'], env);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(/--profile: unknown profile "shanghai"/);
    const today = await runCli(['migrate', '--today', '2025-02-29'], env);
    expect(today.code).toBe(2);
    expect(today.stderr).toContain('--today');
  });

  it('every command answers --help', async () => {
    for (const command of [['serve'], ['migrate'], ['seed'], ['providers', 'list'], ['build-web']]) {
      const run = await runCli([...command, '--help']);
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout).toContain('Usage: gongxin');
    }
  });
});

describe('calendar load on a data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-cal-'));
  const env = { GONGXIN_DATA_DIR: dir };
  const file = new URL('../fixtures/holiday-notice-2027-hypothetical.json', import.meta.url).pathname;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers from the packaged data without creating a database, and exits 2 naming an uncovered year', async () => {
    expect((await runCli(['calendar', 'add-workdays', '2026-09-30', '3'], env)).stdout).toBe('2026-10-10\n');
    const uncovered = await runCli(['calendar', 'add-workdays', '2026-12-28', '5'], env);
    expect(uncovered.code).toBe(2);
    expect(uncovered.stderr).toContain('2027');
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
  });

  it('after `calendar load FILE` the new year is covered', async () => {
    const loaded = await runCli(['calendar', 'load', file, '--json'], env);
    expect(loaded.code).toBe(0);
    expect(JSON.parse(loaded.stdout)).toMatchObject({ year: 2027, workdays: 1 });
    expect((await runCli(['calendar', 'add-workdays', '2026-12-28', '5'], env)).stdout).toBe('2027-01-05\n');
    const years = JSON.parse((await runCli(['calendar', 'years', '--json'], env)).stdout);
    expect(years.coveredYears).toContain(2027);
    expect(years.loadedNotices).toHaveLength(1);
  });

  it('a file that cannot be read or parsed exits 2 with the reason', async () => {
    const missing = await runCli(['calendar', 'load', '/no/such/file.json'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /no/such/file.json');
  });
});

describe('gongxin alerts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-alerts-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('R2 prints the profile alert and exits 1 while the profile has lapsed', async () => {
    const run = await runCli(['alerts', '--json', '--today', '2026-01-05', '--profile', 'xiamen'], {
      GONGXIN_DATA_DIR: dir,
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toContainEqual(
      expect.objectContaining({ en: 'XM profile expired on 2025-12-23' }),
    );
  });
});

describe('production refuses what is only fit for a demo', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-prod-'));
  const env = { GONGXIN_DATA_DIR: dir, NODE_ENV: 'production', PORT: '0' };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serve without the production keys exits 2 naming the variable, before the database is opened', async () => {
    const run = await runCli(['serve', '--no-web'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GONGXIN_TOKEN_SIGNING_KEY: required in production');
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
  });

  it('seed refuses to create the demo accounts, whose password is published', async () => {
    const run = await runCli(['seed'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the demo city is not created in production');
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
  });
});

describe('gongxin setup: a real instance without demo data', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-setup-'));
  const env = { GONGXIN_DATA_DIR: dir, NODE_ENV: 'production' };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the city’s organizations and an administrator with a temporary password, even in production', async () => {
    const run = await runCli(['setup', '--admin', 'li.ming', '--name', '李明', '--json'], env);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      city: '厦门市',
      organizationsCreated: 72,
      admin: { username: 'li.ming' },
    });
    expect(result.admin.temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const providers = JSON.parse((await runCli(['providers', 'list', '--json'], env)).stdout);
    expect(providers).toHaveLength(71);
  });

  it('run again, it adds another administrator and refuses a taken username', async () => {
    const second = JSON.parse(
      (await runCli(['setup', '--admin', 'wang.fang', '--name', '王芳', '--json'], env)).stdout,
    );
    expect(second.organizationsCreated).toBe(0);
    const taken = await runCli(['setup', '--admin', 'li.ming', '--name', '李明'], env);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('username: 用户名已被使用');
  });
});
