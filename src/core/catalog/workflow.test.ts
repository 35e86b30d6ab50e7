import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../policy/profile-id.ts';
import { loadProfile } from '../policy/resolver.ts';
import { parseLocalDate } from '../time/local-date.ts';
import {
  type CatalogVersionStatus,
  decideTransition,
  type WorkflowDates,
  type WorkflowDecision,
  type WorkflowRequest,
} from './workflow.ts';

const NO_DATES: WorkflowDates = {
  consultationOpenedOn: null,
  consultationClosesOn: null,
  approvedOn: null,
  publishedOn: null,
};
const day = parseLocalDate;
const workflowOf = (id: ProfileId) => loadProfile(id).versions[0]?.parameters.catalog.workflow;

function decide(
  id: ProfileId,
  status: CatalogVersionStatus,
  dates: WorkflowDates,
  request: WorkflowRequest,
  today: string,
): WorkflowDecision {
  const workflow = workflowOf(id);
  if (!workflow) throw new Error(`no ${id} profile`);
  return decideTransition(workflow, { status, dates }, request, day(today));
}

/** Takes a version through the given steps, each on its day; returns the last decision. */
function walk(id: ProfileId, steps: Array<[WorkflowRequest, string]>): WorkflowDecision {
  let status: CatalogVersionStatus = 'DRAFT';
  let dates = NO_DATES;
  let decision: WorkflowDecision = { ok: true, status: 'DRAFT', dates };
  for (const [request, today] of steps) {
    decision = decide(id, status, dates, request, today);
    if (!decision.ok) return decision;
    ({ status, dates } = decision);
  }
  return decision;
}

const consult = (closesOn: string): WorkflowRequest => ({
  to: 'PUBLIC_CONSULTATION',
  closesOn: day(closesOn),
});
const approve = (approvedOn: string): WorkflowRequest => ({
  to: 'MUNICIPAL_GOVERNMENT_APPROVED',
  approvedOn: day(approvedOn),
});
const PUBLISH: WorkflowRequest = { to: 'PUBLISHED' };

describe('R10 the catalog workflow of each city', () => {
  it('R10 XM: draft, public consultation, municipal approval, then publication, with their dates', () => {
    const decision = walk('xiamen', [
      [consult('2024-02-01'), '2024-01-02'],
      [approve('2024-02-20'), '2024-02-21'],
      [PUBLISH, '2024-02-22'],
    ]);
    expect(decision).toEqual({
      ok: true,
      status: 'PUBLISHED',
      dates: {
        consultationOpenedOn: day('2024-01-02'),
        consultationClosesOn: day('2024-02-01'),
        approvedOn: day('2024-02-20'),
        publishedOn: day('2024-02-22'),
      },
    });
  });

  it('R10 XM: an item whose consultation closed on 2024-02-01 but has no approval cannot be published', () => {
    const decision = walk('xiamen', [
      [consult('2024-02-01'), '2024-01-02'],
      [PUBLISH, '2024-02-05'],
    ]);
    expect(decision).toMatchObject({
      ok: false,
      refusal: { zh: '本市目录流程中，“公开征求意见”之后应为“市政府已批准”' },
    });
    if (!decision.ok) expect(decision.refusal.source).toContain('A-58');
  });

  it('R10 XM: no step is skipped, and the approval comes after the consultation has closed', () => {
    expect(walk('xiamen', [[PUBLISH, '2024-01-02']])).toMatchObject({ ok: false });
    expect(walk('xiamen', [[approve('2024-01-01'), '2024-01-02']])).toMatchObject({ ok: false });
    expect(
      walk('xiamen', [
        [consult('2024-02-01'), '2024-01-02'],
        [approve('2024-02-01'), '2024-02-05'],
      ]),
    ).toMatchObject({ ok: false, refusal: { zh: '征求意见至2024-02-01止，批准日期须在其后' } });
    expect(
      walk('xiamen', [
        [consult('2024-02-01'), '2024-01-02'],
        [approve('2024-02-06'), '2024-02-05'],
      ]),
    ).toMatchObject({ ok: false, refusal: { en: 'the approval date cannot be in the future' } });
  });

  it('R10 a consultation must run past the day it opens', () => {
    expect(walk('xiamen', [[consult('2024-01-02'), '2024-01-02']])).toMatchObject({
      ok: false,
      refusal: { zh: '征求意见截止日期须晚于今天' },
    });
  });

  it('R11 NT: consultation, then publication by the level once the consultation has closed', () => {
    expect(
      walk('nantong', [
        [consult('2024-03-31'), '2024-03-01'],
        [PUBLISH, '2024-03-31'],
      ]),
    ).toMatchObject({ ok: false, refusal: { zh: '征求意见至2024-03-31止，期满后方可发布' } });
    expect(
      walk('nantong', [
        [consult('2024-03-31'), '2024-03-01'],
        [PUBLISH, '2024-04-01'],
      ]),
    ).toMatchObject({
      ok: true,
      status: 'PUBLISHED',
      dates: { publishedOn: day('2024-04-01'), approvedOn: null },
    });
    expect(
      walk('nantong', [
        [consult('2024-03-31'), '2024-03-01'],
        [approve('2024-04-01'), '2024-04-01'],
      ]),
    ).toMatchObject({ ok: false });
  });

  it('WH states no procedure: a draft is published directly', () => {
    expect(walk('weihai', [[PUBLISH, '2024-05-06']])).toMatchObject({ ok: true, status: 'PUBLISHED' });
    expect(walk('weihai', [[consult('2024-06-01'), '2024-05-06']])).toMatchObject({ ok: false });
  });

  it('a published or retired version takes no further step', () => {
    for (const status of ['PUBLISHED', 'RETIRED'] as const) {
      expect(decide('weihai', status, NO_DATES, PUBLISH, '2024-05-06')).toMatchObject({
        ok: false,
        refusal: { en: `a ${status} version takes no further step; start a new version` },
      });
    }
  });
});
