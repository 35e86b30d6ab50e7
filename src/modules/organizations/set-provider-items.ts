import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { setCatalogProviders } from '../catalog/set-providers.ts';
import { listItemProviders, listItems } from '../catalog/store.ts';
import { findRegisteredOrganization } from './store.ts';

export interface ProviderItems {
  code: string;
  /** The catalog items the provider may submit now. */
  items: string[];
  added: string[];
  removed: string[];
}

/**
 * Sets which catalog items a provider may submit, as a whole list: each item whose list of providers
 * changes is changed through the catalog's own rule (setCatalogProviders), so a newly registered provider
 * is permitted exactly as any other (000 第九条 信息提供单位; 003 第八条 提供单位), each change is audited by
 * the catalog, and where an item belongs to an owning department only that department may change it (NT
 * 004 第六条; R12).
 */
export async function setProviderItems(
  ctx: UseCaseContext,
  input: { providerCode: string; itemCodes: readonly string[] },
): Promise<ProviderItems> {
  const code = input.providerCode.trim().toUpperCase();
  const provider = await findRegisteredOrganization(ctx.db, { code });
  if (!provider?.isProvider) {
    throw new HttpProblem(404, 'PROVIDER_NOT_FOUND', `没有信息提供单位 ${code} / no provider ${code}`);
  }
  const wanted = [...new Set(input.itemCodes.map((item) => item.trim().toUpperCase()))].sort();
  const known = new Set((await listItems(ctx.db)).map((item) => item.code));
  const unknown = wanted.filter((item) => !known.has(item));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      'itemCodes',
      `目录中没有信息事项：${unknown.join('、')}`,
      `the catalog has no item ${unknown.join(', ')}`,
    );
  }
  const permitted = await listItemProviders(ctx.db);
  const current = permitted.filter((p) => p.code === code).map((p) => p.itemCode);
  const added = wanted.filter((item) => !current.includes(item));
  const removed = current.filter((item) => !wanted.includes(item));
  for (const item of [...added, ...removed]) {
    const providers = permitted.filter((p) => p.itemCode === item).map((p) => p.code);
    await setCatalogProviders(ctx, {
      code: item,
      organizationCodes: added.includes(item) ? [...providers, code] : providers.filter((p) => p !== code),
    });
  }
  return { code, items: wanted, added, removed };
}
