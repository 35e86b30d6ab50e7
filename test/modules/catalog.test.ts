import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textField } from '../../src/core/catalog/field.test-support.ts';
import type { CatalogItemDefinition } from '../../src/core/catalog/item.ts';
import type { WorkflowRequest } from '../../src/core/catalog/workflow.ts';
import type { ProfileId } from '../../src/core/policy/profile-id.ts';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { parseLocalDate } from '../../src/core/time/local-date.ts';
import { advanceCatalogWorkflow } from '../../src/modules/catalog/advance-workflow.ts';
import {
  CatalogChangeDeniedError,
  CatalogRulesError,
  runCatalogChange,
} from '../../src/modules/catalog/change-rules.ts';
import { createCatalogItem } from '../../src/modules/catalog/create-item.ts';
import { defaultCatalog } from '../../src/modules/catalog/default-catalog/index.ts';
import { type DraftContent, editCatalogDraft } from '../../src/modules/catalog/edit-draft.ts';
import {
  findItemForSubmission,
  listItemsForProvider,
} from '../../src/modules/catalog/item-for-submission.ts';
import { listPublishedItems } from '../../src/modules/catalog/list-published-items.ts';
import { readManagedItem } from '../../src/modules/catalog/read-managed-item.ts';
import { readPublishedItem } from '../../src/modules/catalog/read-published-item.ts';
import { setCatalogProviders } from '../../src/modules/catalog/set-providers.ts';
import { startCatalogVersion } from '../../src/modules/catalog/start-new-version.ts';
import { insertOrganizations } from '../../src/modules/organizations/store.ts';
import { demoCities } from '../../src/modules/seed/data/index.ts';
import { seedDemoCityIfEmpty } from '../../src/modules/seed/seed-if-empty.ts';
import { shiftedClock } from '../../src/platform/clock.ts';
import { type Actor, type Platform, type runUseCase, systemActor } from '../../src/platform/context.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../support/db.ts';

const SEEDED_ON = '2024-01-02';

/** A person at a department's desk; the catalog rules care only about the organization. */
const clerkOf = (organizationCode: string): Actor => ({
  kind: 'account',
  id: `account:${organizationCode}`,
  organizationCode,
});

interface City {
  database: TestDatabase;
  /** The instance as it stands on `day`. */
  on(day: string): Platform;
}

async function seededCity(id: ProfileId): Promise<City> {
  const database = await createTestDatabase();
  const profile = loadProfile(id, { nantongIssuedOn: parseLocalDate('2020-01-01') });
  const on = (day: string): Platform => ({ db: database.db, clock: shiftedClock(day), profile });
  await seedDemoCityIfEmpty(on(SEEDED_ON), 10);
  return { database, on };
}

/** The city's own 行政处罚 item, renamed: a realistic definition to start new items from. */
function itemLike(id: ProfileId, code: string, overrides: Partial<CatalogItemDefinition> = {}) {
  const profile = loadProfile(id, { nantongIssuedOn: parseLocalDate('2020-01-01') });
  const entry = defaultCatalog(profile, parseLocalDate(SEEDED_ON), demoCities[id].departments).find(
    (e) => e.definition.code === 'XZCF',
  );
  if (!entry) throw new Error('the default catalog has no XZCF');
  return { ...entry.definition, code, name: `${code} 测试事项`, ...overrides };
}

const contentOf = ({
  code: _code,
  levelDivisionCode: _level,
  ...content
}: CatalogItemDefinition): DraftContent => content;

const consult = (closesOn: string): WorkflowRequest => ({
  to: 'PUBLIC_CONSULTATION',
  closesOn: parseLocalDate(closesOn),
});
const approve = (approvedOn: string): WorkflowRequest => ({
  to: 'MUNICIPAL_GOVERNMENT_APPROVED',
  approvedOn: parseLocalDate(approvedOn),
});
const PUBLISH: WorkflowRequest = { to: 'PUBLISHED' };

