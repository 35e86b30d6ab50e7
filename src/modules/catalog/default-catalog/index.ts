import type { CatalogItemDefinition } from '../../../core/catalog/item.ts';
import { profileTakesPeriodFromItem, publicationProblems } from '../../../core/catalog/publication-check.ts';
import { versionInForce } from '../../../core/policy/resolver.ts';
import type { PolicyParameters, PolicyProfile, SubjectType } from '../../../core/policy/types.ts';
import type { LocalDate } from '../../../core/time/local-date.ts';
import type { UseCaseContext } from '../../../platform/context.ts';
import { catalogIsEmpty, insertItem, insertVersion, replaceItemProviders } from '../store.ts';
import { withFinality } from './fields.ts';
import { goodRecordsAndCommitments } from './good-records-and-commitments.ts';
import { licencesAndPenalties } from './licences-and-penalties.ts';
import { listEntries } from './lists.ts';
import { registrations } from './registrations.ts';
import { DEFAULT_RETENTION, type DefaultItemSpec, type Department, type DepartmentSelector } from './spec.ts';
import { unmetObligations } from './unmet-obligations.ts';

/*
 * The catalog a new instance starts with: the national 双公示 formats, registrations, unmet obligations,
 * good records, commitments and the city's lists, each fitted to the city's profile (categories, elements,
 * periods, NT owners) and permitted to the departments whose duty it is.
 */

export type { Department } from './spec.ts';

const ITEM_FILES = [
  licencesAndPenalties,
  registrations,
  unmetObligations,
  goodRecordsAndCommitments,
  listEntries,
];

/**
 * The owner departments of 004 第六条 by function, as they are named since the 2018 reform:
 * 工商 → 市场监督管理局, 信用 → 发展和改革委员会, 民政 → 民政局, 机构编制 → 机构编制委员会办公室.
 */
const OWNER_SUFFIX: Readonly<Record<SubjectType, string>> = {
  enterprise: 'SCJG',
  natural_person: 'FGW',
  social_organization: 'MZJ',
  public_institution: 'BB',
};

export interface DefaultCatalogEntry {
  definition: CatalogItemDefinition;
  /** Organization codes of the departments permitted to submit the item. */
  providers: string[];
  /** NT (R12): the owning department's organization code; null where the city names no owners. */
  owner: string | null;
}

const suffixOf = (code: string) => code.slice(code.indexOf('-') + 1);

function selected(departments: readonly Department[], selector: DepartmentSelector): string[] {
  return departments
    .filter((d) => selector.suffixes?.includes(suffixOf(d.code)) || selector.kinds?.includes(d.kind))
    .map((d) => d.code);
}

function entryFor(spec: DefaultItemSpec, params: PolicyParameters, departments: readonly Department[]) {
  const needsRetention = params.catalog.elements.value.some((element) => element.code === 'RETENTION_PERIOD');
  const definition: CatalogItemDefinition = {
    code: spec.code,
    name: spec.name,
    recordKind: spec.recordKind,
    subjectScope: spec.subjectScope,
    category: spec.category,
    disclosure: spec.disclosure,
    frequency: spec.frequency,
    usagePermission: selected(departments, { suffixes: spec.usage }),
    period: { kind: 'PROFILE_RULE' },
    retentionPeriod: needsRetention ? DEFAULT_RETENTION : null,
    dataSource: spec.dataSource,
    ...(spec.listType === undefined ? {} : { listType: spec.listType }),
    specificBehaviour: false,
    legalBases: spec.legalBases,
    fields: withFinality(spec.fields, params),
    levelDivisionCode: null,
  };
  if (spec.itemPeriod !== undefined && profileTakesPeriodFromItem(definition, params)) {
    definition.period = { kind: 'ITEM_PERIOD', period: spec.itemPeriod };
  }
  const owners = params.catalog.ownersBySubjectType.value;
  const owner =
    owners === null ? null : (selected(departments, { suffixes: [OWNER_SUFFIX[spec.owner]] })[0] ?? null);
  if (owners !== null && owner === null) {
    throw new Error(`the city has no ${owners[spec.owner]} to own catalog item ${spec.code}`);
  }
  return { definition, providers: selected(departments, spec.providers), owner };
}

/** The default catalog of the city whose profile is given, under the version in force on `on`. */
export function defaultCatalog(
  profile: PolicyProfile,
  on: LocalDate,
  departments: readonly Department[],
): DefaultCatalogEntry[] {
  const params = versionInForce(profile, on).version.parameters;
  return ITEM_FILES.flatMap((items) => items(params)).map((spec) => entryFor(spec, params, departments));
}

/**
 * Installs the default catalog, published, on an instance whose catalog is empty (setup and the demo seed);
 * an instance with any item keeps its own. Each item must pass the city's publication check, as any item
 * published by hand does; its consultation and approval are the city's adoption of the catalog, outside it.
 */
export async function installDefaultCatalog(
  ctx: UseCaseContext,
  input: { departments: readonly Department[] },
): Promise<{ installed: string[] }> {
  if (!(await catalogIsEmpty(ctx.db))) return { installed: [] };
  const today = ctx.clock.today();
  const entries = defaultCatalog(ctx.profile, today, input.departments);
  const now = ctx.clock.now();
  for (const { definition, providers, owner } of entries) {
    const problems = publicationProblems({ definition, providers }, ctx.profile, today);
    if (problems.length > 0) {
      throw new Error(
        `default catalog item ${definition.code} does not publish under ${ctx.profile.code}: ${problems.map((p) => p.en).join('; ')}`,
      );
    }
    await insertItem(
      ctx.db,
      { code: definition.code, ownerOrganizationCode: owner, levelDivisionCode: null },
      now,
      ctx.actor.id,
    );
    await insertVersion(
      ctx.db,
      {
        itemCode: definition.code,
        version: 1,
        status: 'PUBLISHED',
        definition,
        publishedOn: today.toString(),
      },
      now,
      ctx.actor.id,
    );
    await replaceItemProviders(ctx.db, definition.code, providers);
  }
  const installed = entries.map((entry) => entry.definition.code);
  await ctx.audit.record({
    action: 'catalog.install_default',
    objectType: 'catalog',
    objectId: ctx.profile.id,
    payload: entries,
    detail: { items: installed.length, codes: installed },
  });
  return { installed };
}
