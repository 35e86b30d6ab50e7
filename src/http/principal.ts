import type { FastifyRequest } from 'fastify';
import type { Principal } from '../modules/accounts/principal.ts';

/**
 * The caller a non-public route runs for. The access layer has already refused anyone without the route's
 * permission, so a route reaching here without a principal is a wiring bug, not a user error.
 */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.routeOptions.url} ran without a principal`);
  return request.principal;
}
