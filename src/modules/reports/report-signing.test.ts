import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/support/sample-report.ts';
import { ConfigError } from '../../platform/config.ts';
import { digest } from '../../platform/crypto/hash.ts';
import { generateSigningKey, type SignatureAlgorithm } from '../../platform/crypto/signing.ts';
import type { ReportDocument } from './document.ts';
import {
  canonicalReportBytes,
  contentHashOf,
  loadReportSigningKey,
  REPORT_DEMO_KEY_FILE,
  signReport,
  verifyReportSignature,
} from './report-signing.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-report-signing-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sample with one value of its objected record changed. */
function withChangedValue(doc: ReportDocument): ReportDocument {
  const [basic, dishonest, ...rest] = doc.sections;
  if (!basic || !dishonest?.records[0]) throw new Error('the sample changed');
  const [record, ...others] = dishonest.records;
  const fields = record.fields.map((field) =>
    field.label === '处罚类别' ? { ...field, value: '罚款' } : field,
  );
  return {
    ...doc,
    sections: [basic, { ...dishonest, records: [{ ...record, fields }, ...others] }, ...rest],
  };
}

describe('the content hash and signature of a report', () => {
  it('hashes canonical JSON: keys sorted at every level, no whitespace, UTF-8', () => {
    const doc = sampleReport();
    const text = canonicalReportBytes(doc).toString('utf8');
    expect(
      text.startsWith('{"issuer":"厦门市公共信用信息中心","number":"XM-20240304-000123","purpose":null,'),
    ).toBe(true);
    expect(text).toContain('{"label":"登记编号","value":"XM-REG-0001"}');
    expect(text).not.toMatch(/\n|": |, "/);
    // Key order in the object does not matter, array order does.
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as unknown as ReportDocument;
    expect(contentHashOf(reordered)).toBe(contentHashOf(doc));
    const [first, second, ...rest] = doc.sections;
    if (!first || !second) throw new Error('the sample changed');
    expect(contentHashOf({ ...doc, sections: [second, first, ...rest] })).not.toBe(contentHashOf(doc));
    expect(contentHashOf(doc)).toBe(digest('sm3', Buffer.from(text, 'utf8')).toString('hex'));
    expect(contentHashOf(doc)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R95 the content hash changes when any one record line is removed', () => {
    const doc = sampleReport();
    const original = contentHashOf(doc);
    const hashes = new Set<string>([original]);
    let lines = 0;
    doc.sections.forEach((section, sectionIndex) => {
      section.records.forEach((record, recordIndex) => {
        record.fields.forEach((_, fieldIndex) => {
          const fields = record.fields.filter((__, index) => index !== fieldIndex);
          const records = section.records.map((r, index) => (index === recordIndex ? { ...r, fields } : r));
          const sections = doc.sections.map((s, index) => (index === sectionIndex ? { ...s, records } : s));
          hashes.add(contentHashOf({ ...doc, sections }));
          lines += 1;
        });
        const records = section.records.filter((_, index) => index !== recordIndex);
        const sections = doc.sections.map((s, index) => (index === sectionIndex ? { ...s, records } : s));
        hashes.add(contentHashOf({ ...doc, sections }));
        lines += 1;
      });
    });
    expect(lines).toBeGreaterThan(50);
    expect(hashes.size).toBe(lines + 1);
  });

  it.each<SignatureAlgorithm>(['sm2', 'ed25519'])(
    'R95 a %s signature verifies with the public key, and fails for a document with one value changed',
    (algorithm) => {
      const { key } = generateSigningKey(algorithm);
      const doc = sampleReport();
      const signed = signReport(key, doc);
      expect(signed).toMatchObject({ algorithm, keyId: key.keyId, contentHash: contentHashOf(doc) });
      expect(verifyReportSignature(key.publicKeyPem, algorithm, doc, signed.signature)).toBe(true);
      expect(
        verifyReportSignature(key.publicKeyPem, algorithm, withChangedValue(doc), signed.signature),
      ).toBe(false);
      const other = generateSigningKey(algorithm).key;
      expect(verifyReportSignature(other.publicKeyPem, algorithm, doc, signed.signature)).toBe(false);
      expect(verifyReportSignature(key.publicKeyPem, algorithm, doc, 'not base64 at all!')).toBe(false);
    },
  );
});

describe('the report signing key', () => {
  it('outside production, generates a demo key once in the data directory, reads it back after, and warns each time', () => {
    const dataDir = path.join(dir, 'demo');
    const warnings: string[] = [];
    const environment = {
      env: {},
      dataDir,
      production: false,
      warn: (message: string) => warnings.push(message),
    };
    const first = loadReportSigningKey(environment);
    const file = path.join(dataDir, REPORT_DEMO_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const pem = fs.readFileSync(file, 'utf8');
    const second = loadReportSigningKey(environment);
    expect(second.keyId).toBe(first.keyId);
    expect(second.algorithm).toBe('sm2');
    expect(fs.readFileSync(file, 'utf8')).toBe(pem);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('公共信用报告正在使用演示签名密钥');
    expect(warnings[0]).toContain('Public credit reports are signed with the DEMO key');
    expect(warnings[0]).toContain('GONGXIN_REPORT_SIGNING_KEY');
  });

  it('honours GONGXIN_REPORT_SIGNING_ALGORITHM for the demo key', () => {
    const key = loadReportSigningKey({
      env: { GONGXIN_REPORT_SIGNING_ALGORITHM: 'ed25519' },
      dataDir: path.join(dir, 'ed25519'),
      production: false,
      warn: () => {},
    });
    expect(key.algorithm).toBe('ed25519');
  });

  it('uses the configured key, in production too, with its line breaks written as \\n', () => {
    const { key, privateKeyPem } = generateSigningKey('ed25519');
    const loaded = loadReportSigningKey({
      env: { GONGXIN_REPORT_SIGNING_KEY: privateKeyPem.trim().replaceAll('\n', '\\n') },
      dataDir: path.join(dir, 'configured'),
      production: true,
      warn: () => {
        throw new Error('no warning for a configured key');
      },
    });
    expect(loaded.keyId).toBe(key.keyId);
    expect(fs.existsSync(path.join(dir, 'configured'))).toBe(false);
  });

  it('is refused in production without a key, and for a bad key or algorithm', () => {
    const refused = (env: Record<string, string>, production: boolean) => () =>
      loadReportSigningKey({ env, dataDir: path.join(dir, 'refused'), production, warn: () => {} });
    expect(refused({}, true)).toThrow(ConfigError);
    expect(refused({}, true)).toThrow(/^GONGXIN_REPORT_SIGNING_KEY: must be set in production/);
    expect(refused({ GONGXIN_REPORT_SIGNING_KEY: 'nonsense' }, false)).toThrow(
      /^GONGXIN_REPORT_SIGNING_KEY: /,
    );
    expect(refused({ GONGXIN_REPORT_SIGNING_ALGORITHM: 'rsa' }, false)).toThrow(
      /^GONGXIN_REPORT_SIGNING_ALGORITHM: "rsa" is not sm2 or ed25519/,
    );
    const { privateKeyPem } = generateSigningKey('sm2');
    expect(
      refused(
        { GONGXIN_REPORT_SIGNING_KEY: privateKeyPem, GONGXIN_REPORT_SIGNING_ALGORITHM: 'ed25519' },
        true,
      ),
    ).toThrow(/not ed25519/);
    expect(fs.existsSync(path.join(dir, 'refused'))).toBe(false);
  });
});
