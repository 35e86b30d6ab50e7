import { api, type CatalogField, type SubmittableItem } from '../../api.ts';
import { useRemote } from '../../use-remote.ts';
import type { CatalogIndex } from './catalog-index.ts';

const titles = (fields: readonly CatalogField[]) => new Map(fields.map((f) => [f.code, f.title]));

/** The provider's own items with their fields' titles. */
export function indexOfSubmittable(items: readonly SubmittableItem[]): CatalogIndex {
  return new Map(
    items.map((item) => [
      item.code,
      { name: item.definition.name, fieldTitles: titles(item.definition.fields) },
    ]),
  );
}

const loaders = {
  mine: async (signal: AbortSignal) => indexOfSubmittable(await api.submittableItems(signal)),
  /** The published catalog: names only, which is what a list of every provider's batches needs. */
  public: async (signal: AbortSignal): Promise<CatalogIndex> =>
    new Map(
      (await api.catalog(signal)).map((item) => [item.code, { name: item.name, fieldTitles: new Map() }]),
    ),
};

/**
 * Item names (and field titles) for pages that show item codes. Undefined while loading or when the catalog
 * cannot be read: the pages then show the codes, which are still right.
 */
export function useCatalogIndex(source: keyof typeof loaders): CatalogIndex | undefined {
  const remote = useRemote(loaders[source]);
  return remote.state === 'ok' ? remote.data : undefined;
}
