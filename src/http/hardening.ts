import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { SecurityConfig } from '../platform/security/config.ts';

/**
 * The Content-Security-Policy of every response. The built web app loads only its own module scripts
 * (no inline script); Ant Design writes its styles at run time, hence 'unsafe-inline' for styles only.
 */
export function contentSecurityPolicy(production: boolean) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(production && { upgradeInsecureRequests: [] }),
    },
  };
}

/**
 * Security headers (helmet: CSP, HSTS in production, nosniff, frame and referrer policies) and the rate
 * limiter. The limiter applies only where a route asks for it: sign-in, the token endpoint, and every
 * public API route (access.ts gives those the configured limit).
 */
export async function registerHardening(app: FastifyInstance, security: SecurityConfig): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: contentSecurityPolicy(security.production),
    hsts: security.production,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      code: 'RATE_LIMITED',
      message: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试 / Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
}
