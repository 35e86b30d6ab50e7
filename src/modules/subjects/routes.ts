import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { principalOf } from '../../http/principal.ts';
import type { Platform } from '../../platform/context.ts';
import { runUseCase } from '../../platform/context.ts';
import { districtName } from './district-name.ts';
import { linkIdentityDocument } from './link-identity-document.ts';
import { lookUpSubject } from './look-up-subject.ts';
import {
  LinkDocumentBody,
  LinkedDocumentResult,
  PublicSubjectQuery,
  PublicSubjectResults,
  SubjectCodeParams,
  SubjectLookup,
} from './schemas.ts';
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
          totalExact: result.totalExact,
          items: result.items.map((item) => ({
            code: item.subjectCode,
            name: item.name,
            kind: item.kind,
            districtName: districtName(item.divisionCode),
          })),
        };
      },
    );

    app.get<{ Params: Static<typeof SubjectCodeParams> }>(
      '/api/v1/admin/subjects/:code',
      {
        config: { access: { permission: 'subjects.manage' } },
        schema: {
          tags: ['center'],
          summary: '按信用代码或已关联证件查找信用主体 / look a subject up by any of its codes (R41)',
          params: SubjectCodeParams,
          response: { 200: SubjectLookup },
        },
      },
      (request) =>
        runUseCase(
          platform,
          principalOf(request).actor,
          (ctx) => lookUpSubject(ctx, request.params),
          request.id,
        ),
    );

    app.post<{ Params: Static<typeof SubjectCodeParams>; Body: Static<typeof LinkDocumentBody> }>(
      '/api/v1/admin/subjects/:code/identity-documents',
      {
        config: { access: { permission: 'subjects.manage' } },
        schema: {
          tags: ['center'],
          summary: '将护照等身份证件关联到自然人信用代码 / link an identity document to a person (R41)',
          params: SubjectCodeParams,
          body: LinkDocumentBody,
          response: { 200: LinkedDocumentResult },
        },
      },
      (request) =>
        runUseCase(
          platform,
          principalOf(request).actor,
          (ctx) => linkIdentityDocument(ctx, { subjectCode: request.params.code, ...request.body }),
          request.id,
        ),
    );
  };
}
