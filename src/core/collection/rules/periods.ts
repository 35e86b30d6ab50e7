import { type Cited, cite } from '../../policy/cited.ts';
import type { ProfileId } from '../../policy/profile-id.ts';
import {
  computeRecordPeriods,
  type RecordPeriodInput,
  type RecordPeriods,
} from '../../policy/record-periods.ts';
import type { LegalBasisType, Severity } from '../../policy/types.ts';
import type { Period } from '../../time/period.ts';
import type { FactRole } from '../facts.ts';
import type { RowReturn } from '../validation.ts';
import { fieldCode, isDishonest, named, notOneOf, type Row, returnOn } from './row.ts';
import {
  LEGAL_BASIS_TYPE_WORDS,
  readLegalBasisType,
  readPeriod,
  readSeverity,
  SEVERITY_WORDS,
} from './vocabulary.ts';

/*
 * The facts a record's periods depend on (R29–R31) and the periods themselves (§2.E, computeRecordPeriods).
 */

/**
 * 004 第十五条: NT providers mark every dishonest record with its degree under the industry standard (R30),
 * whereas XM asks for a severity only where no list type fixes the period (R29). CollectionParameters has no
 * such parameter yet, so it is kept here, cited, until the profile carries it.
 */
const DEGREE_MARKING_REQUIRED: Readonly<Record<ProfileId, Cited<boolean>>> = {
  xiamen: cite(false, '000 第十条(二) (a severity or a list type, R29)'),
  weihai: cite(false, 'SILENT (003); A-19 (no severity classes)'),
  nantong: cite(true, '004 第十五条 (对失信行为信息标明失信程度), 第二十九条; R30'),
};

/** Which fact a computeRecordPeriods input comes from, so its rejections blame the item's field. */
const INPUT_ROLES: Partial<Record<keyof RecordPeriodInput, FactRole>> = {
  decidedOn: 'decidedOn',
  acceptedOn: 'decidedOn',
  severity: 'severity',
  actEndedOn: 'actEndedOn',
  override: 'overridePeriod',
  validUntil: 'validUntil',
};

export interface PeriodOutcome {
  returns: RowReturn[];
  /** null when the periods could not be computed. */
  periods: RecordPeriods | null;
}

interface Checked {
  returns: RowReturn[];
  /** Inputs already blamed here, whose computeRecordPeriods rejections would only repeat the return. */
  blamed: Set<keyof RecordPeriodInput>;
}

/** `earlier`: the returns of the other rules, so a fact already at fault is not returned twice. */
export function periodRules(row: Row, earlier: readonly RowReturn[]): PeriodOutcome {
  const checked: Checked = { returns: [], blamed: new Set() };
  const severity = readSeverityFact(row, checked);
  const override = readOverride(row, checked);
  requireSeverity(row, checked);
  requireActEnd(row, checked);
  const { returns } = checked;
  const { item, receivedOn, profile } = row.context;
  if (item.category === null) {
    const message = `目录事项「${item.name}」未确定信息分类，无法确定记录期限`;
    returns.push(returnOn(row, null, 'PERIOD_REJECTED', message, row.params.catalog.categories.source));
    return { returns, periods: null };
  }
  // Without a document date documentRules has returned the row (R26); there is nothing to count from.
  if (row.facts.decidedOn === undefined) return { returns, periods: null };
  // R45 → R48 (000 第十条(一)(2)): basic records end with the subject the registry knows to be terminated or dead.
  const lifecycle = row.subjectCode === null ? undefined : row.context.subjectLifecycle?.(row.subjectCode);
  const periods = computeRecordPeriods(profile, {
    category: item.category,
    severity,
    list: item.listType,
    decidedOn: row.facts.decidedOn,
    actEndedOn: row.facts.ongoing === true ? undefined : row.facts.actEndedOn,
    acceptedOn: receivedOn,
    itemPeriod: item.period?.kind === 'ITEM_PERIOD' ? item.period.period : undefined,
    itemPeriodBasis: item.period?.kind === 'ITEM_PERIOD' ? item.period.basisType : undefined,
    override,
    validUntil: row.facts.validUntil,
    retentionPeriod: item.retentionPeriod ?? undefined,
    subjectTerminatedOn: lifecycle?.terminatedOn ?? undefined,
    subjectDiedOn: lifecycle?.diedOn ?? undefined,
  });
  returns.push(...rejectionReturns(row, periods, checked, earlier));
  const undeterminable = periods.rejections.some((rejection) => rejection.effect === 'RECORD_RETURNED');
  if (undeterminable) return { returns, periods: null };
  returns.push(...declaredEndMismatch(row, periods));
  return { returns, periods };
}

/** The rejections that return the row, except where a rule has already blamed the same fact. */
function rejectionReturns(
  row: Row,
  periods: RecordPeriods,
  checked: Checked,
  earlier: readonly RowReturn[],
): RowReturn[] {
  const blamedFields = new Set(
    earlier.map((earlierReturn) => earlierReturn.field).filter((field) => field !== null),
  );
  return periods.rejections.flatMap((rejection) => {
    if (rejection.effect !== 'RECORD_RETURNED' || checked.blamed.has(rejection.field)) return [];
    const role = INPUT_ROLES[rejection.field] ?? null;
    const field = role === null ? null : fieldCode(row.context.item, role);
    if (field !== null && blamedFields.has(field)) return [];
    const undetermined = rejection.code === 'DISCLOSURE_PERIOD_UNDETERMINED';
    return [
      returnOn(
        row,
        role,
        undetermined ? 'DISCLOSURE_PERIOD_UNDETERMINED' : 'PERIOD_REJECTED',
        `无法确定记录期限或公示期限（${rejection.code}）：${rejection.message}`,
        row.params.periods.termZh.source,
      ),
    ];
  });
}

