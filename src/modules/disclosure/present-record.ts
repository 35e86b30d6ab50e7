import type { CatalogItemDefinition, FieldDefinition } from '../../core/catalog/item.ts';
import { maskIdNumber, maskPersonName } from '../../core/privacy/masking.ts';
import { RECORD_MARKER_NAMES, type RecordMarker } from '../../core/visibility/record-states.ts';
import type { ReportField, ReportRecord } from '../reports/document.ts';
import type { DisclosableRecord } from './store.ts';

/**
 * Whether the viewer is entitled to a record's personal data in full: the subject itself, the center's archive
 * and the record's provider, and a government user acting on a declared duty. Everyone else reads masked
 * identifiers and never a consent-gated field (DESIGN house rules; 000 第十四条).
 */
export type Entitlement = 'full' | 'masked';

const DOCUMENT_NUMBER_ROLES = new Set(['subjectDocumentNumber', 'legalRepresentativeDocumentNumber']);

function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = String(value).trim();
  return text === '' ? null : text;
}

function presentField(
  field: FieldDefinition,
  value: string,
  entitlement: Entitlement,
  naturalPerson: boolean,
): ReportField | null {
  if (entitlement === 'full') return { label: field.title, value };
  // Consent-gated classes (000 第十四条; 003 第十六条) reach no one but the subject and those who hold it.
  if (field.dataClass !== 'IDENTITY' && field.dataClass !== 'ORDINARY') return null;
  if (field.role && DOCUMENT_NUMBER_ROLES.has(field.role))
    return { label: field.title, value: maskIdNumber(value) };
  if (naturalPerson && field.role === 'subjectName')
    return { label: field.title, value: maskPersonName(value) };
  return { label: field.title, value };
}

/** A record's reference as a viewer reads it: a natural person's ID number only where it is entitled to it. */
export function recordReference(
  subjectCode: string,
  recordId: number,
  view: { entitlement: Entitlement; naturalPerson: boolean },
): string {
  return `${view.entitlement === 'full' || !view.naturalPerson ? subjectCode : maskIdNumber(subjectCode)}/${recordId}`;
}

/** One record as every channel shows it: the item's fields in catalog order, masked for the viewer, with markers. */
export function presentRecord(
  record: DisclosableRecord,
  item: CatalogItemDefinition | undefined,
  markers: readonly RecordMarker[],
  view: { entitlement: Entitlement; naturalPerson: boolean },
): ReportRecord {
  const fields: ReportField[] = [];
  for (const field of item?.fields ?? []) {
    const value = displayValue(record.content[field.code]);
    if (value === null) continue;
    const shown = presentField(field, value, view.entitlement, view.naturalPerson);
    if (shown) fields.push(shown);
  }
  return {
    // A natural person's ID number is not shown to a viewer entitled only to its mask, not even in a reference.
    reference: recordReference(record.subjectCode, record.recordId, view),
    itemName: item?.name ?? record.itemCode,
    providerName: record.providerName,
    recordStart: record.recordStart,
    disclosureLastDay: record.disclosureLastDay,
    fields,
    markers: markers.map((marker) => RECORD_MARKER_NAMES[marker]),
  };
}
