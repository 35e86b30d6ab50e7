import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SubjectSearchResult } from '../../web/src/api.ts';
import type { TestServer } from '../support/server.ts';
import {
  animationsSettled,
  describeE2E,
  type KnownCitizen,
  mayPenalty,
  openBrowser,
  openPage,
  ownErrors,
  type RealNameInstance,
  screenshot,
  signIn,
  startRealNameInstance,
  submitAsProvider,
  verifyAtIdentityProvider,
} from './browser.ts';

/** The day the instance runs on: the penalty below was decided and notified before it (000 第十四条). */
const TODAY = '2026-06-15';
/** The sixth scenario of 000 第十九条, which must name the provision it rests on (R85). */
const OTHER_SCENARIO = '国家、省、市规定的其他情形（须引用规定）';
const LICENSING_SCENARIO = '实施行政许可、行政检查和较大数额行政处罚';

/** The report number the report page shows in its head. */
async function shownReportNumber(page: Page): Promise<string> {
  const head = page.locator('.report-head');
  const number = await head.locator('tr', { hasText: '报告编码' }).locator('td').first().textContent();
  if (!number) throw new Error('the report page shows no number');
  return number.trim();
}

describeE2E(
  'disclosure: the subject page, public credit reports, one’s own credit and government queries',
  () => {
    let instance: RealNameInstance;
    let server: TestServer;
    let citizen: KnownCitizen;
    let browser: Browser;
    let company: { code: string; name: string };

    beforeAll(async () => {
      // The citizen verifies its real name with i厦门's stand-in, as in the sign-in journey.
      instance = await startRealNameInstance({ today: TODAY });
      ({ server, citizen } = instance);

      // A seeded company the portal finds.
      const search = await fetch(
        new URL(`/api/v1/public/subjects?${new URLSearchParams({ q: '厦门' })}`, server.url),
      );
      const found = ((await search.json()) as SubjectSearchResult).items.find((s) => s.kind === 'company');
      if (!found) throw new Error('the demo seed has no company whose name contains 厦门');
      company = found;
      // Dishonest penalties from the market regulator about the company and about the citizen.
      await submitAsProvider(server.url, 'XZCF', [
        mayPenalty(88, company),
        mayPenalty(89, { ...citizen, person: true }),
      ]);
      browser = await openBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await instance?.close();
    });

    it('R62 R94 R95 anyone finds a subject, issues its public credit report and verifies it by number and by file', async () => {
      const opened = await openPage(browser);
      const { page } = opened;
      try {
        await page.goto(new URL(`/search?${new URLSearchParams({ q: company.name })}`, server.url).href);
        await page.getByRole('link', { name: company.name, exact: true }).click();
        await page.waitForURL((url) => url.pathname === `/subjects/${company.code}`);
        await page.getByRole('heading', { level: 1, name: company.name }).waitFor();
        const penalty = page.getByRole('article', { name: '行政处罚信息' });
        await penalty.getByText('厦市监罚〔2026〕88号').waitFor();
        await penalty.getByText('厦门市市场监督管理局').first().waitFor();
        // A category without records says so instead of vanishing.
        await page.getByText('无记录').first().waitFor();
        await screenshot(page, 'disclosure-subject');

        await page.getByRole('button', { name: '出具公共信用报告' }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/reports/') && url.searchParams.has('code'));
        await page.getByRole('heading', { level: 1, name: '公共信用信息报告' }).waitFor();
        await page.getByRole('status').getByText('真实有效', { exact: true }).waitFor();
        const number = await shownReportNumber(page);
        expect(number).toMatch(/^RPT-20260615-\d{6}$/);
        await page.getByRole('article', { name: '行政处罚信息' }).getByText('厦市监罚〔2026〕88号').waitFor();
        await screenshot(page, 'disclosure-report');
        // Printed, the report is the document alone.
        await page.emulateMedia({ media: 'print' });
        await expect(page.getByRole('banner').isVisible()).resolves.toBe(false);
        await expect(page.getByRole('button', { name: '打印报告' }).isVisible()).resolves.toBe(false);
        await screenshot(page, 'disclosure-report-print');
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 390, height: 844 });
        await screenshot(page, 'disclosure-report-phone');
        await page.setViewportSize({ width: 1280, height: 800 });

        const pdfLink = page.getByRole('link', { name: '下载 PDF' });
        const pdf = await page.request.get(
          new URL((await pdfLink.getAttribute('href')) ?? '', server.url).href,
        );
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        const file = await pdf.body();

        await page.getByRole('contentinfo').getByRole('link', { name: '报告核验' }).click();
        await page.getByRole('heading', { level: 1, name: '信用报告核验' }).waitFor();
        await page.getByLabel('报告编码').fill(number);
        await page.getByRole('button', { name: '核验', exact: true }).click();
        const result = page.locator('.report-verify-result');
        await result.getByRole('status').getByText('真实有效', { exact: true }).waitFor();
        await result.getByText(company.code).waitFor();

        await upload(page, { name: `${number}.pdf`, mimeType: 'application/pdf', buffer: file });
        await result.getByText(`文件：${number}.pdf`).waitFor();
        await result.getByRole('status').getByText('真实有效', { exact: true }).waitFor();
        await screenshot(page, 'disclosure-verify-file');

        // One byte changed: no longer the file issued.
        const forged = Buffer.from(file);
        forged[forged.length - 20] = (forged[forged.length - 20] ?? 0) ^ 0x01;
        await upload(page, { name: 'forged.pdf', mimeType: 'application/pdf', buffer: forged });
        await result.getByText('文件：forged.pdf').waitFor();
        await result.getByRole('status').getByText('不真实', { exact: true }).waitFor();
        await screenshot(page, 'disclosure-verify-forged');
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    });

    it('R62 a subject with more records than a page shows 50 of a category, its total, and the rest on 显示更多', async () => {
      const search = await fetch(
        new URL(`/api/v1/public/subjects?${new URLSearchParams({ q: '厦门' })}`, server.url),
      );
      const other = ((await search.json()) as SubjectSearchResult).items.find(
        (s) => s.kind === 'company' && s.code !== company.code,
      );
      if (!other) throw new Error('the demo seed has only one company whose name contains 厦门');
      await submitAsProvider(
        server.url,
        'XZCF',
        Array.from({ length: 52 }, (_, i) => mayPenalty(200 + i, other)),
      );
      const opened = await openPage(browser);
      const { page } = opened;
      try {
        await page.goto(new URL(`/subjects/${other.code}`, server.url).href);
        await page.getByRole('heading', { level: 1, name: other.name }).waitFor();
        const penalties = page.getByRole('article', { name: '行政处罚信息' });
        await penalties.nth(49).waitFor();
        expect(await penalties.count()).toBe(50);
        await page.getByRole('heading', { level: 2, name: /（52 条）/ }).waitFor();
        await page.getByRole('button', { name: '显示更多（已显示 50 条，共 52 条）' }).click();
        await penalties.nth(51).waitFor();
        expect(await penalties.count()).toBe(52);
        await expect(page.getByRole('button', { name: /显示更多/ }).count()).resolves.toBe(0);
        expect(ownErrors(opened)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('R65 R75 the citizen verifies its real name, downloads its own report and sees that query in 谁查询了我', async () => {
      const opened = await openPage(browser);
      const { page } = opened;
      try {
        // The identity provider's pages ask the internet for a web font: nothing leaves this machine.
        await page.route(
          (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
          (route) => route.abort(),
        );
        await signIn(page, server.url, 'citizen');
        await page.getByRole('menuitem', { name: '我的信用' }).click();
        await page.getByRole('heading', { level: 2, name: '请先完成实名认证' }).waitFor();
        await page.getByRole('button', { name: '去实名认证' }).click();
        await page.getByRole('button', { name: '前往实名认证' }).click();
        await verifyAtIdentityProvider(page, instance);
        await page.getByRole('heading', { name: '实名认证成功' }).waitFor();

        await page.getByRole('menuitem', { name: '我的信用' }).click();
        await page.getByRole('heading', { level: 1, name: '我的信用' }).waitFor();
        // Verified, the subject reads its own name and number unmasked.
        await page.getByText(citizen.code, { exact: true }).first().waitFor();
        await page.getByText(citizen.name, { exact: true }).first().waitFor();
        await page.getByRole('article', { name: '行政处罚信息' }).getByText('厦市监罚〔2026〕89号').waitFor();
        await screenshot(page, 'disclosure-my-credit');

        await page.getByRole('button', { name: '下载我的信用报告' }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/reports/'));
        await page.getByRole('heading', { level: 1, name: '公共信用信息报告' }).waitFor();
        await page.getByRole('status').getByText('真实有效', { exact: true }).waitFor();
        await page.locator('.report-head').getByText('本人查询').waitFor();
        const number = await shownReportNumber(page);

        await page.goBack();
        await page.getByRole('tab', { name: '谁查询了我' }).click();
        const ownReport = page.getByRole('row').filter({ hasText: number });
        await ownReport.getByText('信息主体本人 · 网上查询').waitFor();
        await ownReport.getByText('返回 1 条记录').waitFor();
        // Opening the page was a self-query too, logged without a report.
        const selfQueries = page.getByRole('row').filter({ hasText: '查询自身信用信息' });
        await expect.poll(() => selfQueries.count()).toBeGreaterThanOrEqual(2);
        await screenshot(page, 'disclosure-who-queried-me');
        expect(ownErrors(opened)).toEqual([]);
      } finally {
        await opened.close();
      }
    });

    it('R84 R85 a government user queries with a scenario and purpose, and scenario (6) without its provision is refused', async () => {
      const opened = await openPage(browser);
      const { page } = opened;
      try {
        await signIn(page, server.url, 'gov');
        await page.getByRole('menuitem', { name: '政务查询' }).click();
        await page.getByRole('heading', { level: 1, name: '政务查询' }).waitFor();

        await page.getByLabel('主体代码（统一社会信用代码或身份证件号码）').fill(company.code);
        await chooseScenario(page, LICENSING_SCENARIO);
        await page.getByLabel('查询事由').fill('核查行政许可申请人信用');
        await page.getByLabel('办件或案件编号').fill('XK-2026-0615');
        await page.getByRole('button', { name: '查询', exact: true }).click();
        const result = page.getByRole('region', { name: '查询结果' });
        await result.getByText(/本次查询已记入查询台账（第 \d+ 条）/).waitFor();
        await result
          .getByRole('article', { name: '行政处罚信息' })
          .getByText('厦市监罚〔2026〕88号')
          .waitFor();
        await screenshot(page, 'disclosure-gov-result');

        await chooseScenario(page, OTHER_SCENARIO);
        await page.getByLabel('所依据的规定').waitFor();
        // The form's own submit button: its accessible name was not found in one CI run out of several.
        await page.locator('form.gov-query-form button[type="submit"]').click();
        const refusal = page.getByRole('alert').filter({ hasText: '查询未执行' });
        await refusal.getByText('选择“其他情形”须注明所依据的规定').waitFor();
        await expect(result.count()).resolves.toBe(0);
        await animationsSettled(page);
        await screenshot(page, 'disclosure-gov-refused');

        await page.getByRole('tab', { name: '本单位查询台账' }).click();
        const ledger = page.getByRole('tabpanel', { name: '本单位查询台账' });
        await ledger.getByRole('row').filter({ hasText: 'XK-2026-0615' }).first().waitFor();
        await ledger.getByRole('row').filter({ hasText: '已拒绝：未注明依据' }).waitFor();
        await ledger.getByRole('row').filter({ hasText: '返回 1 条记录' }).waitFor();
        await screenshot(page, 'disclosure-gov-ledger');
        // The browser console shows the refused query (400); nothing else may fail.
        expect(opened.errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
      } finally {
        await opened.close();
      }
    });

    it('R61 the center asks on the archive page why the public sees a record', async () => {
      const opened = await openPage(browser);
      const { page } = opened;
      try {
        await signIn(page, server.url, 'staff');
        await page.getByRole('menuitem', { name: '信用档案' }).click();
        await page.getByLabel('统一社会信用代码或身份证件号码').fill(company.code);
        await page.getByRole('button', { name: '查阅档案' }).click();
        await page.getByRole('button', { name: '行政处罚信息（XZCF）' }).click();
        const drawer = page.getByRole('dialog', { name: /^行政处罚信息 · 记录 \d+$/ });
        await drawer.getByRole('heading', { name: '为何可见/不可见' }).waitFor();
        await drawer.getByRole('button', { name: '说明' }).click();
        await drawer.getByRole('status').getByText('社会公众可以看到此记录').waitFor();
        await animationsSettled(page);
        await screenshot(page, 'disclosure-explain');
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  },
);

/** Picks a file through the upload button's file chooser, as a person would. */
async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择报告 PDF 文件' }).click();
  await (await chooser).setFiles(file);
}

/** Opens the scenario list and picks one entry. */
async function chooseScenario(page: Page, scenario: string) {
  await page.getByLabel('查询场景').click();
  // The list slides open: a click while it moves can land on what lies beneath.
  await animationsSettled(page);
  // The listbox's role=option elements are for screen readers; a person clicks the entry shown.
  await page.locator('.ant-select-item-option', { hasText: scenario }).click();
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
}
