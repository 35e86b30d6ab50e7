import type { FactRole } from '../collection/facts.ts';
import type { CategoryCode, DataClass, LegalBasisType, ListType } from '../policy/types.ts';
import type { Period } from '../time/period.ts';

/*
 * A catalog item (目录事项 / 数据清单事项 / 目录清单事项) as the regulations describe it: what may be collected,
 * from whom, how it is disclosed and for how long (000 第九条; 003 第八条; 004 第八条). One version of an item
 * is an immutable `CatalogItemDefinition`; records are always validated against the published version they
 * arrived under.
 */

/** 社会公开 (WH 公开公示) / 授权查询 / 政务共享 (NT 政府共享) — 000 第十一条; 003 第二十条; 004 第十九条. */
export const DISCLOSURE_ATTRIBUTES = ['public', 'authorized', 'government'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];

/** What a record of the item is, as far as the collection rules single some kinds out (R24, R25, R32, R45). */
export const RECORD_KINDS = [
  'penalty',
  'license',
  'registration',
  'award',
  'volunteering',
  'commitment',
  'list_entry',
  'enforcement',
  'arrears',
  'other',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Which subjects an item's records may be about. */
export type ItemSubjectScope = 'organizations' | 'natural_persons' | 'all';

export const FIELD_TYPES = ['text', 'date', 'number', 'enum', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * The data-class tag every field carries (R14): IDENTITY for the subject's identifiers, ORDINARY for anything
 * else that is not personal data the regulations single out, or one of the forbidden / consent-gated classes.
 */
export type FieldDataClass = 'IDENTITY' | 'ORDINARY' | DataClass;

export interface FieldDefinition {
  /** The national standard field code (CF_WSH) or, for our own additions, a snake_case code (`procedure`). */
  code: string;
  /** The Chinese column title (行政处罚决定书文号); a file may use either the code or the title as header. */
  title: string;
  /** Older codes and titles in circulation that mean this field; a file using one is read as this field. */
  aliases?: readonly string[];
  type: FieldType;
  /** For `enum`: the allowed values as a person writes them (一般程序, 简易程序). */
  values?: readonly string[];
  required: boolean;
  maxLength?: number;
  dataClass: FieldDataClass;
  /** What the collection rules read from this field (R20–R45); absent for descriptive fields. */
  role?: FactRole;
  description?: string;
}

export interface LegalBasisReference {
  type: LegalBasisType;
  /** 《中华人民共和国行政处罚法》 */
  title: string;
  article?: string;
}

/** 记录期限 / 有效期限 / 使用期限 of the item. */
export type ItemPeriodRule =
  /** The profile computes it from the record (severity, list type, lifecycle): spec §2.E. */
  | { kind: 'PROFILE_RULE' }
  /** The item states its own period P (WH data lists, NT 使用期限, per-item basic or good periods). */
  | { kind: 'ITEM_PERIOD'; period: Period; basisType?: LegalBasisType };

export interface CatalogItemDefinition {
  /** Stable item code: XZCF, XZXK, SXBZXR … */
  code: string;
  /** 信息名称 / 信息事项 / 内容. */
  name: string;
  recordKind: RecordKind;
  subjectScope: ItemSubjectScope;
  /** 信息分类 / 信息性质 (R8): one of the active profile's categories; null while a draft leaves it open. */
  category: CategoryCode | null;
  /** 公开属性 / 披露方式 (R9); null while a draft leaves it open. */
  disclosure: DisclosureAttribute | null;
  /** 归集频率 / 更新周期: 实时, 每日, 每周, 每月 … */
  frequency: string | null;
  /** 使用权限 / 使用范围 (R15): organization codes of the agencies that may retrieve government-shared records. */
  usagePermission: readonly string[] | null;
  /** 记录期限 / 有效期限 / 使用期限. */
  period: ItemPeriodRule | null;
  /** NT 保存期限, counted from the end of validity (004 第八条). */
  retentionPeriod: Period | null;
  /** NT 数据来源. */
  dataSource: string | null;
  /** For list items: which list an entry of the item is on. */
  listType?: ListType;
  /** XM 特定行为信息 (R13): must rest on a LAW, REGULATION or CPC/State Council policy basis. */
  specificBehaviour: boolean;
  legalBases: readonly LegalBasisReference[];
  /** 数据格式 / 数据标准 / 格式规范: the fields, in the order a file lists them. */
  fields: readonly FieldDefinition[];
  /** NT (R11): the administrative division whose catalog the item belongs to; null for the city catalog. */
  levelDivisionCode: string | null;
  /**
   * WH (R64, A-57): the national provision (国家另有规定) that lets a natural person's records of this item be
   * public; absent for almost every item.
   */
  nationalException?: string;
}
