import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { LocalDate } from '../../core/time/local-date.ts';
import { principalOf } from '../../http/principal.ts';
import type { CookieJar } from '../../http/session.ts';
import { anonymousActor, type Platform, runUseCase } from '../../platform/context.ts';
import type { SecurityConfig } from '../../platform/security/config.ts';
import type { OidcRelyingParty } from '../../platform/security/oidc.ts';
import { randomToken, sha256Hex } from '../../platform/security/secrets.ts';
import { bindVerifiedSubject } from './bind-verified-subject.ts';
import { changeOwnPassword } from './change-password.ts';
import { beginOidcFlow, finishOidcFlow } from './oidc-realname-verifier.ts';
import { presentAccount } from './presenters.ts';
import { type Principal, sessionPrincipal } from './principal.ts';
import { readOwnAccount, readOwnOrganization, readOwnSubject } from './read-own.ts';
import { type RealNameVerifier, VerificationFailedError } from './realname-verifier.ts';
import {
  ChangePassword,
  Login,
  OwnAccount,
  OwnOrganization,
  OwnSubject,
  Problem,
  RealNameConfirm,
  RealNameResult,
  RealNameStart,
  RealNameStep,
  Session,
} from './schemas.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { canonicalIssuer, ssoSignIn } from './sso-sign-in.ts';

/** What the sign-in, session and self-service routes need besides the platform. */
export interface TrustServices {
  security: SecurityConfig;
  cookies: CookieJar;
  verifier: RealNameVerifier;
  /** Government single sign-on, or null when not configured. */
  sso: OidcRelyingParty | null;
}

function terminal(request: FastifyRequest) {
  return { clientAddress: request.ip, userAgent: request.headers['user-agent']?.slice(0, 256) ?? null };
}

/** The raw query string of a provider's callback, as openid-client must see it. */
function queryOf(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at === -1 ? '' : request.url.slice(at + 1);
}

function sessionOf(request: FastifyRequest) {
  const principal = principalOf(request);
  if (!principal.account || !principal.session) throw new Error(`${request.url} needs a browser session`);
  return { principal, account: principal.account, session: principal.session };
}

function problem(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ error, message });
}

/** The same answer for a wrong password, an unknown username and a disabled account. */
const SIGN_IN_FAILED = '用户名或密码错误 / Wrong username or password';
const SIGN_IN_LOCKED = '登录失败次数过多，请稍后再试 / Too many failed sign-ins; try again later';

const VERIFICATION_MESSAGES: Record<string, string> = {
  no_flow: '认证已失效，请重新开始 / The verification has lapsed; start again',
  expired: '验证码已过期，请重新获取 / The code has expired; ask for a new one',
  wrong_code: '验证码不正确 / Wrong code',
  too_many_attempts: '验证码错误次数过多，请重新获取 / Too many wrong codes; ask for a new one',
  provider_error: '实名认证服务未完成认证 / The real-name provider did not complete the verification',
  missing_claims: '实名认证服务未提供身份证号码 / The provider released no ID number',
  invalid_claim: '实名认证服务提供的身份证号码无效 / The provider’s ID number is invalid',
  MISMATCHED_IDENTITY:
    '认证身份与本账号的信用主体不符 / The verified identity does not match this account’s subject',
};

function sessionAnswer(principal: Principal | null, trust: TrustServices, today: LocalDate) {
  const signInOptions = { sso: trust.sso !== null, realName: trust.verifier.method };
  const permissions = principal ? [...principal.permissions].sort() : [];
  if (!principal) return { role: 'public' as const, permissions, signIn: signInOptions };
  const organization =
    principal.organizationCode && principal.organizationName
      ? { code: principal.organizationCode, name: principal.organizationName }
      : null;
  const { account, session } = principal;
  if (!account || !session) {
    return {
      role: principal.role,
      displayName: principal.apiClient?.name,
      organization,
      permissions,
      signIn: signInOptions,
    };
  }
  const verified = account.subjectCode !== null && session.verifiedSubjectCode === account.subjectCode;
  const view = presentAccount(account, today, verified || account.subjectCode === null ? 'full' : 'masked');
  return {
    role: principal.role,
    displayName: view.displayName,
    username: account.username,
    organization,
    permissions,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
    passwordMustChange: account.passwordMustChange,
    ...(account.role === 'subject' && {
      realName: { verified, method: verified ? session.verificationMethod : null },
    }),
    signIn: signInOptions,
  };
}

/** Where the browser lands after a redirect flow: the web app's page, told the outcome in its query. */
function landing(path: string, outcome: Record<string, string>): string {
  return `${path}?${new URLSearchParams(outcome)}`;
}

/**
 * Sign-in (password, single sign-on), sign-out, the truthful session answer, and each account's own
 * pages: account and password, organization, and for subjects real-name verification and their own data.
 */
