import { createHash } from 'node:crypto';

/**
 * The hash of the audit log's Merkle tree. SM3 (GB/T 32905) is the default, as the national standards
 * expect; SHA-256 is there for deployments whose verifiers only have it. The choice is stored with the
 * tree, so a verifier never has to guess it.
 */
export const HASH_ALGORITHMS = ['sm3', 'sha256'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export function isHashAlgorithm(value: string): value is HashAlgorithm {
  return (HASH_ALGORITHMS as readonly string[]).includes(value);
}

/** RFC 6962 §2.1 domain separation: a leaf can never be passed off as an interior node, or the reverse. */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function digest(algorithm: HashAlgorithm, data: Uint8Array): Buffer {
  return createHash(algorithm).update(data).digest();
}

/** MTH({d}) = HASH(0x00 || d). */
export function hashLeaf(algorithm: HashAlgorithm, leafBytes: Uint8Array): Buffer {
  return createHash(algorithm).update(LEAF_PREFIX).update(leafBytes).digest();
}

/** MTH(D[n]) = HASH(0x01 || MTH(left) || MTH(right)). */
export function hashChildren(algorithm: HashAlgorithm, left: Uint8Array, right: Uint8Array): Buffer {
  return createHash(algorithm).update(NODE_PREFIX).update(left).update(right).digest();
}
