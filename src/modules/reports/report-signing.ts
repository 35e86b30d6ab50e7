import { configuredSigningKey, type SigningKeyEnvironment } from '../../platform/crypto/configured-key.ts';
import { digest } from '../../platform/crypto/hash.ts';
import { type SignatureAlgorithm, type SigningKey, verifySignature } from '../../platform/crypto/signing.ts';
import { canonicalJson } from '../audit/record-event.ts';
import type { ReportDocument } from './document.ts';

/**
 * What makes a public credit report verifiable (000 第二十二条 防伪): the SM3 hash of its content and a
 * signature over that hash. The hash covers every line of the report, so a copy with one record line
 * removed no longer matches (R95).
 */

/** What a rendered report prints about its signature. */
export interface ReportSignatureLine {
  algorithm: SignatureAlgorithm;
  keyId: string;
  /** SM3 of the document's canonical bytes, hex. */
  contentHash: string;
}

export interface ReportSignature extends ReportSignatureLine {
  /** The signature over the content hash's 32 bytes, base64. */
  signature: string;
}

/**
 * The bytes the content hash covers: the document as JSON with every object's keys sorted, no
 * whitespace, UTF-8. Array order is kept, since the order of sections, records and fields is content.
 */
export function canonicalReportBytes(doc: ReportDocument): Buffer {
  return Buffer.from(canonicalJson(doc), 'utf8');
}

function contentDigest(doc: ReportDocument): Buffer {
  return digest('sm3', canonicalReportBytes(doc));
}

/** SM3 of the canonical bytes, hex. */
export function contentHashOf(doc: ReportDocument): string {
  return contentDigest(doc).toString('hex');
}

export function signReport(key: SigningKey, doc: ReportDocument): ReportSignature {
  const hash = contentDigest(doc);
  return {
    algorithm: key.algorithm,
    keyId: key.keyId,
    contentHash: hash.toString('hex'),
    signature: key.sign(hash).toString('base64'),
  };
}

/** Does the signature sign this document's content? Malformed keys or signatures answer false. */
export function verifyReportSignature(
  publicKeyPem: string,
  algorithm: SignatureAlgorithm,
  doc: ReportDocument,
  signatureBase64: string,
): boolean {
  return verifySignature(algorithm, publicKeyPem, contentDigest(doc), Buffer.from(signatureBase64, 'base64'));
}

export const REPORT_DEMO_KEY_FILE = 'report-signing-key.pem';

/**
 * The report signing key, from the environment:
 * - GONGXIN_REPORT_SIGNING_KEY: PEM (PKCS#8, or SEC1 for SM2) or 64 hex digits;
 * - GONGXIN_REPORT_SIGNING_ALGORITHM: sm2 (default) | ed25519.
 * Without a key a production instance refuses (ConfigError); any other instance signs with a demo key it
 * generates once in its data directory (report-signing-key.pem, mode 0600) and warns about loudly.
 */
export function loadReportSigningKey(environment: SigningKeyEnvironment): SigningKey {
  return configuredSigningKey(
    {
      keyVariable: 'GONGXIN_REPORT_SIGNING_KEY',
      algorithmVariable: 'GONGXIN_REPORT_SIGNING_ALGORITHM',
      demoFile: REPORT_DEMO_KEY_FILE,
      signs: { zh: '公共信用报告', en: 'public credit reports' },
    },
    environment,
  )();
}
