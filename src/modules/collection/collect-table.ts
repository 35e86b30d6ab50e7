import { type HeaderMapping, mapHeaders } from '../../core/collection/headers.ts';
import type { CellValue } from '../../core/collection/row.ts';
import { type Actor, type Platform, runUseCase } from '../../platform/context.ts';
import type { CollectionChannelName } from '../../platform/db/schema.ts';
import { loadWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { finishBatchRun } from './finish-batch.ts';
import { type IncomingRow, ingestRows, type PreparedRow, prepareRows } from './ingest-rows.ts';
import { openBatch } from './open-batch.ts';
import type { BatchCounts } from './store.ts';

/** Rows per transaction: large enough for multi-row inserts, small enough to keep transactions short. */
const CHUNK_ROWS = 500;

export interface TableRow {
  rowNumber: number;
  /** The row's own headers: a file's rows share one array; JSON records may each name other fields. */
  headers: readonly string[];
  cells: readonly CellValue[];
}

export interface CollectTableInput {
  itemCode: string;
  providerCode: string;
  channel: CollectionChannelName;
  fileName: string | null;
  /** The columns known before the first row (a file's header row); JSON batches learn theirs as they go. */
  headers: readonly string[];
  rows: AsyncIterable<TableRow> | Iterable<TableRow>;
  /** The batch whose returned rows this submission fixes. */
  resubmits?: number | null;
  /** Called after every committed chunk with the batch and its totals so far. */
  onProgress?: (progress: CollectOutcome) => void;
}

/** The batch's totals; its returned rows are read back from the batch (`batchReturns`), never held here. */
export interface CollectOutcome extends BatchCounts {
  batch: number;
}

/**
 * One submission through the one pipeline (R16): open a batch, then validate and store the rows chunk by
 * chunk, each chunk in its own transaction with its audit event, then close the batch. While one chunk is in
 * the database the next is read and parsed, so neither side waits for the other all the time; at most two
 * chunks are held, so memory stays bounded whatever the file's length. If the process dies, the committed
 * chunks stay, the batch shows RUNNING until the periodic job ends it, and submitting the same file again
 * stores nothing twice (the rows come back `unchanged`).
 */
export async function collectTable(
  platform: Platform,
  actor: Actor,
  input: CollectTableInput,
  requestId: string | null = null,
): Promise<CollectOutcome> {
  const batch = await runUseCase(
    platform,
    actor,
    (ctx) =>
      openBatch(ctx, {
        itemCode: input.itemCode,
        providerCode: input.providerCode,
        channel: input.channel,
        fileName: input.fileName,
        columns: input.headers,
        resubmits: input.resubmits ?? null,
      }),
    requestId,
  );
  const calendar = await loadWorkingDayCalendar(platform.db);
  const columns = new Set(input.headers);
  const mappings = new Map<readonly string[], HeaderMapping>();
  const mappingOf = (headers: readonly string[]): HeaderMapping => {
    let mapping = mappings.get(headers);
    if (!mapping) {
      mapping = mapHeaders(headers, batch.item.definition);
      mappings.set(headers, mapping);
      for (const header of headers) columns.add(header);
    }
    return mapping;
  };
  const totals: CollectOutcome = { batch: batch.id, received: 0, accepted: 0, unchanged: 0, returned: 0 };
  const flush = async (rows: PreparedRow[]) => {
    const counts = await runUseCase(
      platform,
      actor,
      (ctx) => ingestRows(ctx, { batch, rows, calendar }),
      requestId,
    );
    totals.received += counts.received;
    totals.accepted += counts.accepted;
    totals.unchanged += counts.unchanged;
    totals.returned += counts.returned;
    input.onProgress?.(totals);
  };
  // The chunk in the database; chunks commit one after the other, in the file's order.
  let storing: Promise<void> = Promise.resolve();
  const store = async (chunk: IncomingRow[]) => {
    const prepared = prepareRows(chunk, batch.item.definition);
    await storing;
    storing = flush(prepared);
    // Awaited before the next chunk or the end; this keeps a failure from going unhandled meanwhile.
    storing.catch(() => {});
  };
  try {
    let chunk: IncomingRow[] = [];
    for await (const row of input.rows) {
      chunk.push({ ...row, mapping: mappingOf(row.headers) });
      if (chunk.length >= CHUNK_ROWS) {
        await store(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await store(chunk);
    await storing;
  } catch (error) {
    // A chunk still in the database finishes (or fails) before the batch is closed.
    await storing.catch(() => {});
    await runUseCase(platform, actor, (ctx) =>
      finishBatchRun(ctx, { batchId: batch.id, columns: [...columns], failure: error }),
    );
    throw error;
  }
  await runUseCase(platform, actor, (ctx) =>
    finishBatchRun(ctx, { batchId: batch.id, columns: [...columns], failure: null }),
  );
  return totals;
}
