import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCode } from '../../src/core/identity/check-code.ts';
import { PROFILE_IDS } from '../../src/core/policy/profile-id.ts';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { ACCOUNT_ROLES } from '../../src/modules/accounts/roles.ts';
import { DEMO_PASSWORD } from '../../src/modules/seed/seed-demo-city.ts';
import { seedDemoCityIfEmpty } from '../../src/modules/seed/seed-if-empty.ts';
import { shiftedClock } from '../../src/platform/clock.ts';
import type { Platform } from '../../src/platform/context.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../support/db.ts';

describe.each(PROFILE_IDS)(`the demo city of %s on ${testEngine}`, (profileId) => {
  let database: TestDatabase;
  let platform: Platform;
  beforeAll(async () => {
    database = await createTestDatabase();
    platform = { db: database.db, clock: shiftedClock('2025-06-01'), profile: loadProfile(profileId) };
  });
  afterAll(() => database.dispose());

  it('creates the providers, the center, subjects with valid codes and one account per role', async () => {
    const result = await seedDemoCityIfEmpty(platform, 400);
    expect(result.created).toBe(true);
    expect(result.providers).toBeGreaterThanOrEqual(30);
    expect(result.subjects).toBe(400);
    expect(new Set(result.accounts.map((a) => a.role))).toEqual(new Set(ACCOUNT_ROLES));

    const subjects = await database.db.selectFrom('subject').select(['subject_code', 'code_type']).execute();
    expect(subjects).toHaveLength(400);
    const today = platform.clock.today();
    for (const s of subjects) {
      const check = checkCode(s.subject_code, { today });
      expect(check.valid, s.subject_code).toBe(true);
      expect(check.kind).toBe(s.code_type);
    }
    const account = await database.db
      .selectFrom('account')
      .select(['password_hash'])
      .where('username', '=', 'provider')
      .executeTakeFirstOrThrow();
    expect(await verify(account.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('records the seeding in the audit log, in the same transaction', async () => {
    const events = await database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'seed.demo_city')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'system:seed', object_id: profileId });
    expect(events[0]?.payload_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never seeds a database that already holds data', async () => {
    const again = await seedDemoCityIfEmpty(platform, 400);
    expect(again.created).toBe(false);
    const n = await database.db
      .selectFrom('subject')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(400);
  });
});
