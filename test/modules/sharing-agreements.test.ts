import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { verifiedCitizen } from '../support/verified-citizen.ts';

const BANK = 'NT-BANK-DEMO';
const SECURITY = { GONGXIN_RATE_LIMIT_LOGIN: '1000' };

type Inject = TestApp['app']['inject'];

/** Polls a batch until it is answered, as the agency page does. */
async function finished(inject: Inject, session: TestSession, batch: { batchId: string }, prefix: string) {
  let progress = batch as { status?: string };
  for (let i = 0; i < 600 && progress.status !== 'DONE'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const response = await inject({
      method: 'GET',
      url: `${prefix}/${batch.batchId}`,
      headers: session.headers,
    });
    progress = response.json();
  }
  return progress as { status: string; total: number; done: number; resultsUrl: string };
}

/** The results file's lines after the header, each split into its cells (no cell here holds a comma). */
async function resultLines(inject: Inject, session: TestSession, url: string): Promise<string[][]> {
  const csv = await inject({ method: 'GET', url, headers: session.headers });
  expect(csv.statusCode).toBe(200);
  return csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));
}

describe(`R100 Nantong's sharing agreements and batch exchange, on ${testEngine}`, () => {
  let t: TestApp;
  let center: TestSession;
  const clock = manualClock(new Date('2024-06-03T02:00:00Z'));
  /** The 500 subjects pulled: the demo citizen first. */
  const codes: string[] = [];
  /** `subject/record@1` of every ACTIVE 社会公开 record among them: what the bank may receive. */
  const activePublic = new Set<string>();
  let citizenCode = '';

  const record = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: center.headers, payload });
  const agreement = (payload: Record<string, unknown>) =>
    record('/api/v1/batch-approvals', {
      scope: '社会公开信用信息批量共享',
      validFrom: '2024-01-01',
      validUntil: '2024-12-31',
      securityConditions: '专线传输，结果文件加密保存，仅用于授信审查',
      ...payload,
    });
  /** The query-log entries of a batch: one a subject delivered (R100). */
  const logOf = (batchId: string) =>
    t.database.db.selectFrom('query_log').selectAll().where('batch_id', '=', batchId).execute();
  const pull = (session: TestSession, payload: Record<string, unknown>, prefix = '/api/v1/agency/batches') =>
    t.app.inject({ method: 'POST', url: prefix, headers: session.headers, payload });

  beforeAll(async () => {
    t = await createTestApp({ profileId: 'nantong', clock, seedSubjects: 520, securityEnv: SECURITY });
    center = await signInAs(t.app, 'center');
    const citizen = await verifiedCitizen(t);
    citizenCode = citizen.code;
    const others = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('subject_code', '!=', citizen.code)
      .orderBy('subject_code')
      .limit(499)
      .execute();
    codes.push(citizen.code, ...others.map((s) => s.subject_code));
    // Every state and attribute among the first 40 subjects; the rest hold no record at all.
    for (const subjectCode of codes.slice(0, 40)) {
      const on = (itemCode: string, extra: Record<string, unknown> = {}) =>
        storeRecord(t.database.db, { subjectCode, itemCode, providerCode: 'NT-SCJG', ...extra });
      activePublic.add(`${subjectCode}/${await on('XZCF')}@1`);
      await on('XZCF', { state: 'REVOKED' });
      await on('XZXK', { disclosureLastDay: '2024-05-31' });
      await on('ZYFW');
      await on('QJSK');
      await on('QJSBF');
    }
    // The citizen authorizes the bank and the credit service agency: F-1 would let both see its ZYFW record.
    for (const granteeCode of [BANK, 'NT-AGENCY-DEMO']) {
      const granted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/authorizations',
        headers: citizen.session.headers,
        payload: { granteeCode, granteeName: '授信方', purpose: '授信审查', validUntil: '2024-12-31' },
      });
      expect(granted.statusCode, granted.body).toBe(200);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('R100 without a sharing agreement the bank is refused, in Chinese and English', async () => {
    const bank = await signInAs(t.app, 'bank');
    const response = await pull(bank, { purpose: '授信审查', codes: codes.slice(0, 3) });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: 'SHARING_AGREEMENT_REQUIRED',
      message: expect.stringMatching(/信息共享协议.* \/ .*sharing agreement/),
    });
    const access = await t.app.inject({
      method: 'GET',
      url: '/api/v1/agency/batch-access',
      headers: bank.headers,
    });
    expect(access.json()).toMatchObject({
      basis: 'AGREEMENT',
      approval: null,
      refusal: { code: 'SHARING_AGREEMENT_REQUIRED' },
    });
  });

  it('R100 an agreement is recorded only with a party the city shares with, covering what the party may see', async () => {
    const refused = async (payload: Record<string, unknown>, field: string, reason: RegExp) => {
      const response = await agreement({ approvalId: 'XY-BAD', ...payload });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().fields).toEqual([{ field, reason: expect.stringMatching(reason) }]);
    };
    await refused({ organizationCode: 'NT-CENTER' }, 'organizationCode', /仅面向征信机构、金融机构/);
    await refused(
      { organizationCode: BANK, attributes: ['public', 'government'] },
      'attributes',
      /^金融机构不能获得政务共享信息$/,
    );
    await refused({ organizationCode: BANK, attributes: [] }, 'attributes', /至少选择一类/);
    await refused({ organizationCode: BANK, items: ['NO-SUCH'] }, 'items', /NO-SUCH 不在已发布的目录中/);
    await refused(
      { organizationCode: BANK, attributes: ['public'], items: ['ZYFW'] },
      'items',
      /ZYFW 的公开属性不在所选范围内/,
    );
  });

  it('R100 某银行南通分行 pulls 500 subjects under an agreement covering 社会公开: only ACTIVE public records return, and 500 log entries name the agreement', async () => {
    const recorded = await agreement({
      approvalId: 'NT-XY-2024-001',
      organizationCode: BANK,
      attributes: ['public'],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ basis: 'AGREEMENT', attributes: ['public'], items: null });

    const bank = await signInAs(t.app, 'bank');
    const submitted = await pull(bank, { purpose: '授信审查', codes });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ approvalId: 'NT-XY-2024-001', viewer: 'CSA', total: 500 });
    const done = await finished(t.app.inject.bind(t.app), bank, submitted.json(), '/api/v1/agency/batches');
    expect(done).toMatchObject({ status: 'DONE', total: 500, done: 500 });

    const lines = await resultLines(t.app.inject.bind(t.app), bank, done.resultsUrl);
    const delivered = lines.filter((cells) => cells[6] !== '无记录');
    expect(lines.length - delivered.length).toBe(460);
    expect(new Set(delivered.map((cells) => cells[6]))).toEqual(new Set(['行政处罚信息']));
    expect(delivered).toHaveLength(40);
    // Not the citizen's authorized ZYFW record: F-1 would allow it, the agreement does not cover it.
    expect(delivered.filter((cells) => cells[1] === citizenCode)).toHaveLength(1);

    const log = await logOf(submitted.json().batchId);
    expect(log).toHaveLength(500);
    expect(new Set(log.map((entry) => entry.subject_code))).toEqual(new Set(codes));
    for (const entry of log) {
      expect(entry).toMatchObject({
        viewer: 'CSA',
        channel: 'BATCH',
        organization_code: BANK,
        case_reference: 'NT-XY-2024-001',
        outcome: 'RETURNED',
        authorization_id: null,
      });
    }
    expect(new Set(log.flatMap((entry) => entry.returned))).toEqual(activePublic);
  }, 120_000);

  it('R100 a pull beyond the agreement returns nothing of what it does not cover', async () => {
    const recorded = await agreement({
      approvalId: 'NT-XY-2024-002',
      organizationCode: 'NT-AGENCY-DEMO',
      attributes: ['authorized'],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const agency = await signInAs(t.app, 'agency');
    const submitted = await pull(agency, { purpose: '租赁前核查', codes: codes.slice(0, 2) });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const done = await finished(t.app.inject.bind(t.app), agency, submitted.json(), '/api/v1/agency/batches');
    const lines = await resultLines(t.app.inject.bind(t.app), agency, done.resultsUrl);
    // The citizen authorized the agency: its ZYFW record only, not its public XZCF record, which F-1 would
    // show but the agreement does not cover; the other subject authorized nobody: nothing.
    expect(lines.filter((cells) => cells[0] === '1').map((cells) => cells[6])).toEqual(['志愿服务信息']);
    expect(lines.filter((cells) => cells[0] === '2').map((cells) => cells[6])).toEqual(['无记录']);
  });

  it('R100 an information user unit exchanges a batch as a government user: the shared items it may use, within its agreement, for a declared purpose', async () => {
    const gov = await signInAs(t.app, 'gov');
    const exchange = (payload: Record<string, unknown>) =>
      pull(gov, { purpose: '财政补贴资格审核', codes: codes.slice(0, 2), ...payload }, '/api/v1/gov/batches');
    const without = await exchange({ scenario: '财政资金和项目安排' });
    expect(without.statusCode).toBe(403);
    expect(without.json().error).toBe('SHARING_AGREEMENT_REQUIRED');

    const recorded = await agreement({
      approvalId: 'NT-JH-2024-001',
      organizationCode: 'NT-CZJ',
      scope: '财政资金审核名单的信用信息交换',
      attributes: ['public', 'government'],
      items: ['QJSK', 'QJSBF'],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const offList = await exchange({ scenario: '随便看看' });
    expect(offList.statusCode).toBe(400);
    expect(offList.json().error).toBe('SCENARIO_NOT_IN_LIST');

    const submitted = await exchange({ scenario: '财政资金和项目安排' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ viewer: 'GOV', scenario: '财政资金和项目安排' });
    const done = await finished(t.app.inject.bind(t.app), gov, submitted.json(), '/api/v1/gov/batches');
    expect(done.resultsUrl).toMatch(/^\/api\/v1\/gov\/batches\//);
    const lines = await resultLines(t.app.inject.bind(t.app), gov, done.resultsUrl);
    // NT-CZJ may use QJSK, not QJSBF (the catalog's usage permission, R63); its public XZCF records are
    // outside the items the agreement names.
    for (const row of ['1', '2']) {
      expect(lines.filter((cells) => cells[0] === row).map((cells) => cells[6])).toEqual(['欠缴税款信息']);
    }
    const log = await logOf(submitted.json().batchId);
    expect(log).toHaveLength(2);
    for (const entry of log) {
      expect(entry).toMatchObject({
        viewer: 'GOV',
        channel: 'BATCH',
        scenario: '财政资金和项目安排',
        case_reference: 'NT-JH-2024-001',
        operator: 'gov',
      });
    }
  });

  it('R100 R89 a government query account scoped to items exchanges within its scope only', async () => {
    // 002 第九条 ¶2, in Nantong too: the center scoped the unit's account to XZCF, outside its agreement's items.
    const account = await t.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'gov')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('account_item_scope')
      .values({ account_id: account.id, item_code: 'XZCF' })
      .execute();
    const gov = await signInAs(t.app, 'gov');
    const submitted = await pull(
      gov,
      { scenario: '财政资金和项目安排', purpose: '财政补贴资格审核', codes: codes.slice(0, 2) },
      '/api/v1/gov/batches',
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const done = await finished(t.app.inject.bind(t.app), gov, submitted.json(), '/api/v1/gov/batches');
    const lines = await resultLines(t.app.inject.bind(t.app), gov, done.resultsUrl);
    // Its agreement covers QJSK and QJSBF only, its account XZCF only: nothing is left to deliver.
    expect(lines.map((cells) => cells[6])).toEqual(['无记录', '无记录']);
    expect(await logOf(submitted.json().batchId)).toHaveLength(2);
  });

  it('R100 the center sees every agreement with its coverage and whether it is in force', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/batch-approvals',
      headers: center.headers,
    });
    expect(response.statusCode).toBe(200);
    const list = response.json();
    expect(list.basis).toBe('AGREEMENT');
    expect(list.organizationKinds).toEqual(
      expect.arrayContaining(['financial_institution', 'credit_reporting_agency', 'government_department']),
    );
    expect(list.approvals.map((a: { approvalId: string }) => a.approvalId).sort()).toEqual([
      'NT-JH-2024-001',
      'NT-XY-2024-001',
      'NT-XY-2024-002',
    ]);
    expect(
      list.approvals.find((a: { approvalId: string }) => a.approvalId === 'NT-XY-2024-001'),
    ).toMatchObject({
      organizationName: '示范银行南通分行（演示）',
      inForce: true,
    });
  });

  it('R100 the center opens another account for the bank, a financial institution, but not a government one', async () => {
    const open = (username: string, role: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/accounts',
        headers: center.headers,
        payload: { username, displayName: '授信审查岗', role, organizationCode: BANK },
      });
    const agencyAccount = await open('bank-2', 'agency');
    expect(agencyAccount.statusCode, agencyAccount.body).toBe(201);
    const govAccount = await open('bank-gov', 'gov');
    expect(govAccount.statusCode).toBe(400);
    expect(govAccount.json().fields).toEqual([
      expect.objectContaining({
        field: 'organizationCode',
        reason: expect.stringContaining('不能持有该角色的账号'),
      }),
    ]);
  });

  it('R100 once the agreement has lapsed the bank is refused with SHARING_AGREEMENT_EXPIRED', async () => {
    clock.advance(((Date.parse('2025-01-02T10:00:00+08:00') - clock.now().getTime()) / 60_000) | 0);
    const bank = await signInAs(t.app, 'bank');
    const response = await pull(bank, { purpose: '授信审查', codes: codes.slice(0, 3) });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: 'SHARING_AGREEMENT_EXPIRED',
      message:
        '信息共享协议不在有效期内（2024-01-01 至 2024-12-31），须续签后再批量获取 / the sharing agreement is not in force (2024-01-01 to 2024-12-31)',
    });
  });
});

