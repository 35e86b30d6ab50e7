import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/platform/logger.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { capturingLogger, signInAs } from '../support/sessions.ts';

describe(`security headers and rate limits on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      seedSubjects: 50,
      securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '3', GONGXIN_RATE_LIMIT_PUBLIC: '5' },
    });
  });
  afterAll(() => t.close());

  it('sends a strict Content-Security-Policy and the other helmet headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });

  it('limits sign-in attempts per client address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `someone-${i}`, password: 'wrong-password-1' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error).toBe('RATE_LIMITED');
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits every public API route per client address, and no route that needs a permission', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: '/api/v1/providers' })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/providers', remoteAddress: '10.0.0.9' });
    expect(other.statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from a proxy on a private network, so a client cannot dodge the limit', async () => {
    const fromInternet = (forwardedFor: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/providers',
        remoteAddress: '203.0.113.7',
        headers: { 'x-forwarded-for': forwardedFor },
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fromInternet(`198.51.100.${i}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const viaProxy = await t.app.inject({
      method: 'GET',
      url: '/api/v1/providers',
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-for': '198.51.100.99' },
    });
    expect(viaProxy.statusCode).toBe(200);
  });

  it('takes JSON only, outside the token endpoint: a cross-site form post cannot sign in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.0.0.8',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=center&password=Gongxin-demo-2026',
    });
    expect(response.statusCode).toBe(415);
  });
});

describe(`log redaction on ${testEngine}`, () => {
  let t: TestApp;
  let log: ReturnType<typeof capturingLogger>;
  beforeAll(async () => {
    log = capturingLogger();
    t = await createTestApp({ seedSubjects: 50, logger: log.logger });
  });
  afterAll(() => t.close());

  it('request logs carry no cookie, CSRF token, bearer token or password', async () => {
    const session = await signInAs(t.app, 'center');
    await t.app.inject({ method: 'GET', url: '/api/v1/me/account', headers: session.headers });
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/alerts',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    const text = log.text();
    expect(text).toContain('/api/v1/me/account');
    const sessionToken = session.cookie.split('=')[1] ?? '';
    expect(sessionToken.length).toBeGreaterThan(20);
    expect(text).not.toContain(sessionToken);
    expect(text).not.toContain(session.csrfToken);
    expect(text).not.toContain('abc.def.ghi');
    expect(text).not.toContain('Gongxin-demo-2026');
  });

  it('request logs name the route, never a code in the path or the query string', async () => {
    const session = await signInAs(t.app, 'staff');
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/subjects/35020319900101123X',
      headers: session.headers,
    });
    await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route/350203199001011235?code=E12345678' });
    const text = log.text();
    expect(text).toContain('/api/v1/admin/subjects/:code');
    expect(text).toContain('/api/v1/no-such-route/##################');
    expect(text).not.toContain('35020319900101123X');
    expect(text).not.toContain('350203199001011235');
    expect(text).not.toContain('E12345678');
  });

  it('redacts secrets and identity numbers at the top of a line and one level down', () => {
    log.logger.info(
      {
        idNumber: '35020319900101123X',
        subject: { subjectCode: '35020319900101123X', legalRepresentative: '张三' },
        client: { clientSecret: 'gxs_secret', client_secret: 'gxs_other' },
        account: { temporaryPassword: 'Temp-1234567', passwordHash: '$argon2id$v=19$...' },
        keep: { organization: 'XM-CENTER' },
      },
      'a line with secrets',
    );
    const line = log.lines.find((l) => l.msg === 'a line with secrets');
    expect(line).toMatchObject({
      idNumber: REDACTED,
      subject: { subjectCode: REDACTED, legalRepresentative: REDACTED },
      client: { clientSecret: REDACTED, client_secret: REDACTED },
      account: { temporaryPassword: REDACTED, passwordHash: REDACTED },
      keep: { organization: 'XM-CENTER' },
    });
    expect(JSON.stringify(line)).not.toContain('35020319900101123X');
  });
});
