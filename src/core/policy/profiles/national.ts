import { localDate } from '../../time/local-date.ts';
import { cite } from '../cited.ts';
import type { NationalBaselineVersion } from '../types.ts';
import { LAWS_AND_ADMINISTRATIVE_REGULATIONS } from './common.ts';

const ORDER_36 = 'NDRC 令第36号《信用修复管理办法》';

/** DESIGN Decision 1: every figure below is from public summaries, so each says so. */
const UNCHECKED =
  'from public summaries of the text (NDRC release of 2025-11-26); article number and figure not yet checked against the final text';

/**
 * The national repair baseline (DESIGN Decision 1) that sits under every city profile from 2026-04-01:
 * dishonest information in three tiers with a minimum publicity period (repair possible once it has passed)
 * and a maximum (publicity stops automatically). Merged with the city rule by `mergeWithNationalBaseline`.
 */
export const NDRC_ORDER_36: NationalBaselineVersion = {
  versionId: 'ndrc-order-36',
  title: '信用修复管理办法（国家发展改革委令第36号）',
  effectiveFrom: cite(localDate(2026, 4, 1), `${ORDER_36} 公布令 (自2026年4月1日起施行)`),
  effectiveTo: cite(null, `${ORDER_36} (no end date)`),
  parameters: {
    publicityStart: cite(
      'DETERMINATION_DATE',
      `${ORDER_36} 第二章 (公示期限自司法、行政公务文书认定之日起开始计算)`,
      `${UNCHECKED}; DESIGN Decision 1 says "counted from publication", the summaries say from the determination date`,
    ),
    tiers: {
      minor: {
        minimumPublicity: cite(null, `${ORDER_36} 第二章 (法定责任履行完毕即可申请修复)`, UNCHECKED),
        maximumPublicity: cite(
          { months: 3 },
          `${ORDER_36} 第二章 (确有必要公示的，公示期最长不超过3个月)`,
          UNCHECKED,
        ),
        publishedByDefault: cite(false, `${ORDER_36} 第二章 (轻微失信信息原则上不予公示)`, UNCHECKED),
      },
      general: {
        minimumPublicity: cite(
          { months: 3 },
          `${ORDER_36} 第二章 (一般失信信息最短公示期为3个月)`,
          UNCHECKED,
        ),
        maximumPublicity: cite({ years: 1 }, `${ORDER_36} 第二章 (一般失信信息最长公示期为1年)`, UNCHECKED),
        publishedByDefault: cite(true, `${ORDER_36} 第二章`, UNCHECKED),
      },
      serious: {
        minimumPublicity: cite({ years: 1 }, `${ORDER_36} 第二章 (严重失信信息最短公示期为1年)`, UNCHECKED),
        maximumPublicity: cite({ years: 3 }, `${ORDER_36} 第二章 (严重失信信息最长公示期为3年)`, UNCHECKED),
        publishedByDefault: cite(true, `${ORDER_36} 第二章`, UNCHECKED),
      },
    },
    listTiers: cite(
      { joint_punishment: 'serious', key_attention: 'serious', black: 'serious' },
      `${ORDER_36} 第四条 (严重失信主体名单信息 is dishonest information); 000 第十条(二)(2) (key attention = serious dishonesty below the joint-punishment threshold)`,
      'our reading: credit warnings and incentive/red lists have no national tier and stay with the city rule',
    ),
    capExemptBasisTypes: cite(
      LAWS_AND_ADMINISTRATIVE_REGULATIONS,
      '立法法 (laws and administrative regulations outrank a department rule such as 令第36号)',
    ),
  },
};

/** Loaded national versions, oldest first. */
export const NATIONAL_BASELINE_VERSIONS: readonly NationalBaselineVersion[] = [NDRC_ORDER_36];
