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

/** Parses a strict ISO date (YYYY-MM-DD); 2025-02-29 is an error, never silently moved to 02-28. */
export function parseLocalDate(input: string): LocalDate {
  const text = input.trim();
  if (!ISO_DATE.test(text)) throw new InvalidDateError(input, 'expected the form YYYY-MM-DD');
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw new InvalidDateError(input, 'no such day in the calendar');
  }
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
}

/** The calendar date in Asia/Shanghai at the given instant. */
export function localDateAt(instant: Date): LocalDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(CHINA_TIME_ZONE)
    .toPlainDate();
}

/** 00:00 in Asia/Shanghai on the given date, as an instant. */
export function startOfDay(date: LocalDate): Date {
  return new Date(date.toZonedDateTime({ timeZone: CHINA_TIME_ZONE }).epochMilliseconds);
}

export function formatLocalDate(date: LocalDate): string {
  return date.toString();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return date.add({ days });
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
