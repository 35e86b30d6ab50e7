import { findItem, findOrganizations, listItemProviders, publishedVersion } from './store.ts';
import { type CatalogReader, ownerOf, type PublishedItem, parametersOf, publishedSummary } from './views.ts';

/** One published item with its whole data format and usage permission (R15); null when none is published. */
export async function readPublishedItem(reader: CatalogReader, code: string): Promise<PublishedItem | null> {
  const item = await findItem(reader.db, code);
  const version = item && (await publishedVersion(reader.db, code));
  if (!item || !version) return null;
  const providers = await listItemProviders(reader.db, [code]);
  const usage = version.definition.usagePermission;
  const agencies = new Map((await findOrganizations(reader.db, usage ?? [])).map((o) => [o.code, o.name]));
  return {
    ...publishedSummary(parametersOf(reader), version, providers),
    owner: ownerOf(item),
    usagePermission:
      usage === null ? null : usage.map((agency) => ({ code: agency, name: agencies.get(agency) ?? agency })),
    definition: version.definition,
  };
}
