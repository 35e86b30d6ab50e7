import { publicationProblems } from '../../core/catalog/publication-check.ts';
import { decideTransition, type WorkflowDates, type WorkflowRequest } from '../../core/catalog/workflow.ts';
import { type LocalDate, parseLocalDate } from '../../core/time/local-date.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { assertMayChange, CatalogRulesError, requireItem } from './change-rules.ts';
import { listItemProviders, stepVersion, type VersionRow } from './store.ts';
import { parametersOf } from './views.ts';

const date = (text: string | null): LocalDate | null => (text === null ? null : parseLocalDate(text));
const text = (day: LocalDate | null): string | null => (day === null ? null : day.toString());

function datesOf(version: VersionRow): WorkflowDates {
  return {
    consultationOpenedOn: date(version.consultationOpenedOn),
    consultationClosesOn: date(version.consultationClosesOn),
    approvedOn: date(version.approvedOn),
    publishedOn: date(version.publishedOn),
  };
}

/**
 * Takes the item's latest version one step along the city's workflow (R10): open the public consultation
 * until a closing date, record the municipal government's approval, publish. Every step checks the item
 * as it would be published (R7–R9, R13, R14): nothing goes out for consultation that could not be
 * published. Publishing retires the version published before; records already accepted keep the version
 * they were judged by.
 */
export async function advanceCatalogWorkflow(
  ctx: UseCaseContext,
  input: { code: string; request: WorkflowRequest; reference: string | null },
): Promise<{ code: string; version: number; status: string }> {
  const { item, latest } = await requireItem(ctx, input.code);
  await assertMayChange(ctx, item, { kind: 'workflow', attempted: input.request.to });
  const today = ctx.clock.today();
  const decision = decideTransition(
    parametersOf(ctx).catalog.workflow,
    { status: latest.status, dates: datesOf(latest) },
    input.request,
    today,
  );
  if (!decision.ok) {
    throw new InvalidInputError(
      'to',
      decision.refusal.zh,
      `${decision.refusal.en} (${decision.refusal.source})`,
    );
  }
  const providers = await listItemProviders(ctx.db, [item.code]);
  const problems = publicationProblems(
    { definition: latest.definition, providers: providers.map((p) => p.code) },
    ctx.profile,
    today,
  );
  if (problems.length > 0) throw new CatalogRulesError(problems);
  const { dates } = decision;
  await stepVersion(
    ctx.db,
    latest,
    {
      status: decision.status,
      consultationOpenedOn: text(dates.consultationOpenedOn),
      consultationClosesOn: text(dates.consultationClosesOn),
      approvedOn: text(dates.approvedOn),
      publishedOn: text(dates.publishedOn),
    },
    ctx.clock.now(),
    ctx.actor.id,
  );
  await ctx.audit.record({
    action: 'catalog.transition',
    objectType: 'catalog_item',
    objectId: item.code,
    payload: { item: item.code, version: latest.version, to: decision.status, reference: input.reference },
    detail: { version: latest.version, from: latest.status, to: decision.status, reference: input.reference },
  });
  return { code: item.code, version: latest.version, status: decision.status };
}
