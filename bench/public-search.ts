// Public name search (社会公众 search by organization name or USCC) under concurrent load, through HTTP.
// DESIGN budget: p99 ≤ 50 ms with 1 M organizations at 32 concurrent clients.
//   npm run bench -- public-search [--subjects 200000] [--clients 32] [--requests 5000] [--postgres URL]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadProfile } from '../src/core/policy/resolver.ts';
import { buildApp } from '../src/http/app.ts';
import { generateDemoSubjects } from '../src/modules/seed/demo-subjects.ts';
import { demoSubjectRow } from '../src/modules/seed/seed-demo-city.ts';
import { insertSubjects } from '../src/modules/subjects/store.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadSecurityConfig } from '../src/platform/security/config.ts';
import { testReportSettings } from '../test/support/app.ts';
import { createScratchDatabase } from '../test/support/db.ts';

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '200000' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '5000' },
    postgres: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(
    'npm run bench -- public-search [--subjects N] [--clients C] [--requests R] [--postgres SERVER_URL]',
  );
  process.exit(0);
}
const subjects = Number(values.subjects);
const clients = Number(values.clients);
const requests = Number(values.requests);

const database = await createScratchDatabase(values.postgres);
try {
  const loadStart = performance.now();
  const generated = generateDemoSubjects({ city: 'xiamen', count: subjects, seed: 42 });
  const chunk = 20_000;
  for (let i = 0; i < generated.length; i += chunk) {
    await insertSubjects(database.db, generated.slice(i, i + chunk).map(demoSubjectRow), new Date());
  }
  const organizations = generated.filter((s) => s.kind !== 'natural_person');
  console.log(
    `loaded ${subjects} subjects (${organizations.length} organizations) in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
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

  // A fixed mix: a third exact codes, two thirds name fragments (the trade name inside a company name).
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  const queries = Array.from({ length: requests }, () => {
    const org = organizations[next() % organizations.length];
    if (!org) throw new Error('no organizations');
    if (next() % 3 === 0) return org.code;
    const start = Math.min(2, org.name.length - 2);
    return org.name.slice(start, start + 2 + (next() % 3));
  });

  const latencies: number[] = [];
  let cursor = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (cursor < queries.length) {
        const q = queries[cursor++] ?? '';
        const t0 = performance.now();
        const response = await fetch(`${base}/api/v1/public/subjects?q=${encodeURIComponent(q)}&limit=20`);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${q}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
  const cpu = os.cpus();
  console.log(
    [
      `public search, ${database.kind}, ${subjects} subjects, ${clients} clients, ${requests} requests`,
      `  p50 ${pct(50)} ms   p95 ${pct(95)} ms   p99 ${pct(99)} ms   ${(requests / elapsed).toFixed(0)} req/s`,
      `  machine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    ].join('\n'),
  );
  await app.close();
} finally {
  await database.dispose();
}
