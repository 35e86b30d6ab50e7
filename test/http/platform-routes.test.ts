import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingAccessDeclarationError, registerAccessControl } from '../../src/http/access.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';

describe(`platform routes on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ today: '2025-06-01' });
  });
  afterAll(() => t.close());

  it('/healthz reports the configured today, the profile and the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      today: '2025-06-01',
      todayShifted: true,
      profile: 'xiamen',
    });
  });

  it('/readyz is ready when the database answers and no migration is pending', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ready: true, database: true, pendingMigrations: [] });
  });

  it('/metrics exposes request counters by route pattern', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(
      'gongxin_http_requests_total{method="GET",route="/healthz",status="200"}',
    );
  });

  it('/api/docs serves the OpenAPI document with every API route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    for (const route of t.app.apiRoutes) expect(paths).toContain(route.url.replace(/:(\w+)/g, '{$1}'));
  });

  it('every API route declares who may call it, and an anonymous caller reaches only public ones', async () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(0);
    for (const route of t.app.apiRoutes) {
      const response = await t.app.inject({ method: route.method as 'GET', url: route.url });
      if (route.access === 'public')
        expect(response.statusCode, `${route.method} ${route.url}`).not.toBe(401);
      else expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('a route without an access declaration stops the app from starting', async () => {
    const app = Fastify();
    registerAccessControl(app);
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(MissingAccessDeclarationError);
    await app.close();
  });

  it('a non-public route refuses the anonymous caller', async () => {
    const app = Fastify();
    registerAccessControl(app);
    app.get(
      '/api/v1/center-only',
      { config: { access: { permission: 'alerts.read' } } },
      async () => 'secret',
    );
    const response = await app.inject({ method: 'GET', url: '/api/v1/center-only' });
    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain('secret');
    await app.close();
  });

  it('unknown API paths answer 404 in JSON', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'NOT_FOUND' });
  });
});

describe(`public search and overview on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the overview counts the seeded providers and subjects', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/public/overview' })).json();
    expect(body.city).toMatchObject({ code: 'xiamen', name: '厦门市' });
    expect(body.counts.providers).toBeGreaterThanOrEqual(60);
    expect(body.counts.subjects).toBe(300);
    expect(body.counts.organizations).toBeLessThan(300);
  });

  it('finds organizations by a name fragment and by their code, never natural persons', async () => {
    const byName = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects?q=${encodeURIComponent('厦门')}` })
    ).json();
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((i: { kind: string }) => i.kind !== 'natural_person')).toBe(true);
    const first = byName.items[0];
    const byCode = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects?q=${first.code.toLowerCase()}` })
    ).json();
    expect(byCode.items[0]).toEqual(first);
  });

  it('a natural person cannot be found by name or ID number', async () => {
    const people = await t.database.db
      .selectFrom('subject')
      .select(['subject_code', 'name'])
      .where('kind', '=', 'natural_person')
      .limit(1)
      .execute();
    const person = people[0];
    expect(person).toBeDefined();
    for (const q of [person?.name ?? '', person?.subject_code ?? '']) {
      const body = (
        await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects?q=${encodeURIComponent(q)}` })
      ).json();
      expect(body.items.map((i: { code: string }) => i.code)).not.toContain(person?.subject_code);
    }
  });

  it('a one-character query is refused with the field and the reason, in Chinese by default', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/subjects?q=${encodeURIComponent('厦')}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ fields: [{ field: 'q', reason: '请至少输入 2 个字符' }] });
    const english = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/subjects?q=x',
      headers: { 'accept-language': 'en-US' },
    });
    expect(english.json().fields[0].reason).toBe('enter at least 2 characters');
  });

  it('the provider list is public and carries code and name', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/providers' })).json();
    expect(list.find((p: { name: string }) => p.name === '厦门市市场监督管理局')).toMatchObject({
      code: expect.any(String),
    });
  });
});
