import { describe, expect, it } from 'vitest';
import { loadProfile, versionInForce } from '../policy/resolver.ts';
import { parseLocalDate } from '../time/local-date.ts';
import {
  authorizationUseRefusal,
  missingMaterials,
  onlineThirdPartyRefusal,
  requiredMaterials,
} from './third-party.ts';

function queriesOf(id: 'xiamen' | 'weihai' | 'nantong') {
  return versionInForce(loadProfile(id), parseLocalDate('2025-06-01')).version.parameters.queries;
}

describe('third-party queries', () => {
  it('R78 xiamen: an organization applicant without the agent’s ID card is missing exactly 代理人身份证原件', () => {
    const queries = queriesOf('xiamen');
    const all = requiredMaterials(queries, 'organization');
    expect(all).toHaveLength(4);
    const provided = all.filter((item) => item !== '代理人身份证原件');
    expect(missingMaterials(queries, 'organization', provided)).toEqual(['代理人身份证原件']);
    expect(missingMaterials(queries, 'organization', all)).toEqual([]);
    expect(requiredMaterials(queries, 'natural_person')).toEqual([
      '居民身份证原件',
      '委托人签名的委托书原件',
      '授权查询申请表（载明约定的查询用途）',
    ]);
  });

  it('R79 weihai: every applicant brings the subject’s written authorization', () => {
    expect(requiredMaterials(queriesOf('weihai'), 'natural_person')).toEqual(['被查询信息主体的书面授权']);
  });

  it('R77 xiamen refuses an online third-party query and points to the service points', () => {
    expect(onlineThirdPartyRefusal(queriesOf('xiamen'))?.zh).toBe('查询他人授权信息需至服务咨询点现场申请');
  });

  it('R79 weihai refuses it online and points to the designated window', () => {
    expect(onlineThirdPartyRefusal(queriesOf('weihai'))?.zh).toContain('须至指定服务窗口');
  });

  it('R81 nantong allows authorized queries online', () => {
    expect(onlineThirdPartyRefusal(queriesOf('nantong'))).toBeNull();
  });

  it('R80 an authorization without validity serves one report, then is AUTHORIZATION_CONSUMED', () => {
    const terms = { granteeCode: 'B', status: 'ACTIVE' as const, validFrom: '2024-03-01', validUntil: null };
    const use = { granteeCode: 'B', today: parseLocalDate('2024-03-04') };
    expect(authorizationUseRefusal(terms, use)).toBeNull();
    expect(authorizationUseRefusal({ ...terms, status: 'CONSUMED' }, use)?.code).toBe(
      'AUTHORIZATION_CONSUMED',
    );
    expect(authorizationUseRefusal(terms, { ...use, granteeCode: 'C' })?.code).toBe(
      'AUTHORIZATION_NOT_FOR_QUERIER',
    );
    expect(authorizationUseRefusal({ ...terms, validUntil: '2024-03-03' }, use)?.code).toBe(
      'AUTHORIZATION_EXPIRED',
    );
    expect(authorizationUseRefusal({ ...terms, status: 'REVOKED' }, use)?.code).toBe('AUTHORIZATION_REVOKED');
  });
});
