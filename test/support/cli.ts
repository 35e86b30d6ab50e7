import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

/** A data directory that does not exist, so a test never opens the developer's ./data by accident. */
const UNUSED_DATA_DIR = path.join(os.tmpdir(), `gongxin-no-instance-${process.pid}`);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `gongxin …args` in-process with captured output and the given environment (nothing of the process's). */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    code: 0,
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    env: { GONGXIN_DATA_DIR: UNUSED_DATA_DIR, ...env },
    setExitCode(code: number) {
      io.code = Math.max(io.code, code);
    },
  };
  const code = await main(['node', 'gongxin', ...args], io);
  return { code, stdout, stderr };
}
