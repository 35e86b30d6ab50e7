import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { CatalogItemDefinition, FieldDefinition } from '../../src/core/catalog/item.ts';
import type { FactRole } from '../../src/core/collection/facts.ts';
import {
  computeOrganizationCodeCheckCharacter,
  computeUsccCheckCharacter,
} from '../../src/core/identity/index.ts';
import { addDays, type LocalDate } from '../../src/core/time/local-date.ts';
import { createSeededRandom, type DemoSubject } from '../../src/modules/seed/demo-subjects.ts';

/*
 * A provider's file of administrative penalties as a Xiamen department would export it: one header row of
 * the item's field titles, then one row per decision. The values are chosen per fact role, so the file
 * follows whatever fields the stored XZCF definition has; every row is meant to be accepted, and a row the
 * pipeline returns is a defect of this generator (or of the rules), which the benchmark reports.
 */

export interface PenaltyFileInput {
  item: CatalogItemDefinition;
  rows: number;
  /** Organizations (USCC holders) the decisions are about; rows cycle through them at random. */
  subjects: readonly DemoSubject[];
  /** The deciding authority: the provider department. */
  authority: { name: string; divisionCode: string };
  /** The day the file is submitted; every date in it lies before. */
  today: LocalDate;
  seed: number;
}

interface PenaltyRow {
  index: number;
  subject: DemoSubject;
  decidedOn: LocalDate;
  year: number;
}

/** A government body's USCC (registration authority 1 机构编制, type 1 机关, GB 32100 附录 A) in the division. */
function authorityUscc(divisionCode: string, seed: number): string {
  const body8 = String(10_000_000 + (seed % 89_999_999)).slice(0, 8);
  const body17 = `11${divisionCode}${body8}${computeOrganizationCodeCheckCharacter(body8)}`;
  return `${body17}${computeUsccCheckCharacter(body17)}`;
}

/** 行政相对人类别 as the rules read it (vocabulary.ts SUBJECT_CATEGORY_WORDS). */
function subjectCategory(subject: DemoSubject): string {
  return subject.kind === 'individual_business' ? '个体工商户' : '法人及非法人组织';
}

/**
 * What each fact role holds in a row that a Xiamen dishonest-penalty record must pass: a general-procedure
 * decision (R24), not minor (R25), the written notice before submission (R27, 000 第十四条), the repair-rights
 * notice (R28, 000 第二十五条), a severity for the disclosure period (R29, 000 第十条(二)), a final document
 * (R26). Roles not listed stay empty, as an ordinary export leaves them.
 */
function roleValues(input: PenaltyFileInput): Partial<Record<FactRole, (row: PenaltyRow) => string>> {
  const authorityCode = authorityUscc(input.authority.divisionCode, input.seed);
  return {
    subjectName: (row) => row.subject.name,
    subjectCategory: (row) => subjectCategory(row.subject),
    subjectUscc: (row) => row.subject.code,
    legalRepresentative: (row) => row.subject.legalRepresentative ?? '',
    documentNumber: (row) => `厦市监罚〔${row.year}〕${row.index}号`,
    decidedOn: (row) => row.decidedOn.toString(),
    decidingAuthority: () => input.authority.name,
    decidingAuthorityCode: () => authorityCode,
    procedure: () => '一般程序',
    severity: (row) => (row.index % 10 === 0 ? '严重' : '一般'),
    noticeReference: (row) => `厦市监告〔${row.year}〕${row.index}号`,
    noticeDate: (row) => addDays(row.decidedOn, -7).toString(),
    repairRightsNotified: () => '是',
    repairRightsNotifiedOn: (row) => row.decidedOn.toString(),
    minorViolation: () => '否',
    harmEliminated: () => '否',
    harmMitigated: () => '否',
    finalEffective: () => '是',
  };
}

