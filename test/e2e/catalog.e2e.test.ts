import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { animationsSettled, describeE2E, openBrowser, openPage, screenshot, signIn } from './browser.ts';

describeE2E('the public credit information catalog and its management', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ today: '2026-06-15' });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the published items to a visitor who has not signed in, each with its fields', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await page.goto(server.url);
      await page.getByRole('menuitem', { name: '信用信息目录' }).click();
      await page.getByRole('heading', { level: 1, name: '公共信用信息目录' }).waitFor();
      const penalty = page.getByRole('row').filter({ hasText: 'XZCF' });
      await penalty.getByRole('cell', { name: '社会公开', exact: true }).waitFor();
      await penalty.getByRole('button', { name: '行政处罚信息' }).click();
      const item = page.getByRole('dialog', { name: '行政处罚信息（XZCF）' });
      await item.getByRole('cell', { name: '行政处罚决定书文号', exact: true }).waitFor();
      await item.getByText('《中华人民共和国行政处罚法》第四十八条（法律）').waitFor();
      await animationsSettled(page);
      await screenshot(page, 'catalog-public');
      await page.keyboard.press('Escape');
      await item.waitFor({ state: 'hidden' });

      await page.getByLabel('按名称或代码筛选').fill('行政许可');
      await page.getByRole('cell', { name: 'XZXK', exact: true }).waitFor();
      await expect(page.getByRole('cell', { name: 'XZCF', exact: true }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('R7 names the elements a new item still lacks and refuses to open its consultation until they are stated', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await signIn(page, server.url, 'center');
      await page.getByRole('menuitem', { name: '目录管理' }).click();
      await page.getByRole('heading', { level: 1, name: '目录管理' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'XZCF' }).getByText('已发布').waitFor();

      await page.getByRole('button', { name: '新建信息事项' }).click();
      const dialog = page.getByRole('dialog', { name: '新建信息事项' });
      await dialog.getByLabel('信息事项代码').fill('WYQF');
      await dialog.getByLabel('信息名称').fill('拖欠物业费信息');
      await dialog.getByLabel('信息类型').fill('欠缴');
      await page.keyboard.press('Enter');
      await dialog.getByLabel('适用主体').fill('法人');
      await page.keyboard.press('Enter');
      await dialog.getByRole('button', { name: '确定' }).click();

      await page.getByRole('heading', { level: 2, name: '拖欠物业费信息（WYQF）' }).waitFor();
      const workflow = page.getByRole('region', { name: '审定与发布' });
      await workflow.getByText('第 1 版当前为“草稿”，下一步：公开征求意见。').waitFor();
      await workflow.getByText('缺少目录要素：归集频率', { exact: false }).waitFor();

      await workflow.getByLabel('征求意见截止日期').fill('2026-07-15');
      await workflow.getByRole('button', { name: '发起公开征求意见' }).click();
      const refusal = workflow.getByRole('alert').filter({ hasText: '未能发起公开征求意见' });
      await refusal.getByText('归集频率', { exact: false }).first().waitFor();
      await screenshot(page, 'catalog-manage-refused');

      await page.getByLabel('归集频率').fill('每月');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor();
      await workflow.getByText('缺少目录要素：归集频率', { exact: false }).waitFor({ state: 'detached' });
      await screenshot(page, 'catalog-manage-draft');
      // The refused step is the one failed request the browser reports; nothing else went wrong.
      expect(errors).toEqual([
        expect.stringMatching(/status of 400 .*\/api\/v1\/catalog\/items\/WYQF\/transitions$/),
      ]);
    } finally {
      await close();
    }
  });
});
