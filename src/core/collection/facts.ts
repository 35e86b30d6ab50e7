import type { LocalDate } from '../time/local-date.ts';

/*
 * What the collection rules read from a submitted row. A catalog field that carries a `role` feeds the fact
 * of that name, so the rules of §2.C and R39–R45 work on any item whose fields name the roles, whatever the
 * field codes are. The type of each fact is fixed here; the field holding it must have the matching type.
 */

interface FactTypes {
  text: string;
  date: LocalDate;
  number: number;
  boolean: boolean;
}

/** Role → the kind of value the field must yield. */
export const FACT_ROLES = {
  /** 行政相对人名称 / 主体名称. */
  subjectName: 'text',
  /** 行政相对人类别: 法人及非法人组织, 自然人, 个体工商户. */
  subjectCategory: 'text',
  /** 统一社会信用代码. */
  subjectUscc: 'text',
  /** 证件类型 of a natural person (or of a legal representative when no USCC is given). */
  subjectDocumentType: 'text',
  /** 证件号码. */
  subjectDocumentNumber: 'text',
  legalRepresentative: 'text',
  legalRepresentativeDocumentType: 'text',
  legalRepresentativeDocumentNumber: 'text',
  /** R38 (NT): other directly responsible persons, "姓名:身份证号" separated by ; or ；. */
  responsiblePersons: 'text',
  /** 决定书文号 / 许可证书编号 / 文书号. */
  documentNumber: 'text',
  /** 决定日期 / 认定日期 / 发证日期: the record start (000 第十条(一)(1); 004 第三十条). */
  decidedOn: 'date',
  /** 处罚机关 / 许可机关 / 认定机关 (NT 认定机关, R26). */
  decidingAuthority: 'text',
  decidingAuthorityCode: 'text',
  /** 有效期至 (good information R49, licences). */
  validUntil: 'date',
  /** 公示截止期 declared by the provider (R29 PERIOD_MISMATCH, A-62). */
  declaredDisclosureEnd: 'date',
  /** 程序类型: 一般程序 | 简易程序 (R24). */
  procedure: 'text',
  /** 失信程度: 轻微 | 一般 | 严重 (R29, R30). */
  severity: 'text',
  /** 书面告知 reference and date (R27). */
  noticeReference: 'text',
  noticeDate: 'date',
  /** A law-provided exemption from prior notice (000 第十四条 "法律另有规定的除外"). */
  noticeExemptionBasis: 'text',
  /** 已告知信用修复权益 and when (R28). */
  repairRightsNotified: 'boolean',
  repairRightsNotifiedOn: 'date',
  /** R25. */
  minorViolation: 'boolean',
  harmEliminated: 'boolean',
  harmMitigated: 'boolean',
  /** A law, regulation or rule requiring collection, which waives R24/R25 in XM. */
  collectionWaiverBasis: 'text',
  /** WH: the document is finally legally effective (R26). */
  finalEffective: 'boolean',
  /** WH: the dishonest act ended on (R31, R52), or it is ongoing. */
  actEndedOn: 'date',
  ongoing: 'boolean',
  /** 表彰/奖励机关级别: 国家级, 省级, 市级, 县级, 区级, 乡镇级 (R32). */
  awardLevel: 'text',
  /** 分类监管优秀等级 (R32). */
  excellentGrade: 'boolean',
  /** R43. */
  fullCivilCapacity: 'boolean',
  /** R22 (XM): the adverse-consequence notice and the written consent. */
  consentNoticeReference: 'text',
  consentNoticeDate: 'date',
  writtenConsentReference: 'text',
  writtenConsentDate: 'date',
  /** R23 (WH): a law or administrative-regulation provision, or an agreement (约定). */
  lawfulBasisReference: 'text',
  agreementReference: 'text',
  /** R29/R57: a period other than the rule's, with its basis. */
  overridePeriod: 'text',
  overrideBasis: 'text',
  overrideBasisType: 'text',
  /** R34/R35: the date the provider changed, corrected or revoked the record at source. */
  modifiedOn: 'date',
  /** 撤销 when the decision behind the record was revoked (R35). */
  revoked: 'boolean',
  /** Registration items (R45): 存续, 注销, 吊销, 死亡 … and the date it took effect. */
  registrationStatus: 'text',
  registrationEventOn: 'date',
  /** The provider's own id of the row (idempotency key, R33). */
  sourceId: 'text',
} as const satisfies Record<string, keyof FactTypes>;

export type FactRole = keyof typeof FACT_ROLES;

/** The typed facts of one row; a fact is absent when its field is empty or the item has no such field. */
export type RecordFacts = { -readonly [R in FactRole]?: FactTypes[(typeof FACT_ROLES)[R]] };
