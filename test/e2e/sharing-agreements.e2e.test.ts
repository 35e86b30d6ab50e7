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
const BANK = 'NT-BANK-DEMO';
const AGREEMENT = 'NT-XY-2026-007';
const PURPOSE = '小微企业授信名单核查';

/** The bank's page: the purpose and the codes pasted one a line. */
async function submitList(page: Page, codes: readonly string[]) {
  await page.getByLabel('查询用途').fill(PURPOSE);
  await page.getByLabel('主体代码（每行一个）').fill(codes.join('\n'));
  await page.getByRole('button', { name: '提交批量查询' }).click();
}

/** The console shows the refusals the journey provokes (403); nothing else may fail. */
const unexpected = (opened: OpenedPage) => opened.errors.filter((e) => !e.includes('403 ('));

describeE2E('R100 Nantong: a sharing agreement is recorded, the bank pulls a batch under it', () => {
  let server: TestServer;
  let browser: Browser;
  let codes: string[];

  beforeAll(async () => {
    server = await startTestServer({ today: TODAY, env: { GONGXIN_PROFILE: 'nantong' } });
    const companies = (await searchSubjects(server.url, '南通')).filter((s) => s.kind === 'company');
    if (companies.length < 2) throw new Error('the demo seed has fewer than two companies named 南通…');
    codes = companies.slice(0, 2).map((c) => c.code);
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
