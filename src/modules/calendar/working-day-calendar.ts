import type { Kysely, Transaction } from 'kysely';
import { buildCalendar } from '../../core/time/official-calendar.ts';
import type { WorkingDayCalendar } from '../../core/time/working-day-calendar.ts';
import type { Database } from '../../platform/db/schema.ts';
import { listOverrides } from './store.ts';

/** The instance's working-day calendar: the packaged official data with the loaded notices winning. */
export async function loadWorkingDayCalendar(
  db: Kysely<Database> | Transaction<Database>,
): Promise<WorkingDayCalendar> {
  return buildCalendar(await listOverrides(db));
}
