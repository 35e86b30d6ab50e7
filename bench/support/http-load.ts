import http from 'node:http';
import os from 'node:os';
import { postgresCpuSeconds } from './server-cpu.ts';

/*
 * Closed-loop load for the latency budgets (DESIGN: p99 at 32 concurrent clients): each client sends its
 * next request as soon as the previous answer is read, so the figures include queueing in the server and
 * the database, as a real burst would.
 */

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * Requests over keep-alive connections, one per client. node:http rather than fetch: fetch costs the client
 * about a millisecond of CPU per request, which on a small machine the server would pay for.
 */
export function httpClient(base: string, clients: number) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const send = (method: string, path: string, body?: unknown) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method,
          agent,
          headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown) => send('POST', path, body),
    close: () => agent.destroy(),
  };
}

export interface LoadResult {
  /** Milliseconds per request, ascending. */
  latencies: number[];
  seconds: number;
  /** CPU seconds of this process (server and clients) and of the local PostgreSQL, when it is visible. */
  nodeCpuSeconds: number;
  postgresCpuSeconds: number | null;
}

/** Runs `requests` in order over `clients` concurrent loops; a request that throws fails the run. */
export async function runClients(
  clients: number,
  requests: ReadonlyArray<() => Promise<void>>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let cursor = 0;
  const cpuBefore = process.cpuUsage();
  const postgresBefore = postgresCpuSeconds();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let next = requests[cursor++]; next; next = requests[cursor++]) {
        const t0 = performance.now();
        await next();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const postgresAfter = postgresCpuSeconds();
  return {
    latencies: latencies.sort((a, b) => a - b),
    seconds,
    nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
    postgresCpuSeconds:
      postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** `p50 … ms  p95 … ms  p99 … ms  max … ms  … req/s` */
export function latencySummary(latencies: readonly number[], seconds: number): string {
  const ms = (p: number) => `${percentile(latencies, p).toFixed(1)} ms`;
  return `p50 ${ms(50)}   p95 ${ms(95)}   p99 ${ms(99)}   max ${ms(100)}   ${(latencies.length / seconds).toFixed(0)} req/s`;
}

/** CPU seconds of the run; with PGlite the database is inside this process, counted as node's. */
export function cpuSummary(result: LoadResult, database: 'pglite' | 'postgres'): string {
  const postgres =
    database === 'pglite'
      ? 'inside node (PGlite)'
      : result.postgresCpuSeconds === null
        ? 'n/a'
        : `${result.postgresCpuSeconds.toFixed(1)} s (every local postgres process)`;
  return `CPU: node ${result.nodeCpuSeconds.toFixed(1)} s, postgres ${postgres}, over ${result.seconds.toFixed(1)} s`;
}

/**
 * The same load on /healthz, which touches no database: what the HTTP stack, the clients and the machine cost
 * by themselves, the floor under every other figure of the run.
 */
export async function httpFloor(
  client: ReturnType<typeof httpClient>,
  clients: number,
  requests: number,
): Promise<string> {
  const result = await runClients(
    clients,
    Array.from({ length: requests }, () => async () => {
      const answer = await client.get('/healthz');
      if (answer.status !== 200) throw new Error(`/healthz: HTTP ${answer.status}`);
    }),
  );
  return `floor (GET /healthz): ${latencySummary(result.latencies, result.seconds)}`;
}

/** The machine a figure is quoted for; the load average says whether something else was running. */
export function machineSummary(): string {
  const cpus = os.cpus();
  const [load1] = os.loadavg();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, node ${process.version}, load ${load1?.toFixed(1)}`;
}
