import type { ProfileId } from '../../core/policy/profile-id.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { hashSecret } from '../../platform/security/secrets.ts';
import type { AccountRole } from '../accounts/roles.ts';
import { insertAccounts, type NewAccount } from '../accounts/store.ts';
import { installDefaultCatalog } from '../catalog/default-catalog/index.ts';
import { hasAnyOrganization } from '../organizations/has-any.ts';
import { insertOrganizations, type OrganizationRow } from '../organizations/store.ts';
import { insertSubjects, type SubjectRow } from '../subjects/store.ts';
import { demoSharingParties } from './data/demo-sharing-parties.ts';
import { demoCities } from './data/index.ts';
import { type DemoSubject, generateDemoSubjects } from './demo-subjects.ts';

export const DEFAULT_DEMO_SUBJECTS = 3_000;
/** Published in the README: demo accounts exist to be tried. A real deployment creates its own accounts. */
export const DEMO_PASSWORD = 'Gongxin-demo-2026';
const DEMO_SEED = 20_201_224;

export interface DemoAccount {
  username: string;
  password: string;
  role: AccountRole;
  displayName: string;
  organization: string | null;
  /** The demo person's ID number, for trying real-name verification; an invented person, not personal data. */
  subjectCode: string | null;
}

export interface SeedResult {
  /** False when the instance already held data: seeding never touches a populated database. */
  created: boolean;
  city: string;
  providers: number;
  subjects: number;
  accounts: DemoAccount[];
}

/** A generated subject as a `subject` row. */
export function demoSubjectRow(s: DemoSubject): SubjectRow {
  return {
    subjectCode: s.code,
    codeType: s.codeType,
    kind: s.kind,
    name: s.name,
    divisionCode: s.districtCode,
    // A person has no registration date; the generator's birth date is already in the ID number.
    registeredOn: s.kind === 'natural_person' ? null : s.registeredOn,
    legalRepresentative: s.legalRepresentative ?? null,
  };
}

/** The working body that runs each city's platform, by the name its regulation gives it. */
const CREDIT_CENTERS: Record<ProfileId, { code: string; name: string; nameEn: string }> = {
  // 000 第四条: 市公共信用信息中心（市信用中心）
  xiamen: {
    code: 'XM-CENTER',
    name: '厦门市公共信用信息中心',
    nameEn: 'Xiamen Public Credit Information Center',
  },
  // 003 第六条: 市社会信用中心
  weihai: { code: 'WH-CENTER', name: '威海市社会信用中心', nameEn: 'Weihai Social Credit Center' },
  // 004 第六条: 公共信用信息工作机构
  nantong: {
    code: 'NT-CENTER',
    name: '南通市公共信用信息中心',
    nameEn: 'Nantong Public Credit Information Center',
  },
};

/**
 * The organizations of the city itself, real in production as in the demo: its credit center and its
 * provider departments.
 */
export function cityOrganizations(profileId: ProfileId): {
  center: OrganizationRow;
  providers: OrganizationRow[];
} {
  const city = demoCities[profileId];
  return {
    center: {
      ...CREDIT_CENTERS[profileId],
      kind: 'credit_center',
      divisionCode: city.divisionCode,
      isProvider: false,
    },
    providers: city.departments.map((department) => ({ ...department, isProvider: true })),
  };
}

/** A credit service agency that exists only in the demo. */
function demoAgency(profileId: ProfileId): OrganizationRow {
  const city = demoCities[profileId];
  return {
    code: `${CREDIT_CENTERS[profileId].code.split('-')[0]}-AGENCY-DEMO`,
    name: `${city.name.replace(/市$/, '')}示范信用服务有限公司（演示）`,
    nameEn: 'Demo Credit Services Co. (demo)',
    kind: 'credit_service_agency',
    divisionCode: city.divisionCode,
    isProvider: false,
  };
}

/**
 * Creates the demo city of the instance's profile: its provider departments, the credit center, a credit
 * agency, generated subjects with valid codes, and one demo account per role. Does nothing on a
 * database that already holds organizations.
 */
