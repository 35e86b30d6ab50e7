import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileId } from '../../src/core/policy/profile-id.ts';
import { versionInForce } from '../../src/core/policy/resolver.ts';
import { acceptObjection } from '../../src/modules/objections/accept-objection.ts';
import { answerObjection } from '../../src/modules/objections/answer-objection.ts';
import { closeObjection } from '../../src/modules/objections/close-objection.ts';
import { fileObjection } from '../../src/modules/objections/file-objection.ts';
import { forwardObjection } from '../../src/modules/objections/forward-objection.ts';
import { objectionDeadlinesJob } from '../../src/modules/objections/jobs.ts';
import { recordDispute } from '../../src/modules/objections/record-dispute.ts';
import { type Actor, runUseCase, type UseCaseContext } from '../../src/platform/context.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { storeRecord } from '../support/records.ts';
import { type ManualClock, manualClock, signInAs } from '../support/sessions.ts';

interface ShownRecord {
  reference: string;
  markers: string[];
}

/** One city's objection desk on a test app: the actors, the clock, and what the public and an agency see. */
function desk(profileId: ProfileId, start: string) {
  const clock = manualClock(new Date(start));
  const prefix = { xiamen: 'XM', weihai: 'WH', nantong: 'NT' }[profileId];
  const providerCode = `${prefix}-SCJG`;
  const center: Actor = { kind: 'account', id: 'account:staff', organizationCode: `${prefix}-XYZX` };
  const provider: Actor = { kind: 'account', id: 'account:provider', organizationCode: providerCode };
  let t: TestApp;
  const state = {
    clock,
    providerCode,
    get t() {
      return t;
    },
    async open() {
      t = await createTestApp({
        profileId,
        clock,
        securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' },
      });
    },
    /** Moves the clock to a Beijing time, e.g. '2024-03-12 00:01'. */
    at(beijing: string) {
      const target = new Date(`${beijing.replace(' ', 'T')}:00+08:00`).getTime();
      const minutes = (target - clock.now().getTime()) / 60_000;
      if (minutes < 0) throw new Error(`the clock cannot go back to ${beijing}`);
      (clock as ManualClock).advance(minutes);
    },
    asCenter<T>(work: (ctx: UseCaseContext) => Promise<T>) {
      return runUseCase(t.platform, center, work);
    },
    asProvider<T>(work: (ctx: UseCaseContext) => Promise<T>) {
      return runUseCase(t.platform, provider, work);
    },
    async organizations(count: number): Promise<string[]> {
      const rows = await t.database.db
        .selectFrom('subject')
        .select('subject_code')
        .where('code_type', '=', 'uscc')
        .orderBy('subject_code')
        .limit(count)
        .execute();
      return rows.map((row) => row.subject_code);
    },
    async record(subjectCode: string): Promise<number> {
      return storeRecord(t.database.db, { subjectCode, itemCode: 'XZCF', providerCode });
    },
    /** A subject's objection to one record, received and accepted now. */
    async accepted(subjectCode: string, recordId: number, evidence: string | null = null): Promise<string> {
      const filed = await runUseCase(
        t.platform,
        { kind: 'account', id: 'account:citizen', organizationCode: null },
        (ctx) =>
          fileObjection(ctx, {
            subjectCode,
            channel: 'ONLINE',
            recordIds: [recordId],
            ground: 'ERROR_OR_OMISSION',
            statement: '处罚决定已被撤销，平台信息有误',
            evidence,
          }),
      );
      const caseNumber = `OBJ-${prefix}-${filed.caseId}`;
      const accepted = await this.asCenter((ctx) => acceptObjection(ctx, { caseNumber, decision: 'ACCEPT' }));
      expect(accepted.status).toBe('ACCEPTED');
      return caseNumber;
    },
    /** The provider rejects the objection with its reasons, now. */
    async reject(caseNumber: string, reasons: string) {
      return this.asProvider((ctx) =>
        answerObjection(ctx, { caseNumber, providerCode, verdict: 'REJECTED', reasons }),
      );
    },
    /** The subject's notifications, oldest first. */
    async notices(subjectCode: string) {
      return t.database.db
        .selectFrom('subject_notification')
        .selectAll()
        .where('subject_code', '=', subjectCode)
        .orderBy('notification_id')
        .execute();
    },
    async runJob() {
      return objectionDeadlinesJob.run(t.platform);
    },
    /** The record as the public portal shows it, or undefined when it is not shown. */
    async onPortal(subjectCode: string, recordId: number): Promise<ShownRecord | undefined> {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${subjectCode}` });
      expect(response.statusCode, response.body).toBe(200);
      return shown(response.json(), recordId);
    },
    /** The record as a government query returns it, or undefined. */
    async toGovernment(subjectCode: string, recordId: number): Promise<ShownRecord | undefined> {
      const gov = await signInAs(t.app, 'gov');
      const params = versionInForce(t.platform.profile, clock.today()).version.parameters;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/gov/queries',
        headers: gov.headers,
        payload: {
          code: subjectCode,
          scenario: params.queries.govScenarios.value[0],
          purpose: '核查信用状况',
          caseReference: 'GOV-2024-1',
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      return shown(response.json(), recordId);
    },
    async steps(caseNumber: string) {
      const caseId = Number(caseNumber.split('-').at(-1));
      const rows = await t.database.db
        .selectFrom('objection_step')
        .select(['step', 'start_on', 'due_on', 'completed_at', 'overdue'])
        .where('case_id', '=', caseId)
        .execute();
      return Object.fromEntries(rows.map((row) => [row.step, row]));
    },
  };
  return state;
}

function shown(
  view: { sections: Array<{ records: ShownRecord[] }> },
  recordId: number,
): ShownRecord | undefined {
  return view.sections.flatMap((s) => s.records).find((r) => r.reference.endsWith(`/${recordId}`));
}

describe(`objections in Xiamen, on ${testEngine}`, () => {
  // 2024-03-04 10:00 in Beijing.
  const xm = desk('xiamen', '2024-03-04T02:00:00Z');
  let a: string;
  let b: string;
  let recordP: number;
  let recordQ: number;
  let onTime: string;
  let late: string;
  beforeAll(async () => {
    await xm.open();
    [a, b] = (await xm.organizations(2)) as [string, string];
    recordP = await xm.record(a);
    recordQ = await xm.record(b);
  });
  afterAll(() => xm.t.close());

  it('R67 an objection accepted 2024-03-04 10:00 puts “异议处理中” on the public portal at 10:01', async () => {
    onTime = await xm.accepted(a, recordP);
    late = await xm.accepted(b, recordQ);
    xm.at('2024-03-04 10:01');
    expect((await xm.onPortal(a, recordP))?.markers).toEqual(['异议处理中']);
    expect((await xm.steps(onTime)).COMPARISON?.due_on).toBe('2024-03-06');
  });

  it('R124 forwarded 2024-03-06 after the comparison, the provider is due 2024-03-11', async () => {
    xm.at('2024-03-06 09:00');
    for (const caseNumber of [onTime, late]) {
      const { forwarded } = await xm.asCenter((ctx) =>
        forwardObjection(ctx, { caseNumber, comparison: 'CONSISTENT' }),
      );
      expect(forwarded).toBe(true);
    }
    const steps = await xm.steps(late);
    expect(steps.PROVIDER_VERIFICATION?.due_on).toBe('2024-03-11');
    expect(steps.COMPARISON?.completed_at).not.toBeNull();
  });

  it('R68 R126 the provider due 2024-03-11 without a result: at 2024-03-12 00:01 the record is absent from the portal and the government API', async () => {
    xm.at('2024-03-11 16:00');
    await xm.reject(onTime, '处罚决定合法有效，未被撤销');
    xm.at('2024-03-12 00:01');
    expect(await xm.onPortal(b, recordQ)).toBeUndefined();
    expect(await xm.toGovernment(b, recordQ)).toBeUndefined();
    const run = await xm.runJob();
    expect(run.detail).toMatchObject({ suspendedRecords: 1 });
    const stored = await xm.t.database.db
      .selectFrom('credit_record')
      .select('state')
      .where('record_id', '=', recordQ)
      .executeTakeFirstOrThrow();
    expect(stored.state).toBe('SUSPENDED_OBJECTION');
    expect((await xm.steps(late)).PROVIDER_VERIFICATION?.overdue).toBe(true);
    expect(await xm.onPortal(b, recordQ)).toBeUndefined();
    expect(await xm.toGovernment(b, recordQ)).toBeUndefined();
    // The on-time case is not suspended and still carries its marker until it is closed.
    expect((await xm.onPortal(a, recordP))?.markers).toEqual(['异议处理中']);
  });

  it('R67 R122 closed REJECTED on 2024-03-12: the label is gone and the notification holds the provider’s reason', async () => {
    xm.at('2024-03-12 10:00');
    expect((await xm.steps(onTime)).CENTER_FINAL?.due_on).toBe('2024-03-12');
    const closed = await xm.asCenter((ctx) => closeObjection(ctx, { caseNumber: onTime }));
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'REJECTED' });
    expect((await xm.onPortal(a, recordP))?.markers).toEqual([]);
    const notices = await xm.notices(a);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ reference: onTime, kind: 'OBJECTION_CLOSED' });
    expect(notices[0]?.body).toContain('处罚决定合法有效，未被撤销');
    expect(notices[0]?.created_at.toISOString()).toBe('2024-03-12T02:00:00.000Z');
  });

  it('R126 the provider returns “异议不成立” on 2024-03-14: the center is due 2024-03-15; once it processes, the record is visible again without the marker', async () => {
    xm.at('2024-03-14 11:00');
    await xm.reject(late, '异议不成立');
    expect((await xm.steps(late)).CENTER_FINAL?.due_on).toBe('2024-03-15');
    // Suspended until the center has processed the late result.
    expect(await xm.onPortal(b, recordQ)).toBeUndefined();
    xm.at('2024-03-15 09:30');
    await xm.asCenter((ctx) => closeObjection(ctx, { caseNumber: late }));
    expect((await xm.onPortal(b, recordQ))?.markers).toEqual([]);
    expect((await xm.toGovernment(b, recordQ))?.markers).toEqual([]);
    expect((await xm.notices(b))[0]?.body).toContain('异议不成立');
  });

  it('a provider cannot answer another provider’s case, nor the center close a case before the provider’s result', async () => {
    const recordR = await xm.record(a);
    const caseNumber = await xm.accepted(a, recordR);
    await expect(
      runUseCase(xm.t.platform, { kind: 'account', id: 'account:x', organizationCode: 'XM-SWJ' }, (ctx) =>
        answerObjection(ctx, { caseNumber, providerCode: 'XM-SWJ', verdict: 'REJECTED', reasons: 'x' }),
      ),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      xm.asCenter((ctx) => closeObjection(ctx, { caseNumber, outcome: 'REJECTED', reasons: 'x' })),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
  });
});

describe(`objections in Weihai, on ${testEngine}`, () => {
  const wh = desk('weihai', '2024-03-04T02:00:00Z');
  let company: string;
  let late: { record: number; caseNumber: string };
  let decided: { record: number; caseNumber: string };
  beforeAll(async () => {
    await wh.open();
    [company] = (await wh.organizations(1)) as [string];
    const first = await wh.record(company);
    const second = await wh.record(company);
    late = { record: first, caseNumber: await wh.accepted(company, first) };
    decided = { record: second, caseNumber: await wh.accepted(company, second) };
  });
  afterAll(() => wh.t.close());

  it('R128 received 2024-03-04 and forwarded 2024-03-05: provider due 2024-03-26, SLA target 2024-03-13', async () => {
    wh.at('2024-03-05 09:00');
    for (const { caseNumber } of [late, decided]) {
      await wh.asCenter((ctx) => forwardObjection(ctx, { caseNumber, comparison: 'CONSISTENT' }));
    }
    const steps = await wh.steps(late.caseNumber);
    expect(steps.PROVIDER_VERIFICATION?.due_on).toBe('2024-03-26');
    expect(steps.SLA_TARGET?.due_on).toBe('2024-03-13');
    wh.at('2024-03-14 00:01');
    await wh.runJob();
    expect((await wh.steps(late.caseNumber)).SLA_TARGET?.overdue).toBe(true);
    expect((await wh.onPortal(company, late.record))?.markers).toEqual(['异议处理中']);
  });

  it('R130 an objection rejected 2024-03-21 and “仍有异议” recorded 2024-03-22: 信用威海 shows “异议已处理，信息主体仍有异议”', async () => {
    wh.at('2024-03-20 10:00');
    await wh.reject(decided.caseNumber, '信息与原始决定一致');
    wh.at('2024-03-21 10:00');
    await wh.asCenter((ctx) => closeObjection(ctx, { caseNumber: decided.caseNumber }));
    // R131: the notice states the right to reconsideration or litigation.
    expect((await wh.notices(company))[0]?.body).toContain('行政复议');
    wh.at('2024-03-22 10:00');
    await wh.asCenter((ctx) =>
      recordDispute(ctx, { caseNumber: decided.caseNumber, subjectCode: company, action: 'RECORD' }),
    );
    expect((await wh.onPortal(company, decided.record))?.markers).toEqual(['异议已处理，信息主体仍有异议']);
  });

  it('R68 R129 the provider due 2024-03-26 without a result: absent from 信用威海 on 2024-03-27; a GOV user sees it marked “异议处理中（信息提供主体逾期未核查）”', async () => {
    wh.at('2024-03-27 00:01');
    await wh.runJob();
    expect(await wh.onPortal(company, late.record)).toBeUndefined();
    expect((await wh.toGovernment(company, late.record))?.markers).toEqual([
      '异议处理中（信息提供主体逾期未核查）',
    ]);
  });
});

describe(`objections in Nantong, on ${testEngine}`, () => {
  const nt = desk('nantong', '2024-03-04T02:00:00Z');
  let company: string;
  let recordId: number;
  let caseNumber: string;
  beforeAll(async () => {
    await nt.open();
    [company] = (await nt.organizations(1)) as [string];
    recordId = await nt.record(company);
  });
  afterAll(() => nt.t.close());

  it('R121 a ground-(3) objection filed without evidence is NOT_ACCEPTED with EVIDENCE_REQUIRED', async () => {
    const filed = await nt.asCenter((ctx) =>
      fileObjection(ctx, {
        subjectCode: company,
        channel: 'COUNTER',
        recordIds: [recordId],
        ground: 'USED_BEYOND_PERIOD',
        statement: '失信信息已超过有效期仍在使用',
      }),
    );
    const refused = await nt.asCenter((ctx) =>
      acceptObjection(ctx, { caseNumber: `OBJ-NT-${filed.caseId}`, decision: 'ACCEPT' }),
    );
    expect(refused).toMatchObject({ status: 'NOT_ACCEPTED', notAcceptedCode: 'EVIDENCE_REQUIRED' });
    expect((await nt.onPortal(company, recordId))?.markers).toEqual([]);
  });

  it('R132 R133 received 2024-03-04, verification requested 2024-03-05: review due 2024-03-18, provider due 2024-03-12; on 2024-03-13 the record is still public with the marker and the provider has an OVERDUE supervision entry', async () => {
    caseNumber = await nt.accepted(company, recordId, '行政复议决定书');
    nt.at('2024-03-05 09:00');
    await nt.asCenter((ctx) => forwardObjection(ctx, { caseNumber }));
    const steps = await nt.steps(caseNumber);
    expect(steps.REVIEW?.due_on).toBe('2024-03-18');
    expect(steps.PROVIDER_VERIFICATION?.due_on).toBe('2024-03-12');
    nt.at('2024-03-13 00:01');
    const run = await nt.runJob();
    expect(run.detail).toMatchObject({ suspendedRecords: 0, supervisionEntries: 1 });
    expect((await nt.onPortal(company, recordId))?.markers).toEqual(['异议处理中']);
    expect((await nt.steps(caseNumber)).PROVIDER_VERIFICATION?.overdue).toBe(true);
    const entries = await nt.t.database.db.selectFrom('supervision_entry').selectAll().execute();
    expect(entries).toEqual([
      expect.objectContaining({
        provider_code: nt.providerCode,
        kind: 'OBJECTION_VERIFICATION_OVERDUE',
        reference: caseNumber,
        due_on: '2024-03-12',
      }),
    ]);
    // A second run adds nothing.
    expect((await nt.runJob()).detail).toMatchObject({ overdueSteps: 0 });
    nt.at('2024-03-15 10:00');
    expect((await nt.onPortal(company, recordId))?.markers).toEqual(['异议处理中']);
  });
});
