import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { COMMAND_PERMISSIONS, commandPath } from '../../src/cli/permissions.ts';
import { permissionsOf } from '../../src/modules/accounts/permissions.ts';
import { runCli } from '../support/cli.ts';

const silent = { stdout() {}, stderr() {}, env: {}, setExitCode() {} };

/** The commands that run something (a group like `calendar` only holds others). */
function runnable(command: Command): Command[] {
  return command.commands.flatMap((sub) => (sub.commands.length > 0 ? runnable(sub) : [sub]));
}

describe('every CLI command declares its permission', () => {
  const commands = runnable(buildProgram(silent)).map(commandPath);

  it('walks every command, and each has a declaration the operator role holds', () => {
    expect(commands.length).toBeGreaterThan(15);
    const operator = permissionsOf('operator');
    for (const path of commands) {
      const permission = COMMAND_PERMISSIONS[path];
      expect(permission, path).toBeDefined();
      if (permission && permission !== 'public') expect(operator.has(permission), path).toBe(true);
    }
  });

  it('declares no command that does not exist', () => {
    expect(Object.keys(COMMAND_PERMISSIONS).sort()).toEqual([...commands].sort());
  });

  it('a command without a declaration refuses to run', async () => {
    const program = buildProgram(silent);
    let ran = false;
    program
      .command('undeclared')
      .description('a command someone forgot to declare')
      .action(() => {
        ran = true;
      });
    await expect(program.parseAsync(['node', 'gongxin', 'undeclared'])).rejects.toThrow(
      /declares no permission/,
    );
    expect(ran).toBe(false);
  });

  it('a declared command runs as before', async () => {
    const result = await runCli(['id', 'check', '91350200MA2Y0AB171']);
    expect(result.code).toBe(0);
  });
});
