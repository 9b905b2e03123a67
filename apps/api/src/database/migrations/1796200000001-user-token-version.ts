import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signing out bumps it; tokens carry the version they were issued at, so older ones stop working. */
export class UserTokenVersion1796200000001 implements MigrationInterface {
  name = 'UserTokenVersion1796200000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
