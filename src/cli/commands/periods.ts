import type { Command } from 'commander';
import { type ProfileId, resolveProfileId } from '../../core/policy/profile-id.ts';
import {
  computeRecordPeriods,
  type PeriodRejectionCode,
  type PeriodState,
  type RecordPeriodInput,
  type RecordPeriods,
  type RepairNote,
} from '../../core/policy/record-periods.ts';
import { loadProfile, versionInForce } from '../../core/policy/resolver.ts';
import {
  type CategoryCode,
  LEGAL_BASIS_TYPES,
  type LegalBasisType,
  LIST_TYPES,
  type ListType,
  type PolicyProfile,
  type ProfileVersion,
  SEVERITIES,
  type Severity,
} from '../../core/policy/types.ts';
import { InvalidDateError, type LocalDate, parseLocalDate } from '../../core/time/local-date.ts';
import { InvalidPeriodError, type Period, parsePeriod } from '../../core/time/period.ts';
import { CliError, type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';

interface PeriodsOptions {
  profile?: string;
  category: string;
  severity?: string;
  list?: string;
  decided: string;
  actEnded?: string;
  published?: string;
  accepted?: string;
  itemPeriod?: string;
  itemBasis?: string;
  override?: string;
  overrideBasis?: string;
  corrected?: string;
  validUntil?: string;
  cancelled?: string;
  terminated?: string;
  died?: string;
  retention?: string;
  json?: boolean;
}

/** The option that supplies each input field, so a rejection can name what to fix. */
const OPTION_FOR_FIELD: Record<keyof RecordPeriodInput, string> = {
  category: '--category',
  severity: '--severity',
  list: '--list',
  decidedOn: '--decided',
  actEndedOn: '--act-ended',
  publishedOn: '--published',
  acceptedOn: '--accepted',
  itemPeriod: '--item-period',
  itemPeriodBasis: '--item-basis',
  override: '--override',
  correctedOn: '--corrected',
  validUntil: '--valid-until',
  cancelledOn: '--cancelled',
  subjectTerminatedOn: '--terminated',
  subjectDiedOn: '--died',
  retentionPeriod: '--retention',
};

/** Rejections that mean the options were incomplete or do not fit the profile: usage errors, not answers. */
const USAGE_REJECTIONS: ReadonlySet<PeriodRejectionCode> = new Set([
  'ACCEPTED_BEFORE_DECIDED',
  'CATEGORY_NOT_IN_PROFILE',
  'LIST_TYPE_NOT_IN_PROFILE',
  'LIST_CATEGORY_MISMATCH',
  'SEVERITY_NOT_IN_PROFILE',
  'DISCLOSURE_PERIOD_UNDETERMINED',
  'MISSING_ITEM_PERIOD',
  'MISSING_PUBLICATION_DATE',
]);

const STATE_ZH: Record<PeriodState, string> = {
  ACTIVE: '在库公示',
  EXPIRED_ARCHIVED: '公示期满，自动归档，不再提供查询',
  EXPIRED_REMOVED: '披露期满，从网站删除，不再提供查询',
  EXPIRED_UNPUBLISHED: '有效期满，不再公开发布，不再作为惩戒依据',
  RECORD_PERIOD_ENDED: '记录期限届满，不再提供查询',
  NOT_PUBLISHED: '轻微失信信息，原则上不予公示',
};

const REPAIR_NOTE_ZH: Record<RepairNote, string> = {
  NOT_DISHONEST: '非失信信息，不涉及信用修复',
  NO_REPAIR_RULE: '本地规定未设此类信息的修复规则',
  DEPENDS_ON_CORRECTION_DATE: '取决于纠正日期（请用 --corrected 给出）',
  NOT_ELIGIBLE_BEFORE_EXPIRY: '期限届满前无法满足修复条件',
  NOT_PUBLISHED: '不予公示，无需修复',
};

const SEVERITY_ZH: Record<Severity, string> = { general: '一般失信', serious: '严重失信', minor: '轻微失信' };

function dateOption(text: string, option: string): LocalDate {
  try {
    return parseLocalDate(text);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new CliError(`${option}: ${error.message}`);
    throw error;
  }
}

function optionalDate(text: string | undefined, option: string): LocalDate | undefined {
  return text === undefined ? undefined : dateOption(text, option);
}

function periodOption(text: string | undefined, option: string): Period | undefined {
  if (text === undefined) return undefined;
  try {
    return parsePeriod(text);
  } catch (error) {
    if (error instanceof InvalidPeriodError) throw new CliError(`${option}: ${error.message}`);
    throw error;
  }
}

function choice<T extends string>(
  text: string | undefined,
  option: string,
  accepted: readonly T[],
): T | undefined {
  if (text === undefined) return undefined;
  const value = text.trim();
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${option}: "${text}" is not accepted; expected one of ${accepted.join(', ')}`);
}

function profileOption(options: PeriodsOptions, env: CliIO['env']): PolicyProfile {
  let id: ProfileId;
  try {
    id = resolveProfileId(options.profile ?? env.GONGXIN_PROFILE);
  } catch (error) {
    throw new CliError(
      `${options.profile === undefined ? 'GONGXIN_PROFILE' : '--profile'}: ${(error as Error).message}`,
    );
  }
  return loadProfile(id);
}

/** A category by code name or by the profile's own Chinese name (e.g. 负面信息 → dishonest). */
function categoryOption(text: string, version: ProfileVersion): CategoryCode {
  const categories = version.parameters.catalog.categories.value;
  const value = text.trim();
  const found = categories.find((category) => category.code === value || category.names.includes(value));
  if (found !== undefined) return found.code;
  const accepted = categories.map((category) => `${category.code} (${category.names.join('/')})`);
  throw new CliError(
    `--category: "${text}" is not a category of this profile; expected one of ${accepted.join(', ')}`,
  );
}

function overrideOption(options: PeriodsOptions): RecordPeriodInput['override'] {
  const period = periodOption(options.override, '--override');
  const basisType = choice<LegalBasisType>(options.overrideBasis, '--override-basis', LEGAL_BASIS_TYPES);
  if (period === undefined && basisType === undefined) return undefined;
  if (period === undefined)
    throw new CliError('--override-basis: needs --override with the period, e.g. --override 5y');
  if (basisType === undefined) {
    throw new CliError(`--override: needs --override-basis, one of ${LEGAL_BASIS_TYPES.join(', ')}`);
  }
  return { period, basisType };
}

function readInput(options: PeriodsOptions, profile: PolicyProfile): RecordPeriodInput {
  const decidedOn = dateOption(options.decided, '--decided');
  const acceptedOn = optionalDate(options.accepted, '--accepted');
  const { version } = versionInForce(profile, acceptedOn ?? decidedOn);
  return {
    category: categoryOption(options.category, version),
    severity: choice<Severity>(options.severity, '--severity', SEVERITIES),
    list: choice<ListType>(options.list, '--list', LIST_TYPES),
    decidedOn,
    actEndedOn: optionalDate(options.actEnded, '--act-ended'),
    publishedOn: optionalDate(options.published, '--published'),
    acceptedOn,
    itemPeriod: periodOption(options.itemPeriod, '--item-period'),
    itemPeriodBasis: choice<LegalBasisType>(options.itemBasis, '--item-basis', LEGAL_BASIS_TYPES),
    override: overrideOption(options),
    correctedOn: optionalDate(options.corrected, '--corrected'),
    validUntil: optionalDate(options.validUntil, '--valid-until'),
    cancelledOn: optionalDate(options.cancelled, '--cancelled'),
    subjectTerminatedOn: optionalDate(options.terminated, '--terminated'),
    subjectDiedOn: optionalDate(options.died, '--died'),
    retentionPeriod: periodOption(options.retention, '--retention'),
  };
}

function line(labelZh: string, labelEn: string, value: string, source: string | undefined): string {
  return `${labelZh} ${labelEn}：${value}${source === undefined ? '' : `　〔${source}〕`}\n`;
}

/** Chinese-first readable answer. */
function formatReadable(result: RecordPeriods, profile: PolicyProfile, input: RecordPeriodInput): string {
  const { version } = versionInForce(profile, input.acceptedOn ?? input.decidedOn);
  const { periods, catalog } = version.parameters;
  const categoryName = catalog.categories.value.find((category) => category.code === input.category)
    ?.names[0];
  const kind = [categoryName, input.severity && SEVERITY_ZH[input.severity], input.list]
    .filter(Boolean)
    .join(' · ');
  const { citations } = result;
  let text = `${profile.nameZh}（${result.profileVersion}）· ${kind} · 决定日期 ${input.decidedOn}\n`;
  if (result.profileLapse !== null) {
    text += `注意：受理日 ${result.acceptedOn} 不在该版本施行期内，继续适用最后加载的版本（${result.profileLapse}）\n`;
  }
  if (result.nationalBaseline !== null)
    text += `适用国家信用修复规则 national baseline：${result.nationalBaseline}\n`;
  for (const rejection of result.rejections) {
    text += `✗ ${rejection.code}（${OPTION_FOR_FIELD[rejection.field]}）：${rejection.message}\n`;
  }
  if (result.stateOnAcceptance === null) return text;
  text += line('记录起始日', 'record start', result.recordStart ?? '—', citations.recordStart);
  text += line(
    '起算日',
    'period start',
    result.disclosureStart ?? '行为尚未终止 (ongoing)',
    citations.disclosureStart,
  );
  const lastDay = result.disclosureLastDay ?? (result.openEnded ? '无截止日（持续至行为终止或撤销）' : '—');
  text += line(`${periods.termZh.value}最后一日`, 'last day', lastDay, citations.disclosureLastDay);
  if (result.expiresOn !== null && result.expiryState !== null) {
    text += line(
      '状态变更',
      'state change',
      `${result.expiresOn} 起 ${result.expiryState}（${STATE_ZH[result.expiryState]}）`,
      citations.expiryState,
    );
  }
  const repair = result.repairEligibleFrom ?? `—（${REPAIR_NOTE_ZH[result.repairNote ?? 'NO_REPAIR_RULE']}）`;
  text += line(
    '可申请信用修复',
    'repair from',
    repair,
    result.repairEligibleFrom === null ? undefined : citations.repairEligibleFrom,
  );
  text += line(
    '记录保存至',
    'kept until',
    result.recordPeriodEnd ?? '长期保存，不删除',
    citations.recordPeriodEnd,
  );
  if (result.disposalReviewFrom !== null)
    text += line('进入处置审核', 'disposal review', result.disposalReviewFrom, undefined);
  text += line(
    '受理时状态',
    'state on acceptance',
    `${result.stateOnAcceptance}（${STATE_ZH[result.stateOnAcceptance]}）`,
    undefined,
  );
  return text;
}

export const registerPeriodsCommand: CommandRegistrar = (program: Command, io: CliIO) => {
  program
    .command('periods')
    .description(
      '按政策配置计算一条记录的记录期限、公示期限与可申请信用修复日 / record start, last disclosure day and first repair day of a record under a profile',
    )
    .option(
      '--profile <PROFILE>',
      '城市政策配置 / xiamen | weihai | nantong (default: GONGXIN_PROFILE, then xiamen)',
    )
    .requiredOption(
      '--category <CATEGORY>',
      '信息分类 / basic | good | dishonest | other (NT), or the city’s own name, e.g. 失信信息, 负面信息',
    )
    .option(
      '--severity <SEVERITY>',
      `失信程度 / ${SEVERITIES.join(' | ')} (minor: national baseline, from 2026-04-01)`,
    )
    .option('--list <LIST>', `名单类型 / ${LIST_TYPES.join(' | ')}`)
    .requiredOption(
      '--decided <DATE>',
      '文书出具日 / 认定日 / 列入日 — document issue, determination or listing date, YYYY-MM-DD',
    )
    .option('--act-ended <DATE>', '失信行为终止日 (WH) / date the act ended; absent = ongoing')
    .option('--published <DATE>', '公示日 / publication date, when a profile counts from publication')
    .option('--accepted <DATE>', '受理日 / acceptance date (default: --decided); selects the profile version')
    .option(
      '--item-period <PERIOD>',
      '目录事项期限 / the catalog item period, e.g. 3y, 18m (WH data-list P, NT 使用期限)',
    )
    .option(
      '--item-basis <TYPE>',
      `事项期限依据 / legal basis of the item period: ${LEGAL_BASIS_TYPES.join(' | ')}`,
    )
    .option('--override <PERIOD>', '法律法规规章另有规定的期限 / a per-record period override, e.g. 5y')
    .option(
      '--override-basis <TYPE>',
      `另有规定的依据类型 / basis of the override: ${LEGAL_BASIS_TYPES.join(' | ')}`,
    )
    .option('--corrected <DATE>', '纠正日 (NT) / date the act was corrected')
    .option('--valid-until <DATE>', '守信信息有效期 (XM) / validity end stated on good information')
    .option('--cancelled <DATE>', '守信信息取消日 (XM) / date good information was cancelled')
    .option('--terminated <DATE>', '组织终止日 (XM basic) / date the organization terminated')
    .option('--died <DATE>', '自然人死亡日 (XM basic) / date the natural person died')
    .option('--retention <PERIOD>', '保存期限 (NT) / catalog retention period after validity, e.g. 5y')
    .option('--json', '机器可读输出 / machine-readable output')
    .action((options: PeriodsOptions) => {
      const profile = profileOption(options, io.env);
      const input = readInput(options, profile);
      const result = computeRecordPeriods(profile, input);
      const usageError = result.rejections.find((rejection) => USAGE_REJECTIONS.has(rejection.code));
      if (usageError !== undefined) {
        throw new CliError(`${OPTION_FOR_FIELD[usageError.field]}: ${usageError.message}`);
      }
      io.stdout(
        options.json ? `${JSON.stringify(result, null, 2)}\n` : formatReadable(result, profile, input),
      );
      if (result.stateOnAcceptance === null) io.setExitCode(EXIT_NEGATIVE);
    });
};
