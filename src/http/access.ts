import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { type Authentication, NO_CREDENTIALS } from '../modules/accounts/authenticate.ts';
import type { Permission } from '../modules/accounts/permissions.ts';
import type { Principal } from '../modules/accounts/principal.ts';
import { secretsEqual } from '../platform/security/secrets.ts';

/**
 * Who may call a route. Every route under /api/v1 declares it in `config.access`; a route without one makes
 * the app fail to start (deny by default, DESIGN house rules). `public` needs no sign-in; otherwise the
 * caller must hold the named permission (src/modules/accounts/permissions.ts): no credentials → 401, a
 * principal without the permission → 403.
 */
export type RouteAccess = 'public' | { permission: Permission };

/** The header a browser session echoes its CSRF token in (synchronizer token, see GET /api/v1/session). */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every API route with its declared access, for the test that walks them all. */
    apiRoutes: Array<{ method: string; url: string; access: RouteAccess }>;
  }
  interface FastifyRequest {
    /** The signed-in account or API client, or null for the public. */
    principal: Principal | null;
  }
}

export class MissingAccessDeclarationError extends Error {
  constructor(method: string, url: string) {
    super(`route ${method} ${url} does not declare config.access; every API route must say who may call it`);
    this.name = 'MissingAccessDeclarationError';
  }
}

export interface AccessOptions {
  /** Reads the request's credentials (session cookie, bearer token); without it every caller is the public. */
  authenticate?: (request: FastifyRequest) => Promise<Authentication>;
  /** Requests per minute and client address on every public API route that sets no limit of its own. */
  publicRateLimit?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isApiRoute(url: string): boolean {
  return url.startsWith('/api/v1');
}

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ error, message });
}

/** A state-changing request whose Origin names another site: a cross-site request, whatever it carries. */
function crossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || SAFE_METHODS.has(request.method)) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

export function registerAccessControl(app: FastifyInstance, options: AccessOptions = {}): void {
  const routes: FastifyInstance['apiRoutes'] = [];
  app.decorate('apiRoutes', routes);
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApiRoute(route.url)) return;
    const config = route.config as { access?: RouteAccess; rateLimit?: unknown } | undefined;
    const access = config?.access;
    if (!access) throw new MissingAccessDeclarationError(String(route.method), route.url);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
    if (access === 'public' && options.publicRateLimit && config.rateLimit === undefined) {
      route.config = { ...config, rateLimit: { max: options.publicRateLimit, timeWindow: 60_000 } };
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Decide by the route the router matched, never by the raw URL: the router decodes `/%61pi/v1/…` to an
    // API route that a check of the raw URL would wave through. Unmatched URLs fall through to the 404 handler.
    const pattern = request.routeOptions.url;
    if (pattern === undefined || !isApiRoute(pattern)) return;
    if (crossOrigin(request)) {
      return refuse(reply, 403, 'CROSS_ORIGIN', '拒绝跨站请求 / Cross-site request refused');
    }
    const authentication = options.authenticate ? await options.authenticate(request) : NO_CREDENTIALS;
    const principal = authentication.principal;
    request.principal = principal;
    // Synchronizer token: a browser session's state-changing request must echo the session's CSRF token,
    // which a page of another site cannot read. Bearer-token callers send no cookies and need none.
    if (principal?.session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !secretsEqual(sent, principal.session.csrfToken)) {
        return refuse(
          reply,
          403,
          'CSRF_TOKEN_INVALID',
          '页面已过期，请刷新后重试 / CSRF token missing or wrong',
        );
      }
    }
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (!principal || !access) {
      if (authentication.principal === null && authentication.failure === 'SESSION_EXPIRED') {
        return refuse(
          reply,
          401,
          'SESSION_EXPIRED',
          '登录已过期，请重新登录 / Session expired, please sign in',
        );
      }
      if (authentication.principal === null && authentication.failure === 'INVALID_TOKEN') {
        return refuse(reply, 401, 'INVALID_TOKEN', '访问令牌无效或已过期 / Invalid or expired access token');
      }
      return refuse(reply, 401, 'UNAUTHENTICATED', '请先登录 / Please sign in');
    }
    if (!principal.permissions.has(access.permission)) {
      if (principal.account?.passwordMustChange) {
        return refuse(
          reply,
          403,
          'PASSWORD_CHANGE_REQUIRED',
          '请先修改初始密码 / Change your temporary password first',
        );
      }
      return refuse(reply, 403, 'FORBIDDEN', '无权访问 / You do not have permission for this');
    }
  });
}
