import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API replica: one row per (bucket, client[, account]) key,
 * hashed so no address or email is stored; a fixed window restarts when it has expired.
 * Not an entity: only the rate limiter's own SQL touches it.
 */
export class RateLimitWindows1796200000000 implements MigrationInterface {
  name = 'RateLimitWindows1796200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE UNLOGGED TABLE "rate_limit_windows" ("key" text NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_rate_limit_windows" PRIMARY KEY ("key"))`,
    );
    await runner.query(`CREATE INDEX "IDX_rate_limit_windows_started" ON "rate_limit_windows" ("window_started_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "rate_limit_windows"`);
  }
}
