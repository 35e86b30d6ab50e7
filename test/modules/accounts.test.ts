import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../src/modules/accounts/permissions.ts';
import { DEMO_PASSWORD } from '../../src/modules/seed/seed-demo-city.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { cookiesOf, type ManualClock, manualClock, signInAs } from '../support/sessions.ts';

const DEMO_ROLES = {
  center: 'center_admin',
  staff: 'center_staff',
  archive: 'archive',
  competent: 'competent',
  provider: 'provider',
  gov: 'gov',
  agency: 'agency',
  citizen: 'subject',
} as const;

describe(`password sign-in and sessions on ${testEngine}`, () => {
  let t: TestApp;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = manualClock(new Date('2025-06-02T01:00:00Z'));
    // Every request comes from one address here; the rate limit has a test of its own.
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
  });
  afterAll(() => t.close());

  const session = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/v1/session', headers });

  it('answers the public truthfully to a caller without a session', async () => {
    const body = (await session()).json();
    expect(body).toMatchObject({
      role: 'public',
      permissions: [],
      signIn: { sso: false, realName: 'local' },
    });
    expect(body.csrfToken).toBeUndefined();
  });

  it('R147 every demo account signs in to its own role, organization and permissions', async () => {
    for (const [username, role] of Object.entries(DEMO_ROLES)) {
      const signedIn = await signInAs(t.app, username);
      const body = (await session({ cookie: signedIn.cookie })).json();
      expect(body.role, username).toBe(role);
      expect(body.username).toBe(username);
      expect(body.permissions).toEqual([...ROLE_PERMISSIONS[role]].sort());
      expect(body.csrfToken).toBe(signedIn.csrfToken);
      if (role === 'subject') expect(body.organization).toBeNull();
      else expect(body.organization.code).toMatch(/^XM-/);
    }
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, not Secure outside production', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'gov', password: DEMO_PASSWORD },
    });
    const cookie = [response.headers['set-cookie']].flat().join('\n');
    expect(cookie).toMatch(/^gx_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('answers an unknown username and a wrong password alike', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'whatever-1' },
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'agency', password: 'whatever-1' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json()).toEqual({
      error: 'SIGN_IN_FAILED',
      message: '用户名或密码错误 / Wrong username or password',
    });
  });

  it('locks a username for 15 minutes after 5 failures within 15 minutes, existing or not', async () => {
    const attempt = (username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    for (const username of ['provider', 'no-such-user']) {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await attempt(username, `wrong-${i}-password`)).statusCode);
        clock.advance(2);
      }
      expect(statuses, username).toEqual([401, 401, 401, 401, 429]);
      // The right password does not help while locked, and the refusal does not extend the lock.
      const locked = await attempt(username, DEMO_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error).toBe('SIGN_IN_LOCKED');
    }
    clock.advance(14);
    expect((await attempt('provider', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await attempt('no-such-user', DEMO_PASSWORD)).statusCode).toBe(401);
  });

  it('parallel guesses cannot slip past the lockout: at most the threshold of failures is ever recorded', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'parallel-guesser', password: `parallel-${i}-guess` },
        }),
      ),
    );
    expect(guesses.filter((g) => g.statusCode === 401).length).toBeLessThanOrEqual(4);
    const failures = await t.database.db
      .selectFrom('login_attempt')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', '=', 'parallel-guesser')
      .where('outcome', '=', 'failure')
      .executeTakeFirstOrThrow();
    expect(failures.n).toBe(5);
  });

  it('records each attempt and each sign-in in the audit log without the password', async () => {
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'detail'])
      .where('action', 'like', 'account.sign_in%')
      .execute();
    const actions = new Set(events.map((e) => e.action));
    expect(actions).toEqual(
      new Set(['account.sign_in', 'account.sign_in_failed', 'account.sign_in_refused']),
    );
    expect(JSON.stringify(events)).not.toContain(DEMO_PASSWORD);
  });

  it('rotates the session at sign-in: the cookie of before no longer works', async () => {
    const first = await signInAs(t.app, 'staff');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: first.headers,
      payload: { username: 'staff', password: DEMO_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const second = cookiesOf(again.headers['set-cookie']);
    expect(second).not.toBe(first.cookie);
    expect((await session({ cookie: first.cookie })).json().role).toBe('public');
    expect((await session({ cookie: second })).json().role).toBe('center_staff');
  });

  it('refuses a state-changing request without the session’s CSRF token, or from another site', async () => {
    const signedIn = await signInAs(t.app, 'agency');
    const logout = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    const missing = await logout({ cookie: signedIn.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error).toBe('CSRF_TOKEN_INVALID');
    expect((await logout({ cookie: signedIn.cookie, 'x-csrf-token': 'forged' })).json().error).toBe(
      'CSRF_TOKEN_INVALID',
    );
    const crossSite = await logout({ ...signedIn.headers, origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error).toBe('CROSS_ORIGIN');
    expect((await session({ cookie: signedIn.cookie })).json().role).toBe('agency');

    const done = await logout(signedIn.headers);
    expect(done.statusCode).toBe(204);
    expect([done.headers['set-cookie']].flat().join()).toMatch(/gx_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await session({ cookie: signedIn.cookie })).json().role).toBe('public');
  });

  it('ends a session idle for 30 minutes', async () => {
    const signedIn = await signInAs(t.app, 'gov');
    clock.advance(29);
    expect((await session({ cookie: signedIn.cookie })).json().role).toBe('gov');
    clock.advance(29);
    expect((await session({ cookie: signedIn.cookie })).json().role).toBe('gov');
    clock.advance(30);
    const expired = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/account',
      headers: signedIn.headers,
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toBe('SESSION_EXPIRED');
  });

  it('ends an active session 12 hours after sign-in', async () => {
    const signedIn = await signInAs(t.app, 'gov');
    for (let hour = 0; hour < 12; hour++) {
      expect((await session({ cookie: signedIn.cookie })).json().role, `hour ${hour}`).toBe('gov');
      clock.advance(20);
      await session({ cookie: signedIn.cookie });
      clock.advance(20);
      await session({ cookie: signedIn.cookie });
      clock.advance(20);
    }
    expect((await session({ cookie: signedIn.cookie })).json().role).toBe('public');
    const ends = await t.database.db
      .selectFrom('account_session')
      .select('end_reason')
      .where('end_reason', 'in', ['idle', 'expired'])
      .execute();
    expect(new Set(ends.map((e) => e.end_reason))).toEqual(new Set(['idle', 'expired']));
  });

  it('R147 flags a second open session of the same account from another terminal', async () => {
    await signInAs(t.app, 'archive');
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'user-agent': 'another terminal' },
      payload: { username: 'archive', password: DEMO_PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(200);
    const flagged = await t.database.db
      .selectFrom('audit_event')
      .select(['detail'])
      .where('action', '=', 'account.shared_suspected')
      .execute();
    expect(flagged.map((e) => e.detail.code)).toContain('SHARED_ACCOUNT_SUSPECTED');
  });
});

