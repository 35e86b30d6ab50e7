import type { ProviderDepartment } from './types.ts';

const CITY = '371000';

/**
 * The main providers (信息提供主体) of the Weihai platform: administrative organs, judicial organs,
 * authorized organizations and mass organizations (003 第二条). Post-2019 reform names; units whose exact
 * current name could not be confirmed are left out. Codes are permanent: add new ones, never reuse.
 */
export const weihaiDepartments: readonly ProviderDepartment[] = [
  {
    // Co-competent department with the People's Bank branch (003 第六条).
    code: 'WH-FGW',
    name: '威海市发展和改革委员会',
    nameEn: 'Weihai Development and Reform Commission',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-GXJ',
    name: '威海市工业和信息化局',
    nameEn: 'Weihai Bureau of Industry and Information Technology',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-JYJ',
    name: '威海市教育局',
    nameEn: 'Weihai Education Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-KJJ',
    name: '威海市科学技术局',
    nameEn: 'Weihai Science and Technology Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-GAJ',
    name: '威海市公安局',
    nameEn: 'Weihai Public Security Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-MZJ',
    name: '威海市民政局',
    nameEn: 'Weihai Civil Affairs Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-SFJ',
    name: '威海市司法局',
    nameEn: 'Weihai Justice Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-CZJ',
    name: '威海市财政局',
    nameEn: 'Weihai Finance Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-RSJ',
    name: '威海市人力资源和社会保障局',
    nameEn: 'Weihai Human Resources and Social Security Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-ZYGHJ',
    name: '威海市自然资源和规划局',
    nameEn: 'Weihai Natural Resources and Planning Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-STHJJ',
    name: '威海市生态环境局',
    nameEn: 'Weihai Ecology and Environment Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-ZJJ',
    name: '威海市住房和城乡建设局',
    nameEn: 'Weihai Housing and Urban-Rural Development Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-JTYSJ',
    name: '威海市交通运输局',
    nameEn: 'Weihai Transport Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-NYNCJ',
    name: '威海市农业农村局',
    nameEn: 'Weihai Agriculture and Rural Affairs Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-HYFZJ',
    name: '威海市海洋发展局',
    nameEn: 'Weihai Ocean Development Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-SHWJ',
    name: '威海市商务局',
    nameEn: 'Weihai Commerce Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-WLJ',
    name: '威海市文化和旅游局',
    nameEn: 'Weihai Culture and Tourism Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-WJW',
    name: '威海市卫生健康委员会',
    nameEn: 'Weihai Health Commission',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-TYJRJ',
    name: '威海市退役军人事务局',
    nameEn: 'Weihai Veterans Affairs Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-YJGLJ',
    name: '威海市应急管理局',
    nameEn: 'Weihai Emergency Management Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-SJJ',
    name: '威海市审计局',
    nameEn: 'Weihai Audit Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-GZW',
    name: '威海市人民政府国有资产监督管理委员会',
    nameEn: 'Weihai State-owned Assets Supervision and Administration Commission',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-SCJG',
    name: '威海市市场监督管理局',
    nameEn: 'Weihai Administration for Market Regulation',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-TJJ',
    name: '威海市统计局',
    nameEn: 'Weihai Statistics Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-YBJ',
    name: '威海市医疗保障局',
    nameEn: 'Weihai Healthcare Security Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-XZSP',
    name: '威海市行政审批服务局',
    nameEn: 'Weihai Administrative Approval Service Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'WH-BB',
    name: '中共威海市委机构编制委员会办公室',
    nameEn: 'Weihai Commission Office for Public Sector Reform',
    kind: 'government_department',
    divisionCode: CITY,
  },

  // 司法机关 (003 第二条)
  {
    code: 'WH-ZJFY',
    name: '威海市中级人民法院',
    nameEn: 'Weihai Intermediate People’s Court',
    kind: 'court',
    divisionCode: CITY,
  },
  {
    code: 'WH-JCY',
    name: '威海市人民检察院',
    nameEn: 'Weihai People’s Procuratorate',
    kind: 'procuratorate',
    divisionCode: CITY,
  },

  // 垂直管理单位
  {
    code: 'WH-SWJ',
    name: '国家税务总局威海市税务局',
    nameEn: 'Weihai Tax Service, State Taxation Administration',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'WH-HG',
    name: '威海海关',
    nameEn: 'Weihai Customs',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    // 003 第六条 names 人民银行威海市中心支行, renamed in the 2024 reform of the central bank's branches.
    code: 'WH-RMYH',
    name: '中国人民银行威海市分行',
    nameEn: 'People’s Bank of China Weihai Branch',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'WH-JRJG',
    name: '国家金融监督管理总局威海监管分局',
    nameEn: 'Weihai Sub-office of the National Financial Regulatory Administration',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'WH-HSJ',
    name: '威海海事局',
    nameEn: 'Weihai Maritime Safety Administration',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'WH-XFJY',
    name: '威海市消防救援支队',
    nameEn: 'Weihai Fire and Rescue Detachment',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },

  // 群团组织 (003 第二条)
  {
    code: 'WH-ZGH',
    name: '威海市总工会',
    nameEn: 'Weihai Federation of Trade Unions',
    kind: 'mass_organization',
    divisionCode: CITY,
  },
  {
    code: 'WH-TSW',
    name: '共青团威海市委员会',
    nameEn: 'Weihai Committee of the Communist Youth League',
    kind: 'mass_organization',
    divisionCode: CITY,
  },
  {
    code: 'WH-FL',
    name: '威海市妇女联合会',
    nameEn: 'Weihai Women’s Federation',
    kind: 'mass_organization',
    divisionCode: CITY,
  },

  // 事业单位、公用事业单位
  {
    code: 'WH-GJJ',
    name: '威海市住房公积金管理中心',
    nameEn: 'Weihai Housing Provident Fund Management Center',
    kind: 'public_institution',
    divisionCode: CITY,
  },
  {
    code: 'WH-GGZY',
    name: '威海市公共资源交易中心',
    nameEn: 'Weihai Public Resources Trading Center',
    kind: 'public_institution',
    divisionCode: CITY,
  },
  {
    code: 'WH-GD',
    name: '国网山东省电力公司威海供电公司',
    nameEn: 'State Grid Weihai Power Supply Company',
    kind: 'utility',
    divisionCode: CITY,
  },
];
