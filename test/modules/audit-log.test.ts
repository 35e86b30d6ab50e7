import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/core/policy/resolver.ts';
import { type CanonicalEvent, canonicalEventBytes } from '../../src/modules/audit/canonical.ts';
import { readCheckpointDocument } from '../../src/modules/audit/checkpoint.ts';
import { checkpointFileName, exportCheckpoints } from '../../src/modules/audit/export-checkpoints.ts';
import { integrateAuditEvents } from '../../src/modules/audit/integrate-events.ts';
import { checkInclusionProof, proveConsistency, proveInclusion } from '../../src/modules/audit/proofs.ts';
import { loadAuditSettings } from '../../src/modules/audit/settings.ts';
import { signCheckpointIfDue } from '../../src/modules/audit/sign-checkpoint.ts';
import { eventBySeq } from '../../src/modules/audit/store.ts';
import { verifyAuditLog } from '../../src/modules/audit/verify-log.ts';
import { type Clock, shiftedClock } from '../../src/platform/clock.ts';
import type { Platform } from '../../src/platform/context.ts';
import { hashLeaf } from '../../src/platform/crypto/hash.ts';
import { SM2_USER_ID } from '../../src/platform/crypto/signing.ts';
import { createTestDatabase, type TestDatabase, testDatabaseUrl, testEngine } from '../support/db.ts';
import { recordActivity } from './audit-activity.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-audit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A clock that stays on 2026-11-22 and moves only when the test says so. */
function steppingClock(): Clock & { advanceMinutes(minutes: number): void } {
  let real = Date.parse('2026-11-22T02:00:00.000Z');
  const clock = shiftedClock('2026-11-22', () => new Date(real));
  return Object.assign(clock, {
    advanceMinutes(minutes: number) {
      real += minutes * 60_000;
    },
  });
}

const settings = (env: Record<string, string> = {}) =>
  loadAuditSettings({ env, dataDir: path.join(tmp, 'data'), production: false, warn: () => {} });

interface LoggedInstance {
  database: TestDatabase;
  platform: Platform;
}

/** A fresh database with `count` events integrated and a checkpoint signed over all of them. */
async function loggedInstance(count: number, env: Record<string, string> = {}): Promise<LoggedInstance> {
  const database = await createTestDatabase();
  const platform: Platform = { db: database.db, clock: steppingClock(), profile: loadProfile('xiamen') };
  await recordActivity(platform, count);
  await integrateAuditEvents(platform);
  await signCheckpointIfDue(platform, settings(env));
  return { database, platform };
}

/** What someone with database rights does when the trigger is in the way: switch it off, change, switch back. */
async function tamper(database: TestDatabase, table: string, ...statements: string[]): Promise<void> {
  await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`).execute(database.db);
  for (const statement of statements) await sql.raw(statement).execute(database.db);
  await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`).execute(database.db);
}

const eventIdAt = async (database: TestDatabase, seq: number) =>
  (
    await database.db
      .selectFrom('audit_leaf')
      .select('event_id')
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow()
  ).event_id;

