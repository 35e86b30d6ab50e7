import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/*
 * Where the benchmark process spends its time, from V8's sampling profiler, grouped the way the pipeline is
 * built (file reading, row parsing, validation, storing, audit, the PostgreSQL driver). The time the process
 * waits for PostgreSQL shows up as (idle).
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * A pipeline stage and the source paths (relative to the repository) whose frames belong to it. A sample
 * goes to the innermost frame on its stack that belongs to a stage; shared libraries are looked through to
 * their caller, so a date parsed while reading a cell counts for parsing and one computed for a period
 * counts for validation. A library frame with no stage above it (the driver reading a reply) keeps its own.
 */
const STAGES: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'file reading (open-table, csv-parse, decoding)',
    /^(src\/modules\/collection\/files\/|node_modules\/(csv-parse|iconv-lite|exceljs)\/)/,
  ],
  ['parse (headers, cells → content and facts)', /^src\/core\/collection\/(row|headers|cell-values)\.ts$/],
  ['validate (collection rules, periods)', /^src\/core\/(collection|policy|catalog)\//],
  ["audit (the chunk's event)", /^src\/modules\/audit\//],
  [
    'ingest-rows and collect-table (per-row content hash, code checks, chunking)',
    /^src\/modules\/collection\/(ingest-rows|collect-table)\.ts$/,
  ],
  ['store (records, versions, subjects, batch; SQL built here)', /^src\/modules\//],
  ['benchmark itself', /^bench\//],
];

/** Libraries several stages share: looked through to their caller, named on their own when none is found. */
const SHARED: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'hashing (canonical JSON, SM3)',
    /^src\/modules\/audit\/record-event\.ts#(payloadHash|canonicalJson|\(anonymous\))$/,
  ],
  ['identity code checks', /^src\/core\/identity\//],
  ['dates (temporal-polyfill)', /^(src\/core\/time\/|node_modules\/temporal-polyfill\/)/],
  ['SQL building (kysely)', /^node_modules\/kysely\//],
  [
    'PostgreSQL driver (pg, protocol, types)',
    /^node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+)\//,
  ],
  ['platform (transactions, database handle)', /^src\/platform\//],
];

export interface ProfileSummary {
  /** Milliseconds sampled in total. */
  totalMs: number;
  stages: Array<{ stage: string; ms: number; share: number }>;
  functions: Array<{ name: string; where: string; ms: number; share: number }>;
}

/** Starts the profiler in this process; the returned function stops it, writes the profile, and sums it up. */
export async function startCpuProfile(root: string): Promise<(file: string) => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    fs.writeFileSync(file, JSON.stringify(profile));
    return summarizeProfile(profile as Profile, root);
  };
}

function relativeSource(url: string, root: string): string | null {
  if (!url.startsWith('file://')) return null;
  const file = path.relative(root, new URL(url).pathname);
  // A package's own files count for the package, wherever npm hoisted it.
  const nested = file.lastIndexOf('node_modules/');
  return nested > 0 ? file.slice(nested) : file;
}

/**
 * Sums the samples by stage (see STAGES) and by function. A built-in (JSON.stringify, a regular expression)
 * has no source of its own, so its time counts for the code that called it.
 */
export function summarizeProfile(profile: Profile, root: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ownerCache = new Map<number, { stage: string; function: string }>();
  const ownerOf = (id: number): { stage: string; function: string } => {
    const cached = ownerCache.get(id);
    if (cached) return cached;
    const leaf = byId.get(id)?.callFrame;
    let owner = { stage: 'node internals and builtins', function: leaf?.functionName || '(anonymous)' };
    if (leaf && /^\((idle|garbage collector|program)\)$/.test(leaf.functionName)) {
      owner = { stage: leaf.functionName, function: leaf.functionName };
    } else {
      let shared: string | null = null;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        const source = frame ? relativeSource(frame.url, root) : null;
        if (!frame || source === null) continue;
        const where = frame.lineNumber > 0 ? `${source}:${frame.lineNumber + 1}` : source;
        const name = frame.functionName || '(anonymous)';
        const library = SHARED.find(
          ([, pattern]) => pattern.test(`${source}#${name}`) || pattern.test(source),
        );
        if (library) {
          if (shared === null) {
            shared = library[0];
            owner = { stage: library[0], function: `${name}\u0000${where}` };
          }
          continue;
        }
        const stage = STAGES.find(([, pattern]) => pattern.test(source))?.[0] ?? 'other packages';
        owner = { stage, function: shared === null ? `${name}\u0000${where}` : owner.function };
        break;
      }
    }
    ownerCache.set(id, owner);
    return owner;
  };
  const stages = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const ms = (deltas[i] ?? 0) / 1000;
    const owner = ownerOf(id);
    total += ms;
    stages.set(owner.stage, (stages.get(owner.stage) ?? 0) + ms);
    functions.set(owner.function, (functions.get(owner.function) ?? 0) + ms);
  });
  const share = (ms: number) => (total === 0 ? 0 : ms / total);
  return {
    totalMs: total,
    stages: [...stages].sort((a, b) => b[1] - a[1]).map(([stage, ms]) => ({ stage, ms, share: share(ms) })),
    functions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([key, ms]) => {
        const [name = key, where = ''] = key.split('\u0000');
        return { name, where, ms, share: share(ms) };
      }),
  };
}
