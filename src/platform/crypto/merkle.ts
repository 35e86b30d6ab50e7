import { digest, type HashAlgorithm, hashChildren } from './hash.ts';

/**
 * The Merkle tree of RFC 6962 §2.1 (as restated in RFC 9162 §2.1): a tree of n leaves is split at the
 * largest power of two below n, its left part being complete. Every node of such a tree covers either a
 * complete, aligned block of 2^level leaves, or a right-edge range that is made of a few such blocks.
 * Storing the hash of every complete block once (about 2n hashes in all) is therefore enough to produce
 * any root, inclusion proof or consistency proof with O(log n) stored hashes and O(log n) hashing.
 */

/** A complete subtree: the 2^level leaves starting at leaf `index * 2^level`. Level 0 is a single leaf. */
export interface NodeRef {
  level: number;
  index: number;
}

export interface NodeHash extends NodeRef {
  hash: Buffer;
}

/** Leaves [start, end) of the tree. */
export interface LeafRange {
  start: number;
  end: number;
}

/** k such that k < n ≤ 2k, for n ≥ 2 (the RFC's split point). */
export function largestPowerOfTwoBelow(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`no power of two split for ${n} leaves`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/**
 * The ranges whose hashes form the audit path of leaf `leafIndex` in a tree of `treeSize` leaves
 * (RFC 6962 §2.1.1 PATH), nearest sibling first.
 */
export function inclusionProofRanges(leafIndex: number, treeSize: number): LeafRange[] {
  checkSize('leaf index', leafIndex);
  checkSize('tree size', treeSize);
  if (leafIndex >= treeSize) throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize} leaves`);
  const path: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  // Walk down from the root; each step keeps the half that holds the leaf and records the other half.
  while (end - start > 1) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (leafIndex < split) {
      path.push({ start: split, end });
      end = split;
    } else {
      path.push({ start, end: split });
      start = split;
    }
  }
  return path.reverse();
}

/**
 * The ranges whose hashes prove that the tree of `oldSize` leaves is a prefix of the tree of `newSize`
 * leaves (RFC 6962 §2.1.2 PROOF and SUBPROOF), in the RFC's order. Empty when the sizes are equal or
 * the old tree is empty: there is nothing to prove.
 */
export function consistencyProofRanges(oldSize: number, newSize: number): LeafRange[] {
  checkSize('old tree size', oldSize);
  checkSize('new tree size', newSize);
  if (oldSize > newSize) throw new RangeError(`a tree of ${oldSize} leaves cannot precede one of ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const proof: LeafRange[] = [];
  let m = oldSize;
  let start = 0;
  let end = newSize;
  // SUBPROOF's flag: true while the subtree is still the old tree's own root, whose hash the verifier has.
  let isOldRoot = true;
  while (m !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      proof.push({ start: start + k, end });
      end = start + k;
    } else {
      proof.push({ start, end: start + k });
      m -= k;
      start += k;
      isOldRoot = false;
    }
  }
  if (!isOldRoot) proof.push({ start, end });
  return proof.reverse();
}

/**
 * The complete subtrees a range of the tree is made of, left to right. For every range of the RFC's tree
 * (a node, as the proof functions above return them), their hashes folded by `foldSubtrees` give the
 * range's hash.
 */
export function completeSubtreesOf(range: LeafRange): NodeRef[] {
  const refs: NodeRef[] = [];
  let position = range.start;
  while (position < range.end) {
    let size = 1;
    while (size * 2 <= range.end - position && position % (size * 2) === 0) size *= 2;
    const level = Math.log2(size);
    refs.push({ level, index: position / size });
    position += size;
  }
  return refs;
}

/** The complete subtrees of the tree of `size` leaves, left to right: its "frontier". */
export function frontierOf(size: number): NodeRef[] {
  return completeSubtreesOf({ start: 0, end: size });
}

/**
 * A range's hash from its complete subtrees' hashes, left to right: the leftmost block is the largest
 * power of two, so MTH = HASH(0x01 || first || MTH(rest)), folded from the right.
 */
export function foldSubtrees(algorithm: HashAlgorithm, hashes: readonly Buffer[]): Buffer {
  let index = hashes.length - 1;
  let acc = hashes[index];
  if (acc === undefined) return emptyTreeHash(algorithm);
  while (index > 0) {
    index -= 1;
    acc = hashChildren(algorithm, hashes[index] as Buffer, acc);
  }
  return acc;
}

/** MTH({}) = HASH(), the root of the empty tree. */
export function emptyTreeHash(algorithm: HashAlgorithm): Buffer {
  return digest(algorithm, new Uint8Array(0));
}

/**
 * The right edge of a growing tree: one hash per level at most. Appending a leaf completes the blocks it
 * closes, which are returned so they can be stored; the root of the current size costs O(log n).
 */
export class MerkleFrontier {
  private readonly byLevel: Array<Buffer | undefined> = [];
  private leafCount: number;

  /** A frontier for a tree of `size` leaves, from the hashes of `frontierOf(size)`, left to right. */
  constructor(
    readonly algorithm: HashAlgorithm,
    size = 0,
    frontierHashes: readonly Buffer[] = [],
  ) {
    checkSize('tree size', size);
    const refs = frontierOf(size);
    if (refs.length !== frontierHashes.length) {
      throw new RangeError(
        `a tree of ${size} leaves has ${refs.length} frontier hashes, not ${frontierHashes.length}`,
      );
    }
    refs.forEach((ref, i) => {
      this.byLevel[ref.level] = frontierHashes[i];
    });
    this.leafCount = size;
  }

  get size(): number {
    return this.leafCount;
  }

  /** Adds a leaf hash; returns the complete subtrees of level ≥ 1 it closes, lowest first. */
  append(leafHash: Buffer): NodeHash[] {
    const closed: NodeHash[] = [];
    let hash = leafHash;
    let index = this.leafCount;
    let level = 0;
    while (index % 2 === 1) {
      hash = hashChildren(this.algorithm, this.byLevel[level] as Buffer, hash);
      this.byLevel[level] = undefined;
      index = (index - 1) / 2;
      level += 1;
      closed.push({ level, index, hash });
    }
    this.byLevel[level] = hash;
    this.leafCount += 1;
    return closed;
  }

  root(): Buffer {
    let acc: Buffer | undefined;
    for (const hash of this.byLevel) {
      if (hash) acc = acc ? hashChildren(this.algorithm, hash, acc) : hash;
    }
    return acc ?? emptyTreeHash(this.algorithm);
  }
}

/** RFC 9162 §2.1.3.2: does `proof` show the leaf at `leafIndex` is in the tree of `treeSize` with `root`? */
export function verifyInclusion(
  algorithm: HashAlgorithm,
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(algorithm, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(algorithm, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `oldSize` (`oldRoot`) is a prefix of the one of `newSize`? */
export function verifyConsistency(
  algorithm: HashAlgorithm,
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize)) return false;
  if (oldSize < 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  // Every tree extends the empty one; there is nothing to prove.
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = [...proof];
  // A power-of-two old tree is a complete subtree of the new one; the proof leaves its hash out.
  if (isPowerOfTwo(oldSize)) path.unshift(oldRoot);
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr: Buffer = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(algorithm, c, fr);
      sr = hashChildren(algorithm, c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(algorithm, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(oldRoot) && sr.equals(newRoot) && sn === 0;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