describe(`the integrated audit log on ${testEngine}`, () => {
  let instance: LoggedInstance;
  beforeAll(async () => {
    instance = await loggedInstance(1234);
  });
  afterAll(() => instance.database.dispose());

  it('R146 committed events get gapless sequence numbers in id order; rolled-back ids leave no hole', async () => {
    const leaves = await instance.database.db
      .selectFrom('audit_leaf')
      .select(['seq', 'event_id'])
      .orderBy('seq')
      .execute();
    const events = await instance.database.db.selectFrom('audit_event').select('id').orderBy('id').execute();
    expect(leaves.map((l) => l.seq)).toEqual([...Array(1234).keys()]);
    expect(leaves.map((l) => l.event_id)).toEqual(events.map((e) => e.id));
    // The rolled-back use cases took ids too: the ids have gaps, the sequence numbers none.
    expect((events.at(-1)?.id ?? 0) > events.length).toBe(true);
    const again = await integrateAuditEvents(instance.platform);
    expect(again).toMatchObject({ integrated: 0, treeSize: 1234, hashAlgorithm: 'sm3', deferred: null });
  });

  it('the leaf is HASH(0x00 || canonical bytes), and every column is in the canonical bytes', async () => {
    const event = (await eventBySeq(instance.database.db, 7)) as CanonicalEvent;
    const stored = await instance.database.db
      .selectFrom('audit_leaf')
      .select('leaf_hash')
      .where('seq', '=', 7)
      .executeTakeFirstOrThrow();
    expect(hashLeaf('sm3', canonicalEventBytes(event)).equals(Buffer.from(stored.leaf_hash))).toBe(true);
    const text = canonicalEventBytes(event).toString('utf8');
    expect(text.split('\n')[0]).toBe('gongxin.audit_event.v1');
    expect(text).toMatch(/\n\d+:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z\n/);
    for (const key of Object.keys(event) as Array<keyof CanonicalEvent>) {
      const changed = { ...event, [key]: key === 'id' ? event.id + 1 : `${event[key] ?? ''}x` };
      expect(canonicalEventBytes(changed).equals(canonicalEventBytes(event)), key).toBe(false);
    }
    // Moving a character from one field to the next changes the bytes too (length prefixes).
    const shifted = { ...event, actor: `${event.actor}r`, action: event.action.slice(1) };
    expect(canonicalEventBytes(shifted).equals(canonicalEventBytes(event))).toBe(false);
  });

  it('R146 no role can update, delete or truncate the audit tables: the database refuses', async () => {
    for (const statement of [
      'UPDATE audit_event SET actor = $$x$$ WHERE id = (SELECT min(id) FROM audit_event)',
      'DELETE FROM audit_event WHERE id = (SELECT min(id) FROM audit_event)',
      'TRUNCATE audit_event',
      'UPDATE audit_leaf SET leaf_hash = $$\\x00$$ WHERE seq = 0',
      'DELETE FROM audit_checkpoint',
      'DELETE FROM audit_node',
    ]) {
      await expect(sql.raw(statement).execute(instance.database.db), statement).rejects.toThrow(
        /append-only/,
      );
    }
  });

  it('R146 gongxin audit verify passes on the untouched log and checks every checkpoint', async () => {
    const result = await verifyAuditLog(instance.database.db);
    expect(result).toMatchObject({
      ok: true,
      entries: 1234,
      checkpoints: 1,
      pendingEvents: 0,
      firstDifference: null,
    });
    expect(result.problems).toEqual([]);
  });

  it('events recorded after integration are pending, not failures', async () => {
    await recordActivity(instance.platform, 5, 5);
    const result = await verifyAuditLog(instance.database.db);
    expect(result).toMatchObject({ ok: true, entries: 1234, pendingEvents: 5 });
    await integrateAuditEvents(instance.platform);
    expect(await verifyAuditLog(instance.database.db)).toMatchObject({
      ok: true,
      entries: 1239,
      pendingEvents: 0,
    });
  });

  it('inclusion proofs verify against the exported checkpoint file alone; a flipped byte does not', async () => {
    const dir = path.join(tmp, 'export-proofs');
    await signCheckpointIfDue(instance.platform, { ...settings(), checkpointEvery: 1 });
    await exportCheckpoints(instance.platform, { exportDir: dir, exportUrl: undefined });
    const file = JSON.parse(fs.readFileSync(path.join(dir, checkpointFileName(1239)), 'utf8'));
    for (const seq of [0, 1, 617, 1233, 1238]) {
      const proof = await proveInclusion(instance.database.db, seq, 1239);
      expect(checkInclusionProof(proof, file), `seq ${seq}`).toMatchObject({ ok: true });
      const withEvent = { ...proof, event: await eventBySeq(instance.database.db, seq) };
      expect(checkInclusionProof(withEvent, file)).toMatchObject({ ok: true });
      const flipped = {
        ...proof,
        auditPath: proof.auditPath.map((h, i) => (i === 0 ? `${h[0] === '0' ? '1' : '0'}${h.slice(1)}` : h)),
      };
      expect(checkInclusionProof(flipped, file).ok).toBe(false);
    }
    const otherEvent = {
      ...(await proveInclusion(instance.database.db, 3, 1239)),
      event: await eventBySeq(instance.database.db, 4),
    };
    expect(checkInclusionProof(otherEvent, file)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not the one logged at seq 3/),
    });
    const forged = { ...file, rootHash: '0'.repeat(64) };
    expect(checkInclusionProof(await proveInclusion(instance.database.db, 0, 1239), forged).reason).toMatch(
      /signedBody/,
    );
  });

  it('consistency proofs between the checkpoints verify, and the signer refuses to sign a fork', async () => {
    const proof = await proveConsistency(instance.database.db, 1234, 1239);
    expect(proof).toMatchObject({ fromSize: 1234, toSize: 1239 });
    expect(proof.proof.length).toBeGreaterThan(0);
    await expect(proveConsistency(instance.database.db, 1240, 1239)).rejects.toThrow(/from/);
  });
});

