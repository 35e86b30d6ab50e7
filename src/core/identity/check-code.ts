import type { LocalDate } from '../time/local-date.ts';
import {
  readChinesePassport,
  readForeignPassport,
  readForeignPermanentResidence,
  readHkMacaoPermit,
  readHmtResidencePermit,
  readTaiwanPermit,
} from './other-documents.ts';
import {
  CODE_KIND_LABELS,
  type CodeKind,
  type DetailsByKind,
  type Message,
  type ReadContext,
  type Reading,
} from './reading.ts';
import { readResidentId } from './resident-id.ts';
import { readUscc } from './uscc.ts';

interface CodeCheckOf<K extends CodeKind> {
  input: string;
  valid: boolean;
  kind: K;
  /** The canonical form: trimmed, upper-case, 15-digit ID numbers as 18 digits, passport separators dropped. */
  normalized: string;
  details: DetailsByKind[K];
  warnings: string[];
  /** Every reason the code is invalid, joined with "; ", or null when valid. */
  error: string | null;
  errorCode: string | null;
  /** The same error and warnings in Chinese, for UI text. */
  zh: { error: string | null; warnings: string[] };
}

/** The result of checking one code; `kind` tells which `details` it carries. */
export type CodeCheck = { [K in CodeKind]: CodeCheckOf<K> }[CodeKind];

export interface CheckCodeOptions {
  /** The date birth dates are checked against and ages computed on (core never reads the clock). */
  today: LocalDate;
}

type AnyReading = { [K in CodeKind]: Reading<K> }[CodeKind];

/**
 * Readers of the formats with a shape of their own; each returns null when the input lacks its shape.
 * Their order breaks the last tie, so a string that is equally good as a resident ID number and as a USCC
 * is read as an ID number: such strings are far more often real ID numbers (any province whose prefecture codes look like province codes produces them) than
 * all-digit USCCs registered in a county coded 18–20 with a date-shaped organization code, and misreading a
 * person's ID number as an organization's code would publish personal data.
 */
const READERS: ReadonlyArray<(text: string, context: ReadContext) => AnyReading | null> = [
  readResidentId,
  readHmtResidencePermit,
  readForeignPermanentResidence,
  readUscc,
  readHkMacaoPermit,
  readTaiwanPermit,
  readChinesePassport,
];

function isPlausible(reading: AnyReading): boolean {
  return reading.defects.length === 0;
}

/**
 * Structure decides (DESIGN Decision 3): a reading without structural defects beats one with defects, so a
 * check character that happens to pass never makes a code of another shape. Among plausible readings the
 * one whose check passes wins, then the one with fewer doubts; among implausible readings the one with
 * fewer defects. Remaining ties keep the order of READERS (the sort is stable).
 */
function compareReadings(a: AnyReading, b: AnyReading): number {
  if (isPlausible(a) !== isPlausible(b)) return isPlausible(a) ? -1 : 1;
  if (!isPlausible(a)) return a.defects.length - b.defects.length;
  if ((a.checkFailure === null) !== (b.checkFailure === null)) return a.checkFailure === null ? -1 : 1;
  return a.doubts.length - b.doubts.length;
}

function alternativeConsidered(other: AnyReading, chosen: AnyReading): Message {
  const otherLabel = CODE_KIND_LABELS[other.kind];
  const chosenLabel = CODE_KIND_LABELS[chosen.kind];
  const checkNote =
    other.checkFailure === null
      ? { en: '', zh: '' }
      : { en: ' (but its check character does not match)', zh: '（但其校验码不符）' };
  return {
    en: `also has the structure of a ${otherLabel.en}${checkNote.en}; read as a ${chosenLabel.en}`,
    zh: `也符合${otherLabel.zh}的结构${checkNote.zh}，已按${chosenLabel.zh}识别`,
  };
}

function unrecognised(input: string, normalized: string): CodeCheck {
  const problem: Message =
    normalized === ''
      ? { en: 'no code given', zh: '未输入代码' }
      : {
          en: `not a recognised code: ${normalized.length} characters fit no USCC, ID number, passport or permit format`,
          zh: `无法识别：${normalized.length} 位字符不符合统一社会信用代码、身份证号码、护照或通行证的格式`,
        };
  return {
    input,
    valid: false,
    kind: 'unknown',
    normalized,
    details: {},
    warnings: [],
    error: problem.en,
    errorCode: 'UNRECOGNIZED_CODE',
    zh: { error: problem.zh, warnings: [] },
  };
}

function toCodeCheck(input: string, chosen: AnyReading, alternatives: AnyReading[]): CodeCheck {
  const problems = chosen.checkFailure === null ? chosen.defects : [...chosen.defects, chosen.checkFailure];
  const warnings = [
    ...chosen.doubts,
    ...alternatives.map((other) => alternativeConsidered(other, chosen)),
    ...chosen.notes,
  ];
  const valid = problems.length === 0;
  // The spread keeps `kind` and `details` of one reading together, which TypeScript cannot follow through the union.
  return {
    input,
    valid,
    kind: chosen.kind,
    normalized: chosen.normalized,
    details: chosen.details,
    warnings: warnings.map((warning) => warning.en),
    error: valid ? null : problems.map((problem) => problem.en).join('; '),
    errorCode: valid ? null : chosen.errorCode,
    zh: {
      error: valid ? null : problems.map((problem) => problem.zh).join('；'),
      warnings: warnings.map((warning) => warning.zh),
    },
  } as CodeCheck;
}

/**
 * Checks already made, per `today` (a check depends on nothing else). Ingestion checks each row's code several
 * times on one `today` (look-ups, validation, the registry), which was a measured share of its CPU (npm run
 * bench:ingest). The entries are frozen, so no caller can change what another is given; bounded per day.
 */
const checksByDay = new WeakMap<LocalDate, Map<string, CodeCheck>>();
const CHECKS_PER_DAY_LIMIT = 20_000;

/** Recognises and checks one code: USCC, resident ID number or another identity document. Never throws. */
export function checkCode(input: string, options: CheckCodeOptions): CodeCheck {
  let checks = checksByDay.get(options.today);
  if (checks === undefined) {
    checks = new Map();
    checksByDay.set(options.today, checks);
  }
  let check = checks.get(input);
  if (check === undefined) {
    if (checks.size >= CHECKS_PER_DAY_LIMIT) checks.clear();
    check = frozen(readCode(input, options));
    checks.set(input, check);
  }
  return check;
}

function frozen(check: CodeCheck): CodeCheck {
  Object.freeze(check.warnings);
  Object.freeze(check.zh.warnings);
  Object.freeze(check.zh);
  Object.freeze(check.details);
  return Object.freeze(check);
}

function readCode(input: string, options: CheckCodeOptions): CodeCheck {
  const text = input.trim().toUpperCase();
  const context: ReadContext = { today: options.today };
  const readings = READERS.map((read) => read(text, context)).filter((reading) => reading !== null);
  const fallback = readings.length === 0 ? readForeignPassport(text) : null;
  if (fallback !== null) readings.push(fallback);
  const [chosen, ...others] = readings.sort(compareReadings);
  if (chosen === undefined) return unrecognised(input, text);
  return toCodeCheck(input, chosen, others.filter(isPlausible));
}
