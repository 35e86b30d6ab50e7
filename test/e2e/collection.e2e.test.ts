import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { animationsSettled, describeE2E, openBrowser, openPage, screenshot, signIn } from './browser.ts';

/** Spec §0.4 fixtures: XM-ORG-A, XM-ORG-B, and BAD-USCC (XM-ORG-A's code with a wrong check character). */
const XM_ORG_A = '91350200MA2Y0AB171';
const XM_ORG_B = '91350200MA2Y0AB25U';
const BAD_USCC = '91350200MA2Y0AB172';
/** A well-formed USCC of a Xiamen government organ, for the deciding authority and the data source. */
const AUTHORITY = '11350200MB00000017';

const HEADERS = [
  '行政相对人名称',
  '行政相对人类别',
  '统一社会信用代码',
  '法定代表人',
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额（万元）',
  '处罚决定日期',
  '处罚机关',
  '处罚机关统一社会信用代码',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '程序类型',
  '失信程度',
  '告知文书号',
  '告知日期',
  '已告知信用修复权益',
  '告知信用修复权益日期',
];

/**
 * A dishonest penalty as the Xiamen profile wants it: general procedure, a severity, the written notice
 * before the decision and the repair rights notified (000 第十四条, 第二十五条).
 */
function penalty(name: string, uscc: string, n: number, severity: '一般' | '严重'): string[] {
  const day = String(10 + n).padStart(2, '0');
  return [
    name,
    '法人及非法人组织',
    uscc,
    '张三',
    `厦市监罚〔2026〕${100 + n}号`,
    '虚假宣传',
    '在网店发布虚假广告',
    '《中华人民共和国广告法》第五十五条',
    '罚款',
    '罚款人民币二万元',
    '2',
    `2026-05-${day}`,
    '厦门市市场监督管理局',
    AUTHORITY,
    '厦门市市场监督管理局',
    AUTHORITY,
    '一般程序',
    severity,
    `厦市监告〔2026〕${100 + n}号`,
    `2026-05-0${n}`,
    '是',
    `2026-05-${day}`,
  ];
}

const CSV = `${[
  HEADERS,
  penalty('厦门阿尔法贸易有限公司', XM_ORG_A, 1, '一般'),
  penalty('厦门贝塔工程有限公司', XM_ORG_B, 2, '严重'),
  penalty('厦门阿尔法贸易有限公司', BAD_USCC, 3, '一般'),
]
  .map((row) => row.join(','))
  .join('\n')}\n`;

