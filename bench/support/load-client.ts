import http from 'node:http';
import type { LoadAnswer, LoadRequest } from './http-load.ts';

/*
 * The load generator's own process (forked by `startLoad`). On a small machine the clients' CPU would
 * otherwise be charged to the server's event loop: in one process, 32 clients' parsing and bookkeeping
 * queue behind the server's work and inflate every latency the run reports.
 */

interface RunMessage {
  requests: LoadRequest[];
}

const [base, clientsArgument] = process.argv.slice(2);
const clients = Number(clientsArgument);
const url = new URL(base ?? '');
// node:http rather than fetch: fetch costs about a millisecond of CPU per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

function send(request: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: request.path,
        method: request.method,
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
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** Closed loop: each client sends its next request as soon as the previous answer is read. */
async function run({
  requests,
}: RunMessage): Promise<{ answers: LoadAnswer[]; seconds: number; cpuSeconds: number }> {
  const answers: LoadAnswer[] = new Array(requests.length);
  let cursor = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = cursor++; index < requests.length; index = cursor++) {
        const request = requests[index] as LoadRequest;
        const t0 = performance.now();
        const answer = await send(request);
        answers[index] = { ...answer, ms: performance.now() - t0 };
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return {
    answers,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

process.on('message', (message: RunMessage | 'close') => {
  if (message === 'close') {
    agent.destroy();
    process.disconnect();
    return;
  }
  run(message).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
