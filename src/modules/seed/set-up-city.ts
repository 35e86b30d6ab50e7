import type { UseCaseContext } from '../../platform/context.ts';
import { createAccount } from '../accounts/create-account.ts';
import { installDefaultCatalog } from '../catalog/default-catalog/index.ts';
import { hasAnyOrganization } from '../organizations/has-any.ts';
import { insertOrganizations } from '../organizations/store.ts';
import { demoCities } from './data/index.ts';
import { cityOrganizations } from './seed-demo-city.ts';

export interface CitySetUp {
  city: string;
  /** How many organizations were created; 0 when the instance already held them. */
  organizationsCreated: number;
  admin: { username: string; temporaryPassword: string };
}

/**
 * Sets up a real instance (production, where no demo data is ever created): the city's credit center and
 * provider departments when there are none yet, and an administrator of the credit center whose temporary
 * password must be changed at first sign-in. Run again, it only adds another administrator.
 */
export async function setUpCity(
  ctx: UseCaseContext,
  input: { adminUsername: string; adminName: string },
): Promise<CitySetUp> {
  const { center, providers } = cityOrganizations(ctx.profile.id);
  let organizationsCreated = 0;
  if (!(await hasAnyOrganization(ctx.db))) {
    await insertOrganizations(ctx.db, [center, ...providers], ctx.clock.now());
    organizationsCreated = providers.length + 1;
    await ctx.audit.record({
      action: 'setup.organizations',
      objectType: 'instance',
      objectId: ctx.profile.id,
      payload: [center, ...providers].map((o) => o.code),
      detail: { organizations: organizationsCreated },
    });
  }
  await installDefaultCatalog(ctx, { departments: providers });
  const created = await createAccount(
    ctx,
    {
      username: input.adminUsername,
      displayName: input.adminName,
      role: 'center_admin',
      organizationCode: center.code,
    },
    null,
  );
  return {
    city: demoCities[ctx.profile.id].name,
    organizationsCreated,
    admin: { username: created.account.username, temporaryPassword: created.temporaryPassword },
  };
}
