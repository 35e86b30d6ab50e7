import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import type { TestSession } from './sessions.ts';

export interface SubmissionOutcome {
  received: number;
  accepted: number;
  unchanged: number;
  returned: number;
  returns: Array<{ row: number; field: string | null; reason: string; message: string }>;
}

/** A provider's rows through the collection API (POST /api/v1/collection/batches), expected to be received. */
export async function submitRows(
  t: TestApp,
  session: TestSession,
  item: string,
  rows: object[],
): Promise<SubmissionOutcome> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/collection/batches',
    headers: session.headers,
    payload: { item, rows },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A provider's file through the upload door (POST /api/v1/collection/uploads), expected to be received. */
export async function uploadFile(
  t: TestApp,
  session: TestSession,
  item: string,
  fileName: string,
  body: Buffer,
): Promise<SubmissionOutcome> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/collection/uploads?item=${item}&fileName=${encodeURIComponent(fileName)}`,
    headers: { ...session.headers, 'content-type': 'application/octet-stream' },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A subject's credit archive as the center reads it (GET /api/v1/subjects/:code/archive). */
export async function readArchive(t: TestApp, session: TestSession, code: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/subjects/${code}/archive`,
    headers: session.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
