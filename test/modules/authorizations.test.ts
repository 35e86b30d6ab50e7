import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionInForce } from '../../src/core/policy/resolver.ts';
import { requiredMaterials } from '../../src/core/queries/third-party.ts';
import { AGREED_USE_STATEMENT } from '../../src/modules/reports/issue-report.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { capturingLogger, manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { verifiedCitizen } from '../support/verified-citizen.ts';

const ORG_B = { code: '91350200MA2Y0AB25U', name: '厦门贝塔工程有限公司' };

interface Issued {
  number: string;
  acceptedAt: string;
  document: { purpose: string; statements: string[]; sections: { records: { itemName: string }[] }[] };
}

const itemsOf = (report: Issued) =>
  report.document.sections.flatMap((s) => s.records.map((r) => r.itemName)).sort();

describe(`third-party queries under an authorization in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let citizen: Awaited<ReturnType<typeof verifiedCitizen>>;
  let staff: TestSession;
  const clock = manualClock(new Date('2024-03-04T01:30:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    citizen = await verifiedCitizen(t);
    staff = await signInAs(t.app, 'staff');
    const db = t.database.db;
    await storeRecord(db, { subjectCode: citizen.code, itemCode: 'XZCF', providerCode: 'XM-SCJG' });
    await storeRecord(db, { subjectCode: citizen.code, itemCode: 'ZYFW', providerCode: 'XM-TSW' });
    await storeRecord(db, { subjectCode: citizen.code, itemCode: 'QJSK', providerCode: 'XM-SWJ' });
  });
  afterAll(() => t.close());

  const grant = async (payload: object) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/authorizations',
      headers: citizen.session.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const atServicePoint = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/service-point/third-party-reports',
      headers: staff.headers,
      payload: { subjectCode: citizen.code, applicant: { ...ORG_B, kind: 'organization' }, ...payload },
    });
  const organizationMaterials = () =>
    requiredMaterials(
      versionInForce(t.platform.profile, t.platform.clock.today()).version.parameters.queries,
      'organization',
    );

  it('R77 a third party online is refused with the service points named, gets nothing, and the attempt is logged', async () => {
    const { accessCode } = await grant({
      granteeCode: 'XM-AGENCY-DEMO',
      granteeName: '示范信用',
      purpose: '信用核查',
    });
    const agency = await signInAs(t.app, 'agency');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/third-party/reports',
      headers: agency.headers,
      payload: { subjectCode: citizen.code, accessCode },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toContain('查询他人授权信息需至服务咨询点现场申请');
    const entry = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('subject_code', '=', citizen.code)
      .where('viewer', '=', 'AUTH_3P')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ outcome: 'REFUSED', refusal_code: 'THIRD_PARTY_ONLINE_NOT_ALLOWED' });
    expect(entry.returned).toEqual([]);
  });

  it('R78 an application without the agent’s ID card is not accepted and names it; complete, it is accepted at once', async () => {
    const written = { purpose: '签订采购合同前核查', signedOn: '2024-03-01' };
    const all = organizationMaterials();
    const incomplete = await atServicePoint({
      materials: all.filter((m) => m !== '代理人身份证原件'),
      written,
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({
      error: 'MATERIALS_INCOMPLETE',
      fields: [{ field: 'materials', reason: '代理人身份证原件' }],
    });
    clock.advance(15);
    const accepted = await atServicePoint({ materials: all, written });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const report: Issued = accepted.json();
    expect(report.acceptedAt).toBe('2024-03-04T01:45:00.000Z');
    // R66: public and authorized-query records, never the 政务共享 one; R82: the purpose and its restriction.
    expect(itemsOf(report)).toEqual(['志愿服务信息', '行政处罚信息'].sort());
    expect(report.document.purpose).toBe('签订采购合同前核查');
    expect(report.document.statements).toContain(AGREED_USE_STATEMENT);
    const log = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('report_number', '=', report.number)
      .executeTakeFirstOrThrow();
    expect(log).toMatchObject({ viewer: 'AUTH_3P', channel: 'ON_SITE', purpose: '签订采购合同前核查' });
    expect(log.authorization_id).not.toBeNull();
  });

  it('R80 an authorization stating no validity serves one report; the next day it is AUTHORIZATION_CONSUMED', async () => {
    const { accessCode } = await grant({
      granteeCode: ORG_B.code,
      granteeName: ORG_B.name,
      purpose: '合同履约核查',
    });
    const first = await atServicePoint({ materials: organizationMaterials(), accessCode });
    expect(first.statusCode, first.body).toBe(200);
    clock.advance(24 * 60);
    // Sessions do not outlive a day (idle expiry): the counter signs in again the next morning.
    staff = await signInAs(t.app, 'staff');
    const second = await atServicePoint({ materials: organizationMaterials(), accessCode });
    expect(second.statusCode).toBe(403);
    expect(second.json().error).toBe('AUTHORIZATION_CONSUMED');
  });

  it('R80 a revoked authorization, or one for another party, serves no one', async () => {
    citizen = await verifiedCitizen(t);
    const granted = await grant({
      granteeCode: ORG_B.code,
      granteeName: ORG_B.name,
      purpose: '投标资格核查',
      validUntil: '2024-12-31',
    });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/service-point/third-party-reports',
      headers: staff.headers,
      payload: {
        subjectCode: citizen.code,
        applicant: { code: '91350200MA2Y0AB171', name: '厦门阿尔法贸易有限公司', kind: 'organization' },
        materials: organizationMaterials(),
        accessCode: granted.accessCode,
      },
    });
    expect(other.json().error).toBe('AUTHORIZATION_NOT_FOR_QUERIER');
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/authorizations/${granted.authorizationId}/revoke`,
      headers: citizen.session.headers,
    });
    expect(revoked.json().status).toBe('REVOKED');
    const after = await atServicePoint({
      materials: organizationMaterials(),
      accessCode: granted.accessCode,
    });
    expect(after.json().error).toBe('AUTHORIZATION_REVOKED');
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/authorizations',
      headers: citizen.session.headers,
    });
    expect(mine.json().map((a: { status: string }) => a.status)).toContain('CONSUMED');
  });
});

