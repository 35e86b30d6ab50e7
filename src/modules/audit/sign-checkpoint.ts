import type { Platform } from '../../platform/context.ts';
import type { SigningKey } from '../../platform/crypto/signing.ts';
import { isoMicros } from './canonical.ts';
import { type CheckpointDocument, checkpointBody, checkpointDocument } from './checkpoint.ts';
import { proveConsistency, treeRootAt } from './proofs.ts';
import type { CheckpointRow } from './store.ts';
import { insertCheckpoint, latestCheckpoint, treeAlgorithm, treeHead, tryIntegratorLock } from './store.ts';

export interface CheckpointPolicy {
  /** Sign once this many entries were added since the last checkpoint… */
  checkpointEvery: number;
  /** …or once this many minutes passed since it and at least one entry was added. */
  checkpointMinutes: number;
  signingKey(): SigningKey;
}

export interface CheckpointOutcome {
  checkpoint: CheckpointDocument | null;
  /** Why no checkpoint was signed, when none was. */
  skipped: 'empty-log' | 'up-to-date' | 'not-due' | 'another-instance' | null;
}

function isDue(policy: CheckpointPolicy, last: CheckpointRow | undefined, size: number, now: Date): boolean {
  if (!last) return true;
  const minutesSince = (now.getTime() - Date.parse(last.signedAt)) / 60_000;
  return size - last.treeSize >= policy.checkpointEvery || minutesSince >= policy.checkpointMinutes;
}

/**
 * Signs a checkpoint of the whole tree when the policy says one is due. Before signing, the tree must be
 * provably an extension of the last checkpoint (an RFC 6962 consistency proof from the stored subtrees,
 * checked against the signed root): the signer never puts its name to a history that forks from one it
 * signed before.
 */
export async function signCheckpointIfDue(
  platform: Pick<Platform, 'db' | 'clock'>,
  policy: CheckpointPolicy,
): Promise<CheckpointOutcome> {
  return platform.db.transaction().execute(async (trx) => {
    if (!(await tryIntegratorLock(trx))) return { checkpoint: null, skipped: 'another-instance' };
    const { size } = await treeHead(trx);
    const algorithm = await treeAlgorithm(trx);
    if (size === 0 || !algorithm) return { checkpoint: null, skipped: 'empty-log' };
    const last = await latestCheckpoint(trx);
    if (last && last.treeSize >= size) return { checkpoint: null, skipped: 'up-to-date' };
    const now = platform.clock.now();
    if (!isDue(policy, last, size, now)) return { checkpoint: null, skipped: 'not-due' };
    // proveConsistency refuses (AuditTreeCorruptError) when the stored tree no longer extends the last
    // checkpoint's signed root.
    const root = last
      ? Buffer.from((await proveConsistency(trx, last.treeSize, size)).toRoot, 'hex')
      : await treeRootAt(trx, algorithm, size);
    const key = policy.signingKey();
    const signedAt = now;
    const fields = {
      treeSize: size,
      rootHash: root,
      hashAlgorithm: algorithm,
      signedAt: isoMicros(signedAt),
      keyId: key.keyId,
      signatureAlgorithm: key.algorithm,
    };
    const signature = key.sign(Buffer.from(checkpointBody(fields), 'utf8'));
    const row = { ...fields, publicKeyPem: key.publicKeyPem, signature };
    await insertCheckpoint(trx, { ...row, signedAt });
    return { checkpoint: checkpointDocument(row), skipped: null };
  });
}
