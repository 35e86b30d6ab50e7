import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { verifiedCitizen } from '../support/verified-citizen.ts';

describe(`the objection API in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let citizen: { session: TestSession; code: string };
  let staff: TestSession;
  let provider: TestSession;
  let recordId: number;
  let caseNumber: string;
  const clock = manualClock(new Date('2024-03-04T02:00:00Z'));
  const post = (session: TestSession, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: session.headers, payload });
  const get = (session: TestSession, url: string) =>
    t.app.inject({ method: 'GET', url, headers: session.headers });

  beforeAll(async () => {
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    citizen = await verifiedCitizen(t);
    staff = await signInAs(t.app, 'staff');
    provider = await signInAs(t.app, 'provider');
    recordId = await storeRecord(t.database.db, {
      subjectCode: citizen.code,
      itemCode: 'XZCF',
      providerCode: 'XM-SCJG',
    });
  });
  afterAll(() => t.close());

  it('R121 the filing form offers only the grounds Xiamen admits, without requiring evidence', async () => {
    const terms = await get(citizen.session, '/api/v1/me/objections/terms');
    expect(terms.statusCode, terms.body).toBe(200);
    expect(terms.json()).toMatchObject({
      grounds: ['ERROR_OR_OMISSION', 'RIGHTS_INFRINGEMENT'],
      groundsSource: '000 第二十六条',
      evidenceRequired: false,
    });
    expect((await get(provider, '/api/v1/me/objections/terms')).statusCode).toBe(403);
  });

  it('R121 R122 the subject files online, the center accepts and forwards, the provider answers, the center closes and the subject reads the outcome', async () => {
    const filed = await post(citizen.session, '/api/v1/me/objections', {
      recordIds: [recordId],
      ground: 'ERROR_OR_OMISSION',
      statement: '罚款金额有误',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    caseNumber = filed.json().caseNumber;
    expect(caseNumber).toMatch(/^OBJ-XM-\d+$/);
    expect(filed.json()).toMatchObject({ status: 'RECEIVED', channel: 'ONLINE', receivedOn: '2024-03-04' });

    const accepted = await post(staff, `/api/v1/objections/${caseNumber}/accept`, { decision: 'ACCEPT' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().steps).toEqual([
      expect.objectContaining({
        step: 'COMPARISON',
        startOn: '2024-03-04',
        dueOn: '2024-03-06',
        overdue: false,
      }),
    ]);
    const own = await get(citizen.session, '/api/v1/me/records');
    const shown = own.json().sections.flatMap((s: { records: unknown[] }) => s.records);
    expect(shown).toContainEqual(expect.objectContaining({ markers: ['异议处理中'] }));

    const forwarded = await post(staff, `/api/v1/objections/${caseNumber}/forward`, {
      comparison: 'INCONSISTENT',
    });
    expect(forwarded.json()).toMatchObject({ forwarded: true, case: { status: 'FORWARDED' } });

    const tasks = await get(provider, '/api/v1/provider/objections');
    expect(tasks.json().map((c: { caseNumber: string }) => c.caseNumber)).toContain(caseNumber);
    const answered = await post(provider, `/api/v1/provider/objections/${caseNumber}/answer`, {
      verdict: 'UPHELD',
      opinion: 'CORRECT',
    });
    expect(answered.statusCode, answered.body).toBe(200);

    const closed = await post(staff, `/api/v1/objections/${caseNumber}/close`, {
      reasons: '罚款金额以更正后的决定书为准',
    });
    expect(closed.json()).toMatchObject({ status: 'CLOSED', outcome: 'CORRECTED' });
    const notices = await get(citizen.session, '/api/v1/me/notifications');
    expect(notices.json()[0]).toMatchObject({ reference: caseNumber });
    expect(notices.json()[0].body).toContain('异议成立，信息予以更正');
  });

  it('deny by default: the subject cannot work the desk, the provider cannot accept, the public reaches nothing', async () => {
    expect((await get(citizen.session, '/api/v1/objections')).statusCode).toBe(403);
    expect(
      (await post(provider, `/api/v1/objections/${caseNumber}/accept`, { decision: 'ACCEPT' })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/objections' })).statusCode).toBe(401);
  });

  it('a record of another subject, an unknown case and a step out of order are refused with their reasons', async () => {
    const neighbour = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('subject_code', '!=', citizen.code)
      .executeTakeFirstOrThrow();
    const foreign = await storeRecord(t.database.db, {
      subjectCode: neighbour.subject_code,
      itemCode: 'XZCF',
      providerCode: 'XM-SCJG',
    });
    const refused = await post(citizen.session, '/api/v1/me/objections', {
      recordIds: [foreign],
      ground: 'ERROR_OR_OMISSION',
      statement: '不是我的',
    });
    expect(refused.statusCode).toBe(400);
    expect(
      (await post(staff, '/api/v1/objections/OBJ-XM-999999/accept', { decision: 'ACCEPT' })).statusCode,
    ).toBe(404);
    expect(
      (await post(staff, `/api/v1/objections/${caseNumber}/forward`, { comparison: 'CONSISTENT' }))
        .statusCode,
    ).toBe(409);
  });
});