describe(`third-party queries at a designated window in Weihai, on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ profileId: 'weihai', clock: manualClock(new Date('2024-05-06T02:00:00Z')) });
  });
  afterAll(() => t.close());

  it('R79 a written authorization presented online is refused with 须至指定服务窗口; at the window it is processed', async () => {
    const citizen = await verifiedCitizen(t);
    await storeRecord(t.database.db, { subjectCode: citizen.code, itemCode: 'QJSK', providerCode: 'WH-SWJ' });
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/authorizations',
      headers: citizen.session.headers,
      payload: { granteeCode: 'WH-AGENCY-DEMO', granteeName: '威海示范信用', purpose: '合作前核查' },
    });
    const agency = await signInAs(t.app, 'agency');
    const online = await t.app.inject({
      method: 'POST',
      url: '/api/v1/third-party/reports',
      headers: agency.headers,
      payload: { subjectCode: citizen.code, accessCode: granted.json().accessCode },
    });
    expect(online.statusCode).toBe(403);
    expect(online.json().message).toContain('须至指定服务窗口');
    const staff = await signInAs(t.app, 'staff');
    const window = await t.app.inject({
      method: 'POST',
      url: '/api/v1/service-point/third-party-reports',
      headers: staff.headers,
      payload: {
        subjectCode: citizen.code,
        applicant: { code: '91371000MA3C0WH01X', name: '威海某公司', kind: 'organization' },
        materials: ['被查询信息主体的书面授权'],
        written: { purpose: '合作前核查', signedOn: '2024-05-06' },
      },
    });
    expect(window.statusCode, window.body).toBe(200);
    // WH's written authorization reaches the subject's 政务共享 records too (R66).
    expect(itemsOf(window.json())).toEqual(['欠缴税款信息']);
  });
});

describe(`third-party queries online in Nantong, on ${testEngine}`, () => {
  let t: TestApp;
  const log = capturingLogger();
  beforeAll(async () => {
    t = await createTestApp({
      profileId: 'nantong',
      clock: manualClock(new Date('2024-05-06T02:00:00Z')),
      logger: log.logger,
      securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' },
    });
  });
  afterAll(() => t.close());

  it('R81 a third party queries online with the code the subject gave it and gets public and authorized records', async () => {
    const citizen = await verifiedCitizen(t);
    await storeRecord(t.database.db, { subjectCode: citizen.code, itemCode: 'ZYFW', providerCode: 'NT-MZJ' });
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/authorizations',
      headers: citizen.session.headers,
      payload: { granteeCode: 'NT-AGENCY-DEMO', granteeName: '南通示范信用', purpose: '租赁前核查' },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const agency = await signInAs(t.app, 'agency');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/third-party/reports',
      headers: agency.headers,
      payload: { subjectCode: citizen.code, accessCode: granted.json().accessCode },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(itemsOf(response.json())).toEqual(['志愿服务信息']);
  });

  it('R81 SMS verification: the code the subject passes on authorizes one report; three wrong codes return nothing', async () => {
    const citizen = await verifiedCitizen(t);
    const agency = await signInAs(t.app, 'agency');
    const ask = async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/third-party/sms-requests',
        headers: agency.headers,
        payload: { subjectCode: citizen.code, purpose: '授信前核查' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const line = [...log.lines].reverse().find((l) => String(l.msg).includes('SMS (stand-in'));
      const code = /验证码 (\d{6})/.exec(String(line?.msg))?.[1] ?? '';
      return { requestId: response.json().requestId as number, code };
    };
    const enter = (requestId: number, code: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/third-party/sms-reports',
        headers: agency.headers,
        payload: { subjectCode: citizen.code, requestId, code },
      });
    const first = await ask();
    const wrong = first.code === '000000' ? '111111' : '000000';
    expect((await enter(first.requestId, wrong)).json().error).toBe('SMS_CODE_WRONG');
    expect((await enter(first.requestId, wrong)).json().error).toBe('SMS_CODE_WRONG');
    expect((await enter(first.requestId, wrong)).json().error).toBe('SMS_CODE_LOCKED');
    expect((await enter(first.requestId, first.code)).statusCode).toBe(403);

    const second = await ask();
    const report = await enter(second.requestId, second.code);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().document).toMatchObject({ viewer: 'auth_3p', purpose: '授信前核查' });
    const forms = await t.database.db
      .selectFrom('subject_authorization')
      .select(['form', 'status'])
      .where('subject_code', '=', citizen.code)
      .where('form', '=', 'SMS_VERIFICATION')
      .execute();
    expect(forms).toEqual([{ form: 'SMS_VERIFICATION', status: 'CONSUMED' }]);
  });
});
