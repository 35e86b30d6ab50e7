import { checkCode } from '../../core/identity/index.ts';
import { type Platform, runUseCase, systemActor } from '../../platform/context.ts';
import type { RealNameOidcConfig } from '../../platform/security/config.ts';
import { OidcCallbackError, OidcRelyingParty } from '../../platform/security/oidc.ts';
import type {
  RealNameVerifier,
  VerificationFlow,
  VerificationResponse,
  VerificationStep,
  VerifiedIdentity,
} from './realname-verifier.ts';
import { VerificationFailedError } from './realname-verifier.ts';
import { type AuthFlowRow, findAuthFlow, finishAuthFlow, insertAuthFlow } from './store.ts';

const FLOW_MINUTES = 10;

/** Starts an OpenID Connect redirect: the flow row that the callback must find, bound to the flow cookie. */
export async function beginOidcFlow(
  platform: Platform,
  party: OidcRelyingParty,
  flow: { flowHash: string; sessionId: number | null; purpose: 'sso' | 'realname_oidc' },
): Promise<string> {
  const { url, pending } = await party.begin();
  const now = platform.clock.now();
  await runUseCase(platform, systemActor(flow.purpose), async (ctx) => {
    await insertAuthFlow(ctx.db, {
      flowHash: flow.flowHash,
      purpose: flow.purpose,
      sessionId: flow.sessionId,
      state: pending.state,
      nonce: pending.nonce,
      codeVerifier: pending.codeVerifier,
      codeHash: null,
      claimedName: null,
      claimedIdNumber: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
    });
    await ctx.audit.record({
      action: `${flow.purpose === 'sso' ? 'sso' : 'realname'}.redirect`,
      objectType: 'session',
      objectId: flow.sessionId === null ? null : String(flow.sessionId),
      payload: { issuer: party.settings.issuer.href, sessionId: flow.sessionId },
      detail: { issuer: party.settings.issuer.href },
    });
  });
  return url.href;
}

/**
 * Completes an OpenID Connect redirect: the flow must exist, be unused, unexpired, of this purpose and
 * session; then the code is exchanged (PKCE, state, nonce checked by openid-client) and the flow closed.
 */
export async function finishOidcFlow(
  platform: Platform,
  party: OidcRelyingParty,
  flow: { flowHash: string; sessionId: number | null; purpose: 'sso' | 'realname_oidc' },
  callbackQuery: string,
): Promise<Record<string, unknown>> {
  const pending: AuthFlowRow | undefined = await findAuthFlow(platform.db, flow.flowHash);
  if (
    !pending ||
    pending.purpose !== flow.purpose ||
    pending.sessionId !== flow.sessionId ||
    pending.finishedAt ||
    !pending.state ||
    !pending.nonce ||
    !pending.codeVerifier
  ) {
    throw new VerificationFailedError('no_flow');
  }
  const now = platform.clock.now();
  await runUseCase(platform, systemActor(flow.purpose), (ctx) => finishAuthFlow(ctx.db, flow.flowHash, now));
  if (pending.expiresAt <= now) throw new VerificationFailedError('expired');
  try {
    return await party.complete(callbackQuery, {
      state: pending.state,
      nonce: pending.nonce,
      codeVerifier: pending.codeVerifier,
    });
  } catch (error) {
    if (error instanceof OidcCallbackError)
      throw new VerificationFailedError('provider_error', error.message);
    throw error;
  }
}

/** Real-name verification by an OpenID Connect provider such as i厦门, whose claims carry the person's ID number and name. */
export class OidcRealNameVerifier implements RealNameVerifier {
  readonly method = 'oidc' as const;
  private readonly party: OidcRelyingParty;

  constructor(
    private readonly settings: RealNameOidcConfig,
    allowPlainHttp: boolean,
  ) {
    this.party = new OidcRelyingParty(settings, allowPlainHttp);
  }

  async begin(platform: Platform, flow: VerificationFlow): Promise<VerificationStep> {
    const url = await beginOidcFlow(platform, this.party, { ...flow, purpose: 'realname_oidc' });
    return { kind: 'redirect', url };
  }

  async finish(
    platform: Platform,
    flow: VerificationFlow,
    response: VerificationResponse,
  ): Promise<VerifiedIdentity> {
    if (response.kind !== 'callback')
      throw new VerificationFailedError('no_flow', 'OIDC verification takes a callback');
    const claims = await finishOidcFlow(
      platform,
      this.party,
      { ...flow, purpose: 'realname_oidc' },
      response.query,
    );
    const idNumber = claims[this.settings.idNumberClaim];
    const name = claims[this.settings.nameClaim];
    if (typeof idNumber !== 'string') {
      throw new VerificationFailedError('missing_claims', `no ${this.settings.idNumberClaim} claim`);
    }
    const id = checkCode(idNumber, { today: platform.clock.today() });
    if (id.kind !== 'resident_id' || !id.valid)
      throw new VerificationFailedError('invalid_claim', this.settings.idNumberClaim);
    const issuer = typeof claims.iss === 'string' ? claims.iss : this.settings.issuer.href;
    return {
      idNumber: id.normalized,
      name: typeof name === 'string' ? name : null,
      method: `oidc:${issuer}`,
    };
  }
}
