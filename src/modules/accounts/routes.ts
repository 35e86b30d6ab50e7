import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const Session = Type.Object({
  role: Type.Union(
    ['public', 'subject', 'provider', 'gov', 'agency', 'center'].map((role) => Type.Literal(role)),
    { description: '当前角色 / the caller’s role' },
  ),
  displayName: Type.Optional(Type.String()),
});

/**
 * Who the caller is. Sign-in arrives with the trust layer; until then every caller is the public,
 * which this route says truthfully rather than pretending to a session.
 */
export function accountRoutes() {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/session',
      {
        config: { access: 'public' },
        schema: { tags: ['accounts'], summary: '当前会话 / The current session', response: { 200: Session } },
      },
      async () => ({ role: 'public' }),
    );
  };
}
