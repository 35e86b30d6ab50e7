import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { decodeText } from './decode-text.ts';
import { type SheetRecord, UnreadableFileError } from './sheet-record.ts';

/** The longest record accepted: a quote left open would otherwise swallow the rest of the file in memory. */
const MAX_RECORD_CHARS = 1_000_000;
/** How much text is looked at to find the header line, which tells comma- from tab-separated text. */
const SNIFF_CHARS = 65_536;

/**
 * The records of a comma- or tab-separated text file, streamed: quoted fields may hold commas, quotes and
 * line breaks; a stray quote inside an unquoted field (他说"好") is kept as text, as Excel writes it.
 */
export async function* csvRecords(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<SheetRecord> {
  const { delimiter, text } = await sniffDelimiter(decodeText(head, rest));
  const source = Readable.from(text);
  const parser = source.pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARS }),
  );
  source.on('error', (error) => parser.destroy(error));
  let position = 0;
  try {
    for await (const record of parser) {
      position += 1;
      // csv-parse yields each record as the array of its fields' text.
      yield { position, cells: record as string[] };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFileError(csvProblem(error), { cause: error });
    throw error;
  } finally {
    source.destroy();
  }
}

/** A tab-separated file (Excel's "文本文件(制表符分隔)") has more tabs than commas in its header line. */
async function sniffDelimiter(
  text: AsyncGenerator<string>,
): Promise<{ delimiter: ',' | '\t'; text: AsyncIterable<string> }> {
  let buffered = '';
  while (headerLine(buffered) === undefined && buffered.length < SNIFF_CHARS) {
    const next = await text.next();
    if (next.done) break;
    buffered += next.value;
  }
  const line = headerLine(buffered) ?? buffered;
  const count = (character: string) => line.split(character).length - 1;
  async function* all(): AsyncGenerator<string> {
    if (buffered) yield buffered;
    yield* text;
  }
  return { delimiter: count('\t') > count(',') ? '\t' : ',', text: all() };
}

/** The first complete line that is not blank. */
function headerLine(text: string): string | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  lines.pop();
  return lines.find((line) => line.trim() !== '');
}

function csvProblem(error: CsvError): string {
  // The failing record is the one after those read; records count lines of the sheet, as Excel numbers rows.
  const line = typeof error.records === 'number' ? `第 ${error.records + 1} 行` : '文件中';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${line}的引号没有闭合，文件无法读取：请检查该行的双引号是否成对`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${line}过长，文件无法读取：可能是双引号没有闭合，或分隔符不是逗号或制表符`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `${line}的双引号用法不符合 CSV 格式，文件无法读取：字段内的双引号应写成两个（""）`;
    default:
      return `${line}无法按 CSV 格式读取（${error.code}）`;
  }
}
