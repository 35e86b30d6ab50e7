import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { signInAs } from '../support/sessions.ts';

const notice2027 = JSON.parse(
  fs.readFileSync(new URL('../fixtures/holiday-notice-2027-hypothetical.json', import.meta.url), 'utf8'),
);

describe(`the working-day calendar for administrators, over HTTP on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ today: '2026-12-01' });
  });
  afterAll(() => t.close());

  it('R4 the center administrator sees 2027 uncovered, loads its notice, and the alert goes', async () => {
    const center = await signInAs(t.app, 'center');
    const before = (
      await t.app.inject({ method: 'GET', url: '/api/v1/calendar/notices', headers: center.headers })
    ).json();
    expect(before.coveredYears).not.toContain(2027);
    const alertsBefore = (
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/alerts', headers: center.headers })
    ).json();
    expect(alertsBefore.map((a: { code: string }) => a.code)).toContain('CALENDAR_NOT_COVERED');

    const loaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/notices',
      headers: center.headers,
      payload: notice2027,
    });
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({ year: 2027, holidays: 11, workdays: 1, replaced: false });

    const after = (
      await t.app.inject({ method: 'GET', url: '/api/v1/calendar/notices', headers: center.headers })
    ).json();
    expect(after.coveredYears).toContain(2027);
    expect(after.notices[0]).toMatchObject({ year: 2027, loadedBy: '厦门市公共信用信息中心管理员' });
    const alertsAfter = (
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/alerts', headers: center.headers })
    ).json();
    expect(alertsAfter.map((a: { code: string }) => a.code)).not.toContain('CALENDAR_NOT_COVERED');
  });

  it('a notice with a mistake is refused with the field, in Chinese', async () => {
    const center = await signInAs(t.app, 'center');
    const broken = { ...notice2027, workdays: [{ date: '2027-02-22' }] };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/notices',
      headers: center.headers,
      payload: broken,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/workdays\[0\]/);
    expect(response.json().message).toMatch(/节假日通知文件有误/);
  });

  it('a provider may not load a calendar, and nobody may without the CSRF token', async () => {
    const provider = await signInAs(t.app, 'provider');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/notices',
      headers: provider.headers,
      payload: notice2027,
    });
    expect(refused.statusCode).toBe(403);
    const center = await signInAs(t.app, 'center');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/notices',
      headers: { cookie: center.cookie },
      payload: notice2027,
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});
