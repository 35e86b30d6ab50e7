import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { assertMayChange, checkDefinition, requireItem } from './change-rules.ts';
import { updateDraftDefinition } from './store.ts';

/** Everything an edit may change: the code and the level belong to the item, not to a version. */
export type DraftContent = Omit<CatalogItemDefinition, 'code' | 'levelDivisionCode'>;

/**
 * Replaces what the item's draft version says. Only a draft can change: a version out for consultation,
 * approved or published stays as it was consulted on; a change to it is a new version (000 第九条 适时调整).
 */
export async function editCatalogDraft(
  ctx: UseCaseContext,
  input: { code: string; content: DraftContent },
): Promise<{ code: string; version: number }> {
  const { item, latest } = await requireItem(ctx, input.code);
  await assertMayChange(ctx, item, { kind: 'metadata', attempted: 'edit_draft' });
  if (latest.status !== 'DRAFT') {
    throw new InvalidInputError(
      'status',
      '只能修改草稿；已征求意见、已批准或已发布的版本不能修改，请另起新版本',
      `version ${latest.version} is ${latest.status}; only a draft can be edited`,
    );
  }
  const definition: CatalogItemDefinition = {
    ...input.content,
    code: item.code,
    levelDivisionCode: item.levelDivisionCode,
  };
  await checkDefinition(ctx, definition);
  await updateDraftDefinition(ctx.db, latest, definition, ctx.clock.now(), ctx.actor.id);
  await ctx.audit.record({
    action: 'catalog.edit_draft',
    objectType: 'catalog_item',
    objectId: item.code,
    payload: definition,
    detail: { version: latest.version },
  });
  return { code: item.code, version: latest.version };
}
