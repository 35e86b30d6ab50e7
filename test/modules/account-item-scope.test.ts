import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';

interface Sections {
  sections: Array<{ records: Array<{ itemName: string }> }>;
}

function itemsOf(view: Sections): string[] {
  return view.sections.flatMap((s) => s.records.map((r) => r.itemName)).sort();
}

const NEW_PASSWORD = 'Dangan-2026-query';

/** The center opens a query account (002 第九条 ¶2), its administrator reading Chinese unless `english`. */
function openAccount(
  t: TestApp,
  admin: TestSession,
  account: { username: string; organizationCode: string; itemScope?: string[] | null; role?: string },
  english = false,
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/accounts',
    headers: english ? { ...admin.headers, 'accept-language': 'en-US,en;q=0.9' } : admin.headers,
    payload: { displayName: '李四', role: 'gov', ...account },
  });
}

/** The holder of a new account changes its temporary password and signs in. */
async function signInFirstTime(
  t: TestApp,
  username: string,
  temporaryPassword: string,
): Promise<TestSession> {
  const temporary = await signInAs(t.app, username, temporaryPassword);
  const changed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: temporary.headers,
    payload: { currentPassword: temporaryPassword, newPassword: NEW_PASSWORD },
  });
  expect(changed.statusCode, changed.body).toBe(204);
  return signInAs(t.app, username, NEW_PASSWORD);
}

/** The first seeded company, with a record of each given item. */
async function companyWith(t: TestApp, records: Array<{ itemCode: string; providerCode: string }>) {
  const company = await t.database.db
    .selectFrom('subject')
    .select('subject_code')
    .where('kind', '=', 'company')
    .orderBy('subject_code')
    .executeTakeFirstOrThrow();
  for (const record of records)
    await storeRecord(t.database.db, { subjectCode: company.subject_code, ...record });
  return company.subject_code;
}

