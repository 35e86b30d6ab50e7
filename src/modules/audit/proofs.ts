import type { Kysely, Transaction } from 'kysely';
import { type HashAlgorithm, hashLeaf } from '../../platform/crypto/hash.ts';
import {
  completeSubtreesOf,
  consistencyProofRanges,
  foldSubtrees,
  inclusionProofRanges,
  type LeafRange,
  verifyConsistency,
  verifyInclusion,
} from '../../platform/crypto/merkle.ts';
import type { Database } from '../../platform/db/schema.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { type CanonicalEvent, canonicalEventBytes } from './canonical.ts';
import { type CheckpointDocument, readCheckpointDocument } from './checkpoint.ts';
import { checkpointAt, latestCheckpoint, nodeKey, storedNodes, treeAlgorithm, treeHead } from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** That a leaf is in the tree of `treeSize` entries: RFC 6962 audit path, nearest sibling first. */
export interface InclusionProof {
  format: 'gongxin-audit-inclusion/v1';
  seq: number;
  treeSize: number;
  hashAlgorithm: HashAlgorithm;
  leafHash: string;
  auditPath: string[];
  rootHash: string;
  /** Present only where the reader may see event content (the CLI): the event whose leaf this is. */
  event?: CanonicalEvent;
}

/** That the tree of `fromSize` entries is a prefix of the tree of `toSize` (RFC 6962 §2.1.2). */
export interface ConsistencyProof {
  format: 'gongxin-audit-consistency/v1';
  fromSize: number;
  toSize: number;
  hashAlgorithm: HashAlgorithm;
  fromRoot: string;
  toRoot: string;
  proof: string[];
}

/** The stored tree disagrees with itself or with a signed checkpoint: a matter for `gongxin audit verify`. */
export class AuditTreeCorruptError extends Error {
  constructor(reason: string) {
    super(`${reason}; run gongxin audit verify`);
    this.name = 'AuditTreeCorruptError';
  }
}

const hex = (bytes: Buffer) => bytes.toString('hex');

/** The hashes of several ranges of the tree, from stored complete subtrees, in one round trip per table. */
async function rangeHashes(db: Db, algorithm: HashAlgorithm, ranges: LeafRange[]): Promise<Buffer[]> {
  const parts = ranges.map(completeSubtreesOf);
  const stored = await storedNodes(db, parts.flat());
  return parts.map((refs) =>
    foldSubtrees(
      algorithm,
      refs.map((ref) => {
        const hash = stored.get(nodeKey(ref));
        if (!hash) throw new AuditTreeCorruptError(`the audit tree is missing subtree ${nodeKey(ref)}`);
        return hash;
      }),
    ),
  );
}

async function loggedTree(db: Db): Promise<{ algorithm: HashAlgorithm; size: number }> {
  const algorithm = await treeAlgorithm(db);
  const { size } = await treeHead(db);
  if (!algorithm || size === 0) {
    throw new InvalidInputError('treeSize', '审计日志尚无条目', 'the audit log has no entries yet');
  }
  return { algorithm, size };
}

/** The root of the tree of the first `size` entries, O(log n). */
export async function treeRootAt(db: Db, algorithm: HashAlgorithm, size: number): Promise<Buffer> {
  const [root] = await rangeHashes(db, algorithm, [{ start: 0, end: size }]);
  return root as Buffer;
}

function checkSize(field: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new InvalidInputError(
      field,
      `须为 1 至 ${max} 之间的整数（已记入日志的条目数）`,
      `must be a whole number from 1 to ${max} (the entries logged)`,
    );
  }
}

/** A root computed from stored subtrees must be the signed one where a checkpoint exists at that size. */
async function checkAgainstCheckpoint(db: Db, size: number, root: Buffer): Promise<void> {
  const checkpoint = await checkpointAt(db, size);
  if (checkpoint && !checkpoint.rootHash.equals(root)) {
    throw new AuditTreeCorruptError(
      `the stored tree of ${size} entries does not match its signed checkpoint`,
    );
  }
}

/** The size proofs default to: the latest signed checkpoint's. */
async function defaultTreeSize(db: Db): Promise<number> {
  const latest = await latestCheckpoint(db);
  if (!latest) throw new InvalidInputError('treeSize', '尚无签名检查点', 'there is no signed checkpoint yet');
  return latest.treeSize;
}

