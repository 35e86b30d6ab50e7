import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowFromObject } from '../../src/core/collection/row.ts';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { collectTable } from '../../src/modules/collection/collect-table.ts';
import { systemActor } from '../../src/platform/context.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { readArchive, submitRows, uploadFile } from '../support/collection.ts';
import { testEngine } from '../support/db.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { csvText, penaltyRow, xmPenalty } from '../support/xm-penalty.ts';

const XM_ORG_A = '91350200MA2Y0AB171';
const XM_ORG_B = '91350200MA2Y0AB25U';
const NT_ORG = '91320600MA1W0NT05J';

describe(`collection in Xiamen, on ${testEngine}`, () => {
  let t: TestApp;
  let provider: TestSession;
  let staff: TestSession;
  let archive: TestSession;
  const clock = manualClock(new Date('2024-03-18T02:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    provider = await signInAs(t.app, 'provider');
    staff = await signInAs(t.app, 'staff');
    archive = await signInAs(t.app, 'archive');
  });
  afterAll(() => t.close());

  it('R16 R39 the API and an Excel GBK CSV with Chinese titles give the same reasons and the same stored record', async () => {
    const good = xmPenalty();
    const bad = xmPenalty({ CF_XDR_SHXYM: '91350200MA2Y0AB172', CF_WSH: '厦市监罚〔2024〕16号' });
    const api = await submitRows(t, provider, 'XZCF', [good, bad]);
    expect(api).toMatchObject({ received: 2, accepted: 1, unchanged: 0, returned: 1 });
    expect(api.returns).toEqual([
      expect.objectContaining({ row: 2, field: 'CF_XDR_SHXYM', reason: 'INVALID_USCC' }),
    ]);

    // Chinese titles as Excel writes them, one with half-width parentheses.
    const text = csvText([{ ...good, CF_JDRQ: '2024年3月15日' }, bad]).replace('（万元）', '(万元)');
    const file = iconv.encode(text, 'gbk');
    const viaFile = await uploadFile(t, provider, 'XZCF', '行政处罚.csv', file);
    // The same record again: nothing new is stored, and the bad row fails for the same reason.
    expect(viaFile).toMatchObject({ received: 2, accepted: 0, unchanged: 1, returned: 1 });
    expect(viaFile.returns.map((r) => [r.field, r.reason])).toEqual(
      api.returns.map((r) => [r.field, r.reason]),
    );

    const { records, subject } = await readArchive(t, archive, XM_ORG_A);
    expect(subject.name).toBe('厦门阿尔法贸易有限公司');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      itemCode: 'XZCF',
      providerName: '厦门市市场监督管理局',
      state: 'ACTIVE',
      recordStart: '2024-03-15',
      disclosureLastDay: '2025-03-15',
      currentVersion: 1,
    });
    expect(records[0].content.CF_XDR_MC).toBe('厦门阿尔法贸易有限公司');
    expect(records[0].content.CF_NR_FK).toBe(5);
  });

  it('R20 a returned row is absent from the archive: the bad code names no subject', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/subjects/91350200MA2Y0AB172/archive',
      headers: archive.headers,
    });
    expect(response.statusCode).toBe(404);
  });

  it('R34 a correction arriving on its due date is applied and not LATE', async () => {
    const row = xmPenalty({
      CF_XDR_SHXYM: XM_ORG_B,
      CF_XDR_MC: '厦门贝塔工程有限公司',
      CF_WSH: '厦市监罚〔2024〕20号',
    });
    await submitRows(t, provider, 'XZCF', [row]);
    await submitRows(t, provider, 'XZCF', [{ ...row, CF_NR: '罚款人民币六万元', modified_on: '2024-03-14' }]);
    const { records } = await readArchive(t, archive, XM_ORG_B);
    expect(records[0]).toMatchObject({ currentVersion: 2 });
    expect(records[0].flags).not.toContain('LATE');
  });

  it('R36 R34 a correction is a new version, periods recomputed, version 1 kept; 2 working days after the modification it is on time', async () => {
    // 000 第十二条 ¶2: modified Thu 2024-03-14, due Mon 2024-03-18 — today.
    const corrected = xmPenalty({
      CF_JDRQ: '2024-03-20',
      notice_date: '2024-03-10',
      modified_on: '2024-03-14',
    });
    clock.advance(2 * 24 * 60);
    // Sessions end after their idle time; two days later everyone signs in again.
    provider = await signInAs(t.app, 'provider');
    staff = await signInAs(t.app, 'staff');
    archive = await signInAs(t.app, 'archive');
    const late = await submitRows(t, provider, 'XZCF', [corrected]);
    expect(late).toMatchObject({ accepted: 1, returned: 0 });
    const { records } = await readArchive(t, archive, XM_ORG_A);
    expect(records[0]).toMatchObject({ currentVersion: 2, disclosureLastDay: '2025-03-20' });
    // Arrived 2024-03-20, two working days after the due date of 2024-03-18.
    expect(records[0].flags).toContain('LATE');

    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${XM_ORG_A}/${records[0].recordId}/versions`,
      headers: archive.headers,
    });
    expect(versions.statusCode).toBe(200);
    const [v1, v2] = versions.json();
    expect(v1).toMatchObject({ version: 1, hashVerified: true, modifiedOn: null });
    expect(v1.content.CF_JDRQ).toBe('2024-03-15');
    expect(v2).toMatchObject({
      version: 2,
      hashVerified: true,
      modifiedOn: '2024-03-14',
      workingDaysLate: 2,
    });
  });

  it('R33 no one can change or remove a stored version, and its payload hash verifies', async () => {
    await expect(
      t.platform.db.updateTable('credit_record_version').set({ provider_code: 'XM-CZJ' }).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(t.platform.db.deleteFrom('credit_record_version').execute()).rejects.toThrow(/immutable/);
  });

  it('R21 a forbidden column of a natural person is returned and its value stored nowhere', async () => {
    const person = xmPenalty({
      CF_XDR_MC: '王五',
      CF_XDR_LB: '自然人',
      CF_XDR_SHXYM: null,
      CF_XDR_ZJLX: '身份证',
      CF_XDR_ZJHM: '35020319900101123X',
      CF_WSH: '厦市监罚〔2024〕30号',
    });
    const outcome = await submitRows(t, provider, 'XZCF', [
      { ...person, medical_history: 'hypertension-所有痕迹' },
    ]);
    expect(outcome.returns).toEqual([expect.objectContaining({ reason: 'FORBIDDEN_DATA' })]);
    expect(JSON.stringify(outcome)).not.toContain('hypertension');
    const { rows: tables } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(
      t.platform.db,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { name } of tables) {
      const { rows } = await sql<{ text: string }>`SELECT t::text AS text FROM ${sql.table(name)} t`.execute(
        t.platform.db,
      );
      expect(
        rows.some((row) => row.text.includes('hypertension')),
        name,
      ).toBe(false);
    }
  });

  it('R37 a center user cannot change a record without a case: 403, and the refusal is in the audit log', async () => {
    const { records } = await readArchive(t, archive, XM_ORG_A);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${XM_ORG_A}/${records[0].recordId}`,
      headers: staff.headers,
      payload: { changes: { CF_NR: '警告' } },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('CASE_REQUIRED');
    const refusal = await t.platform.db
      .selectFrom('audit_event')
      .select('object_id')
      .where('action', '=', 'records.edit_refused')
      .executeTakeFirst();
    expect(refusal?.object_id).toBe(`${XM_ORG_A}/${records[0].recordId}`);
  });

  it('R45 a deregistration from the registration feed records the termination date on the subject', async () => {
    const outcome = await submitRows(t, provider, 'SSZTDJ', [
      {
        subject_name: '厦门贝塔工程有限公司',
        uscc: XM_ORG_B,
        subject_category: '法人及非法人组织',
        established_on: '2015-04-01',
        document_number: '厦市监注〔2021〕88号',
        decided_on: '2021-06-30',
        authority: '厦门市市场监督管理局',
        registration_status: '注销',
        status_changed_on: '2021-06-30',
      },
    ]);
    expect(outcome.returns).toEqual([]);
    const { subject } = await readArchive(t, archive, XM_ORG_B);
    expect(subject).toMatchObject({ terminatedOn: '2021-06-30', registrationStatus: '注销' });
    // R48 (000 第十条(一)(2)): a basic record of the terminated subject is kept 3 years from the termination.
    const later = await submitRows(t, provider, 'SSZTDJ', [
      {
        subject_name: '厦门贝塔工程有限公司',
        uscc: XM_ORG_B,
        subject_category: '法人及非法人组织',
        established_on: '2015-04-01',
        document_number: '厦市监注〔2015〕12号',
        decided_on: '2015-04-01',
        authority: '厦门市市场监督管理局',
        registration_status: '注销',
        status_changed_on: '2021-06-30',
      },
    ]);
    expect(later.returns).toEqual([]);
    const { records } = await readArchive(t, archive, XM_ORG_B);
    const founding = records.find(
      (r: { content: Record<string, unknown> }) => r.content.document_number === '厦市监注〔2015〕12号',
    );
    expect(founding.recordPeriodEnd).toBe('2024-06-30');
  });

  it('R16 a provider sees only its own batches, the center sees all', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: '/api/v1/collection/batches',
      headers: provider.headers,
    });
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/collection/overview/batches',
      headers: staff.headers,
    });
    expect(own.json().total).toBeGreaterThan(0);
    expect(all.json().total).toBe(own.json().total);
    expect(own.json().items.every((b: { providerCode: string }) => b.providerCode === 'XM-SCJG')).toBe(true);
  });
});

