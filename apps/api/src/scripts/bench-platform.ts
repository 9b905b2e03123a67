/**
 * The platform pieces every benchmark starts: a throwaway embedded PostgreSQL with the 2023 seed and a bench
 * organizer, the API in this process, and a wait until a started server answers.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/bootstrap.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';

export const BENCH_ORGANIZER = { email: 'bench@sailcourt.local', password: 'bench-organizer-password' } as const;

/** The settings an API process needs to run as production with the bench organizer. */
export const benchApiEnv = (): Record<string, string> => ({
  ORGANIZER_EMAIL: BENCH_ORGANIZER.email,
  ORGANIZER_PASSWORD: BENCH_ORGANIZER.password,
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-!',
});

type FreePorts = { freePortBlock(count: number): Promise<number> };

/**
 * Ports below the range Linux uses for outgoing connections, checked free (the repository's shared helper, loaded
 * at run time because it sits outside this package's sources).
 */
async function freePortBlock(count: number): Promise<number> {
  const helper = new URL('../../../../scripts/free-ports.mjs', import.meta.url).href;
  return ((await import(helper)) as FreePorts).freePortBlock(count);
}

export interface BenchDatabase {
  /** A temporary folder for this run, removed by `stop`. */
  readonly dir: string;
  /** The seeded `bench` database. */
  readonly url: string;
  /** The first of the free ports asked for beside the database's own. */
  readonly firstSparePort: number;
  stop(): Promise<void>;
}

/** Starts PostgreSQL in a temporary folder and seeds a `bench` database; `sparePorts` more free ports follow its own. */
export async function startBenchDatabase(name: string, sparePorts = 0): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `sailcourt-bench-${name}-`));
  const port = await freePortBlock(1 + sparePorts);
  const server = await startEmbeddedPostgres(join(dir, 'cluster'), port);
  const stop = async (): Promise<void> => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(server.url('postgres'), 'bench');
    const url = server.url('bench');
    await prepareDatabase(url, { seed: true, organizer: BENCH_ORGANIZER });
    return { dir, url, firstSparePort: port + 1, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface InProcessApi {
  /** `http://127.0.0.1:<port>`, what the web's API_URL takes. */
  readonly origin: string;
  /** `<origin>/api` */
  readonly base: string;
  close(): Promise<void>;
}

/**
 * The API as production configures it, listening in this process on a port of its own choosing. Request logs are
 * off: in this thread they would flood the figures printed beside them.
 */
export async function startInProcessApi(databaseUrl: string, env: Record<string, string> = {}): Promise<InProcessApi> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REQUEST_LOG: 'off',
    ...benchApiEnv(),
    ...env,
  });
  const app = await createApp(config, { databaseUrl, logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, base: `${origin}/api`, close: () => app.close() };
}

/** Resolves once `url` answers 2xx; fails when `child` (the server being waited for) exits first or time runs out. */
export async function waitUntilAnswering(url: string, child?: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Stops child processes with SIGTERM, last started first, and waits for each to exit. */
export async function stopChildren(children: readonly ChildProcess[]): Promise<void> {
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
