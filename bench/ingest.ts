/**
 * Ingestion through the whole collection pipeline against a raw COPY of the same rows on the same PostgreSQL
 * (DESIGN budget: the pipeline — parse, validate, dedupe, store, audit — reaches ≥ 50 % of COPY's rows/s).
 *
 *   npm run bench:ingest -- [--rows 200000] [--subjects 20000] [--postgres SERVER_URL] [--json]
 *                           [--cpu-profile FILE.cpuprofile] [--keep-file]
 *
 * One run: a scratch database on the server, seeded like the demo city (the default catalog, provider XM-SCJG);
 * a CSV of N dishonest administrative penalties (XZCF, Xiamen rules) streamed to a temp file; the file read
 * alone (no database); the file loaded by `psql \copy` into a plain table of text columns; the file imported
 * exactly as `gongxin import FILE --item XZCF --provider XM-SCJG` does (openTable + collectTable). Every row
 * must be accepted: a returned row is a defect of the generator or the rules and fails the run. The exit
 * status is 1 when the pipeline stays below the budget, so CI can gate on it.
 *
 * To say where the pipeline's time goes it also prints the rate per tenth of the file, each SQL statement's
 * time as the application saw it, what the database sessions were doing (sampled), CPU seconds of this
 * process and of the local postgres processes, WAL written; with --cpu-profile, V8's profile by stage.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadProfile } from '../src/core/policy/resolver.ts';
import { findItemForSubmission } from '../src/modules/catalog/item-for-submission.ts';
import { batchReturns } from '../src/modules/collection/batch-returns.ts';
import { type CollectOutcome, collectTable } from '../src/modules/collection/collect-table.ts';
import { openTable } from '../src/modules/collection/files/open-table.ts';
import type { BatchCounts } from '../src/modules/collection/store.ts';
import { findOrganization } from '../src/modules/organizations/store.ts';
import { generateDemoSubjects } from '../src/modules/seed/demo-subjects.ts';
import { seedDemoCityIfEmpty } from '../src/modules/seed/seed-if-empty.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type Platform, systemActor } from '../src/platform/context.ts';
import { createScratchDatabase, type TestDatabase } from '../test/support/db.ts';
import { type ProfileSummary, startCpuProfile } from './support/cpu-profile.ts';
import { writePenaltyFile } from './support/penalty-file.ts';
import { postgresCpuSeconds } from './support/server-cpu.ts';
import { type ServerSamples, sampleServer } from './support/server-sampler.ts';
import { statementTimer } from './support/statement-timer.ts';

/** DESIGN "Performance budgets": pipeline rows/s ≥ 50 % of a raw COPY of the same rows. */
const BUDGET = 0.5;
const ITEM = 'XZCF';
const PROVIDER = 'XM-SCJG';
const SEED = 20_261_122;
const SEEDED_SUBJECTS = 100;
const ROOT = path.resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    subjects: { type: 'string', default: '20000' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    json: { type: 'boolean', default: false },
    'cpu-profile': { type: 'string' },
    'keep-file': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'npm run bench:ingest -- [--rows N] [--subjects N] [--postgres SERVER_URL] [--json] [--cpu-profile FILE] [--keep-file]',
  );
  process.exit(0);
}
const rows = Number(values.rows);
const subjectCount = Number(values.subjects);
if (!Number.isSafeInteger(rows) || rows < 1)
  throw new Error(`--rows: "${values.rows}" is not a whole number ≥ 1`);
if (!Number.isSafeInteger(subjectCount) || subjectCount < 4)
  throw new Error(`--subjects: "${values.subjects}" is not a whole number ≥ 4`);
const serverUrl = values.postgres;
const log = (line: string) => {
  if (!values.json) console.error(line);
};

interface Sampled {
  /** RSS when the phase began: the subject pool and the loaded modules, before any row is read. */
  startRss: number;
  peakRss: number;
  peakHeapUsed: number;
}

