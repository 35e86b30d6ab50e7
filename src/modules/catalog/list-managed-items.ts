import { listItemProviders, listItems, listVersions } from './store.ts';
import {
  type CatalogReader,
  type ManagedItemSummary,
  managedVersion,
  organizationName,
  ownerOf,
} from './views.ts';

/** Every item with every version and its workflow dates: the catalog as its compilers see it. */
export async function listManagedItems(reader: Pick<CatalogReader, 'db'>): Promise<ManagedItemSummary[]> {
  const [items, versions, providers] = await Promise.all([
    listItems(reader.db),
    listVersions(reader.db),
    listItemProviders(reader.db),
  ]);
  return items.map((item) => {
    const own = versions.filter((v) => v.itemCode === item.code);
    return {
      code: item.code,
      name: own.at(-1)?.definition.name ?? item.code,
      owner: ownerOf(item),
      levelDivisionCode: item.levelDivisionCode,
      providers: providers.filter((p) => p.itemCode === item.code).map(organizationName),
      versions: own.map(managedVersion),
    };
  });
}
