import fs from 'node:fs';
import type { Command } from 'commander';
import type { GovernmentQueryDeclaration } from '../../core/queries/government-query.ts';
import type { Querier } from '../../modules/disclosure/record-query.ts';
import { findOrganization } from '../../modules/organizations/store.ts';
import type { ReportDocument } from '../../modules/reports/document.ts';
import { issueGovernmentReport } from '../../modules/reports/issue-government-report.ts';
import { issueOwnReport } from '../../modules/reports/issue-own-report.ts';
import { issuePublicReport } from '../../modules/reports/issue-public-report.ts';
import { presentIssued } from '../../modules/reports/present-issued.ts';
import { renderReportFile } from '../../modules/reports/render-report-file.ts';
import { loadReportSettings } from '../../modules/reports/settings.ts';
import { verifyReport } from '../../modules/reports/verify-report.ts';
import { runUseCase, systemActor } from '../../platform/context.ts';
import { withInstance } from '../instance.ts';
import { CliError, type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';
import { type InstanceOptions, withInstanceOptions } from '../options.ts';

interface ReportOptions extends InstanceOptions {
  as: string;
  pdf?: string;
  json?: boolean;
  agency?: string;
  scenario?: string;
  basis?: string;
  purpose?: string;
  case?: string;
  identityChecked: string;
}

/** The option that carries each field of a government query's declaration. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  scenario: 'scenario',
  scenarioBasis: 'basis',
  purpose: 'purpose',
  caseReference: 'case',
  items: 'agency',
  operator: 'agency',
};

const CLI_QUERIER: Querier = {
  account: 'system:cli',
  accountName: '命令行操作员',
  organizationCode: null,
  organizationName: null,
};

/** The report as text: what a clerk reads in a terminal before printing the PDF. */
export function formatReport(document: ReportDocument): string {
  const lines = [
    '公共信用信息报告',
    `报告编码 ${document.number}`,
    `查询时间 ${document.queryTime}`,
    `出具机构 ${document.issuer}`,
    `信息主体 ${document.subject.name}（${document.subject.code}）`,
  ];
  if (document.subject.linkedCodes.length > 0)
    lines.push(`关联证件 ${document.subject.linkedCodes.join('、')}`);
  if (document.purpose) lines.push(`查询用途 ${document.purpose}`);
  for (const statement of document.statements) lines.push(statement);
  for (const section of document.sections) {
    lines.push('', `【${section.title}】`);
    if (section.records.length === 0) lines.push('  无记录');
    for (const record of section.records) {
      const markers = record.markers.length > 0 ? `〔${record.markers.join('、')}〕` : '';
      lines.push(`  ${record.itemName} — ${record.providerName} ${record.recordStart ?? ''}${markers}`);
      for (const field of record.fields) lines.push(`    ${field.label}：${field.value}`);
    }
  }
  lines.push('', `核验 ${document.verificationUrl}`, '');
  return lines.join('\n');
}

async function governmentQuerier(
  db: Parameters<typeof findOrganization>[0],
  agency: string | undefined,
): Promise<Querier> {
  if (!agency) return CLI_QUERIER;
  const organization = await findOrganization(db, agency);
  if (!organization) throw new CliError(`--agency: 没有单位 ${agency} / no such organization`);
  return { ...CLI_QUERIER, organizationCode: organization.code, organizationName: organization.name };
}

export const registerReportCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  withInstanceOptions(
    program
      .command('report')
      .description(
        '出具某查询者今天可得的公共信用报告（签名、存档、记入查询日志） / issue the report a viewer would get today',
      )
      .argument('<CODE>', '信用主体代码（统一社会信用代码或身份证号） / the subject’s code')
      .requiredOption('--as <VIEWER>', 'public | self | gov')
      .option('--pdf <FILE>', '同时写出签名的 PDF / also write the signed PDF')
      .option('--json', '输出 JSON / print JSON')
      .option('--agency <ORG>', 'gov：查询单位代码（决定可用的政务共享事项） / the querying agency')
      .option('--scenario <TEXT>', 'gov：查询场景或用途（见 GET /api/v1/gov/scenarios）')
      .option('--basis <TEXT>', 'gov：“其他情形”所依据的规定或具体用途')
      .option('--purpose <TEXT>', 'gov：查询事由')
      .option('--case <REF>', 'gov：办件或案件编号')
      .option(
        '--identity-checked <TEXT>',
        'self：现场核验本人有效身份证件的记录 / how the subject’s identity document was checked (R76)',
        '操作员现场核验本人有效身份证件',
      ),
  ).action(async (code: string, options: ReportOptions) => {
    if (!['public', 'self', 'gov'].includes(options.as)) {
      throw new CliError(
        `--as: 须为 public、self 或 gov / must be public, self or gov (got "${options.as}")`,
      );
    }
    await withInstance(io, options, async (platform, _handle, config) => {
      const settings = loadReportSettings({
        env: io.env,
        dataDir: config.dataDir,
        production: config.production,
        warn: (message) => io.stderr(`${message}\n`),
        port: config.port,
      });
      const declaration: GovernmentQueryDeclaration = {
        scenario: options.scenario ?? null,
        scenarioBasis: options.basis ?? null,
        purpose: options.purpose ?? null,
        caseReference: options.case ?? null,
      };
      const report = await runUseCase(platform, systemActor('cli'), async (ctx) => {
        if (options.as === 'public') return issuePublicReport(ctx, settings, { code, channel: 'CLI' });
        if (options.as === 'self') {
          return issueOwnReport(ctx, settings, {
            channel: 'CLI',
            code,
            verification: options.identityChecked,
            querier: CLI_QUERIER,
          });
        }
        const result = await issueGovernmentReport(ctx, settings, {
          ...declaration,
          code,
          channel: 'CLI',
          operator: CLI_QUERIER.account,
          querier: await governmentQuerier(ctx.db, options.agency),
        });
        return result.refused ? result.refused : result.report;
      });
      if ('field' in report) {
        // A refused government query is logged (R84); the operator learns which option to add.
        const option = OPTION_OF_FIELD[report.field] ?? report.field;
        throw new CliError(`--${option}: ${report.zh} / ${report.en} (${report.code})`);
      }
      if (options.pdf) {
        const file = await runUseCase(platform, systemActor('cli'), (ctx) =>
          renderReportFile(ctx, { number: report.number, code: report.verificationCode }),
        );
        fs.writeFileSync(options.pdf, file.pdf);
      }
      io.stdout(
        options.json ? `${JSON.stringify(presentIssued(report), null, 2)}\n` : formatReport(report.document),
      );
    });
  });

  withInstanceOptions(
    program
      .command('verify-report')
      .description('核验公共信用报告真伪：报告 PDF 文件或报告编码 / verify a report file or number')
      .argument('<FILE_OR_NUMBER>', '报告 PDF 文件，或报告编码 RPT-… / a report PDF, or its number')
      .option(
        '--code <CODE>',
        '报告上的验证码，用于显示报告内容 / the verification code, to show the content',
      )
      .option('--json', '输出 JSON / print JSON'),
  ).action(async (target: string, options: InstanceOptions & { code?: string; json?: boolean }) => {
    const isFile = fs.existsSync(target) && fs.statSync(target).isFile();
    await withInstance(io, options, async (platform) => {
      const result = await verifyReport(
        platform,
        isFile ? { file: fs.readFileSync(target) } : { number: target, code: options.code },
      );
      if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else {
        io.stdout(`${result.message.zh} / ${result.message.en}\n`);
        if (result.metadata) {
          const m = result.metadata;
          io.stdout(
            `报告编码 ${m.number}\n信息主体 ${m.subjectCode}\n查询时间 ${m.queryTime}\n出具机构 ${m.issuer}\n内容摘要 SM3 ${m.contentHash}\n签名 ${m.signatureAlgorithm} ${m.signingKeyId}\n`,
          );
        }
        if (result.document) io.stdout(`\n${formatReport(result.document)}`);
      }
      if (!result.authentic) io.setExitCode(EXIT_NEGATIVE);
    });
  });
};
