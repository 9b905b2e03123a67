import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { listen, StreamRecorder, startReplica } from './support/live-fixtures.js';
import { expectProblem } from './support/problem.js';
import { bearer, queryDatabase, useTestApp } from './support/test-app.js';

type PositionsMessage = { rallyId: string; version: number };

const t = useTestApp();
let baseUrl: string;
let organizer: string;
beforeAll(async () => {
  baseUrl = await listen(t.app);
  organizer = await t.organizerToken();
});

/** A rally of two boats in June 2023 (positions must fall inside its dates). */
async function rallyOfTwo(): Promise<{ rallyId: string; entries: string[] }> {
  const name = `Live tracker ${randomUUID().slice(0, 8)}`;
  const rally = (
    await t.http
      .post('/api/rallies')
      .set(bearer(organizer))
      .send({ name, startDate: '2023-06-19', endDate: '2023-06-25' })
      .expect(201)
  ).body as { id: string };
  const entries: string[] = [];
  for (const boat of ['Alpha', 'Bravo']) {
    const team = await t.http
      .post('/api/teams')
      .set(bearer(organizer))
      .send({ name: `${name} ${boat}`, sport: 'sailing' })
      .expect(201);
    const entry = await t.http
      .post(`/api/rallies/${rally.id}/entries`)
      .set(bearer(organizer))
      .send({ teamId: (team.body as { id: string }).id, boatName: boat })
      .expect(201);
    entries.push((entry.body as { id: string }).id);
  }
  return { rallyId: rally.id, entries };
}

const fix = (entryId: string, minute: number) => ({
  entryId,
  at: `2023-06-20T10:${String(minute).padStart(2, '0')}:00+08:00`,
  lat: 36 + minute / 100,
  lon: 120.5,
});
const post = (rallyId: string, rows: unknown[]) =>
  t.http.post(`/api/rallies/${rallyId}/positions`).set(bearer(organizer)).send(rows).expect(200);
const storedVersion = async (rallyId: string): Promise<number> =>
  Number(
    (
      await queryDatabase<{ v: string }>(t, `SELECT positions_version::text AS v FROM rallies WHERE id = $1`, [rallyId])
    )[0]?.v,
  );

describe('GET /rallies/:id/tracking/live', () => {
  it('carries positions stored through one replica to a stream held on another, one message per write with new fixes', async () => {
    const replica = await startReplica(t);
    try {
      const { rallyId, entries } = await rallyOfTwo();
      const stream = new StreamRecorder<PositionsMessage>(
        `${replica.url}/api/rallies/${rallyId}/tracking/live`,
        undefined,
        ['positions'],
      );
      await stream.opened();

      expect((await post(rallyId, [fix(entries[0]!, 0), fix(entries[1]!, 0)])).body).toMatchObject({ accepted: 2 });
      const [first] = await stream.waitFor(1);
      const v1 = await storedVersion(rallyId);
      expect(first).toEqual({ id: String(v1), event: 'positions', data: { rallyId, version: v1 } });

      // Only duplicates: nothing new is stored, so nothing is said; the next new fix is.
      expect((await post(rallyId, [fix(entries[0]!, 0)])).body).toMatchObject({ accepted: 0, duplicates: 1 });
      expect((await post(rallyId, [fix(entries[0]!, 10)])).body).toMatchObject({ accepted: 1 });
      const [, second] = await stream.waitFor(2);
      const v2 = await storedVersion(rallyId);
      expect(v2).toBe(v1 + 1);
      expect(second).toEqual({ id: String(v2), event: 'positions', data: { rallyId, version: v2 } });
      expect(stream.messages).toHaveLength(2);
      stream.close();
    } finally {
      await replica.app.close();
    }
  });

  it('sends the newest version at once to a client that missed some (Last-Event-ID), and nothing old to one that is current', async () => {
    const { rallyId, entries } = await rallyOfTwo();
    await post(rallyId, [fix(entries[0]!, 1)]);
    const seen = await storedVersion(rallyId);
    await post(rallyId, [fix(entries[0]!, 2)]);
    await post(rallyId, [fix(entries[1]!, 3)]);
    const newest = await storedVersion(rallyId);

    const behind = new StreamRecorder<PositionsMessage>(`${baseUrl}/api/rallies/${rallyId}/tracking/live`, seen, [
      'positions',
    ]);
    const [caughtUp] = await behind.waitFor(1);
    expect(caughtUp).toEqual({ id: String(newest), event: 'positions', data: { rallyId, version: newest } });

    const current = new StreamRecorder<PositionsMessage>(
      `${baseUrl}/api/rallies/${rallyId}/tracking/live?lastEventId=${newest}`,
      undefined,
      ['positions'],
    );
    await current.opened();
    await post(rallyId, [fix(entries[1]!, 4)]);
    const [onlyNew] = await current.waitFor(1);
    expect(onlyNew!.data.version).toBe(newest + 1); // not the version it already had
    await behind.waitFor(2);
    expect(behind.messages.map((m) => Number(m.id))).toEqual([newest, newest + 1]);
    behind.close();
    current.close();
  });

  it('answers as an event stream that proxies do not buffer; unknown rallies and bad Last-Event-IDs are problems', async () => {
    const { rallyId } = await rallyOfTwo();
    const res = await fetch(`${baseUrl}/api/rallies/${rallyId}/tracking/live`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    await res.body?.cancel();

    expectProblem(await t.http.get(`/api/rallies/${randomUUID()}/tracking/live`), 404);
    const seeded = await fetch(`${baseUrl}/api/rallies/shandong-peninsula-rally-2023/tracking/live`); // a slug works as the id does
    expect(seeded.status).toBe(200);
    await seeded.body?.cancel();
    expectProblem(
      await t.http.get(`/api/rallies/${rallyId}/tracking/live`).set('Last-Event-ID', 'seven'),
      400,
      'Last-Event-ID',
    );
    expectProblem(
      await t.http.get(`/api/rallies/${rallyId}/tracking/live`).query({ lastEventId: '-1' }),
      400,
      'lastEventId',
    );
  });
});
