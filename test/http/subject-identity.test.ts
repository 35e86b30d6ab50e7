import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileId } from '../../src/core/policy/profile-id.ts';
import { insertSubjects } from '../../src/modules/subjects/store.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/db.ts';
import { signInAs } from '../support/sessions.ts';

// Spec §0.4 fixture XM-NP: a Xiamen adult natural person born 1990-01-01.
const XM_NP = '35020319900101123X';

async function withPerson(profileId: ProfileId): Promise<TestApp> {
  const t = await createTestApp({ today: '2024-06-01', profileId, seedSubjects: 20 });
  await insertSubjects(
    t.database.db,
    [
      {
        subjectCode: XM_NP,
        codeType: 'resident_id',
        kind: 'natural_person',
        name: '陈小明',
        divisionCode: '350203',
        registeredOn: null,
        legalRepresentative: null,
      },
    ],
    new Date(),
  );
  return t;
}

describe(`R41 xiamen: other identity documents linked to a person's credit code, on ${testEngine}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withPerson('xiamen');
  });
  afterAll(() => t.close());

  it('R41 xiamen links passport E12345678 to XM-NP, and a look-up by the passport finds XM-NP', async () => {
    const staff = await signInAs(t.app, 'staff');
    const linked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/subjects/${XM_NP}/identity-documents`,
      headers: staff.headers,
      payload: { documentNumber: 'e12345678', basis: '核验护照原件' },
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toEqual({
      subjectCode: XM_NP,
      documentKind: 'passport',
      documentNumber: 'E12345678',
    });

    const found = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/subjects/E12345678',
      headers: staff.headers,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      subjectCode: XM_NP,
      viaDocument: { kind: 'passport', number: 'E12345678' },
      documents: [{ kind: 'passport', number: 'E12345678', basis: '核验护照原件' }],
    });
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', XM_NP)
      .orderBy('id')
      .execute();
    expect(audited.map((e) => e.action)).toEqual(['subject.link_identity_document', 'subject.look_up']);
  });

  it('R41 xiamen refuses a document already linked, a resident ID number, and an organization', async () => {
    const staff = await signInAs(t.app, 'staff');
    const link = (code: string, documentNumber: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/subjects/${code}/identity-documents`,
        headers: staff.headers,
        payload: { documentNumber, basis: '核验' },
      });
    expect((await link(XM_NP, 'E12345678')).json().fields[0]).toMatchObject({ field: 'documentNumber' });
    expect((await link(XM_NP, '350203200805011230')).json().fields[0]).toMatchObject({
      field: 'documentNumber',
    });
    const org = await t.database.db
      .selectFrom('subject')
      .select('subject_code')
      .where('kind', '=', 'company')
      .executeTakeFirstOrThrow();
    expect((await link(org.subject_code, 'E87654321')).json().fields[0]).toMatchObject({
      field: 'subjectCode',
    });
  });

  it('a provider may not link documents or look subjects up', async () => {
    const provider = await signInAs(t.app, 'provider');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/subjects/${XM_NP}`,
      headers: provider.headers,
    });
    expect(response.statusCode).toBe(403);
  });
});

describe.each(['weihai', 'nantong'] as const)(
  `R41 %s keys persons by the resident ID number only, on ${testEngine}`,
  (profileId) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await withPerson(profileId);
    });
    afterAll(() => t.close());

    it(`R41 ${profileId} refuses to link a passport, citing its article`, async () => {
      const staff = await signInAs(t.app, 'staff');
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/subjects/${XM_NP}/identity-documents`,
        headers: staff.headers,
        payload: { documentNumber: 'E12345678', basis: '核验护照原件' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(profileId === 'weihai' ? /003 第七条/ : /004 第十五条/);
    });
  },
);
