import type { QueryParameters } from '../policy/types.ts';

/** What a government user states before any record is shown (000 第十九条, 第二十条; 003 第二十四条; 004 第二十五条). */
export interface GovernmentQueryDeclaration {
  /** One entry of the profile's scenario / purpose list, or `OTHER` where the list is open. */
  scenario: string | null;
  /** The provision a "其他情形" scenario rests on (XM), or the free text of `OTHER` (WH, NT). */
  scenarioBasis: string | null;
  /** What the query is for, in the user's words; binds use and is logged (000 第二十条). */
  purpose: string | null;
  /** The case or file the query serves (案件编号 / 业务编号), so the ledger can be audited against it. */
  caseReference: string | null;
}

export const OTHER_SCENARIO = 'OTHER';

export interface DeclarationProblem {
  code:
    | 'SCENARIO_REQUIRED'
    | 'SCENARIO_NOT_IN_LIST'
    | 'SCENARIO_BASIS_REQUIRED'
    | 'PURPOSE_REQUIRED'
    | 'CASE_REFERENCE_REQUIRED';
  field: keyof GovernmentQueryDeclaration;
  zh: string;
  en: string;
}

/** 000 第十九条(六): 国家、省、市规定的其他情形 must name its provision; WH/NT "other" needs its words (R86). */
export function scenarioNeedsBasis(scenario: string, queries: QueryParameters): boolean {
  return scenario === OTHER_SCENARIO || (queries.govScenarioListClosed.value && scenario.includes('其他'));
}

function blank(value: string | null): boolean {
  return value === null || value.trim() === '';
}

/**
 * The first thing missing or wrong in a government query's declaration, or null when it may run. XM's list is
 * the closed list of 000 第十九条, its last entry (六) needing the provision cited (R85); WH and NT pick a purpose
 * from their list or "other" with free text (R86).
 */
export function checkGovernmentQueryDeclaration(
  declaration: GovernmentQueryDeclaration,
  queries: QueryParameters,
): DeclarationProblem | null {
  const closed = queries.govScenarioListClosed.value;
  const { scenario } = declaration;
  if (scenario === null || blank(scenario)) {
    // 000 第十九条: a scenario; 003 第二十四条 / 004 第二十五条: a purpose from the list (R86).
    return closed
      ? {
          code: 'SCENARIO_REQUIRED',
          field: 'scenario',
          zh: '须选择查询场景',
          en: 'a query scenario is required',
        }
      : {
          code: 'PURPOSE_REQUIRED',
          field: 'scenario',
          zh: '须选择查询用途',
          en: 'a query purpose is required',
        };
  }
  const listed = queries.govScenarios.value.includes(scenario);
  if (!listed && (closed || scenario !== OTHER_SCENARIO)) {
    return {
      code: 'SCENARIO_NOT_IN_LIST',
      field: 'scenario',
      zh: `“${scenario}”不在本市规定的查询场景中`,
      en: `"${scenario}" is not one of the city's query scenarios`,
    };
  }
  if (scenarioNeedsBasis(scenario, queries) && blank(declaration.scenarioBasis)) {
    return {
      code: 'SCENARIO_BASIS_REQUIRED',
      field: 'scenarioBasis',
      zh: closed ? '选择“其他情形”须注明所依据的规定' : '选择“其他”须填写具体用途',
      en: closed ? 'scenario (6) needs the provision it rests on' : '"other" needs the purpose in words',
    };
  }
  // 000 第二十条: the ledger records the purpose of every query.
  if (blank(declaration.purpose)) {
    return {
      code: 'PURPOSE_REQUIRED',
      field: 'purpose',
      zh: '须填写查询事由',
      en: 'a query purpose is required',
    };
  }
  if (blank(declaration.caseReference)) {
    return {
      code: 'CASE_REFERENCE_REQUIRED',
      field: 'caseReference',
      zh: '须填写办件或案件编号',
      en: 'a case reference is required',
    };
  }
  return null;
}
