import { fork } from 'node:child_process';
import os from 'node:os';
import { postgresCpuSeconds } from './server-cpu.ts';

/*
 * Closed-loop load for the latency budgets (DESIGN: p99 at 32 concurrent clients): each client sends its
 * next request as soon as the previous answer is read, so the figures include queueing in the server and
 * the database, as a real burst would. The clients run in a process of their own (load-client.ts), so the
 * server's figures are the server's: its CPU is this process's, the clients' is reported apart.
 */

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface LoadAnswer {
  status: number;
  body: string;
  /** Milliseconds from sending the request to reading the whole answer. */
  ms: number;
}

export interface LoadResult {
  /** Each request's answer, in the order the requests were given. */
  answers: LoadAnswer[];
  /** Milliseconds per request, ascending. */
  latencies: number[];
  seconds: number;
  /** CPU seconds of the server (this process), of the load generator, and of the local PostgreSQL when visible. */
  serverCpuSeconds: number;
  clientCpuSeconds: number;
  postgresCpuSeconds: number | null;
}

export interface LoadGenerator {
  /** Runs the requests over the concurrent clients; an answer other than 200 fails the run. */
  run(requests: readonly LoadRequest[]): Promise<LoadResult>;
  close(): void;
}

/** Forks the load generator with `clients` keep-alive connections to `base`. */
export function startLoad(base: string, clients: number): LoadGenerator {
  const child = fork(new URL('./load-client.ts', import.meta.url).pathname, [base, String(clients)], {
    execArgv: ['--import', 'tsx'],
  });
  const reply = () =>
    new Promise<{ answers: LoadAnswer[]; seconds: number; cpuSeconds: number }>((resolve, reject) => {
      child.once(
        'message',
        (message: { error?: string; answers: LoadAnswer[]; seconds: number; cpuSeconds: number }) =>
          message.error ? reject(new Error(message.error)) : resolve(message),
      );
      child.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)));
    });
  return {
    async run(requests) {
      const cpuBefore = process.cpuUsage();
      const postgresBefore = postgresCpuSeconds();
      const answered = reply();
      child.send({ requests });
      const { answers, seconds, cpuSeconds } = await answered;
      const cpu = process.cpuUsage(cpuBefore);
      const postgresAfter = postgresCpuSeconds();
      const failed = answers.findIndex((answer) => answer.status !== 200);
      if (failed >= 0) {
        const request = requests[failed];
        throw new Error(
          `${request?.method} ${request?.path}: HTTP ${answers[failed]?.status} ${answers[failed]?.body}`,
        );
      }
      return {
        answers,
        latencies: answers.map((answer) => answer.ms).sort((a, b) => a - b),
        seconds,
        serverCpuSeconds: (cpu.user + cpu.system) / 1e6,
        clientCpuSeconds: cpuSeconds,
        postgresCpuSeconds:
          postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
      };
    },
    close() {
      child.send('close');
    },
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
      ? 'inside the server (PGlite)'
      : result.postgresCpuSeconds === null
        ? 'n/a'
        : `${result.postgresCpuSeconds.toFixed(1)} s (every local postgres process)`;
  const perRequest = (seconds: number) =>
    `${((seconds * 1000) / result.answers.length).toFixed(2)} ms/request`;
  return (
    `CPU: server ${result.serverCpuSeconds.toFixed(1)} s (${perRequest(result.serverCpuSeconds)}), ` +
    `postgres ${postgres}${result.postgresCpuSeconds === null || database === 'pglite' ? '' : ` (${perRequest(result.postgresCpuSeconds)})`}, ` +
    `clients ${result.clientCpuSeconds.toFixed(1)} s, over ${result.seconds.toFixed(1)} s`
  );
}

/**
 * The same load on /healthz, which touches no database: what the HTTP stack, the clients and the machine cost
 * by themselves, the floor under every other figure of the run.
 */
export async function httpFloor(load: LoadGenerator, requests: number): Promise<string> {
  const result = await load.run(
    Array.from({ length: requests }, () => ({ method: 'GET', path: '/healthz' })),
  );
  return `floor (GET /healthz): ${latencySummary(result.latencies, result.seconds)}`;
}

/** The machine a figure is quoted for; the load average says whether something else was running. */
export function machineSummary(): string {
  const cpus = os.cpus();
  const [load1] = os.loadavg();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, node ${process.version}, load ${load1?.toFixed(1)}`;
}
