import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowFromObject } from '../../src/core/collection/row.ts';
import {
  type CollectOutcome,
  collectTable,
  type TableRow,
} from '../../src/modules/collection/collect-table.ts';
import { stalledCollectionBatchesJob } from '../../src/modules/collection/jobs.ts';
import { systemActor } from '../../src/platform/context.ts';
import { runJobs } from '../../src/platform/jobs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { submitRows } from '../support/collection.ts';
import { testEngine } from '../support/db.ts';
import { manualClock, signInAs, type TestSession } from '../support/sessions.ts';
import { xmPenalty } from '../support/xm-penalty.ts';

/** More than one chunk (500 rows), so the first chunk commits before the "process" stops. */
const ROWS = 600;

function penalties(): TableRow[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    rowNumber: i + 1,
    ...rowFromObject(xmPenalty({ CF_WSH: `厦市监罚〔2024〕${1000 + i}号` })),
  }));
}

/** The rows of a file whose reader stops for good after `first` rows, as when its process is killed. */
async function* stopsAfter(rows: readonly TableRow[], first: number): AsyncGenerator<TableRow> {
  yield* rows.slice(0, first);
  await new Promise<never>(() => {});
}

describe(`a batch whose process died, on ${testEngine}`, () => {
  let t: TestApp;
  let provider: TestSession;
  const clock = manualClock(new Date('2024-03-18T02:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock, securityEnv: { GONGXIN_RATE_LIMIT_LOGIN: '1000' } });
    provider = await signInAs(t.app, 'provider');
  });
  afterAll(() => t?.close());

  async function batch(id: number) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/collection/batches/${id}`,
      headers: provider.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().batch;
  }

  it('is ended as FAILED a quarter of an hour after its last chunk, and the file submitted again stores nothing twice', async () => {
    const rows = penalties();
    let committed: (progress: CollectOutcome) => void = () => {};
    const firstChunk = new Promise<CollectOutcome>((resolve) => {
      committed = resolve;
    });
    // Never awaited: the import "dies" after its first chunk, leaving its batch RUNNING.
    void collectTable(t.platform, systemActor('cli'), {
      itemCode: 'XZCF',
      providerCode: 'XM-SCJG',
      channel: 'cli',
      fileName: 'penalties.csv',
      headers: [],
      rows: stopsAfter(rows, 550),
      onProgress: (progress) => committed({ ...progress }),
    });
    const progress = await firstChunk;
    expect(progress).toMatchObject({ received: 500, accepted: 500 });
    const batchId = progress.batch;
    expect(await batch(batchId)).toMatchObject({ status: 'RUNNING', accepted: 500 });

    // Ten minutes without progress: it may be a slow machine; the batch is left alone.
    clock.advance(10);
    const [early] = await runJobs(t.platform, [stalledCollectionBatchesJob]);
    expect(early).toMatchObject({ ok: true, detail: { ended: [] } });
    expect((await batch(batchId)).status).toBe('RUNNING');

    clock.advance(6);
    const [late] = await runJobs(t.platform, [stalledCollectionBatchesJob]);
    expect(late).toMatchObject({ ok: true, detail: { ended: [batchId] } });
    const ended = await batch(batchId);
    expect(ended).toMatchObject({ status: 'FAILED', accepted: 500 });
    expect(ended.failure).toMatch(/^处理中断：.*请重新提交该文件/);

    const again = await submitRows(
      t,
      provider,
      'XZCF',
      rows.map((row) => Object.fromEntries(row.headers.map((header, i) => [header, row.cells[i]]))),
    );
    expect(again).toMatchObject({ received: ROWS, unchanged: 500, accepted: ROWS - 500, returned: 0 });
  });
});
