import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { HttpProblem } from '../../http/errors.ts';
import type { Platform } from '../../platform/context.ts';
import { checkpointDocument } from './checkpoint.ts';
import { proveConsistency, proveInclusion } from './proofs.ts';
import { checkpointAt, eventBySeq, latestCheckpoint } from './store.ts';

const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });
const HashAlgorithm = Type.Union([Type.Literal('sm3'), Type.Literal('sha256')]);

const Checkpoint = Type.Object({
  format: Type.Literal('gongxin-audit-checkpoint/v1'),
  treeSize: Type.Integer(),
  rootHash: Hash,
  hashAlgorithm: HashAlgorithm,
  signedAt: Type.String(),
  keyId: Type.String(),
  signatureAlgorithm: Type.Union([Type.Literal('sm2'), Type.Literal('ed25519')]),
  sm2UserId: Type.Optional(Type.String()),
  publicKey: Type.String(),
  signedBody: Type.String(),
  signature: Type.String(),
});

const InclusionProof = Type.Object({
  format: Type.Literal('gongxin-audit-inclusion/v1'),
  seq: Type.Integer(),
  treeSize: Type.Integer(),
  hashAlgorithm: HashAlgorithm,
  leafHash: Hash,
  auditPath: Type.Array(Hash),
  rootHash: Hash,
});

const ConsistencyProof = Type.Object({
  format: Type.Literal('gongxin-audit-consistency/v1'),
  fromSize: Type.Integer(),
  toSize: Type.Integer(),
  hashAlgorithm: HashAlgorithm,
  fromRoot: Hash,
  toRoot: Hash,
  proof: Type.Array(Hash),
});

const LoggedEvent = Type.Object({
  seq: Type.Integer(),
  id: Type.Integer(),
  occurredAt: Type.String(),
  actor: Type.String(),
  organizationCode: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  payloadHash: Type.String(),
  detail: Type.String(),
});

const TreeSize = Type.Integer({
  minimum: 1,
  description: '日志条目数（默认最新检查点）/ tree size, the latest checkpoint by default',
});

const notFound = (message: string) => new HttpProblem(404, 'NOT_FOUND', message);

/**
 * The audit log's public face: signed checkpoints and RFC 6962 proofs reveal hashes only, so anyone may
 * fetch them and check the log for themselves; event content needs `audit.read`.
 */
export function auditRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/audit/checkpoints/latest',
      {
        config: { access: 'public' },
        schema: {
          tags: ['audit'],
          summary: '最新的已签名检查点 / the latest signed checkpoint of the audit log',
          response: { 200: Checkpoint },
        },
      },
      async () => {
        const row = await latestCheckpoint(platform.db);
        if (!row) throw notFound('尚无签名检查点 / no checkpoint has been signed yet');
        return checkpointDocument(row);
      },
    );

    app.get<{ Params: { treeSize: number } }>(
      '/api/v1/audit/checkpoints/:treeSize',
      {
        config: { access: 'public' },
        schema: {
          tags: ['audit'],
          summary: '指定条目数的已签名检查点 / the signed checkpoint of a tree size',
          params: Type.Object({ treeSize: TreeSize }),
          response: { 200: Checkpoint },
        },
      },
      async (request) => {
        const row = await checkpointAt(platform.db, request.params.treeSize);
        if (!row) throw notFound(`没有 ${request.params.treeSize} 条时的检查点 / no checkpoint at that size`);
        return checkpointDocument(row);
      },
    );

    app.get<{ Querystring: { seq: number; treeSize?: number } }>(
      '/api/v1/audit/proofs/inclusion',
      {
        config: { access: 'public' },
        schema: {
          tags: ['audit'],
          summary: '包含证明（RFC 6962）/ inclusion proof of an entry against a tree size',
          querystring: Type.Object({ seq: Type.Integer({ minimum: 0 }), treeSize: Type.Optional(TreeSize) }),
          response: { 200: InclusionProof },
        },
      },
      (request) => proveInclusion(platform.db, request.query.seq, request.query.treeSize),
    );

    app.get<{ Querystring: { from: number; to?: number } }>(
      '/api/v1/audit/proofs/consistency',
      {
        config: { access: 'public' },
        schema: {
          tags: ['audit'],
          summary: '一致性证明（RFC 6962）/ consistency proof between two tree sizes',
          querystring: Type.Object({ from: TreeSize, to: Type.Optional(TreeSize) }),
          response: { 200: ConsistencyProof },
        },
      },
      (request) => proveConsistency(platform.db, request.query.from, request.query.to),
    );

    app.get<{ Params: { seq: number } }>(
      '/api/v1/audit/entries/:seq',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags: ['audit'],
          summary: '日志条目的事件内容（非公开）/ the event logged at a sequence number (not public)',
          params: Type.Object({ seq: Type.Integer({ minimum: 0 }) }),
          response: { 200: LoggedEvent },
        },
      },
      async (request) => {
        const event = await eventBySeq(platform.db, request.params.seq);
        if (!event)
          throw notFound(`没有序号 ${request.params.seq} 的条目 / no entry at that sequence number`);
        return { seq: request.params.seq, ...event };
      },
    );
  };
}
