import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { CollectionChannelName } from '../../platform/db/schema.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { findItemForSubmission } from '../catalog/item-for-submission.ts';
import { findOrganization, type OrganizationRow } from '../organizations/store.ts';
import { insertBatch } from './store.ts';

export interface OpenBatch {
  id: number;
  provider: OrganizationRow;
  item: {
    definition: CatalogItemDefinition;
    version: number;
    published: boolean;
    providerPermitted: boolean;
  };
  channel: CollectionChannelName;
  receivedAt: Date;
}

/**
 * Starts a submission of one provider for one catalog item. An account or API client submits only for its
 * own organization (谁提供、谁负责, 000 第十二条 ¶2); the CLI's operator names the provider it imports for.
 * An item that exists but is not published, or that the provider may not submit, still opens a batch: its
 * rows come back returned with that reason (R10), which is what the provider needs to see.
 */
export async function openBatch(
  ctx: UseCaseContext,
  input: {
    itemCode: string;
    providerCode: string;
    channel: CollectionChannelName;
    fileName: string | null;
    columns: readonly string[];
    resubmits: number | null;
  },
): Promise<OpenBatch> {
  const providerCode = input.providerCode.trim().toUpperCase();
  if (ctx.actor.kind !== 'system' && ctx.actor.organizationCode !== providerCode) {
    throw new InvalidInputError(
      'provider',
      '只能以本单位名义报送信息',
      "records can be submitted only in one's own organization's name",
    );
  }
  const provider = await findOrganization(ctx.db, providerCode);
  if (!provider?.isProvider) {
    throw new InvalidInputError(
      'provider',
      `${providerCode} 不是已登记的信息提供单位`,
      `${providerCode} is not a registered information provider`,
    );
  }
  const itemCode = input.itemCode.trim().toUpperCase();
  const item = await findItemForSubmission(ctx.db, itemCode, provider.code);
  if (!item) {
    throw new InvalidInputError(
      'item',
      `目录中没有信息事项 ${itemCode}`,
      `the catalog has no item ${itemCode}`,
    );
  }
  const receivedAt = ctx.clock.now();
  const id = await insertBatch(ctx.db, {
    itemCode,
    itemVersion: item.version,
    providerCode: provider.code,
    channel: input.channel,
    fileName: input.fileName,
    columns: input.columns,
    submittedBy: ctx.actor.id,
    receivedAt,
    resubmits: input.resubmits,
  });
  await ctx.audit.record({
    action: 'collection.batch_open',
    objectType: 'collection_batch',
    objectId: String(id),
    payload: { item: itemCode, version: item.version, provider: provider.code, file: input.fileName },
    detail: { item: itemCode, provider: provider.code, channel: input.channel },
  });
  return { id, provider, item, channel: input.channel, receivedAt };
}
