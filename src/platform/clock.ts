import { type LocalDate, localDateAt, parseLocalDate, startOfDay } from '../core/time/local-date.ts';

/**
 * The one source of "now" (DESIGN house rules: nothing reads Date.now() directly). A configured "today"
 * (GONGXIN_TODAY / --today) shifts the clock by whole days and keeps the real time of day, so timestamps
 * stay plausible and ordered and "today" and "now" never disagree.
 */
export interface Clock {
  now(): Date;
  today(): LocalDate;
  /** True when "today" was set by configuration rather than read from the system clock. */
  readonly shifted: boolean;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localDateAt(new Date()),
  shifted: false,
};

export function shiftedClock(today: LocalDate | string, realNow: () => Date = () => new Date()): Clock {
  const date = typeof today === 'string' ? parseLocalDate(today) : today;
  const offset = startOfDay(date).getTime() - startOfDay(localDateAt(realNow())).getTime();
  const now = () => new Date(realNow().getTime() + offset);
  return { now, today: () => localDateAt(now()), shifted: true };
}
