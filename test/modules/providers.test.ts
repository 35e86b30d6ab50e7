import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileId } from '../../src/core/policy/profile-id.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { readArchive, type SubmissionOutcome, submitRows, uploadFile } from '../support/collection.ts';
import { testEngine } from '../support/db.ts';
import { signInAs, type TestSession } from '../support/sessions.ts';
import { csvText, xmPenalty } from '../support/xm-penalty.ts';

const XM_ORG_A = '91350200MA2Y0AB171';
const NT_ORG = '91320600MA1W0NT05J';
const WH_ORG = '91371000MA3C0WH09C';
/** Valid USCCs (GB 32100) of organizations the seed does not hold. */
const SURVEY_TEAM = '11350200MB0123457D';
const BUILDERS_ASSOCIATION = '51320600MJ5678901B';
const PUBLICITY_DEPARTMENT = '11371000MB0987650D';
const XM_NEW_UNIT = '11350200MB02468014';
const XM_ASSOCIATION = '51350200MJ1357908H';

const securityEnv = { GONGXIN_RATE_LIMIT_LOGIN: '1000' };

interface Registration {
  code: string;
  name: string;
  providerType: string;
  collectionChannel: string;
  divisionCode: string;
  nameEn?: string;
}

function register(t: TestApp, session: TestSession, body: Registration, language = 'zh-CN') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/providers',
    headers: { ...session.headers, 'accept-language': language },
    payload: body,
  });
}

