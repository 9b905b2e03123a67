import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/config.js';
import { prepareDatabase } from '../src/database/bootstrap.js';
import { type EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { freePortBlock } from '../../../scripts/free-ports.mjs';
import { freezeCluster, thawCluster } from './support/postgres-control.js';

/**
 * A database outage on real PostgreSQL: this file runs its own server (the shared test cluster
 * must not be stopped), freezes it with SIGSTOP, shuts it down and starts it again.
 */
const dir = mkdtempSync(join(tmpdir(), 'sailcourt-outage-'));
const clusterDir = join(dir, 'cluster');
const pgPort = await freePortBlock(1);
const ORGANIZER = { email: 'organizer@outage.test', password: 'organizer-password' };
const env = (databaseUrl: string) => ({
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl,
  JWT_SECRET: 'outage-test-secret-at-least-32-characters',
  ORGANIZER_EMAIL: ORGANIZER.email,
  ORGANIZER_PASSWORD: ORGANIZER.password,
  SEED_ON_START: 'true',
});

let server: EmbeddedDatabase;
let app: INestApplication;
let base: string;
let databaseUrl: string;

type Timed = {
  status: number;
  ms: number;
  type: string;
  retryAfter: string | null;
  body: { status?: number; detail?: string };
};
async function timed(url: string, init?: RequestInit): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return {
    status: res.status,
    ms: Math.round(performance.now() - started),
    type: res.headers.get('content-type') ?? '',
    retryAfter: res.headers.get('retry-after'),
    body: text.startsWith('{') ? (JSON.parse(text) as Timed['body']) : {},
  };
}

function expectUnavailableFast(res: Timed, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(503);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(503);
  expect(Number(res.retryAfter)).toBeGreaterThan(0);
  expect(res.ms, `${what} took ${res.ms} ms`).toBeLessThan(2000);
}

async function untilStatus(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (res?.status === status) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

const login = () =>
  timed(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ORGANIZER),
  });

beforeAll(async () => {
  server = await startEmbeddedPostgres(clusterDir, pgPort);
  await ensureDatabase(server.url('postgres'), 'sailcourt');
  databaseUrl = server.url('sailcourt');
  const config = loadConfig(env(databaseUrl));
  await prepareDatabase(databaseUrl, { seed: true, organizer: config.organizer });
  app = await createApp(config, { databaseUrl, logger: false });
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('health', () => {
  it('separates liveness (no database) from readiness (database and migrations) and keeps /api/health', async () => {
    expect((await timed(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', migrations: 'done' });
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
  });
});

describe('a stalled database (every PostgreSQL process SIGSTOPped)', () => {
  it('answers 503 problem+json with Retry-After within 2 s, stays alive, and recovers by itself', async () => {
    expect((await login()).status).toBe(200); // the pool holds open connections that will now hang
    const pids = freezeCluster(clusterDir);
    try {
      const reads = await Promise.all([
        timed(`${base}/seasons`),
        timed(`${base}/seasons/qingdao-basketball-2023/events`),
        timed(`${base}/rallies`),
      ]);
      reads.forEach((res, i) => expectUnavailableFast(res, `read ${i}`));
      expectUnavailableFast(await login(), 'sign-in');
      expectUnavailableFast(await timed(`${base}/health/ready`), 'readiness');
      expectUnavailableFast(await timed(`${base}/health`), 'health');
      const live = await timed(`${base}/health/live`);
      expect(live.status).toBe(200);
      expect(live.ms).toBeLessThan(500);
    } finally {
      thawCluster(pids);
    }
    const recoveryMs = await untilStatus(`${base}/health/ready`, 200, 15_000);
    console.log(`[outage] stalled database: ready again ${recoveryMs} ms after SIGCONT`);
    expect((await timed(`${base}/seasons`)).status).toBe(200);
    expect((await login()).status).toBe(200);
  }, 60_000);
});

describe('a database that shuts down and starts again', () => {
  it('answers 503 while it is down and serves again once it is back, without a restart', async () => {
    await server.stop();
    expectUnavailableFast(await timed(`${base}/seasons`), 'read while down');
    expectUnavailableFast(await login(), 'sign-in while down');
    expectUnavailableFast(await timed(`${base}/health/ready`), 'readiness while down');
    expect((await timed(`${base}/health/live`)).status).toBe(200);
    await server.restart();
    const recoveryMs = await untilStatus(`${base}/health/ready`, 200, 15_000);
    console.log(`[outage] restarted database: ready again ${recoveryMs} ms after it accepted connections`);
    expect((await timed(`${base}/seasons`)).status).toBe(200);
  }, 60_000);
});

describe('a replica that starts while the database is down', () => {
  const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('stays alive and unready, retries with backoff, and becomes ready when the database is back', async () => {
    await server.stop();
    const port = pgPort + 1;
    const replica = `http://127.0.0.1:${port}/api`;
    let output = '';
    child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, ...env(databaseUrl), API_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await untilStatus(`${replica}/health/live`, 200, 20_000);
    expectUnavailableFast(await timed(`${replica}/health/ready`), 'readiness while waiting');
    expectUnavailableFast(await timed(`${replica}/seasons`), 'read while waiting');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(child.exitCode, output).toBeNull();
    expect(output).toMatch(/not usable \(attempt 2/);
    await server.restart();
    const readyMs = await untilStatus(`${replica}/health/ready`, 200, 30_000);
    console.log(`[outage] replica started during the outage: ready ${readyMs} ms after the database came back`);
    expect((await timed(`${replica}/seasons`)).status).toBe(200);
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }, 90_000);
});
