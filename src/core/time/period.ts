import { addDays, addMonths, compareDates, type LocalDate } from './local-date.ts';

/**
 * A calendar period in whole years, months and days, e.g. a disclosure period of 3 years or a repair
 * waiting time of 6 months. Components are non-negative integers; a missing component is zero.
 */
export interface Period {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
}

/**
 * How the last day of a period is counted (spec A-1, switch `period.convention`).
 * CIVIL_CODE: the start day is not counted, the period ends on the corresponding date (民法典 第二百零一条,
 * 第二百零二条). INCLUSIVE: the start day counts, so every last day is one day earlier.
 */
export type PeriodConvention = 'CIVIL_CODE' | 'INCLUSIVE';

export class InvalidPeriodError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`"${input}" is not a valid period: ${reason}`);
    this.name = 'InvalidPeriodError';
  }
}

const SHORT_FORM = /^(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)d)?$/i;
const ISO_FORM = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/i;
const PERIOD_FORMS = 'expected e.g. "1y", "3m", "1y6m", "15d" or ISO 8601 "P1Y", "P1Y6M", "P15D"';

/** Parses "1y", "3m", "1y6m", "15d" or ISO 8601 "P1Y6M15D" (no weeks, no time part). */
export function parsePeriod(input: string): Period {
  const text = input.trim();
  const match = ISO_FORM.exec(text) ?? SHORT_FORM.exec(text);
  const [, years, months, days] = match ?? [];
  if (years === undefined && months === undefined && days === undefined) {
    throw new InvalidPeriodError(input, PERIOD_FORMS);
  }
  const period: { years?: number; months?: number; days?: number } = {};
  if (years !== undefined) period.years = wholeNumber(input, years);
  if (months !== undefined) period.months = wholeNumber(input, months);
  if (days !== undefined) period.days = wholeNumber(input, days);
  return period;
}

function wholeNumber(input: string, digits: string): number {
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) throw new InvalidPeriodError(input, `${digits} is too large`);
  return value;
}

/** ISO 8601 text of a period ("P1Y6M"; "P0D" for an empty period), which `parsePeriod` reads back. */
export function formatPeriod(period: Period): string {
  const { years = 0, months = 0, days = 0 } = checkedPeriod(period);
  const text = `${years ? `${years}Y` : ''}${months ? `${months}M` : ''}${days ? `${days}D` : ''}`;
  return `P${text || '0D'}`;
}

function checkedPeriod(period: Period): Period {
  for (const unit of ['years', 'months', 'days'] as const) {
    const value = period[unit];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new RangeError(`period.${unit} must be a whole number of 0 or more, got ${value}`);
    }
  }
  return period;
}

/**
 * The last day of a period that starts the day after `start`: the start day is not counted (民法典 第二百零一条)
 * and the period ends on the corresponding date, or on the month's last day when the month has no such date
 * (民法典 第二百零二条). Spec C3: 2024-02-29 + 1 year → 2025-02-28.
 */
export function addPeriod(start: LocalDate, period: Period): LocalDate {
  const { years = 0, months = 0, days = 0 } = checkedPeriod(period);
  // Years and months first, clamped to the month end, then days: Temporal's order, in plain arithmetic.
  return addDays(addMonths(start, years * 12 + months), days);
}

/** The last day of the period under the profile's counting convention (spec A-1). */
export function lastDayOfPeriod(
  start: LocalDate,
  period: Period,
  convention: PeriodConvention = 'CIVIL_CODE',
): LocalDate {
  const civilCodeEnd = addPeriod(start, period);
  return convention === 'INCLUSIVE' ? addDays(civilCodeEnd, -1) : civilCodeEnd;
}

/**
 * The first day on which "N months have elapsed" (满N个月后, spec C4): the day after the period's last day.
 * 2024-01-31 + 3 months elapsed → 2024-05-01.
 */
export function firstDayAfterElapsed(
  start: LocalDate,
  period: Period,
  convention: PeriodConvention = 'CIVIL_CODE',
): LocalDate {
  return addDays(lastDayOfPeriod(start, period, convention), 1);
}

/**
 * Whether two events lie within one period of each other (spec C6): for t1 ≤ t2, iff t2 ≤ addPeriod(t1, period).
 * The events may be given in either order.
 */
export function isWithinPeriod(t1: LocalDate, t2: LocalDate, period: Period): boolean {
  const [earlier, later] = compareDates(t1, t2) <= 0 ? [t1, t2] : [t2, t1];
  return compareDates(later, addPeriod(earlier, period)) <= 0;
}

/** The last day of the calendar month after `date`'s month: the deadline of "于下月内" (spec C7, 004 第十七条). */
export function lastDayOfFollowingMonth(date: LocalDate): LocalDate {
  const firstOfFollowingMonth = date.with({ day: 1 }).add({ months: 1 });
  return firstOfFollowingMonth.with({ day: firstOfFollowingMonth.daysInMonth });
}