export async function proveInclusion(db: Db, seq: number, treeSize?: number): Promise<InclusionProof> {
  const tree = await loggedTree(db);
  const size = treeSize ?? (await defaultTreeSize(db));
  checkSize('treeSize', size, tree.size);
  if (!Number.isSafeInteger(seq) || seq < 0 || seq >= size) {
    throw new InvalidInputError(
      'seq',
      `须为 0 至 ${size - 1} 之间的整数`,
      `must be a whole number from 0 to ${size - 1}`,
    );
  }
  const ranges = inclusionProofRanges(seq, size);
  const [leafHash, root, ...path] = await rangeHashes(db, tree.algorithm, [
    { start: seq, end: seq + 1 },
    { start: 0, end: size },
    ...ranges,
  ]);
  if (!leafHash || !root) throw new AuditTreeCorruptError('the audit tree returned no hashes');
  if (!verifyInclusion(tree.algorithm, seq, size, leafHash, path, root)) {
    throw new AuditTreeCorruptError(
      `the stored subtrees give an inclusion proof for seq ${seq} that does not verify`,
    );
  }
  await checkAgainstCheckpoint(db, size, root);
  return {
    format: 'gongxin-audit-inclusion/v1',
    seq,
    treeSize: size,
    hashAlgorithm: tree.algorithm,
    leafHash: hex(leafHash),
    auditPath: path.map(hex),
    rootHash: hex(root),
  };
}

export async function proveConsistency(db: Db, fromSize: number, toSize?: number): Promise<ConsistencyProof> {
  const tree = await loggedTree(db);
  const to = toSize ?? (await defaultTreeSize(db));
  checkSize('to', to, tree.size);
  checkSize('from', fromSize, to);
  const [fromRoot, toRoot, ...proof] = await rangeHashes(db, tree.algorithm, [
    { start: 0, end: fromSize },
    { start: 0, end: to },
    ...consistencyProofRanges(fromSize, to),
  ]);
  if (!fromRoot || !toRoot) throw new AuditTreeCorruptError('the audit tree returned no hashes');
  if (!verifyConsistency(tree.algorithm, fromSize, to, fromRoot, toRoot, proof)) {
    throw new AuditTreeCorruptError(
      `the stored subtrees give a consistency proof ${fromSize} → ${to} that does not verify`,
    );
  }
  await checkAgainstCheckpoint(db, fromSize, fromRoot);
  await checkAgainstCheckpoint(db, to, toRoot);
  return {
    format: 'gongxin-audit-consistency/v1',
    fromSize,
    toSize: to,
    hashAlgorithm: tree.algorithm,
    fromRoot: hex(fromRoot),
    toRoot: hex(toRoot),
    proof: proof.map(hex),
  };
}

export interface ProofCheck {
  ok: boolean;
  /** Why not, or what was established. */
  reason: string;
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * Checks an inclusion proof against an exported checkpoint and nothing else: the checkpoint's own
 * signature, then the audit path up to its root, then (when the proof carries the event) that the leaf
 * is the hash of that event's canonical bytes.
 */
export function checkInclusionProof(proof: unknown, checkpointFile: unknown): ProofCheck {
  let checkpoint: CheckpointDocument;
  try {
    checkpoint = readCheckpointDocument(checkpointFile).document;
  } catch (error) {
    return { ok: false, reason: `checkpoint ${(error as Error).message}` };
  }
  const p = proof as Partial<InclusionProof> | null;
  if (
    p?.format !== 'gongxin-audit-inclusion/v1' ||
    typeof p.seq !== 'number' ||
    typeof p.leafHash !== 'string' ||
    !HEX_HASH.test(p.leafHash) ||
    !Array.isArray(p.auditPath) ||
    !p.auditPath.every((h) => typeof h === 'string' && HEX_HASH.test(h))
  ) {
    return { ok: false, reason: 'proof: not a gongxin-audit-inclusion/v1 document' };
  }
  if (p.treeSize !== checkpoint.treeSize) {
    return {
      ok: false,
      reason: `proof is for a tree of ${p.treeSize} entries, the checkpoint for ${checkpoint.treeSize}`,
    };
  }
  const algorithm = checkpoint.hashAlgorithm;
  const leafHash = Buffer.from(p.leafHash, 'hex');
  const path = p.auditPath.map((h) => Buffer.from(h, 'hex'));
  if (
    !verifyInclusion(
      algorithm,
      p.seq,
      checkpoint.treeSize,
      leafHash,
      path,
      Buffer.from(checkpoint.rootHash, 'hex'),
    )
  ) {
    return { ok: false, reason: `the audit path does not lead from seq ${p.seq} to the checkpoint's root` };
  }
  if (p.event && !hashLeaf(algorithm, canonicalEventBytes(p.event)).equals(leafHash)) {
    return { ok: false, reason: `the event in the proof is not the one logged at seq ${p.seq}` };
  }
  return {
    ok: true,
    reason:
      `seq ${p.seq}${p.event ? ` (event ${p.event.id})` : ''} is entry ${p.seq + 1} of the ${checkpoint.treeSize} ` +
      `signed by ${checkpoint.signatureAlgorithm} key ${checkpoint.keyId} at ${checkpoint.signedAt}`,
  };
}