function readSeverityFact(row: Row, checked: Checked): Severity | undefined {
  const text = row.facts.severity;
  if (text === undefined) return undefined;
  const severity = readSeverity(text);
  if (severity !== null) return severity;
  checked.blamed.add('severity');
  checked.returns.push(
    notOneOf(row, 'severity', SEVERITY_WORDS, row.params.collection.severityClasses.source),
  );
  return undefined;
}

/**
 * R57: a period other than the rule's counts only with its basis and the basis's type; whether the type is
 * one the profile accepts is computeRecordPeriods' call (a refused basis leaves the rule's period in force).
 */
function readOverride(row: Row, checked: Checked): { period: Period; basisType: LegalBasisType } | undefined {
  const { overridePeriod, overrideBasis, overrideBasisType } = row.facts;
  const source = row.params.periods.overrideAuthorities.source;
  const period = overridePeriod === undefined ? null : readPeriod(overridePeriod);
  if (overridePeriod !== undefined && period === null) {
    checked.blamed.add('override');
    const message = `${named(row, 'overridePeriod')}应写作“5年”“6个月”或“P5Y”`;
    checked.returns.push(returnOn(row, 'overridePeriod', 'INVALID_VALUE', message, source));
  }
  const basisType = overrideBasisType === undefined ? null : readLegalBasisType(overrideBasisType);
  if (overrideBasisType !== undefined && basisType === null) {
    checked.blamed.add('override');
    checked.returns.push(notOneOf(row, 'overrideBasisType', LEGAL_BASIS_TYPE_WORDS, source));
  }
  if (period === null || basisType === null || overrideBasis === undefined) return undefined;
  return { period, basisType };
}

/** R29 (XM, 000 第十条(二)) and R30 (NT, 004 第十五条): what decides a dishonest record's period. */
function requireSeverity(row: Row, checked: Checked): void {
  const { facts, params, context } = row;
  if (!isDishonest(row) || facts.severity !== undefined) return;
  const marking = DEGREE_MARKING_REQUIRED[context.profile.id];
  if (marking.value) {
    checked.blamed.add('severity');
    const message = `${named(row, 'severity')}为空：失信行为信息须按行业失信等级标准标明失信程度（一般或严重）`;
    checked.returns.push(returnOn(row, 'severity', 'MISSING_DEGREE', message, marking.source));
    return;
  }
  const { dishonestGeneral, dishonestSerious } = params.periods;
  const bySeverity = dishonestGeneral.value !== null || dishonestSerious.value !== null;
  if (!bySeverity || context.item.listType !== undefined) return;
  checked.blamed.add('severity');
  checked.returns.push(
    returnOn(
      row,
      'severity',
      'DISCLOSURE_PERIOD_UNDETERMINED',
      `${named(row, 'severity')}为空：失信信息须标明一般或严重失信（或属于名单事项），才能确定公示期限`,
      dishonestGeneral.source,
    ),
  );
}

/** R31 (WH, 003 第十九条; A-17): the period counts from the end of the act, so the row says when, or that it goes on. */
function requireActEnd(row: Row, checked: Checked): void {
  const { facts, params } = row;
  const start = params.periods.dishonestStart;
  if (!isDishonest(row) || start.value !== 'ACT_END_DATE') return;
  if (facts.actEndedOn === undefined && facts.ongoing !== true) {
    checked.blamed.add('actEndedOn');
    const message = `${named(row, 'actEndedOn')}为空：披露期限自失信行为或者事件终止之日起计算；行为仍在持续的，请将${named(row, 'ongoing')}填为“是”`;
    checked.returns.push(returnOn(row, 'actEndedOn', 'MISSING_ACT_END', message, start.source));
  } else if (facts.actEndedOn !== undefined && facts.ongoing === true) {
    checked.blamed.add('actEndedOn');
    const message = `${named(row, 'ongoing')}为“是”，却又填写了${named(row, 'actEndedOn')}：二者只能填其一`;
    checked.returns.push(returnOn(row, 'ongoing', 'INVALID_VALUE', message, start.source));
  }
}

/** R29 / A-62: the platform computes the period; a provider's different end date needs an override (R57). */
function declaredEndMismatch(row: Row, periods: RecordPeriods): RowReturn[] {
  const declared = row.facts.declaredDisclosureEnd;
  if (declared === undefined || declared.toString() === periods.disclosureLastDay) return [];
  const computed = periods.disclosureLastDay ?? '（按规定无截止日期）';
  const override = ['overridePeriod', 'overrideBasis', 'overrideBasisType'] as const;
  return [
    returnOn(
      row,
      'declaredDisclosureEnd',
      'PERIOD_MISMATCH',
      `${named(row, 'declaredDisclosureEnd')}${declared}与按规定计算的${computed}不一致：法律、法规、规章另有规定的，请填写${override.map((role) => named(row, role)).join('')}；否则请更正或留空`,
      `${row.params.periods.overrideAuthorities.source}; A-62`,
    ),
  ];
}
