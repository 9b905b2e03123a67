/**
 * Benchmark (not a test): `pnpm bench` at the root.
 *  1. FIBA standings for 200 teams / 20,000 games, in process (the domain alone).
 *  2. HTTP throughput of GET standings against GET /api/health on the same server, measured
 *     alternately in one run: the API listens on loopback in this thread, the load comes from a
 *     worker thread (bench-load.ts), against a
 *     throwaway embedded PostgreSQL holding the same 20,000 games.
 * Bounded: about 40 s in all. Prints its figures and the targets; it never fails a build.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyFibaGroup } from '@sailcourt/domain';
import { Client } from 'pg';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/bootstrap.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { startLoadWorker } from './bench-load.js';
import { BENCH_ENV, fmt, runBench } from './bench-support.js';
import { leagueResults, loadLeague } from './bench-league.js';

const TEAMS = 200;
const GAMES = 20_000;
const DOMAIN_RUNS = 9;
const CONNECTIONS = 32;
const PHASE_MS = 1_500;
const ROUNDS = 6;
const TARGET_MS = 100;
const TARGET_RATIO = 0.8;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function benchDomain(): { median: number; min: number; max: number } {
  const teamIds = Array.from({ length: TEAMS }, (_, i) => `team-${String(i + 1).padStart(3, '0')}`);
  const games = leagueResults(teamIds, GAMES);
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

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

async function main(): Promise<void> {
  console.log(`Sailcourt benchmark — Node ${process.version}, ${availableParallelism()} CPU(s)\n`);
  const domain = benchDomain();
  console.log(`1. FIBA standings in process, ${TEAMS} teams / ${fmt(GAMES)} games (one group, Appendix D tie-breaks):`);
  console.log(
    `   median ${fmt(domain.median, 1)} ms (min ${fmt(domain.min, 1)}, max ${fmt(domain.max, 1)}; ${DOMAIN_RUNS} runs) — target < ${TARGET_MS} ms: ${verdict(domain.median < TARGET_MS)}\n`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-bench-'));
  const pg = await startEmbeddedPostgres(join(dir, 'cluster'), 56000 + Math.floor(Math.random() * 900));
  const worker = startLoadWorker();
  try {
    await ensureDatabase(pg.url('postgres'), 'bench');
    const databaseUrl = pg.url('bench');
    const config = loadConfig({ ...BENCH_ENV, DATABASE_URL: databaseUrl });
    await prepareDatabase(databaseUrl, { seed: true, organizer: config.organizer });
    const start = Date.parse('2023-07-10T11:30:00Z');
    const eventId = await loadLeague(databaseUrl, {
      slug: 'bench-league',
      teams: TEAMS,
      games: GAMES,
      startsAt: (i) => new Date(start + i * 60_000),
    });
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
        identity: (await (await fetch(standings, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer())
          .byteLength,
        gzip: Number(
          (await fetch(standings, { method: 'GET', headers: { 'Accept-Encoding': 'gzip' } })).headers.get(
            'content-length',
          ) ?? 0,
        ),
      };
      const totals = { health: 0, full: 0, conditional: 0 };
      /** Time this (the server's) thread was busy, per endpoint: steadier than throughput on a shared machine. */
      const busyMs = { health: 0, full: 0, conditional: 0 };
      const failures: string[] = [];
      // Browsers and edge caches ask for gzip; every phase sends the same headers but its validator.
      const phase = async (
        name: keyof typeof totals,
        url: string,
        extra: Record<string, string> = {},
      ): Promise<void> => {
        const headers = { 'Accept-Encoding': 'gzip', ...extra };
        const before = performance.eventLoopUtilization();
        const r = await worker.run({ url, headers, durationMs: PHASE_MS, connections: CONNECTIONS });
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
        const order: (() => Promise<void>)[] = [
          () => phase('health', health),
          () => phase('full', standings),
          () => phase('conditional', standings, { 'If-None-Match': etag }),
        ];
        for (const run of round % 2 === 0 ? order : [...order].reverse()) await run();
      }
      const seconds = (ROUNDS * PHASE_MS) / 1000;
      const rps = {
        health: totals.health / seconds,
        full: totals.full / seconds,
        conditional: totals.conditional / seconds,
      };
      const cost = (name: keyof typeof totals): string =>
        `${fmt((busyMs[name] * 1000) / Math.max(1, totals[name]))} µs`;
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      await db.query(
        `UPDATE matches SET home_score = home_score + 2 WHERE id = (SELECT id FROM matches WHERE event_id = $1 ORDER BY starts_at LIMIT 1)`,
        [eventId],
      );
      await db.end();
      const afterWrite = await timed(standings);
      const etagAfter = (await fetch(standings)).headers.get('etag') ?? '';

      console.log(
        `2. HTTP on loopback, ${CONNECTIONS} connections, ${ROUNDS} × ${PHASE_MS / 1000} s per endpoint, alternating:`,
      );
      console.log(`   endpoint                                          throughput   server thread busy per request`);
      console.log(
        `   GET /api/health                                   ${fmt(rps.health).padStart(6)} req/s   ${cost('health')}`,
      );
      console.log(
        `   GET /api/events/:id/standings (200, full body)    ${fmt(rps.full).padStart(6)} req/s   ${cost('full')}   ratio ${fmt(rps.full / rps.health, 3)} — target ≥ ${TARGET_RATIO}: ${verdict(rps.full / rps.health >= TARGET_RATIO)}`,
      );
      console.log(
        `   GET /api/events/:id/standings (If-None-Match→304) ${fmt(rps.conditional).padStart(6)} req/s   ${cost('conditional')}   ratio ${fmt(rps.conditional / rps.health, 3)}`,
      );
      console.log(
        `   standings body: ${fmt(size.identity / 1024)} KiB JSON, sent as ${fmt(size.gzip / 1024)} KiB gzip (each phase sends Accept-Encoding: gzip)`,
      );
      console.log(`   first standings response (cold: ${fmt(GAMES)} games read and ranked): ${fmt(cold, 0)} ms`);
      console.log(
        `   after a result is written: ETag ${etagAfter !== etag ? 'changed' : 'UNCHANGED'}, recomputed in ${fmt(afterWrite, 0)} ms`,
      );
      if (failures.length > 0) console.log(`   failures: ${failures.join('; ')}`);
    } finally {
      await app.close();
    }
  } finally {
    await worker.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
