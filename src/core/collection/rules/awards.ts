import { NATIONAL_REGISTRATION_REGION } from '../../identity/divisions.ts';
import { checkCode } from '../../identity/index.ts';
import type { LocalDate } from '../../time/local-date.ts';
import type { FactRole } from '../facts.ts';
import type { RowReturn } from '../validation.ts';
import { compact, named, type Row, returnOn } from './row.ts';

/*
 * R32: awards count as good information only from an awarding body of the profile's level (000 第八条(二)
 * 市级及以上; 003 第十二条 县级以上; 004 第十一条 各级), and XM records excellent grades of organizations only.
 */

export const AWARD_LEVELS = ['township', 'county', 'municipal', 'provincial', 'national'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

const LEVEL_ZH: Readonly<Record<AwardLevel, string>> = {
  township: '乡镇级',
  county: '县级',
  municipal: '市级',
  provincial: '省级',
  national: '国家级',
};

/** A level known within bounds: "荣成市人民政府" alone may be a county-level or a prefecture-level city. */
export interface LevelRange {
  lowest: AwardLevel;
  highest: AwardLevel;
}

export type BodyLevel =
  | { kind: 'known'; range: LevelRange; roles: FactRole[] }
  | { kind: 'conflict'; readings: Array<{ role: FactRole; range: LevelRange }> }
  | { kind: 'unknown' };

export interface AwardingBody {
  /** 表彰级别 as the provider states it. */
  level?: string;
  /** The awarding body's name. */
  name?: string;
  /** The awarding body's USCC. */
  code?: string;
}

export interface ClassifyContext {
  /** The profile's own city (厦门市): a body named after it is of the municipal level. */
  ownCity: string;
  today: LocalDate;
}

function rank(level: AwardLevel): number {
  return AWARD_LEVELS.indexOf(level);
}

function exactly(level: AwardLevel): LevelRange {
  return { lowest: level, highest: level };
}

function describe(range: LevelRange): string {
  return range.lowest === range.highest
    ? LEVEL_ZH[range.lowest]
    : `${LEVEL_ZH[range.lowest]}或${LEVEL_ZH[range.highest]}`;
}

const LEVEL_WORDS: Readonly<Record<string, AwardLevel>> = {
  国家级: 'national',
  国家: 'national',
  全国: 'national',
  中央: 'national',
  部级: 'national',
  省级: 'provincial',
  省部级: 'provincial',
  省: 'provincial',
  自治区级: 'provincial',
  市级: 'municipal',
  地市级: 'municipal',
  地级: 'municipal',
  设区的市级: 'municipal',
  设区市级: 'municipal',
  县级: 'county',
  区级: 'county',
  县区级: 'county',
  区县级: 'county',
  '县（市、区）级': 'county',
  '县(市、区)级': 'county',
  县市区级: 'county',
  县级市: 'county',
  乡镇级: 'township',
  乡级: 'township',
  镇级: 'township',
  街道级: 'township',
  '乡镇（街道）级': 'township',
};

/** The level a stated 表彰级别 names; the codes themselves (municipal) are accepted too. */
function levelOfWords(text: string): LevelRange | null {
  const key = compact(text);
  const level = LEVEL_WORDS[key] ?? AWARD_LEVELS.find((candidate) => candidate === key);
  return level === undefined ? null : exactly(level);
}

/** The level of the registration region in a government body's USCC (GB/T 2260: PPCCDD). */
function levelOfCode(code: string, today: LocalDate): LevelRange | null {
  const check = checkCode(code, { today });
  if (check.kind !== 'uscc' || !check.valid) return null;
  const region = check.details.region.code;
  if (region === NATIONAL_REGISTRATION_REGION) return exactly('national');
  if (region.endsWith('0000')) return exactly('provincial');
  if (region.endsWith('00')) return exactly('municipal');
  return exactly('county');
}

/** Words whose 市 or 区 names no place (市场监督管理局, 城市管理局, 社区). */
const ORDINARY_WORDS = /市场|市政|城市|都市|区域|社区/gu;
/** One place name and its unit, from the start of the text: 福建省 | 厦门市 | 思明区 | 鼓浪屿街道. */
const PLACE =
  /^([^省市区县旗镇乡盟]{1,12}?)(特别行政区|自治区|自治州|自治县|自治旗|地区|街道|省|市|州(?!市)|盟|县|区|旗|镇|乡)/u;
const UNIT_LEVELS: Readonly<Record<string, AwardLevel>> = {
  特别行政区: 'provincial',
  自治区: 'provincial',
  省: 'provincial',
  自治州: 'municipal',
  州: 'municipal',
  地区: 'municipal',
  盟: 'municipal',
  自治县: 'county',
  县: 'county',
  区: 'county',
  自治旗: 'county',
  旗: 'county',
  街道: 'township',
  镇: 'township',
  乡: 'township',
};
const DIRECT_MUNICIPALITIES = ['北京', '天津', '上海', '重庆'];
const NATIONAL_NAME = /^(?:国务院|中共中央|全国|中华全国|中华人民共和国|国家)|中央/u;

/**
 * A 市 is a province-level municipality when it comes first and is one of the four, a county-level city
 * when a prefecture or another 市 precedes it, the municipal level when it is the profile's own city, and otherwise
 * either a prefecture-level or a county-level city: the name alone cannot tell 晋江市 from 泉州市.
 */
function cityLevel(place: string, token: string, above: LevelRange | null, ownCity: string): LevelRange {
  if (above === null && DIRECT_MUNICIPALITIES.some((city) => place.endsWith(city)))
    return exactly('provincial');
  if (above !== null && above.highest === 'municipal') return exactly('county');
  if (token.endsWith(ownCity)) return exactly('municipal');
  return { lowest: 'county', highest: 'municipal' };
}

/** The level of a body from the places its name begins with: the last place named is the body's own. */
function levelOfName(name: string, ownCity: string): LevelRange | null {
  let rest = compact(name).replace(ORDINARY_WORDS, '□');
  let range: LevelRange | null = null;
  for (let match = PLACE.exec(rest); match !== null; match = PLACE.exec(rest)) {
    const [token, place = '', unit = ''] = match;
    const unitLevel = UNIT_LEVELS[unit];
    range = unitLevel === undefined ? cityLevel(place, token, range, ownCity) : exactly(unitLevel);
    rest = rest.slice(token.length);
  }
  if (range !== null) return range;
  return NATIONAL_NAME.test(name) ? exactly('national') : null;
}

/**
 * The level of an awarding body from what the row says of it: the stated level, the body's USCC and its
 * name each bound the level, and the body's level is what all of them allow.
 */
export function classifyAwardingBody(body: AwardingBody, context: ClassifyContext): BodyLevel {
  const readings: Array<{ role: FactRole; range: LevelRange | null }> = [
    { role: 'awardLevel', range: body.level === undefined ? null : levelOfWords(body.level) },
    {
      role: 'decidingAuthority',
      range: body.name === undefined ? null : levelOfName(body.name, context.ownCity),
    },
    {
      role: 'decidingAuthorityCode',
      range: body.code === undefined ? null : levelOfCode(body.code, context.today),
    },
  ];
  const known = readings.flatMap(({ role, range }) => (range === null ? [] : [{ role, range }]));
  const [first, ...others] = known;
  if (first === undefined) return { kind: 'unknown' };
  let lowest = first.range.lowest;
  let highest = first.range.highest;
  for (const { range } of others) {
    if (rank(range.lowest) > rank(lowest)) lowest = range.lowest;
    if (rank(range.highest) < rank(highest)) highest = range.highest;
  }
  if (rank(lowest) > rank(highest)) return { kind: 'conflict', readings: known };
  return { kind: 'known', range: { lowest, highest }, roles: known.map(({ role }) => role) };
}

const THRESHOLDS = { MUNICIPAL_OR_HIGHER: 'municipal', COUNTY_OR_HIGHER: 'county' } as const;

export function awardRules(row: Row): RowReturn[] {
  return [...excellentGrade(row), ...awardLevel(row)];
}

/** 000 第八条(二): 法人和非法人组织在分类监管中的优良等级评价. */
function excellentGrade(row: Row): RowReturn[] {
  const subjects = row.params.collection.excellentGradeSubjects;
  const person = row.subjectCategory === 'natural_person';
  if (row.facts.excellentGrade !== true || subjects.value !== 'ORGANIZATIONS_ONLY' || !person) return [];
  return [
    returnOn(
      row,
      'excellentGrade',
      'EXCELLENT_GRADE_ORGANIZATIONS_ONLY',
      `${named(row, 'excellentGrade')}：分类监管中的优良等级评价只作为法人和非法人组织的守信信息归集，不归集自然人的`,
      subjects.source,
    ),
  ];
}

function awardLevel(row: Row): RowReturn[] {
  const { facts, context, params } = row;
  const threshold = params.collection.awardLevelThreshold;
  if (context.item.recordKind !== 'award' || threshold.value === 'ANY_LEVEL') return [];
  const minimum = THRESHOLDS[threshold.value];
  const reading = classifyAwardingBody(
    { level: facts.awardLevel, name: facts.decidingAuthority, code: facts.decidingAuthorityCode },
    { ownCity: context.profile.nameZh, today: context.receivedOn },
  );
  const required = `只归集${LEVEL_ZH[minimum]}及以上政府、部门或群团组织授予的表彰奖励`;
  const hint = `请在${named(row, 'awardLevel')}填写国家级、省级、市级、县级或乡镇级`;
  switch (reading.kind) {
    case 'unknown':
      return [
        returnOn(
          row,
          'awardLevel',
          'AWARD_LEVEL_TOO_LOW',
          `无法判断授予机关的级别（${required}）：${hint}，或填写授予机关全称`,
          threshold.source,
        ),
      ];
    case 'conflict': {
      const stated = reading.readings.map(({ role, range }) => `${named(row, role)}为${describe(range)}`);
      return [
        returnOn(
          row,
          'awardLevel',
          'INVALID_VALUE',
          `授予机关的级别前后不符：${stated.join('，')}`,
          threshold.source,
        ),
      ];
    }
    case 'known': {
      const { range, roles } = reading;
      if (rank(range.lowest) >= rank(minimum)) return [];
      // An undecided city: the provider can settle it by stating the level.
      const undecided = rank(range.highest) >= rank(minimum) ? `；如为设区的市，${hint}` : '';
      return [
        returnOn(
          row,
          roles[0] ?? 'awardLevel',
          'AWARD_LEVEL_TOO_LOW',
          `授予机关为${describe(range)}，${required}${undecided}`,
          threshold.source,
        ),
      ];
    }
  }
}
