import { Temporal } from 'temporal-polyfill';

/**
 * A calendar date in Asia/Shanghai (spec §0.3 C1), with no time and no time zone, so that no
 * `Date` arithmetic can move it across midnight. `Temporal.PlainDate` already clamps to the month end
 * when adding months or years, which is what 民法典 第二百零二条 needs.
 */
export type LocalDate = Temporal.PlainDate;

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidDateError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`"${input}" is not a valid date (YYYY-MM-DD): ${reason}`);
    this.name = 'InvalidDateError';
  }
}

/**
 * Dates already made, by yyyymmdd. A PlainDate is immutable, so one object can serve every caller; ingestion
 * meets the same few thousand dates millions of times, and building each anew was a measured share of its CPU
 * (npm run bench:ingest). Bounded: cleared when full.
 */
const madeDates = new Map<number, LocalDate>();
const MADE_DATES_LIMIT = 50_000;

/** Within the years Temporal represents whole. */
const EARLIEST_YEAR = -271_820;
const LATEST_YEAR = 275_759;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isCivilDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `epochDay` days after 1970-01-01 (H. Hinnant's civil_from_days). */
function dateOfEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return localDate(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** The date, or null when the calendar has no such day (2025-02-29), without the cost of an exception. */
export function localDateOrNull(year: number, month: number, day: number): LocalDate | null {
  if (!isCivilDate(year, month, day)) return null;
  const key = year * 10_000 + month * 100 + day;
  let date = madeDates.get(key);
  if (date === undefined) {
    if (madeDates.size >= MADE_DATES_LIMIT) madeDates.clear();
    date = Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
    madeDates.set(key, date);
  }
  return date;
}

/** Parses a strict ISO date (YYYY-MM-DD); 2025-02-29 is an error, never silently moved to 02-28. */
export function parseLocalDate(input: string): LocalDate {
  const text = input.trim();
  if (!ISO_DATE.test(text)) throw new InvalidDateError(input, 'expected the form YYYY-MM-DD');
  const date = localDateOrNull(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  if (date === null) throw new InvalidDateError(input, 'no such day in the calendar');
  return date;
}

export function localDate(year: number, month: number, day: number): LocalDate {
  const date = localDateOrNull(year, month, day);
  if (date === null) throw new RangeError(`${year}-${month}-${day} is not a day of the calendar`);
  return date;
}

/**
 * From 1992 China has kept UTC+8 all year (its last summer time ended 1991-09-15), so the date is plain
 * arithmetic; every request asks the clock for today, and Temporal's zone look-up was a measured share of a
 * report's CPU (npm run bench -- report). Earlier instants go through the zone rules.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1991, 11, 31, 16);
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Asia/Shanghai at the given instant. */
export function localDateAt(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (ms >= FIXED_OFFSET_SINCE) return dateOfEpochDay(Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000));
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(CHINA_TIME_ZONE).toPlainDate();
}

/** 00:00 in Asia/Shanghai on the given date, as an instant. */
export function startOfDay(date: LocalDate): Date {
  return new Date(date.toZonedDateTime({ timeZone: CHINA_TIME_ZONE }).epochMilliseconds);
}

export function formatLocalDate(date: LocalDate): string {
  return date.toString();
}

/** Plain arithmetic over the made dates: Temporal's own `add` was a measured share of ingestion's CPU. */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  if (days === 0) return date;
  return dateOfEpochDay(epochDayOf(date.year, date.month, date.day) + days);
}

/**
 * `date` moved by whole months, clamped to the month's last day when it has no such date (2024-01-31 + 1
 * month → 2024-02-29), as Temporal.PlainDate.add does.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  if (months === 0) return date;
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return localDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return Temporal.PlainDate.compare(a, b);
}

export function isBefore(a: LocalDate, b: LocalDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: LocalDate, b: LocalDate): boolean {
  return compareDates(a, b) > 0;
}
