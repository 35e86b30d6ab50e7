import { type Kysely, sql, type Transaction } from 'kysely';
import { parseLocalDate } from '../../core/time/local-date.ts';
import type { CalendarOverride } from '../../core/time/working-day-calendar.ts';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function listOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db
    .selectFrom('calendar_override')
    .select(['day', 'kind', 'name', 'source'])
    .orderBy('day')
    .execute();
  return rows.map((row) => ({
    date: parseLocalDate(row.day),
    kind: row.kind,
    source: row.source,
    ...(row.name ? { name: row.name } : {}),
  }));
}

export interface LoadedNotice {
  year: number;
  source: string;
  loadedAt: Date;
  loadedBy: string;
  holidays: number;
  workdays: number;
}

export async function listLoadedNotices(db: Db): Promise<LoadedNotice[]> {
  const rows = await db
    .selectFrom('calendar_notice as n')
    .leftJoin('calendar_override as o', 'o.year', 'n.year')
    // The audit actor id of an account is `account:<id>`; people read its display name.
    .leftJoin('account as a', (join) => join.on(sql`'account:' || a.id::text`, '=', sql.ref('n.loaded_by')))
    .select((eb) => [
      'n.year',
      'n.source',
      'n.loaded_at',
      eb.fn.coalesce('a.display_name', 'n.loaded_by').as('loaded_by'),
      eb.fn.count<number>('o.day').filterWhere('o.kind', '=', 'holiday').as('holidays'),
      eb.fn.count<number>('o.day').filterWhere('o.kind', '=', 'workday').as('workdays'),
    ])
    .groupBy(['n.year', 'n.source', 'n.loaded_at', 'n.loaded_by', 'a.display_name'])
    .orderBy('n.year')
    .execute();
  return rows.map((row) => ({
    year: row.year,
    source: row.source,
    loadedAt: row.loaded_at,
    loadedBy: row.loaded_by,
    holidays: row.holidays,
    workdays: row.workdays,
  }));
}

/** Replaces a year's notice and its days whole: a corrected notice leaves nothing of the earlier one behind. */
export async function replaceNotice(
  db: Transaction<Database>,
  notice: { year: number; source: string; content: unknown; loadedAt: Date; loadedBy: string },
  overrides: CalendarOverride[],
): Promise<void> {
  await db.deleteFrom('calendar_notice').where('year', '=', notice.year).execute();
  await db
    .insertInto('calendar_notice')
    .values({
      year: notice.year,
      source: notice.source,
      notice: JSON.stringify(notice.content),
      loaded_at: notice.loadedAt,
      loaded_by: notice.loadedBy,
    })
    .execute();
  if (overrides.length === 0) return;
  await db
    .insertInto('calendar_override')
    .values(
      overrides.map((o) => ({
        day: o.date.toString(),
        year: notice.year,
        kind: o.kind,
        name: o.name ?? null,
        source: o.source,
      })),
    )
    .execute();
}

export async function noticeExists(db: Db, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('calendar_notice')
    .select('year')
    .where('year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}
