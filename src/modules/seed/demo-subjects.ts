import {
  computeOrganizationCodeCheckCharacter,
  computeResidentIdCheckDigit,
  computeUsccCheckCharacter,
  USCC_CHARACTERS,
} from '../../core/identity/index.ts';
import type { ProfileId } from '../../core/policy/profile-id.ts';
import { compareDates, type LocalDate, localDate } from '../../core/time/local-date.ts';
import type { SubjectKind } from '../subjects/kinds.ts';
import { type DemoCity, type District, demoCities } from './data/index.ts';

/**
 * Made-up credit subjects for demos, tests and benchmarks: the same (city, count, seed) always gives the
 * same subjects, and every code passes the checks a real one would (GB 32100 for USCCs with a GB 11714
 * organization code inside, GB 11643 for resident ID numbers).
 */

export type DemoCodeType = 'uscc' | 'resident_id';

export interface DemoSubject {
  code: string;
  codeType: DemoCodeType;
  kind: SubjectKind;
  name: string;
  /** GB/T 2260 code of the district the subject belongs to; also the region inside its code. */
  districtCode: string;
  /**
   * ISO date of establishment (成立日期) for an organization; of birth for a natural person, whose household
   * registration (户籍登记) begins then and whose ID number carries the same date.
   */
  registeredOn: string;
  /** 法定代表人 / 经营者 / 负责人 of an organization; absent for natural persons. */
  legalRepresentative?: string;
}

export interface DemoSubjectOptions {
  city: ProfileId;
  count: number;
  seed: number;
}

/**
 * A deterministic pseudo-random source (mulberry32) seeded with the low 32 bits of `seed`: no Math.random,
 * so a seed reproduces a run.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createSeededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: expected an integer, got ${seed}`);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (bound: number): number => Math.floor(next() * bound);
  return {
    next,
    below,
    pick: <T>(items: readonly T[]): T => {
      const item = items[below(items.length)];
      if (item === undefined) throw new RangeError('pick: the list is empty');
      return item;
    },
  };
}

function distinctCharacters(text: string): string[] {
  return [...new Set(text)];
}

/** Share of each kind in a run, roughly the mix a city registry shows (companies and shops dominate). */
const KIND_SHARES: ReadonlyArray<readonly [GeneratedKind, number]> = [
  ['company', 0.45],
  ['individual_business', 0.2],
  ['social_organization', 0.05],
  ['public_institution', 0.05],
  ['natural_person', 0.25],
];
type GeneratedKind = Exclude<SubjectKind, 'other_organization'>;