function permitItems(t: TestApp, session: TestSession, code: string, itemCodes: string[]) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/providers/${code}/items`,
    headers: session.headers,
    payload: { itemCodes },
  });
}

async function providerList(t: TestApp) {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/providers' });
  expect(response.statusCode).toBe(200);
  return response.json<
    Array<{ code: string; providerType: string | null; collectionChannel: string | null }>
  >();
}

/** The center gives the provider an account; its operator signs in and sets a password of its own. */
async function providerAccount(t: TestApp, center: TestSession, organizationCode: string, username: string) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/accounts',
    headers: center.headers,
    payload: { username, displayName: `${username} 报送员`, role: 'provider', organizationCode },
  });
  expect(created.statusCode, created.body).toBe(201);
  const temporary = created.json<{ temporaryPassword: string }>().temporaryPassword;
  const session = await signInAs(t.app, username, temporary);
  const changed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: session.headers,
    payload: { currentPassword: temporary, newPassword: 'Provider-own-2026' },
  });
  expect(changed.statusCode, changed.body).toBe(204);
  return session;
}

async function registrationEvents(t: TestApp, code: string) {
  return t.platform.db
    .selectFrom('audit_event')
    .select(['action', 'actor', 'detail'])
    .where('action', '=', 'providers.register')
    .where('object_id', '=', code)
    .execute();
}

async function appFor(profileId: ProfileId, today: string) {
  const t = await createTestApp({ profileId, today, securityEnv });
  return { t, center: await signInAs(t.app, 'center') };
}

/** A 失信被执行人 record of the national list, with what Xiamen asks of every dishonest record. */
const judgmentDebtor = {
  subject_name: '厦门阿尔法贸易有限公司',
  subject_category: '法人及非法人组织',
  uscc: XM_ORG_A,
  document_number: '（2024）闽02执456号',
  decided_on: '2024-03-12',
  authority: '厦门市中级人民法院',
  filed_on: '2024-01-08',
  basis_document: '（2023）闽02民初789号',
  obligation: '支付货款人民币五十万元及利息',
  performance: '全部未履行',
  behaviour: '有履行能力而拒不履行生效法律文书确定义务',
  severity: '严重',
  notice_ref: '（2024）闽02执456号告知书',
  notice_date: '2024-03-05',
  repair_rights_notified: '是',
  repair_rights_notified_on: '2024-03-05',
};

describe(`R18 providers in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let center: TestSession;
  let archive: TestSession;

  beforeAll(async () => {
    ({ t, center } = await appFor('xiamen', '2024-03-18'));
    archive = await signInAs(t.app, 'archive');
  });
  afterAll(() => t.close());

  it('R18 厦门市中级人民法院 registered as a judicial organ: its 失信被执行人 record is stored under its provider ID with provider type JUDICIAL_ORGAN', async () => {
    const registered = await register(t, center, {
      code: 'XM-ZJFY',
      name: '厦门市中级人民法院',
      providerType: 'JUDICIAL_ORGAN',
      collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
      divisionCode: '350200',
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json()).toMatchObject({
      created: false,
      provider: {
        code: 'XM-ZJFY',
        providerType: 'JUDICIAL_ORGAN',
        collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
      },
    });
    expect(await providerList(t)).toContainEqual(
      expect.objectContaining({ code: 'XM-ZJFY', providerType: 'JUDICIAL_ORGAN' }),
    );
    const [event] = await registrationEvents(t, 'XM-ZJFY');
    expect(event?.detail).toMatchObject({ created: false, previous: { providerType: null } });

    const court = await providerAccount(t, center, 'XM-ZJFY', 'zjfy.clerk');
    const outcome = await submitRows(t, court, 'SXBZXR', [judgmentDebtor]);
    expect(outcome).toMatchObject({ accepted: 1, returned: 0 });
    const { records } = await readArchive(t, archive, XM_ORG_A);
    expect(records).toContainEqual(
      expect.objectContaining({
        itemCode: 'SXBZXR',
        providerCode: 'XM-ZJFY',
        providerName: '厦门市中级人民法院',
        providerType: 'JUDICIAL_ORGAN',
        state: 'ACTIVE',
      }),
    );
  });

  it('R18 a stationed unit new to the platform is registered under its USCC, permitted 行政处罚 by the center, and its uploaded file is stored with provider type STATIONED_UNIT', async () => {
    const registered = await register(t, center, {
      code: SURVEY_TEAM,
      name: '国家统计局厦门调查队',
      nameEn: 'Xiamen Survey Team of the National Bureau of Statistics',
      providerType: 'STATIONED_UNIT',
      collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
      divisionCode: '350200',
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json().provider).toMatchObject({ code: SURVEY_TEAM, kind: 'stationed_unit' });

    const permitted = await permitItems(t, center, SURVEY_TEAM, ['xzcf']);
    expect(permitted.statusCode, permitted.body).toBe(200);
    expect(permitted.json()).toEqual({ code: SURVEY_TEAM, items: ['XZCF'], added: ['XZCF'], removed: [] });
    const item = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalog/manage/XZCF',
      headers: center.headers,
    });
    expect(item.json().providers).toContainEqual({ code: SURVEY_TEAM, name: '国家统计局厦门调查队' });

    const team = await providerAccount(t, center, SURVEY_TEAM, 'survey.team');
    const penalty = xmPenalty({
      CF_WSH: '厦调罚〔2024〕2号',
      CF_WFXW: '统计违法',
      CF_SY: '拒绝提供统计资料',
      CF_YJ: '《中华人民共和国统计法》第四十一条',
      CF_CFJG: '国家统计局厦门调查队',
      CF_CFJGDM: SURVEY_TEAM,
      CF_SJLY: '国家统计局厦门调查队',
      CF_SJLYDM: SURVEY_TEAM,
    });
    const outcome = await uploadFile(t, team, 'XZCF', '统计处罚.csv', Buffer.from(csvText([penalty])));
    expect(outcome).toMatchObject({ accepted: 1, returned: 0 });
    const { records } = await readArchive(t, archive, XM_ORG_A);
    expect(records).toContainEqual(
      expect.objectContaining({
        itemCode: 'XZCF',
        providerCode: SURVEY_TEAM,
        providerType: 'STATIONED_UNIT',
      }),
    );
  });

  it('R18 R19 Xiamen allows no voluntary providers: the type is refused naming the field, in Chinese or English, and nothing is registered', async () => {
    const body = {
      code: XM_ASSOCIATION,
      name: '厦门市建筑行业协会',
      providerType: 'VOLUNTARY',
      collectionChannel: 'FILE_REPORTING',
      divisionCode: '350200',
    };
    const refused = await register(t, center, body);
    expect(refused.statusCode).toBe(400);
    const [problem] = refused.json().fields;
    expect(problem.field).toBe('providerType');
    expect(problem.reason).toContain('本市规定不允许登记“自愿提供单位”');
    expect(problem.reason).toContain('司法机关');
    const english = await register(t, center, body, 'en');
    expect(english.json().fields[0].reason).toContain('does not allow providers of type VOLUNTARY');
    expect((await providerList(t)).map((p) => p.code)).not.toContain(body.code);
  });

  it('R18 a judicial organ outside the special channel, a code that is no USCC, a name not the code’s and another city’s division are refused, each naming its field', async () => {
    const court = {
      code: 'XM-ZJFY',
      name: '厦门市中级人民法院',
      providerType: 'JUDICIAL_ORGAN',
      collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
      divisionCode: '350200',
    };
    const cases: Array<[Partial<Registration>, string, string]> = [
      [{ collectionChannel: 'FILE_REPORTING' }, 'collectionChannel', '司法机关、省部属驻地单位归集机制'],
      [{ code: '11350200MB0123457E', name: '某新单位' }, 'code', '统一社会信用代码无效'],
      [{ code: 'XM-NEW-UNIT', name: '某新单位' }, 'code', '不是统一社会信用代码'],
      [{ name: '厦门中院' }, 'name', '已属于“厦门市中级人民法院”'],
      [{ code: XM_NEW_UNIT }, 'name', '已有同名单位“厦门市中级人民法院”（代码 XM-ZJFY）'],
      [{ divisionCode: '320600' }, 'divisionCode', '不是厦门市或其所辖区'],
    ];
    for (const [change, field, reason] of cases) {
      const refused = await register(t, center, { ...court, ...change });
      expect(refused.statusCode, JSON.stringify(change)).toBe(400);
      expect(refused.json().fields[0], JSON.stringify(change)).toMatchObject({
        field,
        reason: expect.stringContaining(reason),
      });
    }
  });

  it('R18 registering needs providers.manage: center staff and a provider are refused', async () => {
    for (const username of ['staff', 'provider']) {
      const session = await signInAs(t.app, username);
      const refused = await register(t, session, {
        code: 'XM-HSFY',
        name: '厦门海事法院',
        providerType: 'JUDICIAL_ORGAN',
        collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
        divisionCode: '350200',
      });
      expect(refused.statusCode, username).toBe(403);
    }
    expect(await registrationEvents(t, 'XM-HSFY')).toEqual([]);
  });
});

