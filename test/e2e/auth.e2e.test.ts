import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startTestIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { describeE2E, openBrowser, openPage, screenshot, signIn } from './browser.ts';

/** Each demo account, its role's label and what its own home page shows that no other role's does. */
const DEMO_ACCOUNTS = [
  { username: 'center', role: '信用中心管理员', landmark: '管理提醒' },
  { username: 'staff', role: '信用中心业务人员', landmark: '管理提醒' },
  { username: 'competent', role: '信用主管部门', landmark: '管理提醒' },
  { username: 'archive', role: '档案管理员', landmark: '本单位' },
  { username: 'provider', role: '信息提供单位', landmark: '本单位' },
  { username: 'gov', role: '政务用户', landmark: '本单位' },
  { username: 'agency', role: '信用服务机构', landmark: '本单位' },
  { username: 'citizen', role: '信用主体', landmark: '实名认证' },
] as const;

describeE2E('sign-in, each role’s own home page, real-name verification and sign-out', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  let browser: Browser;
  let citizen: { code: string; name: string };

  beforeAll(async () => {
    const port = await freePort();
    const callback = `http://localhost:${port}/api/v1/me/realname/callback`;
    const people: Array<{ sub: string; name: string; idNumber: string }> = [];
    idp = await startTestIdentityProvider({
      people,
      clients: [{ clientId: 'gongxin-e2e', clientSecret: 'e2e-secret', redirectUri: callback }],
    });
    server = await startTestServer({
      env: {
        PORT: String(port),
        GONGXIN_REALNAME_ISSUER: idp.issuer,
        GONGXIN_REALNAME_CLIENT_ID: 'gongxin-e2e',
        GONGXIN_REALNAME_CLIENT_SECRET: 'e2e-secret',
        GONGXIN_REALNAME_REDIRECT_URI: callback,
      },
    });
    const row = await server.platform.db
      .selectFrom('account')
      .innerJoin('subject', 'subject.subject_code', 'account.subject_code')
      .select(['subject.subject_code', 'subject.name'])
      .where('account.username', '=', 'citizen')
      .executeTakeFirstOrThrow();
    citizen = { code: row.subject_code, name: row.name };
    // The provider (i厦门's stand-in) knows the citizen under its own subject identifier.
    people.push({ sub: 'ixm-0001', name: citizen.name, idNumber: citizen.code });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.username} signs in and lands on the ${account.role} home page`, async () => {
      const opened = await openPage(browser);
      try {
        const { page } = opened;
        await signIn(page, server.url, account.username);
        await page.getByRole('heading', { level: 1, name: /，您好$/ }).waitFor();
        await page.locator('.workspace .ant-tag').getByText(account.role, { exact: true }).waitFor();
        await page.getByRole('heading', { level: 2, name: account.landmark }).waitFor();
        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
        await screenshot(page, `workspace-${account.username}`);
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }

  it('the center’s administrator sees the account and API-client pages; a provider does not', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await signIn(page, server.url, 'center');
      await page.getByRole('menuitem', { name: '账号管理' }).click();
      await page.getByRole('heading', { level: 1, name: '账号管理' }).waitFor();
      const citizenRow = page.getByRole('row').filter({ hasText: 'citizen' });
      await citizenRow.waitFor();
      // Personal data stays masked for the administrator.
      expect(await citizenRow.textContent()).not.toContain(citizen.name);
      await screenshot(page, 'admin-accounts');

      await page.getByRole('menuitem', { name: '接口客户端' }).click();
      await page.getByRole('button', { name: '新建接口客户端' }).click();
      const dialog = page.getByRole('dialog', { name: '新建接口客户端' });
      await dialog.getByLabel('所属单位').fill('XM-SCJG');
      await page.keyboard.press('Enter');
      await dialog.getByLabel('系统名称').fill('行政处罚报送系统');
      await dialog.getByRole('button', { name: '确定' }).click();
      const secret = page.getByRole('dialog', { name: '已创建接口客户端 行政处罚报送系统' });
      await secret.getByText(/^gxs_/).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await screenshot(page, 'admin-api-client-secret');
      await secret.getByRole('button', { name: '我已记下' }).click();
      const row = page.getByRole('row').filter({ hasText: '行政处罚报送系统' });
      await row.getByRole('button', { name: '吊销' }).click();
      await page.getByRole('button', { name: '确定' }).click();
      await row.getByText('已吊销').waitFor();
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
    const provider = await openPage(browser);
    try {
      await signIn(provider.page, server.url, 'provider');
      expect(await provider.page.getByRole('menuitem', { name: '账号管理' }).count()).toBe(0);
      await provider.page.goto(new URL('/admin/accounts', server.url).href);
      await provider.page.getByRole('heading', { name: '无权访问' }).waitFor();
    } finally {
      await provider.close();
    }
  });

  it('a subject completes real-name verification at the OIDC provider, then sees its own data', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      // The provider's development pages ask for a web font on the internet: nothing leaves this machine.
      await page.route(
        (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
        (route) => route.abort(),
      );
      await signIn(page, server.url, 'citizen');
      // Before verification the subject's own name is masked, even for itself.
      await page
        .getByRole('heading', {
          level: 1,
          name: `${citizen.name[0]}${'*'.repeat(citizen.name.length - 1)}，您好`,
        })
        .waitFor();
      await page.getByRole('button', { name: '去实名认证' }).click();
      await page.getByRole('button', { name: '前往实名认证' }).click();

      await page.waitForURL((url) => url.href.startsWith(idp.issuer));
      await page.locator('input[name="login"]').fill('ixm-0001');
      await page.locator('input[name="password"]').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.waitForURL(
        (url) => url.pathname === '/verify' && url.searchParams.get('result') === 'verified',
      );
      await page.getByRole('heading', { name: '实名认证成功' }).waitFor();
      await screenshot(page, 'verify-success');
      await page.getByRole('button', { name: '返回工作台' }).click();
      await page.getByRole('heading', { level: 1, name: `${citizen.name}，您好` }).waitFor();
      const info = page
        .locator('.ant-card')
        .filter({ has: page.getByRole('heading', { name: '本主体基本信息' }) });
      await info.getByText(citizen.code, { exact: true }).waitFor();
      await screenshot(page, 'workspace-citizen-verified');
      expect(opened.errors.filter((e) => !e.includes('fonts.googleapis.com'))).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('signing out ends the session: the workspace asks for sign-in again', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await signIn(page, server.url, 'gov');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.goto(new URL('/workspace', server.url).href);
      await page.waitForURL((url) => url.pathname === '/login');
      const session = await page.evaluate<{ role: string }>(
        "fetch('/api/v1/session').then((response) => response.json())",
      );
      expect(session.role).toBe('public');
      await screenshot(page, 'signed-out');
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('the built app and the API documentation run under the Content-Security-Policy without a violation', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await page.addInitScript(
        "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI))",
      );
      const response = await page.goto(server.url);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByRole('heading', { level: 1, name: '公共信用信息查询' }).waitFor();
      await signIn(page, server.url, 'center');
      await page.getByRole('heading', { level: 2, name: '管理提醒' }).waitFor();
      await page.goto(new URL('/api/docs', server.url).href);
      await page.locator('.swagger-ui .info').waitFor();
      expect(violations).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('a wrong password gets the same message as an unknown username', async () => {
    const opened = await openPage(browser);
    try {
      const { page } = opened;
      await page.goto(new URL('/login', server.url).href);
      await page.getByLabel('用户名').fill('no-such-user');
      await page.getByLabel('密码').fill('wrong-password-1');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
      await screenshot(page, 'login-failed');
      // The browser console shows the refused request (401); nothing else may fail.
      expect(opened.errors.filter((e) => !e.includes('401'))).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
