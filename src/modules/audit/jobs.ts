import type { Job } from '../../platform/jobs.ts';
import { exportCheckpoints } from './export-checkpoints.ts';
import { integrateAuditEvents } from './integrate-events.ts';
import type { AuditSettings } from './settings.ts';
import { signCheckpointIfDue } from './sign-checkpoint.ts';

const SKIPPED = {
  'empty-log': 'no checkpoint: the log is empty',
  'up-to-date': 'no checkpoint: the last one covers every entry',
  'not-due': 'no checkpoint due yet',
  'another-instance': 'no checkpoint: another instance holds the integrator lock',
} as const;

/** The audit log's periodic work: number and hash new events, then sign and deliver checkpoints. */
export function auditJobs(settings: AuditSettings): Job[] {
  return [
    {
      name: 'audit.integrate',
      description:
        '为新审计事件编号并写入默克尔树 / number committed audit events and append them to the Merkle tree',
      async run(platform) {
        const result = await integrateAuditEvents(platform, { hashAlgorithm: settings.hashAlgorithm });
        const deferred =
          result.deferred === 'another-integrator'
            ? '; another instance is integrating'
            : result.deferred === 'transactions-still-running'
              ? '; waiting for running transactions to end'
              : '';
        return {
          summary: `${result.integrated} events integrated; the log holds ${result.treeSize} entries (${result.hashAlgorithm ?? 'no tree yet'})${deferred}`,
          detail: { ...result },
        };
      },
    },
    {
      name: 'audit.checkpoint',
      description:
        '按策略签署检查点并导出 / sign a checkpoint when due and deliver checkpoints to the export targets',
      async run(platform) {
        const { checkpoint, skipped } = await signCheckpointIfDue(platform, settings);
        const delivered = await exportCheckpoints(platform, settings);
        const signed = checkpoint
          ? `checkpoint signed at size ${checkpoint.treeSize} (${checkpoint.signatureAlgorithm} key ${checkpoint.keyId})`
          : SKIPPED[skipped ?? 'not-due'];
        const exported = delivered.exported.length > 0 ? `; ${delivered.exported.length} exported` : '';
        return {
          summary: `${signed}${exported}`,
          detail: {
            treeSize: checkpoint?.treeSize ?? null,
            rootHash: checkpoint?.rootHash ?? null,
            keyId: checkpoint?.keyId ?? null,
            skipped,
            exported: delivered.exported,
            exportFailures: delivered.failures,
          },
          failure:
            delivered.failures.length > 0
              ? delivered.failures
                  .map((f) => `export of size ${f.treeSize} to ${f.target} failed: ${f.reason}`)
                  .join('; ')
              : undefined,
        };
      },
    },
  ];
}
