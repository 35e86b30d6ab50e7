import { PDFDocument } from 'pdf-lib';

/** The keyword that carries a report's number in its PDF's metadata. */
const NUMBER_KEYWORD_PREFIX = 'gongxin-report:';

export function reportNumberKeyword(number: string): string {
  return `${NUMBER_KEYWORD_PREFIX}${number}`;
}

/** A PDF starts with `%PDF-` within its first KiB (ISO 32000-1 §7.5.2 lets a few bytes precede it). */
const PDF_HEADER = Buffer.from('%PDF-');

/**
 * The report number a rendered report carries in its keywords (`gongxin-report:{number}`), so a file in
 * hand leads to the issuance to check it against. Null for a file that is not a PDF, that cannot be
 * parsed, or that carries no number: an uploaded file is anyone's bytes, and never makes this throw.
 */
export async function reportNumberOfPdf(bytes: Uint8Array): Promise<string | null> {
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf(PDF_HEADER) < 0) return null;
  let keywords: string | undefined;
  try {
    // A damaged file fails here rather than being patched up with warnings on the console.
    const pdf = await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: true,
    });
    keywords = pdf.getKeywords();
  } catch {
    return null;
  }
  const keyword = keywords?.split(/\s+/).find((word) => word.startsWith(NUMBER_KEYWORD_PREFIX));
  return keyword?.slice(NUMBER_KEYWORD_PREFIX.length) || null;
}
