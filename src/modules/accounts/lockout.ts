/** A past sign-in attempt of one username, newest first in the lists below. */
export interface LoginAttempt {
  at: Date;
  outcome: 'success' | 'failure' | 'locked';
}

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

const MINUTE = 60_000;

/**
 * When the username is locked until, or null. `maxFailures` failures in a row (no success between them)
 * whose first and last lie within `lockMinutes` lock it for `lockMinutes` after the last; attempts refused
 * while locked are not failures, so a locked username cannot be kept locked forever by retrying, and a
 * lock ends on time. `recent` holds the attempts of the last `lockMinutes`, newest first.
 */
export function lockedUntil(recent: readonly LoginAttempt[], policy: LockoutPolicy): Date | null {
  const failures: LoginAttempt[] = [];
  for (const attempt of recent) {
    if (attempt.outcome === 'success') break;
    if (attempt.outcome === 'failure') failures.push(attempt);
    if (failures.length === policy.maxFailures) break;
  }
  const newest = failures[0];
  const oldest = failures[policy.maxFailures - 1];
  if (!newest || !oldest) return null;
  if (newest.at.getTime() - oldest.at.getTime() > policy.lockMinutes * MINUTE) return null;
  return new Date(newest.at.getTime() + policy.lockMinutes * MINUTE);
}

/** How far back `lockedUntil` needs to look. */
export function lockoutWindowStart(now: Date, policy: LockoutPolicy): Date {
  return new Date(now.getTime() - 2 * policy.lockMinutes * MINUTE);
}
