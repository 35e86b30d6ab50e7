import type { FieldDefinition } from './item.ts';

/** An optional ordinary text field, changed by `extra`: the tests' way to add one field to an item. */
export function textField(
  code: string,
  title: string,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition {
  return { code, title, type: 'text', required: false, dataClass: 'ORDINARY', ...extra };
}
