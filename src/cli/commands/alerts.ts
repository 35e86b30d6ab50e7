import type { Command } from 'commander';
import { listAdminAlerts } from '../../modules/alerts/list-admin-alerts.ts';
import { withInstance } from '../instance.ts';
import { type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';
import { type InstanceOptions, withInstanceOptions } from '../options.ts';

export const registerAlertCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  withInstanceOptions(
    program
      .command('alerts')
      .description(
        "管理员今日须处理的提醒（政策配置失效、节假日安排未载入），有提醒时退出码为 1 / today's alerts for administrators (exit 1 when any)",
      )
      .option('--json', 'a JSON array of {code, zh, en}'),
  ).action(async (options: InstanceOptions & { json?: boolean }) => {
    const alerts = await withInstance(io, options, (platform) => listAdminAlerts(platform));
    if (options.json) io.stdout(`${JSON.stringify(alerts)}\n`);
    else if (alerts.length === 0) io.stdout('无提醒 / no alerts\n');
    else for (const alert of alerts) io.stdout(`[${alert.code}] ${alert.zh}\n  ${alert.en}\n`);
    if (alerts.length > 0) io.setExitCode(EXIT_NEGATIVE);
  });
};
