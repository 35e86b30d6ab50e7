import { ConfigError } from '../config.ts';
import { keySetting, positiveIntegerSetting } from '../env.ts';

/** One OpenID Connect relying party: the identity provider and this platform's registration there. */
export interface OidcClientConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back; registered at the provider. */
  redirectUri: URL;
  scope: string;
}

/** The real-name provider (i厦门 or another electronic-identity service) and the claims that carry the identity. */
export interface RealNameOidcConfig extends OidcClientConfig {
  idNumberClaim: string;
  nameClaim: string;
}

/** Everything about sign-in, sessions and tokens; secrets come only from the environment. */
export interface SecurityConfig {
  /** Cookies are Secure and the CSP upgrades insecure requests (NODE_ENV=production). */
  production: boolean;
  session: { idleMinutes: number; maxHours: number };
  /** `maxFailures` failed sign-ins within `lockMinutes` lock the username for `lockMinutes`. */
  lockout: { maxFailures: number; lockMinutes: number };
  /** Requests per minute and client address. */
  rateLimit: { login: number; public: number };
  /**
   * Which peers' X-Forwarded-For to believe (proxy-addr names, addresses or CIDRs): the client address
   * that rate limits, lockout records and R147's terminal check rely on. Never every peer, or any client
   * could name its own address.
   */
  trustProxy: string;
  /** PKCS#8 PEM of the Ed25519 key that signs API access tokens; a throw-away key when unset outside production. */
  tokenSigningKey: string | null;
  tokenTtlSeconds: number;
  /** Government single sign-on, or null when not configured. */
  sso: OidcClientConfig | null;
  /** Real-name verification by OpenID Connect, or null: then the local verifier is used. */
  realName: RealNameOidcConfig | null;
}

type Env = Record<string, string | undefined>;

function url(env: Env, variable: string): URL {
  const text = env[variable] ?? '';
  try {
    return new URL(text);
  } catch {
    throw new ConfigError(variable, `"${text}" is not an absolute URL`);
  }
}

/** All of PREFIX_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _REDIRECT_URI, or none (the feature is off). */
function oidcClient(env: Env, prefix: string, defaultScope: string): OidcClientConfig | null {
  const names = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URI'].map((n) => `${prefix}_${n}`);
  const present = names.filter((name) => env[name]);
  if (present.length === 0) return null;
  const missing = names.find((name) => !env[name]);
  if (missing) throw new ConfigError(missing, `required when ${present.join(', ')} is set`);
  return {
    issuer: url(env, `${prefix}_ISSUER`),
    clientId: env[`${prefix}_CLIENT_ID`] ?? '',
    clientSecret: env[`${prefix}_CLIENT_SECRET`] ?? '',
    redirectUri: url(env, `${prefix}_REDIRECT_URI`),
    scope: env[`${prefix}_SCOPE`] || defaultScope,
  };
}

/** A PEM given in one line of an env file, with `\n` for its line breaks, works as well as a real PEM. */
function pem(env: Env, variable: string): string | null {
  const value = keySetting(env, variable);
  if (!value) return null;
  if (!value.startsWith('-----BEGIN PRIVATE KEY-----')) {
    throw new ConfigError(variable, 'expected a PKCS#8 PEM private key (openssl genpkey -algorithm ed25519)');
  }
  return value;
}

export function loadSecurityConfig(env: Env, production: boolean): SecurityConfig {
  const realName = oidcClient(env, 'GONGXIN_REALNAME', 'openid profile');
  const tokenSigningKey = pem(env, 'GONGXIN_TOKEN_SIGNING_KEY');
  return {
    production,
    session: {
      idleMinutes: positiveIntegerSetting(env, 'GONGXIN_SESSION_IDLE_MINUTES', 30),
      maxHours: positiveIntegerSetting(env, 'GONGXIN_SESSION_MAX_HOURS', 12),
    },
    lockout: {
      maxFailures: positiveIntegerSetting(env, 'GONGXIN_LOGIN_MAX_FAILURES', 5),
      lockMinutes: positiveIntegerSetting(env, 'GONGXIN_LOGIN_LOCK_MINUTES', 15),
    },
    rateLimit: {
      login: positiveIntegerSetting(env, 'GONGXIN_RATE_LIMIT_LOGIN', 20),
      public: positiveIntegerSetting(env, 'GONGXIN_RATE_LIMIT_PUBLIC', 600),
    },
    trustProxy: env.GONGXIN_TRUST_PROXY || 'loopback, linklocal, uniquelocal',
    tokenSigningKey,
    tokenTtlSeconds: positiveIntegerSetting(env, 'GONGXIN_TOKEN_TTL_SECONDS', 600),
    sso: oidcClient(env, 'GONGXIN_SSO', 'openid profile'),
    realName: realName && {
      ...realName,
      idNumberClaim: env.GONGXIN_REALNAME_ID_CLAIM || 'id_number',
      nameClaim: env.GONGXIN_REALNAME_NAME_CLAIM || 'name',
    },
  };
}

/**
 * What a production server needs before it may start; `serve` checks it before the database is opened or
 * anything is written. (Operator commands on the shell do not serve, so they do not need these.)
 */
export function assertServableInProduction(security: SecurityConfig): void {
  if (!security.production) return;
  if (!security.tokenSigningKey) {
    throw new ConfigError('GONGXIN_TOKEN_SIGNING_KEY', 'required in production (NODE_ENV=production)');
  }
  if (!security.realName) {
    // The local verifier prints its one-time codes in the server log: a demo, not an identity check.
    throw new ConfigError(
      'GONGXIN_REALNAME_ISSUER',
      'production needs a real-name verification provider (e.g. i厦门 over OIDC); the local demo verifier is not one',
    );
  }
}
