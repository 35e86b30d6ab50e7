import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, type LocalDate, localDate, parseLocalDate } from './local-date.ts';
import {
  addPeriod,
  firstDayAfterElapsed,
  formatPeriod,
  InvalidPeriodError,
  isWithinPeriod,
  lastDayOfFollowingMonth,
  lastDayOfPeriod,
  type Period,
  parsePeriod,
} from './period.ts';

const d = parseLocalDate;

const anyDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((instant) => localDate(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate()));

const anyPeriod: fc.Arbitrary<Period> = fc.record(
  { years: fc.nat(10), months: fc.nat(36), days: fc.nat(400) },
  { requiredKeys: [] },
);

describe('addPeriod (民法典 第二百零一条, 第二百零二条; spec C3)', () => {
  it('R5 a 1-year period from 2024-02-29 ends on 2025-02-28 (no 29 February: the month end)', () => {
    expect(addPeriod(d('2024-02-29'), { years: 1 }).toString()).toBe('2025-02-28');
  });

  it('a 1-year period from 2024-03-15 ends on 2025-03-15: the start day is not counted', () => {
    expect(addPeriod(d('2024-03-15'), { years: 1 }).toString()).toBe('2025-03-15');
  });

  it('ends on the last day of a shorter month: 2024-01-31 + 1 month → 2024-02-29, + 3 months → 2024-04-30', () => {
    expect(addPeriod(d('2024-01-31'), { months: 1 }).toString()).toBe('2024-02-29');
    expect(addPeriod(d('2024-01-31'), { months: 3 }).toString()).toBe('2024-04-30');
  });

  it('counts days from the day after the start: 2024-12-25 + 10 days → 2025-01-04', () => {
    expect(addPeriod(d('2024-12-25'), { days: 10 }).toString()).toBe('2025-01-04');
  });

  it('rejects negative and fractional components, naming the component', () => {
    expect(() => addPeriod(d('2024-01-01'), { months: -1 })).toThrow(/period\.months/);
    expect(() => addPeriod(d('2024-01-01'), { years: 1.5 })).toThrow(/period\.years/);
  });

  it('never overflows into the following month: the day is the start day or the month end', () => {
    fc.assert(
      fc.property(anyDate, fc.nat(40), fc.nat(600), (start, years, months) => {
        const end = addPeriod(start, { years, months });
        const targetMonth = start.with({ day: 1 }).add({ years, months });
        expect(end.year).toBe(targetMonth.year);
        expect(end.month).toBe(targetMonth.month);
        expect(end.day).toBe(Math.min(start.day, targetMonth.daysInMonth));
      }),
    );
  });

  it('is never before the start and only equal to it for an empty period', () => {
    fc.assert(
      fc.property(anyDate, anyPeriod, (start, period) => {
        const order = compareDates(addPeriod(start, period), start);
        const empty = !period.years && !period.months && !period.days;
        expect(order).toBe(empty ? 0 : 1);
      }),
    );
  });
});

describe('lastDayOfPeriod (spec A-1, period.convention)', () => {
  it('A-1 CIVIL_CODE is the default: 2024-03-15 + 1 year → 2025-03-15', () => {
    expect(lastDayOfPeriod(d('2024-03-15'), { years: 1 }).toString()).toBe('2025-03-15');
    expect(lastDayOfPeriod(d('2024-03-15'), { years: 1 }, 'CIVIL_CODE').toString()).toBe('2025-03-15');
  });

  it('A-1 INCLUSIVE moves the last day one day earlier: 2024-03-15 + 1 year → 2025-03-14', () => {
    expect(lastDayOfPeriod(d('2024-03-15'), { years: 1 }, 'INCLUSIVE').toString()).toBe('2025-03-14');
  });
});

