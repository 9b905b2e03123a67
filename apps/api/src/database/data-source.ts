import { DataSource, type DataSourceOptions } from 'typeorm';
import { RedactingTypeOrmLogger } from '../common/logger.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: ['error'],
    // Failed queries are logged without their parameters (emails, password hashes).
    logger: new RedactingTypeOrmLogger(),
    extra: { max: 10 },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

/** Any id will do; it only has to be the same for every replica. */
const MIGRATION_LOCK = 4_123_2023;

/**
 * Applies pending migrations under an advisory lock, so replicas starting together
 * take turns instead of racing on the same DDL.
 */
export async function migrate(url: string, afterMigrate?: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
    await afterMigrate?.(dataSource);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}

/** The SQL that would bring the database in line with the entities; empty when migrations and entities agree. */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
