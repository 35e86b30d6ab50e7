import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PublicOverview, SubjectSearchResult } from '../../web/src/api.ts';
import { startTestServer } from '../support/server.ts';
import { describeE2E, type OpenedPage, openBrowser, openPage, screenshot } from './browser.ts';

async function getJson<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The number a figure card shows next to its label, e.g. 信用主体 "1,234" → 1234. */
async function figure(page: Page, label: string): Promise<number> {
  const text = (await page.getByRole('group', { name: label }).textContent()) ?? '';
  return Number(text.replace(label, '').replaceAll(',', ''));
}

function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describeE2E('public home page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let opened: OpenedPage;
  let overview: PublicOverview;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await openBrowser();
    overview = await getJson<PublicOverview>(new URL('/api/v1/public/overview', server.url));
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the search box and the demo city figures in Chinese', async () => {
    opened = await openPage(browser);
    const { page } = opened;
    await page.goto(server.url);

    await page.getByRole('heading', { level: 1, name: '公共信用信息查询' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    const searchBox = page.getByRole('textbox', { name: '企业名称或统一社会信用代码' });
    expect(await searchBox.getAttribute('placeholder')).toBe('请输入企业名称或统一社会信用代码');
    await page.getByRole('link', { name: `公信 · ${overview.city.portalName}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: `${overview.city.name}信用信息概况` }).waitFor();
    expect(await figure(page, '信用主体')).toBeGreaterThan(0);
    expect(await figure(page, '企业及其他组织')).toBeGreaterThan(0);
    expect(await figure(page, '信息提供单位')).toBeGreaterThan(0);
    await screenshot(page, 'home-zh-CN');
    expect(opened.errors).toEqual([]);
  });

  it('refuses a one-character query inline without asking the server', async () => {
    const { page } = opened;
    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/public/subjects')) searches.push(request.url());
    });
    await page.getByRole('textbox', { name: '企业名称或统一社会信用代码' }).fill('厦');
    await page.keyboard.press('Enter');

    await page.getByRole('alert').filter({ hasText: '请至少输入 2 个字符' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(searches).toEqual([]);
  });

  it('switches to English, and keeps English after a reload', async () => {
    const { page } = opened;
    await page.getByRole('button', { name: 'English' }).click();

    await page.getByRole('heading', { level: 1, name: 'Public credit information search' }).waitFor();
    expect(await htmlLang(page)).toBe('en-US');
    const searchBox = page.getByRole('textbox', { name: 'Organisation name or unified social credit code' });
    expect(await searchBox.getAttribute('placeholder')).toBe(
      'Enter an organisation name or unified social credit code',
    );
    expect(await figure(page, 'Credit subjects')).toBe(overview.counts.subjects);
    await page.getByRole('button', { name: '中文' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Public credit information search' }).waitFor();
    expect(await htmlLang(page)).toBe('en-US');
    await screenshot(page, 'home-en-US');
    expect(opened.errors).toEqual([]);
  });

  it('finds a seeded organisation by its name and lists it with its code', async () => {
    const seeded = await getJson<SubjectSearchResult>(
      new URL(`/api/v1/public/subjects?${new URLSearchParams({ q: '厦门', limit: '1' })}`, server.url),
    );
    const organisation = seeded.items[0];
    if (!organisation) throw new Error('the demo seed has no organisation whose name contains 厦门');
    const { page } = opened;

    await page
      .getByRole('textbox', { name: 'Organisation name or unified social credit code' })
      .fill(organisation.name);
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    await page.waitForURL(
      (url) => url.pathname === '/search' && url.searchParams.get('q') === organisation.name,
    );
    const row = page.getByRole('row').filter({ hasText: organisation.code });
    await row.waitFor();
    expect(await row.textContent()).toContain(organisation.name);
    await page.getByRole('columnheader', { name: 'Unified social credit code' }).waitFor();
    await screenshot(page, 'search-en-US');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('columnheader', { name: '统一社会信用代码' }).waitFor();
    expect(await row.textContent()).toContain(organisation.name);
    await screenshot(page, 'search-zh-CN');
    expect(opened.errors).toEqual([]);
  });

  it('shows the server’s reason when a search fails, and retries it', async () => {
    const { page, close } = await openPage(browser);
    try {
      // Every search fails until the visitor retries (a development build may send the first one twice).
      let serverDown = true;
      await page.route(
        (url) => url.pathname === '/api/v1/public/subjects',
        (route) =>
          serverDown
            ? route.fulfill({ status: 503, json: { statusCode: 503, message: '数据库维护中' } })
            : route.continue(),
      );
      await page.goto(new URL(`/search?${new URLSearchParams({ q: '厦门' })}`, server.url).href);

      const failure = page.getByRole('alert').filter({ hasText: '查询失败' });
      await failure.waitFor();
      expect(await failure.textContent()).toContain('数据库维护中');
      serverDown = false;
      await page.getByRole('button', { name: '重试' }).click();
      await page.getByRole('row').filter({ hasText: '厦门' }).first().waitFor();
      expect(await failure.count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await openPage(browser, { width: 390, height: 844 });
    try {
      await phone.page.goto(server.url);
      await phone.page.getByRole('heading', { level: 1, name: '公共信用信息查询' }).waitFor();
      // A string, not a function: this file is checked without the DOM types the page has.
      const overflow = await phone.page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBe(0);
      await screenshot(phone.page, 'home-zh-CN-phone');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
