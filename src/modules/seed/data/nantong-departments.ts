import type { ProviderDepartment } from './types.ts';

const CITY = '320600';

/**
 * The main providers (信息提供单位) of the Nantong platform. 004 第二条 defines them as administrative organs
 * and organizations authorized by law to manage public affairs, so unlike Xiamen and Weihai the list has no
 * courts, procuratorate or mass organizations. It includes the owners of the four subject catalogs of
 * 004 第六条: 工商 (now 市场监督管理局), 信用 (now 发展和改革委员会; 004 第四十二条 still names the former
 * 经济和信息化委员会), 民政 and 机构编制. Post-2019 reform names; units whose exact current name could not be
 * confirmed are left out. Codes are permanent: add new ones, never reuse.
 */
export const nantongDepartments: readonly ProviderDepartment[] = [
  {
    code: 'NT-FGW',
    name: '南通市发展和改革委员会',
    nameEn: 'Nantong Development and Reform Commission',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-GXJ',
    name: '南通市工业和信息化局',
    nameEn: 'Nantong Bureau of Industry and Information Technology',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-JYJ',
    name: '南通市教育局',
    nameEn: 'Nantong Education Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-KJJ',
    name: '南通市科学技术局',
    nameEn: 'Nantong Science and Technology Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-GAJ',
    name: '南通市公安局',
    nameEn: 'Nantong Public Security Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-MZJ',
    name: '南通市民政局',
    nameEn: 'Nantong Civil Affairs Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-SFJ',
    name: '南通市司法局',
    nameEn: 'Nantong Justice Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-CZJ',
    name: '南通市财政局',
    nameEn: 'Nantong Finance Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-RSJ',
    name: '南通市人力资源和社会保障局',
    nameEn: 'Nantong Human Resources and Social Security Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-ZYGHJ',
    name: '南通市自然资源和规划局',
    nameEn: 'Nantong Natural Resources and Planning Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-STHJJ',
    name: '南通市生态环境局',
    nameEn: 'Nantong Ecology and Environment Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-ZJJ',
    name: '南通市住房和城乡建设局',
    nameEn: 'Nantong Housing and Urban-Rural Development Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-JTYSJ',
    name: '南通市交通运输局',
    nameEn: 'Nantong Transport Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-SLJ',
    name: '南通市水利局',
    nameEn: 'Nantong Water Resources Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-NYNCJ',
    name: '南通市农业农村局',
    nameEn: 'Nantong Agriculture and Rural Affairs Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-SHWJ',
    name: '南通市商务局',
    nameEn: 'Nantong Commerce Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-WGLJ',
    name: '南通市文化广电和旅游局',
    nameEn: 'Nantong Culture, Radio, Television and Tourism Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-WJW',
    name: '南通市卫生健康委员会',
    nameEn: 'Nantong Health Commission',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-TYJRJ',
    name: '南通市退役军人事务局',
    nameEn: 'Nantong Veterans Affairs Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-YJGLJ',
    name: '南通市应急管理局',
    nameEn: 'Nantong Emergency Management Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-SJJ',
    name: '南通市审计局',
    nameEn: 'Nantong Audit Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-GZW',
    name: '南通市人民政府国有资产监督管理委员会',
    nameEn: 'Nantong State-owned Assets Supervision and Administration Commission',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-SCJG',
    name: '南通市市场监督管理局',
    nameEn: 'Nantong Administration for Market Regulation',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-TYJ',
    name: '南通市体育局',
    nameEn: 'Nantong Sports Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-TJJ',
    name: '南通市统计局',
    nameEn: 'Nantong Statistics Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-YBJ',
    name: '南通市医疗保障局',
    nameEn: 'Nantong Healthcare Security Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-XZSP',
    name: '南通市行政审批局',
    nameEn: 'Nantong Administrative Approval Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    code: 'NT-CGJ',
    name: '南通市城市管理局',
    nameEn: 'Nantong Urban Management Bureau',
    kind: 'government_department',
    divisionCode: CITY,
  },
  {
    // The 机构编制部门 of 004 第六条, owner of the public-institution catalog.
    code: 'NT-BB',
    name: '中共南通市委机构编制委员会办公室',
    nameEn: 'Nantong Commission Office for Public Sector Reform',
    kind: 'government_department',
    divisionCode: CITY,
  },

  // 垂直管理单位
  {
    code: 'NT-SWJ',
    name: '国家税务总局南通市税务局',
    nameEn: 'Nantong Tax Service, State Taxation Administration',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'NT-HG',
    name: '南通海关',
    nameEn: 'Nantong Customs',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'NT-RMYH',
    name: '中国人民银行南通市分行',
    nameEn: 'People’s Bank of China Nantong Branch',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'NT-JRJG',
    name: '国家金融监督管理总局南通监管分局',
    nameEn: 'Nantong Sub-office of the National Financial Regulatory Administration',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'NT-HSJ',
    name: '南通海事局',
    nameEn: 'Nantong Maritime Safety Administration',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },
  {
    code: 'NT-XFJY',
    name: '南通市消防救援支队',
    nameEn: 'Nantong Fire and Rescue Detachment',
    kind: 'vertical_agency',
    divisionCode: CITY,
  },

  // 事业单位、公用事业单位
  {
    code: 'NT-GJJ',
    name: '南通市住房公积金管理中心',
    nameEn: 'Nantong Housing Provident Fund Management Center',
    kind: 'public_institution',
    divisionCode: CITY,
  },
  {
    code: 'NT-GGZY',
    name: '南通市公共资源交易中心',
    nameEn: 'Nantong Public Resources Trading Center',
    kind: 'public_institution',
    divisionCode: CITY,
  },
  {
    code: 'NT-GD',
    name: '国网江苏省电力有限公司南通供电分公司',
    nameEn: 'State Grid Nantong Power Supply Company',
    kind: 'utility',
    divisionCode: CITY,
  },
];
