import { addDays, compareDates, formatLocalDate, type LocalDate } from './local-date.ts';

/**
 * One day that an official arrangement sets apart from the plain Monday–Friday week: a statutory holiday
 * or a rest day taken in lieu (`holiday`), or a weekend day worked in exchange (调休上班, `workday`).
 */
export interface CalendarEntry {
  readonly date: LocalDate;
  readonly kind: 'workday' | 'holiday';
  /** Where the entry comes from, e.g. the notice's title and number, so an administrator can check it. */
  readonly source: string;
  readonly name?: string;
}

/** An entry an administrator enters from a State Council notice; it wins over the package data. */
export type CalendarOverride = CalendarEntry;

/** Entries together with the years whose whole arrangement they describe. */
export interface CalendarLayer {
  readonly coveredYears: readonly number[];
  readonly entries: readonly CalendarEntry[];
}

/**
 * weekday / weekend: an ordinary day; holiday: a statutory holiday or a rest day in lieu;
 * adjusted-workday: a weekend day worked under the year's arrangement (调休上班).
 */
export type DayType = 'weekday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface CalendarDay {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly type: DayType;
  /** The holiday's name and the entry's source, when an official entry decides the day. */
  readonly name?: string;
  readonly source?: string;
}

export function calendarNotCoveredMessage(year: number): string {
  return (
    `${year}年的节假日安排尚未载入 / the working-day calendar does not cover ${year}: ` +
    'load the State Council notice with `gongxin calendar load FILE`'
  );
}

/**
 * A working-day computation needed a day of a year whose official arrangement is not loaded. Guessing from
 * weekdays alone would silently move deadlines around the Spring Festival and National Day (DESIGN: stack).
 */
export class CalendarNotCoveredError extends Error {
  constructor(readonly year: number) {
    super(calendarNotCoveredMessage(year));
    this.name = 'CalendarNotCoveredError';
  }
}

const SATURDAY = 6;

function isWeekend(date: LocalDate): boolean {
  return date.dayOfWeek >= SATURDAY;
}

/** The official working-day calendar (spec C1): built by `createWorkingDayCalendar` or `buildCalendar`. */
export class WorkingDayCalendar {
  private readonly years: ReadonlySet<number>;

  constructor(
    private readonly entries: ReadonlyMap<string, CalendarEntry>,
    coveredYears: Iterable<number>,
  ) {
    this.years = new Set(coveredYears);
  }

  /** The years with an official arrangement, ascending. */
  get coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** What kind of day `date` is; throws CalendarNotCoveredError for a year without an official arrangement. */
  day(date: LocalDate): CalendarDay {
    if (!this.covers(date.year)) throw new CalendarNotCoveredError(date.year);
    const entry = this.entries.get(formatLocalDate(date));
    const weekend = isWeekend(date);
    if (!entry) return { date, working: !weekend, type: weekend ? 'weekend' : 'weekday' };
    const details = { date, source: entry.source, ...(entry.name === undefined ? {} : { name: entry.name }) };
    if (entry.kind === 'holiday') return { ...details, working: false, type: 'holiday' };
    return { ...details, working: true, type: weekend ? 'adjusted-workday' : 'weekday' };
  }

  /** Spec C1: weekends and statutory holidays are non-working; adjusted working weekend days are working. */
  isWorkday(date: LocalDate): boolean {
    return this.day(date).working;
  }

  /**
   * The deadline of "within n working days from `start`" (自X之日起N个工作日内, spec C2): the n-th working day
   * strictly after `start`. `start` itself never counts, even when it is a working day, and may be a
   * non-working day (an online submission on a Saturday).
   */
  addWorkdays(start: LocalDate, n: number): LocalDate {
    if (!(Number.isSafeInteger(n) && n >= 0)) {
      throw new RangeError(`the number of working days must be a whole number of 0 or more, got ${n}`);
    }
    let date = start;
    for (let counted = 0; counted < n; ) {
      date = addDays(date, 1);
      if (this.isWorkday(date)) counted += 1;
    }
    return date;
  }

  /** How many working days lie in (from, to]: the number of working days `to` is after `from`. */
  workdaysBetween(from: LocalDate, to: LocalDate): number {
    if (compareDates(from, to) > 0) {
      throw new RangeError(`workdaysBetween needs from ≤ to, got from ${from} and to ${to}`);
    }
    let count = 0;
    for (let date = addDays(from, 1); compareDates(date, to) <= 0; date = addDays(date, 1)) {
      if (this.isWorkday(date)) count += 1;
    }
    return count;
  }
}

/**
 * A calendar from layers of official entries. A layer states whole years: for every year it covers, it
 * replaces what earlier layers said of that year (a loaded notice that corrects the packaged data must be
 * able to turn a wrongly listed holiday back into an ordinary day, not only add days). A year is covered
 * when any layer covers it. Two entries for one date in one layer are an error, since which of them holds
 * would be left to chance.
 */
export function createWorkingDayCalendar(layers: readonly CalendarLayer[]): WorkingDayCalendar {
  const entries = new Map<string, CalendarEntry>();
  for (const layer of layers) {
    const restated = new Set(layer.coveredYears);
    for (const [key, entry] of entries) if (restated.has(entry.date.year)) entries.delete(key);
    const layerDates = new Set<string>();
    for (const entry of layer.entries) {
      const key = formatLocalDate(entry.date);
      if (layerDates.has(key)) {
        throw new Error(`the calendar entries from "${entry.source}" list ${key} twice`);
      }
      layerDates.add(key);
      entries.set(key, entry);
    }
  }
  return new WorkingDayCalendar(
    entries,
    layers.flatMap((layer) => layer.coveredYears),
  );
}

/** Overrides cover the years they fall in: each year's overrides are entered from that year's notice. */
export function overrideLayer(overrides: readonly CalendarOverride[]): CalendarLayer {
  return { coveredYears: overrides.map((entry) => entry.date.year), entries: overrides };
}

export interface CalendarCoverageAlert {
  readonly year: number;
  readonly message: string;
}

const NOTICE_WATCH_MONTH = 12;

/**
 * The alert administrators see while a year the platform needs is not covered: the current year at any time,
 * and next year from 1 December on (the State Council usually publishes the notice in October or November).
 */
export function coverageAlert(calendar: WorkingDayCalendar, today: LocalDate): CalendarCoverageAlert | null {
  const needed = today.month >= NOTICE_WATCH_MONTH ? [today.year, today.year + 1] : [today.year];
  const year = needed.find((candidate) => !calendar.covers(candidate));
  return year === undefined ? null : { year, message: calendarNotCoveredMessage(year) };
}
