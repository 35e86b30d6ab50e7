import pino, { type DestinationStream, type Logger } from 'pino';

/** Keys that hold a secret or personal data wherever they appear, at the top of a log line or one level down. */
const SENSITIVE_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
  'passwordHash',
  'secret',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'csrfToken',
  'idNumber',
  'operatorIdNumber',
  'claimedIdNumber',
  'claimedName',
  'subjectCode',
  'legalRepresentative',
];

/**
 * Paths never written to a log: secrets and personal data (DESIGN house rules). Request bodies are not
 * logged at all; these cover what might still reach a log line: credentials in headers, cookies set by a
 * response, and fields named like a secret or an identity document.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`]),
];

export const REDACTED = '[redacted]';

/** The parts of a request the log keeps: no body, no headers, no query string. */
interface LoggedRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
  ip?: string;
  id?: string;
}

/**
 * A request's URL as the log may hold it. Paths carry codes (`/admin/subjects/35020319900101123X`), and a
 * resident ID number or passport number is personal data: log the route pattern the router matched, and
 * for an unmatched path every run of digits replaced. The query string is never logged.
 */
export function loggableUrl(request: LoggedRequest): string {
  const pattern = request.routeOptions?.url;
  if (pattern) return pattern;
  const path = (request.url ?? '').split('?')[0] ?? '';
  return path.replace(/[0-9]{4,}[0-9Xx]*/g, (digits) => '#'.repeat(digits.length));
}

const serializers = {
  req: (request: LoggedRequest) => ({
    method: request.method,
    url: loggableUrl(request),
    remoteAddress: request.ip,
  }),
};

/**
 * The process logger. `destination` defaults to standard output; tests pass a stream to read what was
 * written.
 */
export function createLogger(options: {
  level: string;
  pretty?: boolean;
  destination?: DestinationStream;
}): Logger {
  const settings = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    serializers,
    ...(options.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard' } } }
      : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
