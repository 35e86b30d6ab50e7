import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { signInAs, type TestSession } from '../support/sessions.ts';

type Injected = Awaited<ReturnType<TestApp['app']['inject']>>;

describe(`the catalog over HTTP, Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  const sessions: Record<string, TestSession> = {};
  beforeAll(async () => {
    t = await createTestApp({ today: '2024-01-02', seedSubjects: 20 });
    for (const user of ['center', 'staff', 'competent', 'provider', 'gov', 'agency', 'citizen', 'archive']) {
      sessions[user] = await signInAs(t.app, user);
    }
  });
  afterAll(() => t.close());

  const get = (url: string, user?: string) =>
    t.app.inject({ method: 'GET', url, headers: user ? sessions[user]?.headers : {} });
  const send = (method: 'POST' | 'PUT', url: string, user: string, payload: unknown) =>
    t.app.inject({ method, url, headers: sessions[user]?.headers, payload: payload as object });

  it('the public reads the published catalog and one item with its data format, without signing in', async () => {
    const catalog = await get('/api/v1/catalog');
    expect(catalog.statusCode).toBe(200);
    const penalty = catalog.json().items.find((item: { code: string }) => item.code === 'XZCF');
    expect(penalty).toMatchObject({
      name: '行政处罚信息',
      version: 1,
      publishedOn: '2024-01-02',
      category: 'dishonest',
      categoryName: '失信信息',
      disclosure: 'public',
      disclosureName: '社会公开',
    });
    expect(penalty.providers).toEqual(
      expect.arrayContaining([{ code: 'XM-SCJG', name: '厦门市市场监督管理局' }]),
    );
    const item = await get('/api/v1/catalog/XZCF');
    expect(item.statusCode).toBe(200);
    const fields = item.json().definition.fields as Array<{ code: string; title: string; role?: string }>;
    expect(fields.find((f) => f.code === 'CF_WSH')).toMatchObject({
      title: '行政处罚决定书文号',
      role: 'documentNumber',
    });
    expect((await get('/api/v1/catalog/NO_SUCH')).statusCode).toBe(404);
  });

  it('a provider lists the published items it may submit, with their fields', async () => {
    const mine = await get('/api/v1/catalog/mine', 'provider');
    expect(mine.statusCode).toBe(200);
    const codes = mine.json().items.map((item: { code: string }) => item.code);
    expect(codes).toEqual(expect.arrayContaining(['XZCF', 'XZXK', 'SSZTDJ']));
    expect(codes).not.toContain('SXBZXR');
    expect(mine.json().items[0].definition.fields.length).toBeGreaterThan(0);
  });

  it('routes deny the wrong roles: only catalog compilers manage the catalog', async () => {
    expect((await get('/api/v1/catalog/manage')).statusCode).toBe(401);
    for (const user of ['provider', 'gov', 'agency', 'citizen', 'archive']) {
      expect((await get('/api/v1/catalog/manage', user)).statusCode, user).toBe(403);
      const create = await send('POST', '/api/v1/catalog/items', user, { definition: {} });
      expect(create.statusCode, user).toBe(403);
      const publish = await send('POST', '/api/v1/catalog/items/XZCF/transitions', user, { to: 'PUBLISHED' });
      expect(publish.statusCode, user).toBe(403);
    }
    for (const user of ['center', 'staff', 'competent']) {
      expect((await get('/api/v1/catalog/manage', user)).statusCode, user).toBe(200);
    }
    expect((await get('/api/v1/catalog/mine', 'center')).statusCode).toBe(403);
  });

  it('R7 R10 the competent department drafts an item, is told what blocks it, and takes it through consultation', async () => {
    const base = (await get('/api/v1/catalog/XZCF')).json().definition;
    const definition = { ...base, code: 'YBCXCF', name: '一般程序行政处罚', frequency: null };
    const created = await send('POST', '/api/v1/catalog/items', 'competent', { definition });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      code: 'YBCXCF',
      owner: null,
      versions: [{ version: 1, status: 'DRAFT', statusName: '草稿' }],
      pending: { version: 1, nextStep: 'PUBLIC_CONSULTATION' },
    });
    expect(created.json().pending.problems.map((p: { zh: string }) => p.zh)).toEqual([
      '缺少目录要素：信息提供单位',
      '缺少目录要素：归集频率',
    ]);

    const blocked: Injected = await send('POST', '/api/v1/catalog/items/YBCXCF/transitions', 'competent', {
      to: 'PUBLIC_CONSULTATION',
      closesOn: '2024-02-01',
    });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json()).toMatchObject({
      error: 'CATALOG_RULES',
      fields: [
        { field: 'providers', reason: '缺少目录要素：信息提供单位' },
        { field: 'frequency', reason: '缺少目录要素：归集频率' },
      ],
    });

    const { code: _code, levelDivisionCode: _level, ...content } = definition;
    const edited = await send('PUT', '/api/v1/catalog/items/YBCXCF/draft', 'competent', {
      definition: { ...content, frequency: '每日' },
    });
    expect(edited.statusCode).toBe(200);
    const providers = await send('PUT', '/api/v1/catalog/items/YBCXCF/providers', 'staff', {
      organizationCodes: ['XM-SCJG'],
    });
    expect(providers.json()).toMatchObject({ providers: [{ code: 'XM-SCJG' }], pending: { problems: [] } });

    const noDate = await send('POST', '/api/v1/catalog/items/YBCXCF/transitions', 'competent', {
      to: 'PUBLIC_CONSULTATION',
    });
    expect(noDate.statusCode).toBe(400);
    const consulting = await send('POST', '/api/v1/catalog/items/YBCXCF/transitions', 'competent', {
      to: 'PUBLIC_CONSULTATION',
      closesOn: '2024-02-01',
      reference: '厦发改公告〔2024〕1号',
    });
    expect(consulting.json()).toMatchObject({
      versions: [
        {
          status: 'PUBLIC_CONSULTATION',
          consultationOpenedOn: '2024-01-02',
          consultationClosesOn: '2024-02-01',
        },
      ],
      pending: { nextStep: 'MUNICIPAL_GOVERNMENT_APPROVED' },
    });
    const early = await send('POST', '/api/v1/catalog/items/YBCXCF/transitions', 'competent', {
      to: 'PUBLISHED',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('“公开征求意见”之后应为“市政府已批准”');

    const managed = await get('/api/v1/catalog/manage/YBCXCF', 'center');
    expect(managed.json().versions[0].definition.frequency).toBe('每日');
    expect((await get('/api/v1/catalog/YBCXCF')).statusCode).toBe(404);
    const list = (await get('/api/v1/catalog/manage', 'staff')).json().items;
    expect(list.find((item: { code: string }) => item.code === 'YBCXCF')).toMatchObject({
      versions: [{ version: 1, status: 'PUBLIC_CONSULTATION' }],
    });
  });

  it('R8 an item of category OTHER is refused in Xiamen, in English for a caller who asks', async () => {
    const base = (await get('/api/v1/catalog/XZCF')).json().definition;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items',
      headers: { ...sessions.center?.headers, 'accept-language': 'en' },
      payload: { definition: { ...base, code: 'XYCNQT', category: 'other' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([
      { field: 'category', reason: 'category not defined in XM profile' },
    ]);
  });
});

describe(`the catalog over HTTP, Nantong, on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ profileId: 'nantong', today: '2024-03-01', seedSubjects: 20 });
  });
  afterAll(() => t.close());

  it('R12 the credit department may not edit the market-regulation department’s item; the refusal is logged', async () => {
    const competent = await signInAs(t.app, 'competent');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items/SSZTDJ/versions',
      headers: competent.headers,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'CATALOG_CHANGE_DENIED' });
    expect(response.json().message).toContain('该目录事项由南通市市场监督管理局负责');
    const refusals = await t.platform.db
      .selectFrom('audit_event')
      .select(['object_id', 'organization_code'])
      .where('action', '=', 'catalog.change_refused')
      .execute();
    expect(refusals).toEqual([{ object_id: 'SSZTDJ', organization_code: 'NT-FGW' }]);

    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items/XZCF/versions',
      headers: competent.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      owner: { code: 'NT-FGW' },
      pending: { version: 2, nextStep: 'PUBLIC_CONSULTATION' },
    });
  });
});
