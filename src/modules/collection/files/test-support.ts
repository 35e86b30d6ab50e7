import { Readable } from 'node:stream';
import { mapHeaders } from '../../../core/collection/headers.ts';
import { PENALTY_ITEM } from '../../../core/collection/penalty-item.test-support.ts';
import { parseRow } from '../../../core/collection/row.ts';
import { openTable, type TableSource } from './open-table.ts';

/** The column titles of the test penalty item, as a provider's file heads its columns. */
export const PENALTY_TITLES = [
  '行政处罚决定书文号',
  '行政相对人名称',
  '统一社会信用代码',
  '处罚决定日期',
  '罚款金额（万元）',
  '程序类型',
];

/** The first three cells of a penalty row, the same in every format. */
export const PENALTY_ROW_START = ['厦工罚〔2024〕12号', '厦门市思明区某某餐饮店', '92350203MA2Y0AB1XK'];

/** A byte stream delivering `bytes` in chunks of `chunkSize`, as an upload arrives. */
export function streamOf(bytes: Buffer, chunkSize = 1024): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    chunks.push(bytes.subarray(offset, offset + chunkSize));
  }
  return Readable.from(chunks, { objectMode: false });
}

export function openBytes(fileName: string, bytes: Buffer, chunkSize?: number): Promise<TableSource> {
  return openTable({ fileName, stream: streamOf(bytes, chunkSize), totalBytes: bytes.length });
}

export async function allRows(table: TableSource): Promise<Array<{ rowNumber: number; cells: unknown[] }>> {
  const rows = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

/** A file read through the same mapping and parsing every door uses, against the test penalty item. */
export async function parseFile(fileName: string, bytes: Buffer) {
  const table = await openBytes(fileName, bytes);
  const mapping = mapHeaders(table.headers, PENALTY_ITEM);
  const rows = [];
  for await (const row of table.rows) {
    rows.push({ rowNumber: row.rowNumber, ...parseRow(row.cells, mapping, PENALTY_ITEM) });
  }
  return { mapping, rows };
}
