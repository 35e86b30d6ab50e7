import type { Kysely } from 'kysely';
import { type HashAlgorithm, hashLeaf } from '../../platform/crypto/hash.ts';
import { MerkleFrontier } from '../../platform/crypto/merkle.ts';
import type { Database } from '../../platform/db/schema.ts';
import { CheckpointFileError, checkpointSignatureProblem, readCheckpointDocument } from './checkpoint.ts';
import {
  allCheckpoints,
  type CheckpointRow,
  countEventsAfter,
  countEventsUpTo,
  firstUnloggedEventUpTo,
  type LoggedEntry,
  loggedEntries,
  seqAfterEventId,
  treeAlgorithm,
} from './store.ts';

/** Something wrong with the log, located at the first sequence number it affects. */
export interface Finding {
  seq: number;
  eventId: number | null;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries (sequence numbers) whose events were re-hashed and re-built into the tree. */
  entries: number;
  /** Stored checkpoints whose signatures and roots were checked. */
  checkpoints: number;
  hashAlgorithm: HashAlgorithm | null;
  /** The keys that signed the stored checkpoints. */
  keyIds: string[];
  /** Committed events the integrator has not reached yet: not part of the log until it does. */
  pendingEvents: number;
  /** The root of the tree the events give now. */
  root: string | null;
  seconds: number;
  entriesPerSecond: number;
  /** The earliest finding, the answer to "where was the log changed". */
  firstDifference: Finding | null;
  findings: Finding[];
  /** Problems that are not about one entry (a checkpoint's signature). */
  problems: string[];
  /** The externally kept checkpoint, when one was given, and whether the log still agrees with it. */
  externalCheckpoint: { treeSize: number; keyId: string; signedAt: string; ok: boolean } | null;
}

export interface VerifyOptions {
  /** The parsed JSON of a checkpoint kept outside the database (`--checkpoint FILE`). */
  externalCheckpoint?: unknown;
  batchSize?: number;
}

interface RootTarget {
  size: number;
  root: Buffer;
  label: string;
  onMismatch(): void;
}

