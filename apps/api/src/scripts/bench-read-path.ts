/**
 * Read-path benchmark (not a test), part of `pnpm bench`: fans' pages and API reads against the
 * machine's limit, measured in one run.
 *  - The platform as production runs it: the built API and web, one process each (NODE_ENV=production),
 *    on a throwaway embedded PostgreSQL with the 2023 seed plus a 3,000-game / 200-team league.
 *  - For each public page and API read, the bytes the real path sends are captured once; a bare Node
 *    `http` server (a process of its own) then sends exactly those bytes with the same headers. The load
 *    generator (bench-load.ts, 32 keep-alive connections) alternates between the two, ABBA, so a drift
 *    in machine load weighs on both alike. Printed: req/s, the ratio to the bare server, p99, the goals.
 *  - The first standings after a start (cold), and the weight and time of the big league's pages.
 * About two minutes. It prints figures; it never fails a build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { prepareDatabase } from '../database/bootstrap.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { loadLeague } from './bench-league.js';
import { startLoadWorker } from './bench-load.js';
import { BENCH_ENV, BENCH_ORGANIZER, fmt, percentile, runBench } from './bench-support.js';

const CONNECTIONS = 32;
const PHASE_MS = 1_000;
const ROUNDS = 3;
const GOALS = { page: { ratio: 0.3, p99Ms: 50 }, api: { ratio: 0.5, p99Ms: 20 } } as const;
const BIG = { slug: 'bench-big-league', teams: 200, games: 3_000, perDay: 100 } as const;
const API_MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const WEB_MAIN = fileURLToPath(new URL('../../../web/server.js', import.meta.url));
/** What a browser sends; the real path and the bare server get the same. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN,zh;q=0.9' };
/** The response headers the bare server repeats (the ones that shape what a client receives). */
const KEPT_HEADERS = ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary', 'content-language'];

type Target = { kind: 'page' | 'api'; label: string; path: string };
type Captured = Target & { headers: Record<string, string>; body: Buffer };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomPort = () => 20_000 + Math.floor(Math.random() * 10_000);

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error(`${url} did not come up`);
}

/** One GET as a browser makes it, body kept as sent (compressed or not). */
function rawGet(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: BROWSER_HEADERS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function capture(base: string, target: Target): Promise<Captured> {
  const res = await rawGet(`${base}${target.path}`);
  if (res.status !== 200) throw new Error(`${target.path} answered ${res.status}`);
  const headers = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => (typeof res.headers[name] === 'string' ? [[name, res.headers[name]]] : [])),
  );
  return { ...target, headers, body: res.body };
}

/** The bare server: Node's `http`, answering each captured path with its bytes and headers, nothing else. */
const BARE_SERVER = `
import http from 'node:http';
import { readFileSync } from 'node:fs';
const routes = new Map(JSON.parse(readFileSync(process.argv[1], 'utf8')).map((r) => [r.path, { headers: r.headers, body: Buffer.from(r.body, 'base64') }]));
http.createServer((req, res) => {
  const route = routes.get(req.url);
  if (!route) { res.writeHead(404).end(); return; }
  res.writeHead(200, { ...route.headers, 'content-length': route.body.length });
  res.end(route.body);
}).listen(Number(process.argv[2]), '127.0.0.1');
`;

