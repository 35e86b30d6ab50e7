import { describe, expect, it } from 'vitest';
import { loadProfile, versionInForce } from '../policy/resolver.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { batchRefusal } from './batch.ts';

function queriesOf(id: 'xiamen' | 'weihai' | 'nantong') {
  return versionInForce(loadProfile(id), parseLocalDate('2024-06-01')).version.parameters.queries;
}

const approval = { validFrom: '2024-01-01', validUntil: '2024-12-31' };

describe('batch queries', () => {
  it('R98 xiamen: an approved agency may submit within its validity, not after it, not without one', () => {
    const queries = queriesOf('xiamen');
    expect(batchRefusal(queries, approval, parseLocalDate('2024-06-01'))).toBeNull();
    expect(batchRefusal(queries, approval, parseLocalDate('2025-01-02'))?.code).toBe(
      'BATCH_APPROVAL_EXPIRED',
    );
    expect(batchRefusal(queries, null, parseLocalDate('2024-06-01'))?.code).toBe('BATCH_NOT_APPROVED');
  });

  it('R98 weihai has no batch port', () => {
    expect(batchRefusal(queriesOf('weihai'), approval, parseLocalDate('2024-06-01'))?.code).toBe(
      'BATCH_DISABLED',
    );
  });

  it('R100 nantong exchanges batches under an agreement', () => {
    expect(batchRefusal(queriesOf('nantong'), approval, parseLocalDate('2024-06-01'))).toBeNull();
    expect(batchRefusal(queriesOf('nantong'), null, parseLocalDate('2024-06-01'))?.code).toBe(
      'BATCH_NOT_APPROVED',
    );
  });
});
