import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type Authentication,
  authenticateBearer,
  authenticateSession,
  NO_CREDENTIALS,
} from '../modules/accounts/authenticate.ts';
import { LocalRealNameVerifier } from '../modules/accounts/local-realname-verifier.ts';
import { OidcRealNameVerifier } from '../modules/accounts/oidc-realname-verifier.ts';
import type { RealNameVerifier } from '../modules/accounts/realname-verifier.ts';
import { canonicalIssuer } from '../modules/accounts/sso-sign-in.ts';
import type { Platform } from '../platform/context.ts';
import { AccessTokens } from '../platform/security/access-tokens.ts';
import type { SecurityConfig } from '../platform/security/config.ts';
import { OidcRelyingParty } from '../platform/security/oidc.ts';

/**
 * The browser session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * sub-requests or form posts), Secure in production, where the `__Host-` prefix also pins it to this host
 * and path. It holds a random token; the database keeps only the token's hash.
 */
export interface CookieJar {
  readonly sessionCookie: string;
  readonly flowCookie: string;
  setSession(reply: FastifyReply, token: string, maxAgeSeconds: number): void;
  clearSession(reply: FastifyReply): void;
  sessionToken(request: FastifyRequest): string | undefined;
  /** The short-lived cookie that binds an OpenID Connect redirect or a one-time code to this browser. */
  setFlow(reply: FastifyReply, value: string): void;
  clearFlow(reply: FastifyReply): void;
  flowValue(request: FastifyRequest): string | undefined;
}

const FLOW_MAX_AGE_SECONDS = 600;

export function cookieJar(production: boolean): CookieJar {
  const prefix = production ? '__Host-' : '';
  const base = { httpOnly: true, sameSite: 'lax' as const, secure: production, path: '/' };
  const sessionCookie = `${prefix}gx_session`;
  const flowCookie = `${prefix}gx_flow`;
  return {
    sessionCookie,
    flowCookie,
    setSession: (reply, token, maxAge) => void reply.setCookie(sessionCookie, token, { ...base, maxAge }),
    clearSession: (reply) => void reply.clearCookie(sessionCookie, base),
    sessionToken: (request) => request.cookies[sessionCookie],
    setFlow: (reply, value) =>
      void reply.setCookie(flowCookie, value, { ...base, maxAge: FLOW_MAX_AGE_SECONDS }),
    clearFlow: (reply) => void reply.clearCookie(flowCookie, base),
    flowValue: (request) => request.cookies[flowCookie],
  };
}

export interface Sessions {
  security: SecurityConfig;
  cookies: CookieJar;
  tokens: AccessTokens;
  verifier: RealNameVerifier;
  sso: OidcRelyingParty | null;
  /** The single sign-on issuer that account links name, or null. */
  ssoIssuer: { issuer: string } | null;
  authenticate(request: FastifyRequest): Promise<Authentication>;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Registers cookie parsing, sets up tokens, single sign-on and real-name verification from the
 * configuration, and answers how each request authenticates: a bearer access token (API
 * clients) or the session cookie (browsers). A request offering a bearer token is judged by it alone.
 */
export async function registerSessions(
  app: FastifyInstance,
  platform: Platform,
  security: SecurityConfig,
): Promise<Sessions> {
  await app.register(fastifyCookie);
  const cookies = cookieJar(security.production);
  const tokens = new AccessTokens(security.tokenSigningKey, security.tokenTtlSeconds);
  if (tokens.ephemeral) {
    app.log.warn(
      'GONGXIN_TOKEN_SIGNING_KEY is not set: API access tokens are signed with a key made for this process',
    );
  }
  // Plain-HTTP identity providers only outside production: the tests' and a developer's local provider.
  const allowPlainHttp = !security.production;
  return {
    security,
    cookies,
    tokens,
    verifier: security.realName
      ? new OidcRealNameVerifier(security.realName, allowPlainHttp)
      : new LocalRealNameVerifier(app.log),
    sso: security.sso && new OidcRelyingParty(security.sso, allowPlainHttp),
    ssoIssuer: security.sso && { issuer: canonicalIssuer(security.sso.issuer.href) },
    async authenticate(request) {
      const bearer = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (bearer) return authenticateBearer(platform, tokens, bearer);
      const token = cookies.sessionToken(request);
      return token ? authenticateSession(platform, token, security.session) : NO_CREDENTIALS;
    },
  };
}
