import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../src/http/access.ts';
import { ROLE_PERMISSIONS } from '../../src/modules/accounts/permissions.ts';
import { ACCOUNT_ROLES, type AccountRole } from '../../src/modules/accounts/roles.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { signInAs, type TestSession } from '../support/sessions.ts';

/** The demo account of each role (src/modules/seed/seed-demo-city.ts). */
const DEMO_USER: Record<AccountRole, string> = {
  subject: 'citizen',
  provider: 'provider',
  gov: 'gov',
  agency: 'agency',
  center_admin: 'center',
  center_staff: 'staff',
  archive: 'archive',
  competent: 'competent',
};

/** A concrete URL for a route pattern: every path parameter filled with a value that names nothing. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => (name === 'id' ? '999999' : 'no-such-thing'));
}

describe(`R147 every route refuses whoever lacks its permission, on ${testEngine}`, () => {
  let t: TestApp;
  const sessions = new Map<AccountRole, TestSession>();
  let routes: Array<{ method: string; url: string; access: RouteAccess }>;

  beforeAll(async () => {
    t = await createTestApp({ today: '2025-06-02', securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    for (const role of ACCOUNT_ROLES) sessions.set(role, await signInAs(t.app, DEMO_USER[role]));
    routes = t.app.apiRoutes.filter((route) => route.method !== 'HEAD');
  });
  afterAll(() => t.close());

  const call = (route: { method: string; url: string }, headers: Record<string, string> = {}) =>
    t.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers });

  it('covers the routes of every module, public and protected', () => {
    expect(routes.filter((r) => r.access === 'public').length).toBeGreaterThan(5);
    expect(routes.filter((r) => r.access !== 'public').length).toBeGreaterThan(10);
  });

  it('an anonymous caller reaches only public routes: every other answers 401', async () => {
    for (const route of routes) {
      const response = await call(route);
      const label = `${route.method} ${route.url}`;
      if (route.access === 'public') expect(response.statusCode, label).not.toBe(401);
      else expect(response.json(), label).toMatchObject({ error: 'UNAUTHENTICATED' });
    }
  });

  it('an encoded or differently spelled path reaches no protected route: every spelling answers 401 or 404', async () => {
    // The router decodes `%61` and collapses nothing else; a check made on the raw URL would wave these through.
    const spellings = (url: string) => [
      url.replace('/api/', '/%61pi/'),
      url.replace('/v1/', '/%76%31/'),
      url.replace(/\/([a-z])/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
    ];
    for (const route of routes.filter((r) => r.access !== 'public')) {
      for (const url of spellings(concrete(route.url))) {
        const response = await t.app.inject({ method: route.method as 'GET', url });
        expect([401, 404], `${route.method} ${url}`).toContain(response.statusCode);
      }
    }
  });

  it('each role is refused with 403 every route whose permission it does not hold', async () => {
    for (const role of ACCOUNT_ROLES) {
      const held = new Set<string>(ROLE_PERMISSIONS[role]);
      const session = sessions.get(role);
      if (!session) throw new Error(`no session for ${role}`);
      for (const route of routes) {
        if (route.access === 'public' || held.has(route.access.permission)) continue;
        const response = await call(route, session.headers);
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(response.json().error).toBe('FORBIDDEN');
      }
    }
  });

  it('each role reaches the read routes of the permissions it holds', async () => {
    for (const role of ACCOUNT_ROLES) {
      const held = new Set<string>(ROLE_PERMISSIONS[role]);
      const session = sessions.get(role);
      if (!session) throw new Error(`no session for ${role}`);
      for (const route of routes) {
        if (route.method !== 'GET' || route.access === 'public' || !held.has(route.access.permission))
          continue;
        const response = await call(route, session.headers);
        // R75: the subject's own data also needs a verified session, a refusal of its own kind.
        const error = response.statusCode >= 400 ? response.json().error : null;
        expect(['UNAUTHENTICATED', 'FORBIDDEN'], `${role} ${route.method} ${route.url}`).not.toContain(error);
      }
    }
  });

  it('a provider account cannot reach any center endpoint', async () => {
    const provider = sessions.get('provider');
    const center = routes.filter((r) => r.url.startsWith('/api/v1/admin/'));
    expect(center.length).toBeGreaterThan(5);
    for (const route of center) {
      expect((await call(route, provider?.headers)).statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });
});
