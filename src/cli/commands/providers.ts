import type { Command } from 'commander';
import { listProviders } from '../../modules/organizations/list-providers.ts';
import { withInstance } from '../instance.ts';
import type { CliIO, CommandRegistrar } from '../io.ts';
import { type InstanceOptions, withInstanceOptions } from '../options.ts';

export const registerProviderCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  const providers = program.command('providers').description('信息提供单位 / information providers');
  withInstanceOptions(
    providers
      .command('list')
      .description('列出信息提供单位 / list the providers')
      .option('--json', 'a JSON array of {code, name, nameEn, kind, divisionCode}'),
  ).action(async (options: InstanceOptions & { json?: boolean }) => {
    const list = await withInstance(io, options, (platform) => listProviders(platform.db));
    if (options.json) {
      io.stdout(`${JSON.stringify(list)}\n`);
      return;
    }
    for (const p of list) io.stdout(`${p.code.padEnd(14)} ${p.name}\n`);
    io.stdout(`共 ${list.length} 个 / ${list.length} providers\n`);
  });
};
