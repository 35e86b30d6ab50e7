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
  /** src/core/policy/provider-types.ts ProviderType; null until the center registers the provider (R18, R19). */
  provider_type: ColumnType<string | null, string | null | undefined, string | null>;
  /** CollectionChannel (src/core/policy/types.ts); set with provider_type. */
  collection_channel: ColumnType<string | null, string | null | undefined, string | null>;
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
  terminated_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  died_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  registration_status: ColumnType<string | null, string | null | undefined, string | null>;
  known_from_registration: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface IdentityDocumentLinkTable {
  document_kind: string;
  document_number: string;
  subject_code: string;
  linked_at: Date;
  linked_by: string;
  basis: string;
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
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  password_must_change: ColumnType<boolean, boolean | undefined, boolean>;
  operator_id_number: string | null;
  updated_at: Date | null;
}

/** 002 第九条 ¶2 (R89): the catalog items an item-scoped query account may query. */
export interface AccountItemScopeTable {
  account_id: number;
  item_code: string;
}

export interface AccountSessionTable {
  id: Generated<number>;
  token_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: ColumnType<Date, Date, never>;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  end_reason: 'logout' | 'idle' | 'expired' | 'rotated' | 'disabled' | 'password_changed' | null;
  client_address: string | null;
  user_agent: string | null;
  verified_subject_code: string | null;
  verified_at: Date | null;
  verification_method: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  attempted_at: Date;
  outcome: 'success' | 'failure' | 'locked';
  client_address: string | null;
}

export interface AccountIdentityTable {
  issuer: string;
  subject: string;
  account_id: number;
  linked_at: Date;
}

export interface ApiClientTable {
  client_id: string;
  organization_code: string;
  name: string;
  scopes: string[];
  secret_hash: string;
  status: ColumnType<'active' | 'revoked', 'active' | 'revoked' | undefined, 'active' | 'revoked'>;
  created_at: ColumnType<Date, Date, never>;
  created_by: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_token_at: Date | null;
}

