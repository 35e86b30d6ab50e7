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
