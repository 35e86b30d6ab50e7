import { describe, expect, it } from 'vitest';
import { describeDivision } from '../../../core/identity/index.ts';
import { PROFILE_IDS } from '../../../core/policy/profile-id.ts';
import { demoCities, PROVIDER_KINDS } from './index.ts';

/** The organization.code constraint of the foundation migration. */
const ORGANIZATION_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const CODE_PREFIX = { xiamen: 'XM-', weihai: 'WH-', nantong: 'NT-' } as const;

const allDepartments = PROFILE_IDS.flatMap((id) => demoCities[id].departments);

describe('provider departments', () => {
  it('about 69 departments feed the Xiamen platform (001: 69 个部门)', () => {
    expect(demoCities.xiamen.departments.length).toBeGreaterThanOrEqual(65);
    expect(demoCities.xiamen.departments.length).toBeLessThanOrEqual(75);
  });

  it('have codes unique across the three cities, fit for organization.code', () => {
    const codes = allDepartments.map((department) => department.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(ORGANIZATION_CODE);
  });

  it.each(PROFILE_IDS)(
    'of %s carry the city prefix, the city name, a known kind and a division of the city',
    (id) => {
      const city = demoCities[id];
      const divisions = [city.divisionCode, ...city.districts.map((district) => district.code)];
      const names = city.departments.map((department) => department.name);
      expect(new Set(names).size).toBe(names.length);
      for (const department of city.departments) {
        expect(department.code.startsWith(CODE_PREFIX[id])).toBe(true);
        expect(department.name).toContain(city.shortName);
        expect(department.nameEn).toMatch(/^[\x20-\x7e’]+$/);
        expect(PROVIDER_KINDS).toContain(department.kind);
        expect(divisions).toContain(department.divisionCode);
      }
    },
  );

  it('follow each regulation on who provides: 000/003 第二条 include judicial and mass organizations, 004 第二条 not', () => {
    const kindsOf = (id: (typeof PROFILE_IDS)[number]) =>
      new Set(demoCities[id].departments.map((d) => d.kind));
    for (const id of ['xiamen', 'weihai'] as const) {
      expect(kindsOf(id)).toContain('court');
      expect(kindsOf(id)).toContain('procuratorate');
      expect(kindsOf(id)).toContain('mass_organization');
    }
    expect(kindsOf('nantong')).not.toContain('court');
    expect(kindsOf('nantong')).not.toContain('procuratorate');
    expect(kindsOf('nantong')).not.toContain('mass_organization');
  });

  it('include the catalog owners of 004 第六条 in Nantong: 工商, 信用, 民政, 机构编制', () => {
    const names = demoCities.nantong.departments.map((department) => department.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '南通市市场监督管理局',
        '南通市发展和改革委员会',
        '南通市民政局',
        '中共南通市委机构编制委员会办公室',
      ]),
    );
  });

  // Codes are permanent: records, accounts and audit events refer to them. A change here must be deliberate.
  it('keep their codes stable', () => {
    expect(
      Object.fromEntries(PROFILE_IDS.map((id) => [id, demoCities[id].departments.map((d) => d.code)])),
    ).toMatchInlineSnapshot(`
        {
          "nantong": [
            "NT-FGW",
            "NT-GXJ",
            "NT-JYJ",
            "NT-KJJ",
            "NT-GAJ",
            "NT-MZJ",
            "NT-SFJ",
            "NT-CZJ",
            "NT-RSJ",
            "NT-ZYGHJ",
            "NT-STHJJ",
            "NT-ZJJ",
            "NT-JTYSJ",
            "NT-SLJ",
            "NT-NYNCJ",
            "NT-SHWJ",
            "NT-WGLJ",
            "NT-WJW",
            "NT-TYJRJ",
            "NT-YJGLJ",
            "NT-SJJ",
            "NT-GZW",
            "NT-SCJG",
            "NT-TYJ",
            "NT-TJJ",
            "NT-YBJ",
            "NT-XZSP",
            "NT-CGJ",
            "NT-BB",
            "NT-SWJ",
            "NT-HG",
            "NT-RMYH",
            "NT-JRJG",
            "NT-HSJ",
            "NT-XFJY",
            "NT-GJJ",
            "NT-GGZY",
            "NT-GD",
          ],
          "weihai": [
            "WH-FGW",
            "WH-GXJ",
            "WH-JYJ",
            "WH-KJJ",
            "WH-GAJ",
            "WH-MZJ",
            "WH-SFJ",
            "WH-CZJ",
            "WH-RSJ",
            "WH-ZYGHJ",
            "WH-STHJJ",
            "WH-ZJJ",
            "WH-JTYSJ",
            "WH-NYNCJ",
            "WH-HYFZJ",
            "WH-SHWJ",
            "WH-WLJ",
            "WH-WJW",
            "WH-TYJRJ",
            "WH-YJGLJ",
            "WH-SJJ",
            "WH-GZW",
            "WH-SCJG",
            "WH-TJJ",
            "WH-YBJ",
            "WH-XZSP",
            "WH-BB",
            "WH-ZJFY",
            "WH-JCY",
            "WH-SWJ",
            "WH-HG",
            "WH-RMYH",
            "WH-JRJG",
            "WH-HSJ",
            "WH-XFJY",
            "WH-ZGH",
            "WH-TSW",
            "WH-FL",
            "WH-GJJ",
            "WH-GGZY",
            "WH-GD",
          ],
          "xiamen": [
            "XM-FGW",
            "XM-GXJ",
            "XM-JYJ",
            "XM-KJJ",
            "XM-GAJ",
            "XM-MZJ",
            "XM-SFJ",
            "XM-CZJ",
            "XM-RSJ",
            "XM-ZYGHJ",
            "XM-STHJJ",
            "XM-JSJ",
            "XM-JTYSJ",
            "XM-NYNCJ",
            "XM-SHWJ",
            "XM-WLJ",
            "XM-WJW",
            "XM-TYJRJ",
            "XM-YJGLJ",
            "XM-SJJ",
            "XM-GZW",
            "XM-SCJG",
            "XM-TYJ",
            "XM-TJJ",
            "XM-YBJ",
            "XM-JRJ",
            "XM-SZYLJ",
            "XM-HYFZJ",
            "XM-SLJ",
            "XM-CGZFJ",
            "XM-HJGW",
            "XM-ZMPQ",
            "XM-BB",
            "XM-ZJFY",
            "XM-HSFY",
            "XM-SMFY",
            "XM-HCFY",
            "XM-HLFY",
            "XM-JMFY",
            "XM-TAFY",
            "XM-XAFY",
            "XM-JCY",
            "XM-SWJ",
            "XM-HG",
            "XM-RMYH",
            "XM-JRJG",
            "XM-ZJJ",
            "XM-WHJ",
            "XM-HSJ",
            "XM-XFJY",
            "XM-BJZZ",
            "XM-QXJ",
            "XM-YCJ",
            "XM-YZJ",
            "XM-MHJG",
            "XM-ZGH",
            "XM-TSW",
            "XM-FL",
            "XM-KX",
            "XM-GSL",
            "XM-CL",
            "XM-HSZH",
            "XM-QL",
            "XM-GKJ",
            "XM-GJJ",
            "XM-GGZY",
            "XM-BDC",
            "XM-XZ",
            "XM-GD",
            "XM-SWJT",
            "XM-RQ",
          ],
        }
      `);
  });
});