export function accountRoutes(platform: Platform, trust: TrustServices) {
  const { cookies, security } = trust;
  const sessionMaxAge = security.session.maxHours * 3600;

  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/session',
      {
        config: { access: 'public' },
        schema: { tags: ['accounts'], summary: '当前会话 / The current session', response: { 200: Session } },
      },
      async (request) => sessionAnswer(request.principal, trust, platform.clock.today()),
    );

    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public', rateLimit: { max: security.rateLimit.login, timeWindow: 60_000 } },
        schema: {
          tags: ['accounts'],
          summary: '用户名密码登录 / Sign in with a password',
          body: Login,
          response: { 200: Session, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body as { username: string; password: string };
        const result = await runUseCase(
          platform,
          anonymousActor,
          (ctx) =>
            signIn(
              ctx,
              {
                username,
                password,
                ...terminal(request),
                previousSessionId: request.principal?.session?.id ?? null,
              },
              security,
            ),
          request.id,
        );
        if (!result.ok) {
          return result.reason === 'locked'
            ? problem(reply, 429, 'SIGN_IN_LOCKED', SIGN_IN_LOCKED)
            : problem(reply, 401, 'SIGN_IN_FAILED', SIGN_IN_FAILED);
        }
        cookies.setSession(reply, result.token, sessionMaxAge);
        return sessionAnswer(sessionPrincipal(result.account, result.session), trust, platform.clock.today());
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: { permission: 'account.self' } },
        schema: { tags: ['accounts'], summary: '退出登录 / Sign out', response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        const { principal, account, session } = sessionOf(request);
        await runUseCase(
          platform,
          principal.actor,
          (ctx) => signOut(ctx, { sessionId: session.id, accountId: account.id }),
          request.id,
        );
        cookies.clearSession(reply);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/auth/sso/start',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: '统一身份认证登录（跳转）/ Single sign-on: redirect to the provider',
        },
      },
      async (_request, reply) => {
        if (!trust.sso)
          return problem(
            reply,
            404,
            'SSO_NOT_CONFIGURED',
            '未配置统一身份认证 / Single sign-on is not configured',
          );
        const flowValue = randomToken();
        const url = await beginOidcFlow(platform, trust.sso, {
          flowHash: sha256Hex(flowValue),
          sessionId: null,
          purpose: 'sso',
        });
        cookies.setFlow(reply, flowValue);
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/api/v1/auth/sso/callback',
      {
        config: { access: 'public' },
        schema: { tags: ['accounts'], summary: '统一身份认证回调 / Single sign-on callback' },
      },
      async (request, reply) => {
        const flowValue = cookies.flowValue(request);
        cookies.clearFlow(reply);
        if (!trust.sso || !flowValue) return reply.redirect(landing('/login', { error: 'sso' }), 303);
        const query = queryOf(request);
        let subject: string;
        let issuer: string;
        try {
          const claims = await finishOidcFlow(
            platform,
            trust.sso,
            { flowHash: sha256Hex(flowValue), sessionId: null, purpose: 'sso' },
            query,
          );
          subject = String(claims.sub);
          issuer = String(claims.iss);
        } catch (error) {
          if (error instanceof VerificationFailedError) {
            request.log.warn({ reason: error.reason }, 'single sign-on failed');
            return reply.redirect(landing('/login', { error: 'sso' }), 303);
          }
          throw error;
        }
        const result = await runUseCase(
          platform,
          anonymousActor,
          (ctx) =>
            ssoSignIn(
              ctx,
              {
                issuer: canonicalIssuer(issuer),
                subject,
                ...terminal(request),
                previousSessionId: request.principal?.session?.id ?? null,
              },
              security.session,
            ),
          request.id,
        );
        if (!result.ok) return reply.redirect(landing('/login', { error: `sso_${result.reason}` }), 303);
        cookies.setSession(reply, result.token, sessionMaxAge);
        return reply.redirect('/', 303);
      },
    );

    app.get(
      '/api/v1/me/account',
      {
        config: { access: { permission: 'account.self' } },
        schema: {
          tags: ['accounts'],
          summary: '本人账号与登录会话 / Own account and sessions',
          response: { 200: OwnAccount },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return runUseCase(platform, principal.actor, (ctx) => readOwnAccount(ctx, principal), request.id);
      },
    );

    app.post(
      '/api/v1/me/password',
      {
        config: { access: { permission: 'account.self' } },
        schema: {
          tags: ['accounts'],
          summary: '修改本人密码 / Change own password',
          body: ChangePassword,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const { principal, account, session } = sessionOf(request);
        const body = request.body as { currentPassword: string; newPassword: string };
        await runUseCase(
          platform,
          principal.actor,
          (ctx) => changeOwnPassword(ctx, { account, sessionId: session.id, ...body }),
          request.id,
        );
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/me/organization',
      {
        config: { access: { permission: 'organization.self.read' } },
        schema: {
          tags: ['accounts'],
          summary: '本单位信息与接口客户端 / Own organization and its API clients',
          response: { 200: OwnOrganization, 404: Problem },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const organization = await runUseCase(
          platform,
          principal.actor,
          (ctx) => readOwnOrganization(ctx, principal),
          request.id,
        );
        return organization ?? problem(reply, 404, 'NOT_FOUND', '未关联单位 / No organization');
      },
    );

    app.get(
      '/api/v1/me/subject',
      {
        config: { access: { permission: 'subject.self.read' } },
        schema: {
          tags: ['accounts'],
          summary: '本主体基本信息（须实名认证）/ Own subject, after real-name verification',
          response: { 200: OwnSubject, 403: Problem },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const subject = await runUseCase(
          platform,
          principal.actor,
          (ctx) => readOwnSubject(ctx, principal),
          request.id,
        );
        // R75: no non-public data without real-name verification.
        return (
          subject ??
          problem(reply, 403, 'REALNAME_REQUIRED', '请先完成实名认证 / Complete real-name verification first')
        );
      },
    );

    app.post(
      '/api/v1/me/realname/start',
      {
        // As tight as sign-in: each start issues a new one-time code, so unlimited starts would let a
        // caller keep guessing codes.
        config: {
          access: { permission: 'realname.verify' },
          rateLimit: { max: security.rateLimit.login, timeWindow: 60_000 },
        },
        schema: {
          tags: ['accounts'],
          summary: '开始实名认证 / Start real-name verification',
          body: RealNameStart,
          response: { 200: RealNameStep },
        },
      },
      async (request, reply) => {
        const { session } = sessionOf(request);
        const body = request.body as { name?: string; idNumber?: string };
        const flowValue = randomToken();
        const claim =
          body.name !== undefined || body.idNumber !== undefined
            ? { name: body.name ?? '', idNumber: body.idNumber ?? '' }
            : null;
        const step = await trust.verifier.begin(
          platform,
          { sessionId: session.id, flowHash: sha256Hex(flowValue) },
          claim,
        );
        cookies.setFlow(reply, flowValue);
        return step.kind === 'redirect' ? step : { kind: step.kind, expiresAt: step.expiresAt.toISOString() };
      },
    );

    /** Completes a verification and binds it, or records the mismatch; answers the problem code on failure. */
    async function completeVerification(
      request: FastifyRequest,
      reply: FastifyReply,
      response: Parameters<RealNameVerifier['finish']>[2],
    ): Promise<{ method: string } | { failure: string }> {
      const { principal, account, session } = sessionOf(request);
      const flowValue = cookies.flowValue(request);
      if (!flowValue) return { failure: 'no_flow' };
      const flow = { sessionId: session.id, flowHash: sha256Hex(flowValue) };
      let identity: Awaited<ReturnType<RealNameVerifier['finish']>>;
      try {
        identity = await trust.verifier.finish(platform, flow, response);
      } catch (error) {
        if (error instanceof VerificationFailedError) {
          if (error.reason !== 'wrong_code') cookies.clearFlow(reply);
          request.log.warn({ reason: error.reason }, 'real-name verification failed');
          return { failure: error.reason };
        }
        throw error;
      }
      cookies.clearFlow(reply);
      const bound = await runUseCase(
        platform,
        principal.actor,
        (ctx) => bindVerifiedSubject(ctx, { account, sessionId: session.id, identity }),
        request.id,
      );
      return bound.ok ? { method: identity.method } : { failure: bound.reason };
    }

    app.post(
      '/api/v1/me/realname/confirm',
      {
        // As tight as sign-in: each start issues a new one-time code, so unlimited starts would let a
        // caller keep guessing codes.
        config: {
          access: { permission: 'realname.verify' },
          rateLimit: { max: security.rateLimit.login, timeWindow: 60_000 },
        },
        schema: {
          tags: ['accounts'],
          summary: '提交实名认证验证码（本地认证）/ Enter the verification code',
          body: RealNameConfirm,
          response: { 200: RealNameResult, 400: Problem, 403: Problem },
        },
      },
      async (request, reply) => {
        const { code } = request.body as { code: string };
        const outcome = await completeVerification(request, reply, { kind: 'code', code });
        if ('method' in outcome) return { verified: true as const, method: outcome.method };
        const status = outcome.failure === 'MISMATCHED_IDENTITY' ? 403 : 400;
        return problem(
          reply,
          status,
          outcome.failure.toUpperCase(),
          VERIFICATION_MESSAGES[outcome.failure] ?? outcome.failure,
        );
      },
    );

    app.get(
      '/api/v1/me/realname/callback',
      {
        config: { access: { permission: 'realname.verify' } },
        schema: { tags: ['accounts'], summary: '实名认证回调（OIDC）/ Real-name provider callback' },
      },
      async (request, reply) => {
        const query = queryOf(request);
        const outcome = await completeVerification(request, reply, { kind: 'callback', query });
        return reply.redirect(
          landing(
            '/verify',
            'method' in outcome ? { result: 'verified' } : { result: 'failed', reason: outcome.failure },
          ),
          303,
        );
      },
    );
  };
}
