import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { principalOf } from '../../http/principal.ts';
import { type Platform, runUseCase } from '../../platform/context.ts';
import type { Permission } from '../accounts/permissions.ts';
import { querierOf } from '../disclosure/querier.ts';
import { approveBatchAgency } from './approve-batch-agency.ts';
import { listBatchApprovals } from './list-batch-approvals.ts';
import { readBatchAccess } from './read-batch-access.ts';
import { readBatchQuery } from './read-batch-query.ts';
import { batchResultsCsv } from './results-file.ts';
import { runBatchQuery } from './run-batch-query.ts';
import {
  ApprovalBody,
  ApprovalListSchema,
  ApprovalSchema,
  BatchAccessSchema,
  BatchBody,
  BatchParams,
  BatchSchema,
  GovernmentBatchBody,
} from './schemas.ts';
import type { BatchQuery } from './store.ts';
import { type BatchDeclaration, submitBatchQuery } from './submit-batch-query.ts';

function presentBatch(batch: BatchQuery, prefix: string) {
  return {
    ...batch,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    resultsUrl: `${prefix}/${batch.batchId}/results.csv`,
  };
}

/**
 * The routes a party pulls batches through: its access, submitting a list, a batch's progress and its results
 * file. The batch port's parties (信用服务机构, 征信机构, 金融机构) use `/api/v1/agency` under `batch.query`;
 * government units, whose accounts and business systems hold government queries, use `/api/v1/gov` under
 * `records.gov.query` and declare a purpose as on a single government query (004 第二十条, 第二十五条).
 */
function pullRoutes(
  app: FastifyInstance,
  platform: Platform,
  channel: { tag: 'agency' | 'gov'; permission: Permission; declares: boolean },
) {
  const prefix = `/api/v1/${channel.tag}/batches`;
  const access = { access: { permission: channel.permission } };

  app.get(
    `/api/v1/${channel.tag}/batch-access`,
    {
      config: access,
      schema: {
        tags: [channel.tag],
        summary: '本单位的批量查询批准或信息共享协议 / own batch approval or sharing agreement',
        response: { 200: BatchAccessSchema },
      },
    },
    async (request) => readBatchAccess(platform, { organizationCode: principalOf(request).organizationCode }),
  );

  // The batch port's body is the government units' without the declaration; each route validates its own.
  app.post<{ Body: Static<typeof BatchBody> & Partial<Static<typeof GovernmentBatchBody>> }>(
    prefix,
    {
      config: access,
      schema: {
        tags: [channel.tag],
        summary: channel.declares
          ? '信息批量交换：提交主体名单（异步处理） / batch exchange: submit a list of subjects'
          : '提交批量查询名单（异步处理） / submit a batch of subjects (processed in the background)',
        body: channel.declares ? GovernmentBatchBody : BatchBody,
        response: { 200: BatchSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { body } = request;
      const viaApi = principal.apiClient !== null;
      const declaration: BatchDeclaration | undefined = channel.declares
        ? {
            scenario: body.scenario ?? null,
            scenarioBasis: body.scenarioBasis ?? null,
            channel: viaApi ? 'API' : 'ONLINE',
            operator: viaApi ? (body.operator ?? null) : (principal.account?.username ?? null),
            itemScope: principal.account?.itemScope ?? null,
          }
        : undefined;
      const batch = await runUseCase(
        platform,
        principal.actor,
        (ctx) =>
          submitBatchQuery(ctx, {
            organizationCode: principal.organizationCode,
            submittedBy: querierOf(principal).account,
            purpose: body.purpose,
            codes: body.codes,
            declaration,
          }),
        request.id,
      );
      // After the submission committed; a failure here leaves the rows for `gongxin jobs run` to finish.
      void runBatchQuery(platform, batch.batchId).catch((error: unknown) =>
        request.log.error({ err: error, batch: batch.batchId }, 'batch query stopped'),
      );
      return presentBatch(batch, prefix);
    },
  );

  app.get<{ Params: Static<typeof BatchParams> }>(
    `${prefix}/:id`,
    {
      config: access,
      schema: {
        tags: [channel.tag],
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
        prefix,
      ),
  );

  app.get<{ Params: Static<typeof BatchParams> }>(
    `${prefix}/:id/results.csv`,
    {
      config: access,
      schema: {
        tags: [channel.tag],
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
}

export function batchQueryRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: Static<typeof ApprovalBody> }>(
      '/api/v1/batch-approvals',
      {
        config: { access: { permission: 'batch.approve' } },
        schema: {
          tags: ['center'],
          summary:
            '登记批量查询批准（厦门）或信息共享协议（南通） / record a batch approval (XM) or sharing agreement (NT)',
          body: ApprovalBody,
          response: { 200: ApprovalSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return runUseCase(
          platform,
          principal.actor,
          (ctx) => approveBatchAgency(ctx, { ...request.body, approvedBy: querierOf(principal).account }),
          request.id,
        );
      },
    );

    app.get(
      '/api/v1/batch-approvals',
      {
        config: { access: { permission: 'batch.approve' } },
        schema: {
          tags: ['center'],
          summary: '批量查询的条件与已登记的批准或协议 / batch access terms and the grants recorded',
          response: { 200: ApprovalListSchema },
        },
      },
      async () => listBatchApprovals(platform),
    );

    pullRoutes(app, platform, { tag: 'agency', permission: 'batch.query', declares: false });
    pullRoutes(app, platform, { tag: 'gov', permission: 'records.gov.query', declares: true });
  };
}
