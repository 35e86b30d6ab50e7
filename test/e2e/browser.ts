/**
 * The end-to-end harness: Debian's Chromium (never a downloaded browser) driven by playwright-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type APIRequestContext,
  type Browser,
  chromium,
  type Locator,
  type Page,
  request,
} from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/seed/seed-demo-city.ts';
import type { SubjectSearchResult, SubjectSummary } from '../../web/src/api.ts';
import { freePort, startTestIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { type PenaltyRow, xmPenalty } from '../support/xm-penalty.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Quiet and deterministic: no sandbox (containers run as root), no GPU, no QUIC, nothing fetched in the
// background. Playwright starts every launch with a fresh temporary --user-data-dir of its own and removes
// it on close (it refuses one passed in `args`), so no profile state leaks between runs.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

function chromiumIsInstalled(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function boxed(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = `+${'-'.repeat(width + 2)}+`;
  return [rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule].join('\n');
}

const chromiumMissing = [
  `END-TO-END TESTS NEED CHROMIUM AT ${CHROMIUM_PATH}, WHICH IS MISSING.`,
  'Install Debian’s build (as root):   apt-get install -y chromium',
  'Set E2E_REQUIRED=1 to make a missing browser fail the run instead of skipping it.',
];

/**
 * `describe` for browser tests: runs them when Chromium is installed; otherwise skips them with a loud
 * warning, or fails when E2E_REQUIRED=1 (CI), so a missing browser never passes silently there.
 */
export function describeE2E(name: string, tests: () => void): void {
  if (chromiumIsInstalled()) {
    describe(name, tests);
  } else if (process.env.E2E_REQUIRED === '1') {
    describe(name, () => {
      it(`finds Chromium at ${CHROMIUM_PATH}`, () => {
        throw new Error(chromiumMissing.join('\n'));
      });
    });
  } else {
    console.warn(`\n${boxed(['SKIPPING END-TO-END TESTS', ...chromiumMissing])}\n`);
    // Deliberate (issue #2): `npm test` on a machine without Chromium must still pass, loudly; CI sets
    // E2E_REQUIRED=1 above, where the same absence fails the run.
    describe.skip(name, tests);
  }
}

/** Starts headless Chromium; close it in afterAll. */
export function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far: a journey that works leaves this empty. */
  errors: string[];
  /** Closes the page with its own context (cookies, storage). */
  close(): Promise<void>;
}

