import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { batchReturns } from '../../modules/collection/batch-returns.ts';
import { collectTable } from '../../modules/collection/collect-table.ts';
import { openTable, UnreadableFileError } from '../../modules/collection/files/open-table.ts';
import { systemActor } from '../../platform/context.ts';
import { withInstance } from '../instance.ts';
import { CliError, type CliIO, type CommandRegistrar } from '../io.ts';
import { type InstanceOptions, withInstanceOptions } from '../options.ts';

const RETURNS_PRINTED = 20;

interface ImportOptions extends InstanceOptions {
  item: string;
  provider: string;
  json?: boolean;
  progress: boolean;
}

function openFile(file: string): { stream: fs.ReadStream; size: number } {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new CliError(`FILE: 找不到文件 ${file} / no such file`);
  }
  return { stream: fs.createReadStream(file), size };
}

export const registerImportCommand: CommandRegistrar = (program: Command, io: CliIO) => {
  withInstanceOptions(
    program
      .command('import')
      .description(
        '导入信息提供单位的报送文件（CSV：UTF-8 或 GBK；XLSX），与接口和网页上传同样校验 / import a provider’s file of records through the same pipeline as the API and the upload page',
      )
      .argument('<FILE>', 'CSV 或 XLSX 文件 / a CSV or XLSX file')
      .requiredOption('--item <CODE>', '目录信息事项代码，如 XZCF / catalog item code')
      .requiredOption('--provider <CODE>', '信息提供单位代码，如 XM-SCJG / provider organization code')
      .option('--json', '输出一个 JSON 对象 / print one JSON object')
      .option('--no-progress', '不显示进度条 / no progress bar'),
  ).action(async (file: string, options: ImportOptions) => {
    const { stream, size } = openFile(file);
    await withInstance(io, options, async (platform) => {
      let table: Awaited<ReturnType<typeof openTable>>;
      try {
        table = await openTable({ fileName: path.basename(file), stream, totalBytes: size });
      } catch (error) {
        if (error instanceof UnreadableFileError) throw new CliError(`FILE: ${error.message}`);
        throw error;
      }
      const bar =
        options.progress && !options.json && process.stderr.isTTY
          ? new SingleBar({
              format: '导入 {bar} {percentage}% | {rows} 行 | 退回 {returned}',
              stream: process.stderr,
            })
          : null;
      bar?.start(size, 0, { rows: 0, returned: 0 });
      const headers = table.headers;
      async function* rows() {
        for await (const row of table.rows) yield { ...row, headers };
      }
      try {
        const outcome = await collectTable(platform, systemActor('cli'), {
          itemCode: options.item,
          providerCode: options.provider,
          channel: 'cli',
          fileName: table.fileName,
          headers,
          rows: rows(),
          onProgress: (counts) =>
            bar?.update(table.progress().bytesRead, { rows: counts.received, returned: counts.returned }),
        });
        bar?.update(size);
        bar?.stop();
        if (options.json) {
          // Streamed, so a file with a million returned rows prints without holding them in memory.
          const { batch, received, accepted, unchanged, returned } = outcome;
          io.stdout(
            `${JSON.stringify({ batch, received, accepted, unchanged, returned }).slice(0, -1)},"returns":[`,
          );
          let first = true;
          for await (const entry of batchReturns(platform.db, outcome.batch)) {
            io.stdout(`${first ? '' : ','}${JSON.stringify(entry)}`);
            first = false;
          }
          io.stdout(']}\n');
          return;
        }
        io.stdout(
          `批次 ${outcome.batch}：收到 ${outcome.received} 行，入库 ${outcome.accepted}，未变化 ${outcome.unchanged}，退回 ${outcome.returned}\n`,
        );
        let printed = 0;
        for await (const entry of batchReturns(platform.db, outcome.batch)) {
          if (printed === RETURNS_PRINTED) {
            io.stdout('…（全部退回原因：--json，或在报送页面下载退回文件）\n');
            break;
          }
          io.stdout(`  第 ${entry.row} 行 ${entry.field ?? ''} ${entry.reason}：${entry.message}\n`);
          printed += 1;
        }
      } finally {
        bar?.stop();
        await table.close();
      }
    });
  });
};
