import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestServer } from '../support/server.ts';
import {
  animationsSettled,
  chooseOption,
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
  verifyRealName,
} from './browser.ts';

/** A Monday: the whole case runs on one day, well within every step's due date (R123–R125). */
const TODAY = '2026-06-15';
/** The penalty the citizen objects to, and another of its records it leaves alone. */
const OBJECTED = '厦市监罚〔2026〕91号';
const UNTOUCHED = '厦市监罚〔2026〕92号';
const STATEMENT = '该处罚决定已被撤销，平台仍在公示';
/** The provider's reason for not acting, which the notice of the outcome must carry (R122). */
const PROVIDER_REASON = '经核查，处罚决定现行有效，未被撤销';
const MARKER = '异议处理中';

/** The citizen's penalty with decision number `number` as its own credit page shows it. */
function penaltyCard(page: Page, number: string): Locator {
  return page.getByRole('article', { name: '行政处罚信息' }).filter({ hasText: number });
}

/** Opens the desk's step dialog on the case's row and submits it once `fill` has filled it. */
async function deskStep(
  page: Page,
  caseNumber: string,
  step: string,
  fill: (dialog: Locator) => Promise<void> = async () => {},
): Promise<void> {
  await page
    .getByRole('row')
    .filter({ hasText: caseNumber })
    .getByRole('button', { name: step, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: `${step} ${caseNumber}` });
  await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describeE2E('objections: the subject objects, the center and the provider handle it (Xiamen)', () => {
  let instance: RealNameInstance;
  let server: TestServer;
  let citizen: KnownCitizen;
  let browser: Browser;

  beforeAll(async () => {
    instance = await startRealNameInstance({ today: TODAY });
    ({ server, citizen } = instance);
    // Two dishonest penalties about the citizen from the demo provider, the market regulator.
    const about = { ...citizen, person: true };
    await submitAsProvider(server.url, 'XZCF', [mayPenalty(91, about), mayPenalty(92, about)]);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  /**
   * Signs `username` in on a page of its own (the citizen verified and on 我的信用), lets it `act`, and checks
   * that nothing failed in the page meanwhile.
   */
  async function asUser(username: string, act: (page: Page) => Promise<void>): Promise<void> {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await signIn(page, server.url, username);
      if (username === 'citizen') {
        await verifyRealName(page, instance);
        await page.getByRole('menuitem', { name: '我的信用' }).click();
      }
      await act(page);
      expect(ownErrors(opened)).toEqual([]);
    } finally {
      await opened.close();
    }
  }

  // Six sign-ins, three of them verifying the citizen's real name: longer than the default minute allows.
  it('R121 R122 R123 R124 R125 R67 the citizen objects to a penalty; the center accepts, compares and forwards it; the provider finds it unfounded; the center closes it REJECTED and the citizen reads why', async () => {
    let caseNumber = '';

    // 1. The citizen files its objection online (000 第二十六条).
    await asUser('citizen', async (page) => {
      await page.getByRole('tab', { name: '我要异议' }).click();
      await chooseOption(page, page.getByLabel('有异议的信息'), OBJECTED, { multiple: true });
      await chooseOption(page, page.getByLabel('异议事由'), '信息存在错误、遗漏');
      await page.getByLabel('异议内容和理由').fill(STATEMENT);
      await page.getByRole('button', { name: '提交异议' }).click();
      const filed = page.getByRole('status').getByText(/^已提交异议申请 OBJ-XM-\d+$/);
      caseNumber = ((await filed.textContent()) ?? '').replace('已提交异议申请 ', '');
      const mine = page.getByRole('region', { name: '我的异议' });
      const row = mine.getByRole('row').filter({ hasText: caseNumber });
      await row.getByText('待受理').waitFor();
      await row.getByText('信息存在错误、遗漏').waitFor();
      // The case names the record as the subject knows it, by its decision's number.
      await row.getByRole('button', { name: '展开行' }).click();
      await mine.getByRole('row').filter({ hasText: STATEMENT }).getByText(OBJECTED).waitFor();
      await screenshot(page, 'objections-filed');
    });

    // 2. The center accepts it, compares the platform's record with the source and forwards it (R122, R123).
    await asUser('staff', async (page) => {
      await page.getByRole('menuitem', { name: '异议处理' }).click();
      await page.getByRole('heading', { level: 1, name: '异议处理' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: caseNumber });
      await row.getByText('待受理').waitFor();
      // What the case is about, before deciding on it.
      await row.getByRole('button', { name: '展开行' }).click();
      const details = page.getByRole('row').filter({ hasText: STATEMENT });
      await details.getByText(/^记录 \d+$/).waitFor();
      await deskStep(page, caseNumber, '受理');
      await row.getByText('已受理').waitFor();
      // R123: the comparison within two working days of acceptance.
      await row.getByText('平台比对 2026-06-17').waitFor();
      await animationsSettled(page);
      await screenshot(page, 'objections-accepted');
      await deskStep(page, caseNumber, '比对并转交核查', (dialog) =>
        chooseOption(page, dialog.getByLabel('平台数据与信息源比对结果'), '与信息源一致'),
      );
      await row.getByText('核查中').waitFor();
      // R124: three working days from the notice.
      await row.getByText('信息提供单位核查 2026-06-18').waitFor();
      await details.getByText('与信息源一致').waitFor();
      await animationsSettled(page);
      await screenshot(page, 'objections-forwarded');
    });

    // 3. Meanwhile the record carries the marker on the citizen's own credit page, the other does not (R67).
    await asUser('citizen', async (page) => {
      await penaltyCard(page, OBJECTED).getByText(MARKER).waitFor();
      await penaltyCard(page, UNTOUCHED).waitFor();
      await expect(penaltyCard(page, UNTOUCHED).getByText(MARKER).count()).resolves.toBe(0);
      await screenshot(page, 'objections-marked');
    });

    // 4. The provider, responsible for the objection, answers 异议不成立 with its reason (R124).
    await asUser('provider', async (page) => {
      await page.getByRole('menuitem', { name: '异议核查' }).click();
      await page.getByRole('heading', { level: 1, name: '异议核查任务' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: caseNumber });
      await row.getByRole('button', { name: '展开行' }).click();
      await page.getByRole('row').filter({ hasText: STATEMENT }).getByText('与信息源一致').waitFor();
      await row.getByRole('button', { name: '反馈核查结果' }).click();
      const dialog = page.getByRole('dialog', { name: `反馈核查结果 ${caseNumber}` });
      await dialog.getByRole('radio', { name: '异议不成立' }).check();
      await dialog.getByLabel('理由').fill(PROVIDER_REASON);
      await animationsSettled(page);
      await screenshot(page, 'objections-provider-answer');
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('已反馈核查结果').waitFor();
    });

    // 5. The center closes the case as the provider found (R125) and notifies the citizen (R122).
    await asUser('staff', async (page) => {
      await page.getByRole('menuitem', { name: '异议处理' }).click();
      const row = page.getByRole('row').filter({ hasText: caseNumber });
      await row.getByText('已反馈核查结果').waitFor();
      await deskStep(page, caseNumber, '办结', (dialog) =>
        chooseOption(page, dialog.getByLabel('处理结果'), '异议不成立'),
      );
      await row.getByText('已办结').waitFor();
      await row.getByText(`异议不成立：${PROVIDER_REASON}`).waitFor();
      await animationsSettled(page);
      await screenshot(page, 'objections-closed');
    });

    await asUser('citizen', async (page) => {
      await penaltyCard(page, OBJECTED).waitFor();
      await expect(penaltyCard(page, OBJECTED).getByText(MARKER).count()).resolves.toBe(0);
      await page.getByRole('tab', { name: '我要异议' }).click();
      const row = page
        .getByRole('region', { name: '我的异议' })
        .getByRole('row')
        .filter({ hasText: caseNumber });
      await row.getByText('已办结').waitFor();
      await page.getByRole('region', { name: '处理结果通知' }).getByText(PROVIDER_REASON).waitFor();
      await screenshot(page, 'objections-notified');
    });
  }, 120_000);
});
