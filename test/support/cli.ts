import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `gongxin …args` in-process with captured output and the given environment. */
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
    env,
    setExitCode(code: number) {
      io.code = Math.max(io.code, code);
    },
  };
  const code = await main(['node', 'gongxin', ...args], io);
  return { code, stdout, stderr };
}
