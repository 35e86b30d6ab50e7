import type { Command } from 'commander';
import { DEFAULT_DEMO_SUBJECTS } from '../../modules/seed/seed-demo-city.ts';
import { seedDemoCityIfEmpty } from '../../modules/seed/seed-if-empty.ts';
import { clockFor } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrations.ts';
import { withInstance } from '../instance.ts';
import { CliError, type CliIO, type CommandRegistrar } from '../io.ts';
import { asCliError, type InstanceOptions, instanceConfig, withInstanceOptions } from '../options.ts';
import { formatDemoAccounts } from './server.ts';

function parseCount(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
    throw new CliError(`${option}: "${value}" is not a whole number from 0 to 1000000`);
  }
  return n;
}

async function runMigrate(io: CliIO, options: InstanceOptions & { json?: boolean }): Promise<void> {
  const config = instanceConfig(io, options);
  const clock = clockFor(config);
  try {
    const handle = await openDatabase(config, clock.now());
    try {
      const applied = await migrate(handle, clock.now());
      if (options.json) io.stdout(`${JSON.stringify({ database: handle.kind, applied })}\n`);
      else
        io.stdout(
          applied.length
            ? `applied:\n${applied.map((m) => `  ${m}\n`).join('')}`
            : 'migrations are current\n',
        );
    } finally {
      await handle.close();
    }
  } catch (error) {
    asCliError(error);
  }
}

export const registerDatabaseCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  withInstanceOptions(
    program
      .command('migrate')
      .description('执行未执行的数据库迁移 / apply pending database migrations')
      .option('--json', 'machine-readable output'),
  ).action((options: InstanceOptions & { json?: boolean }) => runMigrate(io, options));

  withInstanceOptions(
    program
      .command('seed')
      .description(
        '在空库中创建演示城市（信息提供单位、信用主体、演示账号）/ create the demo city in an empty database',
      )
      .option('--subjects <n>', `信用主体数量 / number of subjects (default ${DEFAULT_DEMO_SUBJECTS})`)
      .option('--json', 'machine-readable output'),
  ).action(async (options: InstanceOptions & { subjects?: string; json?: boolean }) => {
    const subjects =
      options.subjects === undefined ? DEFAULT_DEMO_SUBJECTS : parseCount(options.subjects, '--subjects');
    if (instanceConfig(io, options).production) {
      throw new CliError(
        '生产环境（NODE_ENV=production）不创建演示数据：演示账号的密码是公开的 / the demo city is not created in production: its accounts’ password is published',
      );
    }
    const result = await withInstance(io, options, (platform) => seedDemoCityIfEmpty(platform, subjects));
    if (options.json) io.stdout(`${JSON.stringify(result)}\n`);
    else if (result.created) io.stdout(formatDemoAccounts(result));
    else io.stdout('数据库已有数据，未重复创建演示数据 / the database already holds data; nothing seeded\n');
  });
};