function steps(city: City, actor: Actor = systemActor('test')) {
  const run = <T>(day: string, useCase: Parameters<typeof runUseCase<T>>[2]) =>
    runCatalogChange(city.on(day), actor, useCase);
  return {
    create: (day: string, definition: CatalogItemDefinition, ownerOrganizationCode: string | null = null) =>
      run(day, (ctx) => createCatalogItem(ctx, { definition, ownerOrganizationCode })),
    edit: (day: string, definition: CatalogItemDefinition) =>
      run(day, (ctx) => editCatalogDraft(ctx, { code: definition.code, content: contentOf(definition) })),
    providers: (day: string, code: string, organizationCodes: string[]) =>
      run(day, (ctx) => setCatalogProviders(ctx, { code, organizationCodes })),
    step: (day: string, code: string, request: WorkflowRequest) =>
      run(day, (ctx) => advanceCatalogWorkflow(ctx, { code, request, reference: null })),
    newVersion: (day: string, code: string) => run(day, (ctx) => startCatalogVersion(ctx, { code })),
  };
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CatalogRulesError))
    throw new Error(`expected catalog problems, got ${String(error)}`);
  return error.problems.map((problem) => problem.zh);
}

describe.each(['xiamen', 'weihai', 'nantong'] as const)(
  `the default catalog of %s on ${testEngine}`,
  (id) => {
    let city: City;
    beforeAll(async () => {
      city = await seededCity(id);
    });
    afterAll(() => city.database.dispose());

    it('is installed published by the seed, every item passing the city’s publication check', async () => {
      const platform = city.on('2024-06-03');
      const published = await listPublishedItems(platform);
      const expected = defaultCatalog(
        platform.profile,
        parseLocalDate(SEEDED_ON),
        demoCities[id].departments,
      );
      expect(published.map((item) => item.code).sort()).toEqual(
        expected.map((e) => e.definition.code).sort(),
      );
      for (const item of published) {
        const managed = await readManagedItem(platform, item.code);
        expect(
          managed?.versions.map((v) => [v.version, v.status, v.publishedOn]),
          item.code,
        ).toEqual([[1, 'PUBLISHED', SEEDED_ON]]);
      }
    });

    it('lets the market-regulation department submit penalties, licences and registrations', async () => {
      const scjg = `${demoCities[id].departments[0]?.code.split('-')[0]}-SCJG`;
      const mine = (await listItemsForProvider(city.database.db, scjg)).map((item) => item.code);
      expect(mine).toEqual(expect.arrayContaining(['XZCF', 'XZXK', 'SSZTDJ']));
      const penalty = await findItemForSubmission(city.database.db, 'XZCF', scjg);
      expect(penalty).toMatchObject({ version: 1, published: true, providerPermitted: true });
      expect(penalty?.definition.fields.find((f) => f.code === 'CF_XDR_ZJHM')?.aliases).toContain(
        'CF_XDR_SFZ',
      );
      expect(await findItemForSubmission(city.database.db, 'NO_SUCH', scjg)).toBeNull();
    });
  },
);

