import { parseObjectionCaseNumber } from '../../core/objections/rules.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type { PolicyParameters } from '../../core/policy/types.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { type CaseKey, findCase, type ObjectionCaseRow, type ObjectionStatus } from './store.ts';

/** The profile version in force today: the rules a case's step follows on the day it is taken. */
export function paramsToday(ctx: Pick<UseCaseContext, 'profile' | 'clock'>): PolicyParameters {
  return versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
}

/** The case a number names, locked; 404 when this city has none by that number. */
export async function caseNamed(ctx: UseCaseContext, caseNumber: string): Promise<ObjectionCaseRow> {
  const caseId = parseObjectionCaseNumber(ctx.profile.id, caseNumber);
  const found = caseId === null ? undefined : await findCase(ctx.db, caseId);
  if (!found) throw new HttpProblem(404, 'OBJECTION_NOT_FOUND', `未找到异议案件 ${caseNumber}`);
  return found;
}

/** Refuses a step the case's status does not allow (409: the case moved on, or is not there yet). */
export function requireStatus(
  found: ObjectionCaseRow,
  allowed: readonly ObjectionStatus[],
  action: string,
): void {
  if (!allowed.includes(found.status)) {
    throw new HttpProblem(
      409,
      'OBJECTION_STATUS',
      `异议案件处于 ${found.status} 状态，不能${action} / the case is ${found.status}`,
    );
  }
}

/** Reasons a person typed: trimmed, null when blank. */
export function textOrNull(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

/** The case as a use case left it, to return. */
export async function reloadCase(ctx: UseCaseContext, key: CaseKey): Promise<ObjectionCaseRow> {
  const found = await findCase(ctx.db, key.caseId);
  if (!found) throw new Error(`objection case ${key.caseId} vanished within its transaction`);
  return found;
}
