import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The result check of games, once live scoring and FIBA 3x3 are both in: a live game has a score
 * (level or not), a 3x3 forfeit (w-0) may have none, a final has a winner, a game still to play has
 * no score. Each of the two earlier migrations wrote the check for its own case only.
 */
const BOTH = `CASE WHEN status = 'final' THEN home_score IS NOT NULL AND home_score <> away_score WHEN status = 'forfeit' THEN home_score IS NULL OR home_score <> away_score WHEN status = 'live' THEN home_score IS NOT NULL ELSE home_score IS NULL END`;
const THREE_BY_THREE_ONLY = `CASE WHEN status = 'final' THEN home_score IS NOT NULL AND home_score <> away_score WHEN status = 'forfeit' THEN home_score IS NULL OR home_score <> away_score ELSE home_score IS NULL END`;

export class LiveAnd3x3Results1796600000000 implements MigrationInterface {
  name = 'LiveAnd3x3Results1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(`ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (${BOTH})`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE "matches" SET status = 'scheduled', home_score = NULL, away_score = NULL WHERE status = 'live'`);
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(`ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (${THREE_BY_THREE_ONLY})`);
  }
}
