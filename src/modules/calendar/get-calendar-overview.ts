import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type LoadedNotice, listLoadedNotices } from './store.ts';
import { loadWorkingDayCalendar } from './working-day-calendar.ts';

export interface CalendarOverview {
  coveredYears: number[];
  notices: LoadedNotice[];
}

/** Which years the working-day calendar covers, and the notices administrators loaded. */
export async function getCalendarOverview(
  db: Kysely<Database> | Transaction<Database>,
): Promise<CalendarOverview> {
  const [calendar, notices] = await Promise.all([loadWorkingDayCalendar(db), listLoadedNotices(db)]);
  return { coveredYears: calendar.coveredYears, notices };
}