describe('districts', () => {
  it.each(PROFILE_IDS)(
    'of %s are current GB/T 2260 divisions of the city, named as the identity table names them',
    (id) => {
      const city = demoCities[id];
      const codes = city.districts.map((district) => district.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const district of city.districts) {
        expect(district.code.slice(0, 4)).toBe(city.divisionCode.slice(0, 4));
        const division = describeDivision(district.code);
        expect(division).toMatchObject({ exact: true, abolished: null });
        expect(division.name?.endsWith(city.name + district.name)).toBe(true);
        for (const former of district.formerCodes) {
          expect(describeDivision(former).abolished, former).not.toBeNull();
        }
      }
    },
  );

  it('of Nantong use the codes of the 2020 redrawing: 崇川区 320613, 海门区 320614', () => {
    const byName = Object.fromEntries(demoCities.nantong.districts.map((d) => [d.name, d.code]));
    expect(byName).toMatchObject({ 崇川区: '320613', 海门区: '320614', 海安市: '320685' });
  });
});

describe('demoCities', () => {
  it('has one entry per profile, keyed by its own code, with its credit website', () => {
    for (const id of PROFILE_IDS) expect(demoCities[id].code).toBe(id);
    expect(PROFILE_IDS.map((id) => demoCities[id].portalName)).toEqual([
      '信用中国（福建厦门）',
      '信用威海',
      '信用南通',
    ]);
  });
});
