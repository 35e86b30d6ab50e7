import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CODE_ATTEMPTS } from '../../src/modules/accounts/local-realname-verifier.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { capturingLogger, signInAs, type TestSession } from '../support/sessions.ts';

describe(`real-name verification with the local verifier on ${testEngine}`, () => {
  let t: TestApp;
  let log: ReturnType<typeof capturingLogger>;
  let citizen: { code: string; name: string };
  let other: { code: string; name: string };

  beforeAll(async () => {
    log = capturingLogger();
    t = await createTestApp({ today: '2025-06-02', logger: log.logger });
    const account = await t.database.db
      .selectFrom('account')
      .innerJoin('subject', 'subject.subject_code', 'account.subject_code')
      .select(['subject.subject_code', 'subject.name'])
      .where('account.username', '=', 'citizen')
      .executeTakeFirstOrThrow();
    citizen = { code: account.subject_code, name: account.name };
    const person = await t.database.db
      .selectFrom('subject')
      .select(['subject_code', 'name'])
      .where('kind', '=', 'natural_person')
      .where('subject_code', '!=', citizen.code)
      .executeTakeFirstOrThrow();
    other = { code: person.subject_code, name: person.name };
  });
  afterAll(() => t.close());

  /** The code the server logged for the latest verification (the stand-in for i厦门's text message). */
  function lastCode(): string {
    const line = [...log.lines].reverse().find((l) => String(l.msg).includes('verification code'));
    const code = /(\d{6})$/.exec(String(line?.msg))?.[1];
    if (!code) throw new Error('no verification code in the log');
    return code;
  }

  async function start(session: TestSession, claim: { name: string; idNumber: string }) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/realname/start',
      headers: session.headers,
      payload: claim,
    });
    const flowCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('gx_flow='));
    return {
      response,
      headers: { ...session.headers, cookie: `${session.cookie}; ${flowCookie?.split(';')[0]}` },
    };
  }

  const confirm = (headers: Record<string, string>, code: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/realname/confirm', headers, payload: { code } });

  it('R75 an unverified subject gets no non-public data and sees its own identity masked', async () => {
    const session = await signInAs(t.app, 'citizen');
    const subject = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/subject',
      headers: session.headers,
    });
    expect(subject.statusCode).toBe(403);
    expect(subject.json().error).toBe('REALNAME_REQUIRED');
    const me = (
      await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: session.headers })
    ).json();
    expect(me.realName).toEqual({ verified: false, method: null });
    expect(me.displayName).not.toBe(citizen.name);
    expect(me.displayName[0]).toBe(citizen.name[0]);
  });

  it('R75 a subject verified as another person is refused, gets nothing, and MISMATCHED_IDENTITY is logged', async () => {
    const session = await signInAs(t.app, 'citizen');
    const started = await start(session, { name: other.name, idNumber: other.code });
    expect(started.response.json().kind).toBe('code_sent');
    const refused = await confirm(started.headers, lastCode());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('MISMATCHED_IDENTITY');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/subject', headers: session.headers })).statusCode,
    ).toBe(403);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['detail', 'object_id'])
      .where('action', '=', 'realname.mismatch')
      .execute();
    expect(events.map((e) => e.detail.code)).toEqual(['MISMATCHED_IDENTITY']);
    expect(JSON.stringify(events)).not.toContain(other.code);
  });

  it('R75 a subject verified as itself sees its own basic information in full, and the read is recorded', async () => {
    const session = await signInAs(t.app, 'citizen');
    const started = await start(session, { name: citizen.name, idNumber: citizen.code.toLowerCase() });
    const expiresAt = new Date(started.response.json().expiresAt).getTime();
    expect(expiresAt - t.platform.clock.now().getTime()).toBeGreaterThan(4 * 60_000);
    const verified = await confirm(started.headers, lastCode());
    expect(verified.json()).toEqual({ verified: true, method: 'local' });

    const subject = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/subject',
      headers: session.headers,
    });
    expect(subject.statusCode).toBe(200);
    expect(subject.json()).toMatchObject({ code: citizen.code, name: citizen.name, kind: 'natural_person' });
    const me = (
      await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: session.headers })
    ).json();
    expect(me).toMatchObject({ displayName: citizen.name, realName: { verified: true, method: 'local' } });
    const reads = await t.database.db
      .selectFrom('audit_event')
      .select('object_id')
      .where('action', '=', 'subject.self_read')
      .execute();
    expect(reads.map((r) => r.object_id)).toEqual([citizen.code]);
  });

  it('the server log carries the code but never the ID number', () => {
    expect(log.text()).toMatch(/verification code: \d{6}/);
    expect(log.text()).not.toContain(citizen.code);
    expect(log.text()).not.toContain(other.code);
  });

  it(`refuses after ${MAX_CODE_ATTEMPTS} wrong codes, even the right one after them`, async () => {
    const session = await signInAs(t.app, 'citizen');
    const started = await start(session, { name: citizen.name, idNumber: citizen.code });
    const code = lastCode();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const answers = [];
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++)
      answers.push((await confirm(started.headers, wrong)).json().error);
    expect(answers).toEqual(['WRONG_CODE', 'WRONG_CODE', 'TOO_MANY_ATTEMPTS']);
    expect((await confirm(started.headers, code)).statusCode).toBe(400);
  });

  it('refuses an invalid ID number with the field named, and a code without a started verification', async () => {
    const session = await signInAs(t.app, 'citizen');
    const invalid = await start(session, { name: citizen.name, idNumber: '350203199001011231' });
    expect(invalid.response.statusCode).toBe(400);
    expect(invalid.response.json().fields[0].field).toBe('idNumber');
    expect((await confirm(session.headers, '123456')).json().error).toBe('NO_FLOW');
  });

  it('R75 A-28 an organization subject is verified through its registered operator, and no one else', async () => {
    const organization = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('kind', '=', 'company')
      .executeTakeFirstOrThrow();
    const admin = await signInAs(t.app, 'center');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      headers: admin.headers,
      payload: {
        username: 'company.operator',
        displayName: '公司经办人',
        role: 'subject',
        subjectCode: organization.subject_code,
        operatorIdNumber: other.code,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().account.operatorIdNumber).toBe(
      `${other.code.slice(0, 4)}**********${other.code.slice(-4)}`,
    );
    const temporary = await signInAs(t.app, 'company.operator', created.json().temporaryPassword);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: temporary.headers,
      payload: { currentPassword: created.json().temporaryPassword, newPassword: 'Operator-2025-pass' },
    });

    const asCitizen = await signInAs(t.app, 'company.operator', 'Operator-2025-pass');
    const wrongPerson = await start(asCitizen, { name: citizen.name, idNumber: citizen.code });
    expect((await confirm(wrongPerson.headers, lastCode())).json().error).toBe('MISMATCHED_IDENTITY');

    const asOperator = await signInAs(t.app, 'company.operator', 'Operator-2025-pass');
    const operator = await start(asOperator, { name: other.name, idNumber: other.code });
    expect((await confirm(operator.headers, lastCode())).json()).toEqual({ verified: true, method: 'local' });
    const subject = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/subject',
      headers: asOperator.headers,
    });
    expect(subject.json()).toMatchObject({ code: organization.subject_code, kind: 'company' });
  });

  it('only subjects may verify: other roles are refused', async () => {
    const gov = await signInAs(t.app, 'gov');
    const refused = await start(gov, { name: citizen.name, idNumber: citizen.code });
    expect(refused.response.statusCode).toBe(403);
  });
});
