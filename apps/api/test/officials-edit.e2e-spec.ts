import { describe, expect, it } from 'vitest';
import { addMatch, at, createLeague } from './support/competition-fixtures.js';
import { expectProblem } from './support/problem.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

describe('PATCH /officials/:id', () => {
  it('edits name, contact, availability and affiliation; refuses a change that would break a held game (409 naming it); nothing changes then', async () => {
    const league = await createLeague(t, { teams: 4 });
    const [a, b, c, d] = league.teamIds as [string, string, string, string];
    const game = await addMatch(t, league, { homeTeamId: a, awayTeamId: b, startsAt: at(league, 1, '17:00') });
    const created = await t.http
      .post('/api/officials')
      .set(league.organizer)
      .send({ name: '张裁判', contact: '139 0000 0000', roles: ['referee', 'table'] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const patch = (body: Record<string, unknown>) =>
      t.http.patch(`/api/officials/${id}`).set(league.organizer).send(body);
    const stored = async () =>
      (await t.http.get(`/api/officials/${id}`).set(league.organizer).expect(200)).body as Record<string, unknown>;
    expect(
      (
        await t.http
          .post(`/api/matches/${game.id}/officials`)
          .set(league.organizer)
          .send({ officialId: id, role: 'referee' })
      ).status,
    ).toBe(201);

    // Fields sent change; the others stay.
    const edited = await patch({
      name: '张建华',
      nameEn: 'Zhang Jianhua',
      contact: 'zhang@example.org',
      affiliatedTeamIds: [c],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      name: '张建华',
      nameEn: 'Zhang Jianhua',
      contact: 'zhang@example.org',
      roles: ['referee', 'table'],
      affiliatedTeamIds: [c],
    });
    // Availability covering the game (17:00 + 120 minutes) is fine; null clears the contact.
    const day = `${at(league, 1, '08:00').slice(0, 10)}`;
    const available = await patch({
      availability: [{ startsAt: `${day}T12:00:00+08:00`, endsAt: `${day}T20:00:00+08:00` }],
      contact: null,
    });
    expect(available.status, JSON.stringify(available.body)).toBe(200);
    expect(available.body).toMatchObject({
      contact: null,
      availability: [{ startsAt: `${day}T12:00:00+08:00`, endsAt: `${day}T20:00:00+08:00` }],
    });
    const before = await stored();

    // Changes that would break the held game: each refused with the game named, nothing stored.
    const affiliated = expectProblem(
      await patch({ name: '改名', affiliatedTeamIds: [b, d] }),
      409,
      'affiliatedTeamIds',
    );
    expect(affiliated.code).toBe('official.assignments-broken');
    expect(affiliated.errors?.[0]).toMatchObject({ code: 'official.affiliated', params: { matchId: game.id } });
    expectProblem(
      await patch({ availability: [{ startsAt: `${day}T12:00:00+08:00`, endsAt: `${day}T18:00:00+08:00` }] }),
      409,
      'availability',
    );
    expectProblem(await patch({ roles: ['table'] }), 409, 'roles');
    expect(await stored()).toEqual(before);

    // Bad input names the field.
    expectProblem(await patch({ name: '' }), 400, 'name');
    expectProblem(await patch({ name: null }), 400, 'name');
    expectProblem(await patch({ roles: [] }), 400, 'roles');
    expectProblem(
      await patch({ availability: [{ startsAt: `${day}T20:00:00+08:00`, endsAt: `${day}T12:00:00+08:00` }] }),
      400,
      'availability[0].endsAt',
    );
    expectProblem(
      await patch({ affiliatedTeamIds: ['00000000-0000-4000-8000-000000000000'] }),
      422,
      'affiliatedTeamIds',
    );
    expectProblem(await patch({ surprise: 1 }), 400);
    expect((await t.http.patch(`/api/officials/${id}`).send({ name: 'X' })).status).toBe(401);
    expect(
      (
        await t.http
          .patch('/api/officials/00000000-0000-4000-8000-000000000000')
          .set(league.organizer)
          .send({ name: 'X' })
      ).status,
    ).toBe(404);
    expect(await stored()).toEqual(before);

    // Once the game is given up, the affiliation can change.
    const assignment = (await t.http.get(`/api/officials/${id}/games`).expect(200)).body.games[0] as {
      assignmentId: string;
    };
    await t.http
      .delete(`/api/matches/${game.id}/officials/${assignment.assignmentId}`)
      .set(league.organizer)
      .expect(204);
    expect((await patch({ affiliatedTeamIds: [b] })).body).toMatchObject({ affiliatedTeamIds: [b] });

    // Every committed edit is audited (who, when, each field from → to); refused ones and no-op fields are not.
    expect(await patch({ name: '张建华' })).toMatchObject({ status: 200 });
    const audit = await t.http.get(`/api/officials/${id}/audit`).set(league.organizer);
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    const entries = audit.body as { action: string; actorId: string | null; at: string; details: object }[];
    expect(entries.map((e) => e.details)).toEqual([
      {
        name: { from: '张裁判', to: '张建华' },
        nameEn: { from: null, to: 'Zhang Jianhua' },
        contact: { from: '139 0000 0000', to: 'zhang@example.org' },
        affiliatedTeamIds: { from: [], to: [c] },
      },
      {
        contact: { from: 'zhang@example.org', to: null },
        // As stored: instants in UTC.
        availability: {
          from: [],
          to: [
            {
              startsAt: new Date(`${day}T12:00:00+08:00`).toISOString(),
              endsAt: new Date(`${day}T20:00:00+08:00`).toISOString(),
            },
          ],
        },
      },
      { affiliatedTeamIds: { from: [c], to: [b] } },
    ]);
    expect(entries.every((e) => e.action === 'edited' && e.actorId !== null)).toBe(true);
    expect(entries[0]?.at).toMatch(/\+08:00$/);
    expect((await t.http.get(`/api/officials/${id}/audit`)).status).toBe(401);
  });

  it('an edit and an assignment racing for the same official never leave a broken assignment', async () => {
    const league = await createLeague(t, { teams: 2 });
    const [a, b] = league.teamIds as [string, string];
    const game = await addMatch(t, league, { homeTeamId: a, awayTeamId: b, startsAt: at(league, 2, '17:00') });
    const id = (await t.http.post('/api/officials').set(league.organizer).send({ name: '并发裁判' }).expect(201)).body
      .id as string;
    const [edit, assign] = await Promise.all([
      t.http
        .patch(`/api/officials/${id}`)
        .set(league.organizer)
        .send({ affiliatedTeamIds: [a] }),
      t.http.post(`/api/matches/${game.id}/officials`).set(league.organizer).send({ officialId: id, role: 'referee' }),
    ]);
    // Whichever went first, the other is refused: never both.
    expect(`${edit.status}/${assign.status}`).toBe(edit.status === 200 ? '200/409' : '409/201');
    const official = (await t.http.get(`/api/officials/${id}`).set(league.organizer).expect(200)).body as {
      affiliatedTeamIds: string[];
    };
    const games = (await t.http.get(`/api/officials/${id}/games`).expect(200)).body.games as unknown[];
    expect(official.affiliatedTeamIds.length > 0 && games.length > 0).toBe(false);
  });
});
