import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowFromObject } from '../../src/core/collection/row.ts';
import type { ProfileId } from '../../src/core/policy/profile-id.ts';
import { collectTable } from '../../src/modules/collection/collect-table.ts';
import { systemActor } from '../../src/platform/context.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { verifiedCitizen } from '../support/verified-citizen.ts';
import { xmPenalty } from '../support/xm-penalty.ts';

interface Section {
  category: string;
  records: Array<{ reference: string; itemName: string; fields: Array<{ label: string; value: string }> }>;
}

function itemsOf(view: { sections: Section[] }): string[] {
  return view.sections.flatMap((s) => s.records.map((r) => r.itemName)).sort();
}

/**
 * An agency business system on the embedded interface (嵌入式接口, R88): the center registers it as an API
 * client of the agency, it takes a token by client credentials, and each call is a government query.
 */
async function embeddedInterface(t: TestApp, organizationCode: string) {
  const admin = await signInAs(t.app, 'center');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/api-clients',
    headers: admin.headers,
    payload: { organizationCode, name: '业务系统', scopes: ['records.gov.query'] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { client, clientSecret } = created.json();
  const token = await t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  const headers = { authorization: `Bearer ${token.json().access_token}` };
  return (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/gov/queries', headers, payload });
}

const GOV_QUERY = {
  scenario: '政府采购、招标投标、资金和项目安排、国有土地使用权出让、科研管理',
  purpose: '核查投标人信用',
  caseReference: 'ZB-2024-031',
};

describe(`disclosure and queries in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let citizen: { session: TestSession; code: string; name: string };
  let gov: TestSession;
  const clock = manualClock(new Date('2024-03-18T02:00:00Z'));
  const references: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    citizen = await verifiedCitizen(t);
    gov = await signInAs(t.app, 'gov');
    const db = t.database.db;
    const person = citizen.code;
    const name = { CF_XDR_MC: citizen.name };
    references.P = `${person}/${await storeRecord(db, { subjectCode: person, itemCode: 'XZCF', providerCode: 'XM-SCJG', content: { ...name, CF_XDR_ZJHM: person, CF_WSH: '厦市监罚〔2024〕1号' } })}`;
    references.A = `${person}/${await storeRecord(db, { subjectCode: person, itemCode: 'ZYFW', providerCode: 'XM-TSW', content: { project: '社区义诊' } })}`;
    // G1 is an item the demo gov user's agency (市财政局) may use; G2 is not (R63).
    references.G1 = `${person}/${await storeRecord(db, { subjectCode: person, itemCode: 'QJSK', providerCode: 'XM-SWJ' })}`;
    references.G2 = `${person}/${await storeRecord(db, { subjectCode: person, itemCode: 'QJSBF', providerCode: 'XM-RSJ' })}`;
    references.R = `${person}/${await storeRecord(db, { subjectCode: person, itemCode: 'XZCF', providerCode: 'XM-SCJG', state: 'REPAIRED' })}`;
  });
  afterAll(() => t.close());

  it('R61 R62 the public gets only the active 社会公开 record, with the person masked and no login', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${citizen.code}` });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(itemsOf(view)).toEqual(['行政处罚信息']);
    expect(view.subject.code).not.toBe(citizen.code);
    expect(view.subject.code).toMatch(/^\d{4}\*+\w{4}$/);
    const masked = `${citizen.name[0]}${'*'.repeat(citizen.name.length - 1)}`;
    expect(view.subject.name).toBe(masked);
    const fields = view.sections.flatMap((s: Section) => s.records.flatMap((r) => r.fields));
    expect(JSON.stringify(fields)).not.toContain(citizen.code);
    expect(fields).toContainEqual({ label: '行政相对人名称', value: masked });
  });

  it('R62 the public page gives a page of each category with its total; the next records come by category and offset', async () => {
    const company = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('kind', '!=', 'natural_person')
      .executeTakeFirstOrThrow();
    const code = company.subject_code;
    const stored: number[] = [];
    for (let n = 1; n <= 5; n++) {
      stored.push(
        await storeRecord(t.database.db, {
          subjectCode: code,
          itemCode: 'XZCF',
          providerCode: 'XM-SCJG',
          recordStart: `2024-01-0${n}`,
        }),
      );
    }
    const page = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${code}?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      const section = (response.json().sections as (Section & { total: number })[]).find(
        (s) => s.records.length > 0 || s.total > 0,
      );
      return { total: section?.total, ids: section?.records.map((r) => Number(r.reference.split('/')[1])) };
    };
    const newestFirst = [...stored].reverse();
    expect(await page('limit=2')).toEqual({ total: 5, ids: newestFirst.slice(0, 2) });
    const category = (await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${code}` }))
      .json()
      .sections.find((s: Section) => s.records.length > 0).category;
    expect(await page(`category=${category}&offset=2&limit=2`)).toEqual({
      total: 5,
      ids: newestFirst.slice(2, 4),
    });
    expect(await page(`category=${category}&offset=4`)).toEqual({ total: 5, ids: newestFirst.slice(4) });
    const tooMany = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${code}?limit=201` });
    expect(tooMany.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/subjects/${code}?category=nope`,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('category');
  });

  it('R61 R65 R69 the verified subject gets 社会公开 and 授权查询, not 政务共享 or the repaired record; the query is logged', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/records',
      headers: citizen.session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.mismatchedIdentity).toBe(false);
    const shown = view.sections.flatMap((s: Section) => s.records.map((r) => r.reference)).sort();
    expect(shown).toEqual([references.P, references.A].sort());
    expect(view.subject.code).toBe(citizen.code);
    const log = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', citizen.code)
      .where('viewer', '=', 'SELF')
      .execute();
    expect(log.at(-1)).toMatchObject({ outcome: 'RETURNED', channel: 'ONLINE', account: 'citizen' });
  });

  it('R75 asking the self-query for another person returns only public records and logs MISMATCHED_IDENTITY', async () => {
    const other = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('kind', '=', 'natural_person')
      .where('subject_code', '!=', citizen.code)
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/records?code=${other.subject_code}`,
      headers: citizen.session.headers,
    });
    expect(response.json().mismatchedIdentity).toBe(true);
    const entry = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', other.subject_code)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      outcome: 'REFUSED',
      refusal_code: 'MISMATCHED_IDENTITY',
      account: 'citizen',
    });
  });

  it('R61 R63 a government user gets 社会公开 plus the 政务共享 item its agency is permitted, not the other, and the log holds scenario and purpose', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/gov/queries',
      headers: gov.headers,
      payload: { code: citizen.code, ...GOV_QUERY },
    });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    const shown = view.sections.flatMap((s: Section) => s.records.map((r) => r.reference)).sort();
    expect(shown).toEqual([references.P, references.G1].sort());
    const entry = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', citizen.code)
      .where('entry_id', '=', view.queryLogEntry)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      viewer: 'GOV',
      organization_code: 'XM-CZJ',
      scenario: GOV_QUERY.scenario,
      purpose: GOV_QUERY.purpose,
      case_reference: GOV_QUERY.caseReference,
      outcome: 'RETURNED',
    });
    expect(entry.returned).toHaveLength(2);
  });

  it('R85 the government user picks from the closed list of 000 第十九条; scenario (6) needs its basis', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/gov/scenarios',
      headers: gov.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json();
    expect(list.closed).toBe(true);
    expect(list.scenarios).toHaveLength(6);
    expect(list.scenarios.filter((s: { needsBasis: boolean }) => s.needsBasis)).toHaveLength(1);
    expect(list.citation).toContain('第十九条');
  });

  it('R85 R84 a query without a scenario basis or for an item outside the permission is refused, returns nothing, and is logged', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/gov/queries',
      headers: gov.headers,
      payload: { ...GOV_QUERY, code: citizen.code, scenario: '国家、省、市规定的其他情形（须引用规定）' },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toBe('SCENARIO_BASIS_REQUIRED');
    const item = await t.app.inject({
      method: 'POST',
      url: '/api/v1/gov/queries',
      headers: gov.headers,
      payload: { ...GOV_QUERY, code: citizen.code, items: ['QJSBF'] },
    });
    expect(item.statusCode).toBe(400);
    expect(item.json().error).toBe('ITEM_NOT_PERMITTED');
    const refusals = await t.database.db
      .selectFrom('query_log')
      .select(['refusal_code', 'returned'])
      .where('subject_code', '=', citizen.code)
      .where('outcome', '=', 'REFUSED')
      .execute();
    expect(refusals.map((r) => r.refusal_code)).toEqual(['SCENARIO_BASIS_REQUIRED', 'ITEM_NOT_PERMITTED']);
    expect(refusals.every((r) => r.returned.length === 0)).toBe(true);
  });

  it('R91 R92 the subject sees who queried it and why; the agency exports its own ledger and no one can delete an entry', async () => {
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/queries',
      headers: citizen.session.headers,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const byGov = mine.json().filter((e: { viewer: string }) => e.viewer === 'GOV');
    expect(byGov.length).toBeGreaterThanOrEqual(3);
    expect(byGov).toContainEqual(
      expect.objectContaining({
        organizationName: '厦门市财政局',
        purpose: GOV_QUERY.purpose,
        outcome: 'RETURNED',
      }),
    );
    const ledger = await t.app.inject({
      method: 'GET',
      url: '/api/v1/gov/query-log?from=2024-03-01&to=2024-03-31',
      headers: gov.headers,
    });
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.json().every((e: { organizationCode: string }) => e.organizationCode === 'XM-CZJ')).toBe(
      true,
    );
    const others = await t.app.inject({
      method: 'GET',
      url: '/api/v1/gov/query-log?from=2024-03-01&to=2024-03-31&organization=XM-RSJ',
      headers: gov.headers,
    });
    expect(others.statusCode).toBe(403);
    // R92: an administrator's delete is refused and itself logged; the database refuses it too.
    const admin = await signInAs(t.app, 'center');
    const [first] = mine.json();
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/query-log/${first.subjectCode}/${first.entryId}`,
      headers: admin.headers,
    });
    expect(deletion.statusCode).toBe(403);
    expect(deletion.json().error).toBe('QUERY_LOG_PERMANENT');
    const refusal = await t.database.db
      .selectFrom('audit_event')
      .select('object_id')
      .where('action', '=', 'query_log.delete_refused')
      .executeTakeFirstOrThrow();
    expect(refusal.object_id).toBe(`${first.subjectCode}/${first.entryId}`);
    await expect(t.database.db.deleteFrom('query_log').execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.updateTable('query_log').set({ purpose: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('R88 an agency business system calls the embedded interface with its end operator; without one it is OPERATOR_REQUIRED', async () => {
    const embedded = await embeddedInterface(t, 'XM-CZJ');
    const call = (operator: string | undefined) => embedded({ code: citizen.code, ...GOV_QUERY, operator });
    const missing = await call(undefined);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('OPERATOR_REQUIRED');
    const answered = await call('张三/110');
    expect(answered.statusCode, answered.body).toBe(200);
    const entry = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', citizen.code)
      .where('entry_id', '=', answered.json().queryLogEntry)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ channel: 'API', operator: '张三/110', organization_code: 'XM-CZJ' });
  });

  it('R69 an archive read is shown to the subject as a query of its records', async () => {
    const archive = await signInAs(t.app, 'archive');
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/subjects/${citizen.code}/archive`,
      headers: archive.headers,
    });
    expect(read.statusCode, read.body).toBe(200);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/queries',
      headers: citizen.session.headers,
    });
    expect(mine.json()[0]).toMatchObject({ viewer: 'ARCHIVE', account: 'archive', outcome: 'RETURNED' });
    expect(mine.json()[0].returned).toHaveLength(5);
  });

  it('R70 R73 the public feed carries the active public record, masked; a provider’s feed only its own records', async () => {
    const feed = await t.app.inject({ method: 'GET', url: '/api/v1/public/feed?since=2024-03-01' });
    expect(feed.statusCode, feed.body).toBe(200);
    const idOf = (reference: string | undefined) => reference?.split('/')[1];
    const ids = feed.json().entries.map((e: { record: { reference: string } }) => idOf(e.record.reference));
    expect(ids).toContain(idOf(references.P));
    for (const hidden of [references.A, references.G1, references.R]) expect(ids).not.toContain(idOf(hidden));
    expect(feed.body).not.toContain(citizen.code);
    const provider = await signInAs(t.app, 'provider');
    const own = await t.app.inject({
      method: 'GET',
      url: '/api/v1/provider/publication-feed?since=2024-03-01',
      headers: provider.headers,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(
      own
        .json()
        .entries.every(
          (e: { record: { providerName: string } }) => e.record.providerName === '厦门市市场监督管理局',
        ),
    ).toBe(true);
    expect(own.json().entries.length).toBeGreaterThan(0);
  });

  it('R90 an assisted query without an approved application is blocked; with one it runs and is logged against it', async () => {
    const staff = await signInAs(t.app, 'staff');
    const assisted = (applicationId: string | null) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/center/assisted-queries',
        headers: staff.headers,
        payload: { code: citizen.code, ...GOV_QUERY, agency: 'XM-CZJ', applicationId },
      });
    const blocked = await assisted(null);
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error).toBe('ASSISTED_QUERY_APPLICATION_REQUIRED');
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query-applications',
      headers: staff.headers,
      payload: {
        applicationId: 'XZ-2024-011',
        organizationCode: 'XM-CZJ',
        items: ['QJSK'],
        purpose: '财政资金拨付前核查',
        users: '李四',
        validFrom: '2024-03-01',
        validUntil: '2024-03-31',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const ran = await assisted('XZ-2024-011');
    expect(ran.statusCode, ran.body).toBe(200);
    const entry = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', citizen.code)
      .where('entry_id', '=', ran.json().queryLogEntry)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ channel: 'ASSISTED', account: 'staff', organization_code: 'XM-CZJ' });
  });

  it('explain: center staff see which rule and article hide a record from a viewer', async () => {
    const staff = await signInAs(t.app, 'staff');
    const [subject, id] = (references.A ?? '').split('/');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${subject}/${id}/explain?viewer=PUBLIC`,
      headers: staff.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      shown: false,
      rule: 'F1_ATTRIBUTE_NOT_FOR_VIEWER',
      disclosure: 'authorized',
    });
    expect(response.json().citation).toMatch(/第/);
    const asGov = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${(references.G1 ?? '').replace('/', '/')}/explain?viewer=GOV&organization=XM-CZJ`,
      headers: staff.headers,
    });
    expect(asGov.json()).toMatchObject({ shown: true, rule: null });
    const forbidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${subject}/${id}/explain?viewer=PUBLIC`,
      headers: gov.headers,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe(`Weihai disclosure, on ${testEngine}`, () => {
  let t: TestApp;
  const clock = manualClock(new Date('2024-05-06T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({
      profileId: 'weihai',
      clock,
      securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' },
    });
  });
  afterAll(() => t.close());

  it('R64 R65 a natural person’s penalty is never public in Weihai; the verified person sees it and its 政务共享 record', async () => {
    const citizen = await verifiedCitizen(t);
    await storeRecord(t.database.db, {
      subjectCode: citizen.code,
      itemCode: 'XZCF',
      providerCode: 'WH-SCJG',
    });
    await storeRecord(t.database.db, { subjectCode: citizen.code, itemCode: 'QJSK', providerCode: 'WH-SWJ' });
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${citizen.code}` });
    expect(itemsOf(anonymous.json())).toEqual([]);
    // R71: nor in the feed to the municipal portal and the media.
    const feed = await t.app.inject({ method: 'GET', url: '/api/v1/public/feed?since=2024-01-01' });
    expect(feed.json().entries).toEqual([]);
    const self = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/records',
      headers: citizen.session.headers,
    });
    expect(itemsOf(self.json())).toEqual(['欠缴税款信息', '行政处罚信息'].sort());
  });

  it('R87 an agency gets 政务共享 records only within its approved application; after it lapses, APPLICATION_EXPIRED', async () => {
    const staff = await signInAs(t.app, 'staff');
    const citizen = await verifiedCitizen(t);
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query-applications',
      headers: staff.headers,
      payload: {
        applicationId: 'WH-SQ-2024-001',
        organizationCode: 'WH-CZJ',
        items: ['QJSK'],
        purpose: '财政性资金安排前核查',
        users: '王五',
        validFrom: '2024-01-01',
        validUntil: '2024-12-31',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const query = async () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/gov/queries',
        headers: (await signInAs(t.app, 'gov')).headers,
        payload: {
          code: citizen.code,
          scenario: '财政性资金安排',
          purpose: '补贴发放前核查',
          caseReference: 'CZ-2024-9',
          items: ['QJSK'],
        },
      });
    const within = await query();
    expect(within.statusCode, within.body).toBe(200);
    expect(itemsOf(within.json())).toEqual(['欠缴税款信息']);
    clock.advance(((Date.parse('2025-01-02T10:00:00+08:00') - clock.now().getTime()) / 60_000) | 0);
    const after = await query();
    expect(after.statusCode).toBe(400);
    expect(after.json().error).toBe('APPLICATION_EXPIRED');
  });

  it('R91 the agency exports its own query ledger (003 第二十三条 ¶2): who, when to the second, whom, what and why; no entry can be deleted', async () => {
    const gov = await signInAs(t.app, 'gov');
    const ledger = await t.app.inject({
      method: 'GET',
      url: '/api/v1/gov/query-log?from=2024-05-01&to=2025-01-31',
      headers: gov.headers,
    });
    expect(ledger.statusCode, ledger.body).toBe(200);
    const entries = ledger.json() as Array<Record<string, unknown>>;
    // The query within the application and the one refused after it lapsed (R87), both logged.
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((entry) => entry.organizationCode === 'WH-CZJ')).toBe(true);
    expect(entries).toContainEqual(
      expect.objectContaining({
        purpose: '补贴发放前核查',
        outcome: 'RETURNED',
        accountName: expect.any(String),
      }),
    );
    expect(String(entries[0]?.queriedAt)).toMatch(/T\d{2}:\d{2}:\d{2}/);
    const others = await t.app.inject({
      method: 'GET',
      url: '/api/v1/gov/query-log?from=2024-05-01&to=2025-01-31&organization=WH-SWJ',
      headers: gov.headers,
    });
    expect(others.statusCode).toBe(403);
    await expect(t.database.db.deleteFrom('query_log').execute()).rejects.toThrow(/append-only/);
  });

  it('R71 an active 公开公示 record is in the feed to the municipal portal and the media; once EXPIRED_REMOVED the same day’s next pull omits it', async () => {
    const company = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('kind', '!=', 'natural_person')
      .executeTakeFirstOrThrow();
    const recordId = await storeRecord(t.database.db, {
      subjectCode: company.subject_code,
      itemCode: 'XZCF',
      providerCode: 'WH-SCJG',
    });
    const pulled = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/public/feed?since=2024-01-01' }))
        .json()
        .entries.map((entry: { record: { reference: string } }) => entry.record.reference);
    expect(await pulled()).toContain(`${company.subject_code}/${recordId}`);
    await t.database.db
      .updateTable('credit_record')
      .set({ state: 'EXPIRED_REMOVED', updated_at: clock.now() })
      .where('subject_code', '=', company.subject_code)
      .where('record_id', '=', recordId)
      .execute();
    expect(await pulled()).not.toContain(`${company.subject_code}/${recordId}`);
  });
});

