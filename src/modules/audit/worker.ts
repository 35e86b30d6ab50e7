import type { Logger } from 'pino';
import type { Platform } from '../../platform/context.ts';
import { type JobWorker, startJobWorker } from '../../platform/jobs.ts';
import { auditJobs } from './jobs.ts';
import { loadAuditSettings } from './settings.ts';

export interface AuditWorkerOptions {
  env: Record<string, string | undefined>;
  dataDir: string;
  production: boolean;
  logger: Logger | false;
  /** Overrides GONGXIN_AUDIT_INTERVAL_SECONDS (tests). */
  intervalMs?: number;
}

/**
 * The integrator and the checkpoint signer inside `serve`: runs them at start and then on an interval.
 * Bad audit configuration (a malformed key, no key in production) fails here, at start, not an hour
 * later; a demo instance's generated key is created (and its warning logged) here too.
 */
export function startAuditWorker(platform: Platform, options: AuditWorkerOptions): JobWorker {
  const log = options.logger || undefined;
  const settings = loadAuditSettings({
    env: options.env,
    dataDir: options.dataDir,
    production: options.production,
    warn: (message) => log?.warn(message),
  });
  settings.signingKey();
  return startJobWorker(platform, auditJobs(settings), {
    intervalMs: options.intervalMs ?? settings.intervalSeconds * 1000,
    onReports(reports) {
      for (const report of reports) {
        if (!report.ok) log?.error({ job: report.job, error: report.error }, 'audit job failed');
        // Only what changed is worth a line: new entries, a new checkpoint; not every quiet interval.
        else if (report.job === 'audit.integrate' ? report.detail.integrated : report.detail.treeSize)
          log?.info({ job: report.job }, report.summary);
      }
    },
  });
}
