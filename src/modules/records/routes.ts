import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { principalOf } from '../../http/principal.ts';
import { type Platform, runUseCase } from '../../platform/context.ts';
import { querierOf } from '../disclosure/querier.ts';
import { readRecordVersions } from './list-record-versions.ts';
import { readCreditArchive } from './read-archive.ts';
import { refuseRecordEdit } from './refuse-record-edit.ts';
import {
  ArchiveParams,
  CreditArchive,
  RecordEditBody,
  RecordParams,
  RecordVersions,
  ReviewQuery,
  ReviewQueue,
} from './schemas.ts';
import { listFlaggedRecords } from './store.ts';

/** Marks that put a record in the center's review queue. */
const REVIEW_FLAGS = ['NON_STANDARD_IDENTIFIER', 'USCC_CHECK_FAILED_REVIEW'];

export function recordRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: Static<typeof ArchiveParams> }>(
      '/api/v1/subjects/:code/archive',
      {
        config: { access: { permission: 'records.archive.read' } },
        schema: {
          tags: ['center'],
          summary: '信用主体的信用档案：各信息提供单位报送的全部记录 / a subject’s credit archive',
          params: ArchiveParams,
          response: { 200: CreditArchive },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const archive = await runUseCase(
          platform,
          principal.actor,
          (ctx) => readCreditArchive(ctx, { code: request.params.code, querier: querierOf(principal) }),
          request.id,
        );
        return {
          ...archive,
          records: archive.records.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
        };
      },
    );

    app.get<{ Params: Static<typeof RecordParams> }>(
      '/api/v1/records/:subject/:id/versions',
      {
        config: { access: { permission: 'records.archive.read' } },
        schema: {
          tags: ['center'],
          summary: '记录的全部版本及来源 / every version of a record with its provenance',
          params: RecordParams,
          response: { 200: RecordVersions },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const versions = await runUseCase(
          platform,
          principal.actor,
          (ctx) =>
            readRecordVersions(ctx, {
              subjectCode: request.params.subject,
              recordId: request.params.id,
              querier: querierOf(principal),
            }),
          request.id,
        );
        return versions.map((v) => ({ ...v, submittedAt: v.submittedAt.toISOString() }));
      },
    );

    app.patch<{ Params: Static<typeof RecordParams>; Body: Static<typeof RecordEditBody> }>(
      '/api/v1/records/:subject/:id',
      {
        config: { access: { permission: 'records.correct' } },
        schema: {
          tags: ['center'],
          summary:
            '依异议或修复案件更正记录（无案件一律拒绝） / correct a record under a case (refused without one)',
          params: RecordParams,
          body: RecordEditBody,
        },
      },
      async (request) => {
        throw await runUseCase(
          platform,
          principalOf(request).actor,
          (ctx) =>
            refuseRecordEdit(ctx, {
              subjectCode: request.params.subject,
              recordId: request.params.id,
              caseId: request.body.caseId ?? null,
            }),
          request.id,
        );
      },
    );

    app.get<{ Querystring: Static<typeof ReviewQuery> }>(
      '/api/v1/collection/review',
      {
        config: { access: { permission: 'collection.overview' } },
        schema: {
          tags: ['center'],
          summary:
            '待中心复核的记录（非标准证件、未通过校验的登记机关代码） / records awaiting the center’s review',
          querystring: ReviewQuery,
          response: { 200: ReviewQueue },
        },
      },
      async (request) => {
        const rows = await listFlaggedRecords(platform.db, REVIEW_FLAGS, request.query);
        return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
      },
    );
  };
}
