import type { Platform } from '../../platform/context.ts';

/** What a subject claims to be before verification (the local verifier asks for it; OIDC learns it). */
export interface ClaimedIdentity {
  name: string;
  idNumber: string;
}

/** A natural person's identity as the verifier vouches for it. */
export interface VerifiedIdentity {
  idNumber: string;
  /** null when the provider does not release the name. */
  name: string | null;
  /** `local` or `oidc:<issuer>`, recorded on the session and in the audit log. */
  method: string;
}

/** The browser's next step: follow a redirect to the provider, or enter the code it was sent. */
export type VerificationStep = { kind: 'redirect'; url: string } | { kind: 'code_sent'; expiresAt: Date };

/** What comes back: a code typed in, or the provider's callback query string. */
export type VerificationResponse = { kind: 'code'; code: string } | { kind: 'callback'; query: string };

/** The verification in progress: the session it is for and the hash of the value in the browser's flow cookie. */
export interface VerificationFlow {
  sessionId: number;
  flowHash: string;
}

export type VerificationFailure =
  | 'no_flow'
  | 'expired'
  | 'wrong_code'
  | 'too_many_attempts'
  | 'provider_error'
  | 'missing_claims'
  | 'invalid_claim';

export class VerificationFailedError extends Error {
  constructor(
    readonly reason: VerificationFailure,
    detail = '',
  ) {
    super(`real-name verification failed: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'VerificationFailedError';
  }
}

/**
 * Real-name verification of a natural person (002 第六条(一): "i厦门" 实名认证; 003 第二十二条(二): 电子身份
 * 实名认证; 004 第二十二条: 身份识别认证). Two implementations: an OpenID Connect provider (production), and
 * a local one-time code printed in the server log (the embedded demo, with no provider configured).
 * Neither decides whom the identity may act for: bind-verified-subject.ts does, the same way for both.
 */
export interface RealNameVerifier {
  readonly method: 'oidc' | 'local';
  /** Starts verifying for the session; the local verifier needs the claimed identity, OIDC ignores it. */
  begin(platform: Platform, flow: VerificationFlow, claim: ClaimedIdentity | null): Promise<VerificationStep>;
  /** Completes it: the vouched identity, or VerificationFailedError. */
  finish(
    platform: Platform,
    flow: VerificationFlow,
    response: VerificationResponse,
  ): Promise<VerifiedIdentity>;
}
