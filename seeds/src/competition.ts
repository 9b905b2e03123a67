import { CHINA_OFFSET, generateRoundRobin, scheduleMatchSlots } from '@sailcourt/domain';
import type { CompetitionSeed, TeamSeed } from './data.js';
import type { SqlRunner } from './seed.js';

export type CompetitionReport = { registrations: number; matches: number };

const SCHEDULE_FIELDS = ['startsAt', 'venueId', 'court'];
const RESULT_FIELDS = ['status', 'homeScore', 'awayScore'];

/**
 * Confirms the league's teams for its event, generates its round robin with the domain scheduler and
 * gives the games before `resultsBefore` made-up scores. Registrations are added only for teams that
 * never had one for the event, and games only while the event has none, so a restart changes nothing
 * an organizer did (a withdrawal, a new schedule, a corrected score).
 */
export async function seedCompetition(
  db: SqlRunner,
  seasonSlug: string,
  plan: CompetitionSeed,
  teams: readonly TeamSeed[],
): Promise<CompetitionReport> {
  const report: CompetitionReport = { registrations: 0, matches: 0 };
  const event = await one(
    db,
    `SELECT e.id, to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.end_date, 'YYYY-MM-DD') AS end_date
       FROM events e JOIN seasons s ON s.id = e.season_id WHERE s.slug = $1 AND e.slug = $2`,
    [seasonSlug, plan.eventSlug],
    `event '${plan.eventSlug}'`,
  );
  const eventId = String(event.id);
  const teamIds = new Map<string, string>();
  for (const t of teams)
    teamIds.set(
      t.slug,
      String((await one(db, `SELECT id FROM teams WHERE slug = $1`, [t.slug], `team '${t.slug}'`)).id),
    );

  for (const teamId of teamIds.values()) {
    const { rows } = await db.query(
      `INSERT INTO registrations (event_id, team_id, status, roster)
       SELECT $1, $2, 'confirmed', '[]' WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = $1 AND team_id = $2) RETURNING 1`,
      [eventId, teamId],
    );
    report.registrations += rows.length;
  }

  const { rows: existing } = await db.query(`SELECT 1 FROM matches WHERE event_id = $1 LIMIT 1`, [eventId]);
  if (existing.length > 0) return report;
  const { rows: confirmedRows } = await db.query(
    `SELECT team_id FROM registrations WHERE event_id = $1 AND status = 'confirmed'`,
    [eventId],
  );
  const confirmed = new Set(confirmedRows.map((r) => String(r.team_id)));
  // Slugs, not database ids, go to the scheduler: the same data gives the same fixtures on every database.
  const slugs = teams.map((t) => t.slug).filter((slug) => confirmed.has(teamIds.get(slug) ?? ''));
  const venue = await one(
    db,
    `SELECT id, courts FROM venues WHERE slug = $1`,
    [plan.venueSlug],
    `venue '${plan.venueSlug}'`,
  );
  const pairings = generateRoundRobin(slugs).flatMap((r) => r.pairings);
  const schedule = scheduleMatchSlots({
    pairings,
    startDate: String(event.start_date),
    endDate: String(event.end_date),
    dailySlots: plan.dailySlots,
    courts: Array.from({ length: Number(venue.courts) }, (_, i) => ({ venueId: plan.venueSlug, court: String(i + 1) })),
    timeZoneOffset: CHINA_OFFSET,
    minRestHours: plan.minRestHours,
    matchDurationMinutes: plan.matchDurationMinutes,
  });
  if (schedule.unplaced.length > 0)
    throw new Error(`Seed schedule for '${plan.eventSlug}' leaves ${schedule.unplaced.length} game(s) unplaced.`);

  for (const game of schedule.placed) {
    const { homeTeamId: home, awayTeamId: away } = game.pairing;
    const score =
      game.startsAt.slice(0, 10) < plan.resultsBefore ? illustrativeScore(plan, home, away, game.round) : null;
    const { rows } = await db.query(
      `INSERT INTO matches (event_id, home_team_id, away_team_id, starts_at, venue_id, court, group_name, round, status, home_score, away_score, source, illustrative)
       VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9, $10, $11, $12) RETURNING 1`,
      [
        eventId,
        teamIds.get(home),
        teamIds.get(away),
        game.startsAt,
        venue.id,
        Number(game.court),
        game.round,
        score ? 'final' : 'scheduled',
        score?.home ?? null,
        score?.away ?? null,
        plan.source,
        score ? [...SCHEDULE_FIELDS, ...RESULT_FIELDS] : SCHEDULE_FIELDS,
      ],
    );
    report.matches += rows.length;
  }
  return report;
}

async function one(db: SqlRunner, sql: string, params: unknown[], what: string): Promise<Record<string, unknown>> {
  const row = (await db.query(sql, params)).rows[0];
  if (!row) throw new Error(`Seed data refers to ${what}, which is missing.`);
  return row;
}

/** Made-up but plausible: around 85 points a side, the stronger team usually ahead, never level. */
export function illustrativeScore(
  plan: Pick<CompetitionSeed, 'strength'>,
  home: string,
  away: string,
  round: number,
): { home: number; away: number } {
  const random = seededRandom(hash(`${home}|${away}|${round}`));
  const edge = (plan.strength[home] ?? 5) - (plan.strength[away] ?? 5);
  const homeScore = Math.round(85 + 1.8 * edge + 12 * (random() - 0.5));
  let awayScore = Math.round(85 - 1.8 * edge + 12 * (random() - 0.5));
  if (awayScore === homeScore) awayScore += random() < 0.5 ? -3 : 3; // settled in overtime
  return { home: homeScore, away: awayScore };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers everywhere, so illustrative data is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
