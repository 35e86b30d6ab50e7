import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import { type CatalogProblem, definitionProblems } from '../../core/catalog/publication-check.ts';
import { type Actor, type Platform, runUseCase, type UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import {
  findItem,
  findOrganizations,
  type ItemRow,
  latestVersion,
  type OrganizationRef,
  type VersionRow,
} from './store.ts';
import { parametersOf } from './views.ts';

/*
 * What every change to the catalog checks before it writes: the item exists, the caller may change it
 * (R12 owners, R11 levels), and the item obeys the city's rules (CatalogRulesError carries every problem,
 * so the person editing sees them all at once).
 */

/** The item breaks the city's catalog rules; each problem names where and why (R7–R9, R13, R14). */
export class CatalogRulesError extends Error {
  constructor(readonly problems: readonly CatalogProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.en}`).join('; '));
    this.name = 'CatalogRulesError';
  }
}

export class CatalogItemNotFoundError extends Error {
  constructor(readonly itemCode: string) {
    super(`the catalog has no item ${itemCode}`);
    this.name = 'CatalogItemNotFoundError';
  }
}

/** The caller may not change this item (R12: not its owner; R11: another level's catalog). */
export class CatalogChangeDeniedError extends Error {
  constructor(
    readonly itemCode: string,
    readonly attempted: string,
    readonly zh: string,
    readonly en: string,
    readonly source: string,
  ) {
    super(en);
    this.name = 'CatalogChangeDeniedError';
  }
}

export async function requireItem(
  ctx: UseCaseContext,
  code: string,
): Promise<{ item: ItemRow; latest: VersionRow }> {
  const item = await findItem(ctx.db, code);
  const latest = item && (await latestVersion(ctx.db, code));
  if (!item || !latest) throw new CatalogItemNotFoundError(code);
  return { item, latest };
}

/**
 * Refuses a change the caller may not make. `metadata`: what the item says and who provides it, which in
 * NT only the owning department edits (R12, 004 第六条). Any change to a county/district catalog is made by
 * that level's own bodies (R11, 004 第八条). The platform's own tasks (setup, seed) act for the city.
 */
export async function assertMayChange(
  ctx: UseCaseContext,
  item: Pick<ItemRow, 'code' | 'ownerOrganizationCode' | 'ownerOrganizationName' | 'levelDivisionCode'>,
  change: { kind: 'metadata' | 'workflow'; attempted: string },
): Promise<void> {
  if (ctx.actor.kind === 'system') return;
  const params = parametersOf(ctx);
  const actorOrganization = ctx.actor.organizationCode;
  const owner = item.ownerOrganizationCode;
  if (change.kind === 'metadata' && owner !== null && actorOrganization !== owner) {
    throw new CatalogChangeDeniedError(
      item.code,
      change.attempted,
      `该目录事项由${item.ownerOrganizationName ?? owner}负责，本单位无权修改`,
      `only the owning department ${owner} may edit this item`,
      params.catalog.ownersBySubjectType.source,
    );
  }
  if (item.levelDivisionCode !== null) {
    const [organization] = actorOrganization ? await findOrganizations(ctx.db, [actorOrganization]) : [];
    if (organization?.divisionCode !== item.levelDivisionCode) {
      throw new CatalogChangeDeniedError(
        item.code,
        change.attempted,
        `该目录事项属于区（县）级目录（行政区划代码 ${item.levelDivisionCode}），只能由该级部门编制和发布`,
        `the item belongs to the catalog of division ${item.levelDivisionCode}; only that level's bodies change it`,
        params.catalog.perLevelCatalogs.source,
      );
    }
  }
}

/**
 * Runs a catalog change as one use case. A refused change writes nothing, but the refusal itself is
 * recorded in a transaction of its own (R12: "the edit is denied and the attempt is logged").
 */
export async function runCatalogChange<T>(
  platform: Platform,
  actor: Actor,
  change: (ctx: UseCaseContext) => Promise<T>,
  requestId: string | null = null,
): Promise<T> {
  try {
    return await runUseCase(platform, actor, change, requestId);
  } catch (error) {
    if (error instanceof CatalogChangeDeniedError) {
      await runUseCase(
        platform,
        actor,
        (ctx) =>
          ctx.audit.record({
            action: 'catalog.change_refused',
            objectType: 'catalog_item',
            objectId: error.itemCode,
            payload: { item: error.itemCode, attempted: error.attempted },
            detail: { attempted: error.attempted, reason: error.en, source: error.source },
          }),
        requestId,
      );
    }
    throw error;
  }
}

/** Every organization a change names must exist; returns them by code. */
export async function requireOrganizations(
  ctx: UseCaseContext,
  field: string,
  codes: readonly string[],
): Promise<Map<string, OrganizationRef>> {
  const found = new Map((await findOrganizations(ctx.db, codes)).map((o) => [o.code, o]));
  const unknown = codes.filter((code) => !found.has(code));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      field,
      `单位不存在：${unknown.join('、')}`,
      `no such organization: ${unknown.join(', ')}`,
    );
  }
  return found;
}

/** A definition may be saved, even as a draft (R8, R11, R14), and the agencies it names exist (R15). */
export async function checkDefinition(ctx: UseCaseContext, definition: CatalogItemDefinition): Promise<void> {
  const problems = definitionProblems(definition, ctx.profile, ctx.clock.today());
  if (problems.length > 0) throw new CatalogRulesError(problems);
  await requireOrganizations(ctx, 'usagePermission', definition.usagePermission ?? []);
}
