/**
 * Administrative division codes (行政区划代码, GB/T 2260) as they appear inside identity codes: positions 1–6
 * of a resident ID number and positions 3–8 of a USCC. Only the province level is complete; below it the
 * table names the three cities this platform is configured for. Codes that were abolished stay in the
 * table because ID numbers keep the code of the place where they were first issued.
 */

/** Province-level divisions by their two-digit prefix (GB/T 2260). */
const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/**
 * Province-level prefixes under which resident ID numbers are issued: the 31 mainland provinces. 台湾省 (71),
 * 香港 (81) and 澳门 (82) have GB/T 2260 codes but no resident ID numbers; their residents carry the
 * 港澳台居民居住证 with 810000 / 820000 / 830000 instead.
 */
const RESIDENT_ID_PROVINCES: ReadonlySet<string> = new Set(
  Object.keys(PROVINCES).filter((prefix) => !['71', '81', '82'].includes(prefix)),
);

interface Division {
  name: string;
  /** The year the code went out of use (merged or renamed); ID numbers issued earlier still carry it. */
  abolished?: number;
}

/** Prefectures and counties named below the province level: Xiamen, Weihai and Nantong. */
const DIVISIONS: Readonly<Record<string, Division>> = {
  '350200': { name: '厦门市' },
  '350202': { name: '鼓浪屿区', abolished: 2003 },
  '350203': { name: '思明区' },
  '350204': { name: '开元区', abolished: 2003 },
  '350205': { name: '海沧区' },
  '350206': { name: '湖里区' },
  '350211': { name: '集美区' },
  '350212': { name: '同安区' },
  '350213': { name: '翔安区' },
  '371000': { name: '威海市' },
  '371002': { name: '环翠区' },
  '371003': { name: '文登区' },
  '371081': { name: '文登市', abolished: 2014 },
  '371082': { name: '荣成市' },
  '371083': { name: '乳山市' },
  '320600': { name: '南通市' },
  '320602': { name: '崇川区', abolished: 2020 },
  '320611': { name: '港闸区', abolished: 2020 },
  '320612': { name: '通州区' },
  '320613': { name: '崇川区' },
  '320614': { name: '海门区' },
  '320621': { name: '海安县', abolished: 2018 },
  '320623': { name: '如东县' },
  '320681': { name: '启东市' },
  '320682': { name: '如皋市' },
  '320683': { name: '通州市', abolished: 2009 },
  '320684': { name: '海门市', abolished: 2020 },
  '320685': { name: '海安市' },
};

/** Positions 3–8 of a USCC registered by a central (national-level) authority. */
export const NATIONAL_REGISTRATION_REGION = '100000';

export interface RegionDetails {
  code: string;
  /** The fullest name known, e.g. 福建省厦门市思明区; only the province when lower levels are not in the table. */
  name: string | null;
  province: string | null;
  /** True when the code itself (not only its province) is in the table. */
  exact: boolean;
  /** The year a named code went out of use, or null. */
  abolished: number | null;
}

export function provinceName(prefix: string): string | null {
  return PROVINCES[prefix] ?? null;
}

export function isResidentIdProvince(prefix: string): boolean {
  return RESIDENT_ID_PROVINCES.has(prefix);
}

/** Names a six-digit division code as far as the table knows it; never fails. */
export function describeDivision(code: string): RegionDetails {
  if (code === NATIONAL_REGISTRATION_REGION) {
    return { code, name: '全国', province: null, exact: true, abolished: null };
  }
  const province = provinceName(code.slice(0, 2));
  if (province === null) return { code, name: null, province: null, exact: false, abolished: null };
  const prefectureCode = `${code.slice(0, 4)}00`;
  const prefecture = prefectureCode === code ? undefined : DIVISIONS[prefectureCode];
  const own = code.endsWith('0000') ? { name: province } : DIVISIONS[code];
  const parts = [
    province,
    prefecture?.name,
    own === undefined || own.name === province ? undefined : own.name,
  ];
  return {
    code,
    name: parts.filter((part) => part !== undefined).join(''),
    province,
    exact: own !== undefined,
    abolished: own?.abolished ?? null,
  };
}
