import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FIBA 3x3: an event's ruleset, a game's overtime flag, and forfeits without a winning number — a 3x3 forfeit is
 * scored w-0 (3x3 Rules of the Game, Art. 6.4), so a forfeit may keep both scores empty.
 */
export class RulesetOvertime1796300000000 implements MigrationInterface {
  name = 'RulesetOvertime1796300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "events" ADD "ruleset" text NOT NULL DEFAULT 'fiba'`);
    await runner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "events_ruleset_valid" CHECK (ruleset IN ('fiba', 'fiba-3x3'))`,
    );
    await runner.query(`ALTER TABLE "matches" ADD "overtime" boolean NOT NULL DEFAULT false`);
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(`ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (${RESULT_CHECK})`);
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "matches_overtime_needs_result" CHECK (NOT overtime OR status = 'final')`,
    );
    // Standings are ranked by the ruleset: changing it is a change to the event's feeds (cached by version).
    await runner.query(`CREATE FUNCTION match_feed_bump_ruleset() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO match_feed_versions AS v (event_id, version, updated_at) VALUES (NEW.id, 1, now())
          ON CONFLICT (event_id) DO UPDATE SET version = v.version + 1, updated_at = now();
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER events_feed_ruleset AFTER UPDATE OF ruleset ON events FOR EACH ROW
         WHEN (OLD.ruleset IS DISTINCT FROM NEW.ruleset) EXECUTE FUNCTION match_feed_bump_ruleset()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER events_feed_ruleset ON events`);
    await runner.query(`DROP FUNCTION match_feed_bump_ruleset()`);
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_overtime_needs_result"`);
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (CASE WHEN status IN ('final', 'forfeit') THEN home_score IS NOT NULL AND home_score <> away_score ELSE home_score IS NULL END)`,
    );
    await runner.query(`ALTER TABLE "matches" DROP COLUMN "overtime"`);
    await runner.query(`ALTER TABLE "events" DROP CONSTRAINT "events_ruleset_valid"`);
    await runner.query(`ALTER TABLE "events" DROP COLUMN "ruleset"`);
  }
}

const RESULT_CHECK =
  "CASE WHEN status = 'final' THEN home_score IS NOT NULL AND home_score <> away_score WHEN status = 'forfeit' THEN home_score IS NULL OR home_score <> away_score ELSE home_score IS NULL END";
