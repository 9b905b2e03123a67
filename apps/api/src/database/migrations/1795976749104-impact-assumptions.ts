import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tourism-impact assumptions per season or event (exactly one), and the history of their edits. */
export class ImpactAssumptions1795976749104 implements MigrationInterface {
  name = 'ImpactAssumptions1795976749104';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "impact_assumption_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "season_id" uuid, "event_id" uuid, "assumptions" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "impact_assumption_sets_version_positive" CHECK (version >= 1), CONSTRAINT "impact_assumption_sets_assumptions_object" CHECK (jsonb_typeof(assumptions) = 'object'), CONSTRAINT "impact_assumption_sets_one_owner" CHECK ((season_id IS NULL) <> (event_id IS NULL)), CONSTRAINT "PK_424a37697b4016b71d54d0507d4" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "impact_assumption_sets_event_unique" ON "impact_assumption_sets"  ("event_id") `,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "impact_assumption_sets_season_unique" ON "impact_assumption_sets"  ("season_id") `,
    );
    await runner.query(
      `CREATE TABLE "impact_assumption_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "set_id" uuid NOT NULL, "version" integer NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fields" text array NOT NULL, "changes" jsonb NOT NULL, "reason" text, CONSTRAINT "impact_assumption_changes_changes_array" CHECK (jsonb_typeof(changes) = 'array'), CONSTRAINT "impact_assumption_changes_version_positive" CHECK (version >= 1), CONSTRAINT "PK_373fb11d4f263a6f949a1f26c97" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "impact_assumption_changes_set_version_unique" ON "impact_assumption_changes"  ("set_id", "version") `,
    );
    await runner.query(
      `ALTER TABLE "impact_assumption_sets" ADD CONSTRAINT "FK_66ea55a4b86001f618b2b78ff69" FOREIGN KEY ("season_id") REFERENCES "seasons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "impact_assumption_sets" ADD CONSTRAINT "FK_0afbfcfc202a29c81cfe0662ace" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "impact_assumption_sets" ADD CONSTRAINT "FK_48fcea35d9b3258004547c8701f" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "impact_assumption_changes" ADD CONSTRAINT "FK_01e65841085ba5935e768887bee" FOREIGN KEY ("set_id") REFERENCES "impact_assumption_sets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "impact_assumption_changes" ADD CONSTRAINT "FK_c78ea1ec9a171b7d82064c87994" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "impact_assumption_changes"`);
    await runner.query(`DROP TABLE "impact_assumption_sets"`);
  }
}
