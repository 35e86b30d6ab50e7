import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../../core/collection/headers.ts';
import { PENALTY_ITEM } from '../../../core/collection/penalty-item.test-support.ts';
import { parseRow, rowFromObject } from '../../../core/collection/row.ts';
import { openTable, UnreadableFileError } from './open-table.ts';
import { allRows, openBytes, PENALTY_ROW_START, PENALTY_TITLES, parseFile } from './test-support.ts';

const TITLES = PENALTY_TITLES.join(',');

/** What Excel on a Chinese Windows writes for "CSV (逗号分隔)": GBK, CRLF, quotes only where needed. */
function excelGbkCsv(lines: readonly string[]): Buffer {
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

describe('openTable: CSV', () => {
  it('reads a GBK CSV as Excel on a Chinese Windows saves it, Chinese titles and values intact', async () => {
    const bytes = excelGbkCsv([TITLES, `${PENALTY_ROW_START.join(',')},2024/3/15,"1,000.50",一般程序`]);
    const table = await openBytes('处罚信息.csv', bytes, 7);
    expect(table.headers).toEqual(PENALTY_TITLES);
    expect(await allRows(table)).toEqual([
      { rowNumber: 1, cells: [...PENALTY_ROW_START, '2024/3/15', '1,000.50', '一般程序'] },
    ]);
    expect(table.progress()).toEqual({ bytesRead: bytes.length, totalBytes: bytes.length });
  });

  it('chooses GB18030 even when the first Chinese character comes after many ASCII lines', async () => {
    const ascii = Array.from({ length: 2000 }, (_, i) => `DOC-${i},ACME ${i},,20240315,,`);
    const bytes = excelGbkCsv([
      'CF_WSH,CF_XDR_MC,CF_XDR_SHXYM,CF_JDRQ,CF_FK,procedure',
      ...ascii,
      'DOC-X,厦门某某公司,,20240315,,简易程序',
    ]);
    const rows = await allRows(await openBytes('export.csv', bytes, 1000));
    expect(rows).toHaveLength(2001);
    expect(rows.at(-1)?.cells).toEqual(['DOC-X', '厦门某某公司', '', '20240315', '', '简易程序']);
  });

  it.each([
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('名称,日期\n厦门某某公司,2024-03-15\n')]),
    ],
    ['UTF-8 without BOM', Buffer.from('名称,日期\r\n厦门某某公司,2024-03-15\r\n')],
    [
      'UTF-16LE "Unicode text", tab-separated',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode('名称\t日期\r\n厦门某某公司\t2024-03-15\r\n', 'utf16le'),
      ]),
    ],
    ['tab-separated UTF-8', Buffer.from('名称\t日期\n厦门某某公司\t2024-03-15\n')],
  ])('reads %s', async (_, bytes) => {
    const table = await openBytes('data.txt', bytes, 5);
    expect(table.headers).toEqual(['名称', '日期']);
    expect(await allRows(table)).toEqual([{ rowNumber: 1, cells: ['厦门某某公司', '2024-03-15'] }]);
  });

  it('keeps quoted commas, doubled quotes and line breaks inside one cell', async () => {
    const bytes = Buffer.from('名称,备注\n"厦门某某公司","第一行\r\n第二行，""引号"", 逗号"\n他说"好",x\n');
    expect((await allRows(await openBytes('a.csv', bytes, 3))).map((row) => row.cells)).toEqual([
      ['厦门某某公司', '第一行\r\n第二行，"引号", 逗号'],
      ['他说"好"', 'x'],
    ]);
  });

  it('numbers rows as the spreadsheet does: blank lines before the header ignored, empty rows skipped but counted', async () => {
    const bytes = Buffer.from('\n,,\n名称,日期,金额\n甲,2024-03-15,1\n,,\n\n乙,2024-03-16,2\n"a\nb",,\n');
    const rows = await allRows(await openBytes('a.csv', bytes));
    expect(rows.map((row) => [row.rowNumber, row.cells[0]])).toEqual([
      [1, '甲'],
      [4, '乙'],
      [5, 'a\nb'],
    ]);
  });

  it('streams a 200,000-row CSV without reading ahead of the rows handed out', async () => {
    const total = 200_000;
    const line = (i: number) =>
      `厦工罚〔2024〕${i}号,厦门市某某有限公司第${i}分公司,91350200MA2Y0AB17X,2024-03-15,${i}.50,一般程序\r\n`;
    let produced = 0;
    async function* generate() {
      yield Buffer.from(`${TITLES}\r\n`);
      for (let start = 0; start < total; start += 500) {
        const chunk = Buffer.from(Array.from({ length: 500 }, (_, k) => line(start + k)).join(''));
        produced += chunk.length;
        yield chunk;
      }
    }
    const table = await openTable({
      fileName: 'big.csv',
      stream: Readable.from(generate(), { objectMode: false }),
    });
    let count = 0;
    let readAtFirstRow = 0;
    let last = '';
    for await (const row of table.rows) {
      count += 1;
      if (count === 1) readAtFirstRow = table.progress().bytesRead;
      last = String(row.cells[0]);
      expect(row.rowNumber).toBe(count);
    }
    expect(count).toBe(total);
    expect(last).toBe(`厦工罚〔2024〕${total - 1}号`);
    // The whole file is over 20 MB; the reader holds only a few of its chunks at a time.
    expect(produced).toBeGreaterThan(20_000_000);
    expect(readAtFirstRow).toBeLessThan(2_000_000);
    expect(table.progress()).toEqual({
      bytesRead: produced + Buffer.byteLength(`${TITLES}\r\n`),
      totalBytes: null,
    });
  });

  it('stops reading the upload when closed half-way', async () => {
    const bytes = Buffer.from(`名称\n${'甲\n'.repeat(100_000)}`);
    const stream = Readable.from(
      Array.from({ length: 400 }, (_, i) => bytes.subarray(i * 500, (i + 1) * 500)),
      {
        objectMode: false,
      },
    );
    const table = await openTable({ fileName: 'a.csv', stream });
    for await (const row of table.rows) if (row.rowNumber === 10) break;
    await table.close();
    expect(stream.destroyed).toBe(true);
  });

  it.each([
    ['empty.csv', Buffer.alloc(0), '文件是空的'],
    ['blank.csv', Buffer.from('\r\n,,\r\n  \r\n'), '没有表头行'],
    ['old.xls', Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'), 'Excel 97-2003'],
    ['renamed.xlsx', Buffer.from('名称,日期\n'), '不是有效的 Excel 工作簿'],
    ['photo.csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), '不是 CSV'],
    ['zip.xlsx', Buffer.from('504b0304140000000800deadbeef', 'hex'), '已损坏'],
  ])('refuses %s as unreadable, saying why in Chinese', async (fileName, bytes, why) => {
    const opening = openBytes(fileName, bytes);
    await expect(opening).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(opening).rejects.toThrow(why);
  });

  it('refuses a CSV whose quote never closes, naming the line', async () => {
    const rows = allRows(
      await openBytes('a.csv', Buffer.from(`名称,备注\n${'甲,x\n'.repeat(5000)}乙,"没有闭合\n丙,x\n`)),
    );
    await expect(rows).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(rows).rejects.toThrow('第 5002 行的引号没有闭合');
  });
});