describe(`R146 tampering found by gongxin audit verify on ${testEngine}`, () => {
  // The spec's example: 10,000 entries, entry 5,001 altered in storage → the verifier names it. Entry
  // 5,001 is sequence number 5000 (sequence numbers start at 0).
  let instance: LoggedInstance;
  beforeAll(async () => {
    instance = await loggedInstance(10_000);
  });
  afterAll(() => instance.database.dispose());

  it('R146 10,000 entries verify; entry 5,001 altered directly in storage is named as seq 5000', async () => {
    expect(await verifyAuditLog(instance.database.db)).toMatchObject({ ok: true, entries: 10_000 });
    const id = await eventIdAt(instance.database, 5000);
    await tamper(
      instance.database,
      'audit_event',
      `UPDATE audit_event SET purpose = 'altered' WHERE id = ${id}`,
    );
    const result = await verifyAuditLog(instance.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstDifference).toMatchObject({ seq: 5000, eventId: id });
    expect(result.firstDifference?.problem).toMatch(/differs from the event that was logged/);
  });
});

interface TamperScenario {
  name: string;
  /** The sequence number the verifier must name first. */
  seq: number;
  change(db: TestDatabase, eventId: number): Promise<void>;
  problem: RegExp;
  /** The entry whose event is changed, when not `seq`. */
  eventSeq?: number;
  /** Where an inserted event lands is only known as "at or after `seq`". */
  atOrAfter?: boolean;
}

describe.each<TamperScenario>([
  {
    name: 'a DELETE of one event',
    seq: 321,
    change: async (db: TestDatabase, id: number) =>
      tamper(db, 'audit_event', `DELETE FROM audit_event WHERE id = ${id}`),
    problem: /was deleted/,
  },
  {
    name: 'a change of the microseconds of one timestamp',
    seq: 40,
    change: async (db: TestDatabase, id: number) =>
      tamper(
        db,
        'audit_event',
        `UPDATE audit_event SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = ${id}`,
      ),
    problem: /differs/,
  },
  {
    name: 'a change inside the detail JSON',
    seq: 999,
    change: async (db: TestDatabase, id: number) =>
      tamper(
        db,
        'audit_event',
        `UPDATE audit_event SET detail = jsonb_set(detail, '{n}', '42') WHERE id = ${id}`,
      ),
    problem: /differs/,
  },
  {
    name: 'two events swapped (reordered)',
    seq: 100,
    change: async (db: TestDatabase, id: number) => {
      const next = id + 1;
      await tamper(
        db,
        'audit_event',
        `UPDATE audit_event e SET occurred_at = o.occurred_at, actor = o.actor, action = o.action, object_type = o.object_type,
           object_id = o.object_id, purpose = o.purpose, request_id = o.request_id, payload_hash = o.payload_hash, detail = o.detail
         FROM audit_event o WHERE (e.id, o.id) IN ((${id}, ${next}), (${next}, ${id}))`,
      );
    },
    problem: /differs/,
  },
  {
    name: 'the stored leaf order swapped with the events (reordered in the log itself)',
    seq: 200,
    change: async (db: TestDatabase) =>
      tamper(
        db,
        'audit_leaf',
        'UPDATE audit_leaf SET seq = 1000000 WHERE seq = 200',
        'UPDATE audit_leaf SET seq = 200 WHERE seq = 201',
        'UPDATE audit_leaf SET seq = 201 WHERE seq = 1000000',
      ),
    problem: /out of order|differs|do not give/,
  },
  {
    name: 'an event and its stored leaf hash rewritten together',
    seq: 0,
    change: async (db: TestDatabase, id: number) => {
      await tamper(db, 'audit_event', `UPDATE audit_event SET actor = 'someone-else' WHERE id = ${id}`);
      const event = (await eventBySeq(db.db, 500)) as CanonicalEvent;
      const forged = hashLeaf('sm3', canonicalEventBytes(event)).toString('hex');
      await tamper(db, 'audit_leaf', `UPDATE audit_leaf SET leaf_hash = '\\x${forged}' WHERE seq = 500`);
    },
    // Only the signed root betrays it, so the verifier can only say which checkpoint range holds it.
    problem: /entries 0–1499 do not give the root signed at size 1500/,
    eventSeq: 500,
  },
  {
    name: 'an event slipped in behind the integrator (into a rolled-back id)',
    seq: 300,
    change: async (db: TestDatabase) => {
      const { rows } = await sql<{ gap: number }>`
        SELECT l.event_id + 1 AS gap FROM audit_leaf l
        WHERE l.seq >= 300 AND NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.id = l.event_id + 1)
        ORDER BY l.seq LIMIT 1`.execute(db.db);
      const gap = rows[0]?.gap as number;
      await sql
        .raw(`INSERT INTO audit_event (id, occurred_at, actor, action, object_type, payload_hash)
        OVERRIDING SYSTEM VALUE VALUES (${gap}, now(), 'intruder', 'record.delete', 'record', 'x')`)
        .execute(db.db);
    },
    problem: /inserted behind the integrator/,
    atOrAfter: true,
  },
])(`R146 $name is caught on ${testEngine}`, (scenario) => {
  let instance: LoggedInstance;
  beforeAll(async () => {
    instance = await loggedInstance(1500);
  });
  afterAll(() => instance.database.dispose());

  it(`R146 verify fails and names the first sequence number that differs`, async () => {
    const id = await eventIdAt(instance.database, scenario.eventSeq ?? scenario.seq);
    await scenario.change(instance.database, id);
    const result = await verifyAuditLog(instance.database.db);
    expect(result.ok).toBe(false);
    if (scenario.atOrAfter) {
      // The slipped-in event sits just before the first logged event with a higher id, at or after seq 300.
      expect(result.firstDifference?.seq).toBeGreaterThanOrEqual(scenario.seq);
    } else {
      expect(result.firstDifference?.seq).toBe(scenario.seq);
    }
    expect(result.findings.map((f) => f.problem).join('\n')).toMatch(scenario.problem);
  });
});

