import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { rowFromObject } from '../../core/collection/row.ts';
import { HttpProblem } from '../../http/errors.ts';
import { principalOf } from '../../http/principal.ts';
import type { Actor, Platform } from '../../platform/context.ts';
import { batchReturns, storedReturns } from './batch-returns.ts';
import { type CollectTableInput, collectTable } from './collect-table.ts';
import { openTable, UnreadableFileError } from './files/open-table.ts';
import { writeReturnsXlsx } from './files/write-returns.ts';
import { listProviderBatches, readBatch } from './read-batch.ts';
import {
  BatchDetail,
  BatchDetailQuery,
  BatchList,
  BatchListQuery,
  BatchOutcome,
  BatchParams,
  RETURNS_SHOWN,
  SubmitBatchBody,
  UploadQuery,
} from './schemas.ts';
import { type BatchRow, listReturns } from './store.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Upload bodies are read as a stream, so a file of any length passes in bounded memory. */
const FILE_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.ms-excel', XLSX_TYPE];

function batchView(batch: BatchRow) {
  return {
    ...batch,
    receivedAt: batch.receivedAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}

/** The provider's answer to a submission: the counts and the first returned rows. */
async function submit(platform: Platform, actor: Actor, input: CollectTableInput, requestId: string) {
  const outcome = await collectTable(platform, actor, input, requestId);
  const returns = [];
  for await (const returned of batchReturns(platform.db, outcome.batch)) {
    if (returns.length === RETURNS_SHOWN) break;
    returns.push(returned);
  }
  return { ...outcome, returns, returnsTruncated: returns.length < outcome.returned };
}

function ownProvider(actor: Actor): string {
  if (!actor.organizationCode) throw new HttpProblem(403, 'NO_ORGANIZATION', '账号未关联信息提供单位');
  return actor.organizationCode;
}

async function sendReturnsFile(platform: Platform, reply: FastifyReply, batch: BatchRow) {
  const out = new PassThrough();
  async function* rows() {
    for await (const stored of storedReturns(platform.db, batch.id)) {
      yield {
        rowNumber: stored.rowNumber,
        cells: batch.columns.map((column) => stored.cells[column] ?? null),
        reasons: stored.reasons,
      };
    }
  }
  writeReturnsXlsx(out, batch.columns, rows()).catch((error: unknown) => out.destroy(error as Error));
  const name = `退回-${batch.itemCode}-批次${batch.id}.xlsx`;
  return reply
    .type(XLSX_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="returns-${batch.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(out);
}

export function collectionRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));

    app.post<{ Body: Static<typeof SubmitBatchBody> }>(
      '/api/v1/collection/batches',
      {
        config: { access: { permission: 'collection.submit' } },
        schema: {
          tags: ['provider'],
          summary: '以接口报送一批记录 / submit a batch of records (system integration)',
          body: SubmitBatchBody,
          response: { 200: BatchOutcome },
        },
      },
      (request) => {
        const { actor } = principalOf(request);
        const body = request.body;
        return submit(
          platform,
          actor,
          {
            itemCode: body.item,
            providerCode: ownProvider(actor),
            channel: 'api',
            fileName: null,
            headers: [],
            rows: body.rows.map((record, index) => ({ rowNumber: index + 1, ...rowFromObject(record) })),
            resubmits: body.resubmits ?? null,
          },
          request.id,
        );
      },
    );

    app.post<{ Querystring: Static<typeof UploadQuery> }>(
      '/api/v1/collection/uploads',
      {
        config: { access: { permission: 'collection.submit' } },
        schema: {
          tags: ['provider'],
          summary:
            '上传报送文件（CSV：UTF-8 或 GBK；XLSX） / upload a file of records (CSV in UTF-8 or GBK, XLSX)',
          querystring: UploadQuery,
          response: { 200: BatchOutcome },
        },
      },
      async (request) => {
        const { actor } = principalOf(request);
        const length = Number(request.headers['content-length']);
        let table: Awaited<ReturnType<typeof openTable>>;
        try {
          table = await openTable({
            fileName: request.query.fileName,
            stream: request.body as Readable,
            totalBytes: Number.isFinite(length) ? length : undefined,
          });
        } catch (error) {
          if (error instanceof UnreadableFileError) {
            throw new HttpProblem(400, 'UNREADABLE_FILE', error.message, [
              { field: 'file', reason: error.message },
            ]);
          }
          throw error;
        }
        try {
          const headers = table.headers;
          async function* rows() {
            for await (const row of table.rows) yield { ...row, headers };
          }
          return await submit(
            platform,
            actor,
            {
              itemCode: request.query.item,
              providerCode: ownProvider(actor),
              channel: 'file',
              fileName: table.fileName,
              headers,
              rows: rows(),
              resubmits: request.query.resubmits ?? null,
            },
            request.id,
          );
        } finally {
          await table.close();
        }
      },
    );

    const listRoute = (url: string, permission: 'collection.own.read' | 'collection.overview') =>
      app.get<{ Querystring: Static<typeof BatchListQuery> }>(
        url,
        {
          config: { access: { permission } },
          schema: {
            tags: [permission === 'collection.overview' ? 'center' : 'provider'],
            summary:
              permission === 'collection.overview'
                ? '各信息提供单位的报送批次 / every provider’s batches'
                : '本单位的报送批次 / own organization’s batches',
            querystring: BatchListQuery,
            response: { 200: BatchList },
          },
        },
        async (request) => {
          const actor = principalOf(request).actor;
          const page = await listProviderBatches(platform.db, {
            providerCode: permission === 'collection.overview' ? null : ownProvider(actor),
            limit: request.query.limit,
            offset: request.query.offset,
          });
          return { items: page.items.map(batchView), total: page.total };
        },
      );
    listRoute('/api/v1/collection/batches', 'collection.own.read');
    listRoute('/api/v1/collection/overview/batches', 'collection.overview');

    const detailRoute = (url: string, permission: 'collection.own.read' | 'collection.overview') =>
      app.get<{ Params: Static<typeof BatchParams>; Querystring: Static<typeof BatchDetailQuery> }>(
        url,
        {
          config: { access: { permission } },
          schema: {
            tags: [permission === 'collection.overview' ? 'center' : 'provider'],
            summary: '报送批次及其退回记录 / a batch and its returned rows',
            params: BatchParams,
            querystring: BatchDetailQuery,
            response: { 200: BatchDetail },
          },
        },
        async (request) => {
          const actor = principalOf(request).actor;
          const batch = await readBatch(platform.db, {
            batchId: request.params.id,
            providerCode: permission === 'collection.overview' ? null : ownProvider(actor),
          });
          const returns = await listReturns(platform.db, batch.id, {
            afterRow: request.query.afterRow,
            limit: request.query.limit,
          });
          return { batch: batchView(batch), returns };
        },
      );
    detailRoute('/api/v1/collection/batches/:id', 'collection.own.read');
    detailRoute('/api/v1/collection/overview/batches/:id', 'collection.overview');

    app.get<{ Params: Static<typeof BatchParams> }>(
      '/api/v1/collection/batches/:id/returns.xlsx',
      {
        config: { access: { permission: 'collection.own.read' } },
        schema: {
          tags: ['provider'],
          summary:
            '下载退回记录（按本单位原列，附退回原因，可修改后重新上传） / download the returned rows to fix and resubmit',
          params: BatchParams,
        },
      },
      async (request, reply) => {
        const batch = await readBatch(platform.db, {
          batchId: request.params.id,
          providerCode: ownProvider(principalOf(request).actor),
        });
        return sendReturnsFile(platform, reply, batch);
      },
    );
  };
}
