import type { IssuedReport } from './store.ts';

/** What the issuer of a report receives: the document, its signature, and how to fetch and verify it. */
export function presentIssued(report: IssuedReport) {
  return {
    number: report.number,
    verificationCode: report.verificationCode,
    pdfUrl: `/api/v1/reports/${report.number}/pdf?code=${report.verificationCode}`,
    contentHash: report.contentHash,
    signatureAlgorithm: report.signatureAlgorithm,
    signingKeyId: report.signingKeyId,
    signature: report.signature,
    document: report.document,
  };
}
