import path from 'node:path';
import { type ProfileId, resolveProfileId } from '../core/policy/profile-id.ts';
import { loadProfile } from '../core/policy/resolver.ts';
import type { PolicyProfile } from '../core/policy/types.ts';
import { parseLocalDate } from '../core/time/local-date.ts';
import { type Clock, shiftedClock, systemClock } from './clock.ts';
import { loadSecurityConfig, type SecurityConfig } from './security/config.ts';

/** Everything an instance is configured with; read once at the edge from the environment and flags. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  profileId: ProfileId;
  /** Nantong's issue date (GONGXIN_NT_ISSUED_ON): 004 carries none in its text (spec A-3). */
  nantongIssuedOn: string | undefined;
  /** The configured "today" (GONGXIN_TODAY / --today), or undefined for the system date. */
  today: string | undefined;
  port: number;
  host: string;
  logLevel: string;
  production: boolean;
  /** Sessions, sign-in, tokens, single sign-on and real-name verification (src/platform/security/config.ts). */
  security: SecurityConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigOverrides {
  today?: string;
  port?: string | number;
  dataDir?: string;
  profile?: string;
}

function parsePort(value: string | number, variable: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(variable, `"${value}" is not a TCP port (0–65535)`);
  }
  return port;
}

function checkDate(value: string | undefined, variable: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return parseLocalDate(value).toString();
  } catch (error) {
    throw new ConfigError(variable, (error as Error).message);
  }
}

/** Flags win over the environment, which wins over the defaults. */
export function loadConfig(env: Record<string, string | undefined>, overrides: ConfigOverrides = {}): Config {
  let profileId: ProfileId;
  try {
    profileId = resolveProfileId(overrides.profile ?? env.GONGXIN_PROFILE);
  } catch (error) {
    throw new ConfigError(overrides.profile ? '--profile' : 'GONGXIN_PROFILE', (error as Error).message);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(overrides.dataDir ?? (env.GONGXIN_DATA_DIR || './data')),
    profileId,
    nantongIssuedOn: checkDate(env.GONGXIN_NT_ISSUED_ON, 'GONGXIN_NT_ISSUED_ON'),
    today: overrides.today
      ? checkDate(overrides.today, '--today')
      : checkDate(env.GONGXIN_TODAY, 'GONGXIN_TODAY'),
    port:
      overrides.port !== undefined
        ? parsePort(overrides.port, '--port')
        : parsePort(env.PORT || 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    logLevel: env.LOG_LEVEL || 'info',
    production: env.NODE_ENV === 'production',
    security: loadSecurityConfig(env, env.NODE_ENV === 'production'),
  };
}

export function clockFor(config: Pick<Config, 'today'>): Clock {
  return config.today ? shiftedClock(config.today) : systemClock;
}

/** The instance's city profile, with the configured dates the regulation's text leaves open. */
export function profileFor(config: Pick<Config, 'profileId' | 'nantongIssuedOn'>): PolicyProfile {
  return loadProfile(config.profileId, {
    nantongIssuedOn: config.nantongIssuedOn ? parseLocalDate(config.nantongIssuedOn) : undefined,
  });
}
