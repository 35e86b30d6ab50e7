import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Platform } from '../platform/context.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { migrationStatus } from '../platform/db/migrations.ts';
import { VERSION } from '../platform/version.ts';

const Health = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String(),
  today: Type.String({
    format: 'date',
    description: 'The date the instance works on (GONGXIN_TODAY when set)',
  }),
  todayShifted: Type.Boolean({ description: 'True when today was set by GONGXIN_TODAY or --today' }),
  profile: Type.String(),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
});

const Readiness = Type.Object({
  ready: Type.Boolean(),
  database: Type.Boolean(),
  pendingMigrations: Type.Array(Type.String()),
  reason: Type.Optional(Type.String()),
});

/** Liveness and readiness for process managers and load balancers; neither reveals anything non-public. */
export function registerHealthRoutes(app: FastifyInstance, platform: Platform, handle: DatabaseHandle): void {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    version: VERSION,
    today: platform.clock.today().toString(),
    todayShifted: platform.clock.shifted,
    profile: platform.profile.id,
    database: handle.kind,
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } } },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(platform.db);
        const { pending } = await migrationStatus(handle);
        const ready = pending.length === 0;
        return reply.code(ready ? 200 : 503).send({
          ready,
          database: true,
          pendingMigrations: pending,
          reason: ready ? undefined : 'migrations pending',
        });
      } catch (error) {
        // The reason goes to the log; the public answer names no host, user or database.
        request.log.error({ err: error }, 'readiness check failed');
        return reply
          .code(503)
          .send({ ready: false, database: false, pendingMigrations: [], reason: 'database unavailable' });
      }
    },
  );
}
