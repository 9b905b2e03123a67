import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rally tracking: leg geometry (waypoints, finish line), positions from tracker feeds and files,
 * per-boat tracker tokens, and staged file imports (preview before commit).
 *
 * rally_positions is keyed by (entry_id, at): 7 boats × a fix a minute × 16 days ≈ 160,000 rows. The
 * primary key's B-tree is the only index: every read is "one boat's fixes in a time window, in time
 * order" (progress at an instant, a leg's track), which is a range scan of that key, and the key is
 * also what makes a repeated fix a duplicate (ON CONFLICT DO NOTHING). No surrogate id: it would add
 * a second index and 16 bytes a row for nothing that is ever looked up by it.
 * rallies.positions_version is bumped in the same transaction as every write of positions, so a
 * leg's fixes can be cached by version (replays ask for many instants of the same data).
 */
export class RallyTracking1796100000000 implements MigrationInterface {
  name = 'RallyTracking1796100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "rallies" ADD "positions_version" bigint NOT NULL DEFAULT '0'`);
    await runner.query(`ALTER TABLE "rally_legs" ADD "waypoints" jsonb NOT NULL DEFAULT '[]'`);
    await runner.query(`ALTER TABLE "rally_legs" ADD "finish_line" jsonb`);
    await runner.query(
      `ALTER TABLE "rally_legs" ADD CONSTRAINT "rally_legs_waypoints_is_array" CHECK (jsonb_typeof(waypoints) = 'array')`,
    );
    await runner.query(
      `ALTER TABLE "rally_legs" ADD CONSTRAINT "rally_legs_finish_line_pair" CHECK (finish_line IS NULL OR (jsonb_typeof(finish_line) = 'array' AND jsonb_array_length(finish_line) = 2))`,
    );
    await runner.query(
      `CREATE TABLE "rally_positions" ("entry_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "lat" double precision NOT NULL, "lon" double precision NOT NULL, "sog_kn" real, "cog_deg" real, "origin" text NOT NULL, ` +
        `CONSTRAINT "rally_positions_lat_range" CHECK (lat BETWEEN -90 AND 90), CONSTRAINT "rally_positions_lon_range" CHECK (lon BETWEEN -180 AND 180), ` +
        `CONSTRAINT "rally_positions_sog_range" CHECK (sog_kn IS NULL OR sog_kn BETWEEN 0 AND 100), CONSTRAINT "rally_positions_cog_range" CHECK (cog_deg IS NULL OR (cog_deg >= 0 AND cog_deg < 360)), ` +
        `CONSTRAINT "rally_positions_origin_known" CHECK (origin IN ('feed', 'tracker', 'gpx', 'csv', 'illustrative')), ` +
        `CONSTRAINT "rally_positions_entry_at" PRIMARY KEY ("entry_id", "at"))`,
    );
    await runner.query(
      `ALTER TABLE "rally_positions" ADD CONSTRAINT "FK_rally_positions_entry" FOREIGN KEY ("entry_id") REFERENCES "rally_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `CREATE TABLE "rally_tracker_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rally_id" uuid NOT NULL, "entry_id" uuid NOT NULL, "token_hash" text NOT NULL, "label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, ` +
        `CONSTRAINT "rally_tracker_tokens_hash_unique" UNIQUE ("token_hash"), CONSTRAINT "PK_rally_tracker_tokens" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "rally_tracker_tokens_entry" ON "rally_tracker_tokens" ("entry_id") `);
    await runner.query(
      `ALTER TABLE "rally_tracker_tokens" ADD CONSTRAINT "FK_rally_tracker_tokens_entry" FOREIGN KEY ("entry_id", "rally_id") REFERENCES "rally_entries"("id","rally_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `CREATE TABLE "rally_track_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rally_id" uuid NOT NULL, "entry_id" uuid NOT NULL, "format" text NOT NULL, "file_name" text, "points" jsonb NOT NULL, "summary" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "committed_at" TIMESTAMP WITH TIME ZONE, ` +
        `CONSTRAINT "rally_track_imports_format_known" CHECK (format IN ('gpx', 'csv')), CONSTRAINT "PK_rally_track_imports" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "rally_track_imports_entry" ON "rally_track_imports" ("entry_id") `);
    await runner.query(
      `ALTER TABLE "rally_track_imports" ADD CONSTRAINT "FK_rally_track_imports_entry" FOREIGN KEY ("entry_id", "rally_id") REFERENCES "rally_entries"("id","rally_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "rally_track_imports"`);
    await runner.query(`DROP TABLE "rally_tracker_tokens"`);
    await runner.query(`DROP TABLE "rally_positions"`);
    await runner.query(`ALTER TABLE "rally_legs" DROP CONSTRAINT "rally_legs_finish_line_pair"`);
    await runner.query(`ALTER TABLE "rally_legs" DROP CONSTRAINT "rally_legs_waypoints_is_array"`);
    await runner.query(`ALTER TABLE "rally_legs" DROP COLUMN "finish_line"`);
    await runner.query(`ALTER TABLE "rally_legs" DROP COLUMN "waypoints"`);
    await runner.query(`ALTER TABLE "rallies" DROP COLUMN "positions_version"`);
  }
}
