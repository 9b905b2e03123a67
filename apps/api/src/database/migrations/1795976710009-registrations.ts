import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Team rosters, event registrations (with arrival order for the waitlist) and their status audit log. */
export class Registrations1795976710009 implements MigrationInterface {
  name = 'Registrations1795976710009';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "team_id" uuid NOT NULL, "status" text NOT NULL, "roster" jsonb NOT NULL DEFAULT '[]', "seq" BIGSERIAL NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "registrations_roster_is_array" CHECK (jsonb_typeof(roster) = 'array'), CONSTRAINT "registrations_status_valid" CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'rejected', 'withdrawn')), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "registrations_team" ON "registrations"  ("team_id") `);
    await runner.query(`CREATE INDEX "registrations_event_status" ON "registrations"  ("event_id", "status") `);
    await runner.query(
      `CREATE UNIQUE INDEX "registrations_event_team_active_unique" ON "registrations"  ("event_id", "team_id") WHERE status IN ('pending', 'confirmed', 'waitlisted')`,
    );
    await runner.query(
      `CREATE TABLE "registration_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "event_id" uuid NOT NULL, "actor_id" uuid, "from_status" text, "to_status" text NOT NULL, "reason" text, "overrides" text array NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "registration_audit_from_status_valid" CHECK (from_status IN ('pending', 'confirmed', 'waitlisted', 'rejected', 'withdrawn')), CONSTRAINT "registration_audit_to_status_valid" CHECK (to_status IN ('pending', 'confirmed', 'waitlisted', 'rejected', 'withdrawn')), CONSTRAINT "PK_b6e856001060ec92196952c7ade" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "registration_audit_event" ON "registration_audit"  ("event_id", "at") `);
    await runner.query(
      `CREATE INDEX "registration_audit_registration" ON "registration_audit"  ("registration_id", "at") `,
    );
    await runner.query(
      `CREATE TABLE "team_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "team_id" uuid NOT NULL, "sort_order" integer NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "number" integer, "position" text, "birth_year" integer, CONSTRAINT "team_members_position_valid" CHECK (position IN ('guard', 'forward', 'center')), CONSTRAINT "team_members_role_valid" CHECK (role IN ('player', 'coach', 'assistant-coach', 'team-manager', 'physio', 'staff', 'skipper', 'helmsman', 'navigator', 'trimmer', 'bowman', 'crew')), CONSTRAINT "team_members_name_length" CHECK (char_length(name) BETWEEN 1 AND 100), CONSTRAINT "team_members_birth_year_range" CHECK (birth_year BETWEEN 1900 AND 2100), CONSTRAINT "team_members_number_range" CHECK (number BETWEEN 0 AND 99), CONSTRAINT "PK_ca3eae89dcf20c9fd95bf7460aa" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "team_members_team_order" ON "team_members"  ("team_id", "sort_order") `);
    await runner.query(
      `CREATE UNIQUE INDEX "team_members_team_number_unique" ON "team_members"  ("team_id", "number") `,
    );
    await runner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_c082d66f7080c743a96c1e91807" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_7b6436e8a7283fcb9d606ed4bb4" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_8185d1c36bdb1cb1f95db13e6f3" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "registration_audit" ADD CONSTRAINT "FK_3ae69664625fa63220e34a23b7b" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "registration_audit" ADD CONSTRAINT "FK_68375e7991346ff21963bf963fe" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "registration_audit" ADD CONSTRAINT "FK_f51d0a7c775faecb25d5d3242d1" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "team_members" ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "registration_audit"`);
    await runner.query(`DROP TABLE "registrations"`);
    await runner.query(`DROP TABLE "team_members"`);
  }
}
