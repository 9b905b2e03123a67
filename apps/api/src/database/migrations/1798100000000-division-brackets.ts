import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A playoff bracket per division: brackets get their own id; an event without divisions keeps one bracket (unique
 * on event_id where division_id IS NULL), each division one (unique on division_id). A bracket slot is played once
 * per bracket, so the matches' slot key is split the same way (NULLs never collide in one unique key).
 */
export class DivisionBrackets1798100000000 implements MigrationInterface {
  name = 'DivisionBrackets1798100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "playoff_brackets" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await runner.query(`ALTER TABLE "playoff_brackets" ADD "division_id" uuid`);
    await runner.query(`ALTER TABLE "playoff_brackets" DROP CONSTRAINT "PK_910e8460cfdc6763aa063a060df"`);
    await runner.query(
      `ALTER TABLE "playoff_brackets" ADD CONSTRAINT "PK_0d98d47e4ecc8427de50f19bd11" PRIMARY KEY ("id")`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "playoff_brackets_event_unique" ON "playoff_brackets" ("event_id") WHERE division_id IS NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "playoff_brackets_division_unique" ON "playoff_brackets" ("division_id") WHERE division_id IS NOT NULL`,
    );
    await runner.query(
      `ALTER TABLE "playoff_brackets" ADD CONSTRAINT "FK_9aa619d54b06f0d1bc4d07f0ab1" FOREIGN KEY ("division_id") REFERENCES "divisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(`DROP INDEX "matches_event_playoff_slot_unique"`);
    await runner.query(
      `CREATE UNIQUE INDEX "matches_event_playoff_slot_unique" ON "matches" ("event_id", "playoff_slot") WHERE playoff_slot IS NOT NULL AND division_id IS NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "matches_division_playoff_slot_unique" ON "matches" ("division_id", "playoff_slot") WHERE playoff_slot IS NOT NULL AND division_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "matches_division_playoff_slot_unique"`);
    await runner.query(`DROP INDEX "matches_event_playoff_slot_unique"`);
    await runner.query(
      `CREATE UNIQUE INDEX "matches_event_playoff_slot_unique" ON "matches" ("event_id", "playoff_slot") WHERE playoff_slot IS NOT NULL`,
    );
    // Back to one bracket per event: division brackets cannot be kept.
    await runner.query(`DELETE FROM "playoff_brackets" WHERE division_id IS NOT NULL`);
    await runner.query(`ALTER TABLE "playoff_brackets" DROP CONSTRAINT "FK_9aa619d54b06f0d1bc4d07f0ab1"`);
    await runner.query(`DROP INDEX "playoff_brackets_division_unique"`);
    await runner.query(`DROP INDEX "playoff_brackets_event_unique"`);
    await runner.query(`ALTER TABLE "playoff_brackets" DROP CONSTRAINT "PK_0d98d47e4ecc8427de50f19bd11"`);
    await runner.query(
      `ALTER TABLE "playoff_brackets" ADD CONSTRAINT "PK_910e8460cfdc6763aa063a060df" PRIMARY KEY ("event_id")`,
    );
    await runner.query(`ALTER TABLE "playoff_brackets" DROP COLUMN "division_id"`);
    await runner.query(`ALTER TABLE "playoff_brackets" DROP COLUMN "id"`);
  }
}
