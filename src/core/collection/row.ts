import { Temporal } from 'temporal-polyfill';
import type { CatalogItemDefinition, FieldDefinition } from '../catalog/item.ts';
import { FINANCIAL_DATA_CLASSES } from '../policy/profiles/common.ts';
import type { DataClass } from '../policy/types.ts';
import type { LocalDate } from '../time/local-date.ts';
import {
  type CellValue,
  filledCell,
  readBoolean,
  readDate,
  readEnum,
  readNumber,
  readText,
} from './cell-values.ts';
import { FACT_ROLES, type RecordFacts } from './facts.ts';
import type { HeaderMapping } from './headers.ts';
import type { ReturnReason, RowDataClasses, RowReturn } from './validation.ts';

export type { CellValue } from './cell-values.ts';

/*
 * One provider row read against its catalog item: the normalized content that is stored, the facts the
 * collection rules read, the personal data it carries, and what is wrong with its form (R20). The API, the
 * upload and `gongxin import` all come through `parseRow`, so a record is stored and returned alike (R16).
 */

export type ContentValue = string | number | boolean | null;

export interface ParsedRow {
  /**
   * Every field of the item by code, normalized; never a forbidden value (R21). A consent-gated field's value
   * is here, and is stored only when the rules accept the row (consent, a lawful basis, or no natural person:
   * R22, R23).
   */
  content: Record<string, ContentValue>;
  facts: RecordFacts;
  dataClasses: RowDataClasses;
  /** Form errors, one per field at most. */
  returns: RowReturn[];
}

/**
 * The financial classes need consent or a lawful basis (000 第十六条 ¶2; 003 第十五条 ¶1, ¶2); every other
 * personal-data class is forbidden (000 第十六条 ¶1; 003 第十五条 ¶3; 004 第十四条). Whether a row is returned
 * for what it carries is the rules' decision, per profile and subject; parsing only sorts it.
 */
const CONSENT_GATED: ReadonlySet<DataClass> = new Set(FINANCIAL_DATA_CLASSES);

function storable(field: FieldDefinition): boolean {
  return (
    field.dataClass === 'IDENTITY' || field.dataClass === 'ORDINARY' || CONSENT_GATED.has(field.dataClass)
  );
}

export function parseRow(
  cells: readonly CellValue[],
  mapping: HeaderMapping,
  item: CatalogItemDefinition,
): ParsedRow {
  const forbidden: Array<{ dataClass: DataClass; column: string }> = [];
  const consentGated: Array<{ dataClass: DataClass; column: string }> = [];
  const cellsByField = new Map<string, CellValue>();
  for (const column of mapping.columns) {
    const cell = cells[column.index] ?? null;
    if (column.dataClass && filledCell(cell) !== null) {
      const carried = { dataClass: column.dataClass, column: column.header };
      (CONSENT_GATED.has(column.dataClass) ? consentGated : forbidden).push(carried);
    }
    if (column.field) cellsByField.set(column.field.code, cell);
  }

  const content: Record<string, ContentValue> = {};
  const facts: RecordFacts = {};
  const returns: RowReturn[] = [];
  for (const field of item.fields) {
    const cell = filledCell(cellsByField.get(field.code));
    if (cell === null) {
      if (field.required) returns.push(missing(field, cellsByField.has(field.code)));
      if (storable(field)) content[field.code] = null;
      continue;
    }
    // R21: a forbidden field's value is neither stored, nor read, nor quoted; the rules see its class.
    if (!storable(field)) continue;
    const read = readField(field, cell);
    if ('problem' in read) {
      returns.push(read.problem);
      content[field.code] = null;
      continue;
    }
    content[field.code] = read.value instanceof Temporal.PlainDate ? read.value.toString() : read.value;
    if (field.role) setFact(facts, item, field, read.value);
  }
  return { content, facts, dataClasses: { forbidden, consentGated }, returns };
}

