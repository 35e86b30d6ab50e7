import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resumeBatchQueries } from '../../src/modules/batch-queries/run-batch-query.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { verifiedCitizen } from '../support/verified-citizen.ts';

const AGENCY = 'XM-AGENCY-DEMO';

describe(`batch queries by a credit service agency in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let agency: TestSession;
  const clock = manualClock(new Date('2024-06-01T02:00:00Z'));
  const codes: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    const citizen = await verifiedCitizen(t);
    const other = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('kind', '=', 'natural_person')
      .where('subject_code', '!=', citizen.code)
      .executeTakeFirstOrThrow();
    for (const subjectCode of [citizen.code, other.subject_code]) {
      await storeRecord(t.database.db, { subjectCode, itemCode: 'XZCF', providerCode: 'XM-SCJG' });
      await storeRecord(t.database.db, { subjectCode, itemCode: 'ZYFW', providerCode: 'XM-TSW' });
    }
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/authorizations',
      headers: citizen.session.headers,
      payload: {
        granteeCode: AGENCY,
        granteeName: '示范信用',
        purpose: '授信审查',
        validUntil: '2024-12-31',
      },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const organization = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('kind', '!=', 'natural_person')
      .executeTakeFirstOrThrow();
    codes.push(citizen.code, other.subject_code, organization.subject_code, '91350200MA2Y0AB25U');
    agency = await signInAs(t.app, 'agency');
  });
  afterAll(() => t.close());

  const submit = (session: TestSession) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/agency/batches',
      headers: session.headers,
      payload: { purpose: '授信审查', codes },
    });

  it('R98 an agency without an approval is refused with BATCH_NOT_APPROVED', async () => {
    const response = await submit(agency);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('BATCH_NOT_APPROVED');
  });

  it('R99 a batch returns public records for all, authorized ones only where the subject authorized the agency, one log entry per subject (an unknown code is reported, not logged)', async () => {
    const competent = await signInAs(t.app, 'competent');
    const approved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/batch-approvals',
      headers: competent.headers,
      payload: {
        approvalId: 'BQ-2024-003',
        organizationCode: AGENCY,
        scope: '社会公开信息及经授权的授权查询信息',
        validFrom: '2024-01-01',
        validUntil: '2024-12-31',
        securityConditions: '专线接入，结果文件加密保存',
      },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const response = await submit(agency);
    expect(response.statusCode, response.body).toBe(200);
    const { batchId } = response.json();
    let progress = response.json();
    for (let i = 0; i < 100 && progress.status !== 'DONE'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/agency/batches/${batchId}`,
          headers: agency.headers,
        })
      ).json();
    }
    expect(progress).toMatchObject({ status: 'DONE', total: 4, done: 4 });

    const csv = await t.app.inject({ method: 'GET', url: progress.resultsUrl, headers: agency.headers });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const itemsOf = (row: number) =>
      lines
        .slice(1)
        .filter((line) => line.startsWith(`${row},`))
        .map((line) => line.split(',')[6])
        .sort();
    expect(itemsOf(1)).toEqual(['志愿服务信息', '行政处罚信息'].sort());
    expect(itemsOf(2)).toEqual(['行政处罚信息']);
    expect(lines.some((line) => line.startsWith('3,') && line.includes('无记录'))).toBe(true);
    expect(lines.some((line) => line.startsWith('4,') && line.includes('未找到该信用主体'))).toBe(true);

    const log = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('batch_id', '=', batchId)
      .execute();
    expect(log).toHaveLength(3);
    expect(log.every((entry) => entry.viewer === 'CSA' && entry.channel === 'BATCH')).toBe(true);
  });

  // Two servers' runners: one cannot take the rows the other holds (SKIP LOCKED), and must not end the batch
  // while they are still being answered. PGlite has one connection, so the held lock needs PostgreSQL.
  it.skipIf(testEngine !== 'postgres')(
    'R99 a runner that finds only rows another runner holds leaves the batch RUNNING; the batch ends DONE with every row answered',
    async () => {
      const batch = await t.database.db
        .selectFrom('batch_query')
        .select('batch_id')
        .where('status', '=', 'DONE')
        .executeTakeFirstOrThrow();
      // As a process that died after answering rows 1 and 2 leaves it.
      await t.database.db
        .updateTable('batch_query_row')
        .set({ outcome: null, subject_code: null, records: null })
        .where('batch_id', '=', batch.batch_id)
        .where('row_number', '>=', 3)
        .execute();
      await t.database.db
        .updateTable('batch_query')
        .set({ status: 'RUNNING', done: 2, finished_at: null })
        .where('batch_id', '=', batch.batch_id)
        .execute();
      const progress = () =>
        t.database.db
          .selectFrom('batch_query')
          .select(['status', 'done'])
          .where('batch_id', '=', batch.batch_id)
          .executeTakeFirstOrThrow();

      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let lockTaken = () => {};
      const taken = new Promise<void>((resolve) => {
        lockTaken = resolve;
      });
      const otherRunner = t.database.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('batch_query_row')
          .select('row_number')
          .where('batch_id', '=', batch.batch_id)
          .where('row_number', '=', 4)
          .forUpdate()
          .execute();
        lockTaken();
        await released;
      });
      await taken;
      await resumeBatchQueries(t.platform);
      expect(await progress()).toEqual({ status: 'RUNNING', done: 3 });

      release();
      await otherRunner;
      await resumeBatchQueries(t.platform);
      expect(await progress()).toEqual({ status: 'DONE', done: 4 });
    },
  );

  it('R98 after the approval lapses the agency is refused with BATCH_APPROVAL_EXPIRED', async () => {
    clock.advance(((Date.parse('2025-01-02T10:00:00+08:00') - clock.now().getTime()) / 60_000) | 0);
    const session = await signInAs(t.app, 'agency');
    const response = await submit(session);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('BATCH_APPROVAL_EXPIRED');
  });
});
