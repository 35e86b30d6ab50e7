import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SubjectSummary } from '../../web/src/api.ts';
import {
  animationsSettled,
  describeE2E,
  type KnownCitizen,
  openBrowser,
  openPage,
  type RealNameInstance,
  screenshot,
  searchSubjects,
  signIn,
  startRealNameInstance,
  verifyRealName,
} from './browser.ts';

const TODAY = '2026-06-15';
const PURPOSE = '办理流动资金贷款审查';
/** R82: what every authorized-query report prints beside the agreed purpose (000 第十八条 ¶2). */
const AGREED_USE = '仅限约定用途使用，未经信息主体同意不得向第三方提供';
/** XM's checklist for a legal person applying (002 第七条); the last one is left out at first. */
const MATERIALS = [
  '登记证件复印件（加盖公章）',
  '被查询主体的授权委托书原件（加盖公章）',
  '代理人身份证原件',
  '授权查询申请表',
];

/** The text the clipboard holds; read in the page, which this file compiles without DOM types for. */
function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
}

/** The officer fills an application of `company` for the citizen's records, with the materials ticked. */
async function fillApplication(
  page: Page,
  application: { subject: string; company: SubjectSummary; accessCode: string; materials: string[] },
) {
  await page.getByRole('tab', { name: '授权查询受理' }).click();
  await page.getByLabel('被查询主体代码').fill(application.subject);
  await page.getByRole('radio', { name: '法人及非法人组织' }).check();
  await page.getByLabel('申请人代码（统一社会信用代码或身份证件号码）').fill(application.company.code);
  await page.getByLabel('申请人名称或姓名').fill(application.company.name);
  for (const material of application.materials) {
    await page.getByRole('checkbox', { name: material, exact: true }).check();
  }
  await page.getByRole('radio', { name: '授权码（信息主体在线授权）' }).check();
  await page.getByLabel('授权码', { exact: true }).fill(application.accessCode);
}

