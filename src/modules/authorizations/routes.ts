import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { runAsPrincipal } from '../../http/principal.ts';
import type { Platform } from '../../platform/context.ts';
import { querierOf, verifiedSubjectOf } from '../disclosure/querier.ts';
import { grantAuthorization } from './grant-authorization.ts';
import { listOwnAuthorizations } from './list-own-authorizations.ts';
import { revokeAuthorization } from './revoke-authorization.ts';
import { AuthorizationParams, AuthorizationSchema, GrantBody } from './schemas.ts';
import type { AuthorizationRow } from './store.ts';

export function presentAuthorization(row: AuthorizationRow) {
  return { ...row, createdAt: row.createdAt.toISOString(), revokedAt: row.revokedAt?.toISOString() ?? null };
}

export function authorizationRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/me/authorizations',
      {
        config: { access: { permission: 'subject.authorize' } },
        schema: {
          tags: ['subject'],
          summary: '我给出的查询授权 / the authorizations I gave',
          response: { 200: Type.Array(AuthorizationSchema) },
        },
      },
      async (request) => {
        const rows = await runAsPrincipal(platform, request, (ctx, principal) =>
          listOwnAuthorizations(ctx, { verifiedSubjectCode: verifiedSubjectOf(principal) }),
        );
        return rows.map(presentAuthorization);
      },
    );

    app.post<{ Body: Static<typeof GrantBody> }>(
      '/api/v1/me/authorizations',
      {
        config: { access: { permission: 'subject.authorize' } },
        schema: {
          tags: ['subject'],
          summary: '授权他人查询本主体的授权查询信息 / authorize a party to query my records',
          body: GrantBody,
          response: { 200: AuthorizationSchema },
        },
      },
      async (request) => {
        const row = await runAsPrincipal(platform, request, (ctx, principal) =>
          grantAuthorization(ctx, {
            ...request.body,
            verifiedSubjectCode: verifiedSubjectOf(principal),
            recordedBy: querierOf(principal).account,
          }),
        );
        return presentAuthorization(row);
      },
    );

    app.post<{ Params: Static<typeof AuthorizationParams> }>(
      '/api/v1/me/authorizations/:id/revoke',
      {
        config: { access: { permission: 'subject.authorize' } },
        schema: {
          tags: ['subject'],
          summary: '撤销授权 / revoke an authorization',
          params: AuthorizationParams,
          response: { 200: AuthorizationSchema },
        },
      },
      async (request) => {
        const row = await runAsPrincipal(platform, request, (ctx, principal) =>
          revokeAuthorization(ctx, {
            verifiedSubjectCode: verifiedSubjectOf(principal),
            authorizationId: request.params.id,
          }),
        );
        return presentAuthorization(row);
      },
    );
  };
}
