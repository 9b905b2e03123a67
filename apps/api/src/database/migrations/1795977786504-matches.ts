import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matches, playoff brackets, and the per-event feed version that public reads derive their ETag
 * from. Triggers bump that version in the same transaction as any change to an event's matches,
 * its registrations or its teams' names, whoever writes (API, seed, SQL), so no cache can outlive it.
 */
export class Matches1795977786504 implements MigrationInterface {
  name = 'Matches1795977786504';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "match_feed_versions" ("event_id" uuid NOT NULL, "version" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_63d70f81514f03c7ec0bc1edb3e" PRIMARY KEY ("event_id"))`,
    );
    await runner.query(
      `CREATE TABLE "matches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" uuid NOT NULL, "home_team_id" uuid NOT NULL, "away_team_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE, "venue_id" uuid, "court" integer, "group_name" text NOT NULL DEFAULT '', "round" integer, "status" text NOT NULL DEFAULT 'scheduled', "home_score" integer, "away_score" integer, "forfeited_by" uuid, "version" integer NOT NULL DEFAULT '1', "playoff_slot" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "matches_version_positive" CHECK (version >= 1), CONSTRAINT "matches_round_positive" CHECK (round >= 1), CONSTRAINT "matches_court_positive" CHECK (court >= 1), CONSTRAINT "matches_court_needs_venue" CHECK ((venue_id IS NULL) = (court IS NULL)), CONSTRAINT "matches_forfeit_names_a_side" CHECK (CASE WHEN status = 'forfeit' THEN forfeited_by IN (home_team_id, away_team_id) ELSE forfeited_by IS NULL END), CONSTRAINT "matches_result_matches_status" CHECK (CASE WHEN status IN ('final', 'forfeit') THEN home_score IS NOT NULL AND home_score <> away_score ELSE home_score IS NULL END), CONSTRAINT "matches_scores_paired" CHECK ((home_score IS NULL) = (away_score IS NULL)), CONSTRAINT "matches_scores_non_negative" CHECK (home_score >= 0 AND away_score >= 0), CONSTRAINT "matches_teams_differ" CHECK (home_team_id <> away_team_id), CONSTRAINT "matches_status_valid" CHECK (status IN ('scheduled', 'final', 'forfeit', 'postponed')), CONSTRAINT "PK_8a22c7b2e0828988d51256117f4" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "matches_away_team_starts" ON "matches"  ("away_team_id", "starts_at") `);
    await runner.query(`CREATE INDEX "matches_home_team_starts" ON "matches"  ("home_team_id", "starts_at") `);
    await runner.query(`CREATE INDEX "matches_event_starts" ON "matches"  ("event_id", "starts_at") `);
    await runner.query(
      `CREATE UNIQUE INDEX "matches_event_playoff_slot_unique" ON "matches"  ("event_id", "playoff_slot") WHERE playoff_slot IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "matches_court_start_unique" ON "matches"  ("venue_id", "court", "starts_at") WHERE status <> 'postponed'`,
    );
    await runner.query(
      `CREATE TABLE "playoff_brackets" ("event_id" uuid NOT NULL, "bracket" jsonb NOT NULL, "qualifiers_per_group" integer NOT NULL, "third_place_game" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "playoff_brackets_bracket_object" CHECK (jsonb_typeof(bracket) = 'object'), CONSTRAINT "playoff_brackets_qualifiers_positive" CHECK (qualifiers_per_group >= 1), CONSTRAINT "PK_910e8460cfdc6763aa063a060df" PRIMARY KEY ("event_id"))`,
    );
    await runner.query(
      `ALTER TABLE "match_feed_versions" ADD CONSTRAINT "FK_63d70f81514f03c7ec0bc1edb3e" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_f9d2409d92908dff9bcb4116b51" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_bb25f11ea6fa78b344a68923769" FOREIGN KEY ("home_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_e457f057d971e464c1ebf6378c5" FOREIGN KEY ("away_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_cb90abceb14ab1b73e92823acce" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "playoff_brackets" ADD CONSTRAINT "FK_910e8460cfdc6763aa063a060df" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // One statement bumps each event it touched once (events being deleted are skipped); ordered so
    // two writers lock counters alike.
    await runner.query(`CREATE FUNCTION match_feed_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO match_feed_versions AS v (event_id, version, updated_at)
          SELECT DISTINCT c.event_id, 1, now() FROM changed c JOIN events e ON e.id = c.event_id ORDER BY c.event_id
          ON CONFLICT (event_id) DO UPDATE SET version = v.version + 1, updated_at = now();
        RETURN NULL;
      END $$`);
    for (const table of ['matches', 'registrations']) {
      await runner.query(
        `CREATE TRIGGER ${table}_feed_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION match_feed_bump()`,
      );
      await runner.query(
        `CREATE TRIGGER ${table}_feed_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION match_feed_bump()`,
      );
      await runner.query(
        `CREATE TRIGGER ${table}_feed_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION match_feed_bump()`,
      );
    }
    // Standings and schedules show team names: a rename is a change to every event the team is in.
    await runner.query(`CREATE FUNCTION match_feed_bump_team() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO match_feed_versions AS v (event_id, version, updated_at)
          SELECT DISTINCT event_id, 1, now() FROM (
            SELECT event_id FROM matches WHERE home_team_id = NEW.id OR away_team_id = NEW.id
            UNION SELECT event_id FROM registrations WHERE team_id = NEW.id
          ) touched ORDER BY event_id
          ON CONFLICT (event_id) DO UPDATE SET version = v.version + 1, updated_at = now();
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER teams_feed_rename AFTER UPDATE OF name, name_en ON teams FOR EACH ROW
         WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_en IS DISTINCT FROM NEW.name_en) EXECUTE FUNCTION match_feed_bump_team()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER teams_feed_rename ON teams`);
    for (const table of ['matches', 'registrations']) {
      for (const op of ['insert', 'update', 'delete'])
        await runner.query(`DROP TRIGGER ${table}_feed_${op} ON ${table}`);
    }
    await runner.query(`DROP FUNCTION match_feed_bump_team()`);
    await runner.query(`DROP FUNCTION match_feed_bump()`);
    await runner.query(`DROP TABLE "playoff_brackets"`);
    await runner.query(`DROP TABLE "matches"`);
    await runner.query(`DROP TABLE "match_feed_versions"`);
  }
}
