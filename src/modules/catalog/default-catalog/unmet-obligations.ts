import type { FieldDefinition } from '../../../core/catalog/item.ts';
import type { PolicyParameters } from '../../../core/policy/types.ts';
import { dishonestFields, documentFields, field, recordKeepingFields, subjectFields } from './fields.ts';
import type { DefaultItems } from './spec.ts';

/*
 * Obligations set by an effective legal document and not met (000 第八条(三); 003 第十三条(一)(三);
 * 004 第十二条(二)): the courts' list of dishonest judgment debtors, unpaid taxes and unpaid social insurance
 * contributions. Arrears are shared among government bodies only, with the bodies that may use them named
 * (R15); the spec's own example gives social-insurance arrears to the human resources and tax bureaus.
 */

function obligationFields(params: PolicyParameters, specific: FieldDefinition[]): FieldDefinition[] {
  return [
    ...subjectFields('all'),
    ...specific,
    ...dishonestFields(params, { minorViolation: false, severityRequired: true }),
    ...recordKeepingFields(),
  ];
}

const arrearsFields = (params: PolicyParameters, arrears: { kind: string; authority: string }) =>
  obligationFields(params, [
    ...documentFields({ number: '催缴（决定）文书号', date: '文书日期', authority: arrears.authority }),
    field('arrears_type', arrears.kind, 'text', { required: true, maxLength: 200 }),
    field('arrears_amount', '欠缴金额（元）', 'number', { required: true }),
    field('arrears_period', '欠缴所属期', 'text', { maxLength: 100, description: '如 2024-01 至 2024-06' }),
  ]);

export const unmetObligations: DefaultItems = (params) => [
  {
    code: 'SXBZXR',
    name: '失信被执行人信息',
    recordKind: 'enforcement',
    subjectScope: 'all',
    category: 'dishonest',
    disclosure: 'public',
    frequency: '每日',
    dataSource: '人民法院失信被执行人名单',
    legalBases: [
      { type: 'LAW', title: '《中华人民共和国民事诉讼法》' },
      { type: 'NATIONAL_PROVISION', title: '《最高人民法院关于公布失信被执行人名单信息的若干规定》' },
    ],
    fields: obligationFields(params, [
      ...documentFields({ number: '案号', date: '纳入失信名单决定日期', authority: '执行法院' }),
      field('filed_on', '立案日期', 'date'),
      field('basis_document', '执行依据文号', 'text', { required: true, maxLength: 128 }),
      field('basis_authority', '作出执行依据单位', 'text', { maxLength: 200 }),
      field('obligation', '生效法律文书确定的义务', 'text', { required: true, maxLength: 4000 }),
      field('performance', '被执行人的履行情况', 'enum', {
        required: true,
        values: ['全部未履行', '部分未履行'],
      }),
      field('behaviour', '失信被执行人行为具体情形', 'text', { required: true, maxLength: 2000 }),
    ]),
    // 法释〔2017〕7号 第二条: two years on the list, unless the court extends it.
    itemPeriod: { years: 2 },
    usage: [],
    providers: { kinds: ['court'] },
    owner: 'natural_person',
  },
  {
    code: 'QJSK',
    name: '欠缴税款信息',
    recordKind: 'arrears',
    subjectScope: 'all',
    category: 'dishonest',
    disclosure: 'government',
    frequency: '每月',
    dataSource: '税务机关欠缴税款记录',
    legalBases: [{ type: 'LAW', title: '《中华人民共和国税收征收管理法》', article: '第四十五条' }],
    fields: arrearsFields(params, { kind: '欠缴税种', authority: '主管税务机关' }),
    itemPeriod: { years: 3 },
    usage: ['SWJ', 'FGW', 'CZJ', 'GGZY'],
    providers: { suffixes: ['SWJ'] },
    owner: 'natural_person',
  },
  {
    code: 'QJSBF',
    name: '欠缴社会保险费信息',
    recordKind: 'arrears',
    subjectScope: 'all',
    category: 'dishonest',
    disclosure: 'government',
    frequency: '每月',
    dataSource: '社会保险费征收机构欠缴记录',
    legalBases: [{ type: 'LAW', title: '《中华人民共和国社会保险法》' }],
    fields: arrearsFields(params, { kind: '欠缴险种', authority: '征收机构' }),
    itemPeriod: { years: 3 },
    usage: ['RSJ', 'SWJ'],
    providers: { suffixes: ['RSJ', 'SWJ', 'YBJ'] },
    owner: 'natural_person',
  },
];
