import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoSubjects } from '../../src/modules/seed/demo-subjects.ts';
import { demoSubjectRow } from '../../src/modules/seed/seed-demo-city.ts';
import { searchPublicSubjects } from '../../src/modules/subjects/search-public-subjects.ts';
import {
  applyRegistration,
  insertSubjects,
  ORGANIZATION_COUNT_CAP,
  type SubjectRow,
} from '../../src/modules/subjects/store.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../support/db.ts';

const NOW = new Date('2025-06-01T02:00:00Z');

function organization(subjectCode: string, name: string): SubjectRow {
  return {
    subjectCode,
    codeType: 'uscc',
    kind: 'company',
    name,
    divisionCode: '350203',
    registeredOn: '2020-01-01',
    legalRepresentative: null,
  };
}

/** Names that test what a bigram index could get wrong: case, LIKE's special characters, repeats, short names. */
const ODD_NAMES = [
  organization('91350200TEST00001X', 'ABC鹭岛科技有限公司'),
  organization('91350200TEST00002X', 'abc鹭岛贸易有限公司'),
  organization('91350200TEST00003X', '百分之50%_\\测试有限公司'),
  organization('91350200TEST00004X', '哈哈哈哈餐饮店'),
  organization('91350200TEST00005X', '鹭岛'),
  organization('91350200TEST00006X', '岛'),
  organization('91350200TEST00007X', 'Ｆｕｌｌ宽度商行'),
  // Names that hold another organization's code: a code query lists that organization first, then these.
  organization('913502000000000A1X', '码主有限公司'),
  organization('91350200TEST00008X', '含913502000000000A1X甲'),
  organization('91350200TEST00009X', '含913502000000000A1X乙'),
];

/**
 * Two frequent bigrams (甲乙, 乙丙) whose names seldom hold both in a row: 甲乙丙 is in three long names only,
 * the case the search hands to the trigram index.
 */
const SPARSE_NAMES = [
  ...Array.from({ length: 260 }, (_, i) =>
    organization(`91350200SPA${String(i).padStart(6, '0')}X`, `甲乙${i}商行`),
  ),
  ...Array.from({ length: 260 }, (_, i) =>
    organization(`91350200SPB${String(i).padStart(6, '0')}X`, `${i}号乙丙工作室`),
  ),
  ...Array.from({ length: 3 }, (_, i) =>
    organization(`91350200SPC${String(i).padStart(6, '0')}X`, `厦门某某甲乙丙${i}号实业发展有限责任公司`),
  ),
];