/** Picks a file through the upload button's file chooser, as a person would. */
async function upload(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/** The returned rows of the returns workbook, fixed: every returned USCC given its right check character. */
async function fixReturns(file: string): Promise<{ rows: string[][]; fixed: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the returns file has no sheet');
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const usccColumn = headers.indexOf('统一社会信用代码') + 1;
  const rows: string[][] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push((row.values as unknown[]).slice(1).map(String));
    row.getCell(usccColumn).value = XM_ORG_A;
  });
  return { rows: [headers, ...rows], fixed: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

describeE2E('a provider submits a file, fixes the returned row and submits it again', () => {
  let server: TestServer;
  let browser: Browser;
  let downloads: string;
  beforeAll(async () => {
    // The notices and decisions above lie before this day, as 000 第十四条 requires of a submission.
    server = await startTestServer({ today: '2026-06-15' });
    browser = await openBrowser();
    downloads = await fs.mkdtemp(path.join(os.tmpdir(), 'gongxin-returns-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (downloads) await fs.rm(downloads, { recursive: true, force: true });
  });

  it('R39 returns the row whose USCC fails GB 32100 with its field-level reason (R20), and takes the fixed returns file', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await signIn(page, server.url, 'provider');
      await page.getByRole('menuitem', { name: '信息报送' }).click();
      await page.getByRole('heading', { level: 1, name: '信息报送' }).waitFor();

      await page.getByLabel('信息事项').fill('XZCF');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: /^报送字段：共 \d+ 个/ }).click();
      await page.getByRole('cell', { name: 'CF_XDR_SHXYM', exact: true }).waitFor();
      await screenshot(page, 'collection-submit-item');

      await upload(page, '上传报送文件（CSV / XLSX）', {
        name: 'xzcf-2026-05.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV, 'utf8'),
      });
      const outcome = page.getByRole('region', { name: /批次 \d+ 的报送结果/ });
      const summary = outcome.getByText(/批次 \d+ 有 1 条记录被退回/);
      const batch = Number((await summary.textContent())?.match(/批次 (\d+)/)?.[1]);
      const returned = outcome.getByRole('row').filter({ hasText: 'INVALID_USCC' });
      await expect(returned.getByRole('cell').first().textContent()).resolves.toBe('3');
      await returned.getByText(`统一社会信用代码 ${BAD_USCC} 未通过 GB 32100-2015 校验`).waitFor();
      await expect(
        returned.getByRole('cell', { name: '统一社会信用代码', exact: true }).count(),
      ).resolves.toBe(1);
      await screenshot(page, 'collection-submit-returned');

      const download = page.waitForEvent('download');
      await outcome.getByRole('link', { name: '下载退回文件' }).click();
      const returnsFile = await download;
      expect(returnsFile.suggestedFilename()).toMatch(/\.xlsx$/);
      const saved = path.join(downloads, returnsFile.suggestedFilename());
      await returnsFile.saveAs(saved);
      const { rows, fixed } = await fixReturns(saved);
      expect(rows[0]?.slice(-2)).toEqual(['原行号', '退回原因']);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toContain(BAD_USCC);
      expect(rows[1]?.at(-2)).toBe('3');

      await upload(page, '上传修正后的文件', {
        name: 'xzcf-2026-05-fixed.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: fixed,
      });
      await page.getByText(/批次 \d+ 已全部入库，没有退回记录/).waitFor();
      await page.getByText(`本批次为批次 ${batch} 退回记录的修正文件。`).waitFor();
      await screenshot(page, 'collection-submit-fixed');

      await page.getByRole('link', { name: '查看全部报送记录' }).click();
      await page.getByRole('heading', { level: 1, name: '报送记录' }).waitFor();
      const history = page.getByRole('row');
      const first = history.filter({ hasText: 'xzcf-2026-05.csv' });
      const second = history.filter({ hasText: 'xzcf-2026-05-fixed.xlsx' });
      // 收到 / 入库 / 重复未变 / 退回, in that order.
      await expect(first.getByRole('cell').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['行政处罚信息（XZCF）', '文件上传', '已完成']),
      );
      await expect(counts(first)).resolves.toEqual(['3', '2', '0', '1']);
      await expect(counts(second)).resolves.toEqual(['1', '1', '0', '0']);
      await screenshot(page, 'collection-history');

      await first.getByRole('button', { name: /^查看/ }).click();
      await page.getByRole('heading', { level: 2, name: /^批次 \d+$/ }).waitFor();
      const detailRow = page.getByRole('row').filter({ hasText: BAD_USCC });
      await detailRow.getByText('INVALID_USCC').waitFor();
      await page.getByRole('link', { name: '下载退回文件' }).waitFor();
      await screenshot(page, 'collection-batch-detail');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('R44 the center sees the provider’s batches and, in the subject’s credit archive, the records they stored', async () => {
    // Runs after the provider's journey above, on the batches it left.
    const { page, errors, close } = await openPage(browser);
    try {
      await signIn(page, server.url, 'staff');
      await page.getByRole('menuitem', { name: '归集总览' }).click();
      await page.getByRole('heading', { level: 1, name: '归集总览' }).waitFor();
      const batch = page.getByRole('row').filter({ hasText: 'xzcf-2026-05.csv' });
      await batch.getByRole('cell', { name: '厦门市市场监督管理局', exact: true }).waitFor();
      await screenshot(page, 'collection-overview');
      await batch.getByRole('button', { name: /^查看/ }).click();
      await page.getByRole('row').filter({ hasText: BAD_USCC }).getByText('INVALID_USCC').waitFor();
      // The returns file is the provider's to fix; the center reads the rows on the page.
      await expect(page.getByRole('link', { name: '下载退回文件' }).count()).resolves.toBe(0);

      await page.getByRole('menuitem', { name: '信用档案' }).click();
      await page.getByLabel('统一社会信用代码或身份证件号码').fill(XM_ORG_A);
      await page.getByRole('button', { name: '查阅档案' }).click();
      const dishonest = page.getByRole('region', { name: '失信（负面）信息' });
      const records = dishonest.getByRole('row').filter({ hasText: '行政处罚信息（XZCF）' });
      // Row 1 of the file and the fixed row 3: two decisions about XM-ORG-A.
      await expect.poll(() => records.count()).toBe(2);
      await records.first().getByRole('cell', { name: '厦门市市场监督管理局', exact: true }).waitFor();
      await records.first().getByRole('button', { name: '行政处罚信息（XZCF）' }).click();
      const record = page.getByRole('dialog', { name: /^行政处罚信息 · 记录 \d+$/ });
      await record.getByText('行政处罚决定书文号').waitFor();
      await record.getByRole('button', { name: /^第 1 版 · .+ · 文件上传 · 批次 \d+ 第 \d+ 行/ }).waitFor();
      await animationsSettled(page);
      await screenshot(page, 'collection-archive');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** The four counts of a history row: received, stored, unchanged, returned. */
async function counts(row: ReturnType<Page['getByRole']>): Promise<string[]> {
  const cells = await row.getByRole('cell').allTextContents();
  // Time, item, file, channel, status, then the counts, then the action.
  return cells.slice(5, 9);
}
