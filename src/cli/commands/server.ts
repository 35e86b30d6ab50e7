import type { Command } from 'commander';
import { startServer } from '../../http/server.ts';
import { DEFAULT_DEMO_SUBJECTS, type SeedResult } from '../../modules/seed/seed-demo-city.ts';
import { seedDemoCityIfEmpty } from '../../modules/seed/seed-if-empty.ts';
import { createLogger } from '../../platform/logger.ts';
import { ensureWebBuild, WEB_DIST_DIR } from '../../platform/web-build.ts';
import type { CliIO, CommandRegistrar } from '../io.ts';
import { asCliError, type InstanceOptions, instanceConfig, withInstanceOptions } from '../options.ts';

interface ServeOptions extends InstanceOptions {
  port?: string;
  buildWeb?: boolean;
  web: boolean;
  seed: boolean;
}

export function formatDemoAccounts(result: SeedResult): string {
  const roleWidth = Math.max(...result.accounts.map((a) => a.role.length));
  const lines = result.accounts.map(
    (a) =>
      `  ${a.username.padEnd(10)} ${a.role.padEnd(roleWidth)} ${a.displayName}` +
      (a.subjectCode
        ? `（实名认证演示用身份证号 / ID number for the real-name demo: ${a.subjectCode}）`
        : ''),
  );
  return [
    `已创建演示城市 ${result.city}：${result.providers} 个信息提供单位，${result.subjects} 个信用主体。`,
    `Demo city ${result.city} created: ${result.providers} providers, ${result.subjects} subjects.`,
    `演示账号 / demo accounts (password: ${result.accounts[0]?.password ?? ''}):`,
    ...lines,
    '',
  ].join('\n');
}

/** Resolves when the process receives SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function serve(io: CliIO, options: ServeOptions): Promise<void> {
  const config = instanceConfig(io, options);
  const logger = createLogger({ level: config.logLevel, pretty: !config.production && process.stdout.isTTY });
  if (options.web && options.buildWeb) await ensureWebBuild({ log: (message) => logger.info(message) });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      config,
      logger,
      webDir: options.web ? WEB_DIST_DIR : null,
      jobsEnv: io.env,
      prepare: async (platform) => {
        if (!options.seed) return;
        // The demo accounts' password is published in the README: never create them in production.
        if (config.production) {
          logger.warn('NODE_ENV=production: the demo city and its accounts are not created');
          return;
        }
        const seeded = await seedDemoCityIfEmpty(platform, DEFAULT_DEMO_SUBJECTS);
        if (seeded.created) io.stdout(formatDemoAccounts(seeded));
      },
    });
  } catch (error) {
    asCliError(error);
  }
  const today = server.platform.clock.today().toString();
  logger.info(
    { url: server.url, profile: config.profileId, database: server.handle.location, today },
    'gongxin is serving',
  );
  io.stdout(
    `公信 Gongxin ${server.url} — profile ${config.profileId}, today ${today}, database ${server.handle.kind} (${server.handle.location})\n`,
  );
  const signal = await untilSignal();
  logger.info({ signal }, 'shutting down');
  await server.stop();
  logger.info('database closed; bye');
}

export const registerServerCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  withInstanceOptions(
    program
      .command('serve')
      .description('启动门户与接口服务（先迁移数据库；空库时创建演示数据）/ serve the portal and the API')
      .option('--port <port>', '监听端口，覆盖 PORT（默认 3000）')
      .option('--build-web', '网页构建缺失或过期时先构建 / build the web app first when missing or stale')
      .option('--no-web', '只提供接口，不提供网页 / API only')
      .option('--no-seed', '空库时不创建演示数据 / do not seed an empty database'),
  ).action((options: ServeOptions) => serve(io, options));

  program
    .command('build-web')
    .description('构建网页（Vite）/ build the web app')
    .option('--force', '即使构建是最新的也重新构建 / rebuild even when current')
    .action(async (options: { force?: boolean }) => {
      const result = await ensureWebBuild({ force: options.force, log: (m) => io.stderr(`${m}\n`) });
      io.stdout(result.built ? `built ${result.dir}\n` : `up to date: ${result.dir}\n`);
    });
};
