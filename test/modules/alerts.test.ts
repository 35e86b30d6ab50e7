import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { listAdminAlerts } from '../../src/modules/alerts/list-admin-alerts.ts';
import { shiftedClock } from '../../src/platform/clock.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../support/db.ts';

describe(`administrators' alerts on ${testEngine}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());
  const alertsOn = (profileId: 'xiamen' | 'weihai' | 'nantong', today: string) =>
    listAdminAlerts({ db: database.db, clock: shiftedClock(today), profile: loadProfile(profileId) });

  it('R2 weihai: no alert on the last day in force, the alert from the day after', async () => {
    expect((await alertsOn('weihai', '2027-05-24')).map((a) => a.code)).not.toContain('PROFILE_EXPIRED');
    const after = await alertsOn('weihai', '2027-05-25');
    expect(after.map((a) => a.en)).toContain('WH profile expired on 2027-05-24');
  });

  it('R2 xiamen: the 2020 measures lapsed after 2025-12-23 and the alert shows every day since', async () => {
    expect((await alertsOn('xiamen', '2025-12-23')).map((a) => a.code)).not.toContain('PROFILE_EXPIRED');
    for (const day of ['2025-12-24', '2026-06-30']) {
      expect((await alertsOn('xiamen', day)).map((a) => a.en)).toContain('XM profile expired on 2025-12-23');
    }
  });

  it('R4 from 1 December, an alert while next year has no holiday notice loaded', async () => {
    expect((await alertsOn('weihai', '2026-11-30')).map((a) => a.code)).not.toContain('CALENDAR_NOT_COVERED');
    const december = await alertsOn('weihai', '2026-12-01');
    expect(december).toContainEqual(
      expect.objectContaining({ code: 'CALENDAR_NOT_COVERED', en: expect.stringContaining('2027') }),
    );
  });
});