describe(`checkpoints on ${testEngine}`, () => {
  let database: TestDatabase;
  let platform: Platform & { clock: ReturnType<typeof steppingClock> };
  beforeAll(async () => {
    database = await createTestDatabase();
    platform = { db: database.db, clock: steppingClock(), profile: loadProfile('xiamen') };
  });
  afterAll(() => database.dispose());

  const policy = { ...settings(), checkpointEvery: 100, checkpointMinutes: 10 };
  const step = async (events: number) => {
    if (events > 0) await recordActivity(platform, events, events);
    await integrateAuditEvents(platform);
    return signCheckpointIfDue(platform, policy);
  };

  it('are signed for a new log, then every N entries or M minutes, and never for nothing new', async () => {
    expect((await step(0)).skipped).toBe('empty-log');
    expect((await step(10)).checkpoint?.treeSize).toBe(10);
    expect((await step(0)).skipped).toBe('up-to-date');
    expect((await step(50)).skipped).toBe('not-due');
    expect((await step(50)).checkpoint?.treeSize).toBe(110);
    expect((await step(1)).skipped).toBe('not-due');
    platform.clock.advanceMinutes(10);
    expect((await step(0)).checkpoint?.treeSize).toBe(111);
    platform.clock.advanceMinutes(60);
    expect((await step(0)).skipped).toBe('up-to-date');
  });

  it.each(['sm2', 'ed25519'] as const)(
    'an exported %s checkpoint is verified by OpenSSL from the file alone',
    async (algorithm) => {
      const key =
        algorithm === 'sm2'
          ? execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2'], {
              encoding: 'utf8',
            })
          : execFileSync('openssl', ['genpkey', '-algorithm', 'ED25519'], { encoding: 'utf8' });
      const withKey = { ...settings({ GONGXIN_AUDIT_SIGNING_KEY: key }), checkpointEvery: 1 };
      await recordActivity(platform, 3, 3);
      await integrateAuditEvents(platform);
      const { checkpoint } = await signCheckpointIfDue(platform, withKey);
      const dir = path.join(tmp, `export-${algorithm}`);
      const delivered = await exportCheckpoints(platform, { exportDir: dir, exportUrl: undefined });
      expect(delivered.failures).toEqual([]);
      const file = path.join(dir, checkpointFileName(checkpoint?.treeSize ?? 0));
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(() => readCheckpointDocument(doc)).not.toThrow();
      expect(doc).toMatchObject({
        format: 'gongxin-audit-checkpoint/v1',
        signatureAlgorithm: algorithm,
        hashAlgorithm: 'sm3',
      });
      fs.writeFileSync(path.join(dir, 'pub.pem'), doc.publicKey);
      fs.writeFileSync(path.join(dir, 'body'), doc.signedBody);
      fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(doc.signature, 'base64'));
      const args =
        algorithm === 'sm2'
          ? [
              'dgst',
              '-sm3',
              '-verify',
              'pub.pem',
              '-signature',
              'sig',
              '-sigopt',
              `distid:${SM2_USER_ID}`,
              'body',
            ]
          : ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'body', '-sigfile', 'sig'];
      expect(execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' })).toMatch(
        /Verified OK|Verified Successfully/,
      );
      // Each checkpoint goes to a target once.
      expect((await exportCheckpoints(platform, { exportDir: dir, exportUrl: undefined })).exported).toEqual(
        [],
      );
      expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
    },
  );

  it('checkpoints go to an HTTP(S) URL as the same JSON, and the URL is recorded without its credentials', async () => {
    const http = await import('node:http');
    const received: unknown[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const url = new URL(`http://user:secret@127.0.0.1:${port}/checkpoints?token=abc`);
      const outcome = await exportCheckpoints(platform, { exportDir: undefined, exportUrl: url });
      expect(outcome.failures).toEqual([]);
      expect(received.length).toBeGreaterThan(0);
      expect(() => readCheckpointDocument(received.at(-1))).not.toThrow();
      const targets = await database.db
        .selectFrom('audit_checkpoint_export')
        .select('target')
        .distinct()
        .execute();
      expect(targets.map((t) => t.target)).toContain(`url:http://127.0.0.1:${port}/checkpoints`);
      expect(JSON.stringify(targets)).not.toContain('secret');
    } finally {
      server.close();
    }
  });
});

