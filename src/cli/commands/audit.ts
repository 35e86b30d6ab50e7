import fs from 'node:fs';
import type { Command } from 'commander';
import { checkpointDocument } from '../../modules/audit/checkpoint.ts';
import { AuditTreeCorruptError, checkInclusionProof, proveInclusion } from '../../modules/audit/proofs.ts';
import { checkpointAt, eventBySeq, latestCheckpoint } from '../../modules/audit/store.ts';
import { type AuditVerification, verifyAuditLog } from '../../modules/audit/verify-log.ts';
import { withInstance } from '../instance.ts';
import { CliError, type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';
import { type InstanceOptions, withInstanceOptions } from '../options.ts';

function readJsonFile(file: string, option: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${option}: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${option}: ${file} is not JSON`);
  }
}

function wholeNumber(text: string, option: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new CliError(`${option}: "${text}" is not a whole number ≥ 0`);
  return value;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The report of `audit verify`, one fact per line; the first line is the verdict. */
export function formatVerification(result: AuditVerification): string {
  const lines: string[] = [];
  const first = result.firstDifference;
  if (result.ok) lines.push('审计日志完好 / audit log intact');
  else if (first) {
    lines.push(
      `审计日志被篡改 / audit log TAMPERED: first difference at seq ${first.seq}` +
        `${first.eventId !== null ? ` (event ${first.eventId})` : ''}: ${first.problem}`,
    );
  } else
    lines.push(`审计日志未通过验证 / audit log NOT verified: ${result.problems[0] ?? 'unknown problem'}`);
  for (const finding of result.findings.slice(first ? 1 : 0, 20))
    lines.push(`  seq ${finding.seq}: ${finding.problem}`);
  for (const problem of result.problems.slice(!first && !result.ok ? 1 : 0, 20)) lines.push(`  ${problem}`);
  lines.push(
    `entries verified: ${count(result.entries)} (${result.hashAlgorithm ?? 'no tree yet'})` +
      `${result.root ? `, root ${result.root}` : ''}`,
  );
  lines.push(
    `checkpoints checked: ${count(result.checkpoints)}` +
      `${result.keyIds.length ? ` (keys ${result.keyIds.join(', ')})` : ''}`,
  );
  const external = result.externalCheckpoint;
  if (external) {
    lines.push(
      `external checkpoint: size ${count(external.treeSize)}, key ${external.keyId}, signed ${external.signedAt}: ` +
        `${external.ok ? 'consistent' : 'NOT consistent'}`,
    );
  }
  lines.push(`pending (not yet integrated): ${count(result.pendingEvents)}`);
  lines.push(`${result.seconds.toFixed(3)} s, ${count(result.entriesPerSecond)} entries/s`);
  return `${lines.join('\n')}\n`;
}

export const registerAuditCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  const audit = program
    .command('audit')
    .description(
      '防篡改审计日志：验证、证明、检查点 / the tamper-evident audit log: verify, prove, checkpoints',
    );

  withInstanceOptions(
    audit
      .command('verify')
      .description(
        '由存储的事件重算全部叶子与默克尔树，核对存储的叶子、每个检查点的根与签名；发现篡改时指出第一个不同的序号并以 1 退出 / ' +
          'recompute every leaf and the tree from the stored events, check them against the stored leaves and every signed checkpoint; name the first sequence number that differs and exit 1 on tampering',
      )
      .option(
        '--checkpoint <FILE>',
        '另行保存的检查点文件，核对日志与其一致 / a checkpoint kept elsewhere the log must still agree with',
      )
      .option('--json', 'machine-readable output'),
  ).action(async (options: InstanceOptions & { checkpoint?: string; json?: boolean }) => {
    const externalCheckpoint = options.checkpoint
      ? readJsonFile(options.checkpoint, '--checkpoint')
      : undefined;
    const result = await withInstance(io, options, (platform) =>
      verifyAuditLog(platform.db, externalCheckpoint === undefined ? {} : { externalCheckpoint }),
    );
    io.stdout(options.json ? `${JSON.stringify(result)}\n` : formatVerification(result));
    if (!result.ok) io.setExitCode(EXIT_NEGATIVE);
  });

  withInstanceOptions(
    audit
      .command('prove')
      .description(
        '给出某序号事件相对于检查点文件的包含证明并验证（--out 保存，供离线 check-proof）/ ' +
          'build and check the inclusion proof of entry SEQ against a checkpoint file (--out saves it for an offline check-proof)',
      )
      .requiredOption('--seq <N>', '日志序号 / the sequence number')
      .requiredOption('--checkpoint <FILE>', '导出的检查点文件 / an exported checkpoint file')
      .option('--out <FILE>', '把证明（含事件内容）写入文件 / write the proof, with the event, to FILE')
      .option('--json', 'machine-readable output'),
  ).action(
    async (options: InstanceOptions & { seq: string; checkpoint: string; out?: string; json?: boolean }) => {
      const seq = wholeNumber(options.seq, '--seq');
      const file = readJsonFile(options.checkpoint, '--checkpoint');
      const treeSize = (file as { treeSize?: unknown } | null)?.treeSize;
      if (typeof treeSize !== 'number') throw new CliError('--checkpoint: the file has no treeSize');
      const proof = await withInstance(io, options, async (platform) => {
        try {
          return {
            ...(await proveInclusion(platform.db, seq, treeSize)),
            event: await eventBySeq(platform.db, seq),
          };
        } catch (error) {
          if (error instanceof AuditTreeCorruptError) throw new CliError(error.message, EXIT_NEGATIVE);
          throw error;
        }
      });
      const check = checkInclusionProof(proof, file);
      if (options.out) fs.writeFileSync(options.out, `${JSON.stringify(proof, null, 2)}\n`);
      if (options.json) io.stdout(`${JSON.stringify({ ...check, proof })}\n`);
      else
        io.stdout(
          `${check.ok ? '包含证明有效 / inclusion proof valid' : '包含证明无效 / inclusion proof INVALID'}: ${check.reason}\n`,
        );
      if (!check.ok) io.setExitCode(EXIT_NEGATIVE);
    },
  );

  audit
    .command('check-proof')
    .description(
      '仅凭检查点文件离线验证包含证明，不访问数据库 / check an inclusion proof against a checkpoint file alone, without any database',
    )
    .argument(
      '<PROOF>',
      '证明文件（audit prove --out 或接口 /api/v1/audit/proofs/inclusion 的输出）/ the proof file',
    )
    .requiredOption('--checkpoint <FILE>', '导出的检查点文件 / an exported checkpoint file')
    .option('--json', 'machine-readable output')
    .action((proofFile: string, options: { checkpoint: string; json?: boolean }) => {
      const check = checkInclusionProof(
        readJsonFile(proofFile, 'PROOF'),
        readJsonFile(options.checkpoint, '--checkpoint'),
      );
      if (options.json) io.stdout(`${JSON.stringify(check)}\n`);
      else
        io.stdout(
          `${check.ok ? '包含证明有效 / inclusion proof valid' : '包含证明无效 / inclusion proof INVALID'}: ${check.reason}\n`,
        );
      if (!check.ok) io.setExitCode(EXIT_NEGATIVE);
    });

  withInstanceOptions(
    audit
      .command('checkpoint')
      .description(
        '打印（或用 --out 保存）已签名的检查点，默认最新 / print (or --out save) a signed checkpoint, the latest by default',
      )
      .option('--size <N>', '指定日志条目数的检查点 / the checkpoint of this tree size')
      .option('--out <FILE>', '写入文件 / write it to FILE'),
  ).action(async (options: InstanceOptions & { size?: string; out?: string }) => {
    const size = options.size === undefined ? undefined : wholeNumber(options.size, '--size');
    const row = await withInstance(io, options, (platform) =>
      size === undefined ? latestCheckpoint(platform.db) : checkpointAt(platform.db, size),
    );
    if (!row) {
      throw new CliError(
        size === undefined
          ? 'no checkpoint has been signed yet: run gongxin jobs run'
          : `--size: no checkpoint at size ${size}`,
        EXIT_NEGATIVE,
      );
    }
    const json = `${JSON.stringify(checkpointDocument(row), null, 2)}\n`;
    if (options.out) {
      fs.writeFileSync(options.out, json);
      io.stdout(
        `${options.out}: checkpoint of ${row.treeSize} entries, ${row.signatureAlgorithm} key ${row.keyId}\n`,
      );
    } else io.stdout(json);
  });
};
