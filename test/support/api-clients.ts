import type { FastifyInstance } from 'fastify';
import type { TestSession } from './sessions.ts';

/**
 * The center administrator registers an organization's business system (POST /api/v1/admin/api-clients) and
 * the system takes a client-credentials token: the headers its calls carry, and its client id.
 */
export async function apiClientHeaders(
  app: FastifyInstance,
  admin: TestSession,
  client: { organizationCode: string; name: string; scopes: string[] },
): Promise<{ clientId: string; headers: { authorization: string } }> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/api-clients',
    headers: admin.headers,
    payload: client,
  });
  if (created.statusCode !== 201) throw new Error(`creating the client answered ${created.body}`);
  const { client: registered, clientSecret } = created.json<{
    client: { clientId: string };
    clientSecret: string;
  }>();
  const token = await app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: registered.clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  if (token.statusCode !== 200) throw new Error(`the token request answered ${token.body}`);
  return {
    clientId: registered.clientId,
    headers: { authorization: `Bearer ${token.json<{ access_token: string }>().access_token}` },
  };
}
