import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../../platform/context.ts';
import { checkpointDocument } from './checkpoint.ts';
import { checkpointsNotExportedTo, recordExport } from './store.ts';

export interface ExportTargets {
  exportDir: string | undefined;
  exportUrl: URL | undefined;
}

export interface ExportOutcome {
  exported: Array<{ target: string; treeSize: number }>;
  failures: Array<{ target: string; treeSize: number; reason: string }>;
}

/** Checkpoints a run delivers per target at most; the rest follow on the next runs. */
const BATCH = 100;

/** A checkpoint's file name; zero-padded so a directory listing is in tree order. */
export function checkpointFileName(treeSize: number): string {
  return `checkpoint-${String(treeSize).padStart(12, '0')}.json`;
}

/** The target as recorded: a URL without its user, password, query or fragment (they may hold a token). */
function urlTarget(url: URL): string {
  return `url:${url.origin}${url.pathname}`;
}

async function deliverToDirectory(dir: string, name: string, json: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  try {
    // Never overwrite: the copy outside the database is the one that counts.
    fs.writeFileSync(file, json, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (fs.readFileSync(file, 'utf8') !== json) throw new Error(`${file} exists with other content`);
  }
}

/** POSTs the JSON; credentials in the URL become HTTP Basic authentication (fetch refuses them in the URL). */
async function deliverToUrl(url: URL, json: string): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const bare = new URL(url);
  if (url.username || url.password) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    bare.username = '';
    bare.password = '';
  }
  let response: Response;
  try {
    response = await fetch(bare, {
      method: 'POST',
      headers,
      body: json,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    // The cause says what failed (refused, timed out) without repeating the URL and its query.
    throw new Error(
      `cannot reach the export URL: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).name}`,
    );
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/**
 * Delivers every checkpoint not yet delivered to each configured target, oldest first, and records each
 * delivery. A target that fails keeps its remaining checkpoints for the next run.
 */
export async function exportCheckpoints(
  platform: Pick<Platform, 'db' | 'clock'>,
  targets: ExportTargets,
): Promise<ExportOutcome> {
  const outcome: ExportOutcome = { exported: [], failures: [] };
  const deliveries: Array<{ target: string; deliver: (name: string, json: string) => Promise<void> }> = [];
  if (targets.exportDir) {
    const dir = targets.exportDir;
    deliveries.push({ target: `dir:${dir}`, deliver: (name, json) => deliverToDirectory(dir, name, json) });
  }
  if (targets.exportUrl) {
    const url = targets.exportUrl;
    deliveries.push({ target: urlTarget(url), deliver: (_name, json) => deliverToUrl(url, json) });
  }
  for (const { target, deliver } of deliveries) {
    for (const row of await checkpointsNotExportedTo(platform.db, target, BATCH)) {
      try {
        await deliver(
          checkpointFileName(row.treeSize),
          `${JSON.stringify(checkpointDocument(row), null, 2)}\n`,
        );
      } catch (error) {
        outcome.failures.push({ target, treeSize: row.treeSize, reason: (error as Error).message });
        break;
      }
      await recordExport(platform.db, row.treeSize, target, platform.clock.now());
      outcome.exported.push({ target, treeSize: row.treeSize });
    }
  }
  return outcome;
}