/**
 * Re-derives the log from the events as they are stored now and holds it against everything that was
 * recorded about it: every leaf is recomputed from its event and compared with the stored leaf hash, the
 * tree is rebuilt from the recomputed leaves and its root compared with every checkpoint's signed root
 * (and the external one's), every checkpoint's signature is checked, and the events are checked for rows
 * removed, reordered or slipped in behind the integrator. Runs in one repeatable-read snapshot.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 20_000;
  const findings: Finding[] = [];
  const problems: string[] = [];
  let external: CheckpointRow | null = null;
  let externalOk = false;
  if (options.externalCheckpoint !== undefined) {
    try {
      external = readCheckpointDocument(options.externalCheckpoint).row;
      externalOk = true;
    } catch (error) {
      if (!(error instanceof CheckpointFileError)) throw error;
      problems.push(`the external checkpoint is not valid: ${error.message}`);
    }
  }

  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const algorithm = await treeAlgorithm(trx);
      const checkpoints = await allCheckpoints(trx);
      for (const checkpoint of checkpoints) {
        const problem = checkpointSignatureProblem(checkpoint);
        if (problem) problems.push(`checkpoint at size ${checkpoint.treeSize}: ${problem}`);
        if (checkpoint.hashAlgorithm !== algorithm) {
          problems.push(
            `checkpoint at size ${checkpoint.treeSize} is for ${checkpoint.hashAlgorithm}, the tree uses ${algorithm}`,
          );
        }
      }
      if (external && external.hashAlgorithm !== algorithm) {
        problems.push(`the external checkpoint is for ${external.hashAlgorithm}, the tree uses ${algorithm}`);
        externalOk = false;
      }

      // Each signed root the rebuilt tree must reach, in size order; the last one reached intact bounds
      // where a change that left no other trace can lie.
      let lastIntactSize = 0;
      const targets: RootTarget[] = checkpoints.map((c) => ({
        size: c.treeSize,
        root: c.rootHash,
        label: `checkpoint at size ${c.treeSize}`,
        onMismatch: () => {},
      }));
      if (external && externalOk) {
        targets.push({
          size: external.treeSize,
          root: external.rootHash,
          label: `the external checkpoint (size ${external.treeSize}, signed ${external.signedAt})`,
          onMismatch: () => {
            externalOk = false;
          },
        });
      }
      targets.sort((a, b) => a.size - b.size);
      let nextTarget = 0;

      const frontier = new MerkleFrontier(algorithm ?? 'sm3');
      let expectedSeq = 0;
      let previousEventId = 0;
      let deletedEvents = 0;
      const outOfOrder: Array<{ seq: number; eventId: number }> = [];
      const checkRootsAtSize = () => {
        while (nextTarget < targets.length && (targets[nextTarget] as RootTarget).size === frontier.size) {
          const target = targets[nextTarget] as RootTarget;
          nextTarget += 1;
          if (frontier.root().equals(target.root)) {
            lastIntactSize = target.size;
            continue;
          }
          target.onMismatch();
          problems.push(`${target.label}: the logged events do not give its signed root`);
          // A change already found in the range explains the mismatch; otherwise only the range is known.
          const inRange = (f: { seq: number }) => f.seq >= lastIntactSize && f.seq < target.size;
          if (!findings.some(inRange) && !outOfOrder.some(inRange)) {
            findings.push({
              seq: lastIntactSize,
              eventId: null,
              problem:
                `entries ${lastIntactSize}–${target.size - 1} do not give the root signed at size ${target.size}: ` +
                'events and their stored leaf hashes were changed together',
            });
          }
          lastIntactSize = target.size;
        }
      };
      const processEntry = (entry: LoggedEntry) => {
        if (entry.seq !== expectedSeq) {
          findings.push({
            seq: expectedSeq,
            eventId: null,
            problem: `sequence numbers ${expectedSeq}–${entry.seq - 1} are missing from the log`,
          });
          expectedSeq = entry.seq;
        }
        let leaf = entry.leafHash;
        if (entry.canonical === null) {
          deletedEvents += 1;
          findings.push({
            seq: entry.seq,
            eventId: entry.eventId,
            problem: `event ${entry.eventId} was deleted`,
          });
        } else {
          leaf = hashLeaf(algorithm ?? 'sm3', Buffer.from(entry.canonical, 'utf8'));
          if (!leaf.equals(entry.leafHash)) {
            findings.push({
              seq: entry.seq,
              eventId: entry.eventId,
              problem: `event ${entry.eventId} differs from the event that was logged (its leaf hash changed)`,
            });
          }
        }
        if (entry.eventId <= previousEventId) outOfOrder.push({ seq: entry.seq, eventId: entry.eventId });
        previousEventId = Math.max(previousEventId, entry.eventId);
        frontier.append(leaf);
        expectedSeq += 1;
        checkRootsAtSize();
      };

      // The next batch is fetched while this one is hashed.
      let pending = loggedEntries(trx, 0, batchSize);
      for (;;) {
        const batch = await pending;
        const last = batch[batch.length - 1];
        if (!last) break;
        if (batch.length === batchSize) pending = loggedEntries(trx, last.seq + 1, batchSize);
        for (const entry of batch) processEntry(entry);
        if (batch.length < batchSize) break;
      }

      const entries = frontier.size;
      const beyond = targets.slice(nextTarget);
      for (const target of beyond) {
        target.onMismatch();
        problems.push(`${target.label} vouches for ${target.size} entries, but the log holds ${entries}`);
      }
      if (beyond[0]) {
        findings.push({
          seq: entries,
          eventId: null,
          problem: `entries from seq ${entries} on were removed: ${beyond[0].label} vouches for ${beyond[0].size}`,
        });
      }
      // An event logged too late shows where the order breaks; the entries were moved from the first
      // position that holds a later event. Each costs a lookup, so only the first few are placed.
      for (const { seq, eventId } of outOfOrder.slice(0, 10)) {
        const from = (await seqAfterEventId(trx, eventId)) ?? seq;
        findings.push({
          seq: Math.min(from, seq),
          eventId,
          problem: `out of order: event ${eventId} is logged at seq ${seq}, after later events logged from seq ${from}`,
        });
      }
      if (previousEventId > 0) {
        const present = await countEventsUpTo(trx, previousEventId);
        if (present > entries - deletedEvents) {
          const inserted = await firstUnloggedEventUpTo(trx, previousEventId);
          if (inserted !== undefined) {
            findings.push({
              seq: (await seqAfterEventId(trx, inserted)) ?? entries,
              eventId: inserted,
              problem: `event ${inserted} was inserted behind the integrator: it sits among logged events but has no leaf`,
            });
          }
        }
      }
      const pendingEvents = await countEventsAfter(trx, previousEventId);

      findings.sort((a, b) => a.seq - b.seq);
      const seconds = (performance.now() - started) / 1000;
      return {
        ok: findings.length === 0 && problems.length === 0,
        entries,
        checkpoints: checkpoints.length,
        hashAlgorithm: algorithm,
        keyIds: [...new Set(checkpoints.map((c) => c.keyId))],
        pendingEvents,
        root: algorithm ? frontier.root().toString('hex') : null,
        seconds,
        entriesPerSecond: seconds > 0 ? Math.round(entries / seconds) : 0,
        firstDifference: findings[0] ?? null,
        findings,
        problems,
        externalCheckpoint: external
          ? {
              treeSize: external.treeSize,
              keyId: external.keyId,
              signedAt: external.signedAt,
              ok: externalOk,
            }
          : null,
      };
    });
}
