import type { LegalBasisType, SubjectScope } from '../../policy/types.ts';
import type { FactRole } from '../facts.ts';
import type { RowReturn } from '../validation.ts';
import { compact, isPenalty, named, type Row, returnOn, type SubjectCategory } from './row.ts';

/*
 * Penalties the regulations keep out of collection (R24, R25): simple-procedure decisions and minor violations.
 * XM (000 第八条) excludes them for natural persons, with a waiver where a law, regulation or rule requires
 * collection; WH (003 第十三条 ¶2) for everyone without a waiver; NT only admits general-procedure penalties
 * (004 第十二条(九)) and has no minor-violation exclusion.
 */

const SIMPLE_PROCEDURE = '简易程序';

export function exclusionRules(row: Row): RowReturn[] {
  if (!isPenalty(row)) return [];
  return [...simpleProcedure(row), ...minorViolation(row)];
}

function excludes(scope: SubjectScope, subjectCategory: SubjectCategory | null): boolean {
  return scope === 'ALL' || (scope === 'NATURAL_PERSONS' && subjectCategory === 'natural_person');
}

/** A waiver needs a basis the profile accepts a waiver from; an empty list means the city has no exception. */
function waived(row: Row, waiverTypes: readonly LegalBasisType[]): boolean {
  return waiverTypes.length > 0 && row.facts.collectionWaiverBasis !== undefined;
}

function waiverHint(waiverTypes: readonly LegalBasisType[], row: Row): string {
  return waiverTypes.length > 0
    ? `；如法律、法规、规章另有规定须归集，请在${named(row, 'collectionWaiverBasis')}注明`
    : '';
}

/** R24. */
function simpleProcedure(row: Row): RowReturn[] {
  const { facts, params, subjectCategory } = row;
  const { simpleProcedureExcludedFor: scope, simpleProcedureWaiverBasisTypes: waivers } = params.collection;
  if (facts.procedure === undefined || compact(facts.procedure) !== SIMPLE_PROCEDURE) return [];
  if (!excludes(scope.value, subjectCategory) || waived(row, waivers.value)) return [];
  return [
    returnOn(
      row,
      'procedure',
      'EXCLUDED_SIMPLE_PROCEDURE',
      `适用简易程序作出的行政处罚信息不列入归集范围${waiverHint(waivers.value, row)}`,
      scope.source,
    ),
  ];
}

/** R25: XM any one of the three facts; WH minor AND (eliminated OR mitigated). */
function minorViolation(row: Row): RowReturn[] {
  const { facts, params, subjectCategory } = row;
  const { minorViolationExcludedFor: scope, minorViolationLogic: logic } = params.collection;
  const waivers = params.collection.minorViolationWaiverBasisTypes.value;
  if (logic.value === null || !excludes(scope.value, subjectCategory) || waived(row, waivers)) return [];
  const minor = facts.minorViolation === true;
  const remedied = facts.harmEliminated === true || facts.harmMitigated === true;
  const excluded = logic.value === 'ANY' ? minor || remedied : minor && remedied;
  if (!excluded) return [];
  const role: FactRole = minor
    ? 'minorViolation'
    : facts.harmEliminated === true
      ? 'harmEliminated'
      : 'harmMitigated';
  const wording =
    logic.value === 'ANY' ? '违法行为轻微、主动消除或者减轻危害后果' : '违法行为轻微且主动消除、减轻危害后果';
  return [
    returnOn(
      row,
      role,
      'EXCLUDED_MINOR',
      `${wording}的行政处罚信息不列入归集范围（${named(row, role)}）${waiverHint(waivers, row)}`,
      `${scope.source}; ${logic.source}`,
    ),
  ];
}
