#!/usr/bin/env node
// `npm run trace`: which requirements (R1–R173) have a passing test, per city profile.
// A test counts for a requirement when its full name (describe blocks + title) carries the number
// ("R47 …"); it counts for a profile when the name also names that profile (xiamen/weihai/nantong or
// XM/WH/NT), and for every profile the requirement applies to when it names none.
// The requirement list (number, section, profiles) is docs/requirements.json, regenerated from the spec
// with `npm run trace -- --refresh [SPEC]`. Options: --json, --missing (list untested requirements).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const indexFile = path.join(root, 'docs', 'requirements.json');
const args = process.argv.slice(2);
const PROFILES = { xiamen: 'XM', weihai: 'WH', nantong: 'NT' };

function refresh(specPath) {
  const text = fs.readFileSync(specPath, 'utf8');
  const requirements = [];
  let section = '';
  for (const line of text.split('\n')) {
    const heading = /^### (2\.[A-Z]) (.*)$/.exec(line);
    if (heading) section = `${heading[1]} ${heading[2]}`;
    const req = /^\*\*R(\d+)\*\* `\[([A-Z, ]+)\]`/.exec(line);
    if (req) {
      const tags = req[2].split(',').map((t) => t.trim());
      const profiles = tags.includes('ALL')
        ? Object.keys(PROFILES)
        : Object.keys(PROFILES).filter((p) => tags.includes(PROFILES[p]));
      requirements.push({ id: `R${req[1]}`, section, profiles });
    }
  }
  fs.writeFileSync(indexFile, `${JSON.stringify(requirements, null, 1)}\n`);
  console.log(`wrote ${requirements.length} requirements to ${path.relative(root, indexFile)}`);
}

if (args[0] === '--refresh') {
  refresh(args[1] ?? path.join(root, '..', 'shared', 'spec', 'requirements.md'));
  process.exit(0);
}

const requirements = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-trace-')), 'vitest.json');
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json', `--outputFile=${report}`],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, FORCE_COLOR: '0' },
  },
);
if (!fs.existsSync(report)) {
  console.error('trace: the test run produced no report');
  process.exit(run.status || 1);
}
const results = JSON.parse(fs.readFileSync(report, 'utf8'));

const covered = new Map(requirements.map((r) => [r.id, new Set()]));
for (const file of results.testResults) {
  for (const test of file.assertionResults) {
    if (test.status !== 'passed') continue;
    const name = [...test.ancestorTitles, test.title].join(' ');
    const named = Object.keys(PROFILES).filter((p) =>
      new RegExp(`\\b(${p}|${PROFILES[p]})\\b`, 'i').test(name),
    );
    for (const match of name.matchAll(/\bR(\d+)\b/g)) {
      const requirement = requirements.find((r) => r.id === `R${match[1]}`);
      if (!requirement) continue;
      const profiles = named.length
        ? named.filter((p) => requirement.profiles.includes(p))
        : requirement.profiles;
      for (const p of profiles) covered.get(requirement.id).add(p);
    }
  }
}

const summary = Object.keys(PROFILES).map((profile) => {
  const applicable = requirements.filter((r) => r.profiles.includes(profile));
  const tested = applicable.filter((r) => covered.get(r.id).has(profile));
  return {
    profile,
    applicable: applicable.length,
    tested: tested.map((r) => r.id),
    missing: applicable.filter((r) => !covered.get(r.id).has(profile)).map((r) => r.id),
  };
});

if (args.includes('--json')) {
  console.log(JSON.stringify(summary, null, 1));
} else {
  for (const s of summary) {
    console.log(`\n${s.profile}: ${s.tested.length} of ${s.applicable} requirements have a passing test`);
    console.log(`  tested: ${s.tested.join(' ') || '—'}`);
    if (args.includes('--missing')) console.log(`  missing: ${s.missing.join(' ') || '—'}`);
  }
  const sections = [...new Set(requirements.map((r) => r.section))];
  console.log('\nby section (requirement tested in every profile it applies to / requirements):');
  for (const section of sections) {
    const inSection = requirements.filter((r) => r.section === section);
    const full = inSection.filter((r) => r.profiles.every((p) => covered.get(r.id).has(p)));
    console.log(`  ${section}: ${full.length}/${inSection.length}`);
  }
}
process.exit(run.status ?? 0);
