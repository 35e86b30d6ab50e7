import { documentFields, field, recordKeepingFields, subjectFields } from './fields.ts';
import type { DefaultItems } from './spec.ts';

/*
 * Awards and volunteering (守信 000 第八条(二); 良好 003 第十二条; 正面 004 第十一条) and credit commitments
 * (000 第十三条; 004 第十三条(二)). A commitment is NT's 其他信息; the other cities have no such category,
 * so there it is basic information, the subject's own declaration on record.
 */

/** XM 守信信息 lasts as long as its stated validity, or until cancelled (000 第十条(一)(3)). */
const validUntil = (title: string) =>
  field('valid_until', title, 'date', { role: 'validUntil', description: '无有效期的留空，至撤销之日止' });

export const goodRecordsAndCommitments: DefaultItems = (params) => [
  {
    code: 'BZJL',
    name: '表彰奖励信息',
    recordKind: 'award',
    subjectScope: 'all',
    category: 'good',
    disclosure: 'public',
    frequency: '作出决定后每月',
    dataSource: '各级人民政府及其部门、群团组织的表彰奖励决定',
    legalBases: [],
    fields: [
      ...subjectFields('all'),
      field('award_name', '表彰奖励名称', 'text', { required: true, maxLength: 200 }),
      field('award_content', '表彰奖励内容', 'text', { maxLength: 2000 }),
      ...documentFields({ number: '表彰奖励决定文号', date: '授予日期', authority: '授予机关' }),
      field('award_level', '授予机关级别', 'enum', {
        required: true,
        role: 'awardLevel',
        values: ['国家级', '省级', '市级', '县级', '区级', '乡镇级'],
      }),
      validUntil('有效期至'),
      ...recordKeepingFields(),
    ],
    itemPeriod: { years: 3 },
    usage: [],
    providers: { suffixes: ['RSJ', 'KJJ', 'JYJ', 'SCJG', 'MZJ', 'TYJRJ', 'ZGH', 'TSW', 'FL'] },
    owner: 'natural_person',
  },
  {
    code: 'ZYFW',
    name: '志愿服务信息',
    recordKind: 'volunteering',
    subjectScope: 'natural_persons',
    category: 'good',
    // A person's volunteering is shown to those the person authorizes, not published.
    disclosure: 'authorized',
    frequency: '每月',
    dataSource: '全国志愿服务信息系统志愿服务记录',
    legalBases: [{ type: 'ADMINISTRATIVE_REGULATION', title: '《志愿服务条例》' }],
    fields: [
      ...subjectFields('natural_persons'),
      field('project', '志愿服务项目', 'text', { required: true, maxLength: 200 }),
      field('hours', '服务时长（小时）', 'number', { required: true }),
      field('served_from', '服务开始日期', 'date'),
      field('served_to', '服务结束日期', 'date'),
      ...documentFields({ number: '志愿服务记录编号', date: '记录日期', authority: '记录单位' }),
      ...recordKeepingFields(),
    ],
    itemPeriod: { years: 3 },
    usage: [],
    providers: { suffixes: ['TSW', 'MZJ'] },
    owner: 'natural_person',
  },
  {
    code: 'XYCN',
    name: '信用承诺信息',
    recordKind: 'commitment',
    subjectScope: 'all',
    category: params.catalog.categories.value.some((c) => c.code === 'other') ? 'other' : 'basic',
    disclosure: 'public',
    frequency: '实时',
    dataSource: '信用主体作出的信用承诺书',
    legalBases: [],
    fields: [
      ...subjectFields('all'),
      field('commitment_type', '承诺类型', 'enum', {
        required: true,
        values: ['审批替代型', '行业自律型', '主动型', '信用修复型'],
      }),
      field('matter', '承诺事项', 'text', { required: true, maxLength: 200 }),
      field('commitment_content', '承诺内容', 'text', { maxLength: 4000 }),
      ...documentFields({ number: '承诺书编号', date: '承诺日期', authority: '承诺受理单位' }),
      field('fulfilment', '履约状态', 'enum', { values: ['履约中', '已履约', '未履约'] }),
      validUntil('承诺有效期至'),
      ...recordKeepingFields(),
    ],
    itemPeriod: { years: 3 },
    usage: [],
    providers: { suffixes: ['FGW', 'SCJG', 'XZSP', 'SWJ'] },
    owner: 'natural_person',
  },
];
