import type { Kysely, Transaction } from 'kysely';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { digest } from '../../platform/crypto/hash.ts';
import { isSignatureAlgorithm } from '../../platform/crypto/signing.ts';
import type { Database } from '../../platform/db/schema.ts';
import { renderReportPdf } from './render-pdf.ts';
import { findReport, type IssuedReport, setReportPdfHash } from './store.ts';

/** The report a number and its verification code name; 404 for either wrong, so numbers cannot be probed. */
export async function reportHeld(
  ctx: { db: Kysely<Database> | Transaction<Database> },
  input: { number: string; code: string },
): Promise<IssuedReport> {
  const report = await findReport(ctx.db, input.number.trim().toUpperCase());
  if (!report || report.verificationCode !== input.code.trim().toUpperCase()) {
    throw new HttpProblem(404, 'REPORT_NOT_FOUND', '未找到该报告，请核对报告编号与验证码 / no such report');
  }
  return report;
}

/**
 * A report's PDF (R97). The rendering is deterministic, so every download is the same file; the first one
 * fixes its SM3 hash in the report's row, against which a file in hand is verified.
 */
export async function renderReportFile(
  ctx: UseCaseContext,
  input: { number: string; code: string },
): Promise<{ report: IssuedReport; pdf: Uint8Array }> {
  const report = await reportHeld(ctx, input);
  if (!isSignatureAlgorithm(report.signatureAlgorithm))
    throw new Error(`report ${report.number}: bad algorithm`);
  const pdf = await renderReportPdf(report.document, {
    algorithm: report.signatureAlgorithm,
    keyId: report.signingKeyId,
    contentHash: report.contentHash,
  });
  const hash = digest('sm3', pdf).toString('hex');
  if (report.pdfHash === null) {
    await setReportPdfHash(ctx.db, report, hash);
    await ctx.audit.record({
      action: 'report.pdf_rendered',
      objectType: 'report',
      objectId: report.number,
      payload: { pdfHash: hash },
    });
  } else if (report.pdfHash !== hash) {
    // A rendering that changed (a new font or library version) would make issued files unverifiable.
    throw new Error(`report ${report.number}: the PDF rendering no longer matches the issued file`);
  }
  return { report, pdf };
}
