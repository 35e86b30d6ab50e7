import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ProfileId } from '../../src/core/policy/profile-id.ts';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { buildApp } from '../../src/http/app.ts';
import { loadReportSettings, type ReportSettings } from '../../src/modules/reports/settings.ts';
import { seedDemoCityIfEmpty } from '../../src/modules/seed/seed-if-empty.ts';
import { type Clock, shiftedClock, systemClock } from '../../src/platform/clock.ts';
import type { Platform } from '../../src/platform/context.ts';
import { generateSigningKey } from '../../src/platform/crypto/signing.ts';
import { loadSecurityConfig } from '../../src/platform/security/config.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Reports signed with a fresh SM2 key held in memory, verified at the test's own address. */
export function testReportSettings(): ReportSettings {
  const { privateKeyPem } = generateSigningKey('sm2');
  return loadReportSettings({
    env: { GONGXIN_REPORT_SIGNING_KEY: privateKeyPem, GONGXIN_PUBLIC_URL: 'https://credit.example.test' },
    dataDir: '/nonexistent',
    production: false,
    warn: () => undefined,
    port: 0,
  });
}

/** An API-only app on a fresh database, for `app.inject`; seeded with a small demo city unless `seed: 0`. */
export async function createTestApp(
  options: {
    today?: string;
    profileId?: ProfileId;
    seedSubjects?: number;
    /** A clock the test moves itself (session expiry, lockout); wins over `today`. */
    clock?: Clock;
    /** Environment for the security configuration (GONGXIN_SESSION_*, GONGXIN_RATE_LIMIT_*, GONGXIN_SSO_*, …). */
    securityEnv?: Record<string, string>;
    /** Where the app logs (e.g. a capturing pino logger); silent by default. */
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock: Clock = options.clock ?? (options.today ? shiftedClock(options.today) : systemClock);
  const platform: Platform = { db: database.db, clock, profile: loadProfile(options.profileId ?? 'xiamen') };
  const subjects = options.seedSubjects ?? 300;
  if (subjects > 0) await seedDemoCityIfEmpty(platform, subjects);
  const app = await buildApp({
    platform,
    handle: database,
    logger: options.logger ?? false,
    webDir: null,
    security: loadSecurityConfig(options.securityEnv ?? {}, false),
    reports: testReportSettings(),
  });
  return {
    app,
    platform,
    database,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
