import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import {
  animationsSettled,
  chooseOption,
  describeE2E,
  downloadOf,
  type OpenedPage,
  openBrowser,
  openPage,
  screenshot,
  searchSubjects,
  signIn,
} from './browser.ts';

const TODAY = '2026-06-15';
const AGENCY = 'XM-AGENCY-DEMO';
const APPROVAL = 'BQ-2026-015';
const BANK = 'NT-BANK-DEMO';
const AGREEMENT = 'NT-XY-2026-007';
const PURPOSE = '供应链客户信用核查';
/** A well-formed code no subject holds. */
const UNKNOWN = '91350200MA00000000';
/** The results file's first columns (src/modules/batch-queries/results-file.ts). */
const RESULTS_HEADER = '\uFEFF序号,查询代码,信用主体代码,信用主体名称,结果,';

/** The agency's page, its list pasted as a CSV file with a header, as an agency exports it from its system. */
async function submitList(page: Page, codes: readonly string[]) {
  await page.getByLabel('查询用途').fill(PURPOSE);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '读取名单文件' }).click();
  await (await chooser).setFiles({
    name: 'list.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`统一社会信用代码,备注\r\n${codes.map((code) => `${code},客户`).join('\r\n')}\r\n`),
  });
  await page.getByText(`共 ${codes.length} 个代码。`).waitFor();
  await expect(page.getByLabel('主体代码（每行一个）').inputValue()).resolves.toBe(codes.join('\n'));
  await page.getByRole('button', { name: '提交批量查询' }).click();
}

/** A demo city's instance on TODAY, and two of its companies' codes. */
async function cityWithCompanies(place: string, env?: Record<string, string>) {
  const server = await startTestServer({ today: TODAY, env });
  const companies = (await searchSubjects(server.url, place)).filter((s) => s.kind === 'company');
  if (companies.length < 2) throw new Error(`the demo seed has fewer than two companies named ${place}…`);
  return { server, companies: companies.slice(0, 2).map((c) => c.code) };
}

/** The console shows the refusals the journey provokes (403); nothing else may fail. */
const unexpected = (opened: OpenedPage) => opened.errors.filter((e) => !e.includes('403 ('));

