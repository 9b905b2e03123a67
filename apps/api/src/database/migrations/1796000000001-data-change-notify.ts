import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What fans' pages show: a change to any of these may change a public page. */
export const PUBLIC_TABLES = [
  'seasons',
  'venues',
  'events',
  'teams',
  'registrations',
  'matches',
  'playoff_brackets',
  'rallies',
  'rally_legs',
  'rally_entries',
  'rally_leg_results',
  'impact_assumption_sets',
];

/**
 * Every statement that changes public data NOTIFYs `{"t":"data"}` in its transaction (identical
 * payloads collapse into one per transaction). Page caches listen for it through the API, so a
 * rendered page never outlives the data it shows. A new public table adds its trigger with
 * `dataChangeTrigger` in its own migration.
 */
export class DataChangeNotify1796000000001 implements MigrationInterface {
  name = 'DataChangeNotify1796000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE FUNCTION sailcourt_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('sailcourt', '{"t":"data"}');
        RETURN NULL;
      END $$`);
    for (const table of PUBLIC_TABLES) await runner.query(dataChangeTrigger(table));
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of PUBLIC_TABLES) await runner.query(`DROP TRIGGER ${table}_data_changed ON ${table}`);
    await runner.query(`DROP FUNCTION sailcourt_data_changed()`);
  }
}

export const dataChangeTrigger = (table: string): string =>
  `CREATE TRIGGER ${table}_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION sailcourt_data_changed()`;
