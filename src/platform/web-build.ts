import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_SOURCE_DIR = path.join(ROOT, 'web');
export const WEB_DIST_DIR = path.join(ROOT, 'dist', 'web');
const STAMP_FILE = path.join(WEB_DIST_DIR, '.source-hash');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : listFiles(full);
    return [full];
  });
}

/**
 * A hash of what the web build is made from (the web sources and the locked dependencies). Content,
 * not modification times: a fresh clone or a checkout sets every mtime anew.
 */
export function webSourceHash(): string {
  const hash = createHash('sha256');
  const files = [...listFiles(WEB_SOURCE_DIR), path.join(ROOT, 'package-lock.json')].sort();
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

export function webBuildIsCurrent(): boolean {
  if (!fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'))) return false;
  try {
    return fs.readFileSync(STAMP_FILE, 'utf8').trim() === webSourceHash();
  } catch {
    return false;
  }
}

/** Builds the web app with Vite when the build is missing or older than its sources (or when forced). */
export async function ensureWebBuild(
  options: { force?: boolean; log?: (message: string) => void } = {},
): Promise<{
  built: boolean;
  dir: string;
}> {
  if (!options.force && webBuildIsCurrent()) return { built: false, dir: WEB_DIST_DIR };
  options.log?.('building the web app (vite build)…');
  const sourceHash = webSourceHash();
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, under which Vite and the React plugin emit a development build; what lands
  // in dist/web is what `npm start` serves, so it is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(WEB_SOURCE_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  fs.writeFileSync(STAMP_FILE, sourceHash);
  return { built: true, dir: WEB_DIST_DIR };
}
