/**
 * Live fan-out benchmark (not a test), part of `pnpm bench`:
 *  1. Two API replicas (separate processes) on one throwaway embedded PostgreSQL. N fans hold
 *     Server-Sent Event streams of one game on replica B (N = 1,000, 2,000, 5,000); a scorer posts
 *     to replica A. Prints each message's delivery time to every fan, from the moment the write was
 *     sent (so it includes the write itself), the connections held, and B's memory per 1,000 streams.
 *  2. The write path: live scoring actions per second that one replica accepts from 32 scorers
 *     (four to a game on eight games of one event, whose live log is one ordered sequence).
 * Bounded: about a minute in all. Prints figures and the goal; it never fails a build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDatabase } from '../database/bootstrap.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { BENCH_ENV, BENCH_ORGANIZER, percentile } from './bench-support.js';

const FAN_COUNTS = [1_000, 2_000, 5_000];
const MESSAGES_PER_RUN = 5;
const SCORERS = 32;
const WRITE_MS = 5_000;
const GOAL_P99_MS = 500;
const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

type Replica = { url: string; process: ChildProcess };

function startReplica(port: number, databaseUrl: string, dataDir: string): Promise<Replica> {
  const env = {
    ...process.env,
    API_PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SEED_ON_START: 'false',
    WRITE_RATE_LIMIT: '1000000',
    ...BENCH_ENV,
    // Development settings, as before: several replicas on one host (no fixed metrics port, no request log).
    NODE_ENV: 'development',
  };
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  return waitFor(`${url}/api/health`).then(() => ({ url, process: child }));
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

function request(
  method: string,
  url: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as unknown) : null,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const rssBytes = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
};

/** One fan: a raw SSE connection that notes when each message id arrives. */
function openFan(url: string, arrivals: Map<number, number[]>): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          if (id) arrivals.get(Number(id))?.push(performance.now());
        }
      });
      resolve(req);
    });
    req.on('error', reject);
  });
}

async function fanOut(a: Replica, b: Replica, token: string, matchId: string, fans: number): Promise<void> {
  const arrivals = new Map<number, number[]>();
  const before = rssBytes(b.process.pid ?? 0);
  const streams: http.ClientRequest[] = [];
  for (let i = 0; i < fans; i += 200) {
    streams.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(200, fans - i) }, () =>
          openFan(`${b.url}/api/matches/${matchId}/live`, arrivals),
        ),
      )),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const held = rssBytes(b.process.pid ?? 0);
  const latencies: number[] = [];
  const writes: number[] = [];
  let delivered = 0;
  for (let m = 0; m < MESSAGES_PER_RUN; m++) {
    const sentAt = performance.now();
    const answer = await request(
      'POST',
      `${a.url}/api/matches/${matchId}/live`,
      { clientEventId: randomUUID(), type: 'score', team: m % 2 ? 'home' : 'away', points: 2 },
      token,
    );
    writes.push(performance.now() - sentAt);
    const seq = (answer.json as { seq: number }).seq;
    const times: number[] = [];
    arrivals.set(seq, times);
    const deadline = performance.now() + 5_000;
    while (times.length < fans && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    delivered += times.length;
    latencies.push(...times.map((t) => t - sentAt));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const s of streams) s.destroy();
  const perThousand = ((held - before) / fans) * 1000;
  console.log(
    `  ${String(fans).padStart(5)} streams on B | delivered ${delivered}/${fans * MESSAGES_PER_RUN} | p50 ${percentile(latencies, 50).toFixed(0)} ms  p99 ${percentile(latencies, 99).toFixed(0)} ms  max ${Math.max(...latencies).toFixed(0)} ms` +
      ` | write ${percentile(writes, 50).toFixed(0)} ms | B memory +${(perThousand / 2 ** 20).toFixed(1)} MiB per 1,000 streams` +
      ` | ${fans === 5_000 ? (percentile(latencies, 99) < GOAL_P99_MS ? 'goal met' : `goal p99 < ${GOAL_P99_MS} ms missed`) : ''}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

async function writePath(a: Replica, token: string, matchIds: readonly string[]): Promise<void> {
  const latencies: number[] = [];
  let accepted = 0;
  let refused = 0;
  const until = performance.now() + WRITE_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SCORERS }, async (_, i) => {
      const matchId = matchIds[i % matchIds.length] ?? '';
      while (performance.now() < until) {
        const t0 = performance.now();
        const res = await request(
          'POST',
          `${a.url}/api/matches/${matchId}/live`,
          { clientEventId: randomUUID(), type: 'score', team: i % 2 ? 'home' : 'away', points: 1 + (i % 3) },
          token,
        );
        latencies.push(performance.now() - t0);
        if (res.status === 201) accepted += 1;
        else refused += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  ${SCORERS} scorers on ${matchIds.length} games of one event: ${(accepted / seconds).toFixed(0)} actions/s accepted (${refused} refused) | p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-bench-live-'));
  const server = await startEmbeddedPostgres(join(dir, 'cluster'), 56000 + Math.floor(Math.random() * 900));
  const replicas: Replica[] = [];
  try {
    await ensureDatabase(server.url('postgres'), 'bench');
    const url = server.url('bench');
    await prepareDatabase(url, { seed: true, organizer: BENCH_ORGANIZER });
    const basePort = 47000 + Math.floor(Math.random() * 1000);
    replicas.push(await startReplica(basePort, url, dir), await startReplica(basePort + 1, url, dir));
    const [a, b] = replicas as [Replica, Replica];
    const token = ((await request('POST', `${a.url}/api/auth/login`, BENCH_ORGANIZER)).json as { accessToken: string })
      .accessToken;
    const events = (await request('GET', `${a.url}/api/seasons/qingdao-basketball-2023/events`)).json as Array<{
      id: string;
      slug: string;
    }>;
    const league = events.find((e) => e.slug === 'cba-summer-league-2023')?.id ?? '';
    const games = (
      (await request('GET', `${a.url}/api/events/${league}/matches`)).json as Array<{ id: string; status: string }>
    ).filter((m) => m.status === 'scheduled');
    const [fanGame, ...others] = games;
    if (!fanGame || others.length < 8) throw new Error('The seeded league has too few games to play.');
    for (const g of [fanGame, ...others.slice(0, 8)])
      await request('POST', `${a.url}/api/matches/${g.id}/live`, { clientEventId: randomUUID(), type: 'start' }, token);

    console.log(
      `Live fan-out: a score posted on replica A, read on replica B's streams (${MESSAGES_PER_RUN} messages per run; time from sending the write)`,
    );
    for (const fans of FAN_COUNTS) await fanOut(a, b, token, fanGame.id, fans);
    console.log('Live write path (replica A):');
    await writePath(
      a,
      token,
      others.slice(0, 8).map((g) => g.id),
    );
  } finally {
    for (const r of replicas) r.process.kill('SIGTERM');
    await Promise.all(
      replicas.map(
        (r) =>
          new Promise((resolve) => (r.process.exitCode === null ? r.process.once('exit', resolve) : resolve(null))),
      ),
    );
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
