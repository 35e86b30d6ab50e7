import type { CommandRegistrar } from '../io.ts';
import { registerCalendarCommands } from './calendar.ts';
import { registerIdCommands } from './id.ts';

/** Every subcommand group of `gongxin`, in the order `--help` lists them. */
export const registrars: CommandRegistrar[] = [registerCalendarCommands, registerIdCommands];
