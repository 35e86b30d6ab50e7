import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileId } from '../../src/core/policy/profile-id.ts';
import { apiClientHeaders } from '../support/api-clients.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { type ManualClock, manualClock, signInAs, type TestSession } from '../support/sessions.ts';

interface ScoringView {
  subject: { code: string; naturalPerson: boolean };
  today: string;
  sections: Array<{ category: string; records: Array<{ reference: string; itemName: string }> }>;
  withdrawn: string[];
  queryLogEntry: number;
}

const PURPOSE = '白鹭分信用评分';

/** The record ids a scoring delivery holds, from its references (`code/record`, the code masked for persons). */
function recordIds(view: ScoringView): number[] {
  return view.sections
    .flatMap((s) => s.records.map((r) => Number(r.reference.split('/')[1])))
    .sort((a, b) => a - b);
}

/** The n-th seeded subject of a kind, so each test has a subject of its own. */
async function seededSubject(t: TestApp, kind: 'natural_person' | 'company', nth: number): Promise<string> {
  const row = await t.database.db
    .selectFrom('subject')
    .select('subject_code')
    .where('kind', '=', kind)
    .orderBy('subject_code')
    .offset(nth)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.subject_code;
}

function feed(t: TestApp, code: string, headers: Record<string, string>, purpose: string | null = PURPOSE) {
  const query = purpose === null ? '' : `?purpose=${encodeURIComponent(purpose)}`;
  return t.app.inject({ method: 'GET', url: `/api/v1/scoring/subjects/${code}/records${query}`, headers });
}

async function delivered(t: TestApp, code: string, session: TestSession): Promise<ScoringView> {
  const response = await feed(t, code, session.headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ScoringView>();
}

describe(`R74 the scoring feed in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let clock: ManualClock;
  let agency: TestSession;
  beforeAll(async () => {
    clock = manualClock(new Date('2024-03-18T02:00:00Z'));
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    agency = await signInAs(t.app, 'agency');
  });
  afterAll(() => t.close());

  it('R74 XM-NP with one ACTIVE and one EXPIRED_ARCHIVED dishonest record: the feed holds only the ACTIVE one, and the delivery is logged', async () => {
    const person = await seededSubject(t, 'natural_person', 0);
    const db = t.database.db;
    const active = await storeRecord(db, { subjectCode: person, itemCode: 'XZCF', providerCode: 'XM-SCJG' });
    const expired = await storeRecord(db, {
      subjectCode: person,
      itemCode: 'XZCF',
      providerCode: 'XM-SCJG',
      state: 'EXPIRED_ARCHIVED',
      recordStart: '2020-01-06',
      disclosureLastDay: '2023-01-06',
    });
    const view = await delivered(t, person, agency);
    expect(recordIds(view)).toEqual([active]);
    expect(view.withdrawn).toEqual([]);
    // A person's ID number and name reach the consumer masked, as they reach society.
    expect(view.subject.code).not.toBe(person);
    expect(JSON.stringify(view)).not.toContain(person);
    const entry = await db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', person)
      .where('entry_id', '=', view.queryLogEntry)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      viewer: 'SCORING',
      channel: 'ONLINE',
      account: 'agency',
      organization_code: 'XM-AGENCY-DEMO',
      purpose: PURPOSE,
      outcome: 'RETURNED',
      returned: [`${person}/${active}@1`],
    });
    expect(JSON.stringify(entry.returned)).not.toContain(`/${expired}@`);
    // The center can ask why: the expiry, and R74 for the scoring consumer.
    const explained = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${person}/${expired}/explain?viewer=SCORING`,
      headers: (await signInAs(t.app, 'center')).headers,
    });
    expect(explained.json()).toMatchObject({
      shown: false,
      rule: 'F2_EXPIRED',
      citation: '000 第十条 (last paragraph: 自动归档该信息，不再提供该信息的查询服务); R74',
    });
  });

  it('R74 repaired, opted-out, suspended and lapsed records never pass, nor 授权查询 or 政务共享 ones', async () => {
    const person = await seededSubject(t, 'natural_person', 1);
    const db = t.database.db;
    const record = (fixture: Partial<Parameters<typeof storeRecord>[1]>) =>
      storeRecord(db, { subjectCode: person, itemCode: 'XZCF', providerCode: 'XM-SCJG', ...fixture });
    const active = await record({});
    // 000 第二十五条 ¶3, 第二十九条, 第二十八条, 第十条
    for (const state of ['REPAIRED', 'OPTED_OUT_ARCHIVED', 'SUSPENDED_OBJECTION', 'REVOKED'])
      await record({ state });
    // Stored ACTIVE, but its last day of disclosure has passed: lapsed on the day of the call (R60).
    await record({ disclosureLastDay: '2024-03-17' });
    await record({ itemCode: 'ZYFW', providerCode: 'XM-TSW' });
    await record({ itemCode: 'QJSK', providerCode: 'XM-SWJ' });
    const view = await delivered(t, person, agency);
    expect(recordIds(view)).toEqual([active]);
  });

  it('R74 a record that leaves ACTIVE after a delivery is gone from the next one and named as withdrawn', async () => {
    const company = await seededSubject(t, 'company', 0);
    const db = t.database.db;
    const lasting = await storeRecord(db, {
      subjectCode: company,
      itemCode: 'XZCF',
      providerCode: 'XM-SCJG',
    });
    const lapsing = await storeRecord(db, {
      subjectCode: company,
      itemCode: 'XZCF',
      providerCode: 'XM-SCJG',
      disclosureLastDay: '2024-03-19',
    });
    expect(recordIds(await delivered(t, company, agency))).toEqual([lasting, lapsing].sort((a, b) => a - b));
    clock.advance(2 * 24 * 60);
    agency = await signInAs(t.app, 'agency');
    const after = await delivered(t, company, agency);
    expect(after.today).toBe('2024-03-20');
    expect(recordIds(after)).toEqual([lasting]);
    expect(after.withdrawn).toEqual([`${company}/${lapsing}`]);
    // The consumer is the organization: its other system is told too.
    const admin = await signInAs(t.app, 'center');
    const other = await apiClientHeaders(t.app, admin, {
      organizationCode: 'XM-AGENCY-DEMO',
      name: '信用评分系统',
      scopes: ['records.scoring_feed'],
    });
    expect((await feed(t, company, other.headers)).json().withdrawn).toEqual([`${company}/${lapsing}`]);
    const ids = await db
      .selectFrom('query_log')
      .select('account')
      .where('subject_code', '=', company)
      .orderBy('entry_id')
      .execute();
    expect(ids.map((row) => row.account)).toEqual(['agency', 'agency', other.clientId]);
  });

  it('R74 a credit service agency’s system reads the feed with its client; the log says API', async () => {
    const admin = await signInAs(t.app, 'center');
    const system = await apiClientHeaders(t.app, admin, {
      organizationCode: 'XM-AGENCY-DEMO',
      name: '白鹭分系统',
      scopes: ['records.scoring_feed'],
    });
    const person = await seededSubject(t, 'natural_person', 2);
    const response = await feed(t, person, system.headers);
    expect(response.statusCode, response.body).toBe(200);
    const entry = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', person)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ viewer: 'SCORING', channel: 'API', account: system.clientId });
  });

  it('R74 only holders of records.scoring_feed are served, a purpose is required, and only agencies’ clients get the scope', async () => {
    const person = await seededSubject(t, 'natural_person', 3);
    for (const user of ['gov', 'citizen', 'provider']) {
      const session = await signInAs(t.app, user);
      expect((await feed(t, person, session.headers)).statusCode, user).toBe(403);
    }
    expect((await feed(t, person, {})).statusCode).toBe(401);
    const missing = await feed(t, person, agency.headers, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('purpose');
    const admin = await signInAs(t.app, 'center');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-clients',
      headers: admin.headers,
      payload: { organizationCode: 'XM-CZJ', name: '财政评分', scopes: ['records.scoring_feed'] },
    });
    expect(refused.statusCode).toBe(400);
    const logged = await t.database.db
      .selectFrom('query_log')
      .select('entry_id')
      .where('subject_code', '=', person)
      .execute();
    expect(logged).toEqual([]);
  });
});

