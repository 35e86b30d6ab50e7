import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { csvText, titledTable, xmPenalty } from '../support/xm-penalty.ts';

interface ImportJson {
  batch: number;
  received: number;
  accepted: number;
  unchanged: number;
  returned: number;
  returns: Array<{ row: number; field: string | null; reason: string; message: string }>;
}

describe('gongxin import', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-import-'));
  const env = { GONGXIN_DATA_DIR: path.join(dir, 'data'), GONGXIN_TODAY: '2024-03-20' };
  const imported = async (file: string, ...extra: string[]) => {
    const run = await runCli(
      ['import', file, '--item', 'XZCF', '--provider', 'XM-SCJG', '--json', ...extra],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    return { json: JSON.parse(run.stdout) as ImportJson, stdout: run.stdout };
  };

  beforeAll(async () => {
    expect((await runCli(['seed', '--subjects', '50'], env)).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('R16 imports a GBK CSV saved by Excel with Chinese titles; the same file again stores nothing new', async () => {
    const text = csvText([xmPenalty({ CF_JDRQ: '2024/3/15', notice_date: '2024/3/10' })]);
    const file = path.join(dir, '行政处罚.csv');
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    const first = await imported(file);
    expect(first.json).toMatchObject({ received: 1, accepted: 1, unchanged: 0, returned: 0, returns: [] });
    const again = await imported(file);
    expect(again.json).toMatchObject({ received: 1, accepted: 0, unchanged: 1, returned: 0 });
  });

  it('R16 imports an XLSX with real date cells, and returns a bad row with its row, field and reason', async () => {
    const decided = new Date(Date.UTC(2024, 2, 15));
    const table = titledTable([
      xmPenalty({
        CF_XDR_MC: '厦门贝塔工程有限公司',
        CF_XDR_SHXYM: '91350200MA2Y0AB25U',
        CF_WSH: '厦市监罚〔2024〕21号',
      }),
      xmPenalty({
        CF_XDR_MC: '厦门伽马有限公司',
        CF_XDR_SHXYM: '91350200MA2Y0AB172',
        CF_WSH: '厦市监罚〔2024〕22号',
      }),
    ]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('行政处罚');
    sheet.addRow(table.headers);
    const dateColumn = table.headers.indexOf('处罚决定日期');
    // Real date cells, as Excel stores a typed date.
    for (const cells of table.cells)
      sheet.addRow(cells.map((cell, i) => (i === dateColumn ? decided : cell)));
    const file = path.join(dir, '行政处罚.xlsx');
    await workbook.xlsx.writeFile(file);
    const { json } = await imported(file);
    expect(json).toMatchObject({ received: 2, accepted: 1, returned: 1 });
    expect(json.returns).toEqual([
      expect.objectContaining({ row: 2, field: 'CF_XDR_SHXYM', reason: 'INVALID_USCC' }),
    ]);
  });

  it('R21 a 血型 column of a natural person leaves no trace in the database files or the output', async () => {
    const secret = 'AB型-罕见血样-7731';
    const person = xmPenalty({
      CF_XDR_MC: '王五',
      CF_XDR_LB: '自然人',
      CF_XDR_SHXYM: null,
      CF_XDR_ZJLX: '身份证',
      CF_XDR_ZJHM: '35020319900101123X',
      CF_WSH: '厦市监罚〔2024〕40号',
      血型: secret,
    });
    const text = csvText([person], '\n');
    const file = path.join(dir, 'forbidden.csv');
    fs.writeFileSync(file, text);
    const { json, stdout } = await imported(file);
    expect(json.returns).toEqual([expect.objectContaining({ reason: 'FORBIDDEN_DATA' })]);
    expect(stdout).not.toContain(secret);
    // The instance is closed: every byte it wrote is on disk. The value must be in none of them.
    const needle = Buffer.from(secret.slice(-8));
    const walk = (at: string): string[] =>
      fs.statSync(at).isDirectory()
        ? fs.readdirSync(at).flatMap((entry) => walk(path.join(at, entry)))
        : [at];
    const files = walk(env.GONGXIN_DATA_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const stored of files) expect(fs.readFileSync(stored).includes(needle), stored).toBe(false);
  });

  it('an unreadable file exits 2 with the reason, and no --item is a usage error', async () => {
    const file = path.join(dir, 'not-a-table.xlsx');
    fs.writeFileSync(file, 'plain text, not a workbook');
    const run = await runCli(['import', file, '--item', 'XZCF', '--provider', 'XM-SCJG'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/FILE/);
    expect((await runCli(['import', file, '--provider', 'XM-SCJG'], env)).code).not.toBe(0);
  });
});