export interface AuthFlowTable {
  flow_hash: string;
  purpose: 'sso' | 'realname_oidc' | 'realname_local';
  session_id: number | null;
  state: string | null;
  nonce: string | null;
  code_verifier: string | null;
  code_hash: string | null;
  claimed_name: string | null;
  claimed_id_number: string | null;
  attempts: Generated<number>;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
  finished_at: Date | null;
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
export interface CatalogItemTable {
  code: string;
  owner_role: string | null;
  level_division_code: string | null;
  created_at: ColumnType<Date, Date, never>;
  created_by: string;
}

export type CatalogItemStatus =
  | 'DRAFT'
  | 'PUBLIC_CONSULTATION'
  | 'MUNICIPAL_GOVERNMENT_APPROVED'
  | 'PUBLISHED'
  | 'RETIRED';

export interface CatalogItemVersionTable {
  item_code: string;
  version: number;
  status: CatalogItemStatus;
  /** A `CatalogItemDefinition` (src/core/catalog/item.ts). */
  definition: ColumnType<unknown, string, string>;
  consultation_opened_on: DateColumn | null;
  consultation_closes_on: DateColumn | null;
  approved_on: DateColumn | null;
  published_on: DateColumn | null;
  updated_at: Date;
  updated_by: string;
}

export interface CatalogItemProviderTable {
  item_code: string;
  organization_code: string;
}

export type CollectionChannelName = 'api' | 'file' | 'cli';

export interface CollectionBatchTable {
  id: Generated<number>;
  item_code: string;
  item_version: number;
  provider_code: string;
  channel: CollectionChannelName;
  file_name: string | null;
  columns: ColumnType<string[], string | undefined, string>;
  submitted_by: string;
  received_at: ColumnType<Date, Date, never>;
  finished_at: Date | null;
  /** Set on opening and by every committed chunk: how a dead process's batch is told from a slow one. */
  progressed_at: Date;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  failure: string | null;
  received_rows: ColumnType<number, number | undefined, number>;
  accepted: ColumnType<number, number | undefined, number>;
  unchanged: ColumnType<number, number | undefined, number>;
  returned: ColumnType<number, number | undefined, number>;
  resubmits: number | null;
}

export interface CollectionReturnTable {
  batch_id: number;
  row_number: number;
  cells: ColumnType<unknown, string, never>;
  reasons: ColumnType<unknown, string, never>;
}

export interface CreditRecordTable {
  subject_code: string;
  record_id: Generated<number>;
  item_code: string;
  provider_code: string;
  record_key: string;
  category: string;
  disclosure: string;
  state: string;
  current_version: number;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  division_code: string;
  record_start: DateColumn | null;
  disclosure_last_day: DateColumn | null;
  expires_on: DateColumn | null;
  open_ended: boolean;
  record_period_end: DateColumn | null;
  repair_eligible_from: DateColumn | null;
  derived_from_subject: string | null;
  derived_from_record: number | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export interface CreditRecordVersionTable {
  subject_code: string;
  record_id: number;
  version: number;
  item_version: number;
  content: ColumnType<unknown, string, never>;
  payload_hash: string;
  provider_code: string;
  operator: string;
  channel: string;
  batch_id: number;
  row_number: number;
  source_id: string | null;
  submitted_at: ColumnType<Date, Date, never>;
  modified_on: DateColumn | null;
  working_days_late: number | null;
  case_reference: string | null;
}

export interface QueryLogTable {
  subject_code: string;
  entry_id: Generated<number>;
  queried_at: Date;
  viewer: string;
  channel: string;
  account: string;
  account_name: string;
  organization_code: string | null;
  organization_name: string | null;
  scenario: string | null;
  scenario_basis: string | null;
  purpose: string | null;
  case_reference: string | null;
  operator: string | null;
  batch_id: string | null;
  report_number: string | null;
  returned: ColumnType<string[], string, never>;
  outcome: string;
  refusal_code: string | null;
  authorization_id: ColumnType<number | null, number | null | undefined, never>;
}

export interface SubjectAuthorizationTable {
  subject_code: string;
  authorization_id: Generated<number>;
  grantee_code: string;
  grantee_name: string;
  purpose: string;
  items: string[] | null;
  form: string;
  signed_on: DateColumn;
  valid_from: DateColumn;
  valid_until: DateColumn | null;
  access_code: string | null;
  status: string;
  recorded_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

export interface CreditReportTable {
  subject_code: string;
  report_number: string;
  issued_at: Date;
  viewer: string;
  issuer: string;
  issued_by: string;
  verification_code: string;
  document: ColumnType<unknown, string, never>;
  content_hash: string;
  signature_algorithm: string;
  signing_key_id: string;
  signing_public_key: string;
  signature: string;
  pdf_hash: string | null;
}

export interface BatchQueryApprovalTable {
  approval_id: string;
  organization_code: string;
  scope: string;
  valid_from: DateColumn;
  valid_until: DateColumn;
  security_conditions: string;
  approved_by: string;
  created_at: Date;
  basis: Generated<string>;
  attributes: Generated<string[]>;
  items: string[] | null;
}

export interface BatchQueryTable {
  batch_id: string;
  organization_code: string;
  approval_id: string;
  submitted_by: string;
  purpose: string;
  status: string;
  total: number;
  done: Generated<number>;
  created_at: Date;
  finished_at: Date | null;
  viewer: Generated<string>;
  scenario: string | null;
  scenario_basis: string | null;
  operator: string | null;
  item_scope: string[] | null;
}

export interface BatchQueryRowTable {
  batch_id: string;
  row_number: number;
  code: string;
  subject_code: string | null;
  outcome: string | null;
  records: ColumnType<unknown, string | null, string | null>;
}

export interface QueryApplicationTable {
  application_id: string;
  organization_code: string;
  items: string[];
  purpose: string;
  users: string;
  valid_from: DateColumn;
  valid_until: DateColumn;
  approved_by: string;
  created_at: Date;
}

export interface SmsAuthorizationRequestTable {
  subject_code: string;
  request_id: Generated<number>;
  grantee_code: string;
  grantee_name: string;
  purpose: string;
  items: string[] | null;
  code_hash: string;
  expires_at: Date;
  attempts: Generated<number>;
  status: string;
  created_at: Date;
}

export interface ObjectionCaseTable {
  subject_code: string;
  case_id: Generated<number>;
  ground: string;
  statement: string;
  evidence: string | null;
  channel: string;
  filed_by: string;
  provider_code: string;
  received_at: Date;
  received_on: DateColumn;
  accepted_at: Date | null;
  accepted_on: DateColumn | null;
  status: string;
  not_accepted_code: string | null;
  not_accepted_reason: string | null;
  comparison: string | null;
  forwarded_at: Date | null;
  provider_verdict: string | null;
  provider_opinion: string | null;
  provider_reasons: string | null;
  provider_answered_at: Date | null;
  provider_answered_by: string | null;
  outcome: string | null;
  outcome_reasons: string | null;
  closed_at: Date | null;
  dispute_recorded_at: Date | null;
  dispute_withdrawn_at: Date | null;
}

export interface ObjectionCaseRecordTable {
  subject_code: string;
  case_id: number;
  record_id: number;
  suspended: Generated<boolean>;
}

export interface ObjectionStepTable {
  subject_code: string;
  case_id: number;
  step: string;
  start_on: DateColumn;
  due_on: DateColumn;
  completed_at: Date | null;
  overdue: Generated<boolean>;
}

export interface SubjectNotificationTable {
  subject_code: string;
  notification_id: Generated<number>;
  kind: string;
  reference: string;
  title: string;
  body: string;
  created_at: Date;
}

export interface SupervisionEntryTable {
  entry_id: Generated<number>;
  provider_code: string;
  kind: string;
  reference: string;
  due_on: DateColumn;
  recorded_on: DateColumn;
  created_at: Date;
}

export interface Database {
  schema_migration: SchemaMigrationTable;
  organization: OrganizationTable;
  subject: SubjectTable;
  identity_document_link: IdentityDocumentLinkTable;
  account: AccountTable;
  account_item_scope: AccountItemScopeTable;
  account_session: AccountSessionTable;
  login_attempt: LoginAttemptTable;
  account_identity: AccountIdentityTable;
  api_client: ApiClientTable;
  auth_flow: AuthFlowTable;
  audit_event: AuditEventTable;
  audit_tree: AuditTreeTable;
  audit_leaf: AuditLeafTable;
  audit_node: AuditNodeTable;
  audit_signing_key: AuditSigningKeyTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_checkpoint_export: AuditCheckpointExportTable;
  calendar_notice: CalendarNoticeTable;
  calendar_override: CalendarOverrideTable;
  catalog_item: CatalogItemTable;
  catalog_item_version: CatalogItemVersionTable;
  catalog_item_provider: CatalogItemProviderTable;
  collection_batch: CollectionBatchTable;
  collection_return: CollectionReturnTable;
  credit_record: CreditRecordTable;
  credit_record_version: CreditRecordVersionTable;
  query_log: QueryLogTable;
  credit_report: CreditReportTable;
  subject_authorization: SubjectAuthorizationTable;
  batch_query_approval: BatchQueryApprovalTable;
  batch_query: BatchQueryTable;
  batch_query_row: BatchQueryRowTable;
  query_application: QueryApplicationTable;
  sms_authorization_request: SmsAuthorizationRequestTable;
  objection_case: ObjectionCaseTable;
  objection_case_record: ObjectionCaseRecordTable;
  objection_step: ObjectionStepTable;
  subject_notification: SubjectNotificationTable;
  supervision_entry: SupervisionEntryTable;
}
