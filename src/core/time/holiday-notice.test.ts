import { describe, expect, it } from 'vitest';
import { HolidayNoticeError, noticeToOverrides, parseHolidayNotice } from './holiday-notice.ts';
import { parseLocalDate } from './local-date.ts';

const d = parseLocalDate;

const SOURCE = '国务院办公厅关于2027年部分节假日安排的通知（测试）';

function noticeText(changes: Record<string, unknown> = {}): string {
  return JSON.stringify({
    year: 2027,
    source: SOURCE,
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-06', to: '2027-02-13' },
    ],
    workdays: [{ date: '2027-02-20', name: '春节调休' }],
    ...changes,
  });
}

function problemsOf(text: string): { field: string; reason: string }[] {
  try {
    parseHolidayNotice(text);
  } catch (error) {
    if (error instanceof HolidayNoticeError) return [...error.problems];
    throw error;
  }
  throw new Error('the notice was accepted');
}

describe('parseHolidayNotice', () => {
  it('reads a valid notice', () => {
    const notice = parseHolidayNotice(noticeText());
    expect(notice.year).toBe(2027);
    expect(notice.source).toBe(SOURCE);
    expect(notice.holidays).toHaveLength(2);
    expect(notice.holidays[1]).toEqual({ name: '春节', from: d('2027-02-06'), to: d('2027-02-13') });
    expect(notice.workdays).toEqual([{ date: d('2027-02-20'), name: '春节调休' }]);
  });

  it('accepts a notice without make-up working days and a workday without a name', () => {
    expect(parseHolidayNotice(noticeText({ workdays: [] })).workdays).toEqual([]);
    expect(parseHolidayNotice(noticeText({ workdays: [{ date: '2027-02-20' }] })).workdays).toEqual([
      { date: d('2027-02-20') },
    ]);
  });

  it('reports a file that is not JSON or not an object', () => {
    expect(problemsOf('{ "year": 2027,')[0]?.reason).toMatch(/is not valid JSON/);
    expect(problemsOf('[]')).toEqual([{ field: '(file)', reason: 'must be a JSON object' }]);
  });

  it('reports missing and mistyped fields, each by name', () => {
    const problems = problemsOf(JSON.stringify({ year: '2027', source: '', holidays: {} }));
    expect(problems.map((problem) => problem.field)).toEqual(['year', 'source', 'holidays', 'workdays']);
    expect(problems[0]?.reason).toBe('must be a four-digit year such as 2027');
    expect(problems[1]?.reason).toBe('must be a non-empty string');
    expect(problems[3]?.reason).toBe('must be a list');
  });

  it('reports unknown fields, so a misspelt "workdays" does not silently drop the make-up days', () => {
    const text = JSON.stringify({ ...JSON.parse(noticeText()), workday: [{ date: '2027-02-20' }] });
    expect(problemsOf(text)).toContainEqual({
      field: 'workday',
      reason: 'unknown field (expected year, source, holidays, workdays)',
    });
    const inItem = noticeText({ holidays: [{ name: '元旦', from: '2027-01-01', until: '2027-01-03' }] });
    expect(problemsOf(inItem).map((problem) => problem.field)).toEqual([
      'holidays[0].until',
      'holidays[0].to',
    ]);
  });

  it('requires at least one holiday', () => {
    expect(problemsOf(noticeText({ holidays: [] }))).toEqual([
      { field: 'holidays', reason: 'must list at least one holiday (every notice has 元旦 and 春节)' },
    ]);
  });

  it('requires valid dates in the notice year', () => {
    const problems = problemsOf(
      noticeText({
        holidays: [
          { name: '元旦', from: '2026-12-31', to: '2027-01-01' },
          { name: '春节', from: '2027-02-30', to: '2027-02-13' },
        ],
        workdays: [{ date: 20270220 }],
      }),
    );
    expect(problems).toEqual([
      { field: 'holidays[0].from', reason: "2026-12-31 is not in the notice's year 2027" },
      {
        field: 'holidays[1].from',
        reason: '"2027-02-30" is not a valid date (YYYY-MM-DD): no such day in the calendar',
      },
      { field: 'workdays[0].date', reason: 'must be a date written YYYY-MM-DD' },
    ]);
  });

  it('requires from ≤ to', () => {
    expect(
      problemsOf(noticeText({ holidays: [{ name: '春节', from: '2027-02-13', to: '2027-02-06' }] })),
    ).toEqual([{ field: 'holidays[0].to', reason: '2027-02-06 must not be before from (2027-02-13)' }]);
  });

  it('rejects overlapping holidays', () => {
    const holidays = [
      { name: '元旦', from: '2027-01-03', to: '2027-01-01' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
      { name: '中秋节', from: '2027-09-30', to: '2027-10-01' },
    ];
    expect(problemsOf(noticeText({ holidays }))).toEqual([
      { field: 'holidays[0].to', reason: '2027-01-01 must not be before from (2027-01-03)' },
      { field: 'holidays[2]', reason: '2027-09-30..2027-10-01 overlaps holidays[1] (国庆节)' },
    ]);
  });

  it('rejects a make-up working day that is not a weekend day, listed twice, or also a holiday', () => {
    const workdays = [
      { date: '2027-02-19', name: '春节调休' },
      { date: '2027-02-20' },
      { date: '2027-02-20' },
      { date: '2027-02-07' },
    ];
    expect(problemsOf(noticeText({ workdays }))).toEqual([
      {
        field: 'workdays[0].date',
        reason: '2027-02-19 is not a Saturday or Sunday, so it is a working day anyway',
      },
      { field: 'workdays[2].date', reason: '2027-02-20 is listed twice' },
      { field: 'workdays[3].date', reason: '2027-02-07 is also a day off of 春节' },
    ]);
  });

  it('gathers every problem into one error message, field by field', () => {
    const text = noticeText({ year: 2027.5, holidays: [] });
    expect(() => parseHolidayNotice(text)).toThrow(
      'the holiday notice is not valid:\n  year: must be a four-digit year such as 2027\n  holidays: must list',
    );
  });
});

describe('noticeToOverrides', () => {
  it('gives one holiday override per day off and one workday override per make-up day, in date order', () => {
    const overrides = noticeToOverrides(parseHolidayNotice(noticeText()));
    expect(overrides.map((entry) => `${entry.date}:${entry.kind}`)).toEqual([
      '2027-01-01:holiday',
      '2027-01-02:holiday',
      '2027-01-03:holiday',
      ...['06', '07', '08', '09', '10', '11', '12', '13'].map((day) => `2027-02-${day}:holiday`),
      '2027-02-20:workday',
    ]);
    expect(overrides[3]).toEqual({ date: d('2027-02-06'), kind: 'holiday', source: SOURCE, name: '春节' });
    expect(overrides.at(-1)).toEqual({
      date: d('2027-02-20'),
      kind: 'workday',
      source: SOURCE,
      name: '春节调休',
    });
  });
});
