/**
 * Benchmark (not a test): `pnpm bench` at the root.
 *  1. FIBA standings for 200 teams / 20,000 games, in process (the domain alone).
 *  2. HTTP throughput of GET standings against GET /api/health on the same server, measured
 *     alternately in one run: the API listens on loopback in this thread, the load comes from a
 *     worker thread (autocannon is not installed; a small keep-alive client stands in), against a
 *     throwaway embedded PostgreSQL holding the same 20,000 games.
 * Bounded: about 40 s in all. Prints its figures and the targets; it never fails a build.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { classifyFibaGroup, type FibaGameResult, generateRoundRobin } from '@sailcourt/domain';
import { seededRandom } from '@sailcourt/seeds';
import { Client } from 'pg';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/bootstrap.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';

const TEAMS = 200;
const GAMES = 20_000;
const DOMAIN_RUNS = 9;
const CONNECTIONS = 32;
const PHASE_MS = 1_500;
const ROUNDS = 6;
const TARGET_MS = 100;
const TARGET_RATIO = 0.8;

type LoadRequest = { url: string; headers: Record<string, string>; durationMs: number; connections: number };
type LoadResult = { requests: number; failures: number; statuses: Record<string, number> };

// ---- the league --------------------------------------------------------------------------------

/** 200 teams: one full round robin (19,900 games) and the start of the second cycle. */
function league(teamIds: readonly string[]): FibaGameResult[] {
  const next = seededRandom(2023); // the same league on every run
  const strength = new Map(teamIds.map((id) => [id, next() * 20]));
  const games: FibaGameResult[] = [];
  for (const round of generateRoundRobin(teamIds, { double: true })) {
    for (const p of round.pairings) {
      if (games.length === GAMES) return games;
      const home = Math.round(80 + (strength.get(p.homeTeamId) ?? 0) + 20 * next());
      let away = Math.round(80 + (strength.get(p.awayTeamId) ?? 0) + 20 * next());
      if (away === home) away += 1;
      games.push({ homeTeamId: p.homeTeamId, awayTeamId: p.awayTeamId, homeScore: home, awayScore: away });
    }
  }
  return games;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function benchDomain(): { median: number; min: number; max: number } {
  const teamIds = Array.from({ length: TEAMS }, (_, i) => `team-${String(i + 1).padStart(3, '0')}`);
  const games = league(teamIds);
  classifyFibaGroup({ teamIds, games }); // warm-up: JIT
  const times: number[] = [];
  for (let i = 0; i < DOMAIN_RUNS; i++) {
    const started = performance.now();
    const rows = classifyFibaGroup({ teamIds, games, groupComplete: false });
    times.push(performance.now() - started);
    if (rows.length !== TEAMS) throw new Error('The ranking lost teams.');
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

// ---- the database and the server ---------------------------------------------------------------

async function loadLeague(url: string): Promise<string> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const season = await db.query<{ id: string }>(`SELECT id FROM seasons WHERE slug = 'qingdao-basketball-2023'`);
    const event = await db.query<{ id: string }>(
      `INSERT INTO events (season_id, slug, name, name_en, kind, start_date, end_date, source)
       VALUES ($1, 'bench-league', '基准联赛', 'Benchmark league', 'league', '2023-07-10', '2023-08-25', 'benchmark') RETURNING id`,
      [season.rows[0]?.id],
    );
    const eventId = event.rows[0]?.id ?? '';
    const teams = await db.query<{ id: string }>(
      `INSERT INTO teams (slug, name, name_en, sport, source)
       SELECT 'bench-team-' || i, '基准队' || i, 'Bench team ' || i, 'basketball', 'benchmark' FROM generate_series(1, $1::int) i RETURNING id`,
      [TEAMS],
    );
    const games = league(teams.rows.map((r) => r.id));
    const start = Date.parse('2023-07-10T11:30:00Z');
    for (let from = 0; from < games.length; from += 5_000) {
      const chunk = games.slice(from, from + 5_000);
      await db.query(
        `INSERT INTO matches (event_id, home_team_id, away_team_id, starts_at, status, home_score, away_score, source)
         SELECT $1, h, a, s, 'final', hs, aws, 'benchmark' FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::int[], $6::int[]) AS g(h, a, s, hs, aws)`,
        [
          eventId,
          chunk.map((g) => g.homeTeamId),
          chunk.map((g) => g.awayTeamId),
          chunk.map((_, i) => new Date(start + (from + i) * 60_000)),
          chunk.map((g) => g.homeScore),
          chunk.map((g) => g.awayScore),
        ],
      );
    }
    return eventId;
  } finally {
    await db.end();
  }
}

function load(worker: Worker, request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    worker.once('error', fail);
    worker.once('message', (result: LoadResult) => {
      worker.off('error', fail);
      resolve(result);
    });
    worker.postMessage(request);
  });
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

