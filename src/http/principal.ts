import type { FastifyRequest } from 'fastify';
import type { Principal } from '../modules/accounts/principal.ts';
import { type Platform, runUseCase, type UseCaseContext } from '../platform/context.ts';

/**
 * The caller a non-public route runs for. The access layer has already refused anyone without the route's
 * permission, so a route reaching here without a principal is a wiring bug, not a user error.
 */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.routeOptions.url} ran without a principal`);
  return request.principal;
}

/** Runs one use case for the request's principal, under the request's id: what a non-public route does. */
export function runAsPrincipal<T>(
  platform: Platform,
  request: FastifyRequest,
  useCase: (ctx: UseCaseContext, principal: Principal) => Promise<T>,
): Promise<T> {
  const principal = principalOf(request);
  return runUseCase(platform, principal.actor, (ctx) => useCase(ctx, principal), request.id);
}
