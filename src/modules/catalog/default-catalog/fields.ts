import type { FieldDataClass, FieldDefinition, FieldType } from '../../../core/catalog/item.ts';
import type { FactRole } from '../../../core/collection/facts.ts';
import type { PolicyParameters } from '../../../core/policy/types.ts';

/*
 * The fields the default items share. The national 双公示 formats (行政许可、行政处罚等信用信息公示数据
 * 标准, 国家发展改革委 2021) prefix each subject field with XK_ or CF_; our own items use snake_case codes.
 */

interface FieldOptions {
  required?: boolean;
  role?: FactRole;
  dataClass?: FieldDataClass;
  values?: readonly string[];
  aliases?: readonly string[];
  maxLength?: number;
  description?: string;
}

export function field(
  code: string,
  title: string,
  type: FieldType,
  options: FieldOptions = {},
): FieldDefinition {
  const { required = false, dataClass = 'ORDINARY', ...rest } = options;
  return { code, title, type, required, dataClass, ...rest };
}

/** 是 / 否 as a provider writes them; the collection rules read true / false. */
const yesNo = (code: string, title: string, role: FactRole, description: string): FieldDefinition =>
  field(code, title, 'boolean', { role, description });

/** 行政相对人类别 in the 2021 standard. */
export const SUBJECT_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;

/**
 * Who the record is about, in the 双公示 layout. `prefix` is XK or CF; the 2016 format's codes (XK_XDR,
 * CF_XDR_ZDM, CF_XDR_GSDJ, CF_XDR_SFZ, CF_FR) still arrive in files and are read as the 2021 fields.
 */
export function publicitySubjectFields(prefix: 'XK' | 'CF'): FieldDefinition[] {
  const p = prefix;
  return [
    field(`${p}_XDR_MC`, '行政相对人名称', 'text', {
      required: true,
      role: 'subjectName',
      maxLength: 200,
      aliases: prefix === 'XK' ? ['XK_XDR'] : [],
    }),
    field(`${p}_XDR_LB`, '行政相对人类别', 'enum', {
      role: 'subjectCategory',
      values: SUBJECT_CATEGORIES,
      description: '2016 年格式的文件没有此列，按统一社会信用代码或证件号码判断',
    }),
    field(`${p}_XDR_SHXYM`, '统一社会信用代码', 'text', {
      role: 'subjectUscc',
      dataClass: 'IDENTITY',
      maxLength: 18,
      aliases: ['行政相对人代码_1(统一社会信用代码)'],
      description: '法人及非法人组织、个体工商户必填',
    }),
    field(`${p}_XDR_GSZC`, '工商注册号', 'text', {
      dataClass: 'IDENTITY',
      maxLength: 50,
      aliases: [`${p}_XDR_GSDJ`, '工商登记码'],
    }),
    field(`${p}_XDR_ZZJG`, '组织机构代码', 'text', {
      dataClass: 'IDENTITY',
      maxLength: 9,
      aliases: [`${p}_XDR_ZDM`],
    }),
    field(`${p}_XDR_SWDJ`, '税务登记号', 'text', { dataClass: 'IDENTITY', maxLength: 50 }),
    field(`${p}_XDR_SYDW`, '事业单位证书号', 'text', { dataClass: 'IDENTITY', maxLength: 50 }),
    field(`${p}_XDR_SHZZ`, '社会组织登记证号', 'text', { dataClass: 'IDENTITY', maxLength: 50 }),
    field(`${p}_FRDB`, '法定代表人', 'text', {
      role: 'legalRepresentative',
      maxLength: 50,
      aliases: [`${p}_FR`, '法定代表人姓名'],
    }),
    field(`${p}_FR_ZJLX`, '法定代表人证件类型', 'text', {
      role: 'legalRepresentativeDocumentType',
      maxLength: 64,
    }),
    field(`${p}_FR_ZJHM`, '法定代表人证件号码', 'text', {
      role: 'legalRepresentativeDocumentNumber',
      dataClass: 'IDENTITY',
      maxLength: 64,
    }),
    field(`${p}_XDR_ZJLX`, '证件类型', 'text', {
      role: 'subjectDocumentType',
      maxLength: 64,
      description:
        '身份证、护照号、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证；自然人必填',
    }),
    field(`${p}_XDR_ZJHM`, '证件号码', 'text', {
      role: 'subjectDocumentNumber',
      dataClass: 'IDENTITY',
      maxLength: 64,
      aliases: [`${p}_XDR_SFZ`, '居民身份证号'],
      description: '自然人必填',
    }),
  ];
}

/**
 * How every 双公示 row ends: the deciding authority and the unit the data comes from, each with its credit
 * code (the field's code with DM appended), and a remark.
 */
export function authorityAndSourceFields(
  authority: { code: string; title: string; alias: string },
  source: { code: string },
): FieldDefinition[] {
  const code = (of: { code: string }, title: string) =>
    field(`${of.code}DM`, `${title}统一社会信用代码`, 'text', {
      required: true,
      dataClass: 'IDENTITY',
      maxLength: 18,
    });
  return [
    field(authority.code, authority.title, 'text', {
      required: true,
      role: 'decidingAuthority',
      maxLength: 200,
      aliases: [authority.alias],
    }),
    { ...code(authority, authority.title), role: 'decidingAuthorityCode' },
    field(source.code, '数据来源单位', 'text', { required: true, maxLength: 200 }),
    code(source, '数据来源单位'),
    field('BZ', '备注', 'text', { maxLength: 512 }),
  ];
}