/** Characters of trade names (字号); two of them make one, e.g. 鹭鑫, 恒达. */
const TRADE_NAME_CHARACTERS = distinctCharacters(
  '鹭岛嘉禾海湾鑫盛华辉瑞祥恒泰宏达兴隆联创新源丰利金银宝福安康信诚德和润通顺益佳美天远航星晨光明腾飞凯博雅卓越汇聚智科邦宇锦程峰山川林森阳升帆舟港蓝中亿万东南同众合力正元启立朗昊哲翔捷维骏豪鸿晟弘昌富贵荣发展旺永久长乐',
);
const COMPANY_LINES = [
  '贸易',
  '进出口',
  '科技',
  '信息技术',
  '网络科技',
  '软件',
  '电子',
  '光电',
  '机械设备',
  '自动化设备',
  '建筑工程',
  '装饰工程',
  '市政工程',
  '物流',
  '供应链管理',
  '国际货运代理',
  '食品',
  '餐饮管理',
  '酒店管理',
  '文化传媒',
  '广告',
  '教育咨询',
  '房地产开发',
  '物业管理',
  '医疗器械',
  '生物科技',
  '环保科技',
  '新能源',
  '服装',
  '鞋业',
  '家具',
  '五金',
  '包装材料',
  '印刷',
  '汽车服务',
  '旅行社',
  '会展服务',
  '人力资源',
  '企业管理咨询',
  '实业',
  '水产',
  '茶业',
  '石材',
  '工贸',
  '电气',
  '化工',
  '塑胶',
  '纺织',
];
const COMPANY_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 0.8],
  ['有限责任公司', 0.1],
  ['股份有限公司', 0.1],
];
const SHOP_TYPES = [
  '小吃店',
  '面馆',
  '水果店',
  '五金店',
  '便利店',
  '百货商行',
  '烟酒商行',
  '茶叶店',
  '海鲜排档',
  '服装店',
  '鞋店',
  '美发店',
  '家电维修部',
  '早餐店',
  '烧烤店',
  '粮油店',
  '花店',
  '药店',
  '眼镜店',
  '干洗店',
  '汽车美容店',
  '文具店',
  '手机维修店',
  '母婴用品店',
  '建材商行',
  '灯具店',
  '卤味店',
  '奶茶店',
  '理发店',
  '摄影工作室',
];
const ASSOCIATION_LINES = [
  '软件行业',
  '物流',
  '餐饮',
  '旅游',
  '建筑业',
  '房地产业',
  '物业管理',
  '食品工业',
  '电子商务',
  '茶叶',
  '水产',
  '会展业',
  '广告',
  '家具',
  '汽车流通',
  '律师',
  '注册会计师',
  '医师',
  '护理',
  '摄影家',
  '书法家',
  '老年体育',
  '青年创业',
  '消费者权益保护',
  '个体劳动者',
  '私营企业',
  '质量管理',
  '安全生产',
  '信息化',
  '跨境电商',
];
const HOMETOWNS = [
  '泉州',
  '漳州',
  '莆田',
  '龙岩',
  '三明',
  '南平',
  '宁德',
  '福州',
  '温州',
  '潮汕',
  '江西',
  '湖南',
  '湖北',
  '四川',
  '河南',
  '安徽',
  '山东',
  '江苏',
  '浙江',
  '广东',
  '东北',
  '重庆',
  '贵州',
  '云南',
  '陕西',
  '山西',
  '河北',
  '甘肃',
];
const PRIVATE_NON_ENTERPRISE_TYPES = [
  '培训学校',
  '职业技能培训学校',
  '幼儿园',
  '养老院',
  '社会工作服务中心',
  '康复中心',
  '志愿服务中心',
  '社区服务中心',
];
const PUBLIC_INSTITUTION_TYPES = [
  '小学',
  '中学',
  '幼儿园',
  '社区卫生服务中心',
  '文化站',
  '农业技术推广站',
  '水利工作站',
  '市政服务中心',
  '劳动保障事务所',
  '便民服务中心',
];
/** The commonest surnames in mainland household registration statistics. */
const SURNAMES = [
  ...distinctCharacters(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文',
  ),
  '欧阳',
  '司马',
  '上官',
];
const GIVEN_NAME_CHARACTERS = distinctCharacters(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红国志斌宇婷浩凯俊峰鑫琳晨欣怡梓涵子轩思雨佳琪一诺雅文博睿嘉宁泽海天晓春秋雪梅林森宏伟德成立新生荣海燕丹倩婉琴健凤云龙飞翔',
).join('');

/** USCC registration authority (position 1) and organization type (position 2), GB 32100-2015 附录 A. */
const ENTERPRISE = '91';
const INDIVIDUAL_BUSINESS = '92';
const SOCIAL_GROUP = '51';
const PRIVATE_NON_ENTERPRISE_UNIT = '52';
const FOUNDATION = '53';
const PUBLIC_INSTITUTION = '12';

/**
 * Registrations after the USCC reform (GB 32100-2015, from October 2015) get an organization code assigned
 * with it: MA… by market regulation, MJ… by civil affairs, MB… by the establishment office. Older
 * organizations keep the all-digit GB 11714 code they already had.
 */
const USCC_REFORM = localDate(2015, 10, 1);
/** Everyone generated is an adult throughout 2024 (spec A-5: only persons with full civil capacity). */
const LATEST_BIRTH = localDate(2005, 12, 31);
const EARLIEST_BIRTH = localDate(1950, 1, 1);
const LATEST_REGISTRATION = localDate(2023, 12, 31);
const MAX_ATTEMPTS_PER_SUBJECT = 200;

