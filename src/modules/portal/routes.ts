import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { getPortalOverview } from './get-overview.ts';

const Overview = Type.Object({
  city: Type.Object({ code: Type.String(), name: Type.String(), portalName: Type.String() }),
  profile: Type.Object({
    id: Type.String(),
    versionId: Type.String(),
    effectiveFrom: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    effectiveTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    inForce: Type.Boolean({
      description: '该日是否在政策配置的有效期内 / whether the profile is in force today',
    }),
  }),
  counts: Type.Object({ providers: Type.Integer(), subjects: Type.Integer(), organizations: Type.Integer() }),
  today: Type.String({ format: 'date' }),
});

export function portalRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/public/overview',
      {
        config: { access: 'public' },
        schema: { tags: ['public'], summary: '门户概览 / Portal overview', response: { 200: Overview } },
      },
      () => getPortalOverview(platform),
    );
  };
}