async function main(): Promise<void> {
  console.log(`Sailcourt benchmark — Node ${process.version}, ${availableParallelism()} CPU(s)\n`);
  const domain = benchDomain();
  console.log(`1. FIBA standings in process, ${TEAMS} teams / ${fmt(GAMES)} games (one group, Appendix D tie-breaks):`);
  console.log(`   median ${fmt(domain.median, 1)} ms (min ${fmt(domain.min, 1)}, max ${fmt(domain.max, 1)}; ${DOMAIN_RUNS} runs) — target < ${TARGET_MS} ms: ${verdict(domain.median < TARGET_MS)}\n`);

  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-bench-'));
  const pg = await startEmbeddedPostgres(join(dir, 'cluster'), 56000 + Math.floor(Math.random() * 900));
  const worker = new Worker(fileURLToPath(import.meta.url));
  try {
    await ensureDatabase(pg.url('postgres'), 'bench');
    const databaseUrl = pg.url('bench');
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET: 'bench-secret-that-is-at-least-32-characters', ORGANIZER_EMAIL: 'bench@sailcourt.local', ORGANIZER_PASSWORD: 'bench-organizer-password' });
    await prepareDatabase(databaseUrl, { seed: true, organizer: config.organizer });
    const eventId = await loadLeague(databaseUrl);
    const app = await createApp(config, { databaseUrl, logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api`;
    const health = `${base}/health`;
    const standings = `${base}/events/${eventId}/standings`;
    try {
      const cold = await timed(standings);
      const etag = (await fetch(standings)).headers.get('etag') ?? '';
      const size = {
        identity: (await (await fetch(standings, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer()).byteLength,
        gzip: Number((await fetch(standings, { method: 'GET', headers: { 'Accept-Encoding': 'gzip' } })).headers.get('content-length') ?? 0),
      };
      const totals = { health: 0, full: 0, conditional: 0 };
      /** Time this (the server's) thread was busy, per endpoint: steadier than throughput on a shared machine. */
      const busyMs = { health: 0, full: 0, conditional: 0 };
      const failures: string[] = [];
      // Browsers and edge caches ask for gzip; every phase sends the same headers but its validator.
      const phase = async (name: keyof typeof totals, url: string, extra: Record<string, string> = {}): Promise<void> => {
        const headers = { 'Accept-Encoding': 'gzip', ...extra };
        const before = performance.eventLoopUtilization();
        const r = await load(worker, { url, headers, durationMs: PHASE_MS, connections: CONNECTIONS });
        const used = performance.eventLoopUtilization(before);
        totals[name] += r.requests;
        busyMs[name] += used.active;
        if (r.failures > 0) failures.push(`${name}: ${r.failures} failed (${JSON.stringify(r.statuses)})`);
      };
      await phase('health', health); // warm-up, not counted below
      totals.health = 0;
      busyMs.health = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // ABC then CBA, so a drift in machine load weighs on every endpoint alike.
        const order: (() => Promise<void>)[] = [() => phase('health', health), () => phase('full', standings), () => phase('conditional', standings, { 'If-None-Match': etag })];
        for (const run of round % 2 === 0 ? order : [...order].reverse()) await run();
      }
      const seconds = (ROUNDS * PHASE_MS) / 1000;
      const rps = { health: totals.health / seconds, full: totals.full / seconds, conditional: totals.conditional / seconds };
      const cost = (name: keyof typeof totals): string => `${fmt((busyMs[name] * 1000) / Math.max(1, totals[name]))} µs`;
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      await db.query(`UPDATE matches SET home_score = home_score + 2 WHERE id = (SELECT id FROM matches WHERE event_id = $1 ORDER BY starts_at LIMIT 1)`, [eventId]);
      await db.end();
      const afterWrite = await timed(standings);
      const etagAfter = (await fetch(standings)).headers.get('etag') ?? '';

      console.log(`2. HTTP on loopback, ${CONNECTIONS} connections, ${ROUNDS} × ${PHASE_MS / 1000} s per endpoint, alternating:`);
      console.log(`   endpoint                                          throughput   server thread busy per request`);
      console.log(`   GET /api/health                                   ${fmt(rps.health).padStart(6)} req/s   ${cost('health')}`);
      console.log(`   GET /api/events/:id/standings (200, full body)    ${fmt(rps.full).padStart(6)} req/s   ${cost('full')}   ratio ${fmt(rps.full / rps.health, 3)} — target ≥ ${TARGET_RATIO}: ${verdict(rps.full / rps.health >= TARGET_RATIO)}`);
      console.log(`   GET /api/events/:id/standings (If-None-Match→304) ${fmt(rps.conditional).padStart(6)} req/s   ${cost('conditional')}   ratio ${fmt(rps.conditional / rps.health, 3)}`);
      console.log(`   standings body: ${fmt(size.identity / 1024)} KiB JSON, sent as ${fmt(size.gzip / 1024)} KiB gzip (each phase sends Accept-Encoding: gzip)`);
      console.log(`   first standings response (cold: ${fmt(GAMES)} games read and ranked): ${fmt(cold, 0)} ms`);
      console.log(`   after a result is written: ETag ${etagAfter !== etag ? 'changed' : 'UNCHANGED'}, recomputed in ${fmt(afterWrite, 0)} ms`);
      if (failures.length > 0) console.log(`   failures: ${failures.join('; ')}`);
    } finally {
      await app.close();
    }
  } finally {
    await worker.terminate();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The load generator, autocannon-style: keep-alive HTTP/1.1 connections, each sending its next
 * request when the previous response has ended; bodies are read and dropped, not decompressed, so
 * the client costs little next to the server it measures.
 */
function serveLoad(): void {
  parentPort?.on('message', (request: LoadRequest) => {
    void (async () => {
      const result: LoadResult = { requests: 0, failures: 0, statuses: {} };
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
          const status = await once();
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

if (isMainThread) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  serveLoad();
}
