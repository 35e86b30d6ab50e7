import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { assertMayChange, checkDefinition, requireOrganizations } from './change-rules.ts';
import { findItem, insertItem, insertVersion } from './store.ts';
import { parametersOf } from './views.ts';

export interface CreateItemInput {
  definition: CatalogItemDefinition;
  /**
   * NT (R12, 004 第六条): the department that owns the item — the market-regulation department for
   * enterprises, the credit department for natural persons, civil affairs for social organizations, the
   * establishment office for public institutions. Required where the city names owners, refused elsewhere.
   */
  ownerOrganizationCode: string | null;
}

/**
 * Starts a catalog item as version 1, a draft. A draft may leave elements open, but never asks for data
 * the city forbids (R14) or a category the city does not have (R8). In NT the owning department creates
 * its own items (R12), and a county or district item is created by that level (R11).
 */
export async function createCatalogItem(
  ctx: UseCaseContext,
  input: CreateItemInput,
): Promise<{ code: string }> {
  const { definition } = input;
  await checkDefinition(ctx, definition);
  if (await findItem(ctx.db, definition.code)) {
    throw new InvalidInputError(
      'code',
      `信息事项代码 ${definition.code} 已存在`,
      `item ${definition.code} exists`,
    );
  }
  const owner = await resolveOwner(ctx, input);
  const item = {
    code: definition.code,
    ownerOrganizationCode: owner?.code ?? null,
    ownerOrganizationName: owner?.name ?? null,
    levelDivisionCode: definition.levelDivisionCode,
  };
  await assertMayChange(ctx, item, { kind: 'metadata', attempted: 'create' });
  const now = ctx.clock.now();
  await insertItem(ctx.db, item, now, ctx.actor.id);
  await insertVersion(
    ctx.db,
    { itemCode: item.code, version: 1, status: 'DRAFT', definition, publishedOn: null },
    now,
    ctx.actor.id,
  );
  await ctx.audit.record({
    action: 'catalog.create',
    objectType: 'catalog_item',
    objectId: item.code,
    payload: { definition, owner: item.ownerOrganizationCode },
    detail: { version: 1, owner: item.ownerOrganizationCode, level: item.levelDivisionCode },
  });
  return { code: item.code };
}

async function resolveOwner(
  ctx: UseCaseContext,
  input: CreateItemInput,
): Promise<{ code: string; name: string } | null> {
  const { ownersBySubjectType } = parametersOf(ctx).catalog;
  const code = input.ownerOrganizationCode?.trim() || null;
  if (ownersBySubjectType.value === null) {
    if (code === null) return null;
    throw new InvalidInputError(
      'ownerOrganizationCode',
      '本市目录不按主体类型由部门分别负责，无需指定负责部门',
      'this city names no owning departments',
    );
  }
  if (code === null) {
    const owners = Object.values(ownersBySubjectType.value).join('、');
    throw new InvalidInputError(
      'ownerOrganizationCode',
      `须指定负责该目录事项的部门（${owners}）`,
      `name the owning department (${ownersBySubjectType.source})`,
    );
  }
  const owner = (await requireOrganizations(ctx, 'ownerOrganizationCode', [code])).get(code);
  const level = input.definition.levelDivisionCode;
  if (owner && level !== null && owner.divisionCode !== level) {
    throw new InvalidInputError(
      'ownerOrganizationCode',
      '区（县）级目录事项的负责部门须为该级部门',
      'a county or district item is owned by a department of that level',
    );
  }
  return owner ?? null;
}