describe(`organization search by name on ${testEngine}`, () => {
  let database: TestDatabase;
  let names: string[];
  let codes: string[];

  /** What the search returned before the bigram index: the same WHERE and ORDER BY over the subject table. */
  async function scanned(text: string, code: string | null, limit: number, offset: number) {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    const where = code
      ? sql`(subject_code = ${code} OR name ILIKE ${`%${escaped}%`})`
      : sql`name ILIKE ${`%${escaped}%`}`;
    const page = await sql<{ subject_code: string }>`
      SELECT subject_code FROM subject WHERE kind <> 'natural_person' AND ${where}
      ORDER BY CASE WHEN subject_code = ${code} THEN 0 WHEN name ILIKE ${`${escaped}%`} THEN 1 ELSE 2 END,
        char_length(name), subject_code
      LIMIT ${limit} OFFSET ${offset}`.execute(database.db);
    const count = await sql<{ n: number }>`
      SELECT count(*) AS n FROM subject WHERE kind <> 'natural_person' AND ${where}`.execute(database.db);
    return { codes: page.rows.map((row) => row.subject_code), total: count.rows[0]?.n ?? 0 };
  }

  async function expectSameAsScan(q: string, limit = 20, offset = 0) {
    const found = await searchPublicSubjects(database.db, { q, limit, offset });
    const text = q.trim();
    const upper = text.toUpperCase();
    const expected = await scanned(
      text,
      /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(upper) ? upper : null,
      limit,
      offset,
    );
    expect(
      found.items.map((item) => item.subjectCode),
      `${q} (offset ${offset})`,
    ).toEqual(expected.codes);
    if (expected.total <= ORGANIZATION_COUNT_CAP) {
      expect({ total: found.total, exact: found.totalExact }, q).toEqual({
        total: expected.total,
        exact: true,
      });
    } else {
      expect({ total: found.total, exact: found.totalExact }, q).toEqual({
        total: ORGANIZATION_COUNT_CAP,
        exact: false,
      });
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // Enough organizations that the commonest name parts (厦门, 有限公司) pass the count cap.
    const generated = generateDemoSubjects({ city: 'xiamen', count: 4_000, seed: 7 });
    const added = [...ODD_NAMES, ...SPARSE_NAMES];
    await insertSubjects(database.db, [...generated.map(demoSubjectRow), ...added], NOW);
    names = [
      ...generated.filter((s) => s.kind !== 'natural_person').map((s) => s.name),
      ...added.map((s) => s.name),
    ];
    codes = generated.map((s) => s.code);
  }, 120_000);
  afterAll(() => database.dispose());

  it('returns what a scan of every name returns, in the same order, for fragments of real names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(names.length - 1),
        fc.nat(12),
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom(0, 0, 0, 5, 30),
        async (index, start, length, offset) => {
          const name = names[index] ?? '';
          const from = Math.min(start, Math.max(0, name.length - 2));
          await expectSameAsScan(name.slice(from, from + length), 20, offset);
        },
      ),
      { numRuns: 150, seed: 20_261_205 },
    );
  });

  it('the same for frequent name parts past the count cap, codes, case, and LIKE’s special characters', async () => {
    for (const q of [
      '厦门',
      '有限公司',
      '厦门市',
      '市思明区',
      '公司',
      'abc',
      'ABC鹭',
      '50%',
      '%_',
      '_\\',
      '哈哈',
      '哈哈哈',
      '鹭岛',
      'ｆｕｌｌ',
      '没有这个名字',
      '甲乙丙',
      '甲乙',
      '乙丙工作室',
      codes[0] ?? '',
      (codes[1] ?? '').toLowerCase(),
      '91350200TEST00001X',
    ]) {
      await expectSameAsScan(q);
      await expectSameAsScan(q, 7, 3);
    }
    await expectSameAsScan('913502000000000A1X', 2);
    await expectSameAsScan('913502000000000a1x', 1, 1);
  });

  it('counts up to the cap and then says there are more', async () => {
    const common = await searchPublicSubjects(database.db, { q: '厦门', limit: 20, offset: 0 });
    expect(common).toMatchObject({ total: ORGANIZATION_COUNT_CAP, totalExact: false });
    expect(common.items).toHaveLength(20);
    const rare = await searchPublicSubjects(database.db, { q: '哈哈哈', limit: 20, offset: 0 });
    expect(rare).toMatchObject({ total: 1, totalExact: true });
  });

  it('follows a renamed organization, and never indexes a natural person', async () => {
    await applyRegistration(database.db, {
      subjectCode: '91350200TEST00005X',
      name: '鹭岛新名称测试中心',
      status: null,
      terminatedOn: null,
      diedOn: null,
    });
    const renamed = await searchPublicSubjects(database.db, { q: '新名称', limit: 20, offset: 0 });
    expect(renamed.items.map((item) => item.subjectCode)).toEqual(['91350200TEST00005X']);
    await expectSameAsScan('鹭岛');
    // Inserting the same subjects again changes nothing (the registry keeps the first).
    await insertSubjects(database.db, ODD_NAMES, NOW);
    await expectSameAsScan('鹭岛');

    const people = await sql<{ n: number }>`
      SELECT count(*) AS n FROM subject_name_bigram AS p JOIN subject AS s USING (subject_code)
      WHERE s.kind = 'natural_person'`.execute(database.db);
    expect(people.rows[0]?.n).toBe(0);
  });

  it('a single character outside the BMP is one character: too short', async () => {
    await expect(searchPublicSubjects(database.db, { q: '𠀀', limit: 20, offset: 0 })).rejects.toMatchObject({
      field: 'q',
    });
  });
});
