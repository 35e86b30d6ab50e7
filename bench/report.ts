/**
 * A subject's report under concurrent load, through HTTP (DESIGN budget: a subject's full report (JSON) p99 ≤ 20 ms
 * with 10 M records stored, at 32 concurrent clients).
 *
 *   npm run bench -- report [--records 1000000] [--subjects 200000] [--clients 32] [--requests 3000]
 *                           [--warmup 300] [--postgres SERVER_URL [--database NAME]]
 *
 * One run: a scratch database seeded like the demo city (its catalog, providers and subjects), then N stored
 * records (record and version 1, as collection leaves them) bulk-inserted over the subjects with a fixed seed
 * and a skew: subjects in a random order get records in proportion to 1/rank (Zipf), the head flattened at rank
 * 40, so that a few subjects hold a couple of thousand records and most of those with any hold one or two.
 * Records take their item's disclosure attribute; a tenth have expired and a twentieth are repaired, so the
 * public view hides some. Clients then ask for subjects that hold records, drawn uniformly:
 *   - GET /api/v1/public/subjects/:code, the subject's public page (read only);
 *   - POST /api/v1/public/reports {code}, the public report, which is numbered, signed, stored and audited.
 * It prints p50/p95/p99 per endpoint, and by the number of records the subject holds, with the machine.
 * `--database NAME` keeps the loaded database for later runs (see bench-database.ts).
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { CatalogItemDefinition } from '../src/core/catalog/item.ts';
import { loadProfile } from '../src/core/policy/resolver.ts';
import { buildApp } from '../src/http/app.ts';
import { createSeededRandom } from '../src/modules/seed/demo-subjects.ts';
import { seedDemoCityIfEmpty } from '../src/modules/seed/seed-if-empty.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Platform } from '../src/platform/context.ts';
import { loadSecurityConfig } from '../src/platform/security/config.ts';
import { testReportSettings } from '../test/support/app.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import {
  cpuSummary,
  httpFloor,
  type LoadRequest,
  latencySummary,
  machineSummary,
  percentile,
  startLoad,
} from './support/http-load.ts';

const BUDGET_P99_MS = 20;
const SEED = 20_261_205;
/** Ranks below this share the top weight: no subject gets a runaway share of the records. */
const ZIPF_FLAT_HEAD = 40;
const INSERT_CHUNK = 20_000;

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    subjects: { type: 'string', default: '200000' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '300' },
    postgres: { type: 'string' },
    database: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(
    'npm run bench -- report [--records N] [--subjects N] [--clients C] [--requests R] [--warmup W] [--postgres SERVER_URL [--database NAME]]',
  );
  process.exit(0);
}
const records = Number(values.records);
const subjectCount = Number(values.subjects);
const clients = Number(values.clients);
const requests = Number(values.requests);
const warmup = Number(values.warmup);
const command = `npm run bench -- report ${process.argv.slice(2).join(' ')}`.trim();

interface StoredItem {
  code: string;
  version: number;
  definition: CatalogItemDefinition;
  provider: string;
  batchId: number;
  /** The version's content: a plausible value for each field, about as long as a real row's. */
  template: Record<string, string>;
}

/** What a provider's row would hold in each field, by type: enough text to weigh what a real record weighs. */
function templateFor(definition: CatalogItemDefinition): Record<string, string> {
  return Object.fromEntries(
    definition.fields.map((field) => [
      field.code,
      field.values?.[0] ??
        (field.type === 'date' ? '2024-03-01' : `${field.title}：${definition.name}示例内容`.slice(0, 60)),
    ]),
  );
}

