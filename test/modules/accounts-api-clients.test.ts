import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { type ManualClock, manualClock, signInAs, type TestSession } from '../support/sessions.ts';

describe(`API clients and client-credentials tokens on ${testEngine}`, () => {
  let t: TestApp;
  let clock: ManualClock;
  let admin: TestSession;
  beforeAll(async () => {
    clock = manualClock(new Date('2025-06-02T01:00:00Z'));
    t = await createTestApp({ clock, securityEnv: { GONGXIN_TOKEN_TTL_SECONDS: '600' } });
    admin = await signInAs(t.app, 'center');
  });
  afterAll(() => t.close());

  async function createClient(organizationCode: string, scopes: string[]) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-clients',
      headers: admin.headers,
      payload: { organizationCode, name: '业务系统', scopes },
    });
    return response;
  }

  function requestToken(form: Record<string, string>, headers: Record<string, string> = {}) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams(form).toString(),
    });
  }

  it('creates a client whose secret is answered once and never listed', async () => {
    const created = await createClient('XM-CENTER', ['alerts.read', 'organization.self.read']);
    expect(created.statusCode).toBe(201);
    const { client, clientSecret } = created.json();
    expect(client.clientId).toMatch(/^gxc_[\w-]{16}$/);
    expect(clientSecret).toMatch(/^gxs_[\w-]{43}$/);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/api-clients',
      headers: admin.headers,
    });
    expect(listed.json()).toEqual([client]);
    expect(listed.body).not.toContain(clientSecret);
    const stored = await t.database.db
      .selectFrom('api_client')
      .select('secret_hash')
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses scopes the organization may not grant, naming the field', async () => {
    const refused = await createClient('XM-SCJG', ['alerts.read']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('scopes');
    expect((await createClient('XM-SCJG', ['accounts.manage'])).statusCode).toBe(400);
  });

  it('issues a short-lived JWT for the right secret (form or HTTP Basic) and refuses a wrong one', async () => {
    const { client, clientSecret } = (await createClient('XM-CENTER', ['alerts.read'])).json();
    const token = await requestToken({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
    });
    expect(token.statusCode).toBe(200);
    expect(token.headers['cache-control']).toBe('no-store');
    expect(token.json()).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'alerts.read' });
    const basic = Buffer.from(`${client.clientId}:${clientSecret}`).toString('base64');
    expect(
      (await requestToken({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` }))
        .statusCode,
    ).toBe(200);
    const wrong = await requestToken({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: `${clientSecret}x`,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: 'invalid_client' });
    expect((await requestToken({ grant_type: 'password' })).json()).toEqual({
      error: 'unsupported_grant_type',
    });
    const tooMuch = await requestToken({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
      scope: 'alerts.read organization.self.read',
    });
    expect(tooMuch.json()).toEqual({ error: 'invalid_scope' });
  });

  it('a bearer token reaches what its scopes allow, nothing else, needs no CSRF token, and expires', async () => {
    const { client, clientSecret } = (await createClient('XM-CENTER', ['alerts.read'])).json();
    const { access_token: accessToken } = (
      await requestToken({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: clientSecret,
      })
    ).json();
    const bearer = { authorization: `Bearer ${accessToken}` };
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/admin/alerts', headers: bearer })).statusCode,
    ).toBe(200);
    const session = (await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).json();
    expect(session).toMatchObject({
      role: 'api_client',
      permissions: ['alerts.read'],
      organization: { code: 'XM-CENTER' },
    });
    expect(session.csrfToken).toBeUndefined();
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/v1/admin/accounts', headers: bearer });
    expect(forbidden.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/organization', headers: bearer })).statusCode,
    ).toBe(403);

    clock.advance(11);
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/admin/alerts', headers: bearer });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toBe('INVALID_TOKEN');
  });

  it('revoking a client stops its unexpired tokens at once', async () => {
    const { client, clientSecret } = (await createClient('XM-SCJG', ['organization.self.read'])).json();
    const { access_token: accessToken } = (
      await requestToken({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: clientSecret,
      })
    ).json();
    const bearer = { authorization: `Bearer ${accessToken}` };
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/me/organization', headers: bearer });
    expect(own.json()).toMatchObject({ code: 'XM-SCJG', apiClients: [{ clientId: client.clientId }] });
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/api-clients/${client.clientId}/revoke`,
      headers: admin.headers,
    });
    expect(revoked.json().status).toBe('revoked');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/organization', headers: bearer })).statusCode,
    ).toBe(401);
    const again = await requestToken({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
    });
    expect(again.statusCode).toBe(401);
  });

  it('a forged or tampered token is refused', async () => {
    for (const token of ['not-a-jwt', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/alerts',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(401);
    }
  });
});