describe.each([['xiamen', '2025-03-15']] as const satisfies ReadonlyArray<readonly [ProfileId, string]>)(
  `an imported record's last day of disclosure in %s, on ${testEngine}`,
  (profileId, lastDay) => {
    it('R61 R62 an imported penalty is public through its last day of disclosure and gone everywhere the next day', async () => {
      const clock = manualClock(new Date('2024-03-18T02:00:00Z'));
      const t = await createTestApp({ profileId, clock });
      try {
        const outcome = await collectTable(t.platform, systemActor('cli'), {
          itemCode: 'XZCF',
          providerCode: 'XM-SCJG',
          channel: 'cli',
          fileName: null,
          headers: [],
          rows: [{ rowNumber: 1, ...rowFromObject(xmPenalty()) }],
        });
        expect(outcome).toMatchObject({ accepted: 1, returned: 0 });
        const code = String(xmPenalty().CF_XDR_SHXYM);
        const stored = await t.database.db
          .selectFrom('credit_record')
          .select('disclosure_last_day')
          .where('subject_code', '=', code)
          .executeTakeFirstOrThrow();
        expect(stored.disclosure_last_day).toBe(lastDay);
        const publicItems = async () =>
          itemsOf((await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${code}` })).json());
        clock.advance(((Date.parse(`${lastDay}T12:00:00+08:00`) - clock.now().getTime()) / 60_000) | 0);
        expect(clock.today().toString()).toBe(lastDay);
        const fed = async () =>
          (await t.app.inject({ method: 'GET', url: '/api/v1/public/feed?since=2024-03-01' })).json().entries
            .length;
        expect(await publicItems()).toEqual(['行政处罚信息']);
        expect(await fed()).toBe(1);
        clock.advance(24 * 60);
        expect(await publicItems()).toEqual([]);
        expect(await fed()).toBe(0);
      } finally {
        await t.close();
      }
    });
  },
);

describe(`Nantong's publication channels, on ${testEngine}`, () => {
  let t: TestApp;
  const clock = manualClock(new Date('2024-05-06T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({
      profileId: 'nantong',
      clock,
      securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' },
    });
  });
  afterAll(() => t.close());

  it('R88 a Nantong agency’s business system calls the embedded interface (004 第二十条) with its end operator; without one it is OPERATOR_REQUIRED', async () => {
    const organization = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('code_type', '=', 'uscc')
      .orderBy('subject_code', 'desc')
      .executeTakeFirstOrThrow();
    const code = organization.subject_code;
    await storeRecord(t.database.db, { subjectCode: code, itemCode: 'XZCF', providerCode: 'NT-SCJG' });
    const embedded = await embeddedInterface(t, 'NT-CZJ');
    const query = { code, scenario: '行政许可', purpose: '许可审查前核查', caseReference: 'XK-2024-17' };
    const missing = await embedded(query);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('OPERATOR_REQUIRED');
    const answered = await embedded({ ...query, operator: '李四/320' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(itemsOf(answered.json())).toContain('行政处罚信息');
    const entry = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', code)
      .where('entry_id', '=', answered.json().queryLogEntry)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ channel: 'API', operator: '李四/320', organization_code: 'NT-CZJ' });
  });

  it('R72 the website, APP and kiosks (the subject page), the public report and the portals’ feed give the same 3 records at the same moment', async () => {
    const organization = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('code_type', '=', 'uscc')
      .orderBy('subject_code')
      .executeTakeFirstOrThrow();
    const code = organization.subject_code;
    const stored = [
      await storeRecord(t.database.db, { subjectCode: code, itemCode: 'XZCF', providerCode: 'NT-SCJG' }),
      await storeRecord(t.database.db, { subjectCode: code, itemCode: 'XZXK', providerCode: 'NT-SCJG' }),
      await storeRecord(t.database.db, { subjectCode: code, itemCode: 'XZCF', providerCode: 'NT-SWJ' }),
    ];
    // Not public: an expired record, and one only for authorized queries.
    await storeRecord(t.database.db, {
      subjectCode: code,
      itemCode: 'XZCF',
      providerCode: 'NT-SCJG',
      state: 'EXPIRED_REMOVED',
    });
    await storeRecord(t.database.db, {
      subjectCode: code,
      itemCode: 'QJSK',
      providerCode: 'NT-SWJ',
      disclosure: 'authorized',
    });
    const idsOf = (references: string[]) =>
      references.map((reference) => Number(reference.split('/')[1])).sort();
    const referencesOf = (sections: Section[]) => sections.flatMap((s) => s.records.map((r) => r.reference));

    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${code}` });
    expect(page.statusCode, page.body).toBe(200);
    const report = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: { code } });
    expect(report.statusCode, report.body).toBe(200);
    const feed = await t.app.inject({ method: 'GET', url: '/api/v1/public/feed?since=2024-01-01' });
    expect(feed.statusCode, feed.body).toBe(200);
    const fed = feed
      .json()
      .entries.filter((e: { subject: { code: string } }) => e.subject.code === code)
      .map((e: { record: { reference: string } }) => e.record.reference);

    const expected = [...stored].sort((a, b) => a - b);
    expect(idsOf(referencesOf(page.json().sections))).toEqual(expected);
    expect(idsOf(referencesOf(report.json().document.sections))).toEqual(expected);
    expect(idsOf(fed)).toEqual(expected);
  });
});
