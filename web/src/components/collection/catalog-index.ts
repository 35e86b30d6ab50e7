/** What the collection pages need to know of the catalog: each item's name and its fields' titles by code. */
export type CatalogIndex = ReadonlyMap<string, { name: string; fieldTitles: ReadonlyMap<string, string> }>;

/** An item as "name（CODE）", or the bare code when the index does not know it. */
export function itemLabel(index: CatalogIndex | undefined, code: string): string {
  const name = index?.get(code)?.name;
  return name ? `${name}（${code}）` : code;
}

/** A field of an item by its Chinese title, or its code when the index does not know it. */
export function fieldLabel(index: CatalogIndex | undefined, item: string, field: string): string {
  return index?.get(item)?.fieldTitles.get(field) ?? field;
}
