import { hash } from '@node-rs/argon2';
import { seed2023, type SeedReport } from '@sailcourt/seeds';
import type { DataSource } from 'typeorm';
import { migrate } from './data-source.js';

export type BootstrapOptions = { seed: boolean; organizer: { email: string; password: string } };

/**
 * Brings a database to the current schema, seeds the 2023 data and makes sure the configured
 * organizer can sign in. Safe to run on every start and from several replicas at once: it all
 * happens under the migration lock, and the seed only inserts what is missing.
 */
export async function prepareDatabase(url: string, options: BootstrapOptions): Promise<SeedReport | null> {
  let report: SeedReport | null = null;
  await migrate(url, async (dataSource) => {
    await upsertOrganizer(dataSource, options.organizer.email, options.organizer.password);
    if (options.seed)
      report = await dataSource.transaction((manager) =>
        seed2023({ query: (sql, params) => manager.query(sql, params).then(rowsOf) }),
      );
  });
  return report;
}

const rowsOf = (result: unknown): { rows: Record<string, unknown>[] } => ({
  rows: Array.isArray(result) ? (result as Record<string, unknown>[]) : [],
});

/** A changed ORGANIZER_PASSWORD takes effect on the next start. */
async function upsertOrganizer(dataSource: DataSource, email: string, password: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO users (email, password_hash, role, display_name) VALUES ($1, $2, 'organizer', 'Organizer')
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = 'organizer'`,
    [email.toLowerCase(), await hash(password)],
  );
}
