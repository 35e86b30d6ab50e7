import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidInputError } from '../platform/errors.ts';

/** A failure the caller can fix, answered with its status, a stable code and a message a person can read. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Chinese first; English when the caller's Accept-Language prefers it. */
export function prefersEnglish(request: FastifyRequest): boolean {
  return /^en\b/i.test(request.headers['accept-language'] ?? '');
}

function validationProblems(error: FastifyError): FieldProblem[] {
  return (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = (issue.params as { missingProperty?: string }).missingProperty;
    const field = [error.validationContext, path || missing].filter(Boolean).join('.');
    return { field, reason: issue.message ?? 'invalid' };
  });
}

/**
 * With `servePages`, an unknown GET path outside the API that asks for HTML answers with the web app's
 * index.html, so the browser router shows its own page (or its own "not found").
 */
export function registerErrorHandling(app: FastifyInstance, options: { servePages: boolean }): void {
  app.setErrorHandler((error: FastifyError | HttpProblem | InvalidInputError, request, reply) => {
    if (error instanceof InvalidInputError) {
      const reason = prefersEnglish(request) ? error.reasonEn : error.reason;
      return reply.code(400).send({
        error: 'BAD_REQUEST',
        message: `${error.field}: ${reason}`,
        fields: [{ field: error.field, reason }],
      });
    }
    if (error instanceof HttpProblem) {
      return reply.code(error.statusCode).send({
        error: error.code,
        message: error.message,
        fields: error.fields.length ? error.fields : undefined,
      });
    }
    if (error.validation) {
      const fields = validationProblems(error);
      const summary = fields.map((f) => `${f.field}: ${f.reason}`).join('; ');
      return reply.code(400).send({
        error: 'BAD_REQUEST',
        message: prefersEnglish(request) ? `Invalid request — ${summary}` : `请求参数有误 — ${summary}`,
        fields,
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply
        .code(error.statusCode)
        .send({ error: error.code ?? 'BAD_REQUEST', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({
      error: 'INTERNAL',
      message: prefersEnglish(request)
        ? `Internal error; quote request id ${request.id} to the administrator`
        : `系统内部错误，请向管理员提供请求编号 ${request.id}`,
    });
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      /text\/html/.test(request.headers.accept ?? '');
    if (options.servePages && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({
      error: 'NOT_FOUND',
      message: prefersEnglish(request) ? `No such resource: ${request.url}` : `未找到：${request.url}`,
    });
  });
}
