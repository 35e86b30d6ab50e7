import type { CommandRegistrar } from '../io.ts';

/** Every subcommand group of `gongxin`, in the order `--help` lists them. */
export const registrars: CommandRegistrar[] = [];
