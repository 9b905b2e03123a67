/** A large made-up league for the benchmarks, written straight into a seeded database (marked `source: benchmark`). */
import { type FibaGameResult, generateRoundRobin } from '@sailcourt/domain';
import { seededRandom } from '@sailcourt/seeds';
import { Client } from 'pg';

/** `games` results of a double round robin between the given teams, the same on every run. */
export function leagueResults(teamIds: readonly string[], games: number): FibaGameResult[] {
  const next = seededRandom(2023);
  const strength = new Map(teamIds.map((id) => [id, next() * 20]));
  const results: FibaGameResult[] = [];
  for (const round of generateRoundRobin(teamIds, { double: true })) {
    for (const p of round.pairings) {
      if (results.length === games) return results;
      const home = Math.round(80 + (strength.get(p.homeTeamId) ?? 0) + 20 * next());
      let away = Math.round(80 + (strength.get(p.awayTeamId) ?? 0) + 20 * next());
      if (away === home) away += 1;
      results.push({ homeTeamId: p.homeTeamId, awayTeamId: p.awayTeamId, homeScore: home, awayScore: away });
    }
  }
  return results;
}

export type LeagueShape = {
  slug: string;
  teams: number;
  games: number;
  /** When the i-th game starts. */
  startsAt: (i: number) => Date;
};

/** Adds a league event of the 2023 basketball season with its teams and final results; returns the event's id. */
export async function loadLeague(url: string, shape: LeagueShape): Promise<string> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const season = await db.query<{ id: string }>(`SELECT id FROM seasons WHERE slug = 'qingdao-basketball-2023'`);
    const event = await db.query<{ id: string }>(
      `INSERT INTO events (season_id, slug, name, name_en, kind, start_date, end_date, source)
       VALUES ($1, $2, '基准联赛', 'Benchmark league', 'league', '2023-07-10', '2023-08-25', 'benchmark') RETURNING id`,
      [season.rows[0]?.id, shape.slug],
    );
    const eventId = event.rows[0]?.id ?? '';
    const teams = await db.query<{ id: string }>(
      `INSERT INTO teams (slug, name, name_en, sport, source)
       SELECT $2 || '-team-' || i, '基准队' || i, 'Bench team ' || i, 'basketball', 'benchmark' FROM generate_series(1, $1::int) i RETURNING id`,
      [shape.teams, shape.slug],
    );
    const games = leagueResults(
      teams.rows.map((r) => r.id),
      shape.games,
    );
    for (let from = 0; from < games.length; from += 5_000) {
      const chunk = games.slice(from, from + 5_000);
      await db.query(
        `INSERT INTO matches (event_id, home_team_id, away_team_id, starts_at, status, home_score, away_score, source)
         SELECT $1, h, a, s, 'final', hs, aws, 'benchmark' FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::int[], $6::int[]) AS g(h, a, s, hs, aws)`,
        [
          eventId,
          chunk.map((g) => g.homeTeamId),
          chunk.map((g) => g.awayTeamId),
          chunk.map((_, i) => shape.startsAt(from + i)),
          chunk.map((g) => g.homeScore),
          chunk.map((g) => g.awayScore),
        ],
      );
    }
    return eventId;
  } finally {
    await db.end();
  }
}
