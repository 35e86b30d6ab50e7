import type {
  CatalogWorkflowStep,
  CategoryCode,
  DataClass,
  LegalBasisType,
  ListType,
} from '../policy/types.ts';
import type { FieldDataClass } from './item.ts';

/*
 * The Chinese a person reads for the catalog's code names (docs/glossary.md holds the same terms). The city
 * profiles name their own categories and disclosure attributes; these are the names where no profile does.
 */

/** 000 第十六条; 003 第十五条; 004 第十四条. */
export const DATA_CLASS_ZH: Readonly<Record<FieldDataClass, string>> = {
  IDENTITY: '身份标识',
  ORDINARY: '一般信息',
  RELIGION: '宗教信仰',
  GENES: '基因',
  FINGERPRINT: '指纹',
  BLOOD_TYPE: '血型',
  DISEASE: '疾病',
  MEDICAL_HISTORY: '病史',
  INCOME: '收入',
  DEPOSITS: '存款',
  SECURITIES: '有价证券',
  COMMERCIAL_INSURANCE: '商业保险',
  REAL_ESTATE: '不动产',
  TAX_AMOUNT: '纳税数额',
} satisfies Record<DataClass | 'IDENTITY' | 'ORDINARY', string>;

/** 立法法 hierarchy plus policy documents, as the regulations name them. */
export const LEGAL_BASIS_TYPE_ZH: Readonly<Record<LegalBasisType, string>> = {
  LAW: '法律',
  ADMINISTRATIVE_REGULATION: '行政法规',
  LOCAL_REGULATION: '地方性法规',
  DEPARTMENT_RULE: '部门规章',
  LOCAL_RULE: '地方政府规章',
  CPC_STATE_COUNCIL_POLICY: '党中央、国务院政策文件',
  NATIONAL_PROVISION: '国家规定',
  NORMATIVE_DOCUMENT: '规范性文件',
};

export const LEGAL_BASIS_TYPE_EN: Readonly<Record<LegalBasisType, string>> = {
  LAW: 'law',
  ADMINISTRATIVE_REGULATION: 'administrative regulation',
  LOCAL_REGULATION: 'local regulation',
  DEPARTMENT_RULE: 'department rule',
  LOCAL_RULE: 'local government rule',
  CPC_STATE_COUNCIL_POLICY: 'CPC Central Committee / State Council policy',
  NATIONAL_PROVISION: 'national provision',
  NORMATIVE_DOCUMENT: 'normative document',
};

/** Names for a category a profile does not define (R8: the rejection has to name it somehow). */
export const CATEGORY_ZH: Readonly<Record<CategoryCode, string>> = {
  basic: '基本信息',
  good: '守信（良好、正面）信息',
  dishonest: '失信（负面）信息',
  other: '其他信息',
};

export const LIST_TYPE_ZH: Readonly<Record<ListType, string>> = {
  joint_punishment: '失信联合惩戒对象名单',
  key_attention: '重点关注名单',
  credit_warning: '社会信用预警名单',
  joint_incentive: '守信联合激励对象名单',
  red: '红名单',
  black: '黑名单',
};

export const CATALOG_STATUS_ZH: Readonly<Record<CatalogWorkflowStep | 'RETIRED', string>> = {
  DRAFT: '草稿',
  PUBLIC_CONSULTATION: '公开征求意见',
  MUNICIPAL_GOVERNMENT_APPROVED: '市政府已批准',
  PUBLISHED: '已发布',
  RETIRED: '已停用',
};
