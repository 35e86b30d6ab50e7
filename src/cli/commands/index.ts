import type { CommandRegistrar } from '../io.ts';
import { registerAlertCommands } from './alerts.ts';
import { registerAuditCommands } from './audit.ts';
import { registerCalendarCommands } from './calendar.ts';
import { registerDatabaseCommands } from './database.ts';
import { registerIdCommands } from './id.ts';
import { registerImportCommand } from './import.ts';
import { registerJobCommands } from './jobs.ts';
import { registerObjectionCommands } from './objections.ts';
import { registerPeriodsCommand } from './periods.ts';
import { registerProviderCommands } from './providers.ts';
import { registerReportCommands } from './report.ts';
import { registerServerCommands } from './server.ts';

/** Every subcommand group of `gongxin`, in the order `--help` lists them. */
export const registrars: CommandRegistrar[] = [
  registerServerCommands,
  registerDatabaseCommands,
  registerProviderCommands,
  registerImportCommand,
  registerAlertCommands,
  registerAuditCommands,
  registerJobCommands,
  registerCalendarCommands,
  registerIdCommands,
  registerPeriodsCommand,
  registerReportCommands,
  registerObjectionCommands,
];
