import { Type } from 'typebox';
import { RETURN_REASONS } from '../../core/collection/validation.ts';

export const RETURNS_SHOWN = 200;
export const MAX_API_ROWS = 5_000;

const Cell = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const SubmitBatchBody = Type.Object({
  item: Type.String({ minLength: 1, maxLength: 32, description: '目录信息事项代码，如 XZCF' }),
  rows: Type.Array(Type.Record(Type.String(), Cell), {
    minItems: 1,
    maxItems: MAX_API_ROWS,
    description: '每条记录一个对象，键为字段代码（如 CF_WSH）或中文字段名（如 行政处罚决定书文号）',
  }),
  resubmits: Type.Optional(Type.Integer({ minimum: 1, description: '本次报送修正的原批次号' })),
});

export const UploadQuery = Type.Object({
  item: Type.String({ minLength: 1, maxLength: 32 }),
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
  resubmits: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const ReturnedRow = Type.Object({
  row: Type.Integer({ description: '数据行号，表头之后的第一行为 1' }),
  field: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union(RETURN_REASONS.map((reason) => Type.Literal(reason))),
  message: Type.String(),
});

export const BatchOutcome = Type.Object({
  batch: Type.Integer(),
  received: Type.Integer(),
  accepted: Type.Integer({ description: '新入库或更正（新版本）的记录数' }),
  unchanged: Type.Integer({ description: '与已入库记录完全相同的重复报送' }),
  returned: Type.Integer(),
  returns: Type.Array(ReturnedRow, { description: `前 ${RETURNS_SHOWN} 条退回原因；全部见退回文件` }),
  returnsTruncated: Type.Boolean(),
});

export const Batch = Type.Object({
  id: Type.Integer(),
  itemCode: Type.String(),
  itemVersion: Type.Integer(),
  providerCode: Type.String(),
  providerName: Type.String(),
  channel: Type.Union([Type.Literal('api'), Type.Literal('file'), Type.Literal('cli')]),
  fileName: Type.Union([Type.String(), Type.Null()]),
  columns: Type.Array(Type.String()),
  receivedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  status: Type.Union([Type.Literal('RUNNING'), Type.Literal('DONE'), Type.Literal('FAILED')]),
  failure: Type.Union([Type.String(), Type.Null()]),
  received: Type.Integer(),
  accepted: Type.Integer(),
  unchanged: Type.Integer(),
  returned: Type.Integer(),
  resubmits: Type.Union([Type.Integer(), Type.Null()]),
});

export const BatchList = Type.Object({ items: Type.Array(Batch), total: Type.Integer() });

export const BatchListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const BatchParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const BatchDetailQuery = Type.Object({
  afterRow: Type.Integer({ minimum: 0, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});

export const StoredReturnRow = Type.Object({
  rowNumber: Type.Integer(),
  cells: Type.Record(Type.String(), Cell),
  reasons: Type.Array(
    Type.Object({
      field: Type.Union([Type.String(), Type.Null()]),
      reason: Type.String(),
      message: Type.String(),
    }),
  ),
});

export const BatchDetail = Type.Object({ batch: Batch, returns: Type.Array(StoredReturnRow) });