describe(`R98 batch access elsewhere is unchanged by Nantong's agreements, on ${testEngine}`, () => {
  it('R98 xiamen: the competent department approves credit service agencies only, covering what R99 gives the batch port', async () => {
    const t = await createTestApp({ today: '2024-06-03', seedSubjects: 20, securityEnv: SECURITY });
    try {
      const competent = await signInAs(t.app, 'competent');
      const approve = (organizationCode: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/batch-approvals',
          headers: competent.headers,
          payload: {
            approvalId: `BQ-${organizationCode}`,
            organizationCode,
            scope: '社会公开信息及经授权的授权查询信息',
            validFrom: '2024-01-01',
            validUntil: '2024-12-31',
            securityConditions: '专线接入',
          },
        });
      const department = await approve('XM-SCJG');
      expect(department.statusCode).toBe(400);
      expect(department.json().fields).toEqual([
        { field: 'organizationCode', reason: '本市批量查询服务仅面向信用服务机构' },
      ]);
      const agency = await approve('XM-AGENCY-DEMO');
      expect(agency.statusCode, agency.body).toBe(200);
      expect(agency.json()).toMatchObject({
        basis: 'APPROVAL',
        attributes: ['public', 'authorized'],
        items: null,
      });
    } finally {
      await t.close();
    }
  });

  it('R98 weihai: no batch port, nothing to approve', async () => {
    const t = await createTestApp({
      profileId: 'weihai',
      today: '2024-06-03',
      seedSubjects: 20,
      securityEnv: SECURITY,
    });
    try {
      const agency = await signInAs(t.app, 'agency');
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/agency/batches',
        headers: agency.headers,
        payload: { purpose: '合作前核查', codes: ['91371000MA3C0AB12X'] },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toBe('BATCH_DISABLED');
      const center = await signInAs(t.app, 'center');
      const approval = await t.app.inject({
        method: 'POST',
        url: '/api/v1/batch-approvals',
        headers: center.headers,
        payload: {
          approvalId: 'WH-1',
          organizationCode: 'WH-AGENCY-DEMO',
          scope: '全部',
          validFrom: '2024-01-01',
          validUntil: '2024-12-31',
          securityConditions: '无',
        },
      });
      expect(approval.statusCode).toBe(400);
      expect(approval.json().fields).toEqual([{ field: 'organizationCode', reason: '本市未设批量查询服务' }]);
    } finally {
      await t.close();
    }
  });
});