describe(`R89 item-scoped query accounts in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let admin: TestSession;
  let code: string;
  const query = (session: TestSession, items?: string[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/gov/queries',
      headers: session.headers,
      payload: {
        code,
        scenario: '政府采购、招标投标、资金和项目安排、国有土地使用权出让、科研管理',
        purpose: '档案移交前核查',
        caseReference: 'DA-2024-12',
        items,
      },
    });

  beforeAll(async () => {
    t = await createTestApp({
      clock: manualClock(new Date('2024-03-18T02:00:00Z')),
      securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' },
    });
    // 市档案馆 has no business system integrated with the platform.
    await t.database.db
      .insertInto('organization')
      .values({
        code: 'XM-DAJ',
        name: '厦门市档案馆',
        name_en: 'Xiamen Municipal Archives',
        kind: 'public_institution',
        division_code: '350200',
        is_provider: false,
        created_at: new Date('2024-01-01T00:00:00Z'),
      })
      .execute();
    admin = await signInAs(t.app, 'center');
    code = await companyWith(t, [
      { itemCode: 'XZCF', providerCode: 'XM-SCJG' },
      { itemCode: 'XZXK', providerCode: 'XM-SCJG' },
      { itemCode: 'QJSK', providerCode: 'XM-SWJ' },
      { itemCode: 'QJSBF', providerCode: 'XM-RSJ' },
    ]);
  });
  afterAll(() => t.close());

  it('R89 the center opens "daj-li" scoped to {行政处罚}: li queries that item only, and each query is logged under daj-li', async () => {
    const created = await openAccount(t, admin, {
      username: 'daj-li',
      organizationCode: 'XM-DAJ',
      itemScope: ['XZCF'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().account).toMatchObject({ username: 'daj-li', role: 'gov', itemScope: ['XZCF'] });
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/accounts',
      headers: admin.headers,
    });
    expect(listed.json().find((a: { username: string }) => a.username === 'daj-li').itemScope).toEqual([
      'XZCF',
    ]);
    const li = await signInFirstTime(t, 'daj-li', created.json().temporaryPassword);

    const all = await query(li);
    expect(all.statusCode, all.body).toBe(200);
    expect(itemsOf(all.json())).toEqual(['行政处罚信息']);
    const named = await query(li, ['XZCF']);
    expect(itemsOf(named.json())).toEqual(['行政处罚信息']);
    const outside = await query(li, ['XZXK']);
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      error: 'ITEM_NOT_PERMITTED',
      message: '本查询账号的查询范围不含信息事项 XZXK / the query account is not scoped to item XZXK',
    });
    // A report on request is the same query (R93): the scope holds there too.
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/v1/gov/reports',
      headers: li.headers,
      payload: { code, scenario: '表彰奖励', purpose: '评选前核查', caseReference: 'DA-2024-13' },
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(itemsOf(report.json().document)).toEqual(['行政处罚信息']);

    const log = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', code)
      .orderBy('entry_id')
      .execute();
    expect(log.map((e) => [e.account, e.organization_code, e.outcome, e.refusal_code])).toEqual([
      ['daj-li', 'XM-DAJ', 'RETURNED', null],
      ['daj-li', 'XM-DAJ', 'RETURNED', null],
      ['daj-li', 'XM-DAJ', 'REFUSED', 'ITEM_NOT_PERMITTED'],
      ['daj-li', 'XM-DAJ', 'RETURNED', null],
    ]);
    expect(log.map((e) => e.returned.length)).toEqual([1, 1, 0, 1]);
  });

  it('R89 a scope narrows and never widens: a scoped 政务共享 item still needs the agency’s usage permission (R63)', async () => {
    // 市财政局 may use 欠缴税款 (QJSK), not 欠缴社保费 (QJSBF).
    const created = await openAccount(t, admin, {
      username: 'czj-wang',
      organizationCode: 'XM-CZJ',
      itemScope: ['QJSK', 'QJSBF'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const wang = await signInFirstTime(t, 'czj-wang', created.json().temporaryPassword);
    expect(itemsOf((await query(wang)).json())).toEqual(['欠缴税款信息']);
    const refused = await query(wang, ['QJSBF']);
    expect(refused.json().error).toBe('ITEM_NOT_PERMITTED');
    // The agency's unscoped account sees every item its agency may: public ones and QJSK.
    const gov = await signInAs(t.app, 'gov');
    expect(itemsOf((await query(gov)).json())).toEqual(
      ['欠缴税款信息', '行政处罚信息', '行政许可信息'].sort(),
    );
  });

  it('R89 the items must be published catalog items, of a government query account; refusals name the field in Chinese and English', async () => {
    const unknown = await openAccount(t, admin, {
      username: 'daj-zhao',
      organizationCode: 'XM-DAJ',
      itemScope: ['XZCF', 'NO_SUCH_ITEM'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([
      { field: 'itemScope', reason: '目录中没有已发布的信息事项：NO_SUCH_ITEM' },
    ]);
    const inEnglish = await openAccount(
      t,
      admin,
      { username: 'daj-zhao', organizationCode: 'XM-DAJ', itemScope: ['NO_SUCH_ITEM'] },
      true,
    );
    expect(inEnglish.json().fields).toEqual([
      { field: 'itemScope', reason: 'no published catalog item: NO_SUCH_ITEM' },
    ]);
    const empty = await openAccount(t, admin, {
      username: 'daj-zhao',
      organizationCode: 'XM-DAJ',
      itemScope: [],
    });
    expect(empty.json().fields).toEqual([{ field: 'itemScope', reason: '请至少选择一个信息事项' }]);
    const notGov = await openAccount(t, admin, {
      username: 'daj-zhao',
      organizationCode: 'XM-SCJG',
      role: 'provider',
      itemScope: ['XZCF'],
    });
    expect(notGov.json().fields).toEqual([
      { field: 'itemScope', reason: '只有政务查询账号可限定查询的信息事项' },
    ]);
    const accounts = await t.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'daj-zhao')
      .execute();
    expect(accounts).toEqual([]);
    // Without a scope the account is the agency's unscoped account, as before.
    const plain = await openAccount(t, admin, { username: 'daj-zhao', organizationCode: 'XM-DAJ' });
    expect(plain.json().account.itemScope).toBeNull();
  });
});

describe.each([
  { profile: 'weihai', prefix: 'WH', scenario: '财政性资金安排' },
  { profile: 'nantong', prefix: 'NT', scenario: '财政资金和项目安排' },
] as const)(`R89 $profile: the same account scope (on ${testEngine})`, ({ profile, prefix, scenario }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      profileId: profile,
      clock: manualClock(new Date('2024-05-06T02:00:00Z')),
      securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' },
    });
  });
  afterAll(() => t.close());

  it('R89 an account the center scoped to 行政处罚 queries that item only', async () => {
    const code = await companyWith(t, [
      { itemCode: 'XZCF', providerCode: `${prefix}-SCJG` },
      { itemCode: 'XZXK', providerCode: `${prefix}-SCJG` },
    ]);
    const admin = await signInAs(t.app, 'center');
    const created = await openAccount(t, admin, {
      username: 'czj-li',
      organizationCode: `${prefix}-CZJ`,
      itemScope: ['XZCF'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const li = await signInFirstTime(t, 'czj-li', created.json().temporaryPassword);
    const ask = (items?: string[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/gov/queries',
        headers: li.headers,
        payload: { code, scenario, purpose: '补贴发放前核查', caseReference: 'CZ-2024-1', items },
      });
    const answered = await ask();
    expect(answered.statusCode, answered.body).toBe(200);
    expect(itemsOf(answered.json())).toEqual(['行政处罚信息']);
    expect((await ask(['XZXK'])).json().error).toBe('ITEM_NOT_PERMITTED');
    const accounts = await t.database.db
      .selectFrom('query_log')
      .select('account')
      .where('subject_code', '=', code)
      .execute();
    expect(accounts.map((e) => e.account)).toEqual(['czj-li', 'czj-li']);
  });
});
