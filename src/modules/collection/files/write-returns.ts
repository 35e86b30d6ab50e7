import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import { RETURNS_FILE_COLUMNS } from '../../../core/collection/headers.ts';
import type { CellValue } from '../../../core/collection/row.ts';
import type { RowReturn } from '../../../core/collection/validation.ts';

/**
 * The returns file (退回清单, 000 第十五条): the returned rows in the provider's own columns, same headers and
 * order, followed by 原行号 and 退回原因. The provider corrects the cells and uploads the file as it is; the
 * two added columns are ignored when it is read back (headers.ts). Written as a stream, row by row.
 */
export async function writeReturnsXlsx(
  out: NodeJS.WritableStream,
  columns: readonly string[],
  rows: AsyncIterable<{ rowNumber: number; cells: readonly CellValue[]; reasons: readonly RowReturn[] }>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    // exceljs pipes its ZIP into the stream; any writable stream does, whatever its declared class.
    stream: out as unknown as Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('退回记录');
  sheet.columns = [
    ...columns.map(() => ({ width: 20 })),
    { width: 10 },
    { width: 60, style: { alignment: { wrapText: true } } },
  ];
  const header = sheet.addRow([...columns, RETURNS_FILE_COLUMNS.rowNumber, RETURNS_FILE_COLUMNS.reasons]);
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) {
    const cells = columns.map((_, index) => row.cells[index] ?? null);
    const reasons = row.reasons.map((reason) => reason.message).join('；');
    sheet.addRow([...cells, row.rowNumber, reasons]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
