import pg from 'pg';

/** One write as the drill's client saw it. */
export type WriteRecord = {
  kind: 'team' | 'registration' | 'result';
  /** What the database must hold afterwards: the created id, or the match id and its score. */
  key: string;
  score?: { home: number; away: number };
  status: number;
  /** For a refused write: the body was problem+json with Retry-After. */
  problem: boolean;
  ms: number;
  /** The problem's detail, for the report when something unexpected comes back. */
  detail?: string;
};

export type Api = {
  send: (
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; json: Record<string, unknown>; problem: boolean; ms: number }>;
};

/** Requests through the edge as the organizer; a connection error counts as status 0. */
export function apiClient(edge: string, token: string): Api {
  return {
    send: async (method, path, body) => {
      const started = Date.now();
      try {
        const res = await fetch(`${edge}/api${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        const problem =
          (res.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
          res.headers.get('retry-after') !== null;
        return {
          status: res.status,
          json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
          problem,
          ms: Date.now() - started,
        };
      } catch {
        return { status: 0, json: {}, problem: false, ms: Date.now() - started };
      }
    },
  };
}

export async function signIn(edge: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${edge}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in through the edge answered ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const ok = (status: number) => status >= 200 && status < 300;
const roster = (n: number) =>
  Array.from({ length: 5 }, (_, i) => ({ name: `Drill Player ${n}-${i + 1}`, number: i + 4 }));

/** A match to score, with the score this drill will write. */
export type ResultTarget = { matchId: string; home: number; away: number };

/**
 * Two writers in parallel for `durationMs`: registrations (a new team, then its registration for
 * `registrationEventId`) and results (the next match of `results`). Every attempt is recorded;
 * what failed is returned for a retry after the outage.
 */
export async function writeLoad(
  api: Api,
  registrationEventId: string,
  results: ResultTarget[],
  durationMs: number,
  label: string,
  pauseMs = 100,
) {
  const records: WriteRecord[] = [];
  const retry: (() => Promise<void>)[] = [];
  const end = Date.now() + durationMs;
  let n = 0;

  const register = async (teamId: string, i: number): Promise<void> => {
    const res = await api.send('POST', `/events/${registrationEventId}/registrations`, { teamId, roster: roster(i) });
    records.push({
      kind: 'registration',
      key: String(res.json.id ?? teamId),
      status: res.status,
      problem: res.problem,
      ms: res.ms,
      detail: String(res.json.detail ?? ''),
    });
    if (!ok(res.status)) retry.push(() => retryRegistration(teamId, i));
  };
  const retryRegistration = async (teamId: string, i: number): Promise<void> => {
    const res = await api.send('POST', `/events/${registrationEventId}/registrations`, { teamId, roster: roster(i) });
    // 409: the first attempt did commit although its answer was lost; the check below looks for it.
    records.push({
      kind: 'registration',
      key: String(res.json.id ?? `team:${teamId}`),
      status: res.status,
      problem: res.problem,
      ms: res.ms,
      detail: String(res.json.detail ?? ''),
    });
  };
  const newTeam = async (i: number): Promise<void> => {
    const res = await api.send('POST', '/teams', { name: `${label} team ${i}`, sport: 'basketball' });
    records.push({
      kind: 'team',
      key: String(res.json.id ?? ''),
      status: res.status,
      problem: res.problem,
      ms: res.ms,
      detail: String(res.json.detail ?? ''),
    });
    if (ok(res.status)) await register(String(res.json.id), i);
    else retry.push(() => newTeam(i));
  };
  const registrations = async () => {
    while (Date.now() < end) {
      await newTeam(n++);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const putResult = async (target: ResultTarget): Promise<void> => {
    const res = await api.send('PUT', `/matches/${target.matchId}/result`, {
      homeScore: target.home,
      awayScore: target.away,
    });
    records.push({
      kind: 'result',
      key: target.matchId,
      score: { home: target.home, away: target.away },
      status: res.status,
      problem: res.problem,
      ms: res.ms,
      detail: String(res.json.detail ?? ''),
    });
    if (!ok(res.status)) retry.push(() => putResult(target));
  };
  const scoring = async () => {
    let i = 0;
    while (Date.now() < end && i < results.length) {
      await putResult(results[i++] as ResultTarget);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  await Promise.all([registrations(), scoring()]);
  return { records, retry };
}

export type Audit = {
  acknowledged: number;
  found: number;
  missing: string[];
  byKind: Record<string, { acknowledged: number; found: number }>;
};

/** Looks every acknowledged write up in PostgreSQL itself. */
export async function auditWrites(
  databaseUrl: string,
  records: WriteRecord[],
  registrationEventId: string,
): Promise<Audit> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const audit: Audit = { acknowledged: 0, found: 0, missing: [], byKind: {} };
  try {
    for (const record of records.filter((r) => ok(r.status))) {
      const kind = (audit.byKind[record.kind] ??= { acknowledged: 0, found: 0 });
      audit.acknowledged++;
      kind.acknowledged++;
      let found = false;
      if (record.kind === 'team')
        found = (await client.query('SELECT 1 FROM teams WHERE id = $1', [record.key])).rowCount === 1;
      if (record.kind === 'registration')
        found =
          (
            await client.query('SELECT 1 FROM registrations WHERE id = $1 AND event_id = $2', [
              record.key,
              registrationEventId,
            ])
          ).rowCount === 1;
      if (record.kind === 'result') {
        const row = (
          await client.query<{ home_score: number; away_score: number; status: string }>(
            'SELECT home_score, away_score, status FROM matches WHERE id = $1',
            [record.key],
          )
        ).rows[0];
        found =
          row?.status === 'final' && row.home_score === record.score?.home && row.away_score === record.score?.away;
      }
      if (found) {
        audit.found++;
        kind.found++;
      } else audit.missing.push(`${record.kind} ${record.key}`);
    }
  } finally {
    await client.end();
  }
  return audit;
}

/** A registration whose retry met 409: it exists when the team holds an active registration for the event. */
export async function registrationExists(databaseUrl: string, eventId: string, teamId: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (
      (
        await client.query(
          "SELECT 1 FROM registrations WHERE event_id = $1 AND team_id = $2 AND status IN ('pending', 'confirmed', 'waitlisted')",
          [eventId, teamId],
        )
      ).rowCount === 1
    );
  } finally {
    await client.end();
  }
}
