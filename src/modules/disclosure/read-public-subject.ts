import { versionInForce } from '../../core/policy/resolver.ts';
import type { ReadContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import type { SectionPage } from './disclose-subject.ts';
import { type SubjectView, subjectNamed, viewSubject } from './subject-view.ts';

/** Records per category on the portal's first look; 显示更多 asks for the next ones. */
export const PUBLIC_PAGE_SIZE = 50;

/**
 * A subject's page on the public portal: only its ACTIVE 社会公开 records, no login (000 第十七条; R62), a natural
 * person's identifiers masked, and in Weihai no natural person's record at all (003 第二十条 ¶3; R64). Public data
 * needs no query-log entry. Each category shows a page of its records and says how many there are.
 */
export async function readPublicSubject(
  ctx: ReadContext,
  input: { code: string; page?: Partial<SectionPage> },
): Promise<SubjectView> {
  const category = input.page?.category;
  if (category !== undefined) {
    const { categories } = versionInForce(ctx.profile, ctx.clock.today()).version.parameters.catalog;
    if (!categories.value.some((known) => known.code === category)) {
      throw new InvalidInputError('category', `没有信息类别 ${category}`, `no category ${category}`);
    }
  }
  const subject = await subjectNamed(ctx, input.code);
  return viewSubject(ctx, {
    subject,
    viewer: { kind: 'PUBLIC' },
    entitlement: 'masked',
    page: { ...input.page, limit: input.page?.limit ?? PUBLIC_PAGE_SIZE },
  });
}
