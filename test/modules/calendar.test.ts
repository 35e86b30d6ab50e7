import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { parseLocalDate } from '../../src/core/time/local-date.ts';
import { CalendarNotCoveredError, coverageAlert } from '../../src/core/time/working-day-calendar.ts';
import { loadHolidayNotice } from '../../src/modules/calendar/load-holiday-notice.ts';
import { listLoadedNotices } from '../../src/modules/calendar/store.ts';
import { loadWorkingDayCalendar } from '../../src/modules/calendar/working-day-calendar.ts';
import { shiftedClock } from '../../src/platform/clock.ts';
import { type Platform, runUseCase, systemActor } from '../../src/platform/context.ts';
import { InvalidInputError } from '../../src/platform/errors.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../support/db.ts';

const notice2027 = fs.readFileSync(
  new URL('../fixtures/holiday-notice-2027-hypothetical.json', import.meta.url),
  'utf8',
);

describe(`loading a year's holiday notice on ${testEngine}`, () => {
  let database: TestDatabase;
  let platform: Platform;
  const load = (text: string) =>
    runUseCase(platform, systemActor('test'), (ctx) => loadHolidayNotice(ctx, { text }));
  beforeAll(async () => {
    database = await createTestDatabase();
    platform = { db: database.db, clock: shiftedClock('2026-12-01'), profile: loadProfile('xiamen') };
  });
  afterAll(() => database.dispose());

  it('R4 before the notice is loaded, a deadline reaching into 2027 fails naming the year, and administrators are alerted', async () => {
    const calendar = await loadWorkingDayCalendar(platform.db);
    expect(() => calendar.addWorkdays(parseLocalDate('2026-12-28'), 5)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.addWorkdays(parseLocalDate('2026-12-28'), 5)).toThrow(/2027/);
    expect(coverageAlert(calendar, platform.clock.today())).toMatchObject({ year: 2027 });
  });

  it('a notice with any problem is refused with the field and changes nothing', async () => {
    const broken = JSON.stringify({ ...JSON.parse(notice2027), workdays: [{ date: '2027-02-22' }] });
    await expect(load(broken)).rejects.toThrow(InvalidInputError);
    await expect(load(broken)).rejects.toThrow(/workdays\[0\]/);
    expect(await listLoadedNotices(platform.db)).toEqual([]);
  });

  it('R4 once loaded, its holidays and make-up working day count, and the alert is gone', async () => {
    const summary = await load(notice2027);
    expect(summary).toMatchObject({ year: 2027, holidays: 11, workdays: 1, replaced: false });
    const calendar = await loadWorkingDayCalendar(platform.db);
    // 2026-12-28 (Mon) + 5 working days: 12-29, 12-30, 12-31, then 2027-01-01..03 off, 01-04, 01-05.
    expect(calendar.addWorkdays(parseLocalDate('2026-12-28'), 5).toString()).toBe('2027-01-05');
    expect(calendar.isWorkday(parseLocalDate('2027-02-20'))).toBe(true);
    expect(calendar.isWorkday(parseLocalDate('2027-02-08'))).toBe(false);
    expect(coverageAlert(calendar, platform.clock.today())).toBeNull();
  });

  it('loading the same year again replaces the notice whole, and each load is audited', async () => {
    const corrected = JSON.stringify({ ...JSON.parse(notice2027), workdays: [] });
    expect(await load(corrected)).toMatchObject({ replaced: true, workdays: 0 });
    const calendar = await loadWorkingDayCalendar(platform.db);
    expect(calendar.isWorkday(parseLocalDate('2027-02-20'))).toBe(false);
    const events = await database.db
      .selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'calendar.load_notice')
      .execute();
    expect(events).toEqual([
      { action: 'calendar.load_notice', object_id: '2027' },
      { action: 'calendar.load_notice', object_id: '2027' },
    ]);
  });
});
