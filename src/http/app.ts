import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { adminAccountRoutes } from '../modules/accounts/admin-routes.ts';
import { oauthRoutes } from '../modules/accounts/oauth-routes.ts';
import { accountRoutes } from '../modules/accounts/routes.ts';
import { alertRoutes } from '../modules/alerts/routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { authorizationRoutes } from '../modules/authorizations/routes.ts';
import { batchQueryRoutes } from '../modules/batch-queries/routes.ts';
import { calendarRoutes } from '../modules/calendar/routes.ts';
import { catalogRoutes } from '../modules/catalog/routes.ts';
import { collectionRoutes } from '../modules/collection/routes.ts';
import { disclosureRoutes } from '../modules/disclosure/routes.ts';
import { objectionRoutes } from '../modules/objections/routes.ts';
import { organizationRoutes } from '../modules/organizations/routes.ts';
import { portalRoutes } from '../modules/portal/routes.ts';
import { recordRoutes } from '../modules/records/routes.ts';
import { reportRoutes } from '../modules/reports/routes.ts';
import type { ReportSettings } from '../modules/reports/settings.ts';
import { subjectRoutes } from '../modules/subjects/routes.ts';
import type { Platform } from '../platform/context.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { SecurityConfig } from '../platform/security/config.ts';
import { VERSION } from '../platform/version.ts';
import { registerAccessControl } from './access.ts';
import { registerErrorHandling } from './errors.ts';
import { registerHardening } from './hardening.ts';
import { registerHealthRoutes } from './health.ts';
import { registerMetrics } from './metrics.ts';
import { registerSessions } from './session.ts';
import { registerWebApp } from './web.ts';

export interface AppOptions {
  platform: Platform;
  handle: DatabaseHandle;
  logger: Logger | false;
  /** The built web app to serve, or null for an API-only instance (tests, the dev server's backend). */
  webDir: string | null;
  /** Sessions, sign-in, tokens and identity providers (Config.security). */
  security: SecurityConfig;
  /** The key reports are signed with and the address their QR codes open. */
  reports: ReportSettings;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only hides pino's extra generic parameters.
    loggerInstance: (options.logger || undefined) as FastifyBaseLogger | undefined,
    genReqId: () => randomUUID(),
    trustProxy: options.security.trustProxy,
    ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '公信 Gongxin API',
        version: VERSION,
        description: '公共信用信息平台接口 / Public credit information platform API',
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const sessions = await registerSessions(app, options.platform, options.security);
  registerAccessControl(app, {
    authenticate: sessions.authenticate,
    publicRateLimit: options.security.rateLimit.public,
  });
  await registerHardening(app, options.security);
  registerErrorHandling(app, { servePages: options.webDir !== null });
  registerMetrics(app);
  registerHealthRoutes(app, options.platform, options.handle);

  await app.register(accountRoutes(options.platform, sessions));
  await app.register(adminAccountRoutes(options.platform, sessions.ssoIssuer));
  await app.register(oauthRoutes(options.platform, sessions.tokens, options.security.rateLimit.login));
  await app.register(organizationRoutes(options.platform));
  await app.register(subjectRoutes(options.platform));
  await app.register(portalRoutes(options.platform));
  await app.register(alertRoutes(options.platform));
  await app.register(calendarRoutes(options.platform));
  await app.register(catalogRoutes(options.platform));
  await app.register(auditRoutes(options.platform));
  await app.register(collectionRoutes(options.platform));
  await app.register(recordRoutes(options.platform));
  await app.register(disclosureRoutes(options.platform));
  await app.register(authorizationRoutes(options.platform));
  await app.register(batchQueryRoutes(options.platform));
  await app.register(objectionRoutes(options.platform));
  await app.register(reportRoutes(options.platform, options.reports, options.security));

  if (options.webDir) await registerWebApp(app, options.webDir);
  return app;
}
