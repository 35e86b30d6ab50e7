import type { CatalogItemDefinition, FieldDataClass, FieldDefinition } from '../catalog/item.ts';
import type { DataClass } from '../policy/types.ts';
import { normalizeLabel } from './cell-values.ts';

/*
 * Which catalog field each column of a provider's file (or each key of an API row) is. Every door maps its
 * headers here, so a file with Chinese titles and an API call with field codes reach the same fields (R16).
 */

export interface ColumnMapping {
  /** Position of the column in the row's cells. */
  index: number;
  /** The header as the provider wrote it. */
  header: string;
  /** The item field the column fills; null for an unknown column or a repeat of a field already mapped. */
  field: FieldDefinition | null;
  /** The forbidden or consent-gated personal-data class the column carries (R21–R23), by field or by name. */
  dataClass: DataClass | null;
}

export interface HeaderMapping {
  columns: ColumnMapping[];
  /** Required fields no column names. */
  missingRequired: FieldDefinition[];
  /** Headers naming a field an earlier column already names; the first column is the one read. */
  duplicates: string[];
  /** Headers naming no field and no personal-data class; their columns are not read. */
  unknown: string[];
}

/**
 * The two columns a returns file adds after the provider's own (write-returns.ts). A fixed returns file is
 * uploaded again as it is, so these two headers are ignored rather than reported as unknown.
 */
export const RETURNS_FILE_COLUMNS = { rowNumber: '原行号', reasons: '退回原因' } as const;

/**
 * Names by which a column announces personal data the regulations single out: forbidden ones (000 第十六条
 * ¶1; 003 第十五条 ¶3; 004 第十四条) and the financial ones gated by consent or a lawful basis (000 第十六条
 * ¶2; 003 第十五条 ¶1, ¶2). Chinese names match anywhere in the header; English names are word sequences
 * that match whole words anywhere (`tax_amount_2023`, `deposit_balance`, `bloodType`), a plural `s` allowed.
 * A false match only makes a row with a value in an unread column be checked as personal data.
 */
const DATA_CLASS_NAMES: ReadonlyArray<{
  dataClass: DataClass;
  zh: readonly string[];
  en: readonly string[];
}> = [
  { dataClass: 'RELIGION', zh: ['宗教', '信仰'], en: ['religion', 'religious', 'faith'] },
  { dataClass: 'GENES', zh: ['基因'], en: ['gene', 'genetic', 'genome', 'dna'] },
  { dataClass: 'FINGERPRINT', zh: ['指纹'], en: ['fingerprint', 'finger print'] },
  { dataClass: 'BLOOD_TYPE', zh: ['血型'], en: ['blood type', 'bloodtype', 'blood group'] },
  { dataClass: 'DISEASE', zh: ['疾病', '病情', '病症', '诊断'], en: ['disease', 'illness', 'diagnosis'] },
  {
    dataClass: 'MEDICAL_HISTORY',
    zh: ['病史', '病历', '既往史', '就诊记录'],
    en: ['medical history', 'medicalhistory', 'medical record', 'anamnesis'],
  },
  {
    dataClass: 'INCOME',
    zh: ['收入', '工资', '薪酬', '薪资', '薪金'],
    en: ['income', 'salary', 'wage', 'earning'],
  },
  { dataClass: 'DEPOSITS', zh: ['存款', '储蓄'], en: ['deposit', 'savings'] },
  { dataClass: 'SECURITIES', zh: ['有价证券', '证券', '股票', '债券'], en: ['securities', 'stock holding'] },
  {
    dataClass: 'COMMERCIAL_INSURANCE',
    zh: ['商业保险', '商业险', '人寿保险'],
    en: ['commercial insurance', 'life insurance', 'insurance policy'],
  },
  { dataClass: 'REAL_ESTATE', zh: ['不动产', '房产', '房地产'], en: ['real estate', 'realestate', 'realty'] },
  {
    dataClass: 'TAX_AMOUNT',
    zh: ['纳税数额', '纳税额', '纳税金额', '缴税额', '缴税金额'],
    en: ['tax amount', 'taxamount', 'tax paid', 'tax payment'],
  },
];

const ENGLISH_NAMES = DATA_CLASS_NAMES.map((entry) => ({
  dataClass: entry.dataClass,
  words: entry.en.map((name) => name.split(' ')),
}));

/** The personal-data class a header names, if any (R21–R23). */
export function dataClassNamedBy(header: string): DataClass | null {
  const label = normalizeLabel(header);
  const chinese = DATA_CLASS_NAMES.find((entry) => entry.zh.some((name) => label.includes(name)));
  if (chinese) return chinese.dataClass;
  const words = englishWords(header);
  return (
    ENGLISH_NAMES.find((entry) => entry.words.some((name) => containsWords(words, name)))?.dataClass ?? null
  );
}

function englishWords(header: string): string[] {
  return header
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
}

function containsWords(words: readonly string[], name: readonly string[]): boolean {
  for (let start = 0; start + name.length <= words.length; start++) {
    if (name.every((word, offset) => sameWord(words[start + offset] ?? '', word))) return true;
  }
  return false;
}

function sameWord(word: string, name: string): boolean {
  return word === name || word === `${name}s` || word === `${name}es`;
}

/** A header as it is compared: a label without the BOM or the `*` that marks a required column. */
function headerKey(header: string): string {
  return normalizeLabel(header).replace(/^\*+|\*+$/g, '');
}

/** The field's own class when it is one of the forbidden or consent-gated ones (R14 tags every field). */
export function personalDataClass(dataClass: FieldDataClass): DataClass | null {
  return dataClass === 'IDENTITY' || dataClass === 'ORDINARY' ? null : dataClass;
}

export function mapHeaders(headers: readonly string[], item: CatalogItemDefinition): HeaderMapping {
  const fieldsByKey = new Map<string, FieldDefinition>();
  for (const field of item.fields) {
    for (const name of [field.code, field.title, ...(field.aliases ?? [])]) {
      const key = headerKey(name);
      if (!fieldsByKey.has(key)) fieldsByKey.set(key, field);
    }
  }
  const ignored = new Set(Object.values(RETURNS_FILE_COLUMNS).map(headerKey));

  const mapped = new Set<string>();
  const columns: ColumnMapping[] = [];
  const duplicates: string[] = [];
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const field = fieldsByKey.get(key);
    if (field) {
      const repeated = mapped.has(field.code);
      if (repeated) duplicates.push(header);
      mapped.add(field.code);
      // A repeated column is not read, but it still carries the field's class so its values are caught.
      columns.push({
        index,
        header,
        field: repeated ? null : field,
        dataClass: personalDataClass(field.dataClass),
      });
      return;
    }
    const dataClass = key === '' ? null : dataClassNamedBy(header);
    columns.push({ index, header, field: null, dataClass });
    if (key !== '' && dataClass === null && !ignored.has(key)) unknown.push(header);
  });

  return {
    columns,
    missingRequired: item.fields.filter((field) => field.required && !mapped.has(field.code)),
    duplicates,
    unknown,
  };
}
