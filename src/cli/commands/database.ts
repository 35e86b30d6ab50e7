import type { Command } from 'commander';
import { DEFAULT_DEMO_SUBJECTS } from '../../modules/seed/seed-demo-city.ts';
import { seedDemoCityIfEmpty } from '../../modules/seed/seed-if-empty.ts';
import { setUpCity } from '../../modules/seed/set-up-city.ts';
import { clockFor } from '../../platform/config.ts';
import { runUseCase, systemActor } from '../../platform/context.ts';
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

  withInstanceOptions(
    program
      .command('setup')
      .description(
        "初始化正式实例：创建本市信用中心和信息提供单位（若尚无），并创建一名信用中心管理员（临时密码，首次登录须修改）/ set up a real instance: the city's organizations and a first administrator",
      )
      .requiredOption('--admin <username>', "管理员用户名 / the administrator's username")
      .requiredOption('--name <name>', "管理员姓名 / the administrator's name")
      .option('--json', 'machine-readable output'),
  ).action(async (options: InstanceOptions & { admin: string; name: string; json?: boolean }) => {
    const result = await withInstance(io, options, (platform) =>
      runUseCase(platform, systemActor('cli'), (ctx) =>
        setUpCity(ctx, { adminUsername: options.admin, adminName: options.name }),
      ),
    );
    if (options.json) {
      io.stdout(`${JSON.stringify(result)}\n`);
      return;
    }
    io.stdout(
      [
        result.organizationsCreated > 0
          ? `已创建${result.city}的 ${result.organizationsCreated} 个单位（信用中心与信息提供单位）。`
          : `${result.city}的单位已存在，未重复创建。`,
        `管理员 ${result.admin.username} 的临时密码（仅显示一次，首次登录须修改）/ temporary password (shown once; change it at first sign-in):`,
        `  ${result.admin.temporaryPassword}`,
        '',
      ].join('\n'),
    );
  });
};
