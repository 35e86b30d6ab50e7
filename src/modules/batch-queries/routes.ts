import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { principalOf } from '../../http/principal.ts';
import { type Platform, runUseCase } from '../../platform/context.ts';
import { querierOf } from '../disclosure/querier.ts';
import { approveBatchAgency } from './approve-batch-agency.ts';
import { readBatchQuery } from './read-batch-query.ts';
import { batchResultsCsv } from './results-file.ts';
import { runBatchQuery } from './run-batch-query.ts';
import type { BatchQuery } from './store.ts';
import { MAX_BATCH_SUBJECTS, submitBatchQuery } from './submit-batch-query.ts';

const Approval = Type.Object({
  approvalId: Type.String({ minLength: 1, maxLength: 60, description: '批准文号，如 BQ-2024-003' }),
  organizationCode: Type.String({ minLength: 1, maxLength: 40 }),
  scope: Type.String({ minLength: 1, maxLength: 500 }),
  validFrom: Type.String({ format: 'date' }),
  validUntil: Type.String({ format: 'date' }),
  securityConditions: Type.String({ minLength: 1, maxLength: 1000 }),
});

const BatchBody = Type.Object({
  purpose: Type.String({ minLength: 1, maxLength: 500 }),
  codes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
    minItems: 1,
    maxItems: MAX_BATCH_SUBJECTS,
  }),
});

const BatchParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const BatchSchema = Type.Object({
  batchId: Type.String(),
  approvalId: Type.String(),
  purpose: Type.String(),
  status: Type.String(),
  total: Type.Integer(),
  done: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resultsUrl: Type.String(),
});

function presentBatch(batch: BatchQuery) {
  return {
    ...batch,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    resultsUrl: `/api/v1/agency/batches/${batch.batchId}/results.csv`,
  };
}

export function batchQueryRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: Static<typeof Approval> }>(
      '/api/v1/batch-approvals',
      {
        config: { access: { permission: 'batch.approve' } },
        schema: {
          tags: ['center'],
          summary: '登记信用服务机构的批量查询批准 / record an agency’s batch approval',
          body: Approval,
          response: { 200: Approval },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const approval = await runUseCase(
          platform,
          principal.actor,
          (ctx) => approveBatchAgency(ctx, { ...request.body, approvedBy: querierOf(principal).account }),
          request.id,
        );
        return approval;
      },
    );

    app.post<{ Body: Static<typeof BatchBody> }>(
      '/api/v1/agency/batches',
      {
        config: { access: { permission: 'batch.query' } },
        schema: {
          tags: ['agency'],
          summary: '提交批量查询名单（异步处理） / submit a batch of subjects (processed in the background)',
          body: BatchBody,
          response: { 200: BatchSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const batch = await runUseCase(
          platform,
          principal.actor,
          (ctx) =>
            submitBatchQuery(ctx, {
              organizationCode: principal.organizationCode,
              submittedBy: querierOf(principal).account,
              ...request.body,
            }),
          request.id,
        );
        // After the submission committed; a failure here leaves the rows for `gongxin jobs run` to finish.
        void runBatchQuery(platform, batch.batchId).catch((error: unknown) =>
          request.log.error({ err: error, batch: batch.batchId }, 'batch query stopped'),
        );
        return presentBatch(batch);
      },
    );

    app.get<{ Params: Static<typeof BatchParams> }>(
      '/api/v1/agency/batches/:id',
      {
        config: { access: { permission: 'batch.query' } },
        schema: {
          tags: ['agency'],
          summary: '批量查询进度 / a batch’s progress',
          params: BatchParams,
          response: { 200: BatchSchema },
        },
      },
      async (request) =>
        presentBatch(
          await readBatchQuery(platform, {
            batchId: request.params.id,
            organizationCode: principalOf(request).organizationCode,
          }),
        ),
    );

    app.get<{ Params: Static<typeof BatchParams> }>(
      '/api/v1/agency/batches/:id/results.csv',
      {
        config: { access: { permission: 'batch.query' } },
        schema: {
          tags: ['agency'],
          summary: '批量查询结果文件（CSV） / the results file',
          params: BatchParams,
        },
      },
      async (request, reply) => {
        const batch = await readBatchQuery(platform, {
          batchId: request.params.id,
          organizationCode: principalOf(request).organizationCode,
        });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${batch.batchId}.csv"`)
          .send(Readable.from(batchResultsCsv(platform.db, batch.batchId)));
      },
    );
  };
}
