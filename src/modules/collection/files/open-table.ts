import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { filledCell } from '../../../core/collection/cell-values.ts';
import type { CellValue } from '../../../core/collection/row.ts';
import { csvRecords } from './csv-records.ts';
import { encodingByBom } from './decode-text.ts';
import { type SheetRecord, UnreadableFileError } from './sheet-record.ts';
import { xlsxRecords } from './xlsx-records.ts';

export { UnreadableFileError } from './sheet-record.ts';

/** A provider's file as a header row and a stream of data rows: what the upload and `gongxin import` read. */
export interface TableSource {
  fileName: string;
  headers: string[];
  /** Data rows, numbered from 1 (the first row after the header); wholly empty rows are skipped but counted. */
  rows: AsyncIterable<{ rowNumber: number; cells: CellValue[] }>;
  progress(): { bytesRead: number; totalBytes: number | null };
  close(): Promise<void>;
}

/** Enough of the file to tell its kind and, for text, a BOM and binary content. */
const HEAD_BYTES = 8192;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE2 compound files: Excel 97–2003 workbooks, WPS .et, and password-protected .xlsx. */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ods']);

/**
 * Opens a provider's CSV, tab-separated text or XLSX file, read as a stream. The kind comes from the content
 * (an XLSX is a ZIP archive), the extension only confirming it; a file that cannot be read at all, or has no
 * header row, is refused with an UnreadableFileError saying why in Chinese.
 */
export async function openTable(input: {
  fileName: string;
  stream: NodeJS.ReadableStream;
  totalBytes?: number;
}): Promise<TableSource> {
  let bytesRead = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of input.stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytesRead += bytes.length;
      yield bytes;
    }
  }
  const source = chunks();
  const destroy = () => {
    // A NodeJS.ReadableStream need not have destroy(); the streams Node and Fastify hand over do.
    const stream = input.stream as Partial<Readable>;
    stream.destroy?.();
  };

  try {
    const { head, rest } = await readHead(source);
    const records = recordsOf(input.fileName, head, rest);
    const header = await firstFilledRecord(records);
    if (!header) {
      await records.return(undefined);
      throw new UnreadableFileError('文件中没有表头行：第一行应为各列的名称');
    }
    return {
      fileName: input.fileName,
      headers: header.cells.map((cell) => (cell === null ? '' : String(cell))),
      rows: dataRows(records, header.position),
      progress: () => ({ bytesRead, totalBytes: input.totalBytes ?? null }),
      close: async () => {
        destroy();
        await records.return(undefined);
      },
    };
  } catch (error) {
    destroy();
    throw error;
  }
}

async function readHead(
  source: AsyncGenerator<Buffer>,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const next = await source.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return { head: Buffer.concat(parts), rest: { [Symbol.asyncIterator]: () => source } };
}

function recordsOf(fileName: string, head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<SheetRecord> {
  const extension = extname(fileName).toLowerCase();
  if (head.length === 0) throw new UnreadableFileError('文件是空的');
  if (startsWith(head, ZIP_MAGIC)) {
    async function* whole(): AsyncGenerator<Buffer> {
      yield head;
      yield* rest;
    }
    return xlsxRecords(whole());
  }
  if (startsWith(head, OLE2_MAGIC)) {
    throw new UnreadableFileError(
      '无法读取 Excel 97-2003 (.xls)、WPS 表格 (.et) 或加密的工作簿：请另存为 .xlsx 或 CSV 后重新上传',
    );
  }
  if (SPREADSHEET_EXTENSIONS.has(extension)) {
    throw new UnreadableFileError(`文件扩展名为 ${extension}，但内容不是有效的 Excel 工作簿，无法读取`);
  }
  // Text has no NUL byte, except UTF-16, which declares itself with a BOM.
  if (!encodingByBom(head)?.encoding.startsWith('utf16') && head.includes(0)) {
    throw new UnreadableFileError('文件不是 CSV、制表符分隔的文本或 XLSX 文件，无法读取');
  }
  return csvRecords(head, rest);
}

function startsWith(head: Buffer, magic: Buffer): boolean {
  return head.subarray(0, magic.length).equals(magic);
}

function isEmptyRecord(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => filledCell(cell) === null);
}

async function firstFilledRecord(records: AsyncGenerator<SheetRecord>): Promise<SheetRecord | null> {
  for (;;) {
    const next = await records.next();
    if (next.done) return null;
    if (!isEmptyRecord(next.value.cells)) return next.value;
  }
}

async function* dataRows(
  records: AsyncGenerator<SheetRecord>,
  headerPosition: number,
): AsyncGenerator<{ rowNumber: number; cells: CellValue[] }> {
  for await (const record of { [Symbol.asyncIterator]: () => records }) {
    if (isEmptyRecord(record.cells)) continue;
    yield { rowNumber: record.position - headerPosition, cells: record.cells };
  }
}