function pickWeighted<T>(random: SeededRandom, weighted: ReadonlyArray<readonly [T, number]>): T {
  let roll = random.next() * weighted.reduce((total, [, weight]) => total + weight, 0);
  for (const [item, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = weighted.at(-1);
  if (last === undefined) throw new RangeError('pickWeighted: the list is empty');
  return last[0];
}

function dateBetween(random: SeededRandom, from: LocalDate, to: LocalDate): LocalDate {
  return from.add({ days: random.below(to.since(from).days + 1) });
}

/** Registration dates lean towards recent years, as a registry's living stock does. */
function recentDateBetween(random: SeededRandom, from: LocalDate, to: LocalDate): LocalDate {
  const a = dateBetween(random, from, to);
  const b = dateBetween(random, from, to);
  return compareDates(a, b) >= 0 ? a : b;
}

function randomCharacters(random: SeededRandom, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += alphabet.charAt(random.below(alphabet.length));
  return text;
}

function organizationCode(random: SeededRandom, registeredOn: LocalDate, reformPrefix: string): string {
  const body =
    compareDates(registeredOn, USCC_REFORM) >= 0
      ? reformPrefix + randomCharacters(random, USCC_CHARACTERS, 6)
      : String(1 + random.below(9)) + randomCharacters(random, '0123456789', 7);
  return body + computeOrganizationCodeCheckCharacter(body);
}

function uscc(authorityAndType: string, districtCode: string, orgCode: string): string {
  const body = authorityAndType + districtCode + orgCode;
  return body + computeUsccCheckCharacter(body);
}

function drawPerson(random: SeededRandom): { surname: string; name: string } {
  const surname = random.pick(SURNAMES);
  const givenLength = random.next() < 0.3 ? 1 : 2;
  return { surname, name: surname + randomCharacters(random, GIVEN_NAME_CHARACTERS, givenLength) };
}

function personName(random: SeededRandom): string {
  return drawPerson(random).name;
}

function tradeName(random: SeededRandom): string {
  return random.pick(TRADE_NAME_CHARACTERS) + random.pick(TRADE_NAME_CHARACTERS);
}

/** The short place name without its 区/县/市 suffix, as it begins a county-level enterprise's name (荣成…). */
function shortDistrictName(district: District): string {
  return district.name.slice(0, -1);
}

/**
 * How names begin in a district: organizations registered in a 市辖区 carry the city too (厦门市思明区…),
 * those in a county or county-level city only its own name (如东县…); enterprises use the short form.
 */
function placePrefixes(city: DemoCity, district: District): { organization: string; enterprise: string } {
  return district.kind === 'district'
    ? { organization: city.name + district.name, enterprise: city.shortName }
    : { organization: district.name, enterprise: shortDistrictName(district) };
}

type Draft = Omit<DemoSubject, 'districtCode'>;

function draftCompany(random: SeededRandom, city: DemoCity, district: District): Draft {
  const registeredOn = recentDateBetween(random, localDate(1995, 1, 1), LATEST_REGISTRATION);
  const name =
    placePrefixes(city, district).enterprise +
    tradeName(random) +
    random.pick(COMPANY_LINES) +
    pickWeighted(random, COMPANY_FORMS);
  return {
    code: uscc(ENTERPRISE, district.code, organizationCode(random, registeredOn, 'MA')),
    codeType: 'uscc',
    kind: 'company',
    name,
    registeredOn: registeredOn.toString(),
    legalRepresentative: personName(random),
  };
}

function draftIndividualBusiness(random: SeededRandom, _city: DemoCity, district: District): Draft {
  const registeredOn = recentDateBetween(random, localDate(2005, 1, 1), LATEST_REGISTRATION);
  const operator = drawPerson(random);
  const brand = random.pick<() => string>([
    () => `${operator.surname}记`,
    () => `老${operator.surname}`,
    () => `${operator.surname}氏`,
    () => tradeName(random),
  ])();
  return {
    // 个体工商户 received USCCs only from 2016, all with market-regulation-assigned MA… codes.
    code: uscc(INDIVIDUAL_BUSINESS, district.code, organizationCode(random, LATEST_REGISTRATION, 'MA')),
    codeType: 'uscc',
    kind: 'individual_business',
    name: district.name + brand + random.pick(SHOP_TYPES),
    registeredOn: registeredOn.toString(),
    legalRepresentative: operator.name,
  };
}

function draftSocialOrganization(random: SeededRandom, city: DemoCity, district: District): Draft {
  const registeredOn = recentDateBetween(random, localDate(2000, 1, 1), LATEST_REGISTRATION);
  const prefix = placePrefixes(city, district).organization;
  const [type, name] = random.pick<() => readonly [string, string]>([
    () => [SOCIAL_GROUP, `${prefix}${random.pick(ASSOCIATION_LINES)}协会`],
    () => [SOCIAL_GROUP, `${prefix}${random.pick(HOMETOWNS)}商会`],
    () => [FOUNDATION, `${prefix}${tradeName(random)}${random.pick(['公益', '慈善', '教育'])}基金会`],
    () => [
      PRIVATE_NON_ENTERPRISE_UNIT,
      `${prefix}${tradeName(random)}${random.pick(PRIVATE_NON_ENTERPRISE_TYPES)}`,
    ],
  ])();
  return {
    code: uscc(type, district.code, organizationCode(random, registeredOn, 'MJ')),
    codeType: 'uscc',
    kind: 'social_organization',
    name,
    registeredOn: registeredOn.toString(),
    legalRepresentative: personName(random),
  };
}

function draftPublicInstitution(random: SeededRandom, city: DemoCity, district: District): Draft {
  const registeredOn = dateBetween(random, localDate(1980, 1, 1), localDate(2020, 12, 31));
  const prefix = placePrefixes(city, district).organization;
  return {
    code: uscc(PUBLIC_INSTITUTION, district.code, organizationCode(random, registeredOn, 'MB')),
    codeType: 'uscc',
    kind: 'public_institution',
    name: prefix + tradeName(random) + random.pick(PUBLIC_INSTITUTION_TYPES),
    registeredOn: registeredOn.toString(),
    legalRepresentative: personName(random),
  };
}

function draftNaturalPerson(random: SeededRandom, _city: DemoCity, district: District): Draft {
  const birthDate = dateBetween(random, EARLIEST_BIRTH, LATEST_BIRTH);
  const compactBirthDate = birthDate.toString().replaceAll('-', '');
  const sequence = String(random.below(1000)).padStart(3, '0');
  const body = district.code + compactBirthDate + sequence;
  return {
    code: body + computeResidentIdCheckDigit(body),
    codeType: 'resident_id',
    kind: 'natural_person',
    name: personName(random),
    registeredOn: birthDate.toString(),
  };
}

const DRAFTERS: Readonly<
  Record<GeneratedKind, (random: SeededRandom, city: DemoCity, district: District) => Draft>
> = {
  company: draftCompany,
  individual_business: draftIndividualBusiness,
  social_organization: draftSocialOrganization,
  public_institution: draftPublicInstitution,
  natural_person: draftNaturalPerson,
};

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Exactly `count` kinds in the proportions of KIND_SHARES (largest remainder), every kind present once the
 * run is large enough to hold them all, in a seeded order.
 */
function kindSequence(random: SeededRandom, count: number): GeneratedKind[] {
  const quotas = KIND_SHARES.map(([kind, share]) => ({
    kind,
    exact: share * count,
    n: Math.floor(share * count),
  }));
  let missing = count - quotas.reduce((total, quota) => total + quota.n, 0);
  for (const quota of [...quotas].sort((a, b) => b.exact - b.n - (a.exact - a.n))) {
    if (missing === 0) break;
    quota.n += 1;
    missing -= 1;
  }
  if (count >= quotas.length) {
    for (const empty of quotas.filter((quota) => quota.n === 0)) {
      const largest = quotas.reduce((a, b) => (b.n > a.n ? b : a));
      largest.n -= 1;
      empty.n = 1;
    }
  }
  const kinds = quotas.flatMap(({ kind, n }) => Array<GeneratedKind>(n).fill(kind));
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = random.below(i + 1);
    [kinds[i], kinds[j]] = [kinds[j] as GeneratedKind, kinds[i] as GeneratedKind];
  }
  return kinds;
}

/**
 * `count` demo subjects of `city`, spread evenly over its districts, with unique names and unique codes.
 * Only the arguments decide the result: no clock, no Math.random.
 */
export function generateDemoSubjects({ city, count, seed }: DemoSubjectOptions): DemoSubject[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count: expected a non-negative integer, got ${count}`);
  }
  const cityData = demoCities[city];
  if (cityData === undefined) throw new RangeError(`city: unknown city "${city}"`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: expected an integer, got ${seed}`);
  // The city salts the seed so that the three cities' demo populations do not mirror one another.
  const random = createSeededRandom((seed ^ fnv1a(city)) >>> 0);
  const names = new Set<string>();
  const codes = new Set<string>();
  return kindSequence(random, count).map((kind) => {
    const district = random.pick(cityData.districts);
    for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_SUBJECT; attempt += 1) {
      const draft = DRAFTERS[kind](random, cityData, district);
      if (names.has(draft.name) || codes.has(draft.code)) continue;
      names.add(draft.name);
      codes.add(draft.code);
      return { ...draft, districtCode: district.code };
    }
    throw new RangeError(
      `count: ${count} subjects exhaust the ${kind} names available in ${district.name}; ask for fewer`,
    );
  });
}