function startBare(dir: string, captured: readonly Captured[], port: number): ChildProcess {
  const file = join(dir, 'bare-routes.json');
  writeFileSync(
    file,
    JSON.stringify(captured.map((c) => ({ path: c.path, headers: c.headers, body: c.body.toString('base64') }))),
  );
  return spawn(process.execPath, ['--input-type=module', '-e', BARE_SERVER, file, String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

type Figures = { rps: number; p99: number; failures: number };

async function measure(
  worker: ReturnType<typeof startLoadWorker>,
  realUrl: string,
  bareUrl: string,
): Promise<{ real: Figures; bare: Figures }> {
  const totals = {
    real: { requests: 0, failures: 0, latencies: [] as number[] },
    bare: { requests: 0, failures: 0, latencies: [] as number[] },
  };
  const phase = async (which: 'real' | 'bare', durationMs: number, counted: boolean) => {
    const r = await worker.run({
      url: which === 'real' ? realUrl : bareUrl,
      headers: BROWSER_HEADERS,
      durationMs,
      connections: CONNECTIONS,
    });
    if (!counted) return;
    totals[which].requests += r.requests;
    totals[which].failures += r.failures;
    totals[which].latencies.push(...r.latenciesMs);
  };
  await phase('real', 300, false); // warm-up: JIT, caches
  await phase('bare', 300, false);
  for (let round = 0; round < ROUNDS; round++) {
    const order: ('real' | 'bare')[] = round % 2 === 0 ? ['real', 'bare'] : ['bare', 'real'];
    for (const which of order) await phase(which, PHASE_MS, true);
  }
  const seconds = (ROUNDS * PHASE_MS) / 1000;
  const figures = (t: (typeof totals)['real']): Figures => ({
    rps: t.requests / seconds,
    p99: percentile(t.latencies, 99),
    failures: t.failures,
  });
  return { real: figures(totals.real), bare: figures(totals.bare) };
}

/** The median time of a few sequential requests, and the weight of what was sent. */
async function weigh(url: string): Promise<{ ms: number; bytes: number; gzipBytes: number }> {
  const times: number[] = [];
  let body: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 5; i++) {
    const res = await new Promise<{ body: Buffer; ms: number }>((resolve, reject) => {
      const started = performance.now();
      http
        .get(url, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ body: Buffer.concat(chunks), ms: performance.now() - started }));
        })
        .on('error', reject);
    });
    times.push(res.ms);
    body = res.body;
  }
  return { ms: percentile(times, 50), bytes: body.byteLength, gzipBytes: gzipSync(body).byteLength };
}

