import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { assertMayChange, requireItem, requireOrganizations } from './change-rules.ts';
import { listItemProviders, replaceItemProviders } from './store.ts';
import { parametersOf } from './views.ts';

/** A prefecture-level division code (GB/T 2260) ends in 00; a county-level one does not. */
const isCityLevel = (divisionCode: string) => divisionCode.endsWith('00');

/**
 * Sets which providers may submit the item (信息提供单位 / 提供单位, 000 第九条; 003 第八条), as a whole
 * list. Where each level keeps its own catalog (NT, R11), a provider submits to its own level's catalog only.
 */
export async function setCatalogProviders(
  ctx: UseCaseContext,
  input: { code: string; organizationCodes: readonly string[] },
): Promise<{ code: string; added: string[]; removed: string[] }> {
  const { item } = await requireItem(ctx, input.code);
  await assertMayChange(ctx, item, { kind: 'metadata', attempted: 'set_providers' });
  const wanted = [...new Set(input.organizationCodes.map((code) => code.trim()))];
  const organizations = await requireOrganizations(ctx, 'organizationCodes', wanted);
  const perLevel = parametersOf(ctx).catalog.perLevelCatalogs.value;
  for (const organization of organizations.values()) {
    if (!organization.isProvider) {
      throw new InvalidInputError(
        'organizationCodes',
        `${organization.name}不是信息提供单位`,
        `${organization.code} is not an information provider`,
      );
    }
    const ownLevel =
      item.levelDivisionCode === null
        ? isCityLevel(organization.divisionCode)
        : organization.divisionCode === item.levelDivisionCode;
    if (perLevel && !ownLevel) {
      throw new InvalidInputError(
        'organizationCodes',
        `${organization.name}不属于该目录所在层级，应向本级公共信用信息系统报送`,
        `${organization.code} belongs to another level's catalog (004 第六条, 第八条)`,
      );
    }
  }
  const before = (await listItemProviders(ctx.db, [item.code])).map((p) => p.code);
  await replaceItemProviders(ctx.db, item.code, wanted);
  const added = wanted.filter((code) => !before.includes(code));
  const removed = before.filter((code) => !wanted.includes(code));
  await ctx.audit.record({
    action: 'catalog.set_providers',
    objectType: 'catalog_item',
    objectId: item.code,
    payload: { item: item.code, providers: wanted },
    detail: { added, removed },
  });
  return { code: item.code, added, removed };
}