describe(`account administration on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ today: '2025-06-02', securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
  });
  afterAll(() => t.close());

  it('creates an account whose temporary password allows only a password change until changed', async () => {
    const admin = await signInAs(t.app, 'center');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      headers: admin.headers,
      payload: { username: 'li.gov', displayName: '李四', role: 'gov', organizationCode: 'XM-CZJ' },
    });
    expect(created.statusCode).toBe(201);
    const { account, temporaryPassword } = created.json();
    expect(account).toMatchObject({
      username: 'li.gov',
      role: 'gov',
      passwordMustChange: true,
      status: 'active',
    });
    expect(temporaryPassword).toMatch(/^[\w-]{16}$/);

    const li = await signInAs(t.app, 'li.gov', temporaryPassword);
    const blocked = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/organization',
      headers: li.headers,
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: li.headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'short1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([{ field: 'newPassword', reason: '密码至少 10 个字符' }]);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: li.headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'Caizheng-2025-li' },
    });
    expect(changed.statusCode).toBe(204);
    const organization = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/organization',
      headers: li.headers,
    });
    expect(organization.statusCode).toBe(200);
    expect(organization.json()).toMatchObject({ code: 'XM-CZJ', apiClients: [] });
  });

  it('refuses an account whose role does not fit its organization, naming the field', async () => {
    const admin = await signInAs(t.app, 'center');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      headers: admin.headers,
      payload: {
        username: 'wrong.one',
        displayName: '王五',
        role: 'center_staff',
        organizationCode: 'XM-CZJ',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('organizationCode');
  });

  it('disabling an account ends its sessions at once and its sign-in fails like a wrong password', async () => {
    const admin = await signInAs(t.app, 'center');
    const provider = await signInAs(t.app, 'provider');
    const accounts = (
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/accounts', headers: admin.headers })
    ).json();
    const target = accounts.find((a: { username: string }) => a.username === 'provider');
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/accounts/${target.id}/disable`,
      headers: admin.headers,
    });
    expect(disabled.json().status).toBe('disabled');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/account',
      headers: provider.headers,
    });
    expect(refused.statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'provider', password: DEMO_PASSWORD },
    });
    expect(again.json().error).toBe('SIGN_IN_FAILED');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/accounts/${target.id}/enable`,
      headers: admin.headers,
    });
    await signInAs(t.app, 'provider');
  });

  it('resets a password: a new temporary one, shown once, and the old one stops working', async () => {
    const admin = await signInAs(t.app, 'center');
    const accounts = (
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/accounts', headers: admin.headers })
    ).json();
    const target = accounts.find((a: { username: string }) => a.username === 'agency');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/accounts/${target.id}/reset-password`,
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().account.passwordMustChange).toBe(true);
    await expect(signInAs(t.app, 'agency')).rejects.toThrow(/401/);
    await signInAs(t.app, 'agency', reset.json().temporaryPassword);
  });

  it('an administrator cannot disable its own account', async () => {
    const admin = await signInAs(t.app, 'center');
    const accounts = (
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/accounts', headers: admin.headers })
    ).json();
    const self = accounts.find((a: { username: string }) => a.username === 'center');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/accounts/${self.id}/disable`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(400);
  });

  it('lists accounts with a natural person’s name and ID number masked, and records the read', async () => {
    const admin = await signInAs(t.app, 'center');
    const citizen = await t.database.db
      .selectFrom('account')
      .select(['display_name', 'subject_code'])
      .where('username', '=', 'citizen')
      .executeTakeFirstOrThrow();
    const accounts = (
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/accounts', headers: admin.headers })
    ).json();
    const listed = accounts.find((a: { username: string }) => a.username === 'citizen');
    const code = citizen.subject_code ?? '';
    expect(listed.subjectCode).toBe(`${code.slice(0, 4)}**********${code.slice(-4)}`);
    expect(listed.displayName).toBe(
      `${citizen.display_name[0]}${'*'.repeat(citizen.display_name.length - 1)}`,
    );
    expect(JSON.stringify(accounts)).not.toContain(code);
    expect(JSON.stringify(accounts)).not.toContain('$argon2');
    const reads = await t.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'account.list')
      .execute();
    expect(reads.length).toBeGreaterThan(0);
  });
});
