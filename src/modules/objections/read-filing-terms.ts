import type { ObjectionGround } from '../../core/objections/rules.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type { ReadContext } from '../../platform/context.ts';

export interface FilingTerms {
  /** The grounds the city admits (R121): a form offering another would invite a certain refusal. */
  grounds: ObjectionGround[];
  groundsSource: string;
  /** NT: supporting evidence must come with the application (004 第三十一条). */
  evidenceRequired: boolean;
  evidenceSource: string;
}

/** What an objection may rest on in this city today, and whether evidence must come with it (R121). */
export function readFilingTerms(ctx: Pick<ReadContext, 'profile' | 'clock'>): FilingTerms {
  const { objections } = versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
  return {
    grounds: [...objections.grounds.value],
    groundsSource: objections.grounds.source,
    evidenceRequired: objections.evidenceRequired.value,
    evidenceSource: objections.evidenceRequired.source,
  };
}
