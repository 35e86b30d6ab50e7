import type { FieldDefinition } from '../../../core/catalog/item.ts';
import type { SubjectType } from '../../../core/policy/types.ts';
import { documentFields, field, recordKeepingFields, subjectFields } from './fields.ts';
import type { DefaultItemSpec, DefaultItems, DepartmentSelector } from './spec.ts';

/*
 * Registration information (登记类信息, 000 第八条(一); 003 第十条(一); 004 第十条(二)), one item per
 * registration authority, because each keeps its own register and, in NT, its own subject catalog (004 第六条).
 * Its status and the date a status took effect are the subject's lifecycle (R45): a 注销 or 吊销 ends an
 * organization, and the basic-information record period runs from there (000 第十条(一)(2)).
 */

const STATUSES = ['存续', '注销', '吊销', '撤销', '迁出'] as const;

function registrationFields(categories: readonly string[]): FieldDefinition[] {
  return [
    ...subjectFields('organizations'),
    field('subject_category', '主体类别', 'enum', {
      required: true,
      role: 'subjectCategory',
      values: categories,
    }),
    field('entity_type', '主体类型', 'text', {
      maxLength: 100,
      description: '如有限责任公司、事业单位、社会团体',
    }),
    field('established_on', '成立日期', 'date', { required: true }),
    field('registered_capital', '注册资本（开办资金）（万元）', 'number'),
    field('address', '住所', 'text', { maxLength: 300 }),
    field('business_scope', '经营（业务）范围', 'text', { maxLength: 4000 }),
    ...documentFields({ number: '登记证照编号', date: '核准日期', authority: '登记机关' }),
    field('registration_status', '登记状态', 'enum', {
      required: true,
      role: 'registrationStatus',
      values: STATUSES,
    }),
    field('status_changed_on', '状态变更日期', 'date', {
      role: 'registrationEventOn',
      description: '注销、吊销、撤销或迁出生效的日期',
    }),
    ...recordKeepingFields(),
  ];
}

function registration(
  code: string,
  name: string,
  register: {
    authority: string;
    categories: readonly string[];
    owner: SubjectType;
    providers: DepartmentSelector;
  },
  legalBasis: string,
): DefaultItemSpec {
  return {
    code,
    name,
    recordKind: 'registration',
    subjectScope: 'organizations',
    category: 'basic',
    disclosure: 'public',
    frequency: '实时',
    dataSource: `${register.authority}登记档案`,
    legalBases: [{ type: 'ADMINISTRATIVE_REGULATION', title: legalBasis }],
    fields: registrationFields(register.categories),
    // No field can say "for the subject's life"; where a city takes the period from the item, a long one.
    itemPeriod: { years: 30 },
    usage: [],
    providers: register.providers,
    owner: register.owner,
  };
}

export const registrations: DefaultItems = () => [
  registration(
    'SSZTDJ',
    '市场主体登记信息',
    {
      authority: '市场监督管理部门',
      categories: ['法人及非法人组织', '个体工商户'],
      owner: 'enterprise',
      // WH and NT moved market-entity registration to their administrative approval bureaus.
      providers: { suffixes: ['SCJG', 'XZSP'] },
    },
    '《中华人民共和国市场主体登记管理条例》',
  ),
  registration(
    'SYDWDJ',
    '事业单位登记信息',
    {
      authority: '机构编制部门',
      categories: ['法人及非法人组织'],
      owner: 'public_institution',
      providers: { suffixes: ['BB'] },
    },
    '《事业单位登记管理暂行条例》',
  ),
  registration(
    'SHZZDJ',
    '社会组织登记信息',
    {
      authority: '民政部门',
      categories: ['法人及非法人组织'],
      owner: 'social_organization',
      providers: { suffixes: ['MZJ'] },
    },
    '《社会团体登记管理条例》',
  ),
];