describe(`catalog changes under the Xiamen profile on ${testEngine}`, () => {
  let city: City;
  beforeAll(async () => {
    city = await seededCity('xiamen');
  });
  afterAll(() => city.database.dispose());
  const act = () => steps(city);

  it('R7 publication of 一般程序行政处罚 without a collection frequency is refused naming 归集频率', async () => {
    const item = itemLike('xiamen', 'YBCXCF', { name: '一般程序行政处罚', frequency: null });
    await act().create('2024-01-02', item);
    await act().providers('2024-01-02', item.code, ['XM-SCJG']);
    expect(await problemsOf(act().step('2024-01-02', item.code, consult('2024-02-01')))).toEqual([
      '缺少目录要素：归集频率',
    ]);
    const managed = await readManagedItem(city.on('2024-01-02'), item.code);
    expect(managed?.pending).toMatchObject({ version: 1, nextStep: 'PUBLIC_CONSULTATION' });
    expect(managed?.pending?.problems.map((p) => p.element)).toEqual(['COLLECTION_FREQUENCY']);
  });

  it('R8 an item of category OTHER is rejected with "category not defined in XM profile"', async () => {
    const error = await act()
      .create('2024-01-02', itemLike('xiamen', 'XYCNQT', { category: 'other' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogRulesError);
    expect((error as CatalogRulesError).problems[0]?.en).toBe('category not defined in XM profile');
    expect(await readManagedItem(city.on('2024-01-02'), 'XYCNQT')).toBeNull();
  });

  it('R10 an item whose consultation closed on 2024-02-01 but has no approval takes no records on 2024-02-05', async () => {
    const item = itemLike('xiamen', 'WFJZ');
    await act().create('2024-01-02', item);
    await act().providers('2024-01-02', item.code, ['XM-SCJG']);
    await act().step('2024-01-02', item.code, consult('2024-02-01'));
    await expect(act().step('2024-02-05', item.code, PUBLISH)).rejects.toThrow(
      /MUNICIPAL_GOVERNMENT_APPROVED/,
    );
    const forProvider = await findItemForSubmission(city.database.db, item.code, 'XM-SCJG');
    expect(forProvider).toMatchObject({ version: 1, published: false, providerPermitted: true });
    expect(await readPublishedItem(city.on('2024-02-05'), item.code)).toBeNull();

    await act().step('2024-02-20', item.code, approve('2024-02-19'));
    await act().step('2024-02-21', item.code, PUBLISH);
    expect(await findItemForSubmission(city.database.db, item.code, 'XM-SCJG')).toMatchObject({
      published: true,
    });
    const managed = await readManagedItem(city.on('2024-02-21'), item.code);
    expect(managed?.versions[0]).toMatchObject({
      status: 'PUBLISHED',
      consultationOpenedOn: '2024-01-02',
      consultationClosesOn: '2024-02-01',
      approvedOn: '2024-02-19',
      publishedOn: '2024-02-21',
    });
    expect(managed?.pending).toBeNull();
  });

  it('R10 a new version is drafted from the published one, which keeps taking records until the new one replaces it', async () => {
    const code = 'WFJZ';
    await expect(act().edit('2024-03-01', itemLike('xiamen', code, { frequency: '每周' }))).rejects.toThrow(
      /only a draft can be edited/,
    );
    expect(await act().newVersion('2024-03-01', code)).toEqual({ code, version: 2 });
    await expect(act().newVersion('2024-03-01', code)).rejects.toThrow(/not published/);
    await act().edit('2024-03-01', itemLike('xiamen', code, { frequency: '每周' }));
    expect(await findItemForSubmission(city.database.db, code, 'XM-SCJG')).toMatchObject({
      version: 1,
      published: true,
      definition: { frequency: '作出决定之日起7个工作日内' },
    });
    await act().step('2024-03-01', code, consult('2024-03-31'));
    await act().step('2024-04-02', code, approve('2024-04-01'));
    await act().step('2024-04-03', code, PUBLISH);
    const managed = await readManagedItem(city.on('2024-04-03'), code);
    expect(managed?.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'RETIRED'],
      [2, 'PUBLISHED'],
    ]);
    expect(await findItemForSubmission(city.database.db, code, 'XM-SCJG')).toMatchObject({
      version: 2,
      definition: { frequency: '每周' },
    });
  });

  it('R13 拖欠物业费 resting on a municipal bureau normative document is not sent out', async () => {
    const fee = itemLike('xiamen', 'TQWYF', {
      name: '拖欠物业费',
      specificBehaviour: true,
      legalBases: [{ type: 'NORMATIVE_DOCUMENT', title: '市住房局物业服务收费管理通知' }],
    });
    await act().create('2024-01-02', fee);
    await act().providers('2024-01-02', fee.code, ['XM-JSJ']);
    expect(await problemsOf(act().step('2024-01-02', fee.code, consult('2024-02-01')))).toEqual([
      '特定行为信息须以法律、行政法规、地方性法规、党中央、国务院政策文件为依据',
    ]);
  });

  it('R14 a BLOOD_TYPE field added to a natural-person draft is rejected; INCOME only with the consent fields', async () => {
    const person = itemLike('xiamen', 'ZRRCS', { subjectScope: 'natural_persons' });
    await act().create('2024-01-02', person);
    const blood = {
      ...person,
      fields: [...person.fields, textField('blood_type', '血型', { dataClass: 'BLOOD_TYPE' })],
    };
    expect(await problemsOf(act().edit('2024-01-03', blood))).toEqual([
      '涉及自然人的信息事项不得采集血型信息（字段“血型”）',
    ]);
    const income = textField('income', '月收入', { dataClass: 'INCOME' });
    const withIncome = { ...person, fields: [...person.fields, income] };
    expect(await problemsOf(act().edit('2024-01-03', withIncome))).toHaveLength(1);
    const consent = [
      textField('adverse_consequence_notice_ref', '不利后果告知文书号', { role: 'consentNoticeReference' }),
      textField('adverse_consequence_notice_date', '不利后果告知日期', {
        role: 'consentNoticeDate',
        type: 'date',
      }),
      textField('written_consent_ref', '书面同意文书号', { role: 'writtenConsentReference' }),
      textField('written_consent_date', '书面同意日期', { role: 'writtenConsentDate', type: 'date' }),
    ];
    await act().edit('2024-01-03', { ...withIncome, fields: [...withIncome.fields, ...consent] });
    const saved = await readManagedItem(city.on('2024-01-03'), person.code);
    expect(saved?.versions[0]?.definition.fields.map((f) => f.code)).toContain('written_consent_date');
  });

  it('R15 the usage permission is stored in the definition and read back with the agencies’ names', async () => {
    const arrears = await readPublishedItem(city.on('2024-06-03'), 'QJSBF');
    expect(arrears?.definition.usagePermission).toEqual(['XM-RSJ', 'XM-SWJ']);
    expect(arrears?.usagePermission).toEqual([
      { code: 'XM-RSJ', name: '厦门市人力资源和社会保障局' },
      { code: 'XM-SWJ', name: '国家税务总局厦门市税务局' },
    ]);
    expect(arrears).toMatchObject({ disclosure: 'government', disclosureName: '政务共享' });
    await expect(
      act().create('2024-01-02', itemLike('xiamen', 'BADUSE', { usagePermission: ['XM-NOBODY'] })),
    ).rejects.toThrow(/no such organization: XM-NOBODY/);
  });

  it('a provider must be a registered information provider', async () => {
    await expect(act().providers('2024-01-02', 'XZCF', ['XM-CENTER'])).rejects.toThrow(
      /not an information provider/,
    );
    await expect(act().providers('2024-01-02', 'NO_SUCH', ['XM-SCJG'])).rejects.toThrow(/no item NO_SUCH/);
  });
});

