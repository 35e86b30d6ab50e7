import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { resolveSubject } from './resolve-subject.ts';
import { listIdentityDocumentLinks } from './store.ts';

export interface SubjectLookup {
  subjectCode: string;
  kind: string;
  name: string;
  divisionCode: string;
  /** Set when the code asked for was a linked identity document (R41). */
  viaDocument: { kind: string; number: string } | null;
  documents: Array<{ kind: string; number: string; linkedAt: string; basis: string }>;
}

/**
 * The center looks a subject up by any of its codes: the credit code, or a linked passport or permit
 * (R41, 000 第六条). Reading a person's identifiers is a read of non-public data, so it is audited.
 */
export async function lookUpSubject(ctx: UseCaseContext, input: { code: string }): Promise<SubjectLookup> {
  const resolved = await resolveSubject(ctx.db, { code: input.code, today: ctx.clock.today() });
  if (!resolved)
    throw new InvalidInputError('code', '未找到该代码对应的信用主体', 'no subject has this code');
  const { subject, viaDocument } = resolved;
  const documents = await listIdentityDocumentLinks(ctx.db, subject.subjectCode);
  await ctx.audit.record({
    action: 'subject.look_up',
    objectType: 'subject',
    objectId: subject.subjectCode,
    payload: { code: input.code },
    detail: { viaDocument: viaDocument?.kind ?? null },
  });
  return {
    subjectCode: subject.subjectCode,
    kind: subject.kind,
    name: subject.name,
    divisionCode: subject.divisionCode,
    viaDocument,
    documents: documents.map((d) => ({ ...d, linkedAt: d.linkedAt.toISOString() })),
  };
}
