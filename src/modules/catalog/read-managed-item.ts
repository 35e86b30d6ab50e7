import { publicationProblems } from '../../core/catalog/publication-check.ts';
import { nextStep } from '../../core/catalog/workflow.ts';
import { findItem, listItemProviders, listVersions } from './store.ts';
import {
  type CatalogReader,
  type ManagedItem,
  managedVersion,
  organizationName,
  ownerOf,
  parametersOf,
} from './views.ts';

/**
 * One item with every version's definition and, while its latest version is not yet published, the next
 * workflow step and everything that would block it today (R7–R9, R13, R14), so nobody has to guess.
 */
export async function readManagedItem(reader: CatalogReader, code: string): Promise<ManagedItem | null> {
  const item = await findItem(reader.db, code);
  if (!item) return null;
  const [versions, providers] = await Promise.all([
    listVersions(reader.db, [code]),
    listItemProviders(reader.db, [code]),
  ]);
  const latest = versions.at(-1);
  if (!latest) return null;
  const unpublished = latest.status !== 'PUBLISHED' && latest.status !== 'RETIRED';
  const today = reader.clock.today();
  return {
    code: item.code,
    name: latest.definition.name,
    owner: ownerOf(item),
    levelDivisionCode: item.levelDivisionCode,
    providers: providers.map(organizationName),
    versions: versions.map((v) => ({ ...managedVersion(v), definition: v.definition })),
    pending: unpublished
      ? {
          version: latest.version,
          nextStep: nextStep(parametersOf(reader).catalog.workflow.value, latest.status),
          problems: publicationProblems(
            { definition: latest.definition, providers: providers.map((p) => p.code) },
            reader.profile,
            today,
          ),
        }
      : null,
  };
}