/** Peak memory of this process, sampled every 100 ms while `work` runs. */
async function withMemorySampling<T>(work: () => Promise<T>): Promise<{ result: T } & Sampled> {
  const peak: Sampled = { startRss: process.memoryUsage().rss, peakRss: 0, peakHeapUsed: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.peakRss = Math.max(peak.peakRss, usage.rss);
    peak.peakHeapUsed = Math.max(peak.peakHeapUsed, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    sample();
    return { result, ...peak };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Rows/s in each tenth of the file, from the pipeline's progress after every committed chunk: a rate that
 * falls as the tables grow points at a statement whose cost grows with the data already stored.
 */
function rateByTenth(): { progress: (counts: BatchCounts) => void; rates: number[] } {
  const rates: number[] = [];
  let last = { at: performance.now(), received: 0 };
  return {
    rates,
    progress(counts) {
      if (counts.received < ((rates.length + 1) * rows) / 10) return;
      const at = performance.now();
      rates.push(((counts.received - last.received) / (at - last.at)) * 1000);
      last = { at, received: counts.received };
    },
  };
}

interface Phase {
  seconds: number;
  rowsPerSecond: number;
  /** WAL the server wrote during the phase. */
  walBytes: number;
  /** CPU seconds of the local postgres processes; null when the server is not on this machine. */
  serverCpuSeconds: number | null;
}

async function walPosition(database: TestDatabase): Promise<number> {
  const { rows: result } = await sql<{ bytes: string }>`
    SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes`.execute(database.db);
  return Number(result[0]?.bytes ?? 0);
}

/** Each timed phase starts from a flushed buffer cache, so one phase's dirty pages are not the next's bill. */
async function checkpoint(database: TestDatabase): Promise<boolean> {
  try {
    await sql`CHECKPOINT`.execute(database.db);
    return true;
  } catch {
    return false; // needs superuser or pg_checkpoint; the output says it was skipped
  }
}

async function timed<T>(
  database: TestDatabase,
  work: () => Promise<T>,
): Promise<{ result: T; phase: Phase; checkpointed: boolean }> {
  const checkpointed = await checkpoint(database);
  const walBefore = await walPosition(database);
  const cpuBefore = postgresCpuSeconds();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = postgresCpuSeconds();
  const walBytes = (await walPosition(database)) - walBefore;
  return {
    result,
    checkpointed,
    phase: {
      seconds,
      rowsPerSecond: rows / seconds,
      walBytes,
      serverCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    },
  };
}

/** The reader on its own: what parsing the file costs before any row reaches the database. */
async function readFileAlone(file: string): Promise<number> {
  const table = await openTable({ fileName: path.basename(file), stream: fs.createReadStream(file) });
  let count = 0;
  try {
    for await (const _row of table.rows) count += 1;
  } finally {
    await table.close();
  }
  return count;
}

/**
 * The baseline: the same CSV file loaded by psql's \copy (COPY … FROM STDIN, one transaction) into a logged
 * table with one text column per CSV column and no index or constraint — the cheapest durable way to get
 * these rows into this server. Timed end to end, psql's start included.
 */
async function copyBaseline(
  database: TestDatabase,
  databaseName: string,
  file: string,
  columns: number,
): Promise<void> {
  const names = Array.from({ length: columns }, (_, i) => `c${i + 1} text`);
  await sql.raw(`CREATE TABLE bench_copy_baseline (${names.join(', ')})`).execute(database.db);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const command = `\\copy bench_copy_baseline FROM '${file.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`;
  await new Promise<void>((resolve, reject) => {
    const psql = spawn('psql', ['-X', '-v', 'ON_ERROR_STOP=1', url.toString(), '-c', command], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    psql.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    psql.on('error', reject);
    psql.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql \\copy failed (${code}): ${stderr.trim()}`)),
    );
  });
  const { rows: counted } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM bench_copy_baseline`.execute(database.db);
  if (counted[0]?.n !== rows) throw new Error(`COPY loaded ${counted[0]?.n} rows, expected ${rows}`);
}

/** What `gongxin import FILE --item XZCF --provider XM-SCJG` runs (src/cli/commands/import.ts). */
async function importLikeTheCli(
  platform: Platform,
  file: string,
  onProgress: (counts: BatchCounts) => void,
): Promise<CollectOutcome> {
  const table = await openTable({
    fileName: path.basename(file),
    stream: fs.createReadStream(file),
    totalBytes: fs.statSync(file).size,
  });
  const headers = table.headers;
  async function* tableRows() {
    for await (const row of table.rows) yield { ...row, headers };
  }
  try {
    return await collectTable(platform, systemActor('cli'), {
      itemCode: ITEM,
      providerCode: PROVIDER,
      channel: 'cli',
      fileName: table.fileName,
      headers,
      rows: tableRows(),
      onProgress,
    });
  } finally {
    await table.close();
  }
}

async function relationBytes(database: TestDatabase, tables: readonly string[]): Promise<number> {
  const { rows: result } = await sql<{ bytes: string }>`
    SELECT coalesce(sum(pg_total_relation_size(t::regclass)), 0)::text AS bytes
      FROM unnest(${tables}::text[]) AS t`.execute(database.db);
  return Number(result[0]?.bytes ?? 0);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const rate = (phase: Phase) => `${Math.round(phase.rowsPerSecond).toLocaleString('en-US')} rows/s`;
const cpuNote = (phase: Phase, own: number | null) =>
  [
    own === null ? null : `node CPU ${own.toFixed(1)} s`,
    phase.serverCpuSeconds === null ? null : `postgres CPU ${phase.serverCpuSeconds.toFixed(1)} s`,
  ]
    .filter((part) => part !== null)
    .join(', ');

const database = await createScratchDatabase(serverUrl);
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-bench-ingest-'));
const file = path.join(tempDir, `xzcf-${rows}.csv`);
let serverSampler: { stop(): Promise<ServerSamples> } | null = null;
try {
  const profile = loadProfile('xiamen');
  const platform: Platform = { db: database.db, clock: systemClock, profile };
  await seedDemoCityIfEmpty(platform, SEEDED_SUBJECTS);
  const item = await findItemForSubmission(database.db, ITEM, PROVIDER);
  const provider = await findOrganization(database.db, PROVIDER);
  if (!item?.published || !item.providerPermitted || !provider) {
    throw new Error(
      `the seeded database has no published ${ITEM} that ${PROVIDER} may submit (item: ${JSON.stringify(item && { version: item.version, published: item.published, providerPermitted: item.providerPermitted })}, provider: ${provider?.name ?? 'missing'})`,
    );
  }
  const { rows: server } = await sql<{ version: string; buffers: string; sync: string }>`
    SELECT split_part(version(), ' ', 2) AS version, current_setting('shared_buffers') AS buffers,
           current_setting('synchronous_commit') AS sync`.execute(database.db);

  let started = performance.now();
  const organizations = generateDemoSubjects({ city: 'xiamen', count: subjectCount, seed: SEED }).filter(
    (subject) => subject.kind !== 'natural_person',
  );
  const fileBytes = await writePenaltyFile(file, {
    item: item.definition,
    rows,
    subjects: organizations,
    authority: provider,
    today: platform.clock.today(),
    seed: SEED,
  });
  log(
    `generated ${rows} rows (${mib(fileBytes)}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`,
  );

  started = performance.now();
  const readRows = await readFileAlone(file);
  const readSeconds = (performance.now() - started) / 1000;
  if (readRows !== rows) throw new Error(`the reader found ${readRows} rows, expected ${rows}`);
  log(`reader alone: ${readSeconds.toFixed(1)} s`);

  const { rows: current } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(
    database.db,
  );
  const databaseName = current[0]?.name ?? '';
  const copy = await timed(database, () =>
    copyBaseline(database, databaseName, file, item.definition.fields.length),
  );
  log(`COPY: ${copy.phase.seconds.toFixed(1)} s`);

  serverSampler = sampleServer(serverUrl, databaseName);
  const stopProfile = values['cpu-profile'] ? await startCpuProfile(ROOT) : null;
  const cpuBefore = process.cpuUsage();
  const tenths = rateByTenth();
  const statements = statementTimer();
  const pipeline = await timed(database, () =>
    withMemorySampling(() =>
      importLikeTheCli({ ...platform, db: platform.db.withPlugin(statements.plugin) }, file, tenths.progress),
    ),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
  let profileSummary: ProfileSummary | null = null;
  if (stopProfile && values['cpu-profile'])
    profileSummary = await stopProfile(path.resolve(values['cpu-profile']));
  const serverSamples = await serverSampler.stop();
  serverSampler = null;
  const outcome = pipeline.result.result;
  log(`pipeline: ${pipeline.phase.seconds.toFixed(1)} s`);

  if (outcome.returned > 0 || outcome.accepted !== rows || outcome.unchanged !== 0) {
    let shown = 0;
    for await (const entry of batchReturns(database.db, outcome.batch)) {
      console.error(`  row ${entry.row} ${entry.field ?? ''} ${entry.reason}: ${entry.message}`);
      if (++shown === 10) break;
    }
    throw new Error(
      `the pipeline accepted ${outcome.accepted}, left ${outcome.unchanged} unchanged and returned ${outcome.returned} of ${rows} rows: every generated row must be accepted (bench/support/penalty-file.ts or the rules are wrong)`,
    );
  }
  const { rows: stored } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM credit_record_version WHERE batch_id = ${outcome.batch}`.execute(
    database.db,
  );
  if (stored[0]?.n !== rows) throw new Error(`${stored[0]?.n} versions stored for ${rows} accepted rows`);

  const pipelineBytes = await relationBytes(database, [
    'credit_record',
    'credit_record_version',
    'audit_event',
    'subject',
    'collection_batch',
  ]);
  const copyBytes = await relationBytes(database, ['bench_copy_baseline']);
  const ratio = pipeline.phase.rowsPerSecond / copy.phase.rowsPerSecond;
  const verdict = ratio >= BUDGET ? 'PASS' : 'BELOW BUDGET';
  const cpus = os.cpus();
  // The 1-minute load average at the end tells whether other work competed for the cores during the run.
  const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)} at the end`;
  const command = `npm run bench:ingest -- ${process.argv.slice(2).join(' ')}`.trim();
  const serverLine = `PostgreSQL ${server[0]?.version}, shared_buffers ${server[0]?.buffers}, synchronous_commit ${server[0]?.sync}`;

  if (values.json) {
    console.log(
      JSON.stringify({
        benchmark: 'ingest',
        rows,
        item: ITEM,
        provider: PROVIDER,
        profile: profile.id,
        fileBytes,
        readerRowsPerSecond: rows / readSeconds,
        pipeline: {
          ...pipeline.phase,
          nodeCpuSeconds,
          startRss: pipeline.result.startRss,
          peakRss: pipeline.result.peakRss,
          peakHeapUsed: pipeline.result.peakHeapUsed,
          storedBytes: pipelineBytes,
          batch: outcome.batch,
        },
        copy: {
          ...copy.phase,
          storedBytes: copyBytes,
          baseline: 'psql \\copy of the same CSV into a logged table of text columns, no indexes',
        },
        ratio,
        budget: BUDGET,
        verdict,
        checkpoints: copy.checkpointed && pipeline.checkpointed,
        rowsPerSecondByTenth: tenths.rates,
        serverActivity: serverSamples.activities,
        statements: statements.times(),
        otherActiveSessions: serverSamples.busiestOtherSessions,
        cpuProfile: profileSummary && { file: values['cpu-profile'], ...profileSummary },
        server: serverLine,
        machine,
        command,
      }),
    );
  } else {
    const lines = [
      `ingest ${ITEM} (${profile.id}, provider ${PROVIDER}), ${rows} rows from ${organizations.length} organizations, CSV ${mib(fileBytes)}`,
      `  reader alone:  ${readSeconds.toFixed(2)} s  ${Math.round(rows / readSeconds).toLocaleString('en-US')} rows/s  (openTable over the file, no database)`,
      `  pipeline:      ${pipeline.phase.seconds.toFixed(2)} s  ${rate(pipeline.phase)}  (openTable + collectTable as gongxin import; ${cpuNote(pipeline.phase, nodeCpuSeconds)})`,
      `                 accepted ${outcome.accepted}, unchanged ${outcome.unchanged}, returned ${outcome.returned}; peak RSS ${mib(pipeline.result.peakRss)} (${mib(pipeline.result.startRss)} at start), peak heap ${mib(pipeline.result.peakHeapUsed)}`,
      `                 rows/s by tenth of the file: ${tenths.rates.map((r) => Math.round(r)).join(', ')}`,
      `                 WAL ${mib(pipeline.phase.walBytes)}, tables ${mib(pipelineBytes)} (credit_record, credit_record_version, audit_event, subject, collection_batch)`,
      `  COPY baseline: ${copy.phase.seconds.toFixed(2)} s  ${rate(copy.phase)}  (${cpuNote(copy.phase, null) || 'postgres CPU not visible'})`,
      `                 psql \\copy of the same CSV into a logged table of ${item.definition.fields.length} text columns, no index; WAL ${mib(copy.phase.walBytes)}, table ${mib(copyBytes)}`,
      `  pipeline / COPY = ${(ratio * 100).toFixed(1)} % (budget ≥ ${BUDGET * 100} %): ${verdict}`,
      `  server: ${serverLine}; ${copy.checkpointed && pipeline.checkpointed ? 'CHECKPOINT before each phase' : 'no CHECKPOINT permission'}; other active sessions seen: ${serverSamples.busiestOtherSessions}`,
      `  machine: ${machine}`,
      `  command: ${command}`,
    ];
    lines.push(
      "  the pipeline's SQL statements, timed from compilation to result (BEGIN/COMMIT not included):",
    );
    for (const { statement, calls, seconds } of statements.times())
      lines.push(
        `    ${seconds.toFixed(1).padStart(6)} s  ${calls.toString().padStart(6)} calls  ${((seconds / calls) * 1000).toFixed(1).padStart(7)} ms each  ${statement}`,
      );
    lines.push(
      `  the pipeline's database sessions, sampled every 100 ms (${serverSamples.samples} samples; pg_stat_activity):`,
    );
    for (const { activity, share } of serverSamples.activities.slice(0, 10))
      lines.push(`    ${(share * 100).toFixed(1).padStart(5)} %  ${activity}`);
    if (profileSummary) {
      lines.push(
        `  CPU profile of the pipeline (${(profileSummary.totalMs / 1000).toFixed(1)} s sampled, written to ${values['cpu-profile']}):`,
      );
      for (const stage of profileSummary.stages)
        lines.push(
          `    ${(stage.share * 100).toFixed(1).padStart(5)} %  ${(stage.ms / 1000).toFixed(1).padStart(6)} s  ${stage.stage}`,
        );
      lines.push('  busiest functions (self time, built-ins charged to their caller):');
      for (const fn of profileSummary.functions)
        lines.push(`    ${(fn.share * 100).toFixed(1).padStart(5)} %  ${fn.name}  ${fn.where}`);
    }
    console.log(lines.join('\n'));
  }
  if (verdict !== 'PASS') process.exitCode = 1;
} finally {
  await serverSampler?.stop();
  await database.dispose();
  if (values['keep-file']) log(`kept ${file}`);
  else fs.rmSync(tempDir, { recursive: true, force: true });
}