/** Cases of the kinds a market regulator decides most, in the words of real decisions. */
const CASES: ReadonlyArray<{ type: string; facts: string; basis: string; kind: string }> = [
  {
    type: '发布虚假广告',
    facts: '当事人在其经营的网店发布含有虚假内容的商品广告，宣称产品具有其不具备的功效，欺骗、误导消费者。',
    basis: '《中华人民共和国广告法》第五十五条第一款',
    kind: '罚款',
  },
  {
    type: '经营不符合食品安全标准的食品',
    facts: '当事人经营的预包装食品经抽样检验，菌落总数项目不符合食品安全国家标准，货值金额不足一万元。',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（一）项',
    kind: '没收违法所得;罚款',
  },
  {
    type: '销售不合格产品',
    facts: '当事人销售的电线电缆经监督抽查，导体电阻项目不合格，属于以不合格产品冒充合格产品。',
    basis: '《中华人民共和国产品质量法》第五十条',
    kind: '没收违法所得;罚款',
  },
  {
    type: '未取得许可从事经营活动',
    facts: '当事人未取得食品经营许可证，在其经营场所从事餐饮服务经营活动，经责令改正后仍继续经营。',
    basis: '《中华人民共和国食品安全法》第一百二十二条第一款',
    kind: '没收违法所得;没收非法财物;罚款',
  },
  {
    type: '侵犯注册商标专用权',
    facts: '当事人销售侵犯他人注册商标专用权的服装，不能说明商品的合法来源。',
    basis: '《中华人民共和国商标法》第六十条第二款',
    kind: '没收非法财物;罚款',
  },
];

/** The descriptive 双公示 fields a regulator's export fills, by field code (行政处罚信用信息公示数据标准). */
function describedFields(input: PenaltyFileInput): Readonly<Record<string, (row: PenaltyRow) => string>> {
  const caseOf = (row: PenaltyRow) => CASES[row.index % CASES.length];
  const fine = (row: PenaltyRow) => (((row.index * 7) % 60) + 1) * 0.5;
  return {
    CF_WFXW: (row) => caseOf(row)?.type ?? '',
    CF_SY: (row) => caseOf(row)?.facts ?? '',
    CF_YJ: (row) => caseOf(row)?.basis ?? '',
    CF_CFLB: (row) => caseOf(row)?.kind ?? '',
    CF_NR: (row) => `${(caseOf(row)?.kind ?? '').replaceAll(';', '、')}，罚款人民币${fine(row)}万元。`,
    CF_NR_FK: (row) => fine(row).toFixed(2),
    CF_SJLY: () => input.authority.name,
    CF_SJLYDM: () => authorityUscc(input.authority.divisionCode, input.seed),
  };
}

/** A required field neither a role nor the standard speaks for: a plausible value of its type. */
function requiredValue(field: FieldDefinition, row: PenaltyRow): string {
  switch (field.type) {
    case 'date':
      return row.decidedOn.toString();
    case 'number':
      return '1';
    case 'boolean':
      return '否';
    case 'enum':
      return field.values?.[0] ?? '';
    case 'text':
      return `${field.title}${row.index}`.slice(0, field.maxLength);
  }
}

/** RFC 4180: quote a value holding a separator, a quote or a line break. */
function csvValue(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Streams the file to `path` a block of lines at a time, waiting for the disk when the stream is full, so a
 * million rows never sit in memory. Returns the size written in bytes.
 */
export async function writePenaltyFile(path: string, input: PenaltyFileInput): Promise<number> {
  const byRole = roleValues(input);
  const byCode = describedFields(input);
  const empty = () => '';
  const columns = input.item.fields.map((field): ((row: PenaltyRow) => string) => {
    // Personal-data fields stay empty: a penalty on an organization carries none (R21).
    if (field.dataClass !== 'ORDINARY' && field.dataClass !== 'IDENTITY') return empty;
    // A role without a value here stays empty; if the rules need it, the benchmark reports returned rows.
    if (field.role !== undefined) return byRole[field.role] ?? empty;
    const described = byCode[field.code];
    if (described) return described;
    // Optional fields the export leaves blank, as most providers' exports do.
    return field.required ? (row) => requiredValue(field, row) : empty;
  });
  const random = createSeededRandom(input.seed);
  const out = fs.createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${input.item.fields.map((field) => csvValue(field.title)).join(',')}\n`);
  const block = 1_000;
  for (let from = 1; from <= input.rows; from += block) {
    let lines = '';
    for (let index = from; index < Math.min(input.rows + 1, from + block); index++) {
      // Decisions of the last eleven months: recent enough that every disclosure period still runs.
      const decidedOn = addDays(input.today, -(14 + random.below(320)));
      const row: PenaltyRow = {
        index,
        subject: random.pick(input.subjects),
        decidedOn,
        year: decidedOn.year,
      };
      lines += `${columns.map((value) => csvValue(value(row))).join(',')}\n`;
    }
    await write(lines);
  }
  out.end();
  await finished(out);
  return out.bytesWritten;
}
