import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  CHINA_TIME_ZONE,
  InvalidDateError,
  localDate,
  localDateAt,
  localDateOrNull,
  parseLocalDate,
} from './local-date.ts';

/** Any date Temporal represents, from 1 BCE to well past any record period. */
const anyDate = fc
  .record({
    year: fc.integer({ min: -1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.nat(30),
  })
  .map(({ year, month, day }) =>
    Temporal.PlainDate.from({ year, month, day: day + 1 }, { overflow: 'constrain' }),
  );

describe('local dates in plain arithmetic, against Temporal', () => {
  it('addDays lands where Temporal.PlainDate.add({ days }) does', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400_000, max: 400_000 }), (date, days) => {
        expect(addDays(date, days).toString()).toBe(date.add({ days }).toString());
      }),
      { numRuns: 5000 },
    );
  });

  it('addMonths clamps to the month end as Temporal does (民法典 第二百零二条)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -2400, max: 2400 }), (date, months) => {
        expect(addMonths(date, months).toString()).toBe(date.add({ months }).toString());
      }),
      { numRuns: 5000 },
    );
    expect(addMonths(localDate(2024, 1, 31), 1).toString()).toBe('2024-02-29');
    expect(addMonths(localDate(2024, 2, 29), 12).toString()).toBe('2025-02-28');
  });

  it('localDateAt gives the Asia/Shanghai date Temporal gives, across the 1991 summer-time end and midnights', () => {
    const temporalDate = (ms: number) =>
      Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(CHINA_TIME_ZONE).toPlainDate().toString();
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(localDateAt(new Date(ms)).toString()).toBe(temporalDate(ms));
      }),
      { numRuns: 5000 },
    );
    // 23:59:59.999 and 00:00 in Beijing, on the day the fixed offset starts and on a day of 1991's summer time.
    for (const ms of [
      Date.UTC(1991, 11, 31, 15, 59, 59, 999),
      Date.UTC(1991, 11, 31, 16),
      Date.UTC(1991, 6, 1, 15),
    ]) {
      expect(localDateAt(new Date(ms)).toString()).toBe(temporalDate(ms));
    }
  });

  it('knows which days the calendar has, without throwing for those it has not', () => {
    expect(localDateOrNull(2025, 2, 29)).toBeNull();
    expect(localDateOrNull(2024, 2, 29)?.toString()).toBe('2024-02-29');
    expect(localDateOrNull(2100, 2, 29)).toBeNull();
    expect(localDateOrNull(2000, 2, 29)?.toString()).toBe('2000-02-29');
    expect(localDateOrNull(2024, 4, 31)).toBeNull();
    expect(localDateOrNull(2024, 13, 1)).toBeNull();
    expect(localDateOrNull(2024, 1.5, 1)).toBeNull();
    expect(() => localDate(2025, 2, 29)).toThrow(RangeError);
    expect(() => parseLocalDate('2025-02-29')).toThrow(InvalidDateError);
    expect(parseLocalDate(' 2024-03-15 ').toString()).toBe('2024-03-15');
  });

  it('gives the same object for the same day, which is safe because a PlainDate cannot change', () => {
    expect(parseLocalDate('2024-03-15')).toBe(localDate(2024, 3, 15));
  });
});
