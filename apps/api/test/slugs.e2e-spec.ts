import { describe, expect, it } from 'vitest';
import { expectProblem } from './support/problem.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

describe('slugs in paths (contract v2)', () => {
  it('take a slug wherever an id goes, on every route below it', async () => {
    const events = (await t.http.get('/api/seasons/qingdao-basketball-2023/events').expect(200)).body as Array<{
      id: string;
      slug: string;
    }>;
    const league = events.find((e) => e.slug === 'cba-summer-league-2023')!;
    expect((await t.http.get('/api/events/cba-summer-league-2023').expect(200)).body.id).toBe(league.id);
    const bySlug = await t.http.get('/api/events/cba-summer-league-2023/standings?x=1').expect(200);
    const byId = await t.http.get(`/api/events/${league.id}/standings`).expect(200);
    expect(bySlug.body).toEqual(byId.body);
    expect((await t.http.get('/api/events/cba-summer-league-2023/matches').expect(200)).body).toHaveLength(45);
    const liaoning = (await t.http.get('/api/teams/liaoning').expect(200)).body as { id: string; slug: string };
    expect(liaoning.slug).toBe('liaoning');
    expect((await t.http.get('/api/teams/liaoning/calendar.ics').expect(200)).text).toContain('BEGIN:VCALENDAR');
    expect((await t.http.get('/api/rallies/shandong-peninsula-rally-2023/standings').expect(200)).body).toHaveLength(7);
    expect((await t.http.get('/api/venues/golden-beach').expect(200)).body.slug).toBe('golden-beach');
  });

  it('answers an unknown slug with problem+json 404', async () => {
    expectProblem(await t.http.get('/api/events/no-such-event'), 404);
    expectProblem(await t.http.get('/api/teams/no-such-team/calendar.ics'), 404);
  });
});
