import { addDays, compareDates, type LocalDate, parseLocalDate } from './local-date.ts';
import type { CalendarOverride } from './working-day-calendar.ts';

/** One run of consecutive days off of a festival, as the notice states it ("2月15日至23日放假调休"). */
export interface HolidayRange {
  readonly name: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** A weekend day worked in exchange for a day off (调休上班, "2月14日（周六）上班"). */
export interface AdjustedWorkday {
  readonly date: LocalDate;
  readonly name?: string;
}

/**
 * A year's 国务院办公厅关于部分节假日安排的通知, in the file format of `gongxin calendar load FILE`
 * (example: docs/examples/holiday-notice-2026.json).
 */
export interface HolidayNotice {
  readonly year: number;
  /** The notice's title and number, e.g. "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）". */
  readonly source: string;
  readonly holidays: readonly HolidayRange[];
  readonly workdays: readonly AdjustedWorkday[];
}

export interface NoticeProblem {
  /** The path of the field, e.g. "holidays[1].to". */
  readonly field: string;
  readonly reason: string;
}

export class HolidayNoticeError extends Error {
  constructor(readonly problems: readonly NoticeProblem[]) {
    super(
      `the holiday notice is not valid:\n${problems.map((problem) => `  ${problem.field}: ${problem.reason}`).join('\n')}`,
    );
    this.name = 'HolidayNoticeError';
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Collects every problem of a notice file, so the administrator can fix them in one go. */
class NoticeReader {
  readonly problems: NoticeProblem[] = [];

  report(field: string, reason: string): void {
    this.problems.push({ field, reason });
  }

  object(value: unknown, field: string, keys: readonly string[]): JsonObject | undefined {
    if (!isObject(value)) {
      this.report(field, 'must be an object');
      return undefined;
    }
    this.rejectUnknownFields(value, field, keys);
    return value;
  }

  /** A misspelt "workdays" would otherwise silently drop every make-up working day. */
  rejectUnknownFields(value: JsonObject, field: string, keys: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!keys.includes(key))
        this.report(fieldPath(field, key), `unknown field (expected ${keys.join(', ')})`);
    }
  }

  text(value: unknown, field: string): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(field, 'must be a non-empty string');
      return undefined;
    }
    return value.trim();
  }

  array(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) {
      this.report(field, 'must be a list');
      return [];
    }
    return value;
  }

  date(value: unknown, field: string, year: number | undefined): LocalDate | undefined {
    if (typeof value !== 'string') {
      this.report(field, 'must be a date written YYYY-MM-DD');
      return undefined;
    }
    let date: LocalDate;
    try {
      date = parseLocalDate(value);
    } catch (error) {
      this.report(field, error instanceof Error ? error.message : String(error));
      return undefined;
    }
    if (year !== undefined && date.year !== year) {
      this.report(field, `${value} is not in the notice's year ${year}`);
    }
    return date;
  }
}

const NOTICE_FIELDS = ['year', 'source', 'holidays', 'workdays'] as const;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const SATURDAY = 6;

/** Parses and checks a holiday notice file; every problem is reported with its field and the reason. */
export function parseHolidayNotice(text: string): HolidayNotice {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HolidayNoticeError([
      {
        field: '(file)',
        reason: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  if (!isObject(json)) throw new HolidayNoticeError([{ field: '(file)', reason: 'must be a JSON object' }]);
  const reader = new NoticeReader();
  reader.rejectUnknownFields(json, '', NOTICE_FIELDS);
  const year = readYear(reader, json.year);
  const source = reader.text(json.source, 'source');
  const holidays = readHolidays(reader, json.holidays, year);
  const workdays = readWorkdays(reader, json.workdays, year, holidays);

  if (reader.problems.length > 0 || year === undefined || source === undefined) {
    throw new HolidayNoticeError(reader.problems);
  }
  return { year, source, holidays, workdays };
}

function readYear(reader: NoticeReader, value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
    reader.report('year', 'must be a four-digit year such as 2027');
    return undefined;
  }
  return value;
}

function readHolidays(reader: NoticeReader, value: unknown, year: number | undefined): HolidayRange[] {
  const items = reader.array(value, 'holidays');
  if (Array.isArray(value) && items.length === 0) {
    reader.report('holidays', 'must list at least one holiday (every notice has 元旦 and 春节)');
  }
  const accepted: { index: number; range: HolidayRange }[] = [];
  items.forEach((item, index) => {
    const field = `holidays[${index}]`;
    const holiday = reader.object(item, field, ['name', 'from', 'to']);
    if (!holiday) return;
    const name = reader.text(holiday.name, `${field}.name`);
    const from = reader.date(holiday.from, `${field}.from`, year);
    const to = reader.date(holiday.to, `${field}.to`, year);
    if (name === undefined || from === undefined || to === undefined) return;
    if (compareDates(from, to) > 0) {
      reader.report(`${field}.to`, `${to} must not be before from (${from})`);
      return;
    }
    const overlapped = accepted.find(
      ({ range }) => compareDates(from, range.to) <= 0 && compareDates(range.from, to) <= 0,
    );
    if (overlapped) {
      reader.report(
        field,
        `${from}..${to} overlaps holidays[${overlapped.index}] (${overlapped.range.name})`,
      );
      return;
    }
    accepted.push({ index, range: { name, from, to } });
  });
  return accepted.map(({ range }) => range);
}

function readWorkdays(
  reader: NoticeReader,
  value: unknown,
  year: number | undefined,
  holidays: readonly HolidayRange[],
): AdjustedWorkday[] {
  const workdays: AdjustedWorkday[] = [];
  reader.array(value, 'workdays').forEach((item, index) => {
    const field = `workdays[${index}]`;
    const workday = reader.object(item, field, ['date', 'name']);
    if (!workday) return;
    const date = reader.date(workday.date, `${field}.date`, year);
    const name = workday.name === undefined ? undefined : reader.text(workday.name, `${field}.name`);
    if (date === undefined) return;
    // A notice only ever moves work onto a weekend day; a weekday here is a typo for another date.
    if (date.dayOfWeek < SATURDAY) {
      reader.report(`${field}.date`, `${date} is not a Saturday or Sunday, so it is a working day anyway`);
      return;
    }
    if (workdays.some((other) => compareDates(other.date, date) === 0)) {
      reader.report(`${field}.date`, `${date} is listed twice`);
      return;
    }
    const holiday = holidays.find(
      (range) => compareDates(range.from, date) <= 0 && compareDates(date, range.to) <= 0,
    );
    if (holiday) {
      reader.report(`${field}.date`, `${date} is also a day off of ${holiday.name}`);
      return;
    }
    workdays.push(name === undefined ? { date } : { date, name });
  });
  return workdays;
}

function daysOf(range: HolidayRange): LocalDate[] {
  const days: LocalDate[] = [];
  for (let date = range.from; compareDates(date, range.to) <= 0; date = addDays(date, 1)) days.push(date);
  return days;
}

/** The calendar overrides a notice stands for: one per day off and one per adjusted working day. */
export function noticeToOverrides(notice: HolidayNotice): CalendarOverride[] {
  const daysOff = notice.holidays.flatMap((range) =>
    daysOf(range).map((date) => ({
      date,
      kind: 'holiday' as const,
      source: notice.source,
      name: range.name,
    })),
  );
  const daysWorked = notice.workdays.map((workday) => ({
    date: workday.date,
    kind: 'workday' as const,
    source: notice.source,
    ...(workday.name === undefined ? {} : { name: workday.name }),
  }));
  return [...daysOff, ...daysWorked].sort((a, b) => compareDates(a.date, b.date));
}
