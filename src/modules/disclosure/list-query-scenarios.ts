import { versionInForce } from '../../core/policy/resolver.ts';
import type { PolicyProfile } from '../../core/policy/types.ts';
import { OTHER_SCENARIO, scenarioNeedsBasis } from '../../core/queries/government-query.ts';
import type { LocalDate } from '../../core/time/local-date.ts';

export interface QueryScenarios {
  /** XM: only the listed scenarios (000 第十九条); WH and NT also accept `OTHER` with free text (R86). */
  closed: boolean;
  scenarios: Array<{ value: string; needsBasis: boolean }>;
  citation: string;
}

/** The scenarios (XM) or purposes (WH, NT) a government user picks from, as the profile in force lists them. */
export function listQueryScenarios(profile: PolicyProfile, today: LocalDate): QueryScenarios {
  const { queries } = versionInForce(profile, today).version.parameters;
  const closed = queries.govScenarioListClosed.value;
  const listed = [...queries.govScenarios.value, ...(closed ? [] : [OTHER_SCENARIO])];
  return {
    closed,
    scenarios: listed.map((value) => ({ value, needsBasis: scenarioNeedsBasis(value, queries) })),
    citation: queries.govScenarios.source,
  };
}
