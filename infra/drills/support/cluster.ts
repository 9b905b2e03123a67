import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePortBlock } from '../../../scripts/free-ports.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type ClusterState = {
  supervisorPid: number | null;
  pids: Record<string, number | null>;
  settings: {
    edge: { port: number; internalPort: number };
    api: { name: string; port: number; metricsPort: number }[];
    web: { name: string; port: number }[];
    pgPort: number;
  };
  pgData: string;
  databaseUrl: string;
  organizer: { email: string; password: string };
};

export type RunningCluster = {
  dir: string;
  edge: string;
  internal: string;
  state: () => ClusterState;
  output: () => string;
  stop: () => Promise<{ code: number | null; leftovers: string[] }>;
};

/**
 * Starts `scripts/cluster.mjs` (what `pnpm cluster` runs after building) on free-looking ports in a
 * fresh folder, and waits for its READY line. Everything listens on 127.0.0.1 only.
 */
export async function startCluster(extraEnv: Record<string, string> = {}): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-drill-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as user postgres and keeps its files in here
  const base = await freePortBlock(50); // edge, API, web, metrics and PostgreSQL ports are offsets from here
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLUSTER_DIR: dir,
    EDGE_PORT: String(base),
    API_PORT: String(base + 10),
    WEB_PORT: String(base + 20),
    METRICS_PORT: String(base + 30),
    PG_PORT: String(base + 40),
    ...extraEnv,
  };
  delete env.NODE_ENV; // vitest sets "test"; the cluster runs its replicas in production mode
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/cluster.mjs')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 200_000;
  while (!output.includes('[cluster] READY')) {
    if (child.exitCode !== null) throw new Error(`the cluster exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      await exited;
      throw new Error(`the cluster was not ready within 200 s:\n${output}`);
    }
    await sleep(250);
  }
  const state = () => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as ClusterState;
  const { settings } = state();
  const servicesRunning = () =>
    Object.entries(state().pids).filter((entry): entry is [string, number] => entry[1] !== null);
  return {
    dir,
    edge: `http://127.0.0.1:${settings.edge.port}`,
    internal: `http://127.0.0.1:${settings.edge.internalPort}`,
    state,
    output: () => output,
    stop: async () => {
      const services = servicesRunning();
      child.kill('SIGTERM');
      const code = await exited;
      const leftovers = [
        ...services
          .filter(([, pid]) => groupAlive(pid))
          .map(([name, pid]) => `${name}'s process group ${pid}: ${groupMembers(pid)}`),
        ...processesUsing(dir),
      ];
      if (leftovers.length === 0) rmSync(dir, { recursive: true, force: true });
      return { code, leftovers };
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The edge's access-log lines with a 5xx status so far (at most 5), to tell whose failure a failed request was. */
export function edgeErrors(cluster: RunningCluster): string {
  const lines = readFileSync(join(cluster.dir, 'nginx', 'access.log'), 'utf8')
    .split('\n')
    .filter((line) => / 5\d\d \d+ rt=/.test(line));
  return lines.length === 0 ? '' : `edge 5xx: ${JSON.stringify(lines.slice(-5))}`;
}

/** Each service runs in its own process group; nginx workers or PostgreSQL backends would show up here. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** What is still running in a process group, as `ps` shows it (for the failure message). */
function groupMembers(pgid: number): string {
  return execFileSync('ps', ['-eo', 'pgid=,pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => Number(line.trim().split(/\s+/)[0]) === pgid)
    .map((line) => line.trim().split(/\s+/).slice(1).join(' ').slice(0, 120))
    .join('; ');
}

/** Any process whose command line names the cluster folder (PostgreSQL, nginx) still running. */
function processesUsing(dir: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dir))
    .map((line) => line.trim());
}

/** Waits until a URL answers with the status; returns how long that took. */
export async function untilStatus(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (res?.status === status) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

/** Waits until the supervisor has replaced a process (new pid in state.json). */
export async function untilReplaced(
  cluster: RunningCluster,
  name: string,
  oldPid: number,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const pid = cluster.state().pids[name];
    if (pid && pid !== oldPid) return pid;
    await sleep(100);
  }
  throw new Error(`${name} was not restarted within ${timeoutMs} ms`);
}
