import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type HolidayNotice,
  noticeToOverrides,
  parseHolidayNotice,
} from '../../src/core/time/holiday-notice.ts';
import { addDays, type LocalDate, localDate } from '../../src/core/time/local-date.ts';
import { buildCalendar } from '../../src/core/time/official-calendar.ts';
import {
  createWorkingDayCalendar,
  overrideLayer,
  type WorkingDayCalendar,
} from '../../src/core/time/working-day-calendar.ts';

/**
 * The State Council's notices, written out from their text, independently of the chinese-days package:
 * the package's data must agree with each of them on every day of the year.
 */
const NOTICES = {
  2024: {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    holidays: [
      { name: '元旦', from: '2024-01-01', to: '2024-01-01' }, // 1月1日放假，与周末连休
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-10', to: '2024-06-10' }, // 6月10日放假，与周末连休
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    workdays: [
      { date: '2024-02-04', name: '春节调休' },
      { date: '2024-02-18', name: '春节调休' },
      { date: '2024-04-07', name: '清明节调休' },
      { date: '2024-04-28', name: '劳动节调休' },
      { date: '2024-05-11', name: '劳动节调休' },
      { date: '2024-09-14', name: '中秋节调休' },
      { date: '2024-09-29', name: '国庆节调休' },
      { date: '2024-10-12', name: '国庆节调休' },
    ],
  },
  2025: {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' }, // 放假1天，不调休
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: [
      { date: '2025-01-26', name: '春节调休' },
      { date: '2025-02-08', name: '春节调休' },
      { date: '2025-04-27', name: '劳动节调休' },
      { date: '2025-09-28', name: '国庆节调休' },
      { date: '2025-10-11', name: '国庆节调休' },
    ],
  },
  2026: {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: [
      { date: '2026-01-04', name: '元旦调休' },
      { date: '2026-02-14', name: '春节调休' },
      { date: '2026-02-28', name: '春节调休' },
      { date: '2026-05-09', name: '劳动节调休' },
      { date: '2026-09-20', name: '国庆节调休' },
      { date: '2026-10-10', name: '国庆节调休' },
    ],
  },
};

function notice(year: keyof typeof NOTICES): HolidayNotice {
  return parseHolidayNotice(JSON.stringify(NOTICES[year]));
}

function daysOfYear(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let date = localDate(year, 1, 1); date.year === year; date = addDays(date, 1)) days.push(date);
  return days;
}

/** Whether the notice makes a day a working day: Monday–Friday unless a day off, plus the make-up days. */
function workedUnderNotice(arrangement: HolidayNotice, date: LocalDate): boolean {
  const entry = noticeToOverrides(arrangement).find((override) => override.date.equals(date));
  return entry ? entry.kind === 'workday' : date.dayOfWeek <= 5;
}

/** Every day of the notice's year on which the calendar and the notice disagree. */
function disagreements(calendar: WorkingDayCalendar, arrangement: HolidayNotice): string[] {
  return daysOfYear(arrangement.year)
    .filter((date) => calendar.isWorkday(date) !== workedUnderNotice(arrangement, date))
    .map((date) => `${date}: calendar says ${calendar.isWorkday(date) ? 'working' : 'not working'}`);
}

const official = buildCalendar([]);

describe('the chinese-days package data against the official State Council notices', () => {
  it.each([2024, 2025, 2026] as const)('R4 C1 agrees with the %i notice on every day of the year', (year) => {
    const arrangement = notice(year);
    expect(daysOfYear(year)).toHaveLength(year === 2024 ? 366 : 365);
    expect(disagreements(official, arrangement)).toEqual([]);
  });

  it('R4 C1 the 2024 notice is the spec fixture calendar', () => {
    const overrides = noticeToOverrides(notice(2024));
    const monthDays = (kind: 'holiday' | 'workday') =>
      overrides.filter((entry) => entry.kind === kind).map((entry) => entry.date.toString().slice(5));
    const range = (month: string, from: number, to: number) =>
      Array.from(
        { length: to - from + 1 },
        (_, index) => `${month}-${String(from + index).padStart(2, '0')}`,
      );
    expect(monthDays('holiday')).toEqual([
      '01-01',
      ...range('02', 10, 17),
      ...range('04', 4, 6),
      ...range('05', 1, 5),
      '06-10',
      ...range('09', 15, 17),
      ...range('10', 1, 7),
    ]);
    expect(monthDays('workday')).toEqual([
      '02-04',
      '02-18',
      '04-07',
      '04-28',
      '05-11',
      '09-14',
      '09-29',
      '10-12',
    ]);
  });

  it('would notice a wrong day: a calendar missing one make-up day disagrees on exactly that day', () => {
    const withoutOneDay = noticeToOverrides(notice(2026)).filter(
      (entry) => entry.date.toString() !== '2026-10-10',
    );
    const calendar = createWorkingDayCalendar([{ coveredYears: [2026], entries: withoutOneDay }]);
    expect(disagreements(calendar, notice(2026))).toEqual(['2026-10-10: calendar says not working']);
  });
});

describe('docs/examples/holiday-notice-2026.json', () => {
  const example = parseHolidayNotice(
    readFileSync(new URL('../../docs/examples/holiday-notice-2026.json', import.meta.url), 'utf8'),
  );

  it('states the same days off and make-up days as the 2026 notice', () => {
    const days = (arrangement: HolidayNotice) =>
      noticeToOverrides(arrangement).map((entry) => `${entry.date} ${entry.kind}`);
    expect(days(example)).toEqual(days(notice(2026)));
    expect(example.source).toContain('国办发明电〔2025〕7号');
  });

  it('gives, loaded alone, the same working days as the package for every day of 2026', () => {
    const fromExample = createWorkingDayCalendar([overrideLayer(noticeToOverrides(example))]);
    const differing = daysOfYear(2026).filter(
      (date) => fromExample.isWorkday(date) !== official.isWorkday(date),
    );
    expect(differing).toEqual([]);
  });
});
