import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live scoring and FIBA 3x3 together. The result check of games: a live game has a score (level or
 * not), a 3x3 forfeit (w-0) may have none, a final has a winner, a game still to play has no score;
 * each earlier migration wrote the check for its own case only. And a ruleset change, which bumps the
 * event's feed version, announces it like every other bump, so the replicas' cached standings follow.
 */
const BOTH = `CASE WHEN status = 'final' THEN home_score IS NOT NULL AND home_score <> away_score WHEN status = 'forfeit' THEN home_score IS NULL OR home_score <> away_score WHEN status = 'live' THEN home_score IS NOT NULL ELSE home_score IS NULL END`;
const THREE_BY_THREE_ONLY = `CASE WHEN status = 'final' THEN home_score IS NOT NULL AND home_score <> away_score WHEN status = 'forfeit' THEN home_score IS NULL OR home_score <> away_score ELSE home_score IS NULL END`;

export class LiveAnd3x3Results1796600000000 implements MigrationInterface {
  name = 'LiveAnd3x3Results1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(`ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (${BOTH})`);
    await runner.query(rulesetBump(true));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(rulesetBump(false));
    await runner.query(
      `UPDATE "matches" SET status = 'scheduled', home_score = NULL, away_score = NULL WHERE status = 'live'`,
    );
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (${THREE_BY_THREE_ONLY})`,
    );
  }
}

function rulesetBump(notify: boolean): string {
  return `CREATE OR REPLACE FUNCTION match_feed_bump_ruleset() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE bumped bigint;
    BEGIN
      INSERT INTO match_feed_versions AS v (event_id, version, updated_at) VALUES (NEW.id, 1, now())
        ON CONFLICT (event_id) DO UPDATE SET version = v.version + 1, updated_at = now()
        RETURNING v.version INTO bumped;
      ${notify ? `PERFORM pg_notify('sailcourt', json_build_object('t', 'feed', 'e', NEW.id, 'v', bumped)::text);` : ''}
      RETURN NULL;
    END $$`;
}
