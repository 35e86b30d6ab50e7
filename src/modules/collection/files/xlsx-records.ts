import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../core/collection/row.ts';
import { type SheetRecord, UnreadableFileError } from './sheet-record.ts';
import { readZipDirectory, storedEntry, storedEntryBytes, type ZipEntry } from './zip-archive.ts';

/** The parts the streaming reader needs before the sheet: relationships, sheet names, number formats, strings. */
const PARTS_BEFORE_SHEET = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'] as const;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);
const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The rows of the first worksheet of an XLSX workbook, streamed with exceljs's WorkbookReader so a
 * million-row sheet never sits in memory. The upload is first kept in a temporary file and its ZIP directory
 * checked: a workbook cut off in transit is refused here, where exceljs would wait for it forever. Excel
 * stores the sheet before the shared strings and styles it refers to; fed in that order, exceljs copies the
 * sheet to a temporary file of its own, which it removes only when read to the end. So the parts are fed
 * in the order the reader needs, and the sheet's rows stream straight out of the upload's file.
 */
export async function* xlsxRecords(upload: AsyncIterable<Buffer>): AsyncGenerator<SheetRecord> {
  const directory = await mkdtemp(join(tmpdir(), 'gongxin-xlsx-'));
  try {
    const path = join(directory, 'upload.xlsx');
    await pipeline(Readable.from(upload), createWriteStream(path));
    const file = await open(path);
    try {
      const size = (await file.stat()).size;
      const parts = orderedParts(await readZipDirectory(file, size));
      async function* archive(): AsyncGenerator<Buffer> {
        for (const part of parts) {
          if (Buffer.isBuffer(part)) yield part;
          else yield* storedEntryBytes(file, path, size, part);
        }
      }
      yield* sheetRows(Readable.from(archive(), { objectMode: false }));
    } finally {
      await file.close();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function orderedParts(entries: readonly ZipEntry[]): Array<ZipEntry | Buffer> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  // Excel and LibreOffice write the sheet parts as sheet1.xml, sheet2.xml … in the order of the tabs.
  const sheets = entries
    .map((entry) => ({ entry, number: Number(WORKSHEET.exec(entry.name)?.[1]) }))
    .filter((sheet) => Number.isInteger(sheet.number))
    .sort((a, b) => a.number - b.number);
  const first = sheets[0]?.entry;
  if (!byName.has('xl/workbook.xml'))
    throw new UnreadableFileError('文件不是 Excel 工作簿（XLSX），无法读取');
  if (!first) throw new UnreadableFileError('XLSX 文件中没有工作表，无法读取');
  const before = PARTS_BEFORE_SHEET.flatMap((name) => byName.get(name) ?? []);
  // Without a shared-strings part exceljs would set the sheet aside; an empty one says there are none.
  const strings = byName.get(SHARED_STRINGS) ?? storedEntry(SHARED_STRINGS, EMPTY_SHARED_STRINGS);
  return [...before, strings, first];
}

async function* sheetRows(archive: Readable): AsyncGenerator<SheetRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(archive, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles carry the number formats that tell a date cell from a number cell.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of workbook) {
      let previous = 0;
      for await (const row of worksheet) {
        // Rows without an `r` attribute are numbered by their order, as Excel numbers them.
        previous = Number.isFinite(row.number) ? row.number : previous + 1;
        yield { position: previous, cells: cellsOf(row) };
      }
    }
  } catch (error) {
    throw new UnreadableFileError('XLSX 文件已损坏，无法读取：请在 Excel 中打开确认后重新保存上传', {
      cause: error,
    });
  } finally {
    // Stopped early, exceljs leaves the archive stream open; destroying it closes the file it reads.
    archive.destroy();
  }
}

function cellsOf(row: ExcelJS.Row): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellValue(cell.value);
  });
  return Array.from(cells, (cell) => cell ?? null);
}

/** A cell's value as the provider sees it: rich text as its text, a formula as its result, a date as ISO. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result ?? null);
  if ('hyperlink' in value) return value.text;
  // An error value (#N/A, #REF!…) holds no data: the cell counts as empty.
  return null;
}

/** exceljs gives a date cell as UTC midnight of the day Excel shows, so the UTC calendar date is that day. */
function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
