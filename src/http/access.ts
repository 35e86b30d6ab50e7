import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/**
 * Who may call a route. Every route under /api declares it in `config.access`; a route without one
 * makes the app fail to start (deny by default, DESIGN house rules). `public` needs no login; any other
 * value names a permission, and until the trust layer grants permissions to sessions, every such call
 * is refused.
 */
export type RouteAccess = 'public' | { permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every API route with its declared access, for the test that walks them all. */
    apiRoutes: Array<{ method: string; url: string; access: RouteAccess }>;
  }
}

export class MissingAccessDeclarationError extends Error {
  constructor(method: string, url: string) {
    super(`route ${method} ${url} does not declare config.access; every API route must say who may call it`);
    this.name = 'MissingAccessDeclarationError';
  }
}

function isApiRoute(url: string): boolean {
  return url.startsWith('/api/v1');
}

export function registerAccessControl(app: FastifyInstance): void {
  const routes: FastifyInstance['apiRoutes'] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApiRoute(route.url)) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new MissingAccessDeclarationError(String(route.method), route.url);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Unmatched URLs fall through to the 404 handler.
    if (!isApiRoute(request.url) || request.routeOptions.url === undefined) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    // No session can hold a permission yet; a route that is not public is refused.
    await reply.code(401).send({ error: 'UNAUTHENTICATED', message: '请先登录 / Please sign in' });
  });
}
