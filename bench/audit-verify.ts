/**
 * How fast `gongxin audit verify` re-derives the log (DESIGN budget: ≥ 200 000 entries/s).
 *
 *   npx tsx bench/audit-verify.ts [--events 200000] [--engine pglite|postgres] [--runs 3]
 *
 * With --engine postgres it creates a scratch database on the server named by BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL, or DATABASE_URL) and drops it afterwards. The events are generated in SQL from a
 * fixed seed, so every run hashes the same bytes.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { loadProfile } from '../src/core/policy/resolver.ts';
import { integrateAuditEvents } from '../src/modules/audit/integrate-events.ts';
import { signCheckpointIfDue } from '../src/modules/audit/sign-checkpoint.ts';
import { verifyAuditLog } from '../src/modules/audit/verify-log.ts';
import { shiftedClock } from '../src/platform/clock.ts';
import type { Platform } from '../src/platform/context.ts';
import { generateSigningKey } from '../src/platform/crypto/signing.ts';
import { type DatabaseHandle, openPGlite, openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrations.ts';

const SEED = 20261122;

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    engine: { type: 'string', default: 'pglite' },
    runs: { type: 'string', default: '3' },
  },
});
const events = Number(values.events);
const runs = Number(values.runs);
if (!Number.isSafeInteger(events) || events < 1)
  throw new Error(`--events: "${values.events}" is not a whole number ≥ 1`);
if (values.engine !== 'pglite' && values.engine !== 'postgres')
  throw new Error('--engine: pglite or postgres');

async function openScratch(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (values.engine === 'pglite')
    return { handle: await openPGlite(undefined, new Date()), drop: async () => {} };
  const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server)
    throw new Error('--engine postgres needs BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL');
  const name = `gongxin_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    },
  };
}

/** `count` events of the shapes the platform writes, deterministic in SEED; in chunks to bound memory. */
async function insertEvents(handle: DatabaseHandle, count: number): Promise<void> {
  const chunk = 50_000;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await sql`
      INSERT INTO audit_event (occurred_at, actor, organization_code, action, object_type, object_id, purpose,
                               request_id, payload_hash, detail)
      SELECT timestamptz '2026-01-01 00:00:00+08' + i * interval '1 second' + (i % 997) * interval '1 microsecond',
             'account:' || (i % 503),
             CASE WHEN i % 4 = 0 THEN NULL ELSE 'XM-' || (i % 61) END,
             (ARRAY['record.ingest', 'record.publish', 'record.query', 'report.issue'])[1 + i % 4],
             'record',
             'R-' || md5(${SEED}::text || i)::text,
             CASE WHEN i % 3 = 0 THEN '行政审批' END,
             md5(i::text || ${SEED}::text),
             encode(sha256((${SEED}::text || ':' || i)::bytea), 'hex'),
             jsonb_build_object('rows', i % 1000, 'district', '3502' || lpad((i % 6)::text, 2, '0'))
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(handle.db);
  }
}

const scratch = await openScratch();
try {
  const { handle } = scratch;
  await migrate(handle, new Date());
  const platform: Platform = {
    db: handle.db,
    clock: shiftedClock('2026-11-22'),
    profile: loadProfile('xiamen'),
  };
  let started = performance.now();
  await insertEvents(handle, events);
  const insertSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const integrated = await integrateAuditEvents(platform);
  const integrateSeconds = (performance.now() - started) / 1000;
  const { key } = generateSigningKey('sm2');
  await signCheckpointIfDue(platform, { checkpointEvery: 1, checkpointMinutes: 1, signingKey: () => key });

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30) | 0} GiB, node ${process.version}`,
  );
  console.log(`database: ${handle.kind} (${handle.location}), ${events} events, seed ${SEED}`);
  console.log(
    `insert: ${insertSeconds.toFixed(2)} s; integrate: ${integrateSeconds.toFixed(2)} s (${Math.round(integrated.integrated / integrateSeconds)} events/s)`,
  );
  for (let run = 1; run <= runs; run++) {
    const result = await verifyAuditLog(handle.db);
    if (!result.ok)
      throw new Error(`the benchmark log does not verify: ${JSON.stringify(result.firstDifference)}`);
    console.log(
      `audit verify run ${run}: ${result.entries} entries, ${result.checkpoints} checkpoint, ${result.seconds.toFixed(3)} s, ${result.entriesPerSecond} entries/s`,
    );
  }
} finally {
  await scratch.drop();
}
