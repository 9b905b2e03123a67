import {
  type BasketballSeasonData,
  type EventDivisionsSeed,
  type LegResultSeed,
  loadBasketballSeason,
  loadCbaSummerLeagueSchedule,
  loadCbaSummerLeagueTeams,
  loadFutureStarsDivisions,
  loadImpactAssumptions2023,
  loadRally,
  type RallyData,
  rallyTeamSlug,
  type TeamSeed,
} from './data.js';
import { seedCompetition } from './competition.js';
import { seedImpactAssumptions } from './impact.js';
import { illustrativeTracks } from './tracks.js';

/** What the seeder needs of a database connection; a `pg` Client or Pool fits. */
export type SqlRunner = { query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

export type SeedReport = {
  seasons: number;
  venues: number;
  events: number;
  divisions: number;
  teams: number;
  rallies: number;
  legs: number;
  entries: number;
  legResults: number;
  positions: number;
  impactAssumptionSets: number;
  registrations: number;
  matches: number;
};

/**
 * Writes the 2023 data. Idempotent: every insert is keyed on a natural unique key and does
 * nothing when the row exists, so a restart neither duplicates nor overwrites organizers' edits.
 * Runs in the caller's transaction if there is one.
 */
export async function seed2023(db: SqlRunner): Promise<SeedReport> {
  const report: SeedReport = {
    seasons: 0,
    venues: 0,
    events: 0,
    divisions: 0,
    teams: 0,
    rallies: 0,
    legs: 0,
    entries: 0,
    legResults: 0,
    positions: 0,
    impactAssumptionSets: 0,
    registrations: 0,
    matches: 0,
  };
  await seedBasketballSeason(db, loadBasketballSeason(), report);
  report.divisions += await seedDivisions(db, loadBasketballSeason().season.slug, loadFutureStarsDivisions());
  await seedTeams(db, loadCbaSummerLeagueTeams(), report);
  const competition = await seedCompetition(
    db,
    loadBasketballSeason().season.slug,
    loadCbaSummerLeagueSchedule(),
    loadCbaSummerLeagueTeams(),
  );
  report.registrations += competition.registrations;
  report.matches += competition.matches;
  await seedRally(db, loadRally(), report);
  report.impactAssumptionSets += await seedImpactAssumptions(
    db,
    loadBasketballSeason().season.slug,
    loadImpactAssumptions2023(),
  );
  return report;
}

async function inserted(db: SqlRunner, sql: string, params: unknown[]): Promise<number> {
  return (await db.query(`${sql} RETURNING 1`, params)).rows.length;
}

async function idOf(db: SqlRunner, table: 'seasons' | 'venues' | 'rallies' | 'teams', slug: string): Promise<string> {
  const { rows } = await db.query(`SELECT id FROM ${table} WHERE slug = $1`, [slug]);
  const id = rows[0]?.id;
  if (typeof id !== 'string') throw new Error(`Seed data refers to ${table} '${slug}', which is missing.`);
  return id;
}

async function seedBasketballSeason(db: SqlRunner, data: BasketballSeasonData, report: SeedReport): Promise<void> {
  const s = data.season;
  report.seasons += await inserted(
    db,
    `INSERT INTO seasons (slug, name, name_en, theme, theme_en, description, description_en, operator, operator_en, start_date, end_date,
       target_participants, target_visits, target_spending_yuan, source, illustrative)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) ON CONFLICT (slug) DO NOTHING`,
    [
      s.slug,
      s.name,
      s.nameEn,
      s.theme,
      s.themeEn,
      s.description,
      s.descriptionEn,
      s.operator,
      s.operatorEn,
      s.startDate,
      s.endDate,
      s.targets.participants,
      s.targets.visits,
      s.targets.spendingYuan,
      s.source,
      s.illustrative ?? [],
    ],
  );
  const seasonId = await idOf(db, 'seasons', s.slug);
  for (const v of data.venues) {
    report.venues += await inserted(
      db,
      `INSERT INTO venues (slug, name, name_en, city, city_en, courts, seats, lat, lon, source, illustrative)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (slug) DO NOTHING`,
      [v.slug, v.name, v.nameEn, v.city, v.cityEn, v.courts, v.seats, v.lat, v.lon, v.source, v.illustrative ?? []],
    );
  }
  for (const e of data.events) {
    const venueId = await idOf(db, 'venues', e.venueSlug);
    report.events += await inserted(
      db,
      `INSERT INTO events (season_id, slug, name, name_en, kind, description, description_en, start_date, end_date, venue_id, capacity,
         registration_mode, roster_min, roster_max, participant_target, cities, source, illustrative, ruleset)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) ON CONFLICT (season_id, slug) DO NOTHING`,
      [
        seasonId,
        e.slug,
        e.name,
        e.nameEn,
        e.kind,
        e.description,
        e.descriptionEn,
        e.startDate,
        e.endDate,
        venueId,
        e.capacity,
        e.registrationMode,
        e.rosterMin ?? null,
        e.rosterMax ?? null,
        e.participantTarget,
        e.cities,
        e.source,
        e.illustrative ?? [],
        e.ruleset ?? 'fiba',
      ],
    );
  }
}

/** An event's divisions, keyed on (event, code): an organizer's later changes stay. */
async function seedDivisions(db: SqlRunner, seasonSlug: string, data: EventDivisionsSeed): Promise<number> {
  const { rows } = await db.query(
    `SELECT e.id FROM events e JOIN seasons s ON s.id = e.season_id WHERE s.slug = $1 AND e.slug = $2`,
    [seasonSlug, data.eventSlug],
  );
  const eventId = rows[0]?.id;
  if (typeof eventId !== 'string') throw new Error(`Seed data refers to event '${data.eventSlug}', which is missing.`);
  let count = 0;
  for (const d of data.divisions) {
    count += await inserted(
      db,
      `INSERT INTO divisions (event_id, code, name, name_en, age_group, gender, born_on_or_after, capacity, roster_min, roster_max, city, city_en, position, source, illustrative)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) ON CONFLICT (event_id, code) DO NOTHING`,
      [
        eventId,
        d.code,
        d.name,
        d.nameEn,
        d.ageGroup,
        d.gender,
        d.bornOnOrAfter,
        d.capacity,
        d.rosterMin ?? null,
        d.rosterMax ?? null,
        d.city ?? null,
        d.cityEn ?? null,
        d.position,
        d.source,
        d.illustrative ?? [],
      ],
    );
  }
  return count;
}

async function insertTeam(db: SqlRunner, t: TeamSeed & { sport: 'basketball' | 'sailing' }): Promise<number> {
  return inserted(
    db,
    `INSERT INTO teams (slug, name, name_en, sport, city, city_en, source, illustrative)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (slug) DO NOTHING`,
    [t.slug, t.name, t.nameEn, t.sport, t.city, t.cityEn, t.source, t.illustrative ?? []],
  );
}

async function seedTeams(db: SqlRunner, teams: TeamSeed[], report: SeedReport): Promise<void> {
  for (const team of teams) report.teams += await insertTeam(db, { ...team, sport: 'basketball' });
}

async function seedRally(db: SqlRunner, data: RallyData, report: SeedReport): Promise<void> {
  const r = data.rally;
  report.rallies += await inserted(
    db,
    `INSERT INTO rallies (slug, name, name_en, description, description_en, start_date, end_date, discards, distance_nm, boat_class, rules, source, illustrative)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) ON CONFLICT (slug) DO NOTHING`,
    [
      r.slug,
      r.name,
      r.nameEn,
      r.description,
      r.descriptionEn,
      r.startDate,
      r.endDate,
      r.discards,
      r.distanceNm,
      r.boatClass,
      r.rules,
      r.source,
      r.illustrative ?? [],
    ],
  );
  const rallyId = await idOf(db, 'rallies', r.slug);
  const ports = new Map(data.ports.map((p) => [p.slug, p]));
  for (const leg of data.legs) {
    const from = ports.get(leg.from);
    const to = ports.get(leg.to);
    if (!from || !to) throw new Error(`Leg ${leg.number} names an unknown port.`);
    report.legs += await inserted(
      db,
      `INSERT INTO rally_legs (rally_id, number, from_port, from_port_en, from_lat, from_lon, to_port, to_port_en, to_lat, to_lon, distance_nm, starts_at, coefficient, source, illustrative, waypoints)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) ON CONFLICT (rally_id, number) DO NOTHING`,
      [
        rallyId,
        leg.number,
        from.name,
        from.nameEn,
        from.lat,
        from.lon,
        to.name,
        to.nameEn,
        to.lat,
        to.lon,
        leg.distanceNm,
        leg.startsAt,
        leg.coefficient,
        leg.source,
        leg.illustrative ?? [],
        JSON.stringify(leg.waypoints ?? []),
      ],
    );
    // Legs seeded before tracking existed get their marks once; a course an organizer set is kept.
    await db.query(
      `UPDATE rally_legs SET waypoints = $3 WHERE rally_id = $1 AND number = $2 AND waypoints = '[]'::jsonb AND finish_line IS NULL`,
      [rallyId, leg.number, JSON.stringify(leg.waypoints ?? [])],
    );
  }
  for (const entry of data.entries) {
    const slug = rallyTeamSlug(r.slug, entry.sailNumber);
    report.teams += await insertTeam(db, {
      slug,
      name: entry.teamName,
      nameEn: entry.teamNameEn,
      city: entry.city,
      cityEn: null,
      sport: 'sailing',
      source: entry.source,
      illustrative: entry.illustrative ?? [],
    });
    const teamId = await idOf(db, 'teams', slug);
    report.entries += await inserted(
      db,
      `INSERT INTO rally_entries (rally_id, team_id, boat_name, sail_number, rating, source, illustrative)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (rally_id, team_id) DO NOTHING`,
      [rallyId, teamId, entry.boatName, entry.sailNumber, entry.rating, entry.source, entry.illustrative ?? []],
    );
  }
  report.legResults += await seedLegResults(db, rallyId, data.legResults);
  report.positions += await seedIllustrativeTracks(db, rallyId, data);
}

/**
 * The illustrative tracks (see tracks.ts), for boats that have no position at all: once a boat has
 * a real fix, or the seed ran before, nothing is added. Marked with origin 'illustrative'.
 */
async function seedIllustrativeTracks(db: SqlRunner, rallyId: string, data: RallyData): Promise<number> {
  const { rows } = await db.query(
    `SELECT e.id, e.sail_number FROM rally_entries e WHERE e.rally_id = $1 AND NOT EXISTS (SELECT 1 FROM rally_positions p WHERE p.entry_id = e.id)`,
    [rallyId],
  );
  const bySail = new Map(rows.map((row) => [row.sail_number as string, row.id as string]));
  const fixes = illustrativeTracks(data).filter((f) => bySail.has(f.sailNumber));
  if (fixes.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO rally_positions (entry_id, at, lat, lon, origin)
     SELECT e, to_timestamp(t / 1000.0), la, lo, 'illustrative' FROM unnest($1::uuid[], $2::double precision[], $3::double precision[], $4::double precision[]) AS x(e, t, la, lo)
     ON CONFLICT (entry_id, at) DO NOTHING RETURNING 1`,
    [
      fixes.map((f) => bySail.get(f.sailNumber)),
      fixes.map((f) => f.at),
      fixes.map((f) => f.lat),
      fixes.map((f) => f.lon),
    ],
  );
  // Cached tracks are keyed by this version (apps/api tracking): a write of positions bumps it.
  if (result.rows.length > 0)
    await db.query(`UPDATE rallies SET positions_version = positions_version + 1 WHERE id = $1`, [rallyId]);
  return result.rows.length;
}

/**
 * A leg's results are written only while the leg has none: once an organizer has entered (or
 * replaced) a leg's results, a restart must not add seeded rows back to it.
 */
async function seedLegResults(db: SqlRunner, rallyId: string, results: LegResultSeed[]): Promise<number> {
  const entries = await db.query(`SELECT id, sail_number FROM rally_entries WHERE rally_id = $1`, [rallyId]);
  const entryBySail = new Map(entries.rows.map((row) => [row.sail_number, row.id]));
  let count = 0;
  for (const legNumber of [...new Set(results.map((r) => r.leg))]) {
    const { rows } = await db.query(
      `SELECT l.id, EXISTS (SELECT 1 FROM rally_leg_results r WHERE r.leg_id = l.id) AS scored FROM rally_legs l WHERE l.rally_id = $1 AND l.number = $2`,
      [rallyId, legNumber],
    );
    const leg = rows[0];
    if (typeof leg?.id !== 'string') throw new Error(`Seed leg results refer to leg ${legNumber}, which is missing.`);
    if (leg.scored === true) continue;
    for (const result of results.filter((r) => r.leg === legNumber)) {
      const entryId = entryBySail.get(result.sailNumber);
      if (typeof entryId !== 'string')
        throw new Error(`Seed leg ${legNumber} result names sail number '${result.sailNumber}', which has no entry.`);
      count += await inserted(
        db,
        `INSERT INTO rally_leg_results (rally_id, leg_id, entry_id, finished_at, code, points, source, illustrative)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (leg_id, entry_id) DO NOTHING`,
        [
          rallyId,
          leg.id,
          entryId,
          result.finishedAt ?? null,
          result.code ?? null,
          result.points ?? null,
          result.source,
          result.illustrative ?? [],
        ],
      );
    }
  }
  return count;
}
