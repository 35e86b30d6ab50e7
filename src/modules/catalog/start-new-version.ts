import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { assertMayChange, requireItem } from './change-rules.ts';
import { insertVersion } from './store.ts';

/**
 * Adjusts a published item (000 第九条 适时调整): a new draft version starts as a copy of the published one,
 * which keeps accepting records until the new version is published in its place.
 */
export async function startCatalogVersion(
  ctx: UseCaseContext,
  input: { code: string },
): Promise<{ code: string; version: number }> {
  const { item, latest } = await requireItem(ctx, input.code);
  await assertMayChange(ctx, item, { kind: 'metadata', attempted: 'new_version' });
  if (latest.status !== 'PUBLISHED') {
    throw new InvalidInputError(
      'status',
      `最新版本（第${latest.version}版）尚未发布，请继续编辑或办理该版本`,
      `the latest version ${latest.version} is ${latest.status}, not published`,
    );
  }
  const version = latest.version + 1;
  await insertVersion(
    ctx.db,
    { itemCode: item.code, version, status: 'DRAFT', definition: latest.definition, publishedOn: null },
    ctx.clock.now(),
    ctx.actor.id,
  );
  await ctx.audit.record({
    action: 'catalog.new_version',
    objectType: 'catalog_item',
    objectId: item.code,
    payload: { item: item.code, version, from: latest.version },
    detail: { version, from: latest.version },
  });
  return { code: item.code, version };
}
