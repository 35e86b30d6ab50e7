import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/*
 * A sampling profiler for the server side: every 100 ms, what each session of the benchmark's database is
 * doing (which statement is running, or that it waits for the application), and how many sessions of other
 * databases are active — other helpers' test suites may share the server, and the figures should say so.
 * It polls from a child process: a timer in the benchmark's own process would only fire when the pipeline
 * yields, right after it sent a statement, and so would over-count the statements that follow its CPU work.
 */

const INTERVAL_MS = 100;
/** No statement and no transaction open: the application is between transactions (reading the next rows). */
const OUTSIDE = 'no transaction open: the application works between transactions';

export interface ServerSamples {
  /** Share of samples per activity of the benchmark's sessions, largest first; all samples count. */
  activities: Array<{ activity: string; share: number }>;
  samples: number;
  /** The most client sessions of other databases seen active at once. */
  busiestOtherSessions: number;
}

/** `insert into credit_record_version`, `select from credit_record`, `COMMIT`: what a statement does to what. */
export function statementLabel(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim();
  const write = /^(insert into|update|delete from) "?([\w.]+)"?/i.exec(text);
  if (write) return `${write[1]?.toLowerCase()} ${write[2]}`;
  if (/^(select|with)\b/i.test(text)) {
    const from = /\bfrom "?([\w.]+)"?/i.exec(text);
    return from ? `select from ${from[1]}` : 'select';
  }
  return text.split(' ')[0]?.toUpperCase() ?? '';
}

function pollServer(serverUrl: string, ownDatabase: string): { stop(): Promise<ServerSamples> } {
  const client = new pg.Client({ connectionString: serverUrl });
  const counts = new Map<string, number>();
  let samples = 0;
  let busiestOtherSessions = 0;
  let polling: Promise<void> = client.connect().then(() => undefined);
  let stopped = false;
  const poll = async () => {
    const { rows } = await client.query<{
      own: boolean;
      state: string | null;
      wait: string | null;
      query: string;
    }>(
      `SELECT datname = $1 AS own, state, wait_event_type || ':' || wait_event AS wait, left(query, 200) AS query
         FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      [ownDatabase],
    );
    samples += 1;
    let others = 0;
    let busy = false;
    for (const row of rows) {
      if (!row.own) {
        if (row.state === 'active') others += 1;
        continue;
      }
      if (row.state === 'idle') continue;
      busy = true;
      const activity =
        row.state === 'active'
          ? `${statementLabel(row.query)}${row.wait ? ` (waiting on ${row.wait})` : ''}`
          : `${row.state}: waiting for the application`;
      counts.set(activity, (counts.get(activity) ?? 0) + 1);
    }
    if (!busy) counts.set(OUTSIDE, (counts.get(OUTSIDE) ?? 0) + 1);
    busiestOtherSessions = Math.max(busiestOtherSessions, others);
  };
  const timer = setInterval(() => {
    // One poll at a time: a slow reply delays the next sample rather than piling queries up.
    polling = polling.then(() => (stopped ? undefined : poll()));
  }, INTERVAL_MS);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await polling;
      await client.end();
      const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
      return {
        activities: [...counts]
          .sort((a, b) => b[1] - a[1])
          .map(([activity, n]) => ({ activity, share: total === 0 ? 0 : n / total })),
        samples,
        busiestOtherSessions,
      };
    },
  };
}

/** Starts the sampler in a child process; `stop` ends it and returns what it saw. */
export function sampleServer(serverUrl: string, ownDatabase: string): { stop(): Promise<ServerSamples> } {
  const child = fork(fileURLToPath(import.meta.url), [serverUrl, ownDatabase], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    async stop() {
      const reply = once(child, 'message');
      child.send('stop');
      const [samples] = (await reply) as [ServerSamples];
      return samples;
    },
  };
}

// The child: polls until the parent says stop, then sends the samples back and leaves.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const [serverUrl = '', ownDatabase = ''] = process.argv.slice(2);
  const sampler = pollServer(serverUrl, ownDatabase);
  process.once('message', async () => {
    process.send?.(await sampler.stop(), () => process.disconnect());
  });
}
