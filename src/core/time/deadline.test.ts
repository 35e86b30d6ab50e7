import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysOverdue, isOverdue } from './deadline.ts';
import { addDays, localDate, parseLocalDate } from './local-date.ts';

const d = parseLocalDate;

describe('overdue deadlines (spec C2, R6)', () => {
  it('R6 a step due 2024-03-11 is not overdue on 2024-03-11: action up to 23:59:59 complies', () => {
    expect(isOverdue(d('2024-03-11'), d('2024-03-11'))).toBe(false);
    expect(daysOverdue(d('2024-03-11'), d('2024-03-11'))).toBe(0);
  });

  it('R6 a step due 2024-03-11 is overdue from 2024-03-12, "1 calendar day overdue"', () => {
    expect(isOverdue(d('2024-03-11'), d('2024-03-12'))).toBe(true);
    expect(daysOverdue(d('2024-03-11'), d('2024-03-12'))).toBe(1);
  });

  it('R6 counts calendar days, holidays included, across month and year ends', () => {
    expect(daysOverdue(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysOverdue(d('2024-12-31'), d('2025-02-01'))).toBe(32);
  });

  it('is not overdue before the due date', () => {
    expect(isOverdue(d('2024-03-11'), d('2024-03-01'))).toBe(false);
    expect(daysOverdue(d('2024-03-11'), d('2024-03-01'))).toBe(0);
  });

  it('counts exactly the days after the due date', () => {
    fc.assert(
      fc.property(fc.nat(20_000), fc.integer({ min: -400, max: 400 }), (offset, lateness) => {
        const due = addDays(localDate(1990, 1, 1), offset);
        const today = addDays(due, lateness);
        expect(isOverdue(due, today)).toBe(lateness > 0);
        expect(daysOverdue(due, today)).toBe(Math.max(0, lateness));
      }),
    );
  });
});
