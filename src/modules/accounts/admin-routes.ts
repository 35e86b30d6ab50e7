import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../../http/principal.ts';
import { type Platform, runUseCase } from '../../platform/context.ts';
import { AccountNotFoundError, resetPassword, setAccountStatus } from './administer-account.ts';
import { ApiClientNotFoundError, createApiClient, listClients, revokeClient } from './api-clients.ts';
import { type CreateAccountInput, createAccount } from './create-account.ts';
import { listAccountsForAdministration, listAllOrganizations } from './list-accounts.ts';
import { presentAccount } from './presenters.ts';
import {
  AccountIdParams,
  AccountView,
  AccountWithPassword,
  ApiClientView,
  ApiClientWithSecret,
  ClientIdParams,
  CreateAccount,
  CreateApiClient,
  OrganizationList,
  Problem,
} from './schemas.ts';

const actorOf = (request: FastifyRequest) => principalOf(request).actor;

async function orNotFound<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountNotFoundError || error instanceof ApiClientNotFoundError) {
      return reply.code(404).send({ error: 'NOT_FOUND', message: `未找到 / ${error.message}` });
    }
    throw error;
  }
}

/** The center's administration of accounts and API clients. */
export function adminAccountRoutes(platform: Platform, sso: { issuer: string } | null) {
  return async (app: FastifyInstance) => {
    const tags = ['center'];

    app.get(
      '/api/v1/admin/organizations',
      {
        config: { access: { permission: 'organizations.read' } },
        schema: { tags, summary: '单位名录 / All organizations', response: { 200: OrganizationList } },
      },
      (request) => runUseCase(platform, actorOf(request), listAllOrganizations, request.id),
    );

    app.get(
      '/api/v1/admin/accounts',
      {
        config: { access: { permission: 'accounts.manage' } },
        schema: { tags, summary: '账号列表 / All accounts', response: { 200: Type.Array(AccountView) } },
      },
      (request) => runUseCase(platform, actorOf(request), listAccountsForAdministration, request.id),
    );

    app.post(
      '/api/v1/admin/accounts',
      {
        config: { access: { permission: 'accounts.manage' } },
        schema: {
          tags,
          summary: '创建账号（返回一次性临时密码）/ Create an account',
          body: CreateAccount,
          response: { 201: AccountWithPassword },
        },
      },
      async (request, reply) => {
        const created = await runUseCase(
          platform,
          actorOf(request),
          (ctx) => createAccount(ctx, request.body as CreateAccountInput, sso),
          request.id,
        );
        return reply.code(201).send({
          account: presentAccount(created.account, platform.clock.today(), 'masked'),
          temporaryPassword: created.temporaryPassword,
        });
      },
    );

    for (const [action, status] of [
      ['disable', 'disabled'],
      ['enable', 'active'],
    ] as const) {
      app.post(
        `/api/v1/admin/accounts/:id/${action}`,
        {
          config: { access: { permission: 'accounts.manage' } },
          schema: {
            tags,
            summary: action === 'disable' ? '停用账号 / Disable an account' : '启用账号 / Enable an account',
            params: AccountIdParams,
            response: { 200: AccountView, 404: Problem },
          },
        },
        (request, reply) =>
          orNotFound(reply, async () => {
            const { id } = request.params as { id: number };
            const account = await runUseCase(
              platform,
              actorOf(request),
              (ctx) => setAccountStatus(ctx, { accountId: id, status }),
              request.id,
            );
            return presentAccount(account, platform.clock.today(), 'masked');
          }),
      );
    }

    app.post(
      '/api/v1/admin/accounts/:id/reset-password',
      {
        config: { access: { permission: 'accounts.manage' } },
        schema: {
          tags,
          summary: '重置密码（返回一次性临时密码）/ Reset a password',
          params: AccountIdParams,
          response: { 200: AccountWithPassword, 404: Problem },
        },
      },
      (request, reply) =>
        orNotFound(reply, async () => {
          const { id } = request.params as { id: number };
          const reset = await runUseCase(
            platform,
            actorOf(request),
            (ctx) => resetPassword(ctx, { accountId: id }),
            request.id,
          );
          return {
            account: presentAccount(reset.account, platform.clock.today(), 'masked'),
            temporaryPassword: reset.temporaryPassword,
          };
        }),
    );

    app.get(
      '/api/v1/admin/api-clients',
      {
        config: { access: { permission: 'api_clients.manage' } },
        schema: {
          tags,
          summary: '接口客户端列表 / All API clients',
          response: { 200: Type.Array(ApiClientView) },
        },
      },
      (request) =>
        runUseCase(
          platform,
          actorOf(request),
          (ctx) => listClients(ctx, { organizationCode: null }),
          request.id,
        ),
    );

    app.post(
      '/api/v1/admin/api-clients',
      {
        config: { access: { permission: 'api_clients.manage' } },
        schema: {
          tags,
          summary: '创建接口客户端（密钥只显示一次）/ Create an API client',
          body: CreateApiClient,
          response: { 201: ApiClientWithSecret },
        },
      },
      async (request, reply) => {
        const body = request.body as { organizationCode: string; name: string; scopes: string[] };
        const created = await runUseCase(
          platform,
          actorOf(request),
          (ctx) => createApiClient(ctx, body),
          request.id,
        );
        return reply.code(201).send(created);
      },
    );

    app.post(
      '/api/v1/admin/api-clients/:clientId/revoke',
      {
        config: { access: { permission: 'api_clients.manage' } },
        schema: {
          tags,
          summary: '吊销接口客户端 / Revoke an API client',
          params: ClientIdParams,
          response: { 200: ApiClientView, 404: Problem },
        },
      },
      (request, reply) =>
        orNotFound(reply, () => {
          const { clientId } = request.params as { clientId: string };
          return runUseCase(platform, actorOf(request), (ctx) => revokeClient(ctx, { clientId }), request.id);
        }),
    );
  };
}
