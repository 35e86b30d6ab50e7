import type { Command } from 'commander';
import { acceptObjection } from '../../modules/objections/accept-objection.ts';
import { closeObjection } from '../../modules/objections/close-objection.ts';
import { forwardObjection } from '../../modules/objections/forward-objection.ts';
import { listObjections } from '../../modules/objections/list-objections.ts';
import { presentCase } from '../../modules/objections/present-case.ts';
import type { ObjectionCaseRow, ObjectionOutcome, ObjectionStatus } from '../../modules/objections/store.ts';
import { type Platform, runUseCase, systemActor, type UseCaseContext } from '../../platform/context.ts';
import { withInstance } from '../instance.ts';
import type { CliIO, CommandRegistrar } from '../io.ts';
import { type InstanceOptions, withInstanceOptions } from '../options.ts';

type Options = InstanceOptions & { json?: boolean };

/** One line per case: number, status, received, the next open due date. */
function caseLine(platform: Platform, row: ObjectionCaseRow): string {
  const c = presentCase(row, platform.profile.id);
  const open = c.steps.find((step) => step.completedAt === null);
  const due = open ? `${open.step} 期限 ${open.dueOn}${open.overdue ? ' 逾期' : ''}` : '';
  return `${c.caseNumber.padEnd(14)} ${c.status.padEnd(12)} ${c.receivedOn} ${c.subjectCode} ${due}`.trimEnd();
}

/**
 * The center's objection desk from the shell (000 第二十七条; 003 第二十八条; 004 第三十二条): the same use cases as
 * the API, acting as `system:cli`.
 */
export const registerObjectionCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  const objections = program.command('objections').description('异议处理 / objection cases');

  const caseStep = (
    name: string,
    description: string,
    configure: (command: Command) => Command,
    run: (
      ctx: UseCaseContext,
      caseNumber: string,
      options: Options & Record<string, string>,
    ) => Promise<ObjectionCaseRow>,
  ) =>
    withInstanceOptions(
      configure(
        objections
          .command(name)
          .description(description)
          .argument('<CASE>', '异议案件编号，如 OBJ-XM-12 / case number')
          .option('--json', '输出一个 JSON 对象 / print one JSON object'),
      ),
    ).action(async (caseNumber: string, options: Options & Record<string, string>) => {
      const { platform, row } = await withInstance(io, options, async (platform) => ({
        platform,
        row: await runUseCase(platform, systemActor('cli'), (ctx) => run(ctx, caseNumber, options)),
      }));
      io.stdout(
        options.json
          ? `${JSON.stringify(presentCase(row, platform.profile.id))}\n`
          : `${caseLine(platform, row)}\n`,
      );
    });

  withInstanceOptions(
    objections
      .command('list')
      .description('列出异议案件及其期限 / list objection cases with their due dates')
      .option('--status <STATUS>', 'RECEIVED | NOT_ACCEPTED | ACCEPTED | FORWARDED | VERIFIED | CLOSED')
      .option('--json', 'a JSON array of cases'),
  ).action(async (options: Options & { status?: ObjectionStatus }) => {
    const { platform, rows } = await withInstance(io, options, async (platform) => ({
      platform,
      rows: await runUseCase(platform, systemActor('cli'), (ctx) =>
        listObjections(ctx, { kind: 'CENTER', ...(options.status ? { statuses: [options.status] } : {}) }),
      ),
    }));
    if (options.json) {
      io.stdout(`${JSON.stringify(rows.map((row) => presentCase(row, platform.profile.id)))}\n`);
      return;
    }
    for (const row of rows) io.stdout(`${caseLine(platform, row)}\n`);
    io.stdout(`共 ${rows.length} 件 / ${rows.length} cases\n`);
  });

  caseStep(
    'accept',
    '受理异议，或以 --decline 说明理由不予受理 / accept, or decline with a reason',
    (command) => command.option('--decline <REASON>', '不予受理的理由 / decline, for this reason'),
    (ctx, caseNumber, options) =>
      acceptObjection(ctx, {
        caseNumber,
        decision: options.decline === undefined ? 'ACCEPT' : 'DECLINE',
        reason: options.decline ?? null,
      }),
  );

  caseStep(
    'forward',
    '记录比对结果并转交信息提供单位核查 / record the comparison and forward to the provider',
    (command) => command.option('--comparison <RESULT>', 'CONSISTENT | INCONSISTENT（厦门、威海必填）'),
    (ctx, caseNumber, options) =>
      forwardObjection(ctx, {
        caseNumber,
        comparison: (options.comparison as 'CONSISTENT' | 'INCONSISTENT' | undefined) ?? null,
      }).then((result) => result.case),
  );

  caseStep(
    'close',
    '办结并告知申请人 / close the case and notify the applicant',
    (command) =>
      command
        .option('--outcome <OUTCOME>', 'CORRECTED | DELETED | SUPPLEMENTED | REJECTED；缺省按核查结果')
        .option('--reasons <TEXT>', '理由；缺省为信息提供单位的理由 / reasons'),
    (ctx, caseNumber, options) =>
      closeObjection(ctx, {
        caseNumber,
        outcome: (options.outcome as ObjectionOutcome | undefined) ?? null,
        reasons: options.reasons ?? null,
      }),
  );
};
