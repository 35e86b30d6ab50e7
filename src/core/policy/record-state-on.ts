import type { LocalDate } from '../time/local-date.ts';
import type { PeriodParameters } from './types.ts';

export interface StoredRecordState {
  state: string;
  /** ISO date: the last day a dishonest record is disclosed; null when open-ended or not applicable. */
  disclosureLastDay: string | null;
  /** ISO date: the end of a basic or good record's period; null when none applies. */
  recordPeriodEnd: string | null;
}

/**
 * The state a record is in on `today`. A stored ACTIVE record lapses at the end of its last day of disclosure
 * or record period whether or not the daily job has written the new state yet, so every channel stops showing
 * it at the same moment (spec §2.E; R61). The daily job only makes the stored state catch up.
 */
export function recordStateOn(
  record: StoredRecordState,
  today: LocalDate,
  periods: PeriodParameters,
): string {
  if (record.state !== 'ACTIVE') return record.state;
  const day = today.toString();
  // 000 第十条; 003 第十九条; 004 第三十条: at the end of the disclosure period the record leaves every query.
  if (record.disclosureLastDay !== null && record.disclosureLastDay < day) return periods.expiryState.value;
  // 000 第十条(一): basic and good information past its record period.
  if (record.recordPeriodEnd !== null && record.recordPeriodEnd < day) return 'RECORD_PERIOD_ENDED';
  return 'ACTIVE';
}