/** A 表彰奖励 row: an award to an enterprise. */
const award = (overrides: Record<string, string>) => ({
  subject_name: '南通某建设集团有限公司',
  subject_category: '法人及非法人组织',
  uscc: NT_ORG,
  award_name: '南通市优质工程奖',
  document_number: '通建协〔2024〕12号',
  decided_on: '2024-04-01',
  authority: '南通市建筑业协会',
  award_level: '市级',
  ...overrides,
});

/** What a batch returned, without the wording: the row, the field and the reason code. */
const reasons = (outcome: SubmissionOutcome) =>
  outcome.returns.map(({ row, field, reason }) => ({ row, field, reason }));

/** The center registers a voluntary provider (R19) and gives it an account. */
async function voluntaryProvider(
  t: TestApp,
  center: TestSession,
  registration: Omit<Registration, 'providerType'>,
  username: string,
) {
  const registered = await register(t, center, { ...registration, providerType: 'VOLUNTARY' });
  expect(registered.statusCode, registered.body).toBe(201);
  expect(registered.json().provider).toMatchObject({ providerType: 'VOLUNTARY', kind: 'voluntary' });
  return providerAccount(t, center, registration.code, username);
}

/**
 * R19 "the same rules": the voluntary provider's rows and the same rows from the city's market regulator
 * (an administrative organ, the demo provider) are accepted and returned alike, for the same reasons.
 */
async function submitAlike(t: TestApp, voluntary: TestSession, item: string, rows: object[]) {
  const fromVoluntary = await submitRows(t, voluntary, item, rows);
  const fromAdministrative = await submitRows(t, await signInAs(t.app, 'provider'), item, rows);
  expect(fromVoluntary).toMatchObject({
    accepted: fromAdministrative.accepted,
    returned: fromAdministrative.returned,
  });
  expect(reasons(fromVoluntary)).toEqual(reasons(fromAdministrative));
  return fromVoluntary;
}

