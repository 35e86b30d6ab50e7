import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HashAlgorithm, hashChildren, hashLeaf } from './hash.ts';
import {
  completeSubtreesOf,
  consistencyProofRanges,
  emptyTreeHash,
  foldSubtrees,
  frontierOf,
  inclusionProofRanges,
  type LeafRange,
  largestPowerOfTwoBelow,
  MerkleFrontier,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const unhex = (text: string) => Buffer.from(text, 'hex');

/** MTH written straight from RFC 6962 §2.1, recursion and all: the reference the fast code must match. */
function referenceRoot(algorithm: HashAlgorithm, leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return emptyTreeHash(algorithm);
  if (leaves.length === 1) return leaves[0] as Buffer;
  const k = largestPowerOfTwoBelow(leaves.length);
  return hashChildren(
    algorithm,
    referenceRoot(algorithm, leaves.slice(0, k)),
    referenceRoot(algorithm, leaves.slice(k)),
  );
}

/** A range's hash the way the database computes it: from its complete subtrees only. */
function rangeHash(algorithm: HashAlgorithm, leaves: Buffer[], range: LeafRange): Buffer {
  const blocks = completeSubtreesOf(range).map(({ level, index }) =>
    referenceRoot(algorithm, leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)),
  );
  return foldSubtrees(algorithm, blocks);
}

const proofOf = (algorithm: HashAlgorithm, leaves: Buffer[], ranges: LeafRange[]) =>
  ranges.map((range) => rangeHash(algorithm, leaves, range));

