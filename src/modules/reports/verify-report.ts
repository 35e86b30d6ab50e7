import { timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { checkCode } from '../../core/identity/check-code.ts';
import { maskIdNumber } from '../../core/privacy/masking.ts';
import { parseLocalDate } from '../../core/time/local-date.ts';
import { digest } from '../../platform/crypto/hash.ts';
import { isSignatureAlgorithm } from '../../platform/crypto/signing.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ReportDocument } from './document.ts';
import { reportNumberOfPdf } from './pdf-file.ts';
import { verifyReportSignature } from './report-signing.ts';
import { findReport, type IssuedReport } from './store.ts';

export type VerificationFailure =
  | 'UNKNOWN_NUMBER'
  | 'NOT_A_REPORT_FILE'
  | 'CONTENT_HASH_MISMATCH'
  | 'SIGNATURE_INVALID';

const FAILURE_TEXT: Readonly<Record<VerificationFailure, { zh: string; en: string }>> = {
  UNKNOWN_NUMBER: { zh: '查无此报告编号：报告不真实', en: 'not authentic — unknown report number' },
  NOT_A_REPORT_FILE: {
    zh: '文件不是本平台出具的信用报告，或已损坏',
    en: 'not authentic — the file is not a report of this platform, or is damaged',
  },
  CONTENT_HASH_MISMATCH: {
    zh: '文件内容与出具时不一致：报告不真实',
    en: 'not authentic — content hash mismatch',
  },
  SIGNATURE_INVALID: { zh: '报告签名无效：报告不真实', en: 'not authentic — the signature does not verify' },
};

export interface ReportVerification {
  authentic: boolean;
  failure: VerificationFailure | null;
  message: { zh: string; en: string };
  /** The issue metadata (R95); null for an unknown number. */
  metadata: {
    number: string;
    subjectCode: string;
    queryTime: string;
    issuer: string;
    contentHash: string;
    signatureAlgorithm: string;
    signingKeyId: string;
  } | null;
  /** What the report contained: for the holder of the file or of the number with its verification code. */
  document: ReportDocument | null;
}

function publicSubjectCode(document: ReportDocument): string {
  const { code } = document.subject;
  const issuedOn = parseLocalDate(document.queryTime.slice(0, 10));
  return checkCode(code, { today: issuedOn }).kind === 'uscc' ? code : maskIdNumber(code);
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function signatureHolds(report: IssuedReport): boolean {
  return (
    isSignatureAlgorithm(report.signatureAlgorithm) &&
    verifyReportSignature(
      report.signingPublicKey,
      report.signatureAlgorithm,
      report.document,
      report.signature,
    )
  );
}

function outcome(
  report: IssuedReport | undefined,
  failure: VerificationFailure | null,
  showContent: boolean,
): ReportVerification {
  return {
    authentic: failure === null,
    failure,
    message: failure ? FAILURE_TEXT[failure] : { zh: '报告真实有效', en: 'authentic' },
    metadata: report
      ? {
          number: report.number,
          // A person's ID number is not for whoever types a report number (DESIGN: masking presenters).
          subjectCode: showContent ? report.document.subject.code : publicSubjectCode(report.document),
          queryTime: report.document.queryTime,
          issuer: report.issuer,
          contentHash: report.contentHash,
          signatureAlgorithm: report.signatureAlgorithm,
          signingKeyId: report.signingKeyId,
        }
      : null,
    document: report && showContent && failure === null ? report.document : null,
  };
}

/**
 * Checks a report (000 第二十二条 防伪; R95): by its number — with the verification code printed beside it to
 * see the content — or by the PDF file itself, which is authentic only when every byte is the one issued.
 */
export async function verifyReport(
  ctx: { db: Kysely<Database> | Transaction<Database> },
  input: { number: string; code?: string } | { file: Uint8Array },
): Promise<ReportVerification> {
  if ('file' in input) {
    const number = await reportNumberOfPdf(input.file);
    if (!number) return outcome(undefined, 'NOT_A_REPORT_FILE', false);
    const report = await findReport(ctx.db, number);
    if (!report) return outcome(undefined, 'UNKNOWN_NUMBER', false);
    const fileHash = digest('sm3', input.file).toString('hex');
    if (report.pdfHash === null || !sameHex(report.pdfHash, fileHash)) {
      return outcome(report, 'CONTENT_HASH_MISMATCH', false);
    }
    return outcome(report, signatureHolds(report) ? null : 'SIGNATURE_INVALID', true);
  }
  const report = await findReport(ctx.db, input.number.trim().toUpperCase());
  if (!report) return outcome(undefined, 'UNKNOWN_NUMBER', false);
  const showContent = input.code !== undefined && input.code.trim().toUpperCase() === report.verificationCode;
  return outcome(report, signatureHolds(report) ? null : 'SIGNATURE_INVALID', showContent);
}
