import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dataChangeTrigger } from './1796000000001-data-change-notify.js';

/**
 * Lots drawn for ties the rules leave level, per event + group (+ division): only ever added, so they are their own
 * record of who drew what and when. A new lot changes the standings, so it bumps the event's feed version and
 * announces a data change like a result does.
 */
export class DrawnLots1798100000001 implements MigrationInterface {
  name = 'DrawnLots1798100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "drawn_lots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "division_id" uuid, "group_name" text NOT NULL DEFAULT '', "team_ids" uuid array NOT NULL, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "drawn_lots_two_or_more_teams" CHECK (cardinality(team_ids) >= 2), CONSTRAINT "PK_e69a6369970e60e4efd531ef900" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "drawn_lots_event_recorded" ON "drawn_lots" ("event_id", "recorded_at")`);
    await runner.query(
      `ALTER TABLE "drawn_lots" ADD CONSTRAINT "FK_a0f139322543ea82c4074fcd9d0" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drawn_lots" ADD CONSTRAINT "FK_8e3e53cba0bc642fb884451ce61" FOREIGN KEY ("division_id") REFERENCES "divisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drawn_lots" ADD CONSTRAINT "FK_b135341b59ef3e06b59596f320a" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `CREATE TRIGGER drawn_lots_feed_insert AFTER INSERT ON drawn_lots REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION match_feed_bump()`,
    );
    await runner.query(dataChangeTrigger('drawn_lots'));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "drawn_lots"`);
  }
}