/** Published items, each with one permitted provider and a batch its records came in. */
async function storedItems(platform: Platform, now: Date): Promise<StoredItem[]> {
  const rows = await platform.db
    .selectFrom('catalog_item_version as v')
    .innerJoin('catalog_item_provider as p', 'p.item_code', 'v.item_code')
    .select([
      'v.item_code',
      'v.version',
      'v.definition',
      (eb) => eb.fn.min('p.organization_code').as('provider'),
    ])
    .where('v.status', '=', 'PUBLISHED')
    .groupBy(['v.item_code', 'v.version', 'v.definition'])
    .orderBy('v.item_code')
    .execute();
  const items: StoredItem[] = [];
  for (const row of rows) {
    const definition = row.definition as CatalogItemDefinition;
    const batch = await platform.db
      .insertInto('collection_batch')
      .values({
        item_code: row.item_code,
        item_version: row.version,
        provider_code: row.provider,
        channel: 'file',
        file_name: 'bench.csv',
        columns: '[]',
        submitted_by: 'bench',
        received_at: now,
        progressed_at: now,
        status: 'DONE',
        resubmits: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    items.push({
      code: row.item_code,
      version: row.version,
      definition,
      provider: row.provider,
      batchId: batch.id,
      template: templateFor(definition),
    });
  }
  return items;
}

/** How many records each subject gets: Zipf over a seeded order of the subjects, the head flattened. */
function recordsPerSubject(count: number, total: number, random: ReturnType<typeof createSeededRandom>) {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i -= 1) {
    const j = random.below(i + 1);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let rank = 0; rank < count; rank += 1) {
    sum += 1 / Math.max(rank + 1, ZIPF_FLAT_HEAD);
    cumulative[rank] = sum;
  }
  const perSubject = new Uint32Array(count);
  for (let n = 0; n < total; n += 1) {
    const target = random.next() * sum;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    const subject = order[low] ?? 0;
    perSubject[subject] = (perSubject[subject] ?? 0) + 1;
  }
  return perSubject;
}

const STATES: ReadonlyArray<readonly [string, number]> = [
  ['ACTIVE', 0.85],
  ['EXPIRED_ARCHIVED', 0.1],
  ['REPAIRED', 0.05],
];

/** The state whose share of the records covers `roll` ∈ [0, 1). */
function stateFor(roll: number): string {
  let below = 0;
  for (const [state, share] of STATES) {
    below += share;
    if (roll < below) return state;
  }
  return 'ACTIVE';
}

async function loadRecords(
  platform: Platform,
  subjects: ReadonlyArray<{ code: string; kind: string; division: string }>,
  perSubject: Uint32Array,
  items: readonly StoredItem[],
  now: Date,
): Promise<void> {
  const random = createSeededRandom(SEED + 1);
  const forKind = (kind: string) =>
    items
      .map((item, index) => ({ item, index }))
      .filter(({ item }) =>
        item.definition.subjectScope === 'all'
          ? true
          : (item.definition.subjectScope === 'natural_persons') === (kind === 'natural_person'),
      )
      .map(({ index }) => index + 1);
  const itemsForPerson = forKind('natural_person');
  const itemsForOrganization = forKind('company');
  const pending = {
    subject: [] as string[],
    division: [] as string[],
    item: [] as number[],
    start: [] as string[],
    state: [] as string[],
  };
  let serial = 0;
  const flush = async () => {
    if (pending.subject.length === 0) return;
    await sql`
      WITH input AS (
        SELECT * FROM unnest(${pending.subject}::text[], ${pending.division}::text[], ${pending.item}::int[],
          ${pending.start}::date[], ${pending.state}::text[]) WITH ORDINALITY
          AS t (subject_code, division_code, item, record_start, state, n)
      ), items AS (
        SELECT * FROM unnest(${items.map((i) => i.code)}::text[], ${items.map((i) => i.version)}::int[],
          ${items.map((i) => i.definition.category)}::text[], ${items.map((i) => i.definition.disclosure)}::text[],
          ${items.map((i) => i.provider)}::text[], ${items.map((i) => i.batchId)}::bigint[],
          ${items.map((i) => JSON.stringify(i.template))}::jsonb[]) WITH ORDINALITY
          AS i (code, version, category, disclosure, provider, batch_id, template, ord)
      ), stored AS (
        INSERT INTO credit_record (subject_code, item_code, provider_code, record_key, category, disclosure, state,
          current_version, division_code, record_start, disclosure_last_day, open_ended, created_at, updated_at)
        SELECT t.subject_code, i.code, i.provider, 'bench:' || (${serial} + t.n), i.category, i.disclosure, t.state,
          1, t.division_code, t.record_start, t.record_start + 1095, false, ${now}, ${now}
        FROM input AS t JOIN items AS i ON i.ord = t.item
        RETURNING subject_code, record_id, item_code, provider_code, record_key
      )
      INSERT INTO credit_record_version (subject_code, record_id, version, item_version, content, payload_hash,
        provider_code, operator, channel, batch_id, row_number, submitted_at)
      SELECT r.subject_code, r.record_id, 1, i.version,
        i.template || jsonb_build_object('bench_number', r.record_key), md5(r.record_key),
        r.provider_code, 'bench', 'file', i.batch_id, (r.record_id % 2000000000)::int, ${now}
      FROM stored AS r JOIN items AS i ON i.code = r.item_code`.execute(platform.db);
    serial += pending.subject.length;
    for (const list of Object.values(pending)) list.length = 0;
  };
  const startDay = Date.UTC(2019, 0, 1);
  const days = 8 * 365;
  for (let s = 0; s < subjects.length; s += 1) {
    const subject = subjects[s];
    if (!subject) continue;
    const choices = subject.kind === 'natural_person' ? itemsForPerson : itemsForOrganization;
    for (let r = 0; r < (perSubject[s] ?? 0); r += 1) {
      pending.subject.push(subject.code);
      pending.division.push(subject.division);
      pending.item.push(random.pick(choices));
      pending.start.push(new Date(startDay + random.below(days) * 86_400_000).toISOString().slice(0, 10));
      pending.state.push(stateFor(random.next()));
      if (pending.subject.length >= INSERT_CHUNK) await flush();
    }
  }
  await flush();
}

const database = await openBenchDatabase(values.postgres, values.database, {
  bench: 'report',
  records,
  subjects: subjectCount,
  seed: SEED,
});
let withinBudget = true;
try {
  const platform: Platform = { db: database.db, clock: systemClock, profile: loadProfile('xiamen') };
  const loadStart = performance.now();
  if (!database.loaded) {
    const now = new Date();
    await seedDemoCityIfEmpty(platform, subjectCount);
    const subjects = (
      await database.db
        .selectFrom('subject')
        .select(['subject_code', 'kind', 'division_code'])
        .orderBy('subject_code')
        .execute()
    ).map((row) => ({ code: row.subject_code, kind: row.kind, division: row.division_code }));
    const items = await storedItems(platform, now);
    const perSubject = recordsPerSubject(subjects.length, records, createSeededRandom(SEED));
    await loadRecords(platform, subjects, perSubject, items, now);
    // As autovacuum would have by now: statistics for the planner, the visibility map for index-only scans.
    await sql`VACUUM ANALYZE`.execute(database.db);
    await database.markLoaded();
  }
  const withRecords = (
    await sql<{ code: string; records: number }>`
      SELECT subject_code AS code, count(*)::int AS records FROM credit_record GROUP BY subject_code
      ORDER BY subject_code`.execute(database.db)
  ).rows;
  const sorted = withRecords.map((s) => s.records).sort((a, b) => a - b);
  console.log(
    `${database.loaded ? `reused database ${values.database}:` : 'loaded'} ${subjectCount} subjects and ${records} records in ${((performance.now() - loadStart) / 1000).toFixed(1)} s; ` +
      `${withRecords.length} subjects hold records: median ${percentile(sorted, 50)}, p99 ${percentile(sorted, 99)}, max ${percentile(sorted, 100)}`,
  );

  const app = await buildApp({
    platform,
    handle: database,
    logger: false,
    webDir: null,
    // The benchmark measures the report, not the per-address rate limits that protect it in production.
    security: loadSecurityConfig(
      { GONGXIN_RATE_LIMIT_PUBLIC: String(2 ** 31), GONGXIN_RATE_LIMIT_LOGIN: String(2 ** 31) },
      false,
    ),
    reports: testReportSettings(),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const load = startLoad(
    `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    clients,
  );

  const random = createSeededRandom(SEED + 2);
  const picks = Array.from({ length: warmup + requests }, () => random.pick(withRecords));
  const bucketOf = (n: number) => (n <= 10 ? '1–10 records' : n <= 100 ? '11–100 records' : '> 100 records');
  const endpoints: { label: string; request: (code: string) => LoadRequest }[] = [
    {
      label: 'GET /api/v1/public/subjects/:code',
      request: (code) => ({ method: 'GET', path: `/api/v1/public/subjects/${code}` }),
    },
    {
      label: 'POST /api/v1/public/reports {code}',
      request: (code) => ({ method: 'POST', path: '/api/v1/public/reports', body: { code } }),
    },
  ];
  const floor = await httpFloor(load, requests);
  const lines = [
    `report, ${database.kind}, ${records} records over ${subjectCount} subjects, ${clients} clients, ${requests} requests after ${warmup} warm-up`,
  ];
  for (const endpoint of endpoints) {
    await load.run(picks.slice(0, warmup).map((pick) => endpoint.request(pick.code)));
    const measured = picks.slice(warmup);
    const result = await load.run(measured.map((pick) => endpoint.request(pick.code)));
    const byBucket = new Map<string, number[]>();
    result.answers.forEach((answer, index) => {
      const bucket = bucketOf(measured[index]?.records ?? 0);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), answer.ms]);
    });
    const bytes = result.answers.reduce((sum, answer) => sum + answer.body.length, 0);
    const met = percentile(result.latencies, 99) <= BUDGET_P99_MS;
    withinBudget &&= met;
    lines.push(
      `  ${endpoint.label}: ${latencySummary(result.latencies, result.seconds)}   budget p99 ≤ ${BUDGET_P99_MS} ms: ${met ? 'met' : 'MISSED'}`,
      ...[...byBucket]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
          ([bucket, latencies]) =>
            `    ${bucket} (${latencies.length}): ${latencySummary(
              latencies.sort((a, b) => a - b),
              result.seconds,
            ).replace(/ {3}\d+ req\/s$/, '')}`,
        ),
      `    ${(bytes / requests / 1024).toFixed(1)} KiB per answer; ${cpuSummary(result, database.kind)}`,
    );
  }
  lines.push(`  ${floor}`, `  machine: ${machineSummary()}`, `  command: ${command}`);
  console.log(lines.join('\n'));
  load.close();
  await app.close();
} finally {
  await database.dispose();
}
process.exit(withinBudget ? 0 : 1);