describe('firstDayAfterElapsed (满N个月后, spec C4)', () => {
  it('R5 "3 months elapsed" from 2024-01-31: the first eligible day is 2024-05-01', () => {
    expect(firstDayAfterElapsed(d('2024-01-31'), { months: 3 }).toString()).toBe('2024-05-01');
  });

  it('is always the day after the last day of the period, under either convention', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyPeriod,
        fc.constantFrom('CIVIL_CODE', 'INCLUSIVE' as const),
        (start, period, c) => {
          expect(
            firstDayAfterElapsed(start, period, c).equals(addDays(lastDayOfPeriod(start, period, c), 1)),
          ).toBe(true);
        },
      ),
    );
  });
});

describe('isWithinPeriod (spec C6)', () => {
  it('C6 2024-02-29 and 2025-02-28 are within 12 months; 2025-03-01 is not', () => {
    expect(isWithinPeriod(d('2024-02-29'), d('2025-02-28'), { months: 12 })).toBe(true);
    expect(isWithinPeriod(d('2024-02-29'), d('2025-03-01'), { months: 12 })).toBe(false);
  });

  it('C6 accepts the two events in either order', () => {
    expect(isWithinPeriod(d('2025-02-28'), d('2024-02-29'), { months: 12 })).toBe(true);
  });

  it('agrees with addPeriod: t2 is within the period of t1 exactly up to addPeriod(t1)', () => {
    fc.assert(
      fc.property(anyDate, anyPeriod, fc.integer({ min: -5, max: 5 }), (t1, period, offset) => {
        const end = addPeriod(t1, period);
        const t2 = addDays(end, offset);
        fc.pre(compareDates(t1, t2) <= 0);
        expect(isWithinPeriod(t1, t2, period)).toBe(offset <= 0);
      }),
    );
  });

  it('holds for every day between the two events', () => {
    fc.assert(
      fc.property(anyDate, anyPeriod, fc.nat(800), (t1, period, gap) => {
        const t2: LocalDate = addDays(t1, gap);
        expect(isWithinPeriod(t1, t2, period)).toBe(compareDates(t2, addPeriod(t1, period)) <= 0);
      }),
    );
  });
});

describe('lastDayOfFollowingMonth (于下月内, spec C7)', () => {
  it('C7 an event on 2024-01-31 must be reported by 2024-02-29', () => {
    expect(lastDayOfFollowingMonth(d('2024-01-31')).toString()).toBe('2024-02-29');
  });

  it('C7 an event in December must be reported by 31 January of the next year', () => {
    expect(lastDayOfFollowingMonth(d('2024-12-01')).toString()).toBe('2025-01-31');
  });

  it('is always the last day of the next calendar month', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const deadline = lastDayOfFollowingMonth(date);
        expect(addDays(deadline, 1).day).toBe(1);
        expect(deadline.with({ day: 1 }).equals(date.with({ day: 1 }).add({ months: 1 }))).toBe(true);
      }),
    );
  });
});

describe('parsePeriod and formatPeriod', () => {
  it.each([
    ['1y', { years: 1 }],
    ['3m', { months: 3 }],
    ['15d', { days: 15 }],
    ['1y6m', { years: 1, months: 6 }],
    ['P1Y', { years: 1 }],
    ['P1Y6M', { years: 1, months: 6 }],
    ['p3m', { months: 3 }],
    [' P30D ', { days: 30 }],
  ])('reads %j', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each(['', 'P', '1', 'y', '1w', 'P1W', 'PT1H', '-1y', '1.5y', '6m1y', '3 months'])(
    'rejects %j',
    (text) => {
      expect(() => parsePeriod(text)).toThrow(InvalidPeriodError);
    },
  );

  it('formats as ISO 8601 and reads the text back to the same period', () => {
    expect(formatPeriod({ years: 1, months: 6 })).toBe('P1Y6M');
    expect(formatPeriod({})).toBe('P0D');
    fc.assert(
      fc.property(anyPeriod, (period) => {
        const start = d('2024-01-31');
        expect(addPeriod(start, parsePeriod(formatPeriod(period))).equals(addPeriod(start, period))).toBe(
          true,
        );
      }),
    );
  });
});
