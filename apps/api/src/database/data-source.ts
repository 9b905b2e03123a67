import { DataSource, type DataSourceOptions } from 'typeorm';
import { RedactingTypeOrmLogger } from '../common/logger.js';
import { ENTITIES } from './entities.js';
import { FailFastClient } from './fail-fast-client.js';
import { MIGRATIONS } from './migrations/index.js';

/** How the serving pool behaves when the database is slow or gone: every wait is bounded. */
export type PoolLimits = {
  /** Connections per replica (pool `max`). */
  poolSize: number;
  /** Bound on opening a connection and on waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /** Bound on one statement: server-side `statement_timeout`, and the client's own timer for a stalled server. */
  queryTimeoutMs: number;
};

export const DEFAULT_POOL_LIMITS: PoolLimits = { poolSize: 10, connectTimeoutMs: 1000, queryTimeoutMs: 1500 };

/** Options for the pool that serves requests: fails fast (see PoolLimits) so a database outage answers 503 within ~2 s. */
export function servingDataSourceOptions(url: string, limits: PoolLimits): DataSourceOptions {
  return {
    ...dataSourceOptions(url),
    extra: {
      Client: FailFastClient,
      max: limits.poolSize,
      connectionTimeoutMillis: limits.connectTimeoutMs,
      query_timeout: limits.queryTimeoutMs,
      statement_timeout: limits.queryTimeoutMs,
      // A transaction left open by a vanished request must not hold locks for long.
      idle_in_transaction_session_timeout: 10 * limits.queryTimeoutMs,
      keepAlive: true,
    },
  };
}

/** Options without serving limits: migrations and seeding may take as long as they need. */
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
    // Even a migration must not wait forever for a server that does not answer at all.
    connectTimeoutMS: 10_000,
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
