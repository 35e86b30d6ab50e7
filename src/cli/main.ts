import { Command, CommanderError } from 'commander';
import { registrars } from './commands/index.ts';
import { CliError, type CliIO, EXIT_USAGE } from './io.ts';
import { checkCommandPermission } from './permissions.ts';

export function buildProgram(io: CliIO): Command {
  const program = new Command('gongxin')
    .description('公信 Gongxin — public credit information platform')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    // Deny by default: every command declares the permission it exercises (src/cli/permissions.ts).
    .hook('preAction', (_program, command) => {
      checkCommandPermission(command);
    });
  for (const register of registrars) register(program, io);
  return program;
}

function processIO(): CliIO & { code: number } {
  const io = {
    code: 0,
    stdout: (text: string) => process.stdout.write(text),
    stderr: (text: string) => process.stderr.write(text),
    env: process.env,
    setExitCode(code: number) {
      io.code = Math.max(io.code, code);
    },
  };
  return io;
}

/** Runs the CLI and returns the exit code; `io` defaults to the process's streams and environment. */
export async function main(argv: string[], io: CliIO & { code: number } = processIO()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length <= 2) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv);
    return io.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof CliError) {
      io.stderr(`gongxin: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
