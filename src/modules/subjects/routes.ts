import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { districtName } from './district-name.ts';
import { PublicSubjectQuery, PublicSubjectResults } from './schemas.ts';
import { searchPublicSubjects } from './search-public-subjects.ts';

export function subjectRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: Static<typeof PublicSubjectQuery> }>(
      '/api/v1/public/subjects',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '按名称或统一社会信用代码查找组织 / Find organizations by name or USCC',
          querystring: PublicSubjectQuery,
          response: { 200: PublicSubjectResults },
        },
      },
      async (request) => {
        const result = await searchPublicSubjects(platform.db, request.query);
        return {
          total: result.total,
          items: result.items.map((item) => ({
            code: item.subjectCode,
            name: item.name,
            kind: item.kind,
            districtName: districtName(item.divisionCode),
          })),
        };
      },
    );
  };
}
