import type { Kysely, Transaction } from 'kysely';
import type { CatalogItemDefinition, DisclosureAttribute } from '../../core/catalog/item.ts';
import { CATALOG_STATUS_ZH, CATEGORY_ZH } from '../../core/catalog/names.ts';
import type { CatalogProblem } from '../../core/catalog/publication-check.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type {
  CatalogWorkflowStep,
  CategoryCode,
  PolicyParameters,
  PolicyProfile,
} from '../../core/policy/types.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ItemRow, OrganizationRef, VersionRow } from './store.ts';

/*
 * What the catalog's readers see: the public a published item in the city's own words (its category and
 * disclosure attribute as the city names them), the center every version with its workflow dates.
 */

/** What a read needs; a Platform and a UseCaseContext both are one. */
export interface CatalogReader {
  db: Kysely<Database> | Transaction<Database>;
  profile: PolicyProfile;
  clock: Clock;
}

export interface OrganizationName {
  code: string;
  name: string;
}

export interface PublishedItemSummary {
  code: string;
  name: string;
  version: number;
  publishedOn: string | null;
  category: CategoryCode | null;
  /** The city's own name: 守信信息 (XM), 良好信息 (WH), 正面信息 (NT). */
  categoryName: string | null;
  disclosure: DisclosureAttribute | null;
  /** 社会公开 / 公开公示 / … as the city names it. */
  disclosureName: string | null;
  recordKind: CatalogItemDefinition['recordKind'];
  subjectScope: CatalogItemDefinition['subjectScope'];
  frequency: string | null;
  levelDivisionCode: string | null;
  providers: OrganizationName[];
}

export interface PublishedItem extends PublishedItemSummary {
  owner: OrganizationName | null;
  /** R15: the agencies that may retrieve the item's government-shared records, by name. */
  usagePermission: OrganizationName[] | null;
  definition: CatalogItemDefinition;
}

/** A version as the center lists it: its status in Chinese and its workflow dates. */
export type ManagedVersion = Omit<VersionRow, 'itemCode' | 'definition'> & {
  statusName: string;
  name: string;
};

export interface ManagedItemSummary {
  code: string;
  /** The latest version's name. */
  name: string;
  owner: OrganizationName | null;
  levelDivisionCode: string | null;
  providers: OrganizationName[];
  versions: ManagedVersion[];
}

export interface ManagedItem extends ManagedItemSummary {
  versions: Array<ManagedVersion & { definition: CatalogItemDefinition }>;
  /** The latest version while it is not yet published: its next step and what blocks it. */
  pending: { version: number; nextStep: CatalogWorkflowStep | null; problems: CatalogProblem[] } | null;
}

/** The parameters of the profile version in force today: the catalog is judged by the rules of its day (R3). */
export function parametersOf(reader: Pick<CatalogReader, 'profile' | 'clock'>): PolicyParameters {
  return versionInForce(reader.profile, reader.clock.today()).version.parameters;
}

export function organizationName(o: OrganizationRef): OrganizationName {
  return { code: o.code, name: o.name };
}

export function ownerOf(item: ItemRow): OrganizationName | null {
  return item.ownerOrganizationCode === null
    ? null
    : { code: item.ownerOrganizationCode, name: item.ownerOrganizationName ?? item.ownerOrganizationCode };
}

export function publishedSummary(
  params: PolicyParameters,
  version: VersionRow,
  providers: readonly OrganizationRef[],
): PublishedItemSummary {
  const { definition } = version;
  const category = definition.category;
  const cityCategory = params.catalog.categories.value.find((c) => c.code === category);
  return {
    code: version.itemCode,
    name: definition.name,
    version: version.version,
    publishedOn: version.publishedOn,
    category,
    categoryName: category === null ? null : (cityCategory?.names[0] ?? CATEGORY_ZH[category]),
    disclosure: definition.disclosure,
    disclosureName:
      definition.disclosure === null ? null : params.disclosure.attributeNames.value[definition.disclosure],
    recordKind: definition.recordKind,
    subjectScope: definition.subjectScope,
    frequency: definition.frequency,
    levelDivisionCode: definition.levelDivisionCode,
    providers: providers.map(organizationName),
  };
}

export function managedVersion(version: VersionRow): ManagedVersion {
  const { itemCode: _item, definition, ...dates } = version;
  return { ...dates, statusName: CATALOG_STATUS_ZH[version.status], name: definition.name };
}
