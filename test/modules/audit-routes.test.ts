import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrateAuditEvents } from '../../src/modules/audit/integrate-events.ts';
import { checkInclusionProof } from '../../src/modules/audit/proofs.ts';
import { signCheckpointIfDue } from '../../src/modules/audit/sign-checkpoint.ts';
import { verifyConsistency } from '../../src/platform/crypto/merkle.ts';
import { generateSigningKey } from '../../src/platform/crypto/signing.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { recordActivity } from './audit-activity.ts';

describe(`audit routes on ${testEngine}`, () => {
  let t: TestApp;
  const { key } = generateSigningKey('sm2');
  const policy = { checkpointEvery: 1, checkpointMinutes: 10, signingKey: () => key };
  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-11-22', seedSubjects: 0 });
    await recordActivity(t.platform, 40, 40);
    await integrateAuditEvents(t.platform);
    await signCheckpointIfDue(t.platform, policy);
    await recordActivity(t.platform, 25, 25);
    await integrateAuditEvents(t.platform);
    await signCheckpointIfDue(t.platform, policy);
  });
  afterAll(() => t.close());

  it('the latest checkpoint is public, and a proof from the public routes checks against it alone', async () => {
    const latest = await get('/api/v1/audit/checkpoints/latest');
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({
      treeSize: 65,
      hashAlgorithm: 'sm3',
      signatureAlgorithm: 'sm2',
      keyId: key.keyId,
    });
    const proof = await get('/api/v1/audit/proofs/inclusion?seq=17');
    expect(proof.status).toBe(200);
    expect(proof.body).toMatchObject({ seq: 17, treeSize: 65, rootHash: latest.body.rootHash });
    expect(proof.body).not.toHaveProperty('event');
    expect(checkInclusionProof(proof.body, latest.body)).toMatchObject({ ok: true });
  });

  it('a consistency proof between the two checkpoints verifies against their signed roots', async () => {
    const older = await get('/api/v1/audit/checkpoints/40');
    const newer = await get('/api/v1/audit/checkpoints/65');
    const proof = await get('/api/v1/audit/proofs/consistency?from=40&to=65');
    expect(proof.status).toBe(200);
    const hashes = (proof.body.proof as string[]).map((h) => Buffer.from(h, 'hex'));
    const root = (doc: { rootHash: string }) => Buffer.from(doc.rootHash, 'hex');
    expect(verifyConsistency('sm3', 40, 65, root(older.body), root(newer.body), hashes)).toBe(true);
  });

  it('bad sizes are refused with the field; unknown checkpoints are 404', async () => {
    expect((await get('/api/v1/audit/proofs/inclusion?seq=65')).status).toBe(400);
    const beyond = await get('/api/v1/audit/proofs/inclusion?seq=0&treeSize=66');
    expect(beyond.status).toBe(400);
    expect(beyond.body.fields[0].field).toBe('treeSize');
    expect((await get('/api/v1/audit/checkpoints/41')).status).toBe(404);
  });

  it('event content is not public: the entry route needs audit.read', async () => {
    const entry = await get('/api/v1/audit/entries/3');
    expect(entry.status).toBe(401);
    expect(t.app.apiRoutes).toContainEqual({
      method: 'GET',
      url: '/api/v1/audit/entries/:seq',
      access: { permission: 'audit.read' },
    });
    for (const url of [
      '/api/v1/audit/checkpoints/latest',
      '/api/v1/audit/proofs/inclusion',
      '/api/v1/audit/proofs/consistency',
    ]) {
      expect(t.app.apiRoutes).toContainEqual({ method: 'GET', url, access: 'public' });
    }
  });
});
