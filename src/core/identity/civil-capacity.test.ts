import { describe, expect, it } from 'vitest';
import { type LocalDate, localDate } from '../time/local-date.ts';
import { assessCivilCapacity } from './civil-capacity.ts';

/** `subject.require_full_civil_capacity` per profile (spec §3.1; 000 第二条, 003 第二条, 004 第二条). */
const REQUIRE_FULL_CIVIL_CAPACITY = { xiamen: true, weihai: false, nantong: true } as const;

const XM_MINOR_BIRTH = localDate(2008, 5, 1);
const XM_16_BIRTH = localDate(2007, 9, 15);
const PENALTY_DATE = localDate(2024, 3, 1);

describe('R43 natural persons must have full civil capacity in XM and NT (A-5)', () => {
  it('R43 XM-MINOR (15 on 2024-03-01) is refused with NO_FULL_CIVIL_CAPACITY in XM', () => {
    expect(
      assessCivilCapacity({
        birthDate: XM_MINOR_BIRTH,
        documentDate: PENALTY_DATE,
        attestation: undefined,
        requireFullCivilCapacity: REQUIRE_FULL_CIVIL_CAPACITY.xiamen,
      }),
    ).toMatchObject({ ok: false, errorCode: 'NO_FULL_CIVIL_CAPACITY', ageOnDocumentDate: 15 });
  });

  it('R43 XM-MINOR is refused in XM even with an attestation: under 16 capacity is impossible', () => {
    expect(
      assessCivilCapacity({
        birthDate: XM_MINOR_BIRTH,
        documentDate: PENALTY_DATE,
        attestation: true,
        requireFullCivilCapacity: REQUIRE_FULL_CIVIL_CAPACITY.xiamen,
      }),
    ).toMatchObject({ ok: false, errorCode: 'NO_FULL_CIVIL_CAPACITY' });
  });

  it('R43 XM-MINOR is accepted in WH, which has no capacity qualifier (003 第二条)', () => {
    expect(
      assessCivilCapacity({
        birthDate: XM_MINOR_BIRTH,
        documentDate: PENALTY_DATE,
        attestation: false,
        requireFullCivilCapacity: REQUIRE_FULL_CIVIL_CAPACITY.weihai,
      }),
    ).toEqual({ ok: true });
  });

  it('R43 XM-16 (16 on 2024-03-01) without attestation is returned with CAPACITY_ATTESTATION_REQUIRED in NT', () => {
    const result = assessCivilCapacity({
      birthDate: XM_16_BIRTH,
      documentDate: PENALTY_DATE,
      attestation: undefined,
      requireFullCivilCapacity: REQUIRE_FULL_CIVIL_CAPACITY.nantong,
    });
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'CAPACITY_ATTESTATION_REQUIRED',
      ageOnDocumentDate: 16,
    });
  });

  it('R43 XM-16 with the provider attestation full_civil_capacity=true is accepted in NT (民法典 第十八条)', () => {
    expect(
      assessCivilCapacity({
        birthDate: XM_16_BIRTH,
        documentDate: PENALTY_DATE,
        attestation: true,
        requireFullCivilCapacity: REQUIRE_FULL_CIVIL_CAPACITY.nantong,
      }),
    ).toEqual({ ok: true });
  });

  it('R43 any record with full_civil_capacity=false is refused in XM and NT, even for an adult', () => {
    for (const requireFullCivilCapacity of [
      REQUIRE_FULL_CIVIL_CAPACITY.xiamen,
      REQUIRE_FULL_CIVIL_CAPACITY.nantong,
    ]) {
      expect(
        assessCivilCapacity({
          birthDate: localDate(1990, 1, 1),
          documentDate: PENALTY_DATE,
          attestation: false,
          requireFullCivilCapacity,
        }),
      ).toMatchObject({ ok: false, errorCode: 'NO_FULL_CIVIL_CAPACITY', ageOnDocumentDate: 34 });
    }
  });

  it('R43 an adult needs no attestation; the 16th and 18th birthdays count on the day itself', () => {
    const assess = (birthDate: LocalDate, attestation: boolean | undefined) =>
      assessCivilCapacity({
        birthDate,
        documentDate: PENALTY_DATE,
        attestation,
        requireFullCivilCapacity: REQUIRE_FULL_CIVIL_CAPACITY.xiamen,
      });
    expect(assess(localDate(2006, 3, 1), undefined)).toEqual({ ok: true });
    expect(assess(localDate(2006, 3, 2), undefined)).toMatchObject({
      errorCode: 'CAPACITY_ATTESTATION_REQUIRED',
    });
    expect(assess(localDate(2008, 3, 1), true)).toEqual({ ok: true });
    expect(assess(localDate(2008, 3, 2), true)).toMatchObject({ errorCode: 'NO_FULL_CIVIL_CAPACITY' });
  });

  it('R43 a document dated before the birth is refused with its own code instead of an age', () => {
    expect(
      assessCivilCapacity({
        birthDate: localDate(2024, 3, 2),
        documentDate: PENALTY_DATE,
        attestation: undefined,
        requireFullCivilCapacity: REQUIRE_FULL_CIVIL_CAPACITY.nantong,
      }),
    ).toMatchObject({ ok: false, errorCode: 'DOCUMENT_BEFORE_BIRTH', ageOnDocumentDate: null });
  });
});
