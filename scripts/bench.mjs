#!/usr/bin/env node
// `npm run bench [-- NAME [ARGS…]]`: runs bench/NAME.ts (or lists the benchmarks). Each benchmark prints
// what it measured, with the machine and the command, so a figure quoted in an issue can be reproduced.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const available = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  if (name) console.error(`no benchmark "${name}"`);
  console.log(`benchmarks: ${available.join(', ')}\nusage: npm run bench -- NAME [--help]`);
  process.exit(name ? 2 : 0);
}
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'bench', `${name}.ts`), ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
