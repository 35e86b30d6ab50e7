import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { type OrganizationSearchResult, searchOrganizations } from './store.ts';

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
 * Natural persons are never found here — their basic information is not public by name. The count stops at
 * ORGANIZATION_COUNT_CAP (`totalExact` false past it).
 */
export async function searchPublicSubjects(
  db: Kysely<Database> | Transaction<Database>,
  input: PublicSubjectSearch,
): Promise<OrganizationSearchResult> {
  const text = input.q.trim();
  // Characters, not UTF-16 units: a rare character outside the BMP (𠀀) is one character, as the hint says.
  const length = [...text].length;
  if (length < MIN_QUERY_LENGTH) {
    throw new InvalidInputError(
      'q',
      `请至少输入 ${MIN_QUERY_LENGTH} 个字符`,
      `enter at least ${MIN_QUERY_LENGTH} characters`,
    );
  }
  if (length > MAX_QUERY_LENGTH) {
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
    limit: input.limit,
    offset: input.offset,
  });
}