describeE2E(
  'batch queries: the approval, the agency’s batch with its progress and results, the ledger',
  () => {
    let server: TestServer;
    let browser: Browser;
    let codes: string[];

    beforeAll(async () => {
      ({ server, companies: codes } = await cityWithCompanies('厦门'));
      codes.push(UNKNOWN);
      browser = await openBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('R98 R99 R91 without an approval the batch is refused; with one, three codes reach 100 %, the results download, and each is in the ledger with the batch', async () => {
      const agency = await openPage(browser);
      const competent = await openPage(browser);
      try {
        await signIn(agency.page, server.url, 'agency');
        await agency.page.getByRole('menuitem', { name: '批量查询' }).click();
        await agency.page.getByRole('heading', { level: 1, name: '批量查询' }).waitFor();
        await submitList(agency.page, codes);
        await agency.page
          .getByRole('alert')
          .filter({ hasText: '未能提交批量查询' })
          .getByText('本机构未获社会信用主管部门批量查询批准', { exact: true })
          .waitFor();

        // 000 第二十一条 ¶2: the competent department's approval, in force over today.
        const { page } = competent;
        await signIn(page, server.url, 'competent');
        await page.getByRole('menuitem', { name: '批量查询批准' }).click();
        await page.getByLabel('批准文号').fill(APPROVAL);
        await chooseOption(page, '信用服务机构', AGENCY);
        await page.getByLabel('批准范围').fill('本市登记的企业的社会公开信息');
        await page.getByLabel('有效期起').fill('2026-06-01');
        await page.getByLabel('有效期至').fill('2026-12-31');
        await page.getByLabel('安全条件').fill('专线接入，查询结果仅存于本机构内网');
        await page.getByRole('button', { name: '登记', exact: true }).click();
        const recorded = page.getByRole('region', { name: '已登记的批准' });
        await recorded
          .getByRole('row')
          .filter({ hasText: APPROVAL })
          .getByText('2026-06-01 至 2026-12-31')
          .waitFor();
        await screenshot(page, 'batch-approval');

        await submitList(agency.page, codes);
        const batch = agency.page.getByRole('row').filter({ hasText: PURPOSE });
        await batch.getByText(/^B-20260615-/).waitFor();
        const progress = batch.getByRole('progressbar');
        await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
        await batch.getByText('已处理 3 / 3').waitFor();
        await batch.getByText('已完成').waitFor();
        await animationsSettled(agency.page);
        await screenshot(agency.page, 'batch-done');
        const batchId = (await batch.getByText(/^B-20260615-/).textContent()) ?? '';
        const results = await downloadOf(agency.page, () =>
          batch.getByRole('link', { name: '下载结果（CSV）' }).click(),
        );
        expect(results.name).toBe(`${batchId}.csv`);
        const csv = results.content.toString('utf8');
        expect(csv.startsWith(RESULTS_HEADER)).toBe(true);
        expect(csv).toContain(`,${UNKNOWN},,,未找到该信用主体,`);
        for (const code of codes.slice(0, 2)) expect(csv).toContain(`,${code},${code},`);

        // R91, R99: each subject of the batch is a query of its own in the agency's ledger.
        await page.getByRole('menuitem', { name: '查询日志台账' }).click();
        await chooseOption(page, '查询单位', AGENCY);
        await page.getByRole('button', { name: '查看', exact: true }).click();
        const entries = page.getByRole('row').filter({ hasText: batchId });
        await expect.poll(() => entries.count()).toBe(2);
        await screenshot(page, 'batch-ledger');
        const ledger = await downloadOf(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
        expect(ledger.name).toBe(`查询日志台账-${AGENCY}-2026-05-16-${TODAY}.csv`);
        const lines = ledger.content.toString('utf8').trimEnd().split('\r\n');
        expect(lines[0]?.startsWith('\uFEFF台账序号,查询时间,被查询主体,查询单位,查询人员,')).toBe(true);
        expect(lines.filter((line) => line.includes(batchId))).toHaveLength(2);

        expect(unexpected(agency)).toEqual([]);
        expect(competent.errors).toEqual([]);
      } finally {
        await agency.close();
        await competent.close();
      }
    });
  },
);

describeE2E('R100 Nantong: a sharing agreement is recorded, the bank pulls a batch under it', () => {
  let server: TestServer;
  let browser: Browser;
  let codes: string[];

  beforeAll(async () => {
    ({ server, companies: codes } = await cityWithCompanies('南通', { GONGXIN_PROFILE: 'nantong' }));
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('R100 without an agreement the bank is told so; the competent department records one covering 社会公开; the bank’s batch then reaches 100 %', async () => {
    const bank = await openPage(browser);
    const competent = await openPage(browser);
    try {
      await signIn(bank.page, server.url, 'bank');
      await bank.page.getByRole('menuitem', { name: '批量查询' }).click();
      await bank.page.getByRole('heading', { level: 1, name: '信息批量交换' }).waitFor();
      await bank.page
        .getByRole('alert')
        .filter({ hasText: '暂不能提交批量查询' })
        .getByText('本单位未与公共信用信息工作机构签订信息共享协议，不能批量获取信息', { exact: true })
        .waitFor();

      // 004 第二十三条: the competent department records the agreement with the financial institution, public
      // information only.
      const { page } = competent;
      await signIn(page, server.url, 'competent');
      await page.getByRole('menuitem', { name: '批量查询批准' }).click();
      await page.getByRole('heading', { level: 1, name: '信息共享协议' }).waitFor();
      await page.getByLabel('协议编号').fill(AGREEMENT);
      await chooseOption(page, '协议单位', BANK);
      await page.getByLabel('协议内容').fill('企业社会公开信用信息的批量共享，用于授信审查');
      await page.getByRole('checkbox', { name: '授权查询' }).uncheck();
      await page.getByLabel('有效期起').fill('2026-06-01');
      await page.getByLabel('有效期至').fill('2027-05-31');
      await page.getByLabel('安全条件').fill('专线传输，结果文件加密保存');
      await page.getByRole('button', { name: '登记', exact: true }).click();
      const row = page
        .getByRole('region', { name: '已登记的协议' })
        .getByRole('row')
        .filter({ hasText: AGREEMENT });
      await row.getByText('社会公开（所选属性的全部事项）').waitFor();
      await row.getByText('有效', { exact: true }).waitFor();
      await animationsSettled(page);
      await screenshot(page, 'sharing-agreement');

      await submitList(bank.page, codes);
      await bank.page
        .getByRole('alert')
        .filter({ hasText: '本单位的信息共享协议' })
        .getByText(`${AGREEMENT}：2026-06-01 至 2027-05-31，涵盖社会公开（所选属性的全部事项）`)
        .waitFor();
      const batch = bank.page.getByRole('row').filter({ hasText: PURPOSE });
      const progress = batch.getByRole('progressbar');
      await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
      await batch.getByText('已完成').waitFor();
      await animationsSettled(bank.page);
      await screenshot(bank.page, 'sharing-agreement-batch');
      const results = await downloadOf(bank.page, () =>
        batch.getByRole('link', { name: '下载结果（CSV）' }).click(),
      );
      const csv = results.content.toString('utf8');
      for (const code of codes) expect(csv).toContain(`,${code},${code},`);

      expect(unexpected(bank)).toEqual([]);
      expect(competent.errors).toEqual([]);
    } finally {
      await bank.close();
      await competent.close();
    }
  });
});
