import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import {
  signInAtProvider,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../support/oidc-provider.ts';
import { cookiesOf, signInAs, type TestSession } from '../support/sessions.ts';

/** Never listened on: app.inject serves the callback, so the URL only has to be the registered one. */
const BASE = 'http://127.0.0.1:9';
const REALNAME_CALLBACK = `${BASE}/api/v1/me/realname/callback`;
const SSO_CALLBACK = `${BASE}/api/v1/auth/sso/callback`;

describe(`OpenID Connect against a local oidc-provider on ${testEngine}`, () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let citizen: { code: string; name: string };

  beforeAll(async () => {
    t = await createTestApp({ today: '2025-06-02', seedSubjects: 200 });
    const row = await t.database.db
      .selectFrom('account')
      .innerJoin('subject', 'subject.subject_code', 'account.subject_code')
      .select(['subject.subject_code', 'subject.name'])
      .where('account.username', '=', 'citizen')
      .executeTakeFirstOrThrow();
    citizen = { code: row.subject_code, name: row.name };
    await t.close();

    idp = await startTestIdentityProvider({
      people: [
        { sub: 'ixm-citizen', name: citizen.name, idNumber: citizen.code },
        { sub: 'ixm-stranger', name: '陌生人', idNumber: '35020319900101123X' },
        { sub: 'gov-officer-1', name: '张三', idNumber: '350203198001011234' },
      ],
      clients: [
        { clientId: 'gongxin-realname', clientSecret: 'realname-secret', redirectUri: REALNAME_CALLBACK },
        { clientId: 'gongxin-sso', clientSecret: 'sso-secret', redirectUri: SSO_CALLBACK },
      ],
    });
    t = await createTestApp({
      today: '2025-06-02',
      seedSubjects: 200,
      securityEnv: {
        GONGXIN_REALNAME_ISSUER: idp.issuer,
        GONGXIN_REALNAME_CLIENT_ID: 'gongxin-realname',
        GONGXIN_REALNAME_CLIENT_SECRET: 'realname-secret',
        GONGXIN_REALNAME_REDIRECT_URI: REALNAME_CALLBACK,
        GONGXIN_SSO_ISSUER: idp.issuer,
        GONGXIN_SSO_CLIENT_ID: 'gongxin-sso',
        GONGXIN_SSO_CLIENT_SECRET: 'sso-secret',
        GONGXIN_SSO_REDIRECT_URI: SSO_CALLBACK,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Starts verification, signs in at the provider as `login`, and delivers its callback; answers the landing page. */
  async function verifyAs(session: TestSession, login: string): Promise<URL> {
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/realname/start',
      headers: session.headers,
      payload: {},
    });
    expect(start.statusCode).toBe(200);
    const step = start.json();
    expect(step.kind).toBe('redirect');
    const authorization = new URL(step.url);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    const callback = await signInAtProvider(step.url, login, REALNAME_CALLBACK);
    const landed = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `${session.cookie}; ${cookiesOf(start.headers['set-cookie'])}` },
    });
    expect(landed.statusCode).toBe(303);
    return new URL(String(landed.headers.location), BASE);
  }

  it('the session tells the web app that real-name verification and single sign-on go through OIDC', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/session' })).json();
    expect(body.signIn).toEqual({ sso: true, realName: 'oidc' });
  });

  it('R75 a subject verified by the provider as itself (code + PKCE) then sees its own data', async () => {
    const session = await signInAs(t.app, 'citizen');
    const landing = await verifyAs(session, 'ixm-citizen');
    expect(landing.pathname).toBe('/verify');
    expect(landing.searchParams.get('result')).toBe('verified');
    const subject = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/subject',
      headers: session.headers,
    });
    expect(subject.json()).toMatchObject({ code: citizen.code, name: citizen.name });
    expect(subject.json().verificationMethod).toBe(`oidc:${idp.issuer}`);
  });

  it('R75 a subject the provider verifies as someone else gets no data and MISMATCHED_IDENTITY is logged', async () => {
    const session = await signInAs(t.app, 'citizen');
    const landing = await verifyAs(session, 'ixm-stranger');
    expect(Object.fromEntries(landing.searchParams)).toEqual({
      result: 'failed',
      reason: 'MISMATCHED_IDENTITY',
    });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/subject', headers: session.headers })).statusCode,
    ).toBe(403);
    const mismatches = await t.database.db
      .selectFrom('audit_event')
      .select('detail')
      .where('action', '=', 'realname.mismatch')
      .execute();
    expect(mismatches.map((m) => m.detail.method)).toEqual([`oidc:${idp.issuer}`]);
  });

  it('a callback replayed, or delivered to another browser, is refused', async () => {
    const session = await signInAs(t.app, 'citizen');
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/realname/start',
      headers: session.headers,
      payload: {},
    });
    const flow = cookiesOf(start.headers['set-cookie']);
    const callback = await signInAtProvider(start.json().url, 'ixm-citizen', REALNAME_CALLBACK);
    const path = `${callback.pathname}${callback.search}`;
    const withoutFlow = await t.app.inject({ method: 'GET', url: path, headers: { cookie: session.cookie } });
    expect(new URL(String(withoutFlow.headers.location), BASE).searchParams.get('reason')).toBe('no_flow');
    const other = await signInAs(t.app, 'citizen');
    const otherBrowser = await t.app.inject({
      method: 'GET',
      url: path,
      headers: { cookie: `${other.cookie}; ${flow}` },
    });
    expect(new URL(String(otherBrowser.headers.location), BASE).searchParams.get('reason')).toBe('no_flow');
    const own = (cookie: string) => t.app.inject({ method: 'GET', url: path, headers: { cookie } });
    const first = await own(`${session.cookie}; ${flow}`);
    expect(new URL(String(first.headers.location), BASE).searchParams.get('result')).toBe('verified');
    const replayed = await own(`${session.cookie}; ${flow}`);
    expect(new URL(String(replayed.headers.location), BASE).searchParams.get('reason')).toBe('no_flow');
  });

  it('single sign-on signs in the account the center linked to the provider’s subject, and only that', async () => {
    const admin = await signInAs(t.app, 'center');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      headers: admin.headers,
      payload: {
        username: 'zhang.sso',
        displayName: '张三',
        role: 'gov',
        organizationCode: 'XM-CZJ',
        ssoSubject: 'gov-officer-1',
      },
    });
    expect(created.statusCode).toBe(201);

    const signIn = async (login: string) => {
      const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/start' });
      expect(start.statusCode).toBe(302);
      const callback = await signInAtProvider(String(start.headers.location), login, SSO_CALLBACK);
      return t.app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: cookiesOf(start.headers['set-cookie']) },
      });
    };
    const linked = await signIn('gov-officer-1');
    expect(linked.statusCode).toBe(303);
    expect(linked.headers.location).toBe('/');
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: cookiesOf(linked.headers['set-cookie']).replace(/gx_flow=;?\s*/, '') },
    });
    expect(session.json()).toMatchObject({
      role: 'gov',
      username: 'zhang.sso',
      organization: { code: 'XM-CZJ' },
    });

    const stranger = await signIn('ixm-stranger');
    expect(stranger.headers.location).toBe('/login?error=sso_not_linked');
    expect([stranger.headers['set-cookie']].flat().join()).not.toMatch(/gx_session=[\w-]{10}/);
  });
});
