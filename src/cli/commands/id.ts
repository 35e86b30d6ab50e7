import type { Command } from 'commander';
import { CODE_KIND_LABELS, type CodeCheck, checkCode, type PassportType } from '../../core/identity/index.ts';
import { InvalidDateError, type LocalDate, parseLocalDate } from '../../core/time/local-date.ts';
import { type Clock, shiftedClock, systemClock } from '../../platform/clock.ts';
import { CliError, type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';

/** Birth dates are checked against GONGXIN_TODAY when set, so demos and tests can move the date. */
function clockFrom(env: CliIO['env']): Clock {
  const configured = env.GONGXIN_TODAY;
  if (configured === undefined || configured === '') return systemClock;
  try {
    return shiftedClock(parseLocalDate(configured));
  } catch (error) {
    if (error instanceof InvalidDateError) throw new CliError(`GONGXIN_TODAY: ${error.message}`);
    throw error;
  }
}

const GENDER_ZH = { male: '男', female: '女' } as const;
const PASSPORT_TYPE_ZH: Record<PassportType, string> = {
  ordinary: '普通护照',
  diplomatic: '外交护照',
  service: '公务护照',
  public_affairs: '公务普通护照',
};
const RESIDENCE_ZH = { HK: '香港居民', MO: '澳门居民', TW: '台湾居民' } as const;
const TAIWAN_PERMIT_FORMAT_ZH = {
  card: '卡式（2015 年起）',
  legacy: '旧版本式',
  single_entry: '一次有效',
} as const;

function personZh(person: {
  birthDate: LocalDate | null;
  gender: 'male' | 'female';
  age: number | null;
}): string[] {
  if (person.birthDate === null) return [];
  return [`出生日期 ${person.birthDate.toString()}`, GENDER_ZH[person.gender], `${person.age} 周岁`];
}

/** The decoded parts worth a glance, in Chinese. */
function detailsZh(result: CodeCheck): string[] {
  switch (result.kind) {
    case 'uscc': {
      const { registrationAuthority, organizationType, region, organizationCode } = result.details;
      return [
        `登记管理部门 ${registrationAuthority.code} ${registrationAuthority.name ?? '（未定义）'}`,
        `机构类别 ${organizationType.code} ${organizationType.name ?? '（未列明）'}`,
        `登记机关行政区划 ${region.code} ${region.name ?? '（未知）'}`,
        `组织机构代码 ${organizationCode}`,
      ];
    }
    case 'resident_id':
      return [
        ...personZh(result.details),
        `地址码 ${result.details.region.code} ${result.details.region.name ?? '（未知）'}`,
      ];
    case 'passport': {
      const { issuingCountry, passportType } = result.details;
      return issuingCountry === 'CHN' && passportType !== null
        ? [`中国${PASSPORT_TYPE_ZH[passportType]}`]
        : ['签发国未知'];
    }
    case 'hk_macao_permit':
      return [RESIDENCE_ZH[result.details.residence]];
    case 'taiwan_permit':
      return [TAIWAN_PERMIT_FORMAT_ZH[result.details.format]];
    case 'foreign_permanent_residence': {
      const { nationality, issuingProvince, person } = result.details;
      return [
        `国籍代码 ${nationality}`,
        ...(issuingProvince === null ? [] : [`受理地 ${issuingProvince.name ?? issuingProvince.code}`]),
        ...(person === null ? [] : personZh(person)),
      ];
    }
    case 'hmt_residence_permit':
      return [RESIDENCE_ZH[result.details.residence], ...personZh(result.details)];
    case 'unknown':
      return [];
  }
}

/** One readable line per code (Chinese first, English in brackets), warnings indented below it. */
function formatReadable(result: CodeCheck): string {
  const label = CODE_KIND_LABELS[result.kind].zh;
  const normalized = result.normalized === result.input.trim() ? '' : `（规范为 ${result.normalized}）`;
  const head = `${result.valid ? '✓' : '✗'} ${result.input.trim()}${normalized} ${label}`;
  const verdict = result.valid
    ? ['有效', ...detailsZh(result)].join('，')
    : `无效：${result.zh.error} (${result.error})`;
  const warnings = result.warnings.map(
    (warning, index) => `\n    提示：${result.zh.warnings[index]} (${warning})`,
  );
  return `${head} ${verdict}${warnings.join('')}\n`;
}

/** The fixed `--json` shape of `id check`: one object per code, one per line. */
function formatJson(result: CodeCheck): string {
  const { input, valid, kind, normalized, details, warnings, error } = result;
  return `${JSON.stringify({ input, valid, kind, normalized, details, warnings, error })}\n`;
}

export const registerIdCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  const id = program
    .command('id')
    .description(
      '主体标识：统一社会信用代码、居民身份证号码及其他身份证件 / subject identifiers: USCC, resident ID and other documents',
    );

  id.command('check')
    .description(
      '识别并校验代码（出生日期按 GONGXIN_TODAY 或当天校验；全部有效时退出码为 0，否则为 1）/ recognise and check each CODE (exit 1 unless all are valid)',
    )
    .argument('<CODE...>', '代码 / codes: USCC, ID number, passport, permit …')
    .option('--json', '每个代码一行 JSON / one JSON object per line')
    .action((codes: string[], options: { json?: boolean }) => {
      const today = clockFrom(io.env).today();
      for (const code of codes) {
        const result = checkCode(code, { today });
        io.stdout(options.json ? formatJson(result) : formatReadable(result));
        if (!result.valid) io.setExitCode(EXIT_NEGATIVE);
      }
    });
};
