import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnreadableFileError } from './open-table.ts';
import { allRows, openBytes, PENALTY_ROW_START, PENALTY_TITLES, parseFile } from './test-support.ts';

/** A workbook as Excel saves one: the header on the first row, dates as date-formatted cells. */
async function workbookBytes(
  fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('处罚信息'), workbook);
  workbook.addWorksheet('填写说明').addRow(['处罚决定日期请填写日期格式']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs keeps a Date as the UTC midnight of the day it shows. */
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));

/** This test file's own temporary directory (each test file runs in its own process). */
let temporaryFiles = '';
const systemTemporaryFiles = process.env.TMPDIR;
beforeAll(async () => {
  temporaryFiles = await mkdtemp(join(tmpdir(), 'xlsx-records-test-'));
  process.env.TMPDIR = temporaryFiles;
});
afterAll(async () => {
  process.env.TMPDIR = systemTemporaryFiles;
  await rm(temporaryFiles, { recursive: true, force: true });
});

describe('openTable: XLSX', () => {
  it('reads real date cells as ISO dates and Chinese text intact', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(PENALTY_TITLES);
      sheet.addRow([...PENALTY_ROW_START, day(2024, 3, 15), 1000.5, '一般程序']);
      sheet.addRow(['厦工罚〔2024〕13号', '厦门市湖里区某某商行', null, day(2024, 12, 31), 0.2, '简易程序']);
      sheet.getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell('D3').numFmt = 'yyyy/m/d';
    });
    const table = await openBytes('处罚信息.xlsx', bytes);
    expect(table.headers).toEqual(PENALTY_TITLES);
    expect(await allRows(table)).toEqual([
      { rowNumber: 1, cells: [...PENALTY_ROW_START, '2024-03-15', 1000.5, '一般程序'] },
      {
        rowNumber: 2,
        cells: ['厦工罚〔2024〕13号', '厦门市湖里区某某商行', null, '2024-12-31', 0.2, '简易程序'],
      },
    ]);
    expect(table.progress()).toEqual({ bytesRead: bytes.length, totalBytes: bytes.length });
  });

  it('reads dates of a workbook in the 1904 date system, and plain serials through the row parser', async () => {
    const bytes = await workbookBytes((sheet, workbook) => {
      workbook.properties.date1904 = true;
      sheet.addRow(PENALTY_TITLES);
      sheet.addRow(['文号', '名称', null, day(2024, 3, 15)]);
      sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
    });
    const { rows } = await parseFile('a.xlsx', bytes);
    expect(rows[0]?.content.CF_JDRQ).toBe('2024-03-15');

    const serial = await workbookBytes((sheet) => {
      sheet.addRow(PENALTY_TITLES);
      // A date typed into a cell formatted as 常规 (General) arrives as its serial day number.
      sheet.addRow(['文号', '名称', null, 45366]);
    });
    expect((await parseFile('b.xlsx', serial)).rows[0]?.content.CF_JDRQ).toBe('2024-03-15');
  });

  it('gives rich text as its text, formulas as their results, booleans as booleans, errors as empty', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['名称', '金额', '日期', '是否', '错误', '链接']);
      sheet.addRow([
        { richText: [{ text: '厦门', font: { bold: true } }, { text: '某某公司' }] },
        { formula: 'SUM(1,2)', result: 3 },
        { formula: 'DATE(2024,3,15)', result: day(2024, 3, 15) },
        false,
        { error: '#N/A' },
        { text: '官网', hyperlink: 'https://example.org' },
      ]);
      sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    });
    const rows = await allRows(await openBytes('a.xlsx', bytes));
    // exceljs gives a formula's date result as its serial day, which parseRow reads in a date field (row.test.ts).
    expect(rows).toEqual([{ rowNumber: 1, cells: ['厦门某某公司', 3, 45366, false, null, '官网'] }]);
  });

  it('numbers rows from the header, counting skipped empty rows, and reads the first sheet only', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.getRow(3).values = ['名称', '日期'];
      sheet.getRow(4).values = ['甲', '2024-03-15'];
      sheet.getRow(5).values = [null, '  '];
      sheet.getRow(7).values = ['乙', '2024-03-16'];
      sheet.getRow(8).values = [null, null, '只在第三列'];
    });
    const table = await openBytes('a.xlsx', bytes);
    expect(table.headers).toEqual(['名称', '日期']);
    expect(await allRows(table)).toEqual([
      { rowNumber: 1, cells: ['甲', '2024-03-15'] },
      { rowNumber: 4, cells: ['乙', '2024-03-16'] },
      { rowNumber: 5, cells: [null, null, '只在第三列'] },
    ]);
  });

  it('streams a sheet written by a streaming writer, shared strings and all', async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (chunk: Buffer) => parts.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = writer.addWorksheet('数据');
    sheet.addRow(PENALTY_TITLES).commit();
    for (let i = 1; i <= 20_000; i++) {
      sheet.addRow([`厦工罚〔2024〕${i}号`, `厦门某某公司${i}`, null, day(2024, 3, 15), i]).commit();
    }
    sheet.commit();
    await writer.commit();
    const { rows } = await parseFile('big.xlsx', Buffer.concat(parts));
    expect(rows).toHaveLength(20_000);
    expect(rows.at(-1)).toMatchObject({
      rowNumber: 20_000,
      content: { CF_WSH: '厦工罚〔2024〕20000号', CF_FK: 20_000 },
    });
    expect(rows.every((row) => row.returns.length === 0)).toBe(true);
  });

  it.each([0.01, 0.2, 0.5, 0.8, 0.99, 0.9999])(
    'refuses a workbook cut off in transit at %s of its length',
    async (kept) => {
      const bytes = await workbookBytes((sheet) => {
        sheet.addRow(PENALTY_TITLES);
        for (let i = 0; i < 2000; i++) sheet.addRow([`文号${i}`, `名称${i}`, null, day(2024, 3, 15)]);
      });
      const reading = openBytes('a.xlsx', bytes.subarray(0, Math.floor(bytes.length * kept))).then(allRows);
      await expect(reading).rejects.toBeInstanceOf(UnreadableFileError);
      await expect(reading).rejects.toThrow('XLSX 文件不完整或已损坏');
    },
  );

  it('refuses a workbook whose sheet data is damaged', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(PENALTY_TITLES);
      for (let i = 0; i < 2000; i++) sheet.addRow([`文号${i}`, `名称${i}`, null, day(2024, 3, 15)]);
    });
    for (const at of [0.2, 0.5]) {
      const damaged = Buffer.from(bytes).fill(
        0xff,
        Math.floor(bytes.length * at),
        Math.floor(bytes.length * at) + 64,
      );
      await expect(openBytes('a.xlsx', damaged).then(allRows)).rejects.toBeInstanceOf(UnreadableFileError);
    }
  });

  it('refuses a ZIP archive that is not a workbook', async () => {
    const zip = await workbookBytes(() => {});
    const notWorkbook = Buffer.from(
      zip.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmm'),
      'latin1',
    );
    await expect(openBytes('a.xlsx', notWorkbook)).rejects.toThrow('不是 Excel 工作簿');
  });

  it('leaves no temporary file behind, read to the end, closed half-way or refused', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(PENALTY_TITLES);
      for (let i = 0; i < 100; i++) sheet.addRow([`文号${i}`]);
    });
    await allRows(await openBytes('a.xlsx', bytes));
    const table = await openBytes('a.xlsx', bytes);
    for await (const row of table.rows) if (row.rowNumber === 3) break;
    await table.close();
    await openBytes('a.xlsx', bytes.subarray(0, 3000)).catch(() => null);
    expect(await readdir(temporaryFiles)).toEqual([]);
  });
});
