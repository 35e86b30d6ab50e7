import { compareDates, type LocalDate } from './local-date.ts';

/**
 * Spec C2 and R6: an action on the due date, up to 23:59:59, complies; the step is overdue from 00:00 of the
 * next calendar day.
 */
export function isOverdue(due: LocalDate, today: LocalDate): boolean {
  return compareDates(today, due) > 0;
}

/** Whole calendar days past the due date: 1 on the day after the due date, 0 while not overdue (R6). */
export function daysOverdue(due: LocalDate, today: LocalDate): number {
  return isOverdue(due, today) ? due.until(today, { largestUnit: 'day' }).days : 0;
}
