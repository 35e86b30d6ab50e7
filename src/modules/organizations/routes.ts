import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { principalOf } from '../../http/principal.ts';
import { type Platform, runUseCase } from '../../platform/context.ts';
import { runCatalogChange } from '../catalog/change-rules.ts';
import { problemOf } from '../catalog/routes.ts';
import { listProviders } from './list-providers.ts';
import { readRegistrationOptions } from './read-registration-options.ts';
import { registerProvider } from './register-provider.ts';
import {
  ProviderCodeParams,
  ProviderItems,
  ProviderItemsBody,
  ProviderList,
  RegisteredProvider,
  RegisterProviderBody,
  RegistrationOptions,
} from './schemas.ts';
import { setProviderItems } from './set-provider-items.ts';

export function organizationRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/providers',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary:
            '信息提供单位名录（含类型与归集渠道） / The information providers with their types and channels',
          response: { 200: ProviderList },
        },
      },
      () => listProviders(platform.db),
    );

    app.get(
      '/api/v1/providers/registration-options',
      {
        config: { access: { permission: 'providers.manage' } },
        schema: {
          tags: ['center'],
          summary:
            '本市规定允许的信息提供单位类型、归集渠道与行政区划 / provider types, channels and divisions the city allows',
          response: { 200: RegistrationOptions },
        },
      },
      () => readRegistrationOptions(platform),
    );

    app.post<{ Body: Static<typeof RegisterProviderBody> }>(
      '/api/v1/providers',
      {
        config: { access: { permission: 'providers.manage' } },
        schema: {
          tags: ['center'],
          summary:
            '登记信息提供单位（类型、归集渠道、行政区划） / register an information provider (R18, R19)',
          body: RegisterProviderBody,
          response: { 200: RegisteredProvider, 201: RegisteredProvider },
        },
      },
      async (request, reply) => {
        const registered = await runUseCase(
          platform,
          principalOf(request).actor,
          (ctx) => registerProvider(ctx, request.body),
          request.id,
        );
        return reply.code(registered.created ? 201 : 200).send(registered);
      },
    );

    app.put<{ Params: Static<typeof ProviderCodeParams>; Body: Static<typeof ProviderItemsBody> }>(
      '/api/v1/providers/:code/items',
      {
        // The catalog's own permission: this changes who may provide each item, as the catalog page does.
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '设置信息提供单位可报送的目录事项 / set the catalog items a provider may submit',
          params: ProviderCodeParams,
          body: ProviderItemsBody,
          response: { 200: ProviderItems },
        },
      },
      async (request) => {
        try {
          return await runCatalogChange(
            platform,
            principalOf(request).actor,
            (ctx) =>
              setProviderItems(ctx, { providerCode: request.params.code, itemCodes: request.body.itemCodes }),
            request.id,
          );
        } catch (error) {
          throw problemOf(request, error);
        }
      },
    );
  };
}