/** An API row (`{ "CF_WSH": "…", "处罚决定日期": "2024-03-15" }`) as headers and cells, for mapHeaders/parseRow. */
export function rowFromObject(record: Readonly<Record<string, unknown>>): {
  headers: string[];
  cells: CellValue[];
} {
  const headers = Object.keys(record);
  return { headers, cells: headers.map((key) => cellOf(record[key])) };
}

function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  // Structured values are kept as their JSON text, so they fail the field's type rather than vanish.
  return JSON.stringify(value) ?? null;
}

type FieldValue = string | number | boolean | LocalDate;

function readField(
  field: FieldDefinition,
  cell: string | number | boolean,
): { value: FieldValue } | { problem: RowReturn } {
  switch (field.type) {
    case 'date': {
      const date = readDate(cell);
      return date
        ? { value: date }
        : problem(field, 'INVALID_DATE', '不是有效日期：应写作 2024-03-15、2024/3/15 或 2024年3月15日');
    }
    case 'number': {
      const number = readNumber(cell);
      return number === null
        ? problem(field, 'INVALID_NUMBER', '不是有效数字：应写作 1000 或 1,000.50')
        : { value: number };
    }
    case 'boolean': {
      const flag = readBoolean(cell);
      return flag === null ? problem(field, 'INVALID_BOOLEAN', '应填写“是”或“否”') : { value: flag };
    }
    case 'enum': {
      const values = field.values ?? [];
      const value = readEnum(cell, values);
      return value === null
        ? problem(field, 'INVALID_VALUE', `应为以下之一：${values.join('、')}`)
        : { value };
    }
    case 'text':
      return readTextField(field, cell);
  }
}

function readTextField(
  field: FieldDefinition,
  cell: string | number | boolean,
): { value: string } | { problem: RowReturn } {
  const { text, lostDigits } = readText(cell);
  if (field.dataClass === 'IDENTITY' && lostDigits) {
    return problem(
      field,
      'INVALID_VALUE',
      '被表格软件存成了数字，后几位已经丢失：请把这一列设为“文本”格式，重新填写后再报送',
    );
  }
  // Identifiers are compared by code point: full-width ９１３５… and a lower-case x are the same code.
  const value = field.dataClass === 'IDENTITY' ? text.normalize('NFKC').toUpperCase() : text;
  const length = [...value].length;
  if (field.maxLength !== undefined && length > field.maxLength) {
    return problem(field, 'TOO_LONG', `超过最大长度：最多 ${field.maxLength} 个字符，现有 ${length} 个`);
  }
  return { value };
}

function label(field: FieldDefinition): string {
  return `${field.title}（${field.code}）`;
}

/** Messages name the field and what is expected, never the value: the row may carry personal data (R21). */
function problem(field: FieldDefinition, reason: ReturnReason, expected: string): { problem: RowReturn } {
  return { problem: { field: field.code, reason, message: `${label(field)}${expected}` } };
}

function missing(field: FieldDefinition, columnPresent: boolean): RowReturn {
  const message = columnPresent
    ? `${label(field)}为必填项，不能为空`
    : `${label(field)}为必填项，但没有这一列：表头或字段名应为“${field.title}”或“${field.code}”`;
  return { field: field.code, reason: 'REQUIRED_FIELD_MISSING', message };
}

/** The kind of value each field type yields; enum values are text. */
const FIELD_VALUE_KIND = {
  text: 'text',
  enum: 'text',
  date: 'date',
  number: 'number',
  boolean: 'boolean',
} as const;

function setFact(
  facts: RecordFacts,
  item: CatalogItemDefinition,
  field: FieldDefinition,
  value: FieldValue,
): void {
  const role = field.role;
  if (role === undefined) return;
  const needed = FACT_ROLES[role];
  // facts.ts: the field holding a role must have the role's type; a catalog breaking that is a defect.
  if (FIELD_VALUE_KIND[field.type] !== needed) {
    throw new Error(
      `目录事项 ${item.code} 的字段 ${field.code}（${field.type}）不能承载 ${role}：该角色需要 ${needed} 类型`,
    );
  }
  Object.assign(facts, { [role]: value });
}
