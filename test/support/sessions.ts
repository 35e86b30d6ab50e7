import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { localDateAt } from '../../src/core/time/local-date.ts';
import { DEMO_PASSWORD } from '../../src/modules/seed/seed-demo-city.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';

/** A clock the test moves by hand: lockout windows, idle timeouts and token lifetimes without waiting. */
export interface ManualClock extends Clock {
  advance(minutes: number): void;
}

export function manualClock(start: Date): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    today: () => localDateAt(new Date(now)),
    shifted: true,
    advance(minutes) {
      now += minutes * 60_000;
    },
  };
}

/** A signed-in browser as app.inject sees it: its cookie header and the CSRF token to echo. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
export function cookiesOf(setCookie: string | string[] | undefined): string {
  return [setCookie ?? []]
    .flat()
    .map((line) => line.split(';')[0])
    .join('; ');
}

export async function signInAs(
  app: FastifyInstance,
  username: string,
  password: string = DEMO_PASSWORD,
): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`signing in as ${username} answered ${response.statusCode}: ${response.body}`);
  }
  const cookie = cookiesOf(response.headers['set-cookie']);
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** A logger whose lines the test reads back (parsed JSON), with the production redaction. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>>; text(): string } {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString('utf8'));
      done();
    },
  });
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'info', destination });
  return {
    logger,
    get lines() {
      lines.splice(
        0,
        lines.length,
        ...raw
          .join('')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line)),
      );
      return lines;
    },
    text: () => raw.join(''),
  };
}