describe('every door reads a record alike', () => {
  it('R16 a record submitted by API and as an Excel GBK CSV parses to the same content, facts and returns', async () => {
    const file = excelGbkCsv([
      TITLES,
      '厦工罚〔2024〕12号,厦门市思明区某某餐饮店,92350203ma2y0ab1xk,2024年3月15日,"1,000.50",一般程序',
      '厦工罚〔2024〕13号,厦门市湖里区某某商行,,2025-02-29,十万,普通程序',
    ]);
    const { rows } = await parseFile('处罚信息.csv', file);
    const api = [
      {
        CF_WSH: '厦工罚〔2024〕12号',
        CF_XDR_MC: '厦门市思明区某某餐饮店',
        CF_XDR_SHXYM: '92350203MA2Y0AB1XK',
        CF_JDRQ: '2024-03-15',
        CF_FK: 1000.5,
        procedure: '一般程序',
      },
      {
        CF_WSH: '厦工罚〔2024〕13号',
        CF_XDR_MC: '厦门市湖里区某某商行',
        CF_JDRQ: '2025-02-29',
        CF_FK: '十万',
        procedure: '普通程序',
      },
    ].map((record) => {
      const { headers, cells } = rowFromObject(record);
      return parseRow(cells, mapHeaders(headers, PENALTY_ITEM), PENALTY_ITEM);
    });
    expect(rows.map(({ rowNumber: _, ...parsed }) => parsed)).toEqual(api);
    expect(api[0]?.returns).toEqual([]);
    expect(api[1]?.returns.map((r) => r.reason)).toEqual(['INVALID_DATE', 'INVALID_NUMBER', 'INVALID_VALUE']);
  });

  it('R21 a forbidden column read from a file reaches neither content nor any message', async () => {
    const file = excelGbkCsv([`${TITLES},既往病史`, '厦工罚〔2024〕12号,张三,,2024-02-30,,,hypertension']);
    const { mapping, rows } = await parseFile('np.csv', file);
    expect(mapping.columns.at(-1)?.dataClass).toBe('MEDICAL_HISTORY');
    const [row] = rows;
    expect(row?.dataClasses.forbidden).toEqual([{ dataClass: 'MEDICAL_HISTORY', column: '既往病史' }]);
    expect(row?.returns.map((r) => r.reason)).toEqual(['INVALID_DATE']);
    expect(JSON.stringify([row?.content, row?.facts, row?.returns])).not.toContain('hypertension');
  });
});
