import type { Kysely, Transaction } from 'kysely';
import { checkCode } from '../../core/identity/check-code.ts';
import type { LocalDate } from '../../core/time/local-date.ts';
import type { Database } from '../../platform/db/schema.ts';
import { findLinkedSubjectCode, findSubject, type SubjectRow } from './store.ts';

export interface ResolvedSubject {
  subject: SubjectRow;
  /** The code as given when it was a linked identity document rather than the credit code itself (R41). */
  viaDocument: { kind: string; number: string } | null;
}

/**
 * Finds the subject a code names: its credit code (USCC or resident ID number, in canonical form), or, in
 * Xiamen, another identity document linked to a person's credit code (R41, 000 第六条). Unknown → null.
 */
export async function resolveSubject(
  db: Kysely<Database> | Transaction<Database>,
  input: { code: string; today: LocalDate },
): Promise<ResolvedSubject | null> {
  const check = checkCode(input.code, { today: input.today });
  const direct = await findSubject(db, check.normalized);
  if (direct) return { subject: direct, viaDocument: null };
  if (check.kind === 'uscc' || check.kind === 'resident_id' || check.kind === 'unknown') return null;
  const document = { kind: check.kind, number: check.normalized };
  const linked = await findLinkedSubjectCode(db, document);
  const subject = linked ? await findSubject(db, linked) : undefined;
  return subject ? { subject, viaDocument: document } : null;
}
