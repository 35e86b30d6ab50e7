import type {
  CatalogItemDefinition,
  DisclosureAttribute,
  FieldDefinition,
} from '../../../core/catalog/item.ts';
import type { CategoryCode, PolicyParameters, SubjectType } from '../../../core/policy/types.ts';
import type { Period } from '../../../core/time/period.ts';

/** A department of the city, as the installer matches it: `XM-SCJG` has the suffix `SCJG`. */
export interface Department {
  code: string;
  kind: string;
}

/** Which departments an item's duty falls to: by code suffix (SCJG) or by kind (court). */
export interface DepartmentSelector {
  suffixes?: readonly string[];
  kinds?: readonly string[];
}

/**
 * A default item before the city is applied: the installer turns it into the city's definition, its
 * permitted providers and (NT) its owner.
 */
export interface DefaultItemSpec {
  code: string;
  name: string;
  recordKind: CatalogItemDefinition['recordKind'];
  subjectScope: CatalogItemDefinition['subjectScope'];
  category: CategoryCode;
  disclosure: DisclosureAttribute;
  /** 归集频率 / 更新周期. */
  frequency: string;
  /** NT 数据来源. */
  dataSource: string;
  listType?: CatalogItemDefinition['listType'];
  legalBases: CatalogItemDefinition['legalBases'];
  fields: FieldDefinition[];
  /**
   * The period where the city takes it from the item (WH 有效期限 003 第八条; NT 使用期限 004 第八条) rather
   * than from its own rules. The figures are defaults for the level's credit management department to confirm.
   */
  itemPeriod?: Period;
  /** R15: the departments (by code suffix) that may retrieve the item's government-shared records. */
  usage: readonly string[];
  providers: DepartmentSelector;
  /**
   * NT (R12, 004 第六条): whose catalog the item is in. Items about every kind of subject belong to the
   * credit department (natural persons' owner, and the catalog's compiler, 004 第八条).
   */
  owner: SubjectType;
}

/** A file of default items: the items it contributes under a city's parameters. */
export type DefaultItems = (params: PolicyParameters) => DefaultItemSpec[];

/** NT 004 第八条 leaves 保存期限 to each catalog; this default counts five years from the end of validity. */
export const DEFAULT_RETENTION: Period = { years: 5 };