describe(`collection in Nantong and Weihai, on ${testEngine}`, () => {
  it('R38 a serious NT penalty of an organization reaches its legal representative’s archive, valid as long', async () => {
    const t = await createTestApp({ profileId: 'nantong', today: '2024-04-10' });
    try {
      const provider = await signInAs(t.app, 'provider');
      const center = await signInAs(t.app, 'center');
      const outcome = await submitRows(t, provider, 'XZCF', [
        penaltyRow({
          CF_XDR_MC: '南通某建设有限公司',
          CF_XDR_SHXYM: '91320600MA1W0NT05J',
          CF_FRDB: '赵六',
          CF_FR_ZJLX: '身份证',
          CF_FR_ZJHM: '320602197512124560',
          CF_WSH: '通市监罚〔2024〕7号',
          CF_JDRQ: '2024-04-01',
          CF_CFJG: '南通市市场监督管理局',
          CF_SJLY: '南通市市场监督管理局',
          severity: '严重',
        }),
      ]);
      expect(outcome.returns).toEqual([]);
      const organization = await readArchive(t, center, '91320600MA1W0NT05J');
      const person = await readArchive(t, center, '320602197512124560');
      expect(person.subject.name).toBe('赵六');
      expect(person.records).toHaveLength(1);
      expect(person.records[0]).toMatchObject({
        disclosure: 'government',
        disclosureLastDay: organization.records[0].disclosureLastDay,
        derivedFrom: { subjectCode: '91320600MA1W0NT05J', recordId: organization.records[0].recordId },
      });
      expect(person.records[0].content.说明).toBe('源自 南通某建设有限公司 严重失信');
    } finally {
      await t.close();
    }
  });

  it('R44 the NT archive lists all 5 records of 3 providers, the black-list entry among them, with provider names', async () => {
    const t = await createTestApp({ profileId: 'nantong', today: '2024-04-10' });
    try {
      const center = await signInAs(t.app, 'center');
      const penalty = (number: string, authority: string) =>
        penaltyRow({
          CF_XDR_MC: '南通某建设有限公司',
          CF_XDR_SHXYM: NT_ORG,
          CF_WSH: number,
          CF_JDRQ: '2024-04-01',
          CF_CFJG: authority,
          CF_SJLY: authority,
          severity: '一般',
        });
      const blackList = {
        subject_name: '南通某建设有限公司',
        uscc: NT_ORG,
        subject_category: '法人及非法人组织',
        document_number: '通发改黑〔2024〕2号',
        decided_on: '2024-04-02',
        authority: '南通市发展和改革委员会',
        list_reason: '拖欠农民工工资情节严重',
        list_basis: '《保障农民工工资支付条例》第四十八条',
        severity: '严重',
      };
      const submissions: Array<[string, string, Array<Record<string, unknown>>]> = [
        [
          'NT-SCJG',
          'XZCF',
          [
            penalty('通市监罚〔2024〕1号', '南通市市场监督管理局'),
            penalty('通市监罚〔2024〕2号', '南通市市场监督管理局'),
          ],
        ],
        [
          'NT-ZJJ',
          'XZCF',
          [
            penalty('通住建罚〔2024〕5号', '南通市住房和城乡建设局'),
            penalty('通住建罚〔2024〕6号', '南通市住房和城乡建设局'),
          ],
        ],
        ['NT-FGW', 'HEIMD', [blackList]],
      ];
      for (const [providerCode, itemCode, rows] of submissions) {
        const outcome = await collectTable(t.platform, systemActor('cli'), {
          itemCode,
          providerCode,
          channel: 'cli',
          fileName: null,
          headers: [],
          rows: rows.map((record, index) => ({ rowNumber: index + 1, ...rowFromObject(record) })),
        });
        expect(outcome, `${providerCode} ${itemCode}`).toMatchObject({ accepted: rows.length, returned: 0 });
      }
      const { records } = await readArchive(t, center, NT_ORG);
      expect(records).toHaveLength(5);
      expect(records.every((r: { state: string }) => r.state === 'ACTIVE')).toBe(true);
      expect(new Set(records.map((r: { providerName: string }) => r.providerName)).size).toBe(3);
      expect(records.filter((r: { itemCode: string }) => r.itemCode === 'HEIMD')).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('R42 a WH record keyed by a foreign passport is stored, flagged and queued for the center', async () => {
    const t = await createTestApp({ profileId: 'weihai', today: '2024-08-01' });
    try {
      const provider = await signInAs(t.app, 'provider');
      const center = await signInAs(t.app, 'center');
      const outcome = await submitRows(t, provider, 'XZCF', [
        penaltyRow({
          CF_XDR_MC: 'John Smith',
          CF_XDR_LB: '自然人',
          CF_XDR_ZJLX: '外国护照',
          CF_XDR_ZJHM: 'P998877',
          CF_WSH: '威市监罚〔2024〕9号',
          CF_JDRQ: '2024-07-01',
          CF_CFJG: '威海市市场监督管理局',
          CF_SJLY: '威海市市场监督管理局',
          final_effective: '是',
          act_end_date: '2024-06-30',
        }),
      ]);
      expect(outcome.returns).toEqual([]);
      const queue = await t.app.inject({
        method: 'GET',
        url: '/api/v1/collection/review',
        headers: center.headers,
      });
      expect(queue.json()).toEqual([
        expect.objectContaining({ subjectCode: 'P998877', flags: ['NON_STANDARD_IDENTIFIER'] }),
      ]);
    } finally {
      await t.close();
    }
  });

  it('R35 R17 a WH revocation arriving after 3 working days is applied and flagged LATE; the record keeps its 区市', async () => {
    const clock = manualClock(new Date('2024-08-01T02:00:00Z'));
    const t = await createTestApp({ profileId: 'weihai', clock });
    try {
      // A 文登区 (371003) enterprise: its code carries its district, and so does its record (003 第十七条(一)).
      const body = '91371003MA3C0XY18';
      const wendeng = `${body}${computeUsccCheckCharacter(body)}`;
      const penalty = penaltyRow({
        CF_XDR_MC: '威海文登某食品有限公司',
        CF_XDR_SHXYM: wendeng,
        CF_WSH: '威市监罚〔2024〕12号',
        CF_JDRQ: '2024-07-15',
        CF_CFJG: '威海市市场监督管理局',
        CF_SJLY: '威海市市场监督管理局',
        final_effective: '是',
        act_end_date: '2024-07-10',
      });
      expect((await submitRows(t, await signInAs(t.app, 'provider'), 'XZCF', [penalty])).returns).toEqual([]);
      // 003 第三十一条: revoked Fri 2024-08-02, due Wed 2024-08-07; it arrives Thu 2024-08-08.
      clock.advance(7 * 24 * 60);
      const late = await submitRows(t, await signInAs(t.app, 'provider'), 'XZCF', [
        { ...penalty, revoked: '是', modified_on: '2024-08-02' },
      ]);
      expect(late).toMatchObject({ accepted: 1, returned: 0 });
      const { records } = await readArchive(t, await signInAs(t.app, 'center'), wendeng);
      expect(records[0]).toMatchObject({ state: 'REVOKED', divisionCode: '371003', currentVersion: 2 });
      expect(records[0].flags).toContain('LATE');
    } finally {
      await t.close();
    }
  });
});

describe.each([
  [
    'xiamen',
    '91350200MA2Y0AB25U',
    'XM',
    {
      notice_ref: '告知〔2024〕1号',
      notice_date: '2024-04-01',
      repair_rights_notified: '是',
      repair_rights_notified_on: '2024-04-01',
      severity: '一般',
    },
  ],
  ['weihai', '91371000MA3C0XY18B', 'WH', { final_effective: '是', act_end_date: '2024-03-31' }],
  ['nantong', NT_ORG, 'NT', { severity: '一般' }],
] as const)(
  `the credit archive and the subject lifecycle in %s, on ${testEngine}`,
  (profileId, code, prefix, extra) => {
    /** One penalty of the city's form from its housing department, through the CLI's door. */
    const submitPenalty = (t: TestApp, overrides: Record<string, string>) =>
      collectTable(t.platform, systemActor('cli'), {
        itemCode: 'XZCF',
        providerCode: `${prefix}-ZJJ`,
        channel: 'cli',
        fileName: null,
        headers: [],
        rows: [
          {
            rowNumber: 1,
            ...rowFromObject(
              penaltyRow({
                CF_XDR_MC: '某某工程有限公司',
                CF_XDR_SHXYM: code,
                CF_WSH: '住建罚〔2024〕3号',
                CF_JDRQ: '2024-04-01',
                CF_CFJG: '住房和城乡建设局',
                CF_SJLY: '住房和城乡建设局',
                ...extra,
                ...overrides,
              }),
            ),
          },
        ],
      });

    it('R33 R36 R37 a correction adds a version and keeps the first; versions cannot be altered; the center cannot edit', async () => {
      const t = await createTestApp({ profileId, today: '2024-04-10' });
      try {
        expect(await submitPenalty(t, {})).toMatchObject({ accepted: 1 });
        expect(await submitPenalty(t, { CF_NR: '罚款人民币三万元' })).toMatchObject({
          accepted: 1,
          unchanged: 0,
        });
        const staff = await signInAs(t.app, 'center');
        const { records } = await readArchive(t, staff, code);
        expect(records[0].currentVersion).toBe(2);
        const versions = await t.app.inject({
          method: 'GET',
          url: `/api/v1/records/${code}/${records[0].recordId}/versions`,
          headers: staff.headers,
        });
        expect(
          versions
            .json()
            .map((v: { content: { CF_NR: string }; hashVerified: boolean }) => [
              v.content.CF_NR,
              v.hashVerified,
            ]),
        ).toEqual([
          ['罚款人民币五万元', true],
          ['罚款人民币三万元', true],
        ]);
        await expect(t.platform.db.deleteFrom('credit_record_version').execute()).rejects.toThrow(
          /immutable/,
        );
        const edit = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/records/${code}/${records[0].recordId}`,
          headers: staff.headers,
          payload: { changes: { CF_NR: '警告' } },
        });
        expect(edit.statusCode).toBe(403);
      } finally {
        await t.close();
      }
    });

    it('R44 R45 the archive holds the records of two providers; a deregistration sets the termination date', async () => {
      const t = await createTestApp({ profileId, today: '2024-04-10' });
      try {
        const archive = await signInAs(t.app, 'center');
        const deregistration = await collectTable(t.platform, systemActor('cli'), {
          itemCode: 'SSZTDJ',
          providerCode: `${prefix}-SCJG`,
          channel: 'cli',
          fileName: null,
          headers: [],
          rows: [
            {
              rowNumber: 1,
              ...rowFromObject({
                subject_name: '某某工程有限公司',
                uscc: code,
                subject_category: '法人及非法人组织',
                established_on: '2015-04-01',
                document_number: '注销〔2024〕8号',
                decided_on: '2024-04-02',
                authority: '市场监督管理局',
                registration_status: '注销',
                status_changed_on: '2024-04-02',
                final_effective: '是',
              }),
            },
          ],
        });
        expect(deregistration).toMatchObject({ accepted: 1, returned: 0 });
        const penalty = await submitPenalty(t, {});
        expect(penalty).toMatchObject({ accepted: 1, returned: 0 });
        const { subject, records } = await readArchive(t, archive, code);
        expect(subject).toMatchObject({ terminatedOn: '2024-04-02', registrationStatus: '注销' });
        expect(records.map((r: { itemCode: string }) => r.itemCode).sort()).toEqual(['SSZTDJ', 'XZCF']);
        expect(new Set(records.map((r: { providerName: string }) => r.providerName)).size).toBe(2);
      } finally {
        await t.close();
      }
    });
  },
);
