import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An event's sport, so only matching teams register; every event so far is basketball. */
export class EventSport1795976877383 implements MigrationInterface {
  name = 'EventSport1795976877383';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "events" ADD "sport" text NOT NULL DEFAULT 'basketball'`);
    await runner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "events_sport_valid" CHECK (sport IN ('basketball', 'sailing'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "events" DROP CONSTRAINT "events_sport_valid"`);
    await runner.query(`ALTER TABLE "events" DROP COLUMN "sport"`);
  }
}
