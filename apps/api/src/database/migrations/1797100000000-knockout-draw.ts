import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A knockout drawn from the group stage: how many of the next-placed teams (best thirds …) qualified, and whether
 * the organizer drew it before every group game had a result (an explicit choice, kept with the bracket).
 */
export class KnockoutDraw1797100000000 implements MigrationInterface {
  name = 'KnockoutDraw1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "playoff_brackets" ADD "best_next_placed" integer NOT NULL DEFAULT 0`);
    await runner.query(
      `ALTER TABLE "playoff_brackets" ADD "drawn_before_groups_complete" boolean NOT NULL DEFAULT false`,
    );
    await runner.query(
      `ALTER TABLE "playoff_brackets" ADD CONSTRAINT "playoff_brackets_best_next_placed_not_negative" CHECK (best_next_placed >= 0)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "playoff_brackets" DROP CONSTRAINT "playoff_brackets_best_next_placed_not_negative"`,
    );
    await runner.query(`ALTER TABLE "playoff_brackets" DROP COLUMN "drawn_before_groups_complete"`);
    await runner.query(`ALTER TABLE "playoff_brackets" DROP COLUMN "best_next_placed"`);
  }
}
