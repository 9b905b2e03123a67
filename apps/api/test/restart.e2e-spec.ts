import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePortBlock } from '../../../scripts/free-ports.mjs';
import { postmasterPid } from './support/postgres-control.js';

/** The built server, as `pnpm start` runs it: embedded PostgreSQL in DATA_DIR, migrations, seed. */
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sailcourt-restart-'));
const apiPort = await freePortBlock(2); // the API, then its embedded PostgreSQL
const base = `http://127.0.0.1:${apiPort}/api`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'development',
  DATA_DIR: dataDir,
  API_PORT: String(apiPort),
  EMBEDDED_PG_PORT: String(apiPort + 1),
};
delete env.DATABASE_URL;

async function startServer(): Promise<{ process: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    if (
      await fetch(`${base}/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { process: child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy: ${output}`);
}

async function stopServer(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

const postgresProcessesUsing = (dir: string): number => {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('postgres') && line.includes(dir)).length;
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a local restart on the same DATA_DIR', () => {
  it('keeps created data, never duplicates the seed, and leaves no process behind', async () => {
    const first = await startServer();
    expect(first.output()).toContain('local organizer: organizer@sailcourt.local / sailcourt-organizer');
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const seasons = (await (await fetch(`${base}/seasons`)).json()) as { id: string }[];
    const created = await fetch(`${base}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        seasonId: seasons[0]?.id,
        name: '重启测试赛',
        kind: 'tournament',
        startDate: '2023-08-01',
        endDate: '2023-08-02',
      }),
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as { id: string };
    expect(await stopServer(first.process)).toBe(0);
    expect(postgresProcessesUsing(dataDir)).toBe(0);

    const second = await startServer();
    try {
      expect(second.output()).toMatch(/seed: 0 seasons, 0 venues, 0 events/);
      expect((await fetch(`${base}/events/${event.id}`)).status).toBe(200);
      expect(((await (await fetch(`${base}/seasons`)).json()) as unknown[]).length).toBe(1);
      const events = (await (await fetch(`${base}/seasons/${seasons[0]?.id}/events`)).json()) as unknown[];
      expect(events).toHaveLength(16);
      // The token issued before the restart still works: the local secret lives in DATA_DIR.
      expect((await fetch(`${base}/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(
        200,
      );
    } finally {
      expect(await stopServer(second.process)).toBe(0);
    }
    expect(postgresProcessesUsing(dataDir)).toBe(0);
  }, 120_000);
});

describe('an embedded PostgreSQL that dies under the local server', () => {
  it('is restarted, and the API serves again without a restart of its own', async () => {
    const server = await startServer();
    try {
      const pgDir = join(dataDir, 'postgres');
      const killed = postmasterPid(pgDir);
      process.kill(killed, 'SIGKILL');
      const started = Date.now();
      let back = false;
      while (!back && Date.now() - started < 30_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        back = await fetch(`${base}/health/ready`)
          .then((r) => r.ok)
          .catch(() => false);
      }
      expect(back, server.output()).toBe(true);
      expect(server.output()).toMatch(/embedded PostgreSQL stopped unexpectedly \(SIGKILL\); restarting it/);
      expect(postmasterPid(pgDir)).not.toBe(killed);
      console.log(`[restart] embedded PostgreSQL killed: API ready again after ${Date.now() - started} ms`);
      expect((await fetch(`${base}/seasons`)).status).toBe(200);
    } finally {
      expect(await stopServer(server.process)).toBe(0);
    }
    expect(postgresProcessesUsing(dataDir)).toBe(0);
  }, 120_000);
});
