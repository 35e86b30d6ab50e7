import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../../core/collection/headers.ts';
import { PENALTY_ITEM } from '../../../core/collection/penalty-item.test-support.ts';
import { type CellValue, parseRow } from '../../../core/collection/row.ts';
import type { RowReturn } from '../../../core/collection/validation.ts';
import { allRows, openBytes } from './test-support.ts';
import { writeReturnsXlsx } from './write-returns.ts';

const COLUMNS = ['*行政处罚决定书文号', '行政相对人名称', '处罚决定日期', '罚款金额（万元）', '备注'];

async function returnsFile(
  rows: ReadonlyArray<{ rowNumber: number; cells: readonly CellValue[]; reasons: readonly RowReturn[] }>,
): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  async function* each() {
    yield* rows;
  }
  await writeReturnsXlsx(out, COLUMNS, each());
  return Buffer.concat(parts);
}

const DATE_REASON: RowReturn = {
  field: 'CF_JDRQ',
  reason: 'INVALID_DATE',
  message: '处罚决定日期（CF_JDRQ）不是有效日期：应写作 2024-03-15、2024/3/15 或 2024年3月15日',
};
const USCC_REASON: RowReturn = {
  field: 'CF_XDR_SHXYM',
  reason: 'INVALID_USCC',
  message: '统一社会信用代码（CF_XDR_SHXYM）校验位错误',
};

describe('writeReturnsXlsx', () => {
  it("writes the returned rows in the provider's own columns, then 原行号 and 退回原因", async () => {
    const bytes = await returnsFile([
      {
        rowNumber: 7,
        cells: ['厦工罚〔2024〕12号', '厦门某某公司', '2025-02-29', 1000.5, '=1+1'],
        reasons: [DATE_REASON, USCC_REASON],
      },
      { rowNumber: 12, cells: ['厦工罚〔2024〕13号', '厦门某某商行', '2024-03-15'], reasons: [USCC_REASON] },
    ]);
    const table = await openBytes('退回记录.xlsx', bytes);
    expect(table.headers).toEqual([...COLUMNS, '原行号', '退回原因']);
    expect(await allRows(table)).toEqual([
      {
        rowNumber: 1,
        cells: [
          '厦工罚〔2024〕12号',
          '厦门某某公司',
          '2025-02-29',
          1000.5,
          '=1+1',
          7,
          `${DATE_REASON.message}；${USCC_REASON.message}`,
        ],
      },
      {
        rowNumber: 2,
        cells: ['厦工罚〔2024〕13号', '厦门某某商行', '2024-03-15', null, null, 12, USCC_REASON.message],
      },
    ]);
  });

  it('R16 a corrected returns file uploaded as it is reads like the original, the two added columns ignored', async () => {
    const original = ['厦工罚〔2024〕12号', '厦门某某公司', '2024-03-15', 1000.5, '已整改'];
    const bytes = await returnsFile([{ rowNumber: 7, cells: original, reasons: [DATE_REASON] }]);
    const table = await openBytes('退回记录.xlsx', bytes);
    const mapping = mapHeaders(table.headers, PENALTY_ITEM);
    expect(mapping.unknown).toEqual(['备注']);
    expect(mapping.missingRequired).toEqual([]);
    const [row] = await allRows(table);
    expect(parseRow(row?.cells as CellValue[], mapping, PENALTY_ITEM)).toEqual(
      parseRow(original, mapHeaders(COLUMNS, PENALTY_ITEM), PENALTY_ITEM),
    );
  });

  it('writes a header-only file when no row is returned', async () => {
    const table = await openBytes('退回记录.xlsx', await returnsFile([]));
    expect(table.headers).toEqual([...COLUMNS, '原行号', '退回原因']);
    expect(await allRows(table)).toEqual([]);
  });
});
