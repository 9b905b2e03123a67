import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesFor, type FuzzRequest, loadOpenApi, operationsOf, Sampler } from './support/openapi-fuzz.js';
import { ORGANIZER, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every operation of the committed OpenAPI document, sent hostile input as an anonymous caller and as
 * the organizer: never a 5xx, every error problem+json with a machine-readable `code`, and a refused
 * write leaves every stored row as it was. Cases are sampled to keep the run near a minute.
 */

/** Another offset samples other combinations (FUZZ_OFFSET=3 …). */
const OFFSET = Number(process.env.FUZZ_OFFSET ?? 0);
const BODY_CASES_PER_OPERATION = Number(process.env.FUZZ_CASES ?? 20);
/** Tables whose rows a refused request may legitimately touch (rate-limit counters count refusals). */
const VOLATILE_TABLES = new Set(['migrations', 'rate_limit_windows']);

let t: TestApp;
let db: Client;
let baseUrl: string;
let organizerToken: string;
let tables: string[] = [];
const ids: Record<string, string> = {};

async function signIn(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ORGANIZER),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function firstId(table: string, where = 'TRUE'): Promise<string> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM "${table}" WHERE ${where} ORDER BY id LIMIT 1`);
  return rows.rows[0]?.id ?? '00000000-0000-0000-0000-000000000000';
}

/** One checksum over every stored row (volatile tables aside). */
async function checksum(): Promise<string> {
  const parts = tables.map(
    (table) =>
      `SELECT '${table}' AS t, md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS h FROM "${table}" x`,
  );
  const rows = await db.query<{ t: string; h: string }>(parts.join(' UNION ALL '));
  return rows.rows
    .map((r) => `${r.t}:${r.h}`)
    .sort()
    .join(';');
}

function idsFor(path: string): Record<string, string> {
  const resource = path.split('/')[2] ?? '';
  const byResource: Record<string, string> = {
    seasons: ids.season ?? '',
    events: ids.event ?? '',
    matches: ids.match ?? '',
    rallies: ids.rally ?? '',
    teams: ids.team ?? '',
    registrations: ids.registration ?? '',
    venues: ids.venue ?? '',
  };
  return { id: byResource[resource] ?? 'unknown', number: '1' };
}

type Outcome = {
  request: FuzzRequest;
  caller: 'anonymous' | 'organizer';
  status: number;
  contentType: string;
  body: string;
  changed: boolean;
};

async function send(
  request: FuzzRequest,
  token?: string,
): Promise<{ status: number; contentType: string; body: string }> {
  const response = await fetch(`${baseUrl}${request.url}`, {
    method: request.method,
    headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
  });
  const contentType = response.headers.get('content-type') ?? '';
  // A live stream never ends by itself: its status and headers are the answer.
  if (contentType.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType, body: '' };
  }
  return { status: response.status, contentType, body: await response.text() };
}

const outcomes: Outcome[] = [];

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  organizerToken = await signIn();
  tables = (
    await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )
  ).rows
    .map((r) => r.table_name)
    .filter((name) => !VOLATILE_TABLES.has(name));
  ids.season = await firstId('seasons');
  ids.event = await firstId('events', `id IN (SELECT event_id FROM matches)`);
  ids.match = await firstId('matches');
  ids.rally = await firstId('rallies');
  ids.team = await firstId('teams');
  ids.venue = await firstId('venues');
  ids.registration = await firstId('registrations');
}, 120_000);

afterAll(async () => {
  await db?.end();
  await t?.close();
});

describe('hostile input generated from the OpenAPI document', () => {
  it('never answers 5xx, always answers problem+json with a code, and a refused write changes nothing', async () => {
    const document = loadOpenApi();
    const sampler = new Sampler(OFFSET);
    const operations = operationsOf(document);
    let stored = await checksum();
    for (const op of operations) {
      for (const request of casesFor(op, { document, pathIds: idsFor }, sampler, BODY_CASES_PER_OPERATION)) {
        for (const caller of ['anonymous', 'organizer'] as const) {
          // Reads change nothing, so the state after one write is the state before the next.
          const before = stored;
          const res = await send(request, caller === 'organizer' ? organizerToken : undefined);
          if (request.method !== 'GET') stored = await checksum();
          const changed = res.status >= 400 && stored !== before;
          outcomes.push({ request, caller, ...res, changed });
          // A sign-out that went through revokes the organizer's token: take a fresh one.
          if (caller === 'organizer' && res.status === 204 && request.url.endsWith('/auth/logout'))
            organizerToken = await signIn();
        }
      }
    }

    const statuses = new Map<number, number>();
    for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    const serverErrors = outcomes.filter((o) => o.status >= 500);
    const notProblem = outcomes.filter((o) => o.status >= 400 && !o.contentType.startsWith('application/problem+json'));
    const withoutCode = outcomes.filter(
      (o) =>
        o.status >= 400 &&
        o.contentType.startsWith('application/problem+json') &&
        typeof (JSON.parse(o.body) as { code?: unknown }).code !== 'string',
    );
    const changedByRefusal = outcomes.filter((o) => o.changed);
    const describeOutcome = (o: Outcome) =>
      `${o.caller} ${o.request.method} ${o.request.url.slice(0, 80)} [${o.request.label}] → ${o.status} ${o.body.slice(0, 160)}`;
    // The figures for the report: how many requests, and what they drew.
    console.log(
      `[fuzz] ${operations.length} operations, ${outcomes.length} requests; statuses ${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; ` +
        `5xx: ${serverErrors.length} (anonymous ${serverErrors.filter((o) => o.caller === 'anonymous').length}, ${new Set(serverErrors.map((o) => `${o.request.method} ${o.request.url.split('?')[0]}`)).size} distinct urls); ` +
        `not problem+json: ${notProblem.length}; without code: ${withoutCode.length}; refused but changed: ${changedByRefusal.length}`,
    );
    expect(serverErrors.map(describeOutcome)).toEqual([]);
    expect(notProblem.map(describeOutcome)).toEqual([]);
    expect(withoutCode.map(describeOutcome)).toEqual([]);
    expect(changedByRefusal.map(describeOutcome)).toEqual([]);
  }, 300_000);
});