/** A page in a context of its own, so no storage (such as the language choice) carries between tests. */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} at ${message.location().url}`);
  });
  return { page, errors, close: () => context.close() };
}

/** Saves a full-page screenshot as test-results/<name>.png (kept as a CI artifact) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** What `animationsSettled` reads in the page; typed here because this file compiles without DOM types. */
interface AnimatedDocument {
  getAnimations(): Array<{
    playState: string;
    effect: { getComputedTiming(): { iterations: number } } | null;
  }>;
}

/**
 * Waits until no finite CSS animation runs (a drawer sliding in), so a screenshot shows the page at rest.
 * A spinner's animation repeats forever and never settles, so it is not waited for.
 */
export async function animationsSettled(page: Page): Promise<void> {
  // A function, not a string: the page's CSP forbids eval, and a function is passed to the page as such.
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: AnimatedDocument }).document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
}

/** Signs a demo account in through the login page, as a person would, and waits for its workspace. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(new URL('/login', baseUrl).href);
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/workspace');
}

/** A demo account signed in over the API, for a test to prepare what a journey needs (records, say). */
export interface ApiSession {
  /** POSTs JSON with the session's CSRF token; throws with the server's answer unless it is 2xx. */
  post<T>(path: string, body: unknown): Promise<T>;
  close(): Promise<void>;
}

async function answerOf<T>(
  response: Awaited<ReturnType<APIRequestContext['post']>>,
  what: string,
): Promise<T> {
  if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs a demo account in through the API (not the page), keeping its session cookie. */
export async function apiSignIn(baseUrl: string, username: string): Promise<ApiSession> {
  const context = await request.newContext({ baseURL: baseUrl });
  const session = await answerOf<{ csrfToken?: string }>(
    await context.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } }),
    `signing ${username} in`,
  );
  const headers: Record<string, string> = session.csrfToken ? { 'X-CSRF-Token': session.csrfToken } : {};
  return {
    post: async <T>(path: string, body: unknown) =>
      answerOf<T>(await context.post(path, { data: body, headers }), `POST ${path}`),
    close: () => context.dispose(),
  };
}

/** A page's errors apart from the identity provider's own pages asking the internet for a web font. */
export const ownErrors = (opened: OpenedPage) =>
  opened.errors.filter((e) => !e.includes('fonts.googleapis.com'));

/**
 * The market regulator's penalty decision number `n` about a company or, with `person`, a natural person:
 * decided and notified in May 2026, before the day the journeys run on (000 第十四条).
 */
export function mayPenalty(n: number, about: { name: string; code: string; person?: boolean }): PenaltyRow {
  return xmPenalty({
    CF_WSH: `厦市监罚〔2026〕${n}号`,
    CF_JDRQ: '2026-05-20',
    notice_ref: `厦市监告〔2026〕${n}号`,
    notice_date: '2026-05-10',
    repair_rights_notified_on: '2026-05-20',
    CF_XDR_MC: about.name,
    ...(about.person
      ? { CF_XDR_LB: '自然人', CF_XDR_SHXYM: null, CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: about.code }
      : { CF_XDR_SHXYM: about.code }),
  });
}

/** The demo provider (the market regulator) submits `rows` of `item` through the API; every row is accepted. */
export async function submitAsProvider(baseUrl: string, item: string, rows: PenaltyRow[]): Promise<void> {
  const provider = await apiSignIn(baseUrl, 'provider');
  try {
    const outcome = await provider.post<{ accepted: number; returns: unknown[] }>(
      '/api/v1/collection/batches',
      {
        item,
        rows,
      },
    );
    expect(outcome.returns).toEqual([]);
    expect(outcome.accepted).toBe(rows.length);
  } finally {
    await provider.close();
  }
}

/** The demo citizen as the identity provider knows it: the login there, and who it is here. */
export interface KnownCitizen {
  sub: string;
  code: string;
  name: string;
}

export interface RealNameInstance {
  server: TestServer;
  idp: TestIdentityProvider;
  citizen: KnownCitizen;
  close(): Promise<void>;
}

/**
 * The product with i厦门's stand-in (test/support/oidc-provider.ts) as its real-name verification, knowing the
 * demo citizen under `citizen.sub`: a journey signs in there with that login and any password.
 */
export async function startRealNameInstance(options: { today?: string } = {}): Promise<RealNameInstance> {
  const port = await freePort();
  const redirectUri = `http://localhost:${port}/api/v1/me/realname/callback`;
  const client = { clientId: 'gongxin-e2e', clientSecret: 'e2e-secret', redirectUri };
  const people: Array<{ sub: string; name: string; idNumber: string }> = [];
  const idp = await startTestIdentityProvider({ people, clients: [client] });
  const server = await startTestServer({
    today: options.today,
    env: {
      PORT: String(port),
      GONGXIN_REALNAME_ISSUER: idp.issuer,
      GONGXIN_REALNAME_CLIENT_ID: client.clientId,
      GONGXIN_REALNAME_CLIENT_SECRET: client.clientSecret,
      GONGXIN_REALNAME_REDIRECT_URI: redirectUri,
    },
  });
  const row = await server.platform.db
    .selectFrom('account')
    .innerJoin('subject', 'subject.subject_code', 'account.subject_code')
    .select(['subject.subject_code as code', 'subject.name'])
    .where('account.username', '=', 'citizen')
    .executeTakeFirstOrThrow();
  const citizen = { sub: 'ixm-citizen', ...row };
  people.push({ sub: citizen.sub, name: citizen.name, idNumber: citizen.code });
  return {
    server,
    idp,
    citizen,
    async close() {
      await server.close();
      await idp.close();
    },
  };
}

/** Signs the citizen in at the identity provider the verification page sent the browser to, and consents. */
export async function verifyAtIdentityProvider(page: Page, instance: RealNameInstance): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(instance.idp.issuer));
  await page.locator('input[name="login"]').fill(instance.citizen.sub);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Subjects the public search finds for `q`, as the portal's search answers them. */
export async function searchSubjects(baseUrl: string, q: string): Promise<SubjectSummary[]> {
  const response = await fetch(new URL(`/api/v1/public/subjects?${new URLSearchParams({ q })}`, baseUrl));
  if (!response.ok) throw new Error(`searching ${q} answered ${response.status}`);
  return ((await response.json()) as SubjectSearchResult).items;
}

/**
 * The signed-in citizen verifies its real name from the verification page with the identity provider's
 * stand-in. Its pages ask the internet for a web font: nothing leaves this machine.
 */
export async function verifyRealName(page: Page, instance: RealNameInstance): Promise<void> {
  await page.route(
    (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await page.getByRole('menuitem', { name: '实名认证' }).click();
  await page.getByRole('button', { name: '前往实名认证' }).click();
  await verifyAtIdentityProvider(page, instance);
  await page.getByRole('heading', { name: '实名认证成功' }).waitFor();
}

/**
 * Opens the select — labelled `field`, or the locator given — and picks the entry showing `option`, as a person
 * would; a list that takes several entries stays open, so Escape closes it. Only the open list is looked in:
 * a page or dialog may hold several selects.
 */
export async function chooseOption(
  page: Page,
  field: string | Locator,
  option: string | RegExp,
  { multiple = false } = {},
): Promise<void> {
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await (typeof field === 'string' ? page.getByLabel(field, { exact: true }) : field).click();
  // The list slides open: a click while it moves can land on what lies beneath.
  await animationsSettled(page);
  // The listbox's role=option elements are for screen readers; a person clicks the entry shown.
  await openList.locator('.ant-select-item-option', { hasText: option }).click();
  if (multiple) await page.keyboard.press('Escape');
  await openList.waitFor({ state: 'detached' });
}

/** What the browser downloads when `start` is done (a click on a link): the file's name and bytes. */
export async function downloadOf(
  page: Page,
  start: () => Promise<void>,
): Promise<{ name: string; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), content: fs.readFileSync(file) };
}
