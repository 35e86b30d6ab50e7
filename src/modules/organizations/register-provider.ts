import { checkCode } from '../../core/identity/index.ts';
import { providerRegistrationProblem } from '../../core/policy/provider-types.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { type ProviderSummary, providerSummary } from './list-providers.ts';
import { cityDivisions } from './read-registration-options.ts';
import {
  findRegisteredOrganization,
  insertOrganizations,
  type RegisteredOrganization,
  updateProviderRegistration,
} from './store.ts';

export interface ProviderRegistrationInput {
  /** The organization's USCC; or the code of an organization already in the registry. */
  code: string;
  name: string;
  nameEn?: string | null;
  providerType: string;
  collectionChannel: string;
  /** GB/T 2260: the city or one of its districts. */
  divisionCode: string;
}

/** Organizations that are the platform's own parties, never providers. */
const NOT_PROVIDERS = ['credit_center', 'credit_service_agency'];

function checkDivision(ctx: UseCaseContext, divisionCode: string): void {
  const [city, ...districts] = cityDivisions(ctx.profile.id);
  if (![city, ...districts].some((division) => division?.code === divisionCode)) {
    throw new InvalidInputError(
      'divisionCode',
      `行政区划代码 ${divisionCode} 不是${city?.name}或其所辖区（县、市）的代码`,
      `${divisionCode} is not the division code of ${ctx.profile.id} or one of its districts`,
    );
  }
}

/** A code not yet in the registry must be the organization's own USCC (GB 32100). */
function checkNewCode(ctx: UseCaseContext, code: string): string {
  const check = checkCode(code, { today: ctx.clock.today() });
  if (check.kind !== 'uscc') {
    throw new InvalidInputError(
      'code',
      `${code} 不是统一社会信用代码，也不是已有单位的代码`,
      `${code} is neither a USCC nor the code of an organization in the registry`,
    );
  }
  if (!check.valid) {
    throw new InvalidInputError(
      'code',
      `统一社会信用代码无效：${check.zh.error}`,
      `invalid USCC: ${check.error}`,
    );
  }
  return check.normalized;
}

function checkExisting(existing: RegisteredOrganization, name: string): void {
  if (NOT_PROVIDERS.includes(existing.kind)) {
    throw new InvalidInputError(
      'code',
      `${existing.name}不能登记为信息提供单位`,
      `${existing.code} (${existing.kind}) cannot be registered as a provider`,
    );
  }
  if (existing.name !== name) {
    throw new InvalidInputError(
      'name',
      `代码 ${existing.code} 已属于“${existing.name}”，与所填名称不符`,
      `code ${existing.code} belongs to ${existing.name}, not ${name}`,
    );
  }
}

/**
 * The center registers an organization as an information provider, with the type the city's regulation
 * allows and the channel its records arrive through: Xiamen's judicial organs and stationed units through
 * their own mechanism (000 第十二条(三); R18), Weihai's other organs and Nantong's associations as voluntary
 * providers whose records follow the same rules (003 第三十七条; 004 第四十一条; R19). An organization already in
 * the registry (a department loaded at set-up) is registered under its code; a new one under its USCC, and
 * of the kind its type says. Registering again changes the type, channel or division.
 */
export async function registerProvider(
  ctx: UseCaseContext,
  input: ProviderRegistrationInput,
): Promise<{ provider: ProviderSummary; created: boolean }> {
  const params = versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
  const registration = { providerType: input.providerType, collectionChannel: input.collectionChannel };
  const problem = providerRegistrationProblem(params, registration);
  if (problem) throw new InvalidInputError(problem.field, problem.zh, problem.en);
  checkDivision(ctx, input.divisionCode);
  const name = input.name.trim();
  const nameEn = input.nameEn?.trim() || null;
  const existing = await findRegisteredOrganization(ctx.db, { code: input.code.trim().toUpperCase() });

  let code: string;
  if (existing) {
    checkExisting(existing, name);
    code = existing.code;
    await updateProviderRegistration(ctx.db, code, {
      ...registration,
      divisionCode: input.divisionCode,
      nameEn: nameEn ?? existing.nameEn,
    });
  } else {
    code = checkNewCode(ctx, input.code);
    const namesake = await findRegisteredOrganization(ctx.db, { name });
    if (namesake) {
      throw new InvalidInputError(
        'name',
        `已有同名单位“${name}”（代码 ${namesake.code}），登记该单位请填写其代码`,
        `an organization named ${name} exists with code ${namesake.code}; register it under that code`,
      );
    }
    await insertOrganizations(
      ctx.db,
      [
        {
          code,
          name,
          nameEn,
          kind: input.providerType.toLowerCase(),
          divisionCode: input.divisionCode,
          isProvider: true,
          ...registration,
        },
      ],
      ctx.clock.now(),
    );
  }
  const registered = await findRegisteredOrganization(ctx.db, { code });
  if (!registered) throw new Error(`organization ${code} vanished while it was being registered`);
  await ctx.audit.record({
    action: 'providers.register',
    objectType: 'organization',
    objectId: code,
    payload: { ...registration, code, name, nameEn: registered.nameEn, divisionCode: input.divisionCode },
    detail: {
      ...registration,
      divisionCode: input.divisionCode,
      created: !existing,
      previous: existing
        ? {
            isProvider: existing.isProvider,
            providerType: existing.providerType,
            collectionChannel: existing.collectionChannel,
            divisionCode: existing.divisionCode,
          }
        : null,
    },
  });
  return { provider: providerSummary(registered), created: !existing };
}
