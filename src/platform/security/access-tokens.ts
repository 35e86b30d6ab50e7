import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { randomToken } from './secrets.ts';

const ISSUER = 'gongxin';
const AUDIENCE = 'gongxin-api';
const ALGORITHM = 'EdDSA';

/** What an access token says about the API client that presents it. */
export interface AccessTokenClaims {
  clientId: string;
  organizationCode: string;
  scopes: string[];
}

export class InvalidAccessTokenError extends Error {
  constructor(reason: string) {
    super(`invalid access token: ${reason}`);
    this.name = 'InvalidAccessTokenError';
  }
}

/**
 * Short-lived JWT access tokens for API clients (OAuth2 client credentials), signed with Ed25519. The key
 * comes from GONGXIN_TOKEN_SIGNING_KEY; without it (demo, tests) a key is made for the life of the process,
 * so tokens die with it — production refuses to start without one.
 */
export class AccessTokens {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** True when the key was generated at start-up rather than configured. */
  readonly ephemeral: boolean;

  constructor(
    signingKeyPem: string | null,
    readonly ttlSeconds: number,
  ) {
    if (signingKeyPem) {
      this.privateKey = createPrivateKey(signingKeyPem);
      if (this.privateKey.asymmetricKeyType !== 'ed25519') {
        throw new Error(
          'GONGXIN_TOKEN_SIGNING_KEY must be an Ed25519 key (openssl genpkey -algorithm ed25519)',
        );
      }
      this.publicKey = createPublicKey(this.privateKey);
      this.ephemeral = false;
    } else {
      ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('ed25519'));
      this.ephemeral = true;
    }
  }

  async issue(claims: AccessTokenClaims, now: Date): Promise<{ token: string; expiresIn: number }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({ scope: claims.scopes.join(' '), org: claims.organizationCode })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .setJti(randomToken(16))
      .sign(this.privateKey);
    return { token, expiresIn: this.ttlSeconds };
  }

  /** The token's claims when its signature, issuer, audience and lifetime (on the platform's clock) hold. */
  async verify(token: string, now: Date): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        typ: 'at+jwt',
        currentDate: now,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      if (typeof payload.scope !== 'string' || typeof payload.org !== 'string' || !payload.sub) {
        throw new InvalidAccessTokenError('missing scope, org or sub');
      }
      return {
        clientId: payload.sub,
        organizationCode: payload.org,
        scopes: payload.scope.split(' ').filter(Boolean),
      };
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw error;
      if (error instanceof errors.JOSEError) throw new InvalidAccessTokenError(error.code);
      throw error;
    }
  }
}
