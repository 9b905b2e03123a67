import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Divisions of an event (age group × gender, perhaps one city's group): registrations and games may name one,
 * so capacity, roster limits, the schedule and the standings are kept per division.
 */
export class Divisions1797200000000 implements MigrationInterface {
  name = 'Divisions1797200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "divisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "name_en" text, "age_group" text, "gender" text NOT NULL DEFAULT 'mixed', "born_on_or_after" date, "capacity" integer, "roster_min" integer, "roster_max" integer, "city" text, "city_en" text, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "divisions_roster_limits_valid" CHECK (roster_min >= 0 AND roster_max >= roster_min), CONSTRAINT "divisions_capacity_non_negative" CHECK (capacity >= 0), CONSTRAINT "divisions_gender_valid" CHECK (gender IN ('boys', 'girls', 'mixed')), CONSTRAINT "PK_c1f864477b3fd0954564108ed96" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "divisions_event_code_unique" ON "divisions" ("event_id", "code")`);
    await runner.query(`ALTER TABLE "matches" ADD "division_id" uuid`);
    await runner.query(`ALTER TABLE "registrations" ADD "division_id" uuid`);
    await runner.query(`CREATE INDEX "matches_division" ON "matches" ("division_id")`);
    await runner.query(`CREATE INDEX "registrations_division_status" ON "registrations" ("division_id", "status")`);
    await runner.query(
      `ALTER TABLE "divisions" ADD CONSTRAINT "FK_5411d7b081f3ea6c2ac5811fdb8" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_d38bc1bd95726b7b019536a0e92" FOREIGN KEY ("division_id") REFERENCES "divisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_01b7ea0f279a1da74f3b6ef06f1" FOREIGN KEY ("division_id") REFERENCES "divisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "FK_01b7ea0f279a1da74f3b6ef06f1"`);
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "FK_d38bc1bd95726b7b019536a0e92"`);
    await runner.query(`DROP INDEX "registrations_division_status"`);
    await runner.query(`DROP INDEX "matches_division"`);
    await runner.query(`ALTER TABLE "registrations" DROP COLUMN "division_id"`);
    await runner.query(`ALTER TABLE "matches" DROP COLUMN "division_id"`);
    await runner.query(`DROP TABLE "divisions"`);
  }
}
