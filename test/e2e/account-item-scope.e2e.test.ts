import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { chooseOption, describeE2E, openBrowser, openPage, screenshot, signIn } from './browser.ts';

describeE2E('the center opens an agency’s query account scoped to its approved items', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ today: '2024-03-18' });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('R89 the administrator picks 行政处罚 for a government account; the list shows the scope', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await signIn(page, server.url, 'center');
      await page.getByRole('menuitem', { name: '账号管理' }).click();
      await page.getByRole('heading', { level: 1, name: '账号管理' }).waitFor();
      await page.getByRole('button', { name: '新建账号' }).click();
      const dialog = page.getByRole('dialog', { name: '新建账号' });
      await dialog.getByLabel('用户名').fill('czj-li');
      await dialog.getByLabel('姓名 / 名称').fill('李四');
      await chooseOption(page, '角色', '政务用户');
      await dialog.getByLabel('所属单位').fill('XM-CZJ');
      await page.keyboard.press('Enter');
      // Several items may be picked: the list stays open until the administrator leaves it.
      await dialog.getByLabel('可查询的信息事项').fill('XZCF');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await dialog.locator('.ant-select-selection-item', { hasText: '行政处罚信息（XZCF）' }).waitFor();
      await screenshot(page, 'admin-account-item-scope');
      await dialog.getByRole('button', { name: '确定' }).click();
      const secret = page.getByRole('dialog', { name: '已创建账号 czj-li' });
      await secret.getByRole('button', { name: '我已记下' }).click();
      const row = page.getByRole('row').filter({ hasText: 'czj-li' });
      await row.getByText('行政处罚信息').waitFor();
      // The demo government account is not scoped.
      await page.getByRole('row').filter({ hasText: 'gov' }).first().getByText('不限定').waitFor();
      await screenshot(page, 'admin-accounts-scoped');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
