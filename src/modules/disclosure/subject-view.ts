import type { PolicyProfile } from '../../core/policy/types.ts';
import { maskIdNumber, maskPersonName } from '../../core/privacy/masking.ts';
import type { Viewer } from '../../core/visibility/decide-visibility.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { ReadContext } from '../../platform/context.ts';
import type { ReportSection } from '../reports/document.ts';
import { NATURAL_PERSON_KIND } from '../subjects/kinds.ts';
import { resolveSubject } from '../subjects/resolve-subject.ts';
import type { SubjectRow } from '../subjects/store.ts';
import { discloseSubject, type SectionPage } from './disclose-subject.ts';
import type { Entitlement } from './present-record.ts';

export interface SubjectHeader {
  code: string;
  name: string;
  kind: string;
  naturalPerson: boolean;
}

/** What every query channel answers: the subject, the day, and the records the viewer may see by category. */
/** A category's records on a screen, with how many the viewer may see in all (a page may hold fewer). */
export interface SubjectSection extends ReportSection {
  total: number;
}

export interface SubjectView {
  subject: SubjectHeader;
  today: string;
  sections: SubjectSection[];
  /** `subject/record@version` of the records shown, as the query log keeps them. */
  returned: string[];
}

/** A natural person's name and ID number are masked for anyone not entitled to them (DESIGN house rules). */
export function presentSubject(
  subject: Pick<SubjectRow, 'subjectCode' | 'name' | 'kind'>,
  entitlement: Entitlement,
): SubjectHeader {
  const naturalPerson = subject.kind === NATURAL_PERSON_KIND;
  const masked = entitlement === 'masked' && naturalPerson;
  return {
    code: masked ? maskIdNumber(subject.subjectCode) : subject.subjectCode,
    name: masked ? maskPersonName(subject.name) : subject.name,
    kind: subject.kind,
    naturalPerson,
  };
}

/** The subject a code names (its credit code or a linked document, R41), or 404. */
export async function subjectNamed(
  ctx: Pick<ReadContext, 'db' | 'clock'>,
  code: string,
): Promise<SubjectRow> {
  const resolved = await resolveSubject(ctx.db, { code, today: ctx.clock.today() });
  if (!resolved) throw new HttpProblem(404, 'SUBJECT_NOT_FOUND', '未找到该信用主体 / no such credit subject');
  return resolved.subject;
}

/** The subject as `viewer` sees it today. */
export async function viewSubject(
  ctx: Pick<ReadContext, 'db' | 'clock'> & { profile: PolicyProfile },
  input: {
    subject: SubjectRow;
    viewer: Viewer;
    entitlement: Entitlement;
    items?: ReadonlySet<string>;
    page?: SectionPage;
  },
): Promise<SubjectView> {
  const today = ctx.clock.today();
  const disclosure = await discloseSubject(ctx, { ...input, profile: ctx.profile, today });
  return {
    subject: presentSubject(input.subject, input.entitlement),
    today: today.toString(),
    sections: disclosure.sections.map((section) => ({
      ...section,
      total: disclosure.totals.get(section.category) ?? 0,
    })),
    returned: disclosure.returned,
  };
}
