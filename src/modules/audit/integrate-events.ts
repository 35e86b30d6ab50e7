import type { Platform } from '../../platform/context.ts';
import { type HashAlgorithm, hashLeaf } from '../../platform/crypto/hash.ts';
import { frontierOf, MerkleFrontier, type NodeHash } from '../../platform/crypto/merkle.ts';
import {
  allocatedEventId,
  appendLeaves,
  currentSnapshot,
  ensureTree,
  eventsToIntegrate,
  type LeafRow,
  nodeKey,
  storedNodes,
  transactionsStillRunning,
  treeAlgorithm,
  treeHead,
  tryIntegratorLock,
} from './store.ts';

export interface IntegrateOptions {
  /** The algorithm of a tree that has no leaf yet; an existing tree keeps its own. */
  hashAlgorithm?: HashAlgorithm;
  /** Events per transaction: short transactions keep PGlite's single connection free for requests. */
  batchSize?: number;
  /** How long to wait for transactions that may still commit an earlier event id. */
  maxWaitMs?: number;
}

export interface IntegrationResult {
  /** Events given sequence numbers by this run. */
  integrated: number;
  treeSize: number;
  /** The hash algorithm of the tree (null while it has no leaf). */
  hashAlgorithm: HashAlgorithm | null;
  /** Why nothing was integrated although events may be waiting; null when the run did its work. */
  deferred: 'another-integrator' | 'transactions-still-running' | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The barrier that keeps sequence numbers in event-id order although transactions commit in any order:
 * read the highest id handed out, then wait until every transaction that was running at that moment has
 * ended. Every writer holds a transaction id before it draws an event id (record-event.ts), so afterwards
 * each id up to the bound is either committed and visible or rolled back for good (a permanent gap).
 * Nothing blocks the writers; only a long-running writing transaction delays integration.
 */
async function settledEventId(platform: Pick<Platform, 'db'>, maxWaitMs: number): Promise<number | null> {
  const bound = await allocatedEventId(platform.db);
  const snapshot = await currentSnapshot(platform.db);
  const deadline = performance.now() + maxWaitMs;
  let delay = 5;
  while ((await transactionsStillRunning(platform.db, snapshot)) > 0) {
    if (performance.now() >= deadline) return null;
    await sleep(delay);
    delay = Math.min(delay * 2, 200);
  }
  return bound;
}

/**
 * THE integrator: gives committed audit events gapless sequence numbers 0, 1, 2, … in id order and
 * appends their leaves, HASH(0x00 || canonical bytes), to the RFC 6962 tree, storing every subtree hash
 * they complete. On PostgreSQL an advisory lock makes sure two instances never integrate at once; the
 * other one returns `deferred: 'another-integrator'`.
 */
export async function integrateAuditEvents(
  platform: Pick<Platform, 'db' | 'clock'>,
  options: IntegrateOptions = {},
): Promise<IntegrationResult> {
  const batchSize = options.batchSize ?? 5000;
  let integrated = 0;
  const finish = async (deferred: IntegrationResult['deferred']): Promise<IntegrationResult> => ({
    integrated,
    treeSize: (await treeHead(platform.db)).size,
    hashAlgorithm: await treeAlgorithm(platform.db),
    deferred,
  });
  const bound = await settledEventId(platform, options.maxWaitMs ?? 5000);
  if (bound === null) return finish('transactions-still-running');
  for (;;) {
    const batch = await platform.db.transaction().execute(async (trx) => {
      if (!(await tryIntegratorLock(trx))) return null;
      const head = await treeHead(trx);
      const events = await eventsToIntegrate(trx, head.lastEventId, bound, batchSize);
      if (events.length === 0) return 0;
      const algorithm = await ensureTree(trx, options.hashAlgorithm ?? 'sm3', platform.clock.now());
      const refs = frontierOf(head.size);
      const stored = await storedNodes(trx, refs);
      const frontier = new MerkleFrontier(
        algorithm,
        head.size,
        refs.map((ref) => {
          const hash = stored.get(nodeKey(ref));
          if (!hash)
            throw new Error(`audit tree is missing subtree ${nodeKey(ref)}; run gongxin audit verify`);
          return hash;
        }),
      );
      const leaves: LeafRow[] = [];
      const nodes: NodeHash[] = [];
      for (const event of events) {
        const leafHash = hashLeaf(algorithm, Buffer.from(event.canonical, 'utf8'));
        leaves.push({ seq: frontier.size, eventId: event.id, leafHash });
        nodes.push(...frontier.append(leafHash));
      }
      await appendLeaves(trx, leaves, nodes);
      return events.length;
    });
    if (batch === null) return finish('another-integrator');
    integrated += batch;
    if (batch < batchSize) return finish(null);
  }
}
