import {
  authorityAndSourceFields,
  dishonestFields,
  field,
  publicitySubjectFields,
  recordKeepingFields,
} from './fields.ts';
import type { DefaultItems } from './spec.ts';

/*
 * 双公示: administrative licences and penalties in the national data standard (行政许可、行政处罚等信用信息
 * 公示数据标准, 国家发展改革委 2021), disclosed to society (行政许可法 第四十条; 行政处罚法 第四十八条).
 * Every administrative organ decides them, so every government department and vertical agency provides.
 */

const ADMINISTRATIVE_ORGANS = { kinds: ['government_department', 'vertical_agency'] } as const;

/** The standard's own deadline for putting a decision online. */
const WITHIN_SEVEN_WORKING_DAYS = '作出决定之日起7个工作日内';

export const licencesAndPenalties: DefaultItems = (params) => [
  {
    code: 'XZXK',
    name: '行政许可信息',
    recordKind: 'license',
    subjectScope: 'all',
    category: 'basic',
    disclosure: 'public',
    frequency: WITHIN_SEVEN_WORKING_DAYS,
    dataSource: '各行政许可机关作出的行政许可决定',
    legalBases: [{ type: 'LAW', title: '《中华人民共和国行政许可法》', article: '第四十条' }],
    fields: [
      ...publicitySubjectFields('XK'),
      field('XK_XKWS', '行政许可决定文书名称', 'text', {
        required: true,
        maxLength: 64,
        aliases: ['XK_XMMC', '项目名称'],
      }),
      field('XK_WSH', '行政许可决定文书号', 'text', {
        required: true,
        role: 'documentNumber',
        maxLength: 64,
        aliases: ['行政许可决定书文号'],
      }),
      field('XK_XKLB', '许可类别', 'enum', {
        required: true,
        values: ['普通', '特许', '认可', '核准', '登记', '其他'],
        aliases: ['XK_SPLB', '审批类别'],
      }),
      field('XK_XKZS', '许可证书名称', 'text', { maxLength: 64 }),
      field('XK_XKBH', '许可编号', 'text', { maxLength: 64 }),
      field('XK_NR', '许可内容', 'text', { required: true, maxLength: 4000 }),
      field('XK_JDRQ', '许可决定日期', 'date', { required: true, role: 'decidedOn' }),
      field('XK_YXQZ', '有效期自', 'date', { required: true }),
      field('XK_YXQZI', '有效期至', 'date', {
        required: true,
        role: 'validUntil',
        aliases: ['XK_JZQ', '截止期'],
        description: '长期有效的填 2099-12-31',
      }),
      field('XK_ZT', '当前状态', 'text', { maxLength: 16, description: '1 有效；2 无效' }),
      ...authorityAndSourceFields(
        { code: 'XK_XKJG', title: '许可机关', alias: 'XK_XZJG' },
        { code: 'XK_LYDW' },
      ),
      ...recordKeepingFields(),
    ],
    itemPeriod: { years: 3 },
    usage: [],
    providers: ADMINISTRATIVE_ORGANS,
    owner: 'natural_person',
  },
  {
    code: 'XZCF',
    name: '行政处罚信息',
    recordKind: 'penalty',
    subjectScope: 'all',
    category: 'dishonest',
    disclosure: 'public',
    frequency: WITHIN_SEVEN_WORKING_DAYS,
    dataSource: '各行政执法机关作出的行政处罚决定书',
    legalBases: [{ type: 'LAW', title: '《中华人民共和国行政处罚法》', article: '第四十八条' }],
    fields: [
      ...publicitySubjectFields('CF'),
      field('CF_WSH', '行政处罚决定书文号', 'text', {
        required: true,
        role: 'documentNumber',
        maxLength: 64,
      }),
      field('CF_WFXW', '违法行为类型', 'text', {
        required: true,
        maxLength: 2000,
        aliases: ['CF_AJMC', '案件名称', 'CF_CFMC', '处罚名称'],
      }),
      field('CF_SY', '违法事实', 'text', { required: true, maxLength: 5000, aliases: ['处罚事由'] }),
      field('CF_YJ', '处罚依据', 'text', { required: true, maxLength: 2048 }),
      field('CF_CFLB', '处罚类别', 'text', {
        required: true,
        maxLength: 256,
        aliases: ['CF_CFLB1', '处罚类别1', 'CF_CFLB2', '处罚类别2'],
        description:
          '警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣许可证件、降低资质等级、吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业、行政拘留、其他；多个以分号分隔',
      }),
      field('CF_NR', '处罚内容', 'text', { required: true, maxLength: 4000, aliases: ['CF_JG', '处罚结果'] }),
      field('CF_NR_FK', '罚款金额（万元）', 'number'),
      field('CF_NR_WFFF', '没收违法所得、没收非法财物的金额（万元）', 'number'),
      field('CF_NR_ZKDX', '暂扣或吊销证照名称及编号', 'text', { maxLength: 200 }),
      field('CF_JDRQ', '处罚决定日期', 'date', { required: true, role: 'decidedOn' }),
      field('CF_YXQ', '处罚有效期', 'date', { description: '处罚决定的履行或执行期限' }),
      field('CF_GSJZQ', '公示截止期', 'date', {
        role: 'declaredDisclosureEnd',
        description: '与平台按规则计算的期限不一致时须附法定依据',
      }),
      ...authorityAndSourceFields(
        { code: 'CF_CFJG', title: '处罚机关', alias: 'CF_XZJG' },
        { code: 'CF_SJLY' },
      ),
      field('procedure', '程序类型', 'enum', {
        required: true,
        role: 'procedure',
        values: ['一般程序', '简易程序'],
      }),
      ...dishonestFields(params, { minorViolation: true, severityRequired: true }),
      ...recordKeepingFields(),
    ],
    itemPeriod: { years: 3 },
    usage: [],
    providers: ADMINISTRATIVE_ORGANS,
    owner: 'natural_person',
  },
];
