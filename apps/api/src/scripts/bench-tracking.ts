/**
 * Tracking benchmark (not a test): run by `pnpm bench` after the standings benchmark.
 *  1. Position ingest through the API: POST /rallies/:id/positions in batches of 100, one client and
 *     four concurrent clients, positions per second.
 *  2. GET …/legs/:n/progress?at= latency with 161,280 stored positions (7 boats × a fix a minute ×
 *     16 days), at instants spread over each leg.
 *  3. The rally page's weight with full trails: the HTML the web server sends for the tracker, with
 *     trails simplified (Douglas–Peucker) as the page does, against the raw fixes of the leg.
 * Uses a throwaway embedded PostgreSQL and the seeded 2023 rally; about a minute in all.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { illustrativeTracks, loadRally } from '@sailcourt/seeds';
import { Client } from 'pg';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/bootstrap.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { BENCH_ENV, fmt, percentile } from './bench-support.js';

const MINUTE = 60_000;
const DAYS = 16;
const BATCH = 100;
const SINGLE_CLIENT_BATCHES = 100;
const CONCURRENT_CLIENTS = 4;
const CONCURRENT_BATCHES = 200;
const PROGRESS_SAMPLES = 15;
const TARGET_PROGRESS_MS = 200;

type Fix = { entryId: string; at: number; lat: number; lon: number };

/** Every boat, a fix a minute for 16 days: the illustrative 2023 tracks interpolated to the minute, in port between legs. */
function minuteFixes(entryBySail: Map<string, string>): Fix[] {
  const rally = loadRally();
  const tracks = illustrativeTracks(rally);
  const start = Date.parse('2023-06-19T10:00:00+08:00');
  const fixes: Fix[] = [];
  for (const [sail, entryId] of entryBySail) {
    const own = tracks.filter((f) => f.sailNumber === sail).sort((a, b) => a.at - b.at);
    let j = 0;
    for (let at = start; at < start + DAYS * 24 * 60 * MINUTE; at += MINUTE) {
      while (j < own.length - 1 && (own[j + 1]?.at ?? Infinity) <= at) j += 1;
      const a = own[j];
      const b = own[j + 1];
      if (!a) continue;
      const f = b && at > a.at && b.at > a.at ? Math.min(1, (at - a.at) / (b.at - a.at)) : 0;
      fixes.push({
        entryId,
        at,
        lat: a.lat + ((b?.lat ?? a.lat) - a.lat) * f,
        lon: a.lon + ((b?.lon ?? a.lon) - a.lon) * f,
      });
    }
  }
  return fixes.sort((x, y) => x.at - y.at);
}

async function post(url: string, token: string, rows: readonly Fix[]): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(
      rows.map((r) => ({ entryId: r.entryId, at: new Date(r.at).toISOString(), lat: r.lat, lon: r.lon })),
    ),
  });
  const body = (await res.json()) as { accepted: number };
  if (res.status !== 200) throw new Error(`positions answered ${res.status}`);
  return body.accepted;
}

async function bulkInsert(url: string, fixes: readonly Fix[]): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    for (let i = 0; i < fixes.length; i += 20_000) {
      const chunk = fixes.slice(i, i + 20_000);
      await db.query(
        `INSERT INTO rally_positions (entry_id, at, lat, lon, origin)
         SELECT e, to_timestamp(t / 1000.0), la, lo, 'feed' FROM unnest($1::uuid[], $2::double precision[], $3::double precision[], $4::double precision[]) AS x(e, t, la, lo)
         ON CONFLICT DO NOTHING`,
        [chunk.map((f) => f.entryId), chunk.map((f) => f.at), chunk.map((f) => f.lat), chunk.map((f) => f.lon)],
      );
    }
    await db.query(`UPDATE rallies SET positions_version = positions_version + 1`);
    await db.query('ANALYZE rally_positions');
  } finally {
    await db.end();
  }
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the web server exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

