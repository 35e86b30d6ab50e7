import type { Command } from 'commander';
import { ConfigError } from '../../platform/config.ts';
import { type Job, type JobReport, periodicJobs, runJobs } from '../../platform/jobs.ts';
import { withInstance } from '../instance.ts';
import { CliError, type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';
import { type InstanceOptions, instanceConfig, withInstanceOptions } from '../options.ts';

function jobsOf(io: CliIO, options: InstanceOptions): Job[] {
  const config = instanceConfig(io, options);
  try {
    return periodicJobs({
      env: io.env,
      dataDir: config.dataDir,
      production: config.production,
      warn: (message) => io.stderr(`${message}\n`),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

export function formatJobReports(reports: JobReport[]): string {
  const width = Math.max(...reports.map((r) => r.job.length));
  return reports
    .map(
      (r) =>
        `${r.job.padEnd(width)}  ${r.ok ? 'ok    ' : 'FAILED'}  ${[r.summary, r.error].filter(Boolean).join('; ')}\n`,
    )
    .join('');
}

export const registerJobCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  const jobs = program.command('jobs').description('周期任务 / periodic jobs');

  withInstanceOptions(
    jobs
      .command('run')
      .description(
        '依次运行一遍全部周期任务（任一失败时退出码为 1）/ run every periodic job once, in order (exit 1 when one fails)',
      )
      .option('--json', 'machine-readable output'),
  ).action(async (options: InstanceOptions & { json?: boolean }) => {
    const list = jobsOf(io, options);
    const { today, reports } = await withInstance(io, options, async (platform) => ({
      today: platform.clock.today().toString(),
      reports: await runJobs(platform, list),
    }));
    io.stdout(options.json ? `${JSON.stringify({ today, jobs: reports })}\n` : formatJobReports(reports));
    if (reports.some((r) => !r.ok)) io.setExitCode(EXIT_NEGATIVE);
  });

  jobs
    .command('list')
    .description('列出周期任务 / list the periodic jobs')
    .action(() => {
      const list = jobsOf(io, {});
      const width = Math.max(...list.map((j) => j.name.length));
      io.stdout(list.map((j) => `${j.name.padEnd(width)}  ${j.description}\n`).join(''));
    });
};
