import { expect } from 'vitest';
import { bearer, type TestApp } from './test-app.js';

export type League = {
  eventId: string;
  teamIds: string[];
  names: string[];
  venueId: string;
  startDate: string;
  endDate: string;
  organizer: Record<string, string>;
};

/** `days`: how long the event lasts (default a week). */
/** `venueSlug: null`: an event created as the public contract allows, without a venue. */
export type LeagueOptions = {
  teams: number;
  days?: number;
  venueSlug?: string | null;
  prefix?: string;
  ruleset?: 'fiba' | 'fiba-3x3';
};

/** Seeded venues without seeded games; the CBA Summer League holds 国信体育馆 in August. */
const VENUES = [
  'ouc-laoshan-gym',
  'qingdao-no2-school-gym',
  'golden-beach',
  'may-fourth-square',
  'olympic-sailing-center',
];
let leagues = 0;

/** `n` days after a YYYY-MM-DD date. */
export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** An instant in Qingdao time, `n` days into the league. */
export const at = (league: Pick<League, 'startDate'>, n: number, time: string): string =>
  `${addDays(league.startDate, n)}T${time}:00+08:00`;

/**
 * A basketball event in the seeded season, with `teams` organizer-confirmed teams. Venues are
 * shared between events, so each league of a test file gets a venue and week of its own.
 */
export async function createLeague(t: TestApp, options: LeagueOptions): Promise<League> {
  const organizer = bearer(await t.organizerToken());
  const slot = leagues++;
  const startDate = addDays('2023-07-10', 7 * Math.floor(slot / VENUES.length));
  const endDate = addDays(startDate, (options.days ?? 7) - 1);
  const season = (await t.http.get('/api/seasons/qingdao-basketball-2023').expect(200)).body as { id: string };
  const venue =
    options.venueSlug === null
      ? { id: '' }
      : ((await t.http.get(`/api/venues/${options.venueSlug ?? VENUES[slot % VENUES.length]}`).expect(200)).body as {
          id: string;
        });
  const event = await t.http
    .post('/api/events')
    .set(organizer)
    .send({
      seasonId: season.id,
      name: '测试联赛',
      kind: 'league',
      startDate,
      endDate,
      ...(venue.id ? { venueId: venue.id } : {}),
      ...(options.ruleset ? { ruleset: options.ruleset } : {}),
    });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  const names = Array.from(
    { length: options.teams },
    (_, i) => `${options.prefix ?? '队'}${String.fromCharCode(65 + i)}`,
  );
  const teamIds: string[] = [];
  for (const name of names) {
    const team = await t.http
      .post('/api/teams')
      .set(organizer)
      .send({ name, nameEn: `Team ${name}`, sport: 'basketball' });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    const reg = await t.http
      .post(`/api/events/${event.body.id}/registrations`)
      .set(organizer)
      .send({ teamId: team.body.id, roster: [{ name: '球员', number: 7 }] });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    expect(reg.body.status).toBe('confirmed');
    teamIds.push(team.body.id as string);
  }
  return { eventId: event.body.id as string, teamIds, names, venueId: venue.id, startDate, endDate, organizer };
}

export type MatchBody = {
  id: string;
  homeTeamId: string;
  awayTeamId: string;
  startsAt: string;
  status: string;
  version: number;
  court: number;
  [k: string]: unknown;
};

export async function addMatch(t: TestApp, league: League, body: Record<string, unknown>): Promise<MatchBody> {
  const res = await t.http.post(`/api/events/${league.eventId}/matches`).set(league.organizer).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as MatchBody;
}

/** A game between two of the league's teams, named by their index in `teamIds`. */
export const addGame = (t: TestApp, league: League, home: number, away: number, startsAt: string): Promise<MatchBody> =>
  addMatch(t, league, { homeTeamId: league.teamIds[home], awayTeamId: league.teamIds[away], startsAt });

export async function enterResult(
  t: TestApp,
  league: League,
  matchId: string,
  body: Record<string, unknown>,
): Promise<MatchBody> {
  const res = await t.http.put(`/api/matches/${matchId}/result`).set(league.organizer).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as MatchBody;
}

export async function listMatches(t: TestApp, eventId: string, query = ''): Promise<MatchBody[]> {
  return (await t.http.get(`/api/events/${eventId}/matches${query}`).expect(200)).body as MatchBody[];
}

/** Local (Qingdao) calendar day and time of an instant written with +08:00. */
export const localParts = (startsAt: string): { day: string; time: string } => {
  expect(startsAt).toMatch(/\+08:00$/);
  return { day: startsAt.slice(0, 10), time: startsAt.slice(11, 16) };
};