describe(`R19 voluntary providers in Nantong, on ${testEngine}`, () => {
  let t: TestApp;
  let center: TestSession;

  beforeAll(async () => {
    ({ t, center } = await appFor('nantong', '2024-04-10'));
  });
  afterAll(() => t.close());

  it('R19 南通市建筑业协会 registered as a voluntary provider: a bad row is returned exactly as an administrative organ’s, a good one stored with provider type VOLUNTARY', async () => {
    const association = await voluntaryProvider(
      t,
      center,
      {
        code: BUILDERS_ASSOCIATION,
        name: '南通市建筑业协会',
        collectionChannel: 'FILE_REPORTING',
        divisionCode: '320600',
      },
      'nt.builders',
    );

    // 004 第六条 (R12): the credit department owns the item, so the center cannot permit it; the owner can.
    const byCenter = await permitItems(t, center, BUILDERS_ASSOCIATION, ['BZJL']);
    expect(byCenter.statusCode).toBe(403);
    expect(byCenter.json().error).toBe('CATALOG_CHANGE_DENIED');
    const owner = await signInAs(t.app, 'competent');
    const byOwner = await permitItems(t, owner, BUILDERS_ASSOCIATION, ['BZJL']);
    expect(byOwner.statusCode, byOwner.body).toBe(200);

    const rows = [award({}), award({ uscc: '91320600MA1W0NT05K', document_number: '通建协〔2024〕13号' })];
    const voluntary = await submitAlike(t, association, 'BZJL', rows);
    expect(voluntary).toMatchObject({ received: 2, accepted: 1, returned: 1 });
    expect(reasons(voluntary)).toEqual([{ row: 2, field: 'uscc', reason: 'INVALID_USCC' }]);

    const { records } = await readArchive(t, center, NT_ORG);
    expect(records).toContainEqual(
      expect.objectContaining({
        itemCode: 'BZJL',
        providerCode: BUILDERS_ASSOCIATION,
        providerName: '南通市建筑业协会',
        providerType: 'VOLUNTARY',
      }),
    );
    // The department loaded at set-up provides as before; it has no registered type until the center gives it one.
    expect(records).toContainEqual(expect.objectContaining({ providerCode: 'NT-SCJG', providerType: null }));
  });

  it('R19 Nantong registers no judicial organ (004 第二条): refused naming the field and the article', async () => {
    const refused = await register(t, center, {
      code: 'NT-ZJFY',
      name: '南通市中级人民法院',
      providerType: 'JUDICIAL_ORGAN',
      collectionChannel: 'FILE_REPORTING',
      divisionCode: '320600',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0]).toMatchObject({
      field: 'providerType',
      reason: expect.stringContaining('004 第二条'),
    });
  });
});

describe(`R19 voluntary providers in Weihai, on ${testEngine}`, () => {
  let t: TestApp;
  let center: TestSession;

  beforeAll(async () => {
    ({ t, center } = await appFor('weihai', '2024-04-10'));
  });
  afterAll(() => t.close());

  it('R19 an other organ (中共威海市委宣传部) provides voluntarily: a township award is returned as for an administrative organ (003 第十二条 县级以上), a municipal one stored with provider type VOLUNTARY', async () => {
    const organ = await voluntaryProvider(
      t,
      center,
      {
        code: PUBLICITY_DEPARTMENT,
        name: '中共威海市委宣传部',
        collectionChannel: 'EXCHANGE_PLATFORM',
        divisionCode: '371000',
      },
      'wh.publicity',
    );
    // Weihai's catalog has no owning departments: the center permits the item itself.
    const permitted = await permitItems(t, center, PUBLICITY_DEPARTMENT, ['BZJL']);
    expect(permitted.statusCode, permitted.body).toBe(200);

    const rows = [
      award({
        subject_name: '威海某海洋食品有限公司',
        uscc: WH_ORG,
        award_name: '威海市文明单位',
        document_number: '威文明〔2024〕3号',
        authority: '中共威海市委宣传部',
        award_level: '市级',
        final_effective: '是',
      }),
      award({
        subject_name: '威海某海洋食品有限公司',
        uscc: WH_ORG,
        award_name: '宋村镇文明单位',
        document_number: '宋宣〔2024〕4号',
        authority: '中共威海市文登区宋村镇委员会',
        award_level: '乡镇级',
        final_effective: '是',
      }),
    ];
    const voluntary = await submitAlike(t, organ, 'BZJL', rows);
    expect(voluntary).toMatchObject({ accepted: 1, returned: 1 });
    expect(reasons(voluntary)[0]).toMatchObject({ row: 2, field: 'award_level' });

    const { records } = await readArchive(t, center, WH_ORG);
    expect(records).toContainEqual(
      expect.objectContaining({ providerCode: PUBLICITY_DEPARTMENT, providerType: 'VOLUNTARY' }),
    );
  });
});
