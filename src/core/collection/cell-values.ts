import { type LocalDate, localDate, localDateOrNull } from '../time/local-date.ts';

/*
 * Reading one cell of a provider's row as the type its catalog field declares. Providers fill spreadsheets by
 * hand, so each reader accepts the forms a Chinese spreadsheet user writes (2024年3月15日, 1,000.50, 是/否,
 * full-width digits) and nothing that would need a guess: an impossible date is refused, never moved.
 */

/** One cell as a door delivers it: text from CSV or JSON, numbers and booleans from XLSX or JSON. */
export type CellValue = string | number | boolean | null;

/**
 * The form two labels are compared in: NFKC (full-width letters, digits and brackets become half-width),
 * without any white space or zero-width character, lower-case (codes are case-insensitive).
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase();
}

/** The cell, or null when it holds nothing but white space. */
export function filledCell(cell: CellValue | undefined): Exclude<CellValue, null> | null {
  if (cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return null;
  return cell;
}

/** A number Excel cannot hold exactly shows an identifier that lost digits when the column was numeric. */
const SCIENTIFIC_NOTATION = /^\d(?:\.\d+)?e\+\d+$/i;

/**
 * The cell as text: trimmed, and a number as its digits. `lostDigits` when the cell is (or shows) a number
 * too long for a spreadsheet to keep, as an 18-digit ID number typed into a numeric column becomes.
 */
export function readText(cell: string | number | boolean): { text: string; lostDigits: boolean } {
  if (typeof cell === 'boolean') return { text: cell ? 'TRUE' : 'FALSE', lostDigits: false };
  if (typeof cell === 'number') {
    return { text: String(cell), lostDigits: Number.isInteger(cell) && !Number.isSafeInteger(cell) };
  }
  const text = cell.trim();
  return { text, lostDigits: SCIENTIFIC_NOTATION.test(text) };
}

const DATE_WITH_SEPARATOR = /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$/;
const CHINESE_DATE = /^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日?$/;
const COMPACT_DATE = /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/;
/** A time of day after the date, as database exports write it; a zone or offset is not accepted. */
const TRAILING_TIME = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** The largest serial Excel shows as a date: 9999-12-31. */
const LAST_EXCEL_SERIAL = 2_958_465;
/** Day 0 of Excel's 1900 date system as counted from 1900-03-01 on (serial 61 = 1900-03-01). */
const EXCEL_DAY_ZERO = localDate(1899, 12, 30);

/**
 * A date in any of the forms `2024-03-15`, `2024/3/15`, `2024.3.15`, `2024年3月15日`, `20240315` (optionally
 * followed by a time without zone), or a number: an Excel serial day (1900 date system), or 20240315.
 * Returns null for anything else, including a day that does not exist.
 */
export function readDate(cell: string | number | boolean): LocalDate | null {
  if (typeof cell === 'boolean') return null;
  if (typeof cell === 'number') return dateFromNumber(cell);
  const text = cell
    .normalize('NFKC')
    .trim()
    .replace(/\s*([年月日])\s*/g, '$1')
    .replace(TRAILING_TIME, '');
  const parts = (DATE_WITH_SEPARATOR.exec(text) ?? CHINESE_DATE.exec(text) ?? COMPACT_DATE.exec(text))
    ?.groups;
  if (!parts) return null;
  return localDateOrNull(Number(parts.y), Number(parts.m), Number(parts.d));
}

function dateFromNumber(value: number): LocalDate | null {
  if (!Number.isFinite(value) || value < 1) return null;
  const whole = Math.floor(value);
  // 8 digits can only be yyyymmdd: the largest serial Excel has is 7 digits long.
  if (whole > LAST_EXCEL_SERIAL) {
    if (whole !== value || whole < 10_000_101 || whole > 99_991_231) return null;
    return localDateOrNull(Math.floor(whole / 10_000), Math.floor(whole / 100) % 100, whole % 100);
  }
  // Serial 60 is 1900-02-29, a day that never was (Excel keeps Lotus 1-2-3's leap-year error); before it,
  // every serial is one day later than the count from EXCEL_DAY_ZERO gives.
  if (whole === 60) return null;
  return EXCEL_DAY_ZERO.add({ days: whole < 60 ? whole + 1 : whole });
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** A finite number: `1000.5`, `1,000.50`, `１０００`, `-3`, `1e3`; null for anything else. */
export function readNumber(cell: string | number | boolean): number | null {
  if (typeof cell === 'boolean') return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = normalizeLabel(cell);
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (GROUPED_NUMBER.test(text)) return Number(text.replaceAll(',', ''));
  return null;
}

const TRUE_WORDS = new Set(['是', 'true', '1', 'y', 'yes']);
const FALSE_WORDS = new Set(['否', 'false', '0', 'n', 'no']);

/** 是/否, true/false, 1/0, Y/N (any case, full- or half-width); null for anything else. */
export function readBoolean(cell: string | number | boolean): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const word = normalizeLabel(String(cell));
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** The allowed value the cell names, compared as labels are (全角/半角, spaces, case); null if none. */
export function readEnum(cell: string | number | boolean, values: readonly string[]): string | null {
  const wanted = normalizeLabel(readText(cell).text);
  return values.find((value) => normalizeLabel(value) === wanted) ?? null;
}
