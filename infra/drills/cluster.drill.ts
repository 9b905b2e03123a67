import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeErrors, type RunningCluster, sleep, startCluster, untilReplaced, untilStatus } from './support/cluster.js';
import { holdStream } from './support/live-stream.js';
import { readLoad } from './support/load.js';
import {
  type Api,
  apiClient,
  auditWrites,
  registrationExists,
  type ResultTarget,
  signIn,
  writeLoad,
  type WriteRecord,
} from './support/writes.js';

/**
 * Fault drills on the production shape (`pnpm cluster`): nginx, 2 API + 2 web replicas, Debian's
 * PostgreSQL. Processes are killed and frozen on purpose; the figures are printed for the record.
 * All traffic goes to 127.0.0.1, in bounded loops.
 */
let cluster: RunningCluster;
const figure = (line: string) => console.log(`[drill] ${line}`);

beforeAll(async () => {
  cluster = await startCluster({
    // The drills' load comes from one address; the per-client write limit is not what is tested here.
    WRITE_RATE_LIMIT: '100000',
    EDGE_SIGNIN_RATE: '600r/m',
    // Keep PostgreSQL down for a while when it is restarted, so a replica can start during the outage.
    PG_RESTART_DELAY_MS: '10000',
  });
});

afterAll(async () => {
  if (!cluster) return;
  const { code, leftovers } = await cluster.stop();
  expect(code).toBe(0);
  expect(leftovers, 'processes left behind').toEqual([]);
});

describe('the cluster serves through the edge', () => {
  it('routes /api and / over the replicas, compresses, and never routes /api/metrics', async () => {
    expect((await fetch(`${cluster.edge}/`)).status).toBe(200);
    const api = await fetch(`${cluster.edge}/api/seasons`, { headers: { 'accept-encoding': 'gzip' } });
    expect(api.status).toBe(200);
    expect(api.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${cluster.edge}/api/metrics`)).status).toBe(404);
    const { settings } = cluster.state();
    for (const api of settings.api) {
      expect((await fetch(`http://127.0.0.1:${api.port}/api/metrics`)).status).toBe(404);
      expect(await (await fetch(`${cluster.internal}/metrics/${api.name}`)).text()).toContain(
        'sailcourt_http_requests_total',
      );
    }
  });
});

describe('drill: kill -9 one API replica during a 10 s read load through the edge', () => {
  it('fails no read, and the replica is restarted and ready again', async () => {
    const { pids, settings } = cluster.state();
    const victim = pids['api-1'] as number;
    const reads = [
      '/api/seasons',
      '/api/rallies',
      '/api/seasons/qingdao-basketball-2023/events',
      '/api/seasons/qingdao-basketball-2023/impact',
    ].map((p) => `${cluster.edge}${p}`);
    let killedAt = 0;
    const load = await readLoad(
      reads,
      10_000,
      4,
      () => {
        killedAt = Date.now();
        process.kill(victim, 'SIGKILL');
      },
      3000,
    );
    await untilReplaced(cluster, 'api-1', victim, 15_000);
    await untilStatus(`http://127.0.0.1:${settings.api[0]?.port}/api/health/ready`, 200, 60_000);
    const recoveryMs = Date.now() - killedAt;
    figure(
      `API kill: ${load.total} reads, ${load.failed} failed ${JSON.stringify(load.failures)} ${edgeErrors(cluster)} (slowest ${load.maxMs} ms); api-1 ready again ${recoveryMs} ms after kill -9`,
    );
    expect(load.failures).toEqual([]);
    expect(load.failed).toBe(0);
    expect(load.total).toBeGreaterThan(40);
  });
});

describe('drill: kill -9 one web replica during page loads', () => {
  it('fails no page load, and the replica is restarted', async () => {
    const { pids, settings } = cluster.state();
    const victim = pids['web-1'] as number;
    const pages = ['/', '/rally/shandong-peninsula-rally-2023', '/impact', '/?lang=en'].map(
      (p) => `${cluster.edge}${p}`,
    );
    let killedAt = 0;
    const load = await readLoad(
      pages,
      8000,
      3,
      () => {
        killedAt = Date.now();
        process.kill(victim, 'SIGKILL');
      },
      2000,
    );
    await untilReplaced(cluster, 'web-1', victim, 15_000);
    await untilStatus(`http://127.0.0.1:${settings.web[0]?.port}/`, 200, 60_000);
    figure(
      `web kill: ${load.total} page loads, ${load.failed} failed ${JSON.stringify(load.failures)} ${edgeErrors(cluster)} (slowest ${load.maxMs} ms); web-1 serving again ${Date.now() - killedAt} ms after kill -9`,
    );
    expect(load.failures).toEqual([]);
    expect(load.failed).toBe(0);
    expect(load.total).toBeGreaterThan(8); // a loaded 2-core machine renders slowly; what matters is 0 failed
  });
});