describe(`catalog changes under the Weihai profile on ${testEngine}`, () => {
  let city: City;
  beforeAll(async () => {
    city = await seededCity('weihai');
  });
  afterAll(() => city.database.dispose());

  it('R9 a data-list item with an empty 披露方式 is not published, so its records are returned', async () => {
    const item = itemLike('weihai', 'WPLFS', { disclosure: null });
    await steps(city).create('2024-05-06', item);
    await steps(city).providers('2024-05-06', item.code, ['WH-SCJG']);
    expect(await problemsOf(steps(city).step('2024-05-06', item.code, PUBLISH))).toEqual([
      '缺少目录要素：披露方式',
    ]);
    expect(await findItemForSubmission(city.database.db, item.code, 'WH-SCJG')).toMatchObject({
      published: false,
      definition: { disclosure: null },
    });
  });
});

describe(`catalog changes under the Nantong profile on ${testEngine}`, () => {
  let city: City;
  beforeAll(async () => {
    city = await seededCity('nantong');
    // 崇川区 (320602): its credit management department and a provider of its own level (004 第五条, 第八条).
    await insertOrganizations(
      city.database.db,
      [
        {
          code: 'NT-CC-FGW',
          name: '南通市崇川区发展和改革委员会',
          nameEn: null,
          kind: 'government_department',
          divisionCode: '320602',
          isProvider: true,
        },
        {
          code: 'NT-CC-SCJG',
          name: '南通市崇川区市场监督管理局',
          nameEn: null,
          kind: 'government_department',
          divisionCode: '320602',
          isProvider: true,
        },
      ],
      new Date(),
    );
  });
  afterAll(() => city.database.dispose());

  it('R7 an item without 保存期限 is not published', async () => {
    const item = itemLike('nantong', 'WBCQX', { retentionPeriod: null });
    await steps(city, clerkOf('NT-FGW')).create('2024-03-01', item, 'NT-FGW');
    expect(await problemsOf(steps(city).step('2024-03-01', item.code, consult('2024-03-31')))).toEqual([
      '缺少目录要素：保存期限',
    ]);
  });

  it('R8 信用承诺信息 of category OTHER is accepted, and the default one is OTHER', async () => {
    const commitment = itemLike('nantong', 'XYCNCS', {
      name: '信用承诺信息',
      recordKind: 'commitment',
      category: 'other',
    });
    await steps(city, clerkOf('NT-FGW')).create('2024-03-01', commitment, 'NT-FGW');
    expect((await readManagedItem(city.on('2024-03-01'), 'XYCNCS'))?.versions[0]?.definition.category).toBe(
      'other',
    );
    expect(await readPublishedItem(city.on('2024-03-01'), 'XYCN')).toMatchObject({
      category: 'other',
      categoryName: '其他信息',
      owner: { code: 'NT-FGW', name: '南通市发展和改革委员会' },
    });
  });

  it('R12 a 民政 user editing the update cycle of an enterprise item is denied, and the attempt is logged', async () => {
    const registration = await readManagedItem(city.on('2024-03-01'), 'SSZTDJ');
    expect(registration?.owner).toEqual({ code: 'NT-SCJG', name: '南通市市场监督管理局' });
    const draft = await steps(city, clerkOf('NT-SCJG')).newVersion('2024-03-01', 'SSZTDJ');
    const definition = registration?.versions[0]?.definition;
    if (!definition) throw new Error('no registration item');
    const edited = { ...definition, frequency: '每周' };

    const error = await steps(city, clerkOf('NT-MZJ'))
      .edit('2024-03-02', edited)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogChangeDeniedError);
    expect((error as CatalogChangeDeniedError).zh).toBe(
      '该目录事项由南通市市场监督管理局负责，本单位无权修改',
    );
    const after = await readManagedItem(city.on('2024-03-02'), 'SSZTDJ');
    expect(after?.versions.at(-1)).toMatchObject({
      version: draft.version,
      definition: { frequency: '实时' },
    });
    const logged = await city.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor', 'organization_code', 'object_id', 'detail'])
      .where('action', '=', 'catalog.change_refused')
      .execute();
    expect(logged).toEqual([
      expect.objectContaining({
        actor: 'account:NT-MZJ',
        organization_code: 'NT-MZJ',
        object_id: 'SSZTDJ',
        detail: expect.objectContaining({ attempted: 'edit_draft' }),
      }),
    ]);

    await steps(city, clerkOf('NT-SCJG')).edit('2024-03-02', edited);
    const owned = await readManagedItem(city.on('2024-03-02'), 'SSZTDJ');
    expect(owned?.versions.at(-1)?.definition.frequency).toBe('每周');
  });

  it('R12 an NT item must name its owning department, and only that department creates it', async () => {
    await expect(
      steps(city, clerkOf('NT-FGW')).create('2024-03-01', itemLike('nantong', 'WFZR')),
    ).rejects.toThrow(/name the owning department/);
    await expect(
      steps(city, clerkOf('NT-FGW')).create('2024-03-01', itemLike('nantong', 'QYCS'), 'NT-SCJG'),
    ).rejects.toBeInstanceOf(CatalogChangeDeniedError);
  });

  it('R11 the 崇川区 catalog is compiled, consulted on and published by its own level, leaving the city’s unchanged', async () => {
    const district = itemLike('nantong', 'CCXZCF', {
      name: '崇川区行政处罚信息',
      levelDivisionCode: '320602',
    });
    const ccSteps = steps(city, clerkOf('NT-CC-FGW'));
    await expect(steps(city, clerkOf('NT-FGW')).create('2024-03-01', district, 'NT-FGW')).rejects.toThrow(
      /owned by a department of that level/,
    );
    await ccSteps.create('2024-03-01', district, 'NT-CC-FGW');
    await expect(ccSteps.providers('2024-03-01', district.code, ['NT-SCJG'])).rejects.toThrow(
      /another level/,
    );
    await ccSteps.providers('2024-03-01', district.code, ['NT-CC-SCJG']);
    await expect(
      steps(city, clerkOf('NT-CC-SCJG')).providers('2024-03-01', 'XZCF', ['NT-CC-SCJG']),
    ).rejects.toThrow(CatalogChangeDeniedError);
    await ccSteps.step('2024-03-01', district.code, consult('2024-03-31'));
    await expect(
      steps(city, clerkOf('NT-FGW')).step('2024-04-01', district.code, PUBLISH),
    ).rejects.toBeInstanceOf(CatalogChangeDeniedError);
    await ccSteps.step('2024-04-01', district.code, PUBLISH);

    expect(await findItemForSubmission(city.database.db, district.code, 'NT-CC-SCJG')).toMatchObject({
      version: 1,
      published: true,
      providerPermitted: true,
      definition: { levelDivisionCode: '320602' },
    });
    const cityCatalog = await listPublishedItems(city.on('2024-04-02'), { level: null });
    expect(cityCatalog.map((item) => item.code)).not.toContain(district.code);
    expect(cityCatalog.find((item) => item.code === 'XZCF')).toMatchObject({
      version: 1,
      publishedOn: SEEDED_ON,
    });
    const districtCatalog = await listPublishedItems(city.on('2024-04-02'), { level: '320602' });
    expect(districtCatalog.map((item) => item.code)).toEqual([district.code]);
  });
});
