import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Referees and table officials, their game assignments and the assignment audit log. */
export class Officials1796300000001 implements MigrationInterface {
  name = 'Officials1796300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "officials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "name_en" text, "contact" text, "user_id" uuid, "roles" text array NOT NULL DEFAULT '{referee}', "affiliated_team_ids" uuid array NOT NULL DEFAULT '{}', "availability" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "officials_roles_valid" CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['referee', 'table']::text[]), CONSTRAINT "PK_4e1cbe0d999f0d27205ca7b908d" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "match_officials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "official_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "match_officials_role_valid" CHECK (role IN ('referee', 'table')), CONSTRAINT "PK_d0e3e3abc843aa2b041e9c624a4" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "match_officials_official" ON "match_officials"  ("official_id") `);
    await runner.query(
      `CREATE UNIQUE INDEX "match_officials_match_official_unique" ON "match_officials"  ("match_id", "official_id") `,
    );
    await runner.query(
      `CREATE TABLE "official_assignment_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "official_id" uuid NOT NULL, "role" text NOT NULL, "action" text NOT NULL, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "official_assignment_audit_action_valid" CHECK (action IN ('assigned', 'unassigned')), CONSTRAINT "PK_ff20f9558831a2dda2cc658ef08" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "official_assignment_audit_match" ON "official_assignment_audit"  ("match_id") `);
    await runner.query(
      `ALTER TABLE "officials" ADD CONSTRAINT "FK_a25a71c39fdc5453177ac1cc401" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "match_officials" ADD CONSTRAINT "FK_90041bfec36da0b707be80a6dbd" FOREIGN KEY ("match_id") REFERENCES "matches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "match_officials" ADD CONSTRAINT "FK_f0cbe99c3d7f8e1fdc7d7872f8d" FOREIGN KEY ("official_id") REFERENCES "officials"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "official_assignment_audit"`);
    await runner.query(`DROP TABLE "match_officials"`);
    await runner.query(`DROP TABLE "officials"`);
  }
}
