import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeToOverrides, parseHolidayNotice } from './holiday-notice.ts';
import { addDays, localDate, parseLocalDate } from './local-date.ts';
import { buildCalendar } from './official-calendar.ts';
import {
  CalendarNotCoveredError,
  coverageAlert,
  createWorkingDayCalendar,
  overrideLayer,
} from './working-day-calendar.ts';

const d = parseLocalDate;

/** The spec's test fixture calendar (§0.3 C1), and nothing else: only 2024 is covered. */
const fixtureNotice = parseHolidayNotice(
  JSON.stringify({
    year: 2024,
    source: 'spec §0.3 C1 fixture calendar (2024)',
    holidays: [
      { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-10', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    workdays: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'].map((day) => ({
      date: `2024-${day}`,
    })),
  }),
);
const fixture = createWorkingDayCalendar([overrideLayer(noticeToOverrides(fixtureNotice))]);

describe('working days of the fixture calendar (spec C1)', () => {
  it('R4 C1 weekends and statutory holidays are non-working, adjusted weekend days are working', () => {
    expect(fixture.isWorkday(d('2024-03-11'))).toBe(true); // Monday
    expect(fixture.isWorkday(d('2024-03-09'))).toBe(false); // Saturday
    expect(fixture.isWorkday(d('2024-10-03'))).toBe(false); // 国庆节, a Thursday
    expect(fixture.isWorkday(d('2024-09-29'))).toBe(true); // Sunday worked for 国庆节
  });

  it('tells what kind of day a date is and which entry decided it', () => {
    expect(fixture.day(d('2024-02-12'))).toMatchObject({ working: false, type: 'holiday', name: '春节' });
    expect(fixture.day(d('2024-02-04'))).toMatchObject({ working: true, type: 'adjusted-workday' });
    expect(fixture.day(d('2024-02-04')).source).toBe('spec §0.3 C1 fixture calendar (2024)');
    expect(fixture.day(d('2024-02-03'))).toEqual({ date: d('2024-02-03'), working: false, type: 'weekend' });
    expect(fixture.day(d('2024-02-05'))).toEqual({ date: d('2024-02-05'), working: true, type: 'weekday' });
  });
});

describe('addWorkdays (自X之日起N个工作日内, spec C2)', () => {
  it('R4 a 2-working-day deadline from 2024-09-27 (Fri) is 2024-09-30: 2024-09-29 (Sun) is an adjusted working day', () => {
    expect(fixture.addWorkdays(d('2024-09-27'), 2).toString()).toBe('2024-09-30');
  });

  it('R4 a 3-working-day deadline from 2024-09-30 is 2024-10-10: 10-01..10-07 are holidays', () => {
    expect(fixture.addWorkdays(d('2024-09-30'), 3).toString()).toBe('2024-10-10');
  });

  it('R4 C2 the start day never counts, even when it is a working day', () => {
    expect(fixture.addWorkdays(d('2024-03-11'), 1).toString()).toBe('2024-03-12');
  });

  it('R4 C2 the start may be a non-working day: a Saturday submission plus 1 working day is the Monday', () => {
    expect(fixture.addWorkdays(d('2024-03-09'), 1).toString()).toBe('2024-03-11');
    expect(fixture.addWorkdays(d('2024-02-10'), 1).toString()).toBe('2024-02-18');
  });

  it('returns the start for 0 working days and rejects negative or fractional counts', () => {
    expect(fixture.addWorkdays(d('2024-03-09'), 0).toString()).toBe('2024-03-09');
    expect(() => fixture.addWorkdays(d('2024-03-09'), -1)).toThrow(RangeError);
    expect(() => fixture.addWorkdays(d('2024-03-09'), 1.5)).toThrow(RangeError);
  });

  it('R4 refuses to guess for a year without an official arrangement, naming the year', () => {
    // 2024-12-30 and 12-31 are working days; the third day needs 2025, which the fixture does not cover.
    expect(fixture.addWorkdays(d('2024-12-27'), 2).toString()).toBe('2024-12-31');
    const attempt = () => fixture.addWorkdays(d('2024-12-27'), 3);
    expect(attempt).toThrow(CalendarNotCoveredError);
    expect(attempt).toThrow('2025年的节假日安排尚未载入 / the working-day calendar does not cover 2025');
    expect(attempt).toThrow('gongxin calendar load FILE');
    expect(() => fixture.isWorkday(d('2023-12-29'))).toThrow(/does not cover 2023/);
  });
});

describe('workdaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(fixture.workdaysBetween(d('2024-09-30'), d('2024-10-10'))).toBe(3);
    expect(fixture.workdaysBetween(d('2024-09-30'), d('2024-09-30'))).toBe(0);
    expect(() => fixture.workdaysBetween(d('2024-10-10'), d('2024-09-30'))).toThrow(RangeError);
  });
});

describe('addWorkdays properties on the official calendar', () => {
  const official = buildCalendar([]);
  const coveredDate = fc
    .integer({ min: 0, max: localDate(2004, 1, 1).until(localDate(2026, 10, 31)).days })
    .map((offset) => addDays(localDate(2004, 1, 1), offset));

  it('lands on a working day with exactly n working days in (start, result]', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const deadline = official.addWorkdays(start, n);
        expect(official.isWorkday(deadline)).toBe(true);
        expect(official.workdaysBetween(start, deadline)).toBe(n);
        expect(official.workdaysBetween(start, addDays(deadline, -1))).toBe(n - 1);
      }),
    );
  });

  it('moves forward by one working day at a time', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 20 }), (start, n) => {
        const deadline = official.addWorkdays(start, n);
        expect(official.addWorkdays(deadline, 1).equals(official.addWorkdays(start, n + 1))).toBe(true);
      }),
    );
  });
});

describe('createWorkingDayCalendar', () => {
  it('lets a later layer win for the same date', () => {
    const calendar = createWorkingDayCalendar([
      overrideLayer(noticeToOverrides(fixtureNotice)),
      overrideLayer([{ date: d('2024-10-07'), kind: 'workday', source: '补充通知' }]),
    ]);
    expect(calendar.isWorkday(d('2024-10-07'))).toBe(true);
    expect(calendar.day(d('2024-10-07')).source).toBe('补充通知');
  });

  it('rejects two entries for one date in one layer', () => {
    const twice = [
      { date: d('2024-10-08'), kind: 'holiday' as const, source: 'notice A' },
      { date: d('2024-10-08'), kind: 'workday' as const, source: 'notice A' },
    ];
    expect(() => createWorkingDayCalendar([overrideLayer(twice)])).toThrow(/2024-10-08 twice/);
  });
});

describe('coverageAlert', () => {
  const official = buildCalendar([]);

  it('stays silent before 1 December while the current year is covered', () => {
    expect(coverageAlert(official, d('2026-11-30'))).toBeNull();
  });

  it('warns administrators from 1 December while next year is not covered', () => {
    expect(coverageAlert(official, d('2026-12-01'))).toEqual({
      year: 2027,
      message: new CalendarNotCoveredError(2027).message,
    });
  });

  it('stops once the next year is loaded', () => {
    const loaded = buildCalendar([
      { date: d('2027-01-01'), kind: 'holiday', source: '2027 notice', name: '元旦' },
    ]);
    expect(coverageAlert(loaded, d('2026-12-31'))).toBeNull();
  });

  it('keeps warning after New Year while the current year is still not covered', () => {
    expect(coverageAlert(official, d('2027-03-01'))?.year).toBe(2027);
    expect(coverageAlert(fixture, d('2024-12-15'))?.year).toBe(2025);
  });
});