export async function seedDemoCity(ctx: UseCaseContext, input: { subjects: number }): Promise<SeedResult> {
  const city = demoCities[ctx.profile.id];
  if (await hasAnyOrganization(ctx.db)) {
    return { created: false, city: city.name, providers: 0, subjects: 0, accounts: [] };
  }
  const now = ctx.clock.now();
  const { center, providers } = cityOrganizations(ctx.profile.id);
  const agency = demoAgency(ctx.profile.id);
  const sharingParties = demoSharingParties[ctx.profile.id].map(({ username, ...party }) => ({
    username,
    organization: { ...party, divisionCode: city.divisionCode, isProvider: false },
  }));
  await insertOrganizations(
    ctx.db,
    [center, agency, ...sharingParties.map((p) => p.organization), ...providers],
    now,
  );
  await installDefaultCatalog(ctx, { departments: providers });

  const subjects = generateDemoSubjects({ city: ctx.profile.id, count: input.subjects, seed: DEMO_SEED });
  await insertSubjects(ctx.db, subjects.map(demoSubjectRow), now);

  const person = subjects.find((s) => s.kind === 'natural_person');
  const department = (suffix: string): OrganizationRow => {
    const found = providers.find((p) => p.code === `${center.code.split('-')[0]}-${suffix}`);
    if (!found) throw new Error(`the ${city.name} demo data has no department ${suffix}`);
    return found;
  };
  const competent = department('FGW'); // the social credit competent department (000 第四条: 市发展和改革部门)
  const provider = department('SCJG');
  const gov = department('CZJ');
  const demo: Array<
    Omit<DemoAccount, 'password'> & { organizationCode: string | null; subjectCode: string | null }
  > = [
    {
      username: 'center',
      role: 'center_admin',
      displayName: `${center.name}管理员`,
      organization: center,
      subjectCode: null,
    },
    {
      username: 'staff',
      role: 'center_staff',
      displayName: `${center.name}业务员`,
      organization: center,
      subjectCode: null,
    },
    {
      username: 'archive',
      role: 'archive',
      displayName: `${center.name}档案管理员`,
      organization: center,
      subjectCode: null,
    },
    {
      username: 'competent',
      role: 'competent',
      displayName: `${competent.name}信用科`,
      organization: competent,
      subjectCode: null,
    },
    {
      username: 'provider',
      role: 'provider',
      displayName: `${provider.name}报送员`,
      organization: provider,
      subjectCode: null,
    },
    { username: 'gov', role: 'gov', displayName: `${gov.name}业务员`, organization: gov, subjectCode: null },
    {
      username: 'agency',
      role: 'agency',
      displayName: `${agency.name}查询员`,
      organization: agency,
      subjectCode: null,
    },
    // 004 第二十三条: a financial institution pulls under its sharing agreement through the agency role (R100).
    ...sharingParties.map(({ username, organization }) => ({
      username,
      role: 'agency',
      displayName: `${organization.name}查询员`,
      organization,
      subjectCode: null,
    })),
    {
      username: 'citizen',
      role: 'subject',
      displayName: person?.name ?? '信用主体',
      organization: null,
      subjectCode: person?.code ?? null,
    },
  ].map(({ organization, ...account }) => ({
    ...account,
    role: account.role as AccountRole,
    organization: organization?.name ?? null,
    organizationCode: organization?.code ?? null,
  }));
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const accounts: NewAccount[] = demo.map((a) => ({
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    organizationCode: a.organizationCode,
    subjectCode: a.subjectCode,
    passwordHash,
  }));
  await insertAccounts(ctx.db, accounts, now);

  await ctx.audit.record({
    action: 'seed.demo_city',
    objectType: 'instance',
    objectId: city.code,
    payload: { city: city.code, providers: providers.map((p) => p.code), subjects: subjects.length },
    detail: { providers: providers.length, subjects: subjects.length, accounts: accounts.length },
  });
  return {
    created: true,
    city: city.name,
    providers: providers.length,
    subjects: subjects.length,
    accounts: demo.map(({ username, role, displayName, organization, subjectCode }) => ({
      username,
      role,
      displayName,
      organization,
      subjectCode,
      password: DEMO_PASSWORD,
    })),
  };
}
