import type { Command } from 'commander';
import { type Permission, permissionsOf } from '../modules/accounts/permissions.ts';
import { CliError, EXIT_USAGE } from './io.ts';

/**
 * Who runs the CLI: the operator at the server's shell, who holds the instance's configuration
 * (DATABASE_URL, keys) and so could reach the database directly anyway. The CLI therefore cannot keep the
 * operator out of anything; what it does is declare, per command, which permission of the `operator` role
 * (src/modules/accounts/permissions.ts) the command exercises — deny by default, like the routes — and
 * act as `system:cli` in the audit log whenever a command records an event. `public` marks commands that
 * only compute or read what anyone may see (code checks, period arithmetic, the public calendar).
 * A command missing here refuses to run.
 */
export const COMMAND_PERMISSIONS: Readonly<Record<string, Permission | 'public'>> = {
  serve: 'instance.operate',
  'build-web': 'instance.operate',
  migrate: 'instance.operate',
  seed: 'instance.operate',
  setup: 'accounts.manage',
  'jobs run': 'instance.operate',
  'jobs list': 'instance.operate',
  'providers list': 'organizations.read',
  'providers register': 'providers.manage',
  // Changes who may provide each item, as the catalog's own PUT …/providers does.
  'providers items': 'catalog.manage',
  import: 'collection.submit',
  alerts: 'alerts.read',
  'audit verify': 'audit.read',
  // Checkpoints and proofs are hashes only, public over HTTP too (GET /api/v1/audit/…).
  'audit prove': 'public',
  'audit check-proof': 'public',
  'audit checkpoint': 'public',
  'calendar load': 'calendar.manage',
  'calendar is-workday': 'public',
  'calendar add-workdays': 'public',
  'calendar years': 'public',
  'id check': 'public',
  periods: 'public',
  report: 'reports.issue',
  // Anyone may verify a report (the verification page is public too).
  'verify-report': 'public',
  'objections list': 'objections.manage',
  'objections accept': 'objections.manage',
  'objections forward': 'objections.manage',
  'objections close': 'objections.manage',
};

/** `calendar load` for the command `load` under `calendar`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) {
    names.unshift(current.name());
  }
  return names.join(' ');
}

/** Refuses a command that declares no permission, or one the operator role does not hold. */
export function checkCommandPermission(command: Command): Permission | 'public' {
  const path = commandPath(command);
  const permission = COMMAND_PERMISSIONS[path];
  if (!permission) {
    throw new CliError(
      `command "${path}" declares no permission (src/cli/permissions.ts); refusing to run it`,
      EXIT_USAGE,
    );
  }
  if (permission !== 'public' && !permissionsOf('operator').has(permission)) {
    throw new CliError(
      `command "${path}" needs ${permission}, which the operator role does not hold`,
      EXIT_USAGE,
    );
  }
  return permission;
}
