import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { NATURAL_PERSON_KIND } from './kinds.ts';
import { type OrganizationMatch, searchOrganizations } from './store.ts';

export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 100;
const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

export interface PublicSubjectSearch {
  q: string;
  limit: number;
  offset: number;
}

/**
 * The public portal's search (社会公众, no login): organizations by name or unified social credit code.
 * Natural persons are never found here — their basic information is not public by name.
 */
export async function searchPublicSubjects(
  db: Kysely<Database> | Transaction<Database>,
  input: PublicSubjectSearch,
): Promise<{ items: OrganizationMatch[]; total: number }> {
  const text = input.q.trim();
  if (text.length < MIN_QUERY_LENGTH) {
    throw new InvalidInputError(
      'q',
      `请至少输入 ${MIN_QUERY_LENGTH} 个字符`,
      `enter at least ${MIN_QUERY_LENGTH} characters`,
    );
  }
  if (text.length > MAX_QUERY_LENGTH) {
    throw new InvalidInputError(
      'q',
      `不能超过 ${MAX_QUERY_LENGTH} 个字符`,
      `at most ${MAX_QUERY_LENGTH} characters`,
    );
  }
  const upper = text.toUpperCase();
  return searchOrganizations(db, {
    text,
    code: USCC_SHAPE.test(upper) ? upper : null,
    excludedKinds: [NATURAL_PERSON_KIND],
    limit: input.limit,
    offset: input.offset,
  });
}