describeE2E(
  'authorizations: the subject authorizes a party, the service point accepts its application',
  () => {
    let instance: RealNameInstance;
    let citizen: KnownCitizen;
    let company: SubjectSummary;
    let browser: Browser;

    beforeAll(async () => {
      instance = await startRealNameInstance({ today: TODAY });
      citizen = instance.citizen;
      const found = (await searchSubjects(instance.server.url, '厦门')).find((s) => s.kind === 'company');
      if (!found) throw new Error('the demo seed has no company whose name contains 厦门');
      company = found;
      browser = await openBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await instance?.close();
    });

    it('R80 R76 R77 R78 R82 the citizen authorizes a company once; the service point issues the citizen’s own report, refuses the incomplete application, issues the report to the complete one, and refuses the code used up; online the agency is sent to the service points', async () => {
      const url = instance.server.url;
      const subject = await openPage(browser);
      let accessCode = '';
      try {
        const { page } = subject;
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
        await signIn(page, url, 'citizen');
        await verifyRealName(page, instance);
        await page.getByRole('menuitem', { name: '我的信用' }).click();
        await page.getByRole('tab', { name: '我的授权' }).click();
        // R77: in Xiamen the party applies on site with the code.
        await page.getByText(/^厦门：被授权方须持授权码及授权查询申请材料/).waitFor();

        // No items, no validity: all 授权查询 items, one report on the day (R80, A-30).
        await page.getByLabel('被授权方代码（统一社会信用代码或身份证件号码）').fill(company.code);
        await page.getByLabel('被授权方名称或姓名').fill(company.name);
        await page.getByLabel('约定的查询用途').fill(PURPOSE);
        await page.getByRole('button', { name: '授权', exact: true }).click();
        await page.getByRole('status').getByText(`已授权${company.name}查询。`).waitFor();
        const granted = page.getByRole('row').filter({ hasText: PURPOSE });
        await granted.getByText(`仅限当日一次（${TODAY}）`).waitFor();
        await granted.getByText('全部授权查询事项').waitFor();
        await granted.getByText('在线授权（授权码）').waitFor();
        await granted.getByText('有效', { exact: true }).waitFor();
        await granted.getByRole('button', { name: '复制' }).click();
        accessCode = await clipboardText(page);
        expect(accessCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
        await granted.getByText(accessCode, { exact: true }).waitFor();
        await screenshot(page, 'authorizations-granted');

        // Another authorization, with a validity, withdrawn after confirming.
        await page.getByLabel('被授权方代码（统一社会信用代码或身份证件号码）').fill(company.code);
        await page.getByLabel('被授权方名称或姓名').fill(company.name);
        await page.getByLabel('约定的查询用途').fill('商务合作尽职调查');
        await page.getByLabel('有效期至（选填）').fill('2026-12-31');
        await page.getByRole('button', { name: '授权', exact: true }).click();
        const withdrawn = page.getByRole('row').filter({ hasText: '商务合作尽职调查' });
        await withdrawn.getByText(`${TODAY} 至 2026-12-31`).waitFor();
        await withdrawn.getByRole('button', { name: '撤销' }).click();
        // Playwright's click waits for the confirmation to stop zooming in (its actionability check).
        await page.getByRole('tooltip').getByText(`撤销对${company.name}的授权？`).waitFor();
        await page.getByRole('tooltip').getByRole('button', { name: '撤销' }).click();
        await withdrawn.getByText('已撤销').waitFor();
        await expect(withdrawn.getByRole('button', { name: '撤销' }).count()).resolves.toBe(0);
        expect(subject.errors.filter((e) => !e.includes('fonts.googleapis.com'))).toEqual([]);
      } finally {
        await subject.close();
      }

      const officer = await openPage(browser);
      try {
        const { page } = officer;
        await signIn(page, url, 'staff');
        await page.getByRole('menuitem', { name: '窗口受理' }).click();
        await page.getByRole('heading', { level: 1, name: '窗口查询受理' }).waitFor();
        // R76: the citizen at the window, its identity document checked, receives its own report.
        await page.getByLabel('主体代码（统一社会信用代码或身份证件号码）').fill(citizen.code);
        await expect(page.getByLabel('身份核验记录').inputValue()).resolves.toBe('身份证原件核验通过');
        await page.getByRole('button', { name: '核验通过，出具报告' }).click();
        await page.waitForURL((u) => u.pathname.startsWith('/reports/') && u.searchParams.has('code'));
        await page.locator('.report-head').getByText('本人查询', { exact: true }).waitFor();
        await page.goBack();

        const application = { subject: citizen.code, company, accessCode };
        // R78: incomplete, not accepted, with what is missing.
        await fillApplication(page, { ...application, materials: MATERIALS.slice(0, 3) });
        await page.getByRole('button', { name: '受理并出具报告' }).click();
        const notAccepted = page.getByRole('alert').filter({ hasText: '材料不全，不予受理' });
        await notAccepted.getByText('授权查询申请表', { exact: true }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/service-point');
        await animationsSettled(page);
        await screenshot(page, 'authorizations-not-accepted');

        await page.getByRole('checkbox', { name: '授权查询申请表', exact: true }).check();
        await page.getByRole('button', { name: '受理并出具报告' }).click();
        await page.waitForURL((u) => u.pathname.startsWith('/reports/') && u.searchParams.has('code'));
        await page
          .getByRole('status')
          .getByText(/^申请已受理，受理时间：/)
          .waitFor();
        await page.getByRole('heading', { level: 1, name: '公共信用信息报告' }).waitFor();
        const head = page.locator('.report-head');
        await head.getByText('授权查询', { exact: true }).waitFor();
        await head.getByText(PURPOSE, { exact: true }).waitFor();
        await page.getByRole('region', { name: '使用声明' }).getByText(AGREED_USE).waitFor();
        await screenshot(page, 'authorizations-report');

        // the code without a validity served its one report.
        await page.goBack();
        await fillApplication(page, { ...application, materials: MATERIALS });
        await page.getByRole('button', { name: '受理并出具报告' }).click();
        await page
          .getByRole('alert')
          .filter({ hasText: '未出具报告' })
          .getByText('该授权未载明有效期，仅可出具一次报告，已使用', { exact: true })
          .waitFor();
        expect(new URL(page.url()).pathname).toBe('/service-point');
        // The browser console shows the refused applications (422, 403); nothing else may fail.
        expect(officer.errors.filter((e) => !/\b(422|403) \(/.test(e))).toEqual([]);
      } finally {
        await officer.close();
      }

      const agency = await openPage(browser);
      try {
        const { page } = agency;
        await signIn(page, url, 'agency');
        await page.getByRole('menuitem', { name: '授权查询' }).click();
        await page.getByRole('heading', { level: 1, name: '授权查询' }).waitFor();
        await page.getByLabel('被查询主体代码（统一社会信用代码或身份证件号码）').fill(citizen.code);
        await page.getByLabel('授权码', { exact: true }).fill(accessCode);
        await page.getByRole('button', { name: '查询并出具报告' }).click();
        // R77: not an error to retry, but where to go instead.
        const refusal = page.getByRole('alert').filter({ hasText: '本市不受理在线授权查询' });
        await refusal.getByText('查询他人授权信息需至服务咨询点现场申请', { exact: true }).waitFor();
        await screenshot(page, 'authorizations-online-refused');
        expect(agency.errors.filter((e) => !e.includes('403 ('))).toEqual([]);
      } finally {
        await agency.close();
      }
    });
  },
);
