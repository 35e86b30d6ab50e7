import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface SubjectRow {
  subjectCode: string;
  codeType: string;
  kind: string;
  name: string;
  divisionCode: string;
  registeredOn: string | null;
  legalRepresentative: string | null;
}

const INSERT_BATCH = 1_000;

/** Adds subjects the registry does not hold yet; a subject it holds already is left as it is. */
export async function insertSubjects(db: Db, rows: readonly SubjectRow[], createdAt: Date): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await db
      .insertInto('subject')
      .values(
        rows.slice(start, start + INSERT_BATCH).map((row) => ({
          subject_code: row.subjectCode,
          code_type: row.codeType,
          kind: row.kind,
          name: row.name,
          division_code: row.divisionCode,
          registered_on: row.registeredOn,
          legal_representative: row.legalRepresentative,
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.column('subject_code').doNothing())
      .execute();
  }
}

export async function countSubjectsByKind(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('subject')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  return new Map(rows.map((row) => [row.kind, row.n]));
}

export interface OrganizationMatch {
  subjectCode: string;
  name: string;
  kind: string;
  divisionCode: string;
}

/**
 * How far the search counts matches. Counting every organization whose name holds a frequent part (厦门, 有限)
 * would read most of the name index; past this many, the search says only that there are more.
 */
export const ORGANIZATION_COUNT_CAP = 1000;

export interface OrganizationSearchResult {
  items: OrganizationMatch[];
  /** Matches, counted up to ORGANIZATION_COUNT_CAP. */
  total: number;
  /** False when more than `total` organizations match. */
  totalExact: boolean;
}

/**
 * Organizations (never natural persons) whose code equals `code` or whose name contains `text`, case-insensitively:
 * the exact code first, then names that start with the text, then the shortest names, then by code. The database
 * function reads the bigram index of organization names (migrations/20261205100000_organization_name_search.sql).
 */
export async function searchOrganizations(
  db: Db,
  query: { text: string; code: string | null; limit: number; offset: number },
): Promise<OrganizationSearchResult> {
  const { rows } = await sql<{
    subject_code: string;
    name: string;
    kind: string;
    division_code: string;
    total: number;
  }>`SELECT * FROM search_organizations(${query.text}, ${query.code}, ${query.offset + query.limit}, ${ORGANIZATION_COUNT_CAP})`.execute(
    db,
  );
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.slice(query.offset, query.offset + query.limit).map((row) => ({
      subjectCode: row.subject_code,
      name: row.name,
      kind: row.kind,
      divisionCode: row.division_code,
    })),
    total: Math.min(total, ORGANIZATION_COUNT_CAP),
    totalExact: total <= ORGANIZATION_COUNT_CAP,
  };
}

export async function findSubject(db: Db, subjectCode: string): Promise<SubjectRow | undefined> {
  const row = await db
    .selectFrom('subject')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .executeTakeFirst();
  return (
    row && {
      subjectCode: row.subject_code,
      codeType: row.code_type,
      kind: row.kind,
      name: row.name,
      divisionCode: row.division_code,
      registeredOn: row.registered_on,
      legalRepresentative: row.legal_representative,
    }
  );
}

export async function findLinkedSubjectCode(
  db: Db,
  document: { kind: string; number: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('identity_document_link')
    .select('subject_code')
    .where('document_kind', '=', document.kind)
    .where('document_number', '=', document.number)
    .executeTakeFirst();
  return row?.subject_code;
}

export async function insertIdentityDocumentLink(
  db: Transaction<Database>,
  link: {
    kind: string;
    number: string;
    subjectCode: string;
    linkedAt: Date;
    linkedBy: string;
    basis: string;
  },
): Promise<void> {
  await db
    .insertInto('identity_document_link')
    .values({
      document_kind: link.kind,
      document_number: link.number,
      subject_code: link.subjectCode,
      linked_at: link.linkedAt,
      linked_by: link.linkedBy,
      basis: link.basis,
    })
    .execute();
}

export async function listIdentityDocumentLinks(
  db: Db,
  subjectCode: string,
): Promise<Array<{ kind: string; number: string; linkedAt: Date; basis: string }>> {
  const rows = await db
    .selectFrom('identity_document_link')
    .select(['document_kind', 'document_number', 'linked_at', 'basis'])
    .where('subject_code', '=', subjectCode)
    .orderBy('linked_at')
    .execute();
  return rows.map((r) => ({
    kind: r.document_kind,
    number: r.document_number,
    linkedAt: r.linked_at,
    basis: r.basis,
  }));
}

export interface RegistryFacts {
  knownFromRegistration: boolean;
  terminatedOn: string | null;
  diedOn: string | null;
}

/** What the registry holds about each of `codes` that it knows (DESIGN Decision 3, R45). */
export async function findRegistryFacts(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, RegistryFacts>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('subject')
    .select(['subject_code', 'known_from_registration', 'terminated_on', 'died_on'])
    .where('subject_code', 'in', [...new Set(codes)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.subject_code,
      {
        knownFromRegistration: row.known_from_registration,
        terminatedOn: row.terminated_on,
        diedOn: row.died_on,
      },
    ]),
  );
}

/** The credit codes linked documents resolve to (R41), keyed `kind:number`. */
export async function findLinkedSubjectCodes(
  db: Db,
  documents: ReadonlyArray<{ kind: string; number: string }>,
): Promise<Map<string, string>> {
  if (documents.length === 0) return new Map();
  const rows = await db
    .selectFrom('identity_document_link')
    .select(['document_kind', 'document_number', 'subject_code'])
    .where('document_number', 'in', [...new Set(documents.map((d) => d.number))])
    .execute();
  return new Map(rows.map((row) => [`${row.document_kind}:${row.document_number}`, row.subject_code]));
}

/** What a registration-type record says of its subject (R45, 000 第八条(一)). */
export interface RegistrationFacts {
  subjectCode: string;
  name: string | null;
  status: string | null;
  terminatedOn: string | null;
  diedOn: string | null;
}

/** The registration authority's own feed is authoritative for the name, the status and lifecycle dates. */
export async function applyRegistration(db: Db, facts: RegistrationFacts): Promise<void> {
  await db
    .updateTable('subject')
    .set((eb) => ({
      known_from_registration: true,
      name: facts.name ?? eb.ref('name'),
      registration_status: facts.status ?? eb.ref('registration_status'),
      terminated_on: facts.terminatedOn ?? eb.ref('terminated_on'),
      died_on: facts.diedOn ?? eb.ref('died_on'),
    }))
    .where('subject_code', '=', facts.subjectCode)
    .execute();
}

export interface SubjectLifecycle {
  registrationStatus: string | null;
  terminatedOn: string | null;
  diedOn: string | null;
}

export async function findSubjectLifecycle(
  db: Db,
  subjectCode: string,
): Promise<SubjectLifecycle | undefined> {
  const row = await db
    .selectFrom('subject')
    .select(['registration_status', 'terminated_on', 'died_on'])
    .where('subject_code', '=', subjectCode)
    .executeTakeFirst();
  return (
    row && {
      registrationStatus: row.registration_status,
      terminatedOn: row.terminated_on,
      diedOn: row.died_on,
    }
  );
}
