import type { ReadContext } from '../../platform/context.ts';
import { type SubjectView, subjectNamed, viewSubject } from './subject-view.ts';

/**
 * A subject's page on the public portal: only its ACTIVE 社会公开 records, no login (000 第十七条; R62), a natural
 * person's identifiers masked, and in Weihai no natural person's record at all (003 第二十条 ¶3; R64). Public data
 * needs no query-log entry.
 */
export async function readPublicSubject(ctx: ReadContext, input: { code: string }): Promise<SubjectView> {
  const subject = await subjectNamed(ctx, input.code);
  return viewSubject(ctx, { subject, viewer: { kind: 'PUBLIC' }, entitlement: 'masked' });
}
