import { describe, expect, it } from 'vitest';
import { parseLocalDate } from './local-date.ts';
import { buildCalendar, OFFICIAL_CALENDAR_SOURCE } from './official-calendar.ts';
import { CalendarNotCoveredError } from './working-day-calendar.ts';

const d = parseLocalDate;

describe('buildCalendar', () => {
  it('covers exactly the years of the chinese-days package (2004–2026) without overrides', () => {
    const calendar = buildCalendar([]);
    expect(calendar.coveredYears).toEqual(Array.from({ length: 23 }, (_, index) => 2004 + index));
    expect(() => calendar.isWorkday(d('2027-01-04'))).toThrow(CalendarNotCoveredError);
    expect(() => calendar.isWorkday(d('2003-12-31'))).toThrow(CalendarNotCoveredError);
  });

  it('names days with the notices’ festival names and the package as source', () => {
    const calendar = buildCalendar([]);
    expect(calendar.day(d('2026-04-06'))).toMatchObject({ type: 'holiday', name: '清明节' });
    expect(calendar.day(d('2026-10-10'))).toMatchObject({
      type: 'adjusted-workday',
      name: '国庆节调休',
      source: OFFICIAL_CALENDAR_SOURCE,
    });
  });

  it('R4 a loaded notice restates its whole year: it replaces the package data of that year, and only that year', () => {
    const source = '更正（测试）';
    const calendar = buildCalendar([
      { date: d('2026-10-09'), kind: 'holiday', source, name: '国庆节' },
      { date: d('2026-10-10'), kind: 'holiday', source, name: '国庆节' },
    ]);
    expect(calendar.isWorkday(d('2026-10-09'))).toBe(false);
    expect(calendar.day(d('2026-10-10'))).toMatchObject({ working: false, source });
    // The package's 2026-10-01 holiday is not in the corrected notice: an ordinary Thursday again.
    expect(calendar.isWorkday(d('2026-10-01'))).toBe(true);
    expect(calendar.addWorkdays(d('2026-09-30'), 3).toString()).toBe('2026-10-05');
    expect(calendar.isWorkday(d('2025-10-01'))).toBe(false);
  });

  it('covers a year once overrides from its notice are loaded', () => {
    const calendar = buildCalendar([
      { date: d('2027-01-01'), kind: 'holiday', source: '2027 notice', name: '元旦' },
    ]);
    expect(calendar.covers(2027)).toBe(true);
    expect(calendar.addWorkdays(d('2026-12-28'), 5).toString()).toBe('2027-01-05');
  });
});
