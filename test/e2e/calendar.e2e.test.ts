import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { describeE2E, openBrowser, openPage, screenshot, signIn } from './browser.ts';

const NOTICE_FILE = path.resolve(import.meta.dirname, '../fixtures/holiday-notice-2027-hypothetical.json');

describeE2E('the center administrator loads next year’s holiday notice', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    // From 1 December the platform warns while next year's notice is missing.
    server = await startTestServer({ today: '2026-12-01' });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('R4 sees 2027 missing, uploads the notice file, and sees it covered', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await signIn(page, server.url, 'center');

      await page.getByRole('menuitem', { name: '节假日安排' }).click();
      await page.getByRole('heading', { level: 1, name: '工作日日历' }).waitFor();
      await page.getByText('2027年的节假日安排尚未载入').waitFor();
      await screenshot(page, 'admin-calendar-missing');

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '载入通知文件（JSON）' }).click();
      await (await chooser).setFiles(NOTICE_FILE);
      await page.getByText('已载入 2027 年节假日安排：11 个放假日，1 个调休上班日').waitFor();
      await page.getByRole('cell', { name: '2027', exact: true }).waitFor();
      await page.getByText('2027年的节假日安排尚未载入').waitFor({ state: 'detached' });
      await screenshot(page, 'admin-calendar-loaded');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
