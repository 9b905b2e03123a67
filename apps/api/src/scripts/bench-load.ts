/**
 * The benchmarks' load generator, autocannon-style, in a worker thread so that it does not share an
 * event loop with what it measures: keep-alive HTTP/1.1 connections, each sending its next request
 * when the previous response has ended. Bodies are read and dropped, never decompressed, so the
 * client costs little next to the server. Each response's latency is kept for percentiles.
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

export type LoadRequest = { url: string; headers: Record<string, string>; durationMs: number; connections: number };
export type LoadResult = {
  requests: number;
  failures: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
};

/** Starts the worker; `run` puts one phase of load on a URL, `stop` ends the thread. */
export function startLoadWorker(): { run: (request: LoadRequest) => Promise<LoadResult>; stop: () => Promise<number> } {
  const worker = new Worker(fileURLToPath(import.meta.url));
  const run = (request: LoadRequest): Promise<LoadResult> =>
    new Promise((resolve, reject) => {
      const fail = (error: Error): void => reject(error);
      worker.once('error', fail);
      worker.once('message', (result: LoadResult) => {
        worker.off('error', fail);
        resolve(result);
      });
      worker.postMessage(request);
    });
  return { run, stop: () => worker.terminate() };
}

function serveLoad(): void {
  parentPort?.on('message', (request: LoadRequest) => {
    void (async () => {
      const result: LoadResult = { requests: 0, failures: 0, statuses: {}, latenciesMs: [] };
      const agent = new http.Agent({ keepAlive: true, maxSockets: request.connections });
      const end = Date.now() + request.durationMs;
      const once = (): Promise<number> =>
        new Promise((resolve, reject) => {
          const req = http.get(request.url, { agent, headers: request.headers }, (res) => {
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
            res.resume();
          });
          req.on('error', reject);
        });
      const loop = async (): Promise<void> => {
        while (Date.now() < end) {
          const started = performance.now();
          const status = await once();
          result.latenciesMs.push(performance.now() - started);
          result.requests += 1;
          result.statuses[status] = (result.statuses[status] ?? 0) + 1;
          if (status !== 200 && status !== 304) result.failures += 1;
        }
      };
      await Promise.all(Array.from({ length: request.connections }, loop));
      agent.destroy();
      parentPort?.postMessage(result);
    })();
  });
}

if (!isMainThread) serveLoad();
