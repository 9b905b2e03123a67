import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organizer actions' audit log: knockout confirmations and official edits (who, when, what). */
export class AuditEntries1798100000002 implements MigrationInterface {
  name = 'AuditEntries1798100000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject" text NOT NULL, "subject_id" uuid NOT NULL, "event_id" uuid, "division_id" uuid, "action" text NOT NULL, "actor_id" uuid, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "audit_entries_subject_valid" CHECK (subject IN ('knockout', 'official')), CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "audit_entries_event" ON "audit_entries" ("event_id", "at")`);
    await runner.query(`CREATE INDEX "audit_entries_subject" ON "audit_entries" ("subject", "subject_id", "at")`);
    await runner.query(
      `ALTER TABLE "audit_entries" ADD CONSTRAINT "FK_c2d369a2e8a9e3773f1682b8ac0" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "audit_entries"`);
  }
}
