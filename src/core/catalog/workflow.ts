import type { Cited } from '../policy/cited.ts';
import type { CatalogWorkflowStep } from '../policy/types.ts';
import { isAfter, type LocalDate } from '../time/local-date.ts';
import { CATALOG_STATUS_ZH } from './names.ts';

/*
 * How one version of a catalog item moves from draft to published (R10). Each city's steps come from its
 * profile (`catalog.workflow`): XM consults the public and has the municipal government approve before the
 * competent department publishes (000 第九条; 001; A-58); NT consults and then the level's government or
 * credit management department publishes (004 第八条); WH states no procedure (003 第八条).
 */

export type CatalogVersionStatus = CatalogWorkflowStep | 'RETIRED';

export interface WorkflowDates {
  consultationOpenedOn: LocalDate | null;
  consultationClosesOn: LocalDate | null;
  approvedOn: LocalDate | null;
  publishedOn: LocalDate | null;
}

export type WorkflowRequest =
  /** 向社会公开征求意见, open through `closesOn`. */
  | { to: 'PUBLIC_CONSULTATION'; closesOn: LocalDate }
  /** 报市政府批准: the date of the government's approval. */
  | { to: 'MUNICIPAL_GOVERNMENT_APPROVED'; approvedOn: LocalDate }
  | { to: 'PUBLISHED' };

export interface WorkflowRefusal {
  zh: string;
  en: string;
  source: string;
}

export type WorkflowDecision =
  | { ok: true; status: CatalogWorkflowStep; dates: WorkflowDates }
  | { ok: false; refusal: WorkflowRefusal };

/** The step after `status` in the city's workflow, or null when there is none (published, retired). */
export function nextStep(
  workflow: readonly CatalogWorkflowStep[],
  status: CatalogVersionStatus,
): CatalogWorkflowStep | null {
  if (status === 'RETIRED' || status === 'PUBLISHED') return null;
  const index = workflow.indexOf(status);
  return index < 0 ? null : (workflow[index + 1] ?? null);
}

/**
 * Whether a version in `current` may take the requested step on `today`, and the dates it then carries.
 * Steps are taken in the city's order, none skipped; a consultation must have closed before the next step.
 */
export function decideTransition(
  workflow: Cited<readonly CatalogWorkflowStep[]>,
  current: { status: CatalogVersionStatus; dates: WorkflowDates },
  request: WorkflowRequest,
  today: LocalDate,
): WorkflowDecision {
  const refuse = (zh: string, en: string): WorkflowDecision => ({
    ok: false,
    refusal: { zh, en, source: workflow.source },
  });
  const next = nextStep(workflow.value, current.status);
  if (next === null) {
    return refuse(
      `该版本${CATALOG_STATUS_ZH[current.status]}，不能再变更状态；如需调整请另起新版本`,
      `a ${current.status} version takes no further step; start a new version`,
    );
  }
  if (request.to !== next) {
    return refuse(
      `本市目录流程中，“${CATALOG_STATUS_ZH[current.status]}”之后应为“${CATALOG_STATUS_ZH[next]}”`,
      `the workflow goes from ${current.status} to ${next}, not ${request.to}`,
    );
  }
  const { dates } = current;
  const closes = dates.consultationClosesOn;
  switch (request.to) {
    case 'PUBLIC_CONSULTATION':
      if (!isAfter(request.closesOn, today)) {
        return refuse('征求意见截止日期须晚于今天', 'the consultation must close after today');
      }
      return {
        ok: true,
        status: 'PUBLIC_CONSULTATION',
        dates: { ...dates, consultationOpenedOn: today, consultationClosesOn: request.closesOn },
      };
    case 'MUNICIPAL_GOVERNMENT_APPROVED':
      if (closes !== null && !isAfter(request.approvedOn, closes)) {
        return refuse(
          `征求意见至${closes}止，批准日期须在其后`,
          `the consultation runs through ${closes}; approval must come after it`,
        );
      }
      if (isAfter(request.approvedOn, today)) {
        return refuse('批准日期不能晚于今天', 'the approval date cannot be in the future');
      }
      return {
        ok: true,
        status: 'MUNICIPAL_GOVERNMENT_APPROVED',
        dates: { ...dates, approvedOn: request.approvedOn },
      };
    case 'PUBLISHED':
      if (closes !== null && !isAfter(today, closes)) {
        return refuse(
          `征求意见至${closes}止，期满后方可发布`,
          `the consultation runs through ${closes}; publish after it closes`,
        );
      }
      return { ok: true, status: 'PUBLISHED', dates: { ...dates, publishedOn: today } };
  }
}
