import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ReportDocument, ReportViewer } from './document.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The next serial of the report number; a sequence, so two reports issued at once never share one. */
export async function nextReportSerial(db: Db): Promise<number> {
  const { rows } = await sql<{ serial: string }>`select nextval('credit_report_serial') as serial`.execute(
    db,
  );
  return Number(rows[0]?.serial);
}

export interface IssuedReport {
  subjectCode: string;
  number: string;
  issuedAt: Date;
  viewer: ReportViewer;
  issuer: string;
  issuedBy: string;
  verificationCode: string;
  document: ReportDocument;
  contentHash: string;
  signatureAlgorithm: string;
  signingKeyId: string;
  signingPublicKey: string;
  signature: string;
  pdfHash: string | null;
}

export async function insertReport(db: Db, report: IssuedReport): Promise<void> {
  await db
    .insertInto('credit_report')
    .values({
      subject_code: report.subjectCode,
      report_number: report.number,
      issued_at: report.issuedAt,
      viewer: report.viewer,
      issuer: report.issuer,
      issued_by: report.issuedBy,
      verification_code: report.verificationCode,
      document: JSON.stringify(report.document),
      content_hash: report.contentHash,
      signature_algorithm: report.signatureAlgorithm,
      signing_key_id: report.signingKeyId,
      signing_public_key: report.signingPublicKey,
      signature: report.signature,
      pdf_hash: report.pdfHash,
    })
    .execute();
}

export async function findReport(db: Db, number: string): Promise<IssuedReport | undefined> {
  const row = await db
    .selectFrom('credit_report')
    .selectAll()
    .where('report_number', '=', number)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    subjectCode: row.subject_code,
    number: row.report_number,
    issuedAt: row.issued_at,
    viewer: row.viewer as ReportViewer,
    issuer: row.issuer,
    issuedBy: row.issued_by,
    verificationCode: row.verification_code,
    document: row.document as ReportDocument,
    contentHash: row.content_hash,
    signatureAlgorithm: row.signature_algorithm,
    signingKeyId: row.signing_key_id,
    signingPublicKey: row.signing_public_key,
    signature: row.signature,
    pdfHash: row.pdf_hash,
  };
}

/** Records the hash of the report's PDF the first time it is rendered; the database refuses any other change. */
export async function setReportPdfHash(db: Db, report: IssuedReport, pdfHash: string): Promise<void> {
  await db
    .updateTable('credit_report')
    .set({ pdf_hash: pdfHash })
    .where('subject_code', '=', report.subjectCode)
    .where('report_number', '=', report.number)
    .where('pdf_hash', 'is', null)
    .execute();
}
