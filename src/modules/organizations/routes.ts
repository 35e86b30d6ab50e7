import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { listProviders } from './list-providers.ts';
import { ProviderList } from './schemas.ts';

export function organizationRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/providers',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '信息提供单位名录 / The information providers',
          response: { 200: ProviderList },
        },
      },
      () => listProviders(platform.db),
    );
  };
}
