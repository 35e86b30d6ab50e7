import { auditJobs } from '../modules/audit/jobs.ts';
import { type AuditEnvironment, loadAuditSettings } from '../modules/audit/settings.ts';
import { batchQueryJob } from '../modules/batch-queries/jobs.ts';
import { stalledCollectionBatchesJob } from '../modules/collection/jobs.ts';
import { objectionDeadlinesJob } from '../modules/objections/jobs.ts';
import type { Platform } from './context.ts';

/**
 * Periodic work: what `gongxin jobs run` runs once and `serve` runs on its own schedule. A job does one
 * thing, may run any number of times (each run picks up where the last left off) and says what it did.
 */
export interface Job {
  name: string;
  description: string;
  run(platform: Platform): Promise<JobOutcome>;
}

export interface JobOutcome {
  summary: string;
  detail: Record<string, unknown>;
  /** Set when the job did part of its work and failed at the rest (a checkpoint signed but not delivered). */
  failure?: string;
}

export interface JobReport {
  job: string;
  ok: boolean;
  summary: string;
  detail: Record<string, unknown>;
  error: string | null;
  seconds: number;
}

/** Every periodic job, in the order they run: later issues add theirs here (expiries, deadlines). */
export function periodicJobs(environment: AuditEnvironment): Job[] {
  return [
    ...auditJobs(loadAuditSettings(environment)),
    batchQueryJob,
    stalledCollectionBatchesJob,
    objectionDeadlinesJob,
  ];
}

/** Runs the jobs one after the other; a failing job is reported and the next still runs. */
export async function runJobs(platform: Platform, jobs: readonly Job[]): Promise<JobReport[]> {
  const reports: JobReport[] = [];
  for (const job of jobs) {
    const started = performance.now();
    const seconds = () => Math.round(performance.now() - started) / 1000;
    try {
      const outcome = await job.run(platform);
      reports.push({
        job: job.name,
        ok: outcome.failure === undefined,
        summary: outcome.summary,
        detail: outcome.detail,
        error: outcome.failure ?? null,
        seconds: seconds(),
      });
    } catch (error) {
      reports.push({
        job: job.name,
        ok: false,
        summary: '',
        detail: {},
        error: (error as Error).message,
        seconds: seconds(),
      });
    }
  }
  return reports;
}

export interface JobWorker {
  /** Stops the schedule and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** Runs `jobs` now and then every `intervalMs`, never two runs at once. */
export function startJobWorker(
  platform: Platform,
  jobs: readonly Job[],
  options: { intervalMs: number; onReports(reports: JobReport[]): void },
): JobWorker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runJobs(platform, jobs)
      .then(options.onReports)
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
