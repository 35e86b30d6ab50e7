import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { animationsSettled, describeE2E, openBrowser, openPage, screenshot, signIn } from './browser.ts';

/** 国家统计局厦门调查队: a stationed unit the seed does not hold, by its USCC. */
const SURVEY_TEAM = '11350200MB0123457D';

describeE2E('the center registers a provider and permits its catalog items', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ today: '2024-03-18', subjects: 50 });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('R18 registers a stationed unit through the special channel, is told what is wrong with a bad code, and permits 行政处罚', async () => {
    const { page, errors, close } = await openPage(browser, { width: 1600 });
    try {
      await signIn(page, server.url, 'center');
      await page.getByRole('menuitem', { name: '信息提供单位' }).click();
      await page.getByRole('heading', { level: 1, name: '信息提供单位登记' }).waitFor();

      await page.getByRole('button', { name: '登记信息提供单位' }).click();
      const dialog = page.getByRole('dialog');
      await animationsSettled(page);
      await dialog.getByLabel('单位编码').fill(`${SURVEY_TEAM.slice(0, 17)}E`);
      await dialog.getByLabel('单位全称').fill('国家统计局厦门调查队');
      // Xiamen offers its judicial organs and stationed units (000 第十二条(三)), no voluntary providers.
      await page.getByLabel('信息提供单位类型', { exact: true }).click();
      await animationsSettled(page);
      await expect(
        page.locator('.ant-select-item-option', { hasText: '自愿提供单位' }).count(),
      ).resolves.toBe(0);
      await page.locator('.ant-select-item-option', { hasText: '省部属驻地单位' }).click();
      await dialog.getByText('依据：000 第十二条').waitFor();
      await dialog.getByText('司法机关、省部属驻地单位归集机制').waitFor();
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog
        .getByRole('alert')
        .getByText(/code: 统一社会信用代码无效/)
        .waitFor();

      await dialog.getByLabel('单位编码').fill(SURVEY_TEAM);
      await dialog.getByRole('button', { name: '确定' }).click();
      await page.getByText('已登记 国家统计局厦门调查队（省部属驻地单位）').waitFor();

      await page.getByLabel('按名称或编码筛选').fill('调查队');
      const row = page.getByRole('row', { name: /国家统计局厦门调查队/ });
      await row.getByRole('cell', { name: '省部属驻地单位', exact: true }).waitFor();
      await row.getByRole('button', { name: '许可报送事项' }).click();
      await animationsSettled(page);
      await page
        .getByRole('dialog')
        .getByLabel(/行政处罚信息（XZCF）/)
        .check();
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await page.getByText('国家统计局厦门调查队 现可报送 1 项目录事项').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await animationsSettled(page);
      await screenshot(page, 'center-providers');
      // The browser reports the refused bad code as a failed request; nothing else went wrong.
      expect(errors).toEqual([expect.stringMatching(/status of 400 .*\/api\/v1\/providers$/)]);
    } finally {
      await close();
    }
  });
});
