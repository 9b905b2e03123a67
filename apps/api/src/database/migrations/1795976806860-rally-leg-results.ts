import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rally leg results (finish times and scoring codes, one per entry per leg) and entry crews. */
export class RallyLegResults1795976806860 implements MigrationInterface {
  name = 'RallyLegResults1795976806860';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "rally_leg_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rally_id" uuid NOT NULL, "leg_id" uuid NOT NULL, "entry_id" uuid NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "code" text, "points" double precision, CONSTRAINT "rally_leg_results_no_finish_without_start" CHECK (finished_at IS NULL OR code NOT IN ('DNC', 'DNS')), CONSTRAINT "rally_leg_results_penalty_has_finish" CHECK (finished_at IS NOT NULL OR code NOT IN ('ZFP', 'SCP')), CONSTRAINT "rally_leg_results_points_given" CHECK (CASE WHEN code IN ('RDG', 'DPI') THEN points IS NOT NULL AND points >= 1 ELSE points IS NULL END), CONSTRAINT "rally_leg_results_finish_or_code" CHECK (finished_at IS NOT NULL OR code IS NOT NULL), CONSTRAINT "rally_leg_results_code_valid" CHECK (code IN ('DNC', 'DNS', 'OCS', 'ZFP', 'UFD', 'BFD', 'SCP', 'NSC', 'DNF', 'RET', 'DSQ', 'DNE', 'RDG', 'DPI')), CONSTRAINT "PK_861c3ded16b97f12a8cc3dbdff4" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "rally_leg_results_rally" ON "rally_leg_results"  ("rally_id") `);
    await runner.query(
      `CREATE UNIQUE INDEX "rally_leg_results_leg_entry_unique" ON "rally_leg_results"  ("leg_id", "entry_id") `,
    );
    await runner.query(`ALTER TABLE "rally_entries" ADD "crew" jsonb NOT NULL DEFAULT '[]'`);
    await runner.query(
      `ALTER TABLE "rally_entries" ADD CONSTRAINT "rally_entries_crew_is_array" CHECK (jsonb_typeof(crew) = 'array')`,
    );
    await runner.query(
      `ALTER TABLE "rally_entries" ADD CONSTRAINT "rally_entries_rally_id_unique" UNIQUE ("rally_id", "id")`,
    );
    await runner.query(
      `ALTER TABLE "rally_legs" ADD CONSTRAINT "rally_legs_rally_id_unique" UNIQUE ("rally_id", "id")`,
    );
    await runner.query(
      `ALTER TABLE "rally_leg_results" ADD CONSTRAINT "FK_75741e5b554eebb83769707169f" FOREIGN KEY ("rally_id") REFERENCES "rallies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "rally_leg_results" ADD CONSTRAINT "FK_e17be5ef730987a28787d897497" FOREIGN KEY ("leg_id", "rally_id") REFERENCES "rally_legs"("id","rally_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "rally_leg_results" ADD CONSTRAINT "FK_99480a3fb0a1b2d478414cd8ee5" FOREIGN KEY ("entry_id", "rally_id") REFERENCES "rally_entries"("id","rally_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "rally_leg_results"`);
    await runner.query(`ALTER TABLE "rally_legs" DROP CONSTRAINT "rally_legs_rally_id_unique"`);
    await runner.query(`ALTER TABLE "rally_entries" DROP CONSTRAINT "rally_entries_rally_id_unique"`);
    await runner.query(`ALTER TABLE "rally_entries" DROP CONSTRAINT "rally_entries_crew_is_array"`);
    await runner.query(`ALTER TABLE "rally_entries" DROP COLUMN "crew"`);
  }
}