async function main(): Promise<void> {
  console.log(`Sailcourt tracking benchmark — Node ${process.version}, ${availableParallelism()} CPU(s)\n`);
  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-bench-tracking-'));
  const pg = await startEmbeddedPostgres(join(dir, 'cluster'), 57000 + Math.floor(Math.random() * 900));
  let web: ChildProcess | undefined;
  try {
    await ensureDatabase(pg.url('postgres'), 'bench');
    const databaseUrl = pg.url('bench');
    const config = loadConfig({
      ...BENCH_ENV,
      DATABASE_URL: databaseUrl,
      WRITE_RATE_LIMIT: '1000000',
      REQUEST_LOG: 'off',
    });
    await prepareDatabase(databaseUrl, { seed: true, organizer: config.organizer });
    const app = await createApp(config, { databaseUrl, logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api`;
    try {
      const token = (
        (await (
          await fetch(`${base}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'bench@sailcourt.local', password: 'bench-organizer-password' }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
      const rally = (await (await fetch(`${base}/rallies/shandong-peninsula-rally-2023`)).json()) as {
        id: string;
        entries: { id: string; sailNumber: string }[];
        legs: { number: number; startsAt: string }[];
      };
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      await db.query(`DELETE FROM rally_positions`); // the seed's 30-minute tracks make way for the minute ones
      await db.end();
      const fixes = minuteFixes(new Map(rally.entries.map((e) => [e.sailNumber, e.id])));
      const positionsUrl = `${base}/rallies/${rally.id}/positions`;

      // 1. Ingest through the API.
      const batches = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) => fixes.slice(from + i * BATCH, from + (i + 1) * BATCH));
      let started = performance.now();
      let stored = 0;
      for (const batch of batches(0, SINGLE_CLIENT_BATCHES)) stored += await post(positionsUrl, token, batch);
      const single = (stored * 1000) / (performance.now() - started);
      const queue = batches(SINGLE_CLIENT_BATCHES * BATCH, CONCURRENT_BATCHES);
      started = performance.now();
      const counts = await Promise.all(
        Array.from({ length: CONCURRENT_CLIENTS }, async () => {
          let n = 0;
          for (let batch = queue.shift(); batch; batch = queue.shift()) n += await post(positionsUrl, token, batch);
          return n;
        }),
      );
      const concurrent = (counts.reduce((a, b) => a + b, 0) * 1000) / (performance.now() - started);
      const viaApi = (SINGLE_CLIENT_BATCHES + CONCURRENT_BATCHES) * BATCH;
      console.log(`1. Position ingest through the API, batches of ${BATCH} (${fmt(viaApi)} positions):`);
      console.log(
        `   one client ${fmt(single)} positions/s · ${CONCURRENT_CLIENTS} clients ${fmt(concurrent)} positions/s`,
      );
      console.log(`   (a fleet of 7 boats at a fix a minute sends 0.12 positions/s)\n`);

      // 2. progress?at with the full 16 days stored.
      await bulkInsert(databaseUrl, fixes.slice(viaApi));
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      const total = Number((await client.query(`SELECT count(*) AS n FROM rally_positions`)).rows[0]?.n ?? 0);
      const size = String(
        (await client.query(`SELECT pg_size_pretty(pg_total_relation_size('rally_positions')) AS s`)).rows[0]?.s ?? '',
      );
      await client.end();
      console.log(`2. GET …/legs/:n/progress?at= with ${fmt(total)} stored positions (table and key: ${size}):`);
      for (const leg of rally.legs) {
        const from = Date.parse(leg.startsAt);
        const next = rally.legs.find((l) => l.number === leg.number + 1);
        const to = next ? Date.parse(next.startsAt) : from + 24 * 3_600_000;
        const times: number[] = [];
        const cold: number[] = [];
        for (let i = 0; i < PROGRESS_SAMPLES + 2; i++) {
          const at = new Date(
            from + ((to - from) * ((i % PROGRESS_SAMPLES) + 1)) / (PROGRESS_SAMPLES + 1),
          ).toISOString();
          const t0 = performance.now();
          const res = await fetch(
            `${base}/rallies/${rally.id}/legs/${leg.number}/progress?at=${encodeURIComponent(at)}`,
          );
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`progress answered ${res.status}`);
          if (i === 0) cold.push(performance.now() - t0); // reads the leg from the database
          if (i >= 2) times.push(performance.now() - t0); // the first two warm up
        }
        const p50 = percentile(times, 50);
        console.log(
          `   leg ${leg.number}: median ${fmt(p50, 1)} ms, p95 ${fmt(percentile(times, 95), 1)} ms (first read after a write ${fmt(cold[0] ?? 0)} ms) — target < ${TARGET_PROGRESS_MS} ms: ${p50 < TARGET_PROGRESS_MS ? 'met' : 'NOT met'}`,
        );
      }

      // 3. The rally page with full trails.
      const raw = await (await fetch(`${base}/rallies/${rally.id}/tracks?leg=1`)).arrayBuffer();
      const simplified = await (await fetch(`${base}/rallies/${rally.id}/tracks?leg=1&toleranceNm=0.25`)).arrayBuffer();
      const webEntry = fileURLToPath(new URL('../../../web/server.js', import.meta.url));
      console.log(
        `\n3. Rally page weight, leg 1 (${fmt(JSON.parse(new TextDecoder().decode(raw)).length)} fixes; ${fmt(JSON.parse(new TextDecoder().decode(simplified)).length)} after Douglas–Peucker at 0.25 nm):`,
      );
      console.log(
        `   the leg's raw fixes as JSON: ${fmt(raw.byteLength / 1024)} KiB (${fmt(gzipSync(Buffer.from(raw)).byteLength / 1024)} KiB gzip)`,
      );
      if (existsSync(webEntry)) {
        const webPort = 58000 + Math.floor(Math.random() * 900);
        web = spawn(process.execPath, [webEntry], {
          env: {
            ...process.env,
            PORT: String(webPort),
            HOST: '127.0.0.1',
            API_URL: `http://127.0.0.1:${port}`,
            ORIGIN: `http://127.0.0.1:${webPort}`,
          },
          stdio: 'ignore',
        });
        const page = `http://127.0.0.1:${webPort}/rally/shandong-peninsula-rally-2023?tleg=1&at=${Date.parse(rally.legs[1]?.startsAt ?? '') - MINUTE}`;
        await waitFor(`http://127.0.0.1:${webPort}/`, web);
        const html = Buffer.from(await (await fetch(page)).arrayBuffer());
        const t0 = performance.now();
        await (await fetch(page)).arrayBuffer();
        console.log(
          `   the rally page's HTML with trails: ${fmt(html.byteLength / 1024)} KiB (${fmt(gzipSync(html).byteLength / 1024)} KiB gzip), served in ${fmt(performance.now() - t0)} ms`,
        );
      } else {
        console.log('   (web not built: run `pnpm build` to measure the page itself)');
      }
    } finally {
      await app.close();
    }
  } finally {
    web?.kill('SIGTERM');
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
