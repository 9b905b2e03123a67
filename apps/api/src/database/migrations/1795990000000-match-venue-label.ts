import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a game is, in words, when a client names a place that is not one of our venues. */
export class MatchVenueLabel1795990000000 implements MigrationInterface {
  name = 'MatchVenueLabel1795990000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "matches" ADD "venue_label" text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "matches" DROP COLUMN "venue_label"`);
  }
}
