import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotificationBus } from '../src/common/notify/notification-bus.js';
import { MatchesRepository } from '../src/modules/matches/matches.repository.js';
import { MatchesService } from '../src/modules/matches/matches.service.js';
import { addMatch, at, createLeague } from './support/competition-fixtures.js';
import { startReplica } from './support/live-fixtures.js';
import { queryDatabase, useTestApp } from './support/test-app.js';

const t = useTestApp();
let replica: Awaited<ReturnType<typeof startReplica>>;
beforeAll(async () => {
  replica = await startReplica(t);
});
afterAll(async () => {
  await replica.app.close(); // before the app's own close, which useTestApp runs last
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('cached public reads across replicas', () => {
  it('serve a result written on one replica on the other’s next reads, without asking the database for the version each time', async () => {
    const league = await createLeague(t, { teams: 2 });
    const game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 0, '19:30'),
    });
    const readOnB = () =>
      fetch(`${replica.url}/api/events/${league.eventId}/standings`).then(async (r) => ({
        etag: r.headers.get('etag'),
        body: (await r.json()) as { groups: { rows: { played: number }[] }[] },
      }));
    const versionReads = vi.spyOn(replica.app.get(MatchesRepository), 'feedVersion');

    const first = await readOnB();
    // At most the first read asks the database (the listener may already have heard the event's version).
    const learned = versionReads.mock.calls.length;
    expect(learned).toBeLessThanOrEqual(1);
    await readOnB();
    await readOnB();

    await t.http
      .put(`/api/matches/${game.id}/result`)
      .set(league.organizer)
      .send({ homeScore: 70, awayScore: 60 })
      .expect(200);
    const fresh = await until(readOnB, (r) => r.etag !== first.etag, 2_000);
    expect(fresh.etag).not.toBe(first.etag);
    expect(fresh.body.groups[0]!.rows.map((r) => r.played)).toEqual([1, 1]);
    expect(versionReads).toHaveBeenCalledTimes(learned);
    versionReads.mockRestore();
  });

  it('falls back to the database’s version while the listener is away, and a write made meanwhile is not missed', async () => {
    const league = await createLeague(t, { teams: 2 });
    const game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 1, '19:30'),
    });
    const etagOnB = () =>
      fetch(`${replica.url}/api/events/${league.eventId}/matches`).then((r) => r.headers.get('etag'));
    const before = await etagOnB();
    const bus = replica.app.get(NotificationBus);
    // Cut every listener off the database; the write below is announced to nobody.
    await queryDatabase(
      t,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sailcourt-listener' AND datname = current_database()`,
    );
    await until(
      async () => bus.listening,
      (listening) => !listening,
      2_000,
    );
    await t.http.patch(`/api/matches/${game.id}`).set(league.organizer).send({ court: 2 }).expect(200);
    const after = await until(etagOnB, (etag) => etag !== before, 5_000);
    expect(after).not.toBe(before);
  });

  it('answer repeated anonymous reads from the front cache, and a write on the other replica within a second', async () => {
    const league = await createLeague(t, { teams: 2 });
    const game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 2, '19:30'),
    });
    const reads = vi.spyOn(replica.app.get(MatchesService), 'get');
    const readOnB = (headers: Record<string, string> = {}) =>
      fetch(`${replica.url}/api/matches/${game.id}`, { headers }).then(
        async (r) => (await r.json()) as { court: number | null; version: number },
      );
    const first = await readOnB();
    // The set-up's own writes are still being announced to B for a moment: wait for a read B answers from memory.
    const answeredFromMemory = async () => {
      const before = reads.mock.calls.length;
      await readOnB();
      return reads.mock.calls.length === before;
    };
    expect(await until(answeredFromMemory, (hit) => hit, 3_000)).toBe(true);
    const settled = reads.mock.calls.length;
    for (let i = 0; i < 5; i++) expect(await readOnB()).toEqual(first);
    // At most one refresh (entries expire after 2 s, which a slow machine may reach); without the cache, five.
    expect(reads.mock.calls.length - settled).toBeLessThanOrEqual(1);
    // A signed-in read is never answered from, nor stored in, the cache.
    const beforeSignedIn = reads.mock.calls.length;
    await readOnB({ ...league.organizer });
    expect(reads.mock.calls.length).toBe(beforeSignedIn + 1);

    await t.http.patch(`/api/matches/${game.id}`).set(league.organizer).send({ court: 3 }).expect(200);
    const started = Date.now();
    const fresh = await until(readOnB, (m) => m.court === 3, 2_000);
    expect(fresh.court).toBe(3);
    expect(Date.now() - started).toBeLessThan(1_000);
    reads.mockRestore();
  });

  it('answer a write on the same replica at once: its own writes empty its cache before the answer leaves', async () => {
    const league = await createLeague(t, { teams: 2 });
    const game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 3, '19:30'),
    });
    await t.http.get(`/api/matches/${game.id}`).expect(200);
    await t.http.patch(`/api/matches/${game.id}`).set(league.organizer).send({ court: 4 }).expect(200);
    expect((await t.http.get(`/api/matches/${game.id}`).expect(200)).body.court).toBe(4);
  });
});
