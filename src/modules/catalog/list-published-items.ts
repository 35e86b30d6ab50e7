import { listItemProviders, publishedVersions } from './store.ts';
import { type CatalogReader, type PublishedItemSummary, parametersOf, publishedSummary } from './views.ts';

/**
 * The published catalog, as the public reads it (000 第九条 编制、公布). `level`: one level's catalog only —
 * null for the city's, a division code for a county or district's (R11); absent for all.
 */
export async function listPublishedItems(
  reader: CatalogReader,
  filter: { level?: string | null } = {},
): Promise<PublishedItemSummary[]> {
  const versions = await publishedVersions(reader.db, filter.level);
  const providers = await listItemProviders(
    reader.db,
    versions.map((v) => v.itemCode),
  );
  const params = parametersOf(reader);
  return versions.map((version) =>
    publishedSummary(
      params,
      version,
      providers.filter((p) => p.itemCode === version.itemCode),
    ),
  );
}
