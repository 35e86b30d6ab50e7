import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOVERNMENT_SHARED_STATEMENT } from '../../src/modules/reports/issue-report.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { verifiedCitizen } from '../support/verified-citizen.ts';

describe(`public credit reports in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let citizen: { session: TestSession; code: string };
  const clock = manualClock(new Date('2024-03-04T02:15:30Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    citizen = await verifiedCitizen(t);
    const db = t.database.db;
    await storeRecord(db, {
      subjectCode: citizen.code,
      itemCode: 'XZCF',
      providerCode: 'XM-SCJG',
      content: { CF_WSH: '厦市监罚〔2024〕1号', CF_CFLB: '罚款' },
    });
    await storeRecord(db, { subjectCode: citizen.code, itemCode: 'ZYFW', providerCode: 'XM-TSW' });
    await storeRecord(db, { subjectCode: citizen.code, itemCode: 'QJSK', providerCode: 'XM-SWJ' });
  });
  afterAll(() => t.close());

  const publicReport = async (code: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: { code } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('R94 a report has a unique number, the query time to the second, the issuing institution and no score', async () => {
    const first = await publicReport(citizen.code);
    const second = await publicReport(citizen.code);
    expect(first.number).toMatch(/^RPT-20240304-\d{6}$/);
    expect(second.number).not.toBe(first.number);
    expect(first.document).toMatchObject({
      queryTime: '2024-03-04 10:15:30',
      issuer: '厦门市公共信用信息中心',
      viewer: 'public',
    });
    const items = first.document.sections.flatMap((s: { records: { itemName: string }[] }) =>
      s.records.map((r) => r.itemName),
    );
    expect(items).toEqual(['行政处罚信息']);
    // R96 (002 第十条 ¶2; A-32): no score, grade or evaluation anywhere in the report.
    expect(JSON.stringify(first.document)).not.toMatch(/score|grade|rating|评分|信用良好|信用较差|白鹭分/);
  });

  it('R93 R97 R92 the verified subject downloads its own report; the query log holds it under its number', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/reports',
      headers: citizen.session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.document.viewer).toBe('self');
    expect(report.document.subject.code).toBe(citizen.code);
    const items = report.document.sections.flatMap((s: { records: { itemName: string }[] }) =>
      s.records.map((r) => r.itemName),
    );
    expect(items.sort()).toEqual(['志愿服务信息', '行政处罚信息'].sort());
    const pdf = await t.app.inject({ method: 'GET', url: report.pdfUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const log = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('report_number', '=', report.number)
      .executeTakeFirstOrThrow();
    expect(log).toMatchObject({ viewer: 'SELF', account: 'citizen', outcome: 'RETURNED' });
    expect(log.returned).toHaveLength(2);
  });

  it('R95 the original PDF verifies with its metadata; one changed byte, or an unknown number, does not', async () => {
    const report = await publicReport(citizen.code);
    const pdf = (await t.app.inject({ method: 'GET', url: report.pdfUrl })).rawPayload;
    const again = (await t.app.inject({ method: 'GET', url: report.pdfUrl })).rawPayload;
    expect(again.equals(pdf)).toBe(true);
    const verify = (file: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/reports/verification',
        headers: { 'content-type': 'application/pdf' },
        payload: file,
      });
    const original = (await verify(pdf)).json();
    expect(original).toMatchObject({
      authentic: true,
      metadata: { number: report.number, queryTime: '2024-03-04 10:15:30', issuer: '厦门市公共信用信息中心' },
    });
    expect(original.document.sections).toEqual(report.document.sections);

    const altered = Buffer.from(pdf);
    const at = altered.length - 200;
    altered[at] = (altered[at] ?? 0) ^ 0x01;
    const tampered = (await verify(altered)).json();
    expect(tampered.authentic).toBe(false);
    expect(tampered.document).toBeNull();

    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/RPT-20240304-999999/verification',
    });
    expect(unknown.json()).toMatchObject({ authentic: false, failure: 'UNKNOWN_NUMBER', metadata: null });
  });

  it('R95 by number alone the metadata is shown; the content needs the verification code printed on the report', async () => {
    const report = await publicReport(citizen.code);
    const byNumber = (
      await t.app.inject({ method: 'GET', url: `/api/v1/reports/${report.number}/verification` })
    ).json();
    expect(byNumber).toMatchObject({
      authentic: true,
      metadata: { contentHash: report.contentHash },
      document: null,
    });
    const withCode = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/${report.number}/verification?code=${report.verificationCode}`,
      })
    ).json();
    expect(withCode.document.number).toBe(report.number);
    const guessed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${report.number}/pdf?code=WRONG`,
    });
    expect(guessed.statusCode).toBe(404);
  });

  it('R76 R83 a self-report on site records the officer’s check; at a provider’s counter the provider issues it', async () => {
    const onSite = async (username: string) => {
      const session = await signInAs(t.app, username);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/service-point/self-reports',
        headers: session.headers,
        payload: { code: citizen.code, verification: '身份证原件核验通过' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json();
      const log = await t.database.db
        .selectFrom('query_log')
        .selectAll()
        .where('report_number', '=', report.number)
        .executeTakeFirstOrThrow();
      return { report, log };
    };
    const center = await onSite('staff');
    expect(center.report.document.issuer).toBe('厦门市公共信用信息中心');
    expect(center.log).toMatchObject({ channel: 'ON_SITE', account: 'staff' });
    expect(center.log.operator).toContain('身份证原件核验通过');
    const counter = await onSite('provider');
    expect(counter.report.document.issuer).toBe('厦门市市场监督管理局');
    expect(counter.log).toMatchObject({ channel: 'PROVIDER_COUNTER', organization_code: 'XM-SCJG' });
  });

  it('R84 a government report holds only the items the user named, as its on-screen query does', async () => {
    const gov = await signInAs(t.app, 'gov');
    const itemNamesOf = async (items?: string[]) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/gov/reports',
        headers: gov.headers,
        payload: {
          code: citizen.code,
          scenario: '表彰奖励',
          purpose: '评选前核查',
          caseReference: 'BZ-2024-008',
          items,
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      const sections: Array<{ records: Array<{ itemName: string }> }> = response.json().document.sections;
      return new Set(sections.flatMap((section) => section.records.map((record) => record.itemName)));
    };
    const everything = await itemNamesOf();
    const penaltiesOnly = await itemNamesOf(['XZCF']);
    expect(everything.size).toBeGreaterThan(1);
    expect(penaltiesOnly.size).toBe(1);
    expect(everything).toContain([...penaltiesOnly][0]);
  });

  it('R82 a government report prints its purpose and the confidentiality statement of shared information', async () => {
    const gov = await signInAs(t.app, 'gov');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/gov/reports',
      headers: gov.headers,
      payload: {
        code: citizen.code,
        scenario: '表彰奖励',
        purpose: '评选先进个人前核查',
        caseReference: 'BZ-2024-007',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.document.purpose).toBe('评选先进个人前核查');
    expect(report.document.statements).toContain(GOVERNMENT_SHARED_STATEMENT);
    const log = await t.database.db
      .selectFrom('query_log')
      .selectAll()
      .where('report_number', '=', report.number)
      .executeTakeFirstOrThrow();
    expect(log).toMatchObject({ viewer: 'GOV', scenario: '表彰奖励', purpose: '评选先进个人前核查' });
  });
});
