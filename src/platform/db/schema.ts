import type { ColumnType, Generated } from 'kysely';

/** A `date` column: read as an ISO string (see database.ts), written as one. */
export type DateColumn = string;

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, Date, never>;
}

export interface OrganizationTable {
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  division_code: string;
  is_provider: boolean;
  created_at: ColumnType<Date, Date, never>;
}

export interface SubjectTable {
  subject_code: string;
  code_type: string;
  kind: string;
  name: string;
  division_code: string;
  registered_on: DateColumn | null;
  legal_representative: string | null;
  created_at: ColumnType<Date, Date, never>;
}

export interface AccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  organization_code: string | null;
  subject_code: string | null;
  password_hash: string;
  created_at: ColumnType<Date, Date, never>;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: ColumnType<Date, Date, never>;
  actor: string;
  organization_code: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  purpose: string | null;
  request_id: string | null;
  payload_hash: string;
  detail: ColumnType<Record<string, unknown>, string, never>;
}

export interface AuditTreeTable {
  id: number;
  hash_algorithm: 'sm3' | 'sha256';
  created_at: ColumnType<Date, Date, never>;
}

export interface AuditLeafTable {
  seq: number;
  event_id: number;
  leaf_hash: Buffer;
}

export interface AuditNodeTable {
  level: number;
  idx: number;
  hash: Buffer;
}

export interface AuditSigningKeyTable {
  key_id: string;
  algorithm: 'sm2' | 'ed25519';
  public_key: string;
  first_used_at: ColumnType<Date, Date, never>;
}

export interface AuditCheckpointTable {
  tree_size: number;
  root_hash: Buffer;
  hash_algorithm: 'sm3' | 'sha256';
  signed_at: ColumnType<Date, Date, never>;
  key_id: string;
  signature: Buffer;
}

export interface AuditCheckpointExportTable {
  tree_size: number;
  target: string;
  exported_at: ColumnType<Date, Date, never>;
}

export interface CalendarNoticeTable {
  year: number;
  source: string;
  notice: ColumnType<unknown, string, string>;
  loaded_at: Date;
  loaded_by: string;
}

export interface CalendarOverrideTable {
  day: DateColumn;
  year: number;
  kind: 'workday' | 'holiday';
  name: string | null;
  source: string;
}

/** Every table, as Kysely sees it. Modules read and write them only from their own store.ts. */
export interface Database {
  schema_migration: SchemaMigrationTable;
  organization: OrganizationTable;
  subject: SubjectTable;
  account: AccountTable;
  audit_event: AuditEventTable;
  audit_tree: AuditTreeTable;
  audit_leaf: AuditLeafTable;
  audit_node: AuditNodeTable;
  audit_signing_key: AuditSigningKeyTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_checkpoint_export: AuditCheckpointExportTable;
  calendar_notice: CalendarNoticeTable;
  calendar_override: CalendarOverrideTable;
}
