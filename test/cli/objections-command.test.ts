import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { fileObjection } from '../../src/modules/objections/file-objection.ts';
import { shiftedClock } from '../../src/platform/clock.ts';
import { runUseCase, systemActor } from '../../src/platform/context.ts';
import { openPGlite } from '../../src/platform/db/database.ts';
import { runCli } from '../support/cli.ts';
import { storeRecord } from '../support/records.ts';

describe('gongxin objections on a data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-objections-'));
  const env = { GONGXIN_DATA_DIR: dir, GONGXIN_TODAY: '2024-03-04' };
  let caseNumber: string;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    expect((await runCli(['seed', '--subjects', '20'], env)).code).toBe(0);
    // A counter filing, as the center's staff records it through the API.
    const handle = await openPGlite(dir, new Date());
    try {
      const platform = { db: handle.db, clock: shiftedClock('2024-03-04'), profile: loadProfile('xiamen') };
      const subject = await handle.db
        .selectFrom('subject')
        .select('subject_code')
        .where('code_type', '=', 'uscc')
        .executeTakeFirstOrThrow();
      const recordId = await storeRecord(handle.db, {
        subjectCode: subject.subject_code,
        itemCode: 'XZCF',
        providerCode: 'XM-SCJG',
      });
      const filed = await runUseCase(platform, systemActor('test'), (ctx) =>
        fileObjection(ctx, {
          subjectCode: subject.subject_code,
          channel: 'COUNTER',
          recordIds: [recordId],
          ground: 'ERROR_OR_OMISSION',
          statement: '处罚对象有误',
        }),
      );
      caseNumber = `OBJ-XM-${filed.caseId}`;
    } finally {
      await handle.close();
    }
  });

  it('R123 R124 accepts and forwards a case from the shell, and the list shows the provider’s due date', async () => {
    const accepted = await runCli(['objections', 'accept', caseNumber, '--json'], env);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ status: 'ACCEPTED', acceptedOn: '2024-03-04' });
    const forwarded = await runCli(
      ['objections', 'forward', caseNumber, '--comparison', 'CONSISTENT', '--today', '2024-03-06'],
      env,
    );
    expect(forwarded.code, forwarded.stderr).toBe(0);
    const list = await runCli(['objections', 'list', '--status', 'FORWARDED'], env);
    expect(list.stdout).toContain(`${caseNumber}`);
    expect(list.stdout).toContain('PROVIDER_VERIFICATION 期限 2024-03-11');
    // R126: the daily job on 2024-03-12 finds the provider late.
    expect((await runCli(['jobs', 'run', '--today', '2024-03-12'], env)).code).toBe(0);
    const late = await runCli(['objections', 'list'], env);
    expect(late.stdout).toContain('PROVIDER_VERIFICATION 期限 2024-03-11 逾期');
  });

  it('refuses closing before the provider’s result, and an unknown case, with a message', async () => {
    const early = await runCli(['objections', 'close', caseNumber], env);
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('FORWARDED');
    const unknown = await runCli(['objections', 'accept', 'OBJ-XM-999999'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('OBJ-XM-999999');
  });
});
