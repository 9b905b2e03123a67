// The cluster's PostgreSQL: Debian's server binaries, a data folder of its own, the app's role and database.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** initdb on first use (as `postgres` when we are root: PostgreSQL refuses to run as root). */
export function initCluster({ bin, dataDir, user, superPassword }) {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return false;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pwfile = join(dataDir, '..', 'initdb-pw');
  writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  try {
    const result = spawnSync(
      join(bin, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--pwfile',
        pwfile,
        '--auth-host=scram-sha-256',
        '--auth-local=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
      ],
      { encoding: 'utf8', uid: user?.uid, gid: user?.gid },
    );
    if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.stdout}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
  return true;
}

export function serverArgs({ dataDir, port, socketDir }) {
  return [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${socketDir}`,
    '-c',
    'max_connections=100',
    '-c',
    'shared_buffers=64MB',
    '-c',
    'fsync=on',
  ];
}

export function prepareSocketDir(socketDir, user) {
  mkdirSync(socketDir, { recursive: true });
  if (user) chownSync(socketDir, user.uid, user.gid);
  chmodSync(socketDir, 0o755);
}

export async function waitForPostgres(bin, port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`PostgreSQL did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}

/** The application's own role and database (never the superuser), created once. */
export function ensureAppDatabase({ bin, port, superPassword, appPassword }) {
  const psql = (sql, database = 'postgres') =>
    execFileSync(
      join(bin, 'psql'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-tAq',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        sql,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PGPASSWORD: superPassword, PGOPTIONS: '-c client_min_messages=warning' },
      },
    ).trim();
  const quoted = appPassword.replaceAll("'", "''");
  if (!psql("SELECT 1 FROM pg_roles WHERE rolname = 'sailcourt'"))
    psql(`CREATE ROLE sailcourt LOGIN PASSWORD '${quoted}'`);
  else psql(`ALTER ROLE sailcourt PASSWORD '${quoted}'`);
  if (!psql("SELECT 1 FROM pg_database WHERE datname = 'sailcourt'")) psql('CREATE DATABASE sailcourt OWNER sailcourt');
  // The migrations create pgcrypto; a trusted extension, but make it present regardless of who runs them.
  psql('CREATE EXTENSION IF NOT EXISTS pgcrypto', 'sailcourt');
}
