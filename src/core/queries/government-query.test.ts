import { describe, expect, it } from 'vitest';
import { loadProfile, versionInForce } from '../policy/resolver.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { checkGovernmentQueryDeclaration, OTHER_SCENARIO } from './government-query.ts';

function queriesOf(id: 'xiamen' | 'weihai' | 'nantong') {
  return versionInForce(loadProfile(id), parseLocalDate('2025-06-01')).version.parameters.queries;
}

const complete = { scenarioBasis: null, purpose: '核查投标人信用', caseReference: 'ZB-2025-001' };

describe('xiamen', () => {
  const queries = queriesOf('xiamen');
  const [, procurement, , awards] = queries.govScenarios.value;
  const other = queries.govScenarios.value.at(-1) ?? '';

  it('R85 a mass organization querying for 表彰奖励 (scenario 4) may run', () => {
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario: awards ?? null }, queries)).toBeNull();
    expect(
      checkGovernmentQueryDeclaration({ ...complete, scenario: procurement ?? null }, queries),
    ).toBeNull();
  });

  it('R85 scenario (6) with an empty citation is SCENARIO_BASIS_REQUIRED; with one it runs', () => {
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario: other }, queries)?.code).toBe(
      'SCENARIO_BASIS_REQUIRED',
    );
    expect(
      checkGovernmentQueryDeclaration(
        { ...complete, scenario: other, scenarioBasis: '《福建省社会信用条例》第二十条' },
        queries,
      ),
    ).toBeNull();
  });

  it('R85 no scenario, or one outside 第十九条, is rejected; the list is closed', () => {
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario: null }, queries)?.code).toBe(
      'SCENARIO_REQUIRED',
    );
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario: '日常监管' }, queries)?.code).toBe(
      'SCENARIO_NOT_IN_LIST',
    );
    expect(
      checkGovernmentQueryDeclaration({ ...complete, scenario: OTHER_SCENARIO, scenarioBasis: 'x' }, queries)
        ?.code,
    ).toBe('SCENARIO_NOT_IN_LIST');
  });

  it('R91 the purpose and the case reference are required so the ledger can hold them', () => {
    const scenario = awards ?? null;
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario, purpose: ' ' }, queries)?.code).toBe(
      'PURPOSE_REQUIRED',
    );
    expect(
      checkGovernmentQueryDeclaration({ ...complete, scenario, caseReference: null }, queries)?.code,
    ).toBe('CASE_REFERENCE_REQUIRED');
  });
});

describe.each(['weihai', 'nantong'] as const)('%s', (profile) => {
  const queries = queriesOf(profile);

  it('R86 a query without a purpose is PURPOSE_REQUIRED', () => {
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario: null }, queries)?.code).toBe(
      'PURPOSE_REQUIRED',
    );
  });

  it('R86 公共资源交易 from the list runs; "other" needs its text', () => {
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario: '公共资源交易' }, queries)).toBeNull();
    expect(checkGovernmentQueryDeclaration({ ...complete, scenario: OTHER_SCENARIO }, queries)?.code).toBe(
      'SCENARIO_BASIS_REQUIRED',
    );
    expect(
      checkGovernmentQueryDeclaration(
        { ...complete, scenario: OTHER_SCENARIO, scenarioBasis: '专项检查' },
        queries,
      ),
    ).toBeNull();
  });
});
