import { versionInForce } from '../policy/resolver.ts';
import { awardRules } from './rules/awards.ts';
import { catalogRules } from './rules/catalog.ts';
import { correctionRule } from './rules/correction.ts';
import { documentRules } from './rules/documents.ts';
import { exclusionRules } from './rules/exclusions.ts';
import { identifySubject } from './rules/identity.ts';
import { periodRules } from './rules/periods.ts';
import { personalDataRules } from './rules/personal-data.ts';
import type { Row, RowBase } from './rules/row.ts';
import type { RowReturn, ValidateRecord } from './validation.ts';

/**
 * The collection rules every door applies to every row (R16): the item (R9, R10), the subject (R39–R43),
 * personal data (R21–R23), exclusions (R24, R25), the document and notices (R26–R28), the period facts and
 * periods (R29–R31, §2.E), awards (R32) and the correction deadline (R34, R35). It returns every reason that
 * applies, so a provider can fix a row in one go. The rules are those of the profile version in force on the
 * day the row was received (R3).
 */
export const validateRecord: ValidateRecord = (facts, dataClasses, context) => {
  const params = versionInForce(context.profile, context.receivedOn).version.parameters;
  const base: RowBase = { facts, dataClasses, context, params };
  const identification = identifySubject(base);
  const row: Row = {
    ...base,
    subjectCategory: identification.subjectCategory,
    subjectCode: identification.subject?.code ?? null,
  };
  const correction = correctionRule(row);
  const returns: RowReturn[] = [
    ...catalogRules(row),
    ...identification.returns,
    ...personalDataRules(row),
    ...exclusionRules(row),
    ...documentRules(row),
    ...awardRules(row),
    ...correction.returns,
  ];
  const periods = periodRules(row, returns);
  returns.push(...periods.returns);
  return {
    returns,
    subject: identification.subject,
    periods: returns.length === 0 ? periods.periods : null,
    flags: identification.flags,
    correction: correction.correction,
  };
};
