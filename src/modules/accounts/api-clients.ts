import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { hashSecret, randomToken } from '../../platform/security/secrets.ts';
import { apiClientScopesFor } from './permissions.ts';
import { type ApiClientView, presentApiClient } from './presenters.ts';
import {
  findApiClient,
  findOrganization,
  insertApiClient,
  listApiClients,
  revokeApiClient,
} from './store.ts';

export class ApiClientNotFoundError extends Error {
  constructor(readonly clientId: string) {
    super(`no API client ${clientId}`);
    this.name = 'ApiClientNotFoundError';
  }
}

/**
 * The center registers a business system of an organization (002 第九条: embedded interface calls). The
 * secret is answered once and stored only as its argon2id hash.
 */
export async function createApiClient(
  ctx: UseCaseContext,
  input: { organizationCode: string; name: string; scopes: string[] },
): Promise<{ client: ApiClientView; clientSecret: string }> {
  const organization = await findOrganization(ctx.db, input.organizationCode);
  if (!organization) throw new InvalidInputError('organizationCode', '单位不存在', 'no such organization');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 64) {
    throw new InvalidInputError('name', '请填写 1–64 个字符的系统名称', '1–64 characters');
  }
  const allowed = apiClientScopesFor(organization.kind);
  const scopes = [...new Set(input.scopes)];
  const refused = scopes.filter((scope) => !allowed.some((permission) => permission === scope));
  if (scopes.length === 0 || refused.length > 0) {
    throw new InvalidInputError(
      'scopes',
      `该单位的接口客户端只能授予：${allowed.join('、')}`,
      `a client of ${organization.code} may be granted only: ${allowed.join(', ')}`,
    );
  }
  const clientId = `gxc_${randomToken(12)}`;
  const clientSecret = `gxs_${randomToken(32)}`;
  await insertApiClient(ctx.db, {
    clientId,
    organizationCode: organization.code,
    name,
    scopes,
    secretHash: await hashSecret(clientSecret),
    createdAt: ctx.clock.now(),
    createdBy: ctx.actor.id,
  });
  await ctx.audit.record({
    action: 'api_client.create',
    objectType: 'api_client',
    objectId: clientId,
    payload: { clientId, organizationCode: organization.code, name, scopes },
    detail: { organizationCode: organization.code, scopes },
  });
  const created = await findApiClient(ctx.db, clientId);
  if (!created) throw new Error(`API client ${clientId} vanished inside its own transaction`);
  return { client: presentApiClient(created), clientSecret };
}

/** Revokes a client: its tokens stop working at once (the access layer checks the client on every call). */
export async function revokeClient(ctx: UseCaseContext, input: { clientId: string }): Promise<ApiClientView> {
  const client = await findApiClient(ctx.db, input.clientId);
  if (!client) throw new ApiClientNotFoundError(input.clientId);
  if (client.status === 'active') {
    await revokeApiClient(ctx.db, client.clientId, ctx.clock.now(), ctx.actor.id);
    await ctx.audit.record({
      action: 'api_client.revoke',
      objectType: 'api_client',
      objectId: client.clientId,
      payload: input,
      detail: { organizationCode: client.organizationCode },
    });
  }
  const revoked = await findApiClient(ctx.db, client.clientId);
  return presentApiClient(revoked ?? client);
}

/** API clients, all of them or one organization's. */
export async function listClients(
  ctx: UseCaseContext,
  input: { organizationCode: string | null },
): Promise<ApiClientView[]> {
  return (await listApiClients(ctx.db, input.organizationCode)).map(presentApiClient);
}
