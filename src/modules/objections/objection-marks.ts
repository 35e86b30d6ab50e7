import { suspendedByLateVerification } from '../../core/objections/rules.ts';
import type { PolicyParameters } from '../../core/policy/types.ts';
import { type LocalDate, localDateAt, parseLocalDate } from '../../core/time/local-date.ts';
import type { ReadContext } from '../../platform/context.ts';
import { findObjectionFacts } from './store.ts';

/** What an objection does to a record on a day, for Tables F-1/F-2. */
export interface ObjectionMarks {
  objectionOpen: boolean;
  disputePersists: boolean;
  /**
   * The provider's verification is late in an open case: the record is SUSPENDED_OBJECTION from 00:00 of the
   * day after its due date (R68, R126, R129), whether or not the daily job has stored that state yet.
   */
  suspended: boolean;
}

export const NO_OBJECTION: ObjectionMarks = {
  objectionOpen: false,
  disputePersists: false,
  suspended: false,
};

/**
 * The objection marks of a batch of records, in one query (R67, R126, R129, R130), keyed `subject/record`;
 * records without any are absent.
 */
export async function objectionMarksOf(
  ctx: Pick<ReadContext, 'db'>,
  records: ReadonlyArray<{ subjectCode: string; recordId: number }>,
  params: PolicyParameters,
  today: LocalDate,
): Promise<Map<string, ObjectionMarks>> {
  const facts = await findObjectionFacts(ctx.db, records);
  const marks = new Map<string, ObjectionMarks>();
  for (const [key, fact] of facts) {
    const { verification } = fact;
    const suspended =
      verification !== null &&
      suspendedByLateVerification(
        params.disclosure,
        {
          dueOn: parseLocalDate(verification.dueOn),
          answeredOn: verification.answeredAt === null ? null : localDateAt(verification.answeredAt),
        },
        today,
      );
    marks.set(key, { objectionOpen: fact.objectionOpen, disputePersists: fact.disputePersists, suspended });
  }
  return marks;
}
