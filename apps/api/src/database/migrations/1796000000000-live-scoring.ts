import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live game day: the append-only live log, its per-event sequence, scorer links, and a `live`
 * status with a period on games. Every change that bumps an event's feed version now also sends
 * NOTIFY on channel `sailcourt` in the same transaction, so each API replica's listener hears of
 * committed changes only (a rolled-back write is never announced). Payloads carry ids and
 * versions, never data: NOTIFY caps them at 8000 bytes, and the database stays the only truth.
 */
export class LiveScoring1796000000000 implements MigrationInterface {
  name = 'LiveScoring1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "match_live_actions" ("event_id" uuid NOT NULL, "seq" bigint NOT NULL, "match_id" uuid NOT NULL, "client_event_id" uuid, "type" text NOT NULL, "team" text, "points" integer, "target_client_event_id" uuid, "status" text NOT NULL, "period" integer NOT NULL, "home_score" integer, "away_score" integer, "actor" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "match_live_actions_undo_shape" CHECK ((type = 'undo') = (target_client_event_id IS NOT NULL)), CONSTRAINT "match_live_actions_score_shape" CHECK ((type = 'score') = (team IS NOT NULL AND points IS NOT NULL)), CONSTRAINT "match_live_actions_type_valid" CHECK (type IN ('start', 'score', 'period-end', 'undo', 'final', 'result')), CONSTRAINT "PK_9ebdebc7a53e16a8235c4deb4d9" PRIMARY KEY ("event_id", "seq"))`,
    );
    await runner.query(`CREATE INDEX "match_live_actions_match_seq" ON "match_live_actions"  ("match_id", "seq") `);
    await runner.query(
      `CREATE UNIQUE INDEX "match_live_actions_client_event_unique" ON "match_live_actions"  ("match_id", "client_event_id") `,
    );
    await runner.query(
      `CREATE TABLE "live_event_counters" ("event_id" uuid NOT NULL, "seq" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_e363162fc0d35e5b247ccaf48d4" PRIMARY KEY ("event_id"))`,
    );
    await runner.query(
      `CREATE TABLE "scorer_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "token_hash" text NOT NULL, "label" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d574e5674aab9f09d014a9c788" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "scorer_links_token_hash_unique" ON "scorer_links"  ("token_hash") `);
    await runner.query(`ALTER TABLE "matches" ADD "period" integer NOT NULL DEFAULT '0'`);
    await runner.query(`ALTER TABLE "matches" ADD "live_seq" bigint`);
    await runner.query(`ALTER TABLE "matches" ADD CONSTRAINT "matches_period_non_negative" CHECK (period >= 0)`);
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_status_valid"`);
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "matches_status_valid" CHECK (status IN ('scheduled', 'live', 'final', 'forfeit', 'postponed'))`,
    );
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (CASE WHEN status IN ('final', 'forfeit') THEN home_score IS NOT NULL AND home_score <> away_score WHEN status = 'live' THEN home_score IS NOT NULL ELSE home_score IS NULL END)`,
    );
    await runner.query(
      `ALTER TABLE "match_live_actions" ADD CONSTRAINT "FK_aa0063dc602326448b85293e3da" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "match_live_actions" ADD CONSTRAINT "FK_ff2d00510adce29b50b4ef29826" FOREIGN KEY ("match_id") REFERENCES "matches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "live_event_counters" ADD CONSTRAINT "FK_e363162fc0d35e5b247ccaf48d4" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "scorer_links" ADD CONSTRAINT "FK_1802e55500b5c0a077b9e46f8d8" FOREIGN KEY ("match_id") REFERENCES "matches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(feedBumpFunction('match_feed_bump', CHANGED_EVENTS, true));
    await runner.query(feedBumpFunction('match_feed_bump_team', TEAM_EVENTS, true));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(feedBumpFunction('match_feed_bump', CHANGED_EVENTS, false));
    await runner.query(feedBumpFunction('match_feed_bump_team', TEAM_EVENTS, false));
    await runner.query(`ALTER TABLE "scorer_links" DROP CONSTRAINT "FK_1802e55500b5c0a077b9e46f8d8"`);
    await runner.query(`ALTER TABLE "live_event_counters" DROP CONSTRAINT "FK_e363162fc0d35e5b247ccaf48d4"`);
    await runner.query(`ALTER TABLE "match_live_actions" DROP CONSTRAINT "FK_ff2d00510adce29b50b4ef29826"`);
    await runner.query(`ALTER TABLE "match_live_actions" DROP CONSTRAINT "FK_aa0063dc602326448b85293e3da"`);
    await runner.query(
      `UPDATE "matches" SET status = 'scheduled', home_score = NULL, away_score = NULL WHERE status = 'live'`,
    );
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_result_matches_status"`);
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "matches_result_matches_status" CHECK (CASE WHEN status IN ('final', 'forfeit') THEN home_score IS NOT NULL AND home_score <> away_score ELSE home_score IS NULL END)`,
    );
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_status_valid"`);
    await runner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "matches_status_valid" CHECK (status IN ('scheduled', 'final', 'forfeit', 'postponed'))`,
    );
    await runner.query(`ALTER TABLE "matches" DROP CONSTRAINT "matches_period_non_negative"`);
    await runner.query(`ALTER TABLE "matches" DROP COLUMN "live_seq"`);
    await runner.query(`ALTER TABLE "matches" DROP COLUMN "period"`);
    await runner.query(`DROP TABLE "scorer_links"`);
    await runner.query(`DROP TABLE "live_event_counters"`);
    await runner.query(`DROP TABLE "match_live_actions"`);
  }
}

/** The events a statement on matches or registrations touched (events being deleted are skipped). */
const CHANGED_EVENTS = `SELECT DISTINCT c.event_id FROM changed c JOIN events e ON e.id = c.event_id`;
/** The events a renamed team plays or is registered in. */
const TEAM_EVENTS = `SELECT DISTINCT event_id FROM (
    SELECT event_id FROM matches WHERE home_team_id = NEW.id OR away_team_id = NEW.id
    UNION SELECT event_id FROM registrations WHERE team_id = NEW.id
  ) touched`;

/**
 * A trigger function that bumps the feed version of each event `eventsSql` names (ordered, so two
 * writers lock counters alike) and, with `notify`, announces each new version.
 */
function feedBumpFunction(name: string, eventsSql: string, notify: boolean): string {
  const announce = notify
    ? `PERFORM pg_notify('sailcourt', json_build_object('t', 'feed', 'e', bumped.event_id, 'v', bumped.version)::text);`
    : 'NULL;';
  return `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE bumped record;
    BEGIN
      FOR bumped IN
        INSERT INTO match_feed_versions AS v (event_id, version, updated_at)
          SELECT event_id, 1, now() FROM (${eventsSql}) touched ORDER BY event_id
          ON CONFLICT (event_id) DO UPDATE SET version = v.version + 1, updated_at = now()
          RETURNING v.event_id, v.version
      LOOP
        ${announce}
      END LOOP;
      RETURN NULL;
    END $$`;
}
