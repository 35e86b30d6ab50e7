import { describe, expect, it } from 'vitest';
import { type LoginAttempt, lockedUntil } from './lockout.ts';

const policy = { maxFailures: 5, lockMinutes: 15 };
const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 8, minute));
const newestFirst = (attempts: LoginAttempt[]) =>
  [...attempts].sort((a, b) => b.at.getTime() - a.at.getTime());
const failures = (...minutes: number[]) =>
  minutes.map((minute): LoginAttempt => ({ at: at(minute), outcome: 'failure' }));

describe('lockedUntil', () => {
  it('five failures within 15 minutes lock for 15 minutes after the fifth', () => {
    expect(lockedUntil(newestFirst(failures(0, 2, 4, 6, 8)), policy)).toEqual(at(23));
  });

  it('four failures do not lock', () => {
    expect(lockedUntil(newestFirst(failures(0, 2, 4, 6)), policy)).toBeNull();
  });

  it('five failures spread over more than 15 minutes do not lock', () => {
    expect(lockedUntil(newestFirst(failures(0, 5, 10, 14, 16)), policy)).toBeNull();
  });

  it('a success in between starts the count again', () => {
    const attempts = [...failures(0, 1, 2), { at: at(3), outcome: 'success' as const }, ...failures(4, 5)];
    expect(lockedUntil(newestFirst(attempts), policy)).toBeNull();
  });

  it('attempts refused while locked do not extend the lock', () => {
    const attempts = [
      ...failures(0, 1, 2, 3, 4),
      { at: at(10), outcome: 'locked' as const },
      { at: at(18), outcome: 'locked' as const },
    ];
    expect(lockedUntil(newestFirst(attempts), policy)).toEqual(at(19));
  });
});