describe.each([
  { profile: 'weihai', provider: 'WH-SCJG', expired: 'EXPIRED_REMOVED' },
  { profile: 'nantong', provider: 'NT-SCJG', expired: 'EXPIRED_UNPUBLISHED' },
] as const)(`R74 $profile keeps the same rule (on ${testEngine})`, ({ profile, provider, expired }) => {
  let t: TestApp;
  let agency: TestSession;
  beforeAll(async () => {
    t = await createTestApp({
      profileId: profile satisfies ProfileId,
      clock: manualClock(new Date('2024-05-06T02:00:00Z')),
      securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' },
    });
    agency = await signInAs(t.app, 'agency');
  });
  afterAll(() => t.close());

  it(`R74 an organization's ACTIVE record passes; ${expired}, repaired and suspended ones do not`, async () => {
    const company = await seededSubject(t, 'company', 0);
    const db = t.database.db;
    const record = (state?: string) =>
      storeRecord(db, { subjectCode: company, itemCode: 'XZCF', providerCode: provider, state });
    const active = await record();
    for (const state of [expired, 'REPAIRED', 'ARCHIVED_ORIGINAL', 'SUSPENDED_OBJECTION'])
      await record(state);
    expect(recordIds(await delivered(t, company, agency))).toEqual([active]);
  });

  it(
    profile === 'weihai'
      ? 'R74 R64 a natural person’s records are not passed on at all in Weihai (003 第二十条 ¶3)'
      : 'R74 a natural person’s ACTIVE public record is passed on',
    async () => {
      const person = await seededSubject(t, 'natural_person', 0);
      const active = await storeRecord(t.database.db, {
        subjectCode: person,
        itemCode: 'XZCF',
        providerCode: provider,
      });
      expect(recordIds(await delivered(t, person, agency))).toEqual(profile === 'weihai' ? [] : [active]);
    },
  );
});
