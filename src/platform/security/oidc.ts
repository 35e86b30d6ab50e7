import * as client from 'openid-client';
import type { OidcClientConfig } from './config.ts';
import { randomToken } from './secrets.ts';

/** What must survive the round trip to the identity provider, kept server-side until the callback. */
export interface PendingAuthorization {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export class OidcCallbackError extends Error {
  constructor(reason: string) {
    super(`OpenID Connect sign-in failed: ${reason}`);
    this.name = 'OidcCallbackError';
  }
}

/**
 * One OpenID Connect relying party (openid-client v6): authorization code flow with PKCE, state and nonce.
 * The provider's metadata is discovered on first use and kept. Plain-HTTP providers are allowed only
 * outside production (the tests' local provider).
 */
export class OidcRelyingParty {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcClientConfig,
    private readonly allowPlainHttp: boolean,
  ) {}

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        this.settings.issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        this.allowPlainHttp && this.settings.issuer.protocol === 'http:'
          ? { execute: [client.allowInsecureRequests] }
          : undefined,
      )
      .catch((error: unknown) => {
        // A provider that was down at the first attempt is tried again next time.
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** The provider's authorization URL to send the browser to, and what the callback must match. */
  async begin(): Promise<{ url: URL; pending: PendingAuthorization }> {
    const configuration = await this.discover();
    const pending: PendingAuthorization = {
      state: randomToken(24),
      nonce: randomToken(24),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri.href,
      scope: this.settings.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * Exchanges the code of the callback (its query string) for tokens, checks state, nonce, PKCE and the ID
   * token, and answers the ID token's claims merged with the UserInfo claims.
   */
  async complete(callbackQuery: string, pending: PendingAuthorization): Promise<Record<string, unknown>> {
    const configuration = await this.discover();
    const callbackUrl = new URL(this.settings.redirectUri.href);
    callbackUrl.search = callbackQuery;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcCallbackError((error as Error).message);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new OidcCallbackError('no ID token');
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return { ...userInfo, ...idToken };
  }
}
