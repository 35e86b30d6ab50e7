// Public name search (社会公众 search by organization name or USCC) under concurrent load, through HTTP.
// DESIGN budget: p99 ≤ 50 ms with 1 M organizations at 32 concurrent clients.
//   npm run bench -- public-search [--subjects 1340000] [--clients 32] [--requests 5000] [--warmup 500]
//                                  [--postgres SERVER_URL [--database NAME]]
// The default 1,340,000 demo subjects hold 1,005,000 organizations (a quarter are natural persons).
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadProfile } from '../src/core/policy/resolver.ts';
import { buildApp } from '../src/http/app.ts';
import { generateDemoSubjects } from '../src/modules/seed/demo-subjects.ts';
import { demoSubjectRow } from '../src/modules/seed/seed-demo-city.ts';
import { insertSubjects } from '../src/modules/subjects/store.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadSecurityConfig } from '../src/platform/security/config.ts';
import { testReportSettings } from '../test/support/app.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import {
  cpuSummary,
  httpFloor,
  latencySummary,
  machineSummary,
  percentile,
  startLoad,
} from './support/http-load.ts';

const BUDGET_P99_MS = 50;

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '1340000' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '500' },
    postgres: { type: 'string' },
    database: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(
    'npm run bench -- public-search [--subjects N] [--clients C] [--requests R] [--warmup W] [--postgres SERVER_URL [--database NAME]]',
  );
  process.exit(0);
}
const subjects = Number(values.subjects);
const clients = Number(values.clients);
const requests = Number(values.requests);
const warmup = Number(values.warmup);
const command = `npm run bench -- public-search ${process.argv.slice(2).join(' ')}`.trim();

const SEED = 42;
const database = await openBenchDatabase(values.postgres, values.database, {
  bench: 'public-search',
  subjects,
  seed: SEED,
});
let withinBudget = false;
try {
  const loadStart = performance.now();
  const generated = generateDemoSubjects({ city: 'xiamen', count: subjects, seed: SEED });
  if (!database.loaded) {
    const chunk = 20_000;
    for (let i = 0; i < generated.length; i += chunk) {
      await insertSubjects(database.db, generated.slice(i, i + chunk).map(demoSubjectRow), new Date());
    }
    // A running server's autovacuum would have done this by now: statistics for the planner, and the
    // visibility map without which an index-only scan reads the table too.
    await sql`VACUUM ANALYZE`.execute(database.db);
    await database.markLoaded();
  }
  const organizations = generated.filter((s) => s.kind !== 'natural_person');
  console.log(
    `${database.loaded ? `reused database ${values.database}:` : 'loaded'} ${subjects} subjects (${organizations.length} organizations) in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp({
    platform: { db: database.db, clock: systemClock, profile: loadProfile('xiamen') },
    handle: database,
    logger: false,
    webDir: null,
    // The benchmark measures the search, not the per-address rate limit that protects it in production.
    security: loadSecurityConfig({ GONGXIN_RATE_LIMIT_PUBLIC: String(2 ** 31) }, false),
    reports: testReportSettings(),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // A fixed mix: a third exact codes, two thirds name fragments (the trade name inside a company name, and
  // for shops and associations the district part, which many names share).
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  const queries = Array.from({ length: warmup + requests }, () => {
    const org = organizations[next() % organizations.length];
    if (!org) throw new Error('no organizations');
    if (next() % 3 === 0) return org.code;
    const start = Math.min(2, org.name.length - 2);
    return org.name.slice(start, start + 2 + (next() % 3));
  });
  const classOf = (q: string) =>
    q.length === 18 ? 'code' : q.length === 2 ? 'name, 2 characters' : 'name, 3–4';
  const load = startLoad(base, clients);
  const search = (q: string) => ({
    method: 'GET' as const,
    path: `/api/v1/public/subjects?q=${encodeURIComponent(q)}&limit=20`,
  });
  await load.run(queries.slice(0, warmup).map(search));
  const floor = await httpFloor(load, requests);
  const measured = queries.slice(warmup);
  const result = await load.run(measured.map(search));
  const byClass = new Map<string, number[]>();
  let capped = 0;
  result.answers.forEach((answer, index) => {
    const label = classOf(measured[index] ?? '');
    byClass.set(label, [...(byClass.get(label) ?? []), answer.ms]);
    if ((JSON.parse(answer.body) as { totalExact?: boolean }).totalExact === false) capped += 1;
  });
  withinBudget = percentile(result.latencies, 99) <= BUDGET_P99_MS;
  console.log(
    [
      `public search, ${database.kind}, ${subjects} subjects (${organizations.length} organizations), ${clients} clients, ${requests} requests after ${warmup} warm-up`,
      `  all: ${latencySummary(result.latencies, result.seconds)}   budget p99 ≤ ${BUDGET_P99_MS} ms: ${withinBudget ? 'met' : 'MISSED'}`,
      ...[...byClass].map(
        ([label, latencies]) =>
          `  ${label} (${latencies.length}): ${latencySummary(
            latencies.sort((a, b) => a - b),
            result.seconds,
          ).replace(/ {3}\d+ req\/s$/, '')}`,
      ),
      `  ${capped} answers counted past the cap (total shown as 1000+)`,
      `  ${floor}`,
      `  ${cpuSummary(result, database.kind)}`,
      `  machine: ${machineSummary()}`,
      `  command: ${command}`,
    ].join('\n'),
  );
  load.close();
  await app.close();
} finally {
  await database.dispose();
}
process.exit(withinBudget ? 0 : 1);
