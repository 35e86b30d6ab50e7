/**
 * A profile value together with the provision it comes from. Every leaf of a policy profile is one, so a
 * value cannot be written without saying where it comes from, and `profile.x.y.value` still reads plainly.
 */
export interface Cited<T> {
  readonly value: T;
  /**
   * The article the value comes from ("000 第十条(二)(1)"), or, where the regulation is silent, the spec item
   * whose reading the value implements ("SILENT (003); A-19").
   */
  readonly source: string;
  /** Why the value needs care: a reading still to be confirmed, a figure not yet checked against a final text. */
  readonly note?: string;
}

export function cite<T>(value: T, source: string, note?: string): Cited<T> {
  return note === undefined ? { value, source } : { value, source, note };
}

/** True for a `Cited` leaf (an object with exactly `value`, `source` and perhaps `note`). */
export function isCited(candidate: unknown): candidate is Cited<unknown> {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return false;
  const keys = Object.keys(candidate);
  return (
    'value' in candidate &&
    'source' in candidate &&
    keys.every((key) => key === 'value' || key === 'source' || key === 'note')
  );
}

/** Where a leaf sits in a parameter tree, e.g. "periods.dishonestGeneral", with its citation. */
export interface CitedLeaf {
  path: string;
  leaf: Cited<unknown>;
}

/**
 * Every `Cited` leaf of a parameter tree, and every path that holds something that is neither a leaf nor a
 * group of leaves (a value someone forgot to cite).
 */
export function citedLeaves(tree: object, prefix = ''): { leaves: CitedLeaf[]; uncited: string[] } {
  const leaves: CitedLeaf[] = [];
  const uncited: string[] = [];
  for (const [key, child] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isCited(child)) leaves.push({ path, leaf: child });
    else if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
      const nested = citedLeaves(child, path);
      leaves.push(...nested.leaves);
      uncited.push(...nested.uncited);
    } else uncited.push(path);
  }
  return { leaves, uncited };
}