describe.runIf(testDatabaseUrl)('the integrator with concurrent writers on PostgreSQL', () => {
  let database: TestDatabase;
  let platform: Platform;
  beforeAll(async () => {
    database = await createTestDatabase();
    platform = { db: database.db, clock: steppingClock(), profile: loadProfile('xiamen') };
  });
  afterAll(() => database.dispose());

  it('R146 an event whose transaction commits late still gets the sequence number of its id', async () => {
    const url = new URL(testDatabaseUrl as string);
    url.pathname = `/${(await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db)).rows[0]?.name}`;
    const slow = new pg.Client({ connectionString: url.toString() });
    await slow.connect();
    try {
      // The slow writer takes its transaction id and an event id first, then waits before committing.
      await slow.query('BEGIN');
      await slow.query('SELECT pg_current_xact_id()');
      await slow.query(
        `INSERT INTO audit_event (occurred_at, actor, action, object_type, payload_hash) VALUES (now(), 'slow', 'x', 'y', 'z')`,
      );
      await recordActivity(platform, 3, 3);
      const waiting = await integrateAuditEvents(platform, { maxWaitMs: 200 });
      expect(waiting).toMatchObject({ integrated: 0, deferred: 'transactions-still-running' });
      await slow.query('COMMIT');
      expect(await integrateAuditEvents(platform)).toMatchObject({ integrated: 4, treeSize: 4 });
      const first = await database.db
        .selectFrom('audit_event')
        .select('actor')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(first.actor).toBe('slow');
      expect(await eventBySeq(database.db, 0)).toMatchObject({ actor: 'slow' });
    } finally {
      await slow.end();
    }
  });

  it('two integrators at once: one integrates, the other stands aside', async () => {
    await recordActivity(platform, 500, 50);
    const results = await Promise.all([
      integrateAuditEvents(platform, { batchSize: 50 }),
      integrateAuditEvents(platform, { batchSize: 50 }),
    ]);
    expect(results.reduce((sum, r) => sum + r.integrated, 0)).toBe(500);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, entries: 504 });
  });
});