async function main(): Promise<void> {
  console.log(
    `Read path — Node ${process.version}, ${availableParallelism()} CPU(s), ${CONNECTIONS} connections, ${ROUNDS} × ${PHASE_MS / 1000} s per side, alternating\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-bench-read-'));
  const port = randomPort();
  const pg = await startEmbeddedPostgres(join(dir, 'cluster'), port);
  const children: ChildProcess[] = [];
  const worker = startLoadWorker();
  try {
    await ensureDatabase(pg.url('postgres'), 'bench');
    const databaseUrl = pg.url('bench');
    await prepareDatabase(databaseUrl, {
      seed: true,
      organizer: BENCH_ORGANIZER,
    });
    const day0 = Date.parse('2023-07-10T09:00:00+08:00');
    await loadLeague(databaseUrl, {
      slug: BIG.slug,
      teams: BIG.teams,
      games: BIG.games,
      startsAt: (i) => new Date(day0 + Math.floor(i / BIG.perDay) * 86_400_000 + (i % 10) * 3_600_000),
    });

    const [apiPort, webPort, barePort] = [port + 1, port + 2, port + 3];
    const api = `http://127.0.0.1:${apiPort}`;
    const web = `http://127.0.0.1:${webPort}`;
    const bare = `http://127.0.0.1:${barePort}`;
    const apiEnv = {
      ...process.env,
      ...BENCH_ENV,
      API_PORT: String(apiPort),
      METRICS_PORT: String(port + 4),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      SEED_ON_START: 'false',
    };
    const apiProcess = spawn(process.execPath, [API_MAIN], { env: apiEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(apiProcess);
    await waitFor(`${api}/api/health/ready`, apiProcess);

    const events = (await (await fetch(`${api}/api/seasons/qingdao-basketball-2023/events`)).json()) as {
      id: string;
      slug: string;
    }[];
    const cba = events.find((e) => e.slug === 'cba-summer-league-2023')?.id ?? '';
    const coldApi = await rawGet(`${api}/api/events/${cba}/standings`);
    const matches = (await (await fetch(`${api}/api/events/${cba}/matches`)).json()) as { id: string }[];
    const match = matches[0]?.id ?? '';
    const rally = ((await (await fetch(`${api}/api/rallies/shandong-peninsula-rally-2023`)).json()) as { id: string })
      .id;

    const webEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(webPort),
      HOST: '127.0.0.1',
      API_URL: api,
      API_PORT: String(apiPort),
      ORIGIN: web,
    };
    const webProcess = spawn(process.execPath, [WEB_MAIN], { env: webEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(webProcess);
    await waitFor(`${web}/login`, webProcess);
    const coldPage = await rawGet(`${web}/events/cba-summer-league-2023/standings`);
    console.log(
      `Cold start: the first standings after starting — API ${fmt(coldApi.ms)} ms, web page ${fmt(coldPage.ms)} ms (goal < 200 ms)\n`,
    );

    const targets: Target[] = [
      { kind: 'page', label: 'home', path: '/' },
      { kind: 'page', label: 'event schedule', path: '/events/cba-summer-league-2023/schedule' },
      { kind: 'page', label: 'event standings', path: '/events/cba-summer-league-2023/standings' },
      { kind: 'page', label: 'event bracket', path: '/events/cba-summer-league-2023/bracket' },
      { kind: 'page', label: 'a match', path: `/matches/${match}` },
      { kind: 'page', label: 'the rally', path: '/rally/shandong-peninsula-rally-2023' },
      { kind: 'page', label: 'tourism impact', path: '/impact' },
      { kind: 'api', label: 'standings', path: `/api/events/${cba}/standings` },
      { kind: 'api', label: 'matches', path: `/api/events/${cba}/matches` },
      { kind: 'api', label: 'a match', path: `/api/matches/${match}` },
      { kind: 'api', label: 'rally standings', path: `/api/rallies/${rally}/standings` },
      { kind: 'api', label: 'leg results', path: `/api/rallies/${rally}/legs/1/results` },
    ];
    const captured: Captured[] = [];
    for (const target of targets) captured.push(await capture(target.kind === 'page' ? web : api, target));
    const bareProcess = startBare(dir, captured, barePort);
    children.push(bareProcess);
    await waitFor(`${bare}${captured[0]?.path ?? '/'}`, bareProcess);

    console.log('| read | bytes sent | real req/s | bare req/s | ratio | p99 real | p99 bare | goal |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const c of captured) {
      const { real, bare: b } = await measure(worker, `${c.kind === 'page' ? web : api}${c.path}`, `${bare}${c.path}`);
      const goal = GOALS[c.kind];
      const ratio = real.rps / b.rps;
      const met = ratio >= goal.ratio && real.p99 < goal.p99Ms && real.failures === 0;
      const encoding = c.headers['content-encoding'] ? ` ${c.headers['content-encoding']}` : '';
      console.log(
        `| ${c.kind} ${c.label} | ${fmt(c.body.byteLength / 1024, 1)} KiB${encoding} | ${fmt(real.rps)} | ${fmt(b.rps)} | ${fmt(ratio, 2)}× | ${fmt(real.p99, 1)} ms | ${fmt(b.p99, 1)} ms | ≥ ${goal.ratio}×, < ${goal.p99Ms} ms: ${met ? 'met' : 'NOT met'}${real.failures ? ` (${real.failures} failed)` : ''} |`,
      );
    }

    console.log(
      `\nA big league (${fmt(BIG.teams)} teams, ${fmt(BIG.games)} games over ${BIG.games / BIG.perDay} days), one request at a time (median of 5):`,
    );
    for (const [label, url] of [
      ['schedule page (a page of days)', `${web}/events/${BIG.slug}/schedule`],
      ['standings page', `${web}/events/${BIG.slug}/standings`],
      ['API matches (every game)', `${api}/api/events/${BIG.slug}/matches`],
      ['API standings', `${api}/api/events/${BIG.slug}/standings`],
    ] as const) {
      const w = await weigh(url);
      console.log(
        `   ${label.padEnd(32)} ${fmt(w.bytes / 1024).padStart(6)} KiB (${fmt(w.gzipBytes / 1024)} KiB gzip), ${fmt(w.ms, 1)} ms`,
      );
    }
  } finally {
    await worker.stop();
    for (const child of children.reverse()) {
      if (child.exitCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