describe('drills: PostgreSQL frozen, then restarted, during a write load of results and registrations', () => {
  let api: Api;
  let registrationEventId: string;
  let targets: ResultTarget[];

  beforeAll(async () => {
    const { organizer } = cluster.state();
    api = apiClient(cluster.edge, await signIn(cluster.edge, organizer.email, organizer.password));
    ({ registrationEventId, targets } = await prepareWriteTargets(api));
  });

  /** Writes, breaks PostgreSQL midway, retries what failed, and checks the database holds every acknowledged write. */
  async function drill(label: string, breakIt: () => Promise<void>, durationMs: number) {
    const slice = targets.splice(0, 70);
    const loadDone = writeLoad(api, registrationEventId, slice, durationMs, label);
    await sleep(2000);
    await breakIt(); // returns once the database is back; the load goes on a little longer
    const recoveryMs = await untilStatus(`${cluster.edge}/api/health/ready`, 200, 30_000);
    const { records, retry } = await loadDone;

    const refused = records.filter((r) => r.status < 200 || r.status >= 300);
    const retriedFrom = records.length;
    for (const again of retry) await again();
    const retries = records.slice(retriedFrom);
    const retryConflicts = retries.filter((r) => r.kind === 'registration' && r.status === 409);
    for (const conflict of retryConflicts) {
      // The first attempt committed but its answer was lost (the connection died): it must be there.
      expect(
        await registrationExists(cluster.state().databaseUrl, registrationEventId, conflict.key.replace(/^team:/, '')),
      ).toBe(true);
    }
    const audit = await auditWrites(cluster.state().databaseUrl, records, registrationEventId);
    const slowestRefusal = Math.max(0, ...refused.map((r) => r.ms));
    figure(
      `${label}: ${records.length - retries.length} writes, ${audit.acknowledged - retries.filter(isAck).length} acknowledged before the retries, ` +
        `${refused.length} refused (${refused.filter((r) => r.status === 503 && r.problem).length} as 503 problem+json, slowest ${slowestRefusal} ms); ` +
        `${retries.length} retried: ${retries.filter(isAck).length} succeeded, ${retryConflicts.length} had already committed; ` +
        `acknowledged ${audit.acknowledged}, found ${audit.found} in PostgreSQL ${JSON.stringify(audit.byKind)}; ` +
        `ready through the edge ${recoveryMs} ms after the database was back`,
    );
    expect(refused.length, 'the outage refused no write: it did not bite').toBeGreaterThan(0);
    expect(refused.filter((r) => !(r.status === 503 && r.problem)).map((r) => `${r.kind} ${r.status}`)).toEqual([]);
    expect(
      retries
        .filter((r) => !isAck(r) && !retryConflicts.includes(r))
        .map((r) => `${r.kind} ${r.key} ${r.status} ${r.detail ?? ''}`),
    ).toEqual([]);
    expect(audit.missing).toEqual([]);
    expect(audit.found).toBe(audit.acknowledged);
    return { records, audit };
  }

  it('SIGSTOP for 5 s: every acknowledged write is stored; refused ones got 503 problem+json and succeed on retry', async () => {
    await drill(
      'PostgreSQL SIGSTOP 5 s',
      async () => {
        const pids = postgresPids();
        for (const pid of pids) process.kill(pid, 'SIGSTOP');
        await sleep(5000);
        for (const pid of pids) process.kill(pid, 'SIGCONT');
      },
      10_000,
    );
  });

  it('restart: the same holds, an API replica started while PostgreSQL is down becomes ready when it is back, and live streams catch up', async () => {
    const state = cluster.state();
    // A fan's live stream on api-1 through the outage: its listener must reconnect and catch up.
    const eventId = await eventOf(targets[0]?.matchId ?? '');
    const stream = holdStream(`http://127.0.0.1:${state.settings.api[0]?.port}/api/events/${eventId}/live`);
    await sleep(500);
    const postgresPid = state.pids.postgres as number;
    const apiPort = state.settings.api[1]?.port as number;
    const metricsPort = state.settings.api[1]?.metricsPort as number;
    let downAt = 0;
    let replicaWaited = false;
    let backAt = 0;
    await drill(
      'PostgreSQL restart',
      async () => {
        downAt = Date.now();
        process.kill(postgresPid, 'SIGINT'); // fast shutdown; the cluster's supervisor starts it again after 10 s
        // While it is down, kill an API replica: the supervisor restarts it into the outage.
        await sleep(500);
        const victim = cluster.state().pids['api-2'] as number;
        process.kill(victim, 'SIGKILL');
        await untilReplaced(cluster, 'api-2', victim, 10_000);
        // Alive (liveness on its management port) but not ready (its API port stays closed until it is).
        await untilStatus(`http://127.0.0.1:${metricsPort}/api/health/live`, 200, 30_000);
        replicaWaited = await fetch(`http://127.0.0.1:${apiPort}/api/health/ready`).then(
          () => false,
          () => true,
        );
        await untilReplaced(cluster, 'postgres', postgresPid, 20_000);
        await untilPostgresAnswers();
        backAt = Date.now();
      },
      16_000,
    );
    expect(replicaWaited, 'api-2 was alive but not ready during the outage').toBe(true);
    await untilStatus(`http://127.0.0.1:${apiPort}/api/health/ready`, 200, 60_000);
    figure(
      `PostgreSQL restart: down for ${backAt - downAt} ms; api-2, restarted into the outage, was alive and unready, and ready by ${Date.now() - backAt} ms after PostgreSQL was back`,
    );

    // Every result written is on the event's live log; the stream must reach the log's head, in order, each once.
    const head = await liveHead(eventId);
    const caughtUpAt = await until(() => (stream.ids.at(-1) ?? 0) >= head, 20_000);
    stream.close();
    figure(
      `live stream on api-1 through the restart: ${stream.ids.length} messages up to seq ${stream.ids.at(-1)} (log head ${head}), ${stream.reconnects} reconnects, caught up ${caughtUpAt - backAt} ms after PostgreSQL was back`,
    );
    expect(stream.ids.at(-1)).toBe(head);
    expect(stream.ids).toEqual([...new Set(stream.ids)].sort((a, b) => a - b));
  });
});