// The Certificate Transparency reference data (SHA-256): leaves and the root for each size 1..8.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((data) => hashLeaf('sha256', unhex(data)));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CT_CONSISTENCY = [
  { from: 1, to: 1, proof: [] },
  {
    from: 1,
    to: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

describe('RFC 6962 Merkle tree against the Certificate Transparency vectors (SHA-256)', () => {
  it('the empty tree is SHA-256 of nothing, and every size 1..8 has the published root', () => {
    expect(hex(emptyTreeHash('sha256'))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const frontier = new MerkleFrontier('sha256');
    CT_LEAVES.forEach((leaf, i) => {
      frontier.append(leaf);
      expect(hex(frontier.root()), `size ${i + 1}`).toBe(CT_ROOTS[i]);
      expect(hex(referenceRoot('sha256', CT_LEAVES.slice(0, i + 1)))).toBe(CT_ROOTS[i]);
    });
  });

  it('inclusion proofs are the published audit paths and verify against the published roots', () => {
    for (const { index, size, proof } of CT_INCLUSION) {
      const computed = proofOf('sha256', CT_LEAVES, inclusionProofRanges(index, size)).map(hex);
      expect(computed, `leaf ${index} of ${size}`).toEqual(proof);
      const root = unhex(CT_ROOTS[size - 1] as string);
      expect(verifyInclusion('sha256', index, size, CT_LEAVES[index] as Buffer, proof.map(unhex), root)).toBe(
        true,
      );
    }
  });

  it('consistency proofs are the published ones and verify against the published roots', () => {
    for (const { from, to, proof } of CT_CONSISTENCY) {
      const computed = proofOf('sha256', CT_LEAVES, consistencyProofRanges(from, to)).map(hex);
      expect(computed, `${from} → ${to}`).toEqual(proof);
      const [oldRoot, newRoot] = [unhex(CT_ROOTS[from - 1] as string), unhex(CT_ROOTS[to - 1] as string)];
      expect(verifyConsistency('sha256', from, to, oldRoot, newRoot, proof.map(unhex))).toBe(true);
    }
  });
});

const flipOneByte = (hashes: Buffer[], which: number, byte: number): Buffer[] =>
  hashes.map((hash, i) => {
    if (i !== which) return hash;
    const copy = Buffer.from(hash);
    copy[byte % copy.length] = (copy[byte % copy.length] as number) ^ 0x01;
    return copy;
  });

describe.each(['sm3', 'sha256'] as const)('RFC 6962 properties with %s', (algorithm) => {
  const leaves = Array.from({ length: 70 }, (_, i) => hashLeaf(algorithm, Buffer.from(`entry ${i}`)));
  const sizeAndIndex = fc
    .integer({ min: 1, max: leaves.length })
    .chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1), fc.nat(31)));
  const twoSizes = fc
    .integer({ min: 1, max: leaves.length })
    .chain((to) => fc.tuple(fc.integer({ min: 1, max: to }), fc.constant(to), fc.nat(31)));

  it('the frontier, the stored-subtree fold and the RFC recursion agree on every root', () => {
    const frontier = new MerkleFrontier(algorithm);
    for (let size = 1; size <= leaves.length; size++) {
      frontier.append(leaves[size - 1] as Buffer);
      const reference = referenceRoot(algorithm, leaves.slice(0, size));
      expect(frontier.root()).toEqual(reference);
      expect(rangeHash(algorithm, leaves, { start: 0, end: size })).toEqual(reference);
      const resumed = new MerkleFrontier(
        algorithm,
        size,
        frontierOf(size).map((ref) =>
          rangeHash(algorithm, leaves, {
            start: ref.index * 2 ** ref.level,
            end: (ref.index + 1) * 2 ** ref.level,
          }),
        ),
      );
      expect(resumed.root()).toEqual(reference);
    }
  });

  it('every inclusion proof verifies, and a flipped byte or another leaf index does not', () => {
    fc.assert(
      fc.property(sizeAndIndex, ([size, index, byte]) => {
        const root = referenceRoot(algorithm, leaves.slice(0, size));
        const proof = proofOf(algorithm, leaves, inclusionProofRanges(index, size));
        const leaf = leaves[index] as Buffer;
        expect(verifyInclusion(algorithm, index, size, leaf, proof, root)).toBe(true);
        expect(
          verifyInclusion(algorithm, index, size, flipOneByte([leaf], 0, byte)[0] as Buffer, proof, root),
        ).toBe(false);
        if (proof.length > 0) {
          expect(
            verifyInclusion(
              algorithm,
              index,
              size,
              leaf,
              flipOneByte(proof, byte % proof.length, byte),
              root,
            ),
          ).toBe(false);
        }
        expect(
          verifyInclusion(algorithm, index, size, leaf, proof, flipOneByte([root], 0, byte)[0] as Buffer),
        ).toBe(false);
        if (size > 1) {
          const other = (index + 1) % size;
          expect(verifyInclusion(algorithm, other, size, leaf, proof, root)).toBe(false);
        }
      }),
    );
  });

  it('every consistency proof between m ≤ n verifies, and a flipped byte does not', () => {
    fc.assert(
      fc.property(twoSizes, ([from, to, byte]) => {
        const oldRoot = referenceRoot(algorithm, leaves.slice(0, from));
        const newRoot = referenceRoot(algorithm, leaves.slice(0, to));
        const proof = proofOf(algorithm, leaves, consistencyProofRanges(from, to));
        expect(verifyConsistency(algorithm, from, to, oldRoot, newRoot, proof)).toBe(true);
        if (from === to) return;
        expect(
          verifyConsistency(
            algorithm,
            from,
            to,
            oldRoot,
            newRoot,
            flipOneByte(proof, byte % proof.length, byte),
          ),
        ).toBe(false);
        expect(
          verifyConsistency(
            algorithm,
            from,
            to,
            flipOneByte([oldRoot], 0, byte)[0] as Buffer,
            newRoot,
            proof,
          ),
        ).toBe(false);
        expect(
          verifyConsistency(
            algorithm,
            from,
            to,
            oldRoot,
            flipOneByte([newRoot], 0, byte)[0] as Buffer,
            proof,
          ),
        ).toBe(false);
      }),
    );
  });

  it('a tree whose earlier entries were changed is not consistent with the old root', () => {
    const changed = [...leaves];
    changed[3] = hashLeaf(algorithm, Buffer.from('edited'));
    const oldRoot = referenceRoot(algorithm, leaves.slice(0, 10));
    const newRoot = referenceRoot(algorithm, changed.slice(0, 40));
    const proof = proofOf(algorithm, changed, consistencyProofRanges(10, 40));
    expect(verifyConsistency(algorithm, 10, 40, oldRoot, newRoot, proof)).toBe(false);
  });
});

describe('tree shape helpers', () => {
  it('the split is the largest power of two below n, not the midpoint', () => {
    expect([2, 3, 4, 5, 8, 9, 1000].map(largestPowerOfTwoBelow)).toEqual([1, 2, 2, 4, 4, 8, 512]);
    expect(() => largestPowerOfTwoBelow(1)).toThrow(RangeError);
  });

  it('appending closes exactly the complete subtrees the new leaf finishes', () => {
    const frontier = new MerkleFrontier('sm3', 0);
    const closedAt = Array.from({ length: 8 }, (_, i) =>
      frontier.append(hashLeaf('sm3', Buffer.from([i]))).map(({ level, index }) => `${level}/${index}`),
    );
    expect(closedAt).toEqual([[], ['1/0'], [], ['1/1', '2/0'], [], ['1/2'], [], ['1/3', '2/1', '3/0']]);
    expect(frontierOf(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
  });

  it('proofs for leaves or sizes out of range are refused', () => {
    expect(() => inclusionProofRanges(5, 5)).toThrow(/not in a tree of 5/);
    expect(() => consistencyProofRanges(6, 5)).toThrow(RangeError);
    expect(verifyInclusion('sm3', 5, 5, Buffer.alloc(32), [], Buffer.alloc(32))).toBe(false);
  });
});
