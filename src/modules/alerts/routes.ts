import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { listAdminAlerts } from './list-admin-alerts.ts';

const Alerts = Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }));

export function alertRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/admin/alerts',
      {
        config: { access: { permission: 'alerts.read' } },
        schema: {
          tags: ['center'],
          summary: '管理员提醒（政策配置失效、节假日安排未载入）/ alerts for administrators',
          response: { 200: Alerts },
        },
      },
      () => listAdminAlerts(platform),
    );
  };
}
