import { describe, expect, it } from 'vitest';
import { loadProfile, versionInForce } from '../policy/resolver.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { attributesOpenTo, batchRefusal, batchViewerOf, coverageProblem } from './batch.ts';

function queriesOf(id: 'xiamen' | 'weihai' | 'nantong') {
  return versionInForce(loadProfile(id), parseLocalDate('2024-06-01')).version.parameters.queries;
}

const grant = { validFrom: '2024-01-01', validUntil: '2024-12-31' };
const june = parseLocalDate('2024-06-01');

describe('batch queries', () => {
  it('R98 xiamen: an approved agency may submit within its validity, not after it, not without one', () => {
    const queries = queriesOf('xiamen');
    expect(batchRefusal(queries, 'CREDIT_SERVICE_AGENCY', grant, june)).toBeNull();
    expect(batchRefusal(queries, 'CREDIT_SERVICE_AGENCY', grant, parseLocalDate('2025-01-02'))?.code).toBe(
      'BATCH_APPROVAL_EXPIRED',
    );
    expect(batchRefusal(queries, 'CREDIT_SERVICE_AGENCY', null, june)?.code).toBe('BATCH_NOT_APPROVED');
  });

  it('R98 xiamen serves credit service agencies only', () => {
    const refusal = batchRefusal(queriesOf('xiamen'), 'FINANCIAL_INSTITUTION', grant, june);
    expect(refusal).toMatchObject({
      code: 'BATCH_PARTY_NOT_ELIGIBLE',
      zh: '本市批量查询服务仅面向信用服务机构',
    });
    expect(batchRefusal(queriesOf('xiamen'), null, grant, june)?.code).toBe('BATCH_PARTY_NOT_ELIGIBLE');
  });

  it('R98 weihai has no batch port', () => {
    expect(batchRefusal(queriesOf('weihai'), 'CREDIT_SERVICE_AGENCY', grant, june)?.code).toBe(
      'BATCH_DISABLED',
    );
  });

  it('R100 nantong shares with credit reporting agencies, financial institutions and information user units under an agreement', () => {
    const queries = queriesOf('nantong');
    for (const party of [
      'CREDIT_REPORTING_AGENCY',
      'FINANCIAL_INSTITUTION',
      'CREDIT_SERVICE_AGENCY',
      'GOVERNMENT_UNIT',
    ] as const) {
      expect(batchRefusal(queries, party, grant, june), party).toBeNull();
    }
    expect(batchRefusal(queries, 'FINANCIAL_INSTITUTION', null, june)).toMatchObject({
      code: 'SHARING_AGREEMENT_REQUIRED',
      zh: expect.stringContaining('信息共享协议'),
      en: expect.stringContaining('sharing agreement'),
    });
    expect(batchRefusal(queries, 'FINANCIAL_INSTITUTION', grant, parseLocalDate('2025-01-01'))).toMatchObject(
      {
        code: 'SHARING_AGREEMENT_EXPIRED',
        en: 'the sharing agreement is not in force (2024-01-01 to 2024-12-31)',
      },
    );
    expect(batchRefusal(queries, null, grant, june)?.code).toBe('BATCH_PARTY_NOT_ELIGIBLE');
  });

  it('R100 a government unit exchanges as GOV, every other party as the batch port (A-33)', () => {
    expect(batchViewerOf('GOVERNMENT_UNIT')).toBe('GOV');
    expect(batchViewerOf('FINANCIAL_INSTITUTION')).toBe('CSA');
    expect(attributesOpenTo('GOVERNMENT_UNIT')).toEqual(['public', 'authorized', 'government']);
    expect(attributesOpenTo('CREDIT_REPORTING_AGENCY')).toEqual(['public', 'authorized']);
  });

  it('R100 an agreement covers at least one attribute the party can see, each item once', () => {
    const bank = 'FINANCIAL_INSTITUTION';
    expect(coverageProblem(bank, { attributes: ['public'], items: null })).toBeNull();
    expect(coverageProblem(bank, { attributes: [], items: null })?.field).toBe('attributes');
    expect(coverageProblem(bank, { attributes: ['public', 'government'], items: null })).toEqual({
      field: 'attributes',
      zh: '金融机构不能获得政务共享信息',
      en: 'financial institutions cannot receive government-shared records',
    });
    expect(coverageProblem('GOVERNMENT_UNIT', { attributes: ['government'], items: ['QJSK'] })).toBeNull();
    expect(coverageProblem(bank, { attributes: ['public'], items: ['XZCF', 'XZCF'] })?.field).toBe('items');
  });
});
