import { type HashAlgorithm, isHashAlgorithm } from '../../platform/crypto/hash.ts';
import {
  isSignatureAlgorithm,
  keyIdOf,
  type SignatureAlgorithm,
  SM2_USER_ID,
  verifySignature,
} from '../../platform/crypto/signing.ts';
import type { CheckpointRow } from './store.ts';

/**
 * A checkpoint is a signed statement "the log held `size` entries and its root hash was `root`". What is
 * signed is its body, UTF-8, six lines each ending in \n:
 *
 *   gongxin-audit-checkpoint/v1
 *   hash <sm3|sha256>
 *   size <tree size>
 *   root <root hash, lowercase hex>
 *   time <signing time, UTC with microseconds>
 *   key <sm2|ed25519> <key id>
 *
 * SM2 signs SM3(ZA ‖ body) with the user id 1234567812345678 (GM/T 0009), DER-encoded; Ed25519 signs the
 * body itself. `openssl dgst -sm3 -verify pub.pem -signature sig -sigopt distid:1234567812345678 body`
 * (or `openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in body -sigfile sig` for Ed25519) checks it.
 */
export const CHECKPOINT_FORMAT = 'gongxin-audit-checkpoint/v1';

/** The exported form: a self-contained JSON file that needs nothing else to be checked. */
export interface CheckpointDocument {
  format: typeof CHECKPOINT_FORMAT;
  treeSize: number;
  rootHash: string;
  hashAlgorithm: HashAlgorithm;
  signedAt: string;
  keyId: string;
  signatureAlgorithm: SignatureAlgorithm;
  /** SM2 only: the signer's distinguishing identifier the signature was made with. */
  sm2UserId?: string;
  /** SubjectPublicKeyInfo, PEM. */
  publicKey: string;
  /** The exact bytes signed (UTF-8), rebuilt from the fields above by every verifier and compared. */
  signedBody: string;
  /** Base64. */
  signature: string;
}

export interface CheckpointFields {
  treeSize: number;
  rootHash: Buffer;
  hashAlgorithm: HashAlgorithm;
  signedAt: string;
  keyId: string;
  signatureAlgorithm: SignatureAlgorithm;
}

export function checkpointBody(c: CheckpointFields): string {
  return (
    `${CHECKPOINT_FORMAT}\nhash ${c.hashAlgorithm}\nsize ${c.treeSize}\nroot ${c.rootHash.toString('hex')}\n` +
    `time ${c.signedAt}\nkey ${c.signatureAlgorithm} ${c.keyId}\n`
  );
}

export function checkpointDocument(row: CheckpointRow): CheckpointDocument {
  return {
    format: CHECKPOINT_FORMAT,
    treeSize: row.treeSize,
    rootHash: row.rootHash.toString('hex'),
    hashAlgorithm: row.hashAlgorithm,
    signedAt: row.signedAt,
    keyId: row.keyId,
    signatureAlgorithm: row.signatureAlgorithm,
    ...(row.signatureAlgorithm === 'sm2' ? { sm2UserId: SM2_USER_ID } : {}),
    publicKey: row.publicKeyPem,
    signedBody: checkpointBody(row),
    signature: row.signature.toString('base64'),
  };
}

/** Why a stored checkpoint's signature does not hold, or null when it does. */
export function checkpointSignatureProblem(row: CheckpointRow): string | null {
  if (keyIdOf(row.publicKeyPem) !== row.keyId) return `key id ${row.keyId} is not the id of its public key`;
  const body = Buffer.from(checkpointBody(row), 'utf8');
  return verifySignature(row.signatureAlgorithm, row.publicKeyPem, body, row.signature)
    ? null
    : 'signature does not verify';
}

export class CheckpointFileError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'CheckpointFileError';
  }
}

function requireString(doc: Record<string, unknown>, field: string, pattern?: RegExp): string {
  const value = doc[field];
  if (typeof value !== 'string' || (pattern && !pattern.test(value))) {
    throw new CheckpointFileError(
      field,
      pattern ? `missing or not of the form ${pattern}` : 'missing or not a string',
    );
  }
  return value;
}

/**
 * Reads an exported checkpoint and checks it on its own terms: every field present and well-formed, the
 * signed body equal to the one the fields give, the key id that of the enclosed key, and the signature
 * valid. Whether the enclosed key is one the reader trusts is the reader's business: the point of
 * keeping the file elsewhere is that it was checked when it arrived.
 */
export function readCheckpointDocument(value: unknown): { document: CheckpointDocument; row: CheckpointRow } {
  if (!value || typeof value !== 'object') throw new CheckpointFileError('checkpoint', 'not a JSON object');
  const doc = value as Record<string, unknown>;
  if (doc.format !== CHECKPOINT_FORMAT)
    throw new CheckpointFileError('format', `must be ${CHECKPOINT_FORMAT}`);
  const treeSize = doc.treeSize;
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 1) {
    throw new CheckpointFileError('treeSize', 'must be a whole number ≥ 1');
  }
  const hashAlgorithm = requireString(doc, 'hashAlgorithm');
  if (!isHashAlgorithm(hashAlgorithm))
    throw new CheckpointFileError('hashAlgorithm', 'must be sm3 or sha256');
  const signatureAlgorithm = requireString(doc, 'signatureAlgorithm');
  if (!isSignatureAlgorithm(signatureAlgorithm)) {
    throw new CheckpointFileError('signatureAlgorithm', 'must be sm2 or ed25519');
  }
  if (signatureAlgorithm === 'sm2' && doc.sm2UserId !== undefined && doc.sm2UserId !== SM2_USER_ID) {
    throw new CheckpointFileError('sm2UserId', `only ${SM2_USER_ID} is used`);
  }
  const row: CheckpointRow = {
    treeSize,
    rootHash: Buffer.from(requireString(doc, 'rootHash', /^[0-9a-f]{64}$/), 'hex'),
    hashAlgorithm,
    signedAt: requireString(doc, 'signedAt', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
    keyId: requireString(doc, 'keyId', /^[0-9a-f]{16}$/),
    signatureAlgorithm,
    publicKeyPem: requireString(doc, 'publicKey', /-----BEGIN PUBLIC KEY-----/),
    signature: Buffer.from(requireString(doc, 'signature', /^[A-Za-z0-9+/]+={0,2}$/), 'base64'),
  };
  if (requireString(doc, 'signedBody') !== checkpointBody(row)) {
    throw new CheckpointFileError('signedBody', 'differs from the body the other fields give');
  }
  const problem = checkpointSignatureProblem(row);
  if (problem) throw new CheckpointFileError('signature', problem);
  return { document: checkpointDocument(row), row };
}