const isAck = (record: WriteRecord) => record.status >= 200 && record.status < 300;

async function sql<T>(text: string, params: unknown[]): Promise<T[]> {
  const db = new pg.Client({ connectionString: cluster.state().databaseUrl });
  await db.connect();
  try {
    return (await db.query(text, params)).rows as T[];
  } finally {
    await db.end();
  }
}

const eventOf = async (matchId: string): Promise<string> =>
  (await sql<{ event_id: string }>(`SELECT event_id FROM matches WHERE id = $1`, [matchId]))[0]?.event_id ?? '';
const liveHead = async (eventId: string): Promise<number> =>
  Number(
    (
      await sql<{ seq: string }>(
        `SELECT coalesce(max(seq), 0)::text AS seq FROM match_live_actions WHERE event_id = $1`,
        [eventId],
      )
    )[0]?.seq ?? 0,
  );

/** Resolves with the time the condition first held; fails after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
  return Date.now();
}

/** The postmaster and every backend it forked (stopping only the postmaster would leave sessions answering). */
function postgresPids(): number[] {
  const postmaster = cluster.state().pids.postgres as number;
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

async function untilPostgresAnswers(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: cluster.state().databaseUrl, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** An event to register new teams for, and 120 matches (16 confirmed teams) whose results the drills enter. */
async function prepareWriteTargets(api: Api): Promise<{ registrationEventId: string; targets: ResultTarget[] }> {
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await api.send(method, path, body);
    if (res.status < 200 || res.status >= 300)
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.json)}`);
    return res.json;
  };
  const seasons = await fetch(`${cluster.edge}/api/seasons`).then(
    (r) => r.json() as Promise<{ id: string; slug: string }[]>,
  );
  const seasonId = seasons.find((s) => s.slug === 'qingdao-basketball-2023')?.id;
  const event = (name: string) =>
    must('POST', '/events', {
      seasonId,
      name,
      kind: 'tournament',
      startDate: '2023-07-11',
      endDate: '2023-08-20',
      registrationMode: 'first-come',
    });
  const registrationEventId = String((await event('演练报名赛 drill registrations')).id);
  const resultsEventId = String((await event('演练比分赛 drill results')).id);
  const teams: string[] = [];
  for (let i = 0; i < 16; i++) {
    const team = await must('POST', '/teams', { name: `Drill Scorer ${i + 1}`, sport: 'basketball' });
    teams.push(String(team.id));
    await must('POST', `/events/${resultsEventId}/registrations`, { teamId: team.id, roster: [] });
  }
  // Round robin by the circle method: 15 rounds of 8 games, a round a day (a team plays once a day).
  const targets: ResultTarget[] = [];
  const ring = [...teams];
  for (let round = 0; round < ring.length - 1; round++) {
    for (let i = 0; i < ring.length / 2; i++) {
      const startsAt = new Date(
        Date.parse('2023-07-11T10:00:00+08:00') + round * 86_400_000 + i * 3_600_000,
      ).toISOString();
      const match = await must('POST', `/events/${resultsEventId}/matches`, {
        homeTeamId: ring[i],
        awayTeamId: ring[ring.length - 1 - i],
        startsAt,
      });
      targets.push({ matchId: String(match.id), home: 70 + ((round * 8 + i) % 30), away: 55 + ((round * 5 + i) % 14) });
    }
    ring.splice(1, 0, ring.pop() as string);
  }
  return { registrationEventId, targets };
}
