import fs from 'node:fs';

/*
 * CPU seconds the local PostgreSQL server has used, from /proc: every postgres process's own time plus the
 * postmaster's reaped children (a psql session's backend exits before the second reading). Lets the
 * benchmark say how a phase's wall time splits between this process, the server, and waiting on the disk.
 */

/** Linux's USER_HZ: /proc/<pid>/stat counts clock ticks of 1/100 s on every architecture Node supports. */
const TICKS_PER_SECOND = 100;

/** Null when no postgres process is visible (another host, another container, not Linux). */
export function postgresCpuSeconds(): number | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  let ticks = 0;
  let seen = false;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile, or not ours to read
    }
    // The command name is in parentheses and may hold spaces; the numeric fields follow the last ')'.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (!stat.slice(open + 1, close).startsWith('postgres')) continue;
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i] ?? 0));
    ticks += (utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0);
    seen = true;
  }
  return seen ? ticks / TICKS_PER_SECOND : null;
}
