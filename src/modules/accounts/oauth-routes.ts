import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymousActor, type Platform, runUseCase } from '../../platform/context.ts';
import type { AccessTokens } from '../../platform/security/access-tokens.ts';
import { issueAccessToken } from './issue-access-token.ts';
import { OAuthError, TokenRequest, TokenResponse } from './schemas.ts';

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or from the form body. */
function clientCredentials(
  request: FastifyRequest,
  body: { client_id?: string; client_secret?: string },
): { clientId: string; clientSecret: string } | null {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  }
  return body.client_id && body.client_secret
    ? { clientId: body.client_id, clientSecret: body.client_secret }
    : null;
}

/**
 * The OAuth2 token endpoint for organizations' business systems (002 第九条 嵌入式接口调用). Only this
 * encapsulated plugin parses form bodies, as RFC 6749 requires here; every other route takes JSON only,
 * which a cross-site HTML form cannot send.
 */
export function oauthRoutes(platform: Platform, tokens: AccessTokens, rateLimit: number) {
  return async (app: FastifyInstance) => {
    await app.register(fastifyFormbody);
    app.post(
      '/api/v1/oauth/token',
      {
        config: { access: 'public', rateLimit: { max: rateLimit, timeWindow: 60_000 } },
        schema: {
          tags: ['oauth'],
          summary: '接口访问令牌（OAuth2 客户端凭证）/ Access token (OAuth2 client credentials)',
          consumes: ['application/x-www-form-urlencoded'],
          body: TokenRequest,
          response: { 200: TokenResponse, 400: OAuthError, 401: OAuthError },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const body = request.body as {
          grant_type: string;
          client_id?: string;
          client_secret?: string;
          scope?: string;
        };
        if (body.grant_type !== 'client_credentials') {
          return reply.code(400).send({ error: 'unsupported_grant_type' });
        }
        const credentials = clientCredentials(request, body);
        if (!credentials) return reply.code(401).send({ error: 'invalid_client' });
        const result = await runUseCase(
          platform,
          anonymousActor,
          (ctx) => issueAccessToken(ctx, { ...credentials, scope: body.scope ?? null }, tokens),
          request.id,
        );
        if (!result.ok)
          return reply.code(result.error === 'invalid_client' ? 401 : 400).send({ error: result.error });
        return {
          access_token: result.accessToken,
          token_type: 'Bearer' as const,
          expires_in: result.expiresIn,
          scope: result.scope,
        };
      },
    );
  };
}
