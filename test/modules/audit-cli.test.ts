import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { DEMO_KEY_FILE } from '../../src/modules/audit/settings.ts';
import { shiftedClock } from '../../src/platform/clock.ts';
import type { Platform } from '../../src/platform/context.ts';
import { openPGlite } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import { runCli } from '../support/cli.ts';
import { recordActivity } from './audit-activity.ts';

// The commands as a user runs them, on an embedded database in a data directory.
describe('gongxin jobs run and gongxin audit on a data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-audit-cli-'));
  const env = { GONGXIN_DATA_DIR: dir };
  const file = (name: string) => path.join(dir, name);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Opens the instance's database directly, as an administrator with database rights would. */
  async function withDatabase(work: (platform: Platform) => Promise<void>): Promise<void> {
    const handle = await openPGlite(dir, new Date());
    try {
      await migrate(handle, new Date());
      await work({ db: handle.db, clock: shiftedClock('2026-11-22'), profile: loadProfile('xiamen') });
    } finally {
      await handle.close();
    }
  }

  beforeAll(() => withDatabase((platform) => recordActivity(platform, 300)));

  it('jobs run integrates the events and signs a checkpoint with a demo key it keeps at mode 0600, saying so loudly', async () => {
    const run = await runCli(['jobs', 'run', '--json', '--today', '2026-11-22'], env);
    expect(run.code).toBe(0);
    const { today, jobs } = JSON.parse(run.stdout);
    expect(today).toBe('2026-11-22');
    expect(jobs.map((j: { job: string; ok: boolean }) => [j.job, j.ok])).toEqual([
      ['audit.integrate', true],
      ['audit.checkpoint', true],
      ['batch-queries', true],
      ['collection-batches', true],
      ['objection-deadlines', true],
    ]);
    expect(jobs[0].detail).toMatchObject({ integrated: 300, treeSize: 300, hashAlgorithm: 'sm3' });
    expect(jobs[1].detail).toMatchObject({ treeSize: 300 });
    expect(run.stderr).toContain('Production must set GONGXIN_AUDIT_SIGNING_KEY');
    expect(fs.statSync(file(DEMO_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = await runCli(['jobs', 'run'], env);
    expect(again.stdout).toMatch(
      /^audit\.integrate +ok +0 events integrated; the log holds 300 entries \(sm3\)$/m,
    );
    expect(again.stdout).toMatch(/^audit\.checkpoint +ok +no checkpoint: the last one covers every entry$/m);
  });

  it('R146 audit verify passes with a summary and exit 0', async () => {
    const run = await runCli(['audit', 'verify'], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('审计日志完好 / audit log intact');
    expect(lines[1]).toMatch(/^entries verified: 300 \(sm3\), root [0-9a-f]{64}$/);
    expect(lines[2]).toMatch(/^checkpoints checked: 1 \(keys [0-9a-f]{16}\)$/);
    expect(lines[3]).toBe('pending (not yet integrated): 0');
    expect(lines[4]).toMatch(/^\d+\.\d{3} s, [\d,]+ entries\/s$/);
  });

  it('an inclusion proof made by audit prove checks against the checkpoint file alone, with no database', async () => {
    expect((await runCli(['audit', 'checkpoint', '--out', file('cp.json')], env)).code).toBe(0);
    const prove = await runCli(
      ['audit', 'prove', '--seq', '42', '--checkpoint', file('cp.json'), '--out', file('proof.json')],
      env,
    );
    expect(prove.code).toBe(0);
    expect(prove.stdout).toMatch(
      /^包含证明有效 \/ inclusion proof valid: seq 42 \(event \d+\) is entry 43 of the 300 signed by sm2 key/,
    );
    // No data directory at all: only the two files.
    const offline = await runCli([
      'audit',
      'check-proof',
      file('proof.json'),
      '--checkpoint',
      file('cp.json'),
    ]);
    expect(offline.code).toBe(0);
    const proof = JSON.parse(fs.readFileSync(file('proof.json'), 'utf8'));
    fs.writeFileSync(
      file('forged.json'),
      JSON.stringify({ ...proof, event: { ...proof.event, actor: 'someone-else' } }),
    );
    const forged = await runCli([
      'audit',
      'check-proof',
      file('forged.json'),
      '--checkpoint',
      file('cp.json'),
      '--json',
    ]);
    expect(forged.code).toBe(1);
    expect(JSON.parse(forged.stdout)).toMatchObject({
      ok: false,
      reason: 'the event in the proof is not the one logged at seq 42',
    });
  });

  it('R146 after an UPDATE with the trigger disabled, audit verify names the entry and exits 1; the external checkpoint disagrees too', async () => {
    await withDatabase(async (platform) => {
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(platform.db);
      await sql`UPDATE audit_event SET object_id = 'R-forged' FROM audit_leaf
        WHERE audit_leaf.seq = 123 AND audit_event.id = audit_leaf.event_id`.execute(platform.db);
      await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(platform.db);
    });
    const run = await runCli(['audit', 'verify', '--checkpoint', file('cp.json')], env);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^审计日志被篡改 \/ audit log TAMPERED: first difference at seq 123 \(event \d+\): event \d+ differs from the event that was logged/,
    );
    expect(run.stdout).toContain('external checkpoint: size 300');
    expect(run.stdout).toContain('NOT consistent');
    const json = JSON.parse((await runCli(['audit', 'verify', '--json'], env)).stdout);
    expect(json).toMatchObject({ ok: false, entries: 300, firstDifference: { seq: 123 } });
  });

  it('a production instance without GONGXIN_AUDIT_SIGNING_KEY refuses to sign, and the job run exits 1', async () => {
    await withDatabase((platform) => recordActivity(platform, 5, 5));
    const run = await runCli(['jobs', 'run'], {
      ...env,
      NODE_ENV: 'production',
      GONGXIN_AUDIT_CHECKPOINT_EVERY: '1',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^audit\.checkpoint +FAILED +GONGXIN_AUDIT_SIGNING_KEY: must be set in production/m,
    );
  });

  it('bad settings and bad arguments are refused with the variable or option and the reason', async () => {
    const hash = await runCli(['jobs', 'run'], { ...env, GONGXIN_AUDIT_HASH: 'md5' });
    expect(hash.code).toBe(2);
    expect(hash.stderr).toContain('GONGXIN_AUDIT_HASH: "md5" is not sm3 or sha256');
    const every = await runCli(['jobs', 'run'], { ...env, GONGXIN_AUDIT_CHECKPOINT_EVERY: '0' });
    expect(every.stderr).toContain('GONGXIN_AUDIT_CHECKPOINT_EVERY');
    const seq = await runCli(['audit', 'prove', '--seq', 'x', '--checkpoint', file('cp.json')], env);
    expect(seq.code).toBe(2);
    expect(seq.stderr).toContain('--seq: "x" is not a whole number');
    const beyond = await runCli(['audit', 'prove', '--seq', '300', '--checkpoint', file('cp.json')], env);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toContain('seq: 须为 0 至 299 之间的整数');
    const missing = await runCli(['audit', 'verify', '--checkpoint', file('nope.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--checkpoint: cannot read');
  });

  it('every command answers --help', async () => {
    for (const command of [
      ['audit', 'verify'],
      ['audit', 'prove'],
      ['audit', 'check-proof'],
      ['audit', 'checkpoint'],
      ['jobs', 'run'],
      ['jobs', 'list'],
    ]) {
      const run = await runCli([...command, '--help']);
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout).toContain('Usage: gongxin');
    }
  });
});