/** Who the record is about, for our own items: an organization by its USCC, a person by an ID document. */
export function subjectFields(scope: 'organizations' | 'natural_persons' | 'all'): FieldDefinition[] {
  const name = field('subject_name', scope === 'natural_persons' ? '姓名' : '主体名称', 'text', {
    required: true,
    role: 'subjectName',
    maxLength: 200,
  });
  const organization = [
    field('uscc', '统一社会信用代码', 'text', {
      required: scope === 'organizations',
      role: 'subjectUscc',
      dataClass: 'IDENTITY',
      maxLength: 18,
    }),
    field('legal_representative', '法定代表人（负责人）', 'text', {
      role: 'legalRepresentative',
      maxLength: 50,
    }),
  ];
  const person = [
    field('id_type', '证件类型', 'text', {
      role: 'subjectDocumentType',
      maxLength: 64,
      description: '身份证、护照号、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证',
    }),
    field('id_number', '证件号码', 'text', {
      required: scope === 'natural_persons',
      role: 'subjectDocumentNumber',
      dataClass: 'IDENTITY',
      maxLength: 64,
    }),
  ];
  if (scope === 'organizations') return [name, ...organization];
  if (scope === 'natural_persons') return [name, ...person];
  const category = field('subject_category', '主体类别', 'enum', {
    required: true,
    role: 'subjectCategory',
    values: SUBJECT_CATEGORIES,
  });
  return [name, category, ...organization, ...person];
}

/** The legally effective document a record rests on (000 第十条(一)(1); 003 第十六条; 004 第三十条). */
export function documentFields(labels: {
  number: string;
  date: string;
  authority: string;
}): FieldDefinition[] {
  return [
    field('document_number', labels.number, 'text', {
      required: true,
      role: 'documentNumber',
      maxLength: 128,
    }),
    field('decided_on', labels.date, 'date', { required: true, role: 'decidedOn' }),
    field('authority', labels.authority, 'text', {
      required: true,
      role: 'decidingAuthority',
      maxLength: 200,
    }),
    field('authority_code', `${labels.authority}统一社会信用代码`, 'text', {
      role: 'decidingAuthorityCode',
      dataClass: 'IDENTITY',
      maxLength: 18,
    }),
  ];
}

/**
 * What the collection rules need of a dishonest record under the city's profile: its severity (XM, NT;
 * and the national 轻微 tier), the written notice and the repair-rights notice (XM 000 第十四条, 第二十五条),
 * the minor-violation flags where the city excludes minor violations (XM 000 第八条; WH 003 第十三条),
 * finality and the end of the act (WH 003 第十六条, 第十九条).
 */
export function dishonestFields(
  params: PolicyParameters,
  options: { minorViolation: boolean; severityRequired: boolean },
): FieldDefinition[] {
  const { collection, periods } = params;
  const fields: FieldDefinition[] = [
    field('severity', '失信程度', 'enum', {
      // A city without severity classes (WH) counts the item's own period; the national tier is then optional.
      required: options.severityRequired && collection.severityClasses.value.length > 0,
      role: 'severity',
      values: ['轻微', '一般', '严重'],
      description: '按行业失信等级标准标明；“轻微”自国家信用修复管理办法施行起适用',
    }),
  ];
  if (collection.priorWrittenNoticeRequired.value) {
    fields.push(
      field('notice_ref', '告知文书号', 'text', { role: 'noticeReference', maxLength: 128 }),
      field('notice_date', '告知日期', 'date', { role: 'noticeDate' }),
    );
  }
  if (collection.repairRightsNoticeRequired.value) {
    fields.push(
      yesNo('repair_rights_notified', '已告知信用修复权益', 'repairRightsNotified', '是 / 否'),
      field('repair_rights_notified_on', '告知信用修复权益日期', 'date', { role: 'repairRightsNotifiedOn' }),
    );
  }
  if (options.minorViolation && collection.minorViolationExcludedFor.value !== 'NONE') {
    fields.push(
      yesNo('minor_violation', '违法行为轻微', 'minorViolation', '是 / 否'),
      yesNo('harm_mitigated', '主动消除或减轻危害后果', 'harmMitigated', '是 / 否'),
    );
  }
  if (collection.finalDocumentRequired.value) fields.push(finalityField());
  if (periods.dishonestStart.value === 'ACT_END_DATE') {
    fields.push(
      field('act_end_date', '失信行为终止日期', 'date', { role: 'actEndedOn' }),
      yesNo('ongoing', '失信行为持续中', 'ongoing', '失信行为尚未终止为“是”'),
    );
  }
  return fields;
}

/** WH 003 第十六条: the provider attests that the document behind the record is finally legally effective. */
export function finalityField(): FieldDefinition {
  return yesNo('final_effective', '文书已最终生效', 'finalEffective', '复议、诉讼期限届满或已终审为“是”');
}

/**
 * Where every collected record must rest on a final document (WH 003 第十六条: all information, not only
 * dishonest), every item carries the attestation, or none of its records could ever be accepted.
 */
export function withFinality(
  fields: readonly FieldDefinition[],
  params: PolicyParameters,
): readonly FieldDefinition[] {
  const required =
    params.collection.finalDocumentRequired.value &&
    params.collection.legalDocumentRequiredFor.value === 'ALL';
  return required && !fields.some((f) => f.role === 'finalEffective') ? [...fields, finalityField()] : fields;
}

/** Corrections and revocations at source (R34, R35) and the provider's own row id (R33). */
export function recordKeepingFields(
  options: { modifiedAliases?: readonly string[] } = {},
): FieldDefinition[] {
  return [
    field('modified_on', '修改日期', 'date', {
      role: 'modifiedOn',
      aliases: options.modifiedAliases ?? [],
      description: '变更、更正或撤销时填写',
    }),
    yesNo('revoked', '已撤销', 'revoked', '据以记录的决定被撤销时为“是”'),
    field('source_id', '数据源记录编号', 'text', { role: 'sourceId', maxLength: 64 }),
  ];
}
