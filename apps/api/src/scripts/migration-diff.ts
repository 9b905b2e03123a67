/**
 * Prints the SQL that the entities need beyond the migrations, against a throwaway embedded cluster.
 * `--check` exits 1 when there is any (CI); without it, use the output to write the next migration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, pendingSchemaChanges } from '../database/data-source.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'sailcourt-migration-diff-'));
const server = await startEmbeddedPostgres(join(dir, 'cluster'), 54000 + Math.floor(Math.random() * 900));
try {
  await ensureDatabase(server.url('postgres'), 'diff');
  await migrate(server.url('diff'));
  const pending = await pendingSchemaChanges(server.url('diff'));
  for (const query of pending) console.log(`${query};`);
  if (process.argv.includes('--check') && pending.length > 0) {
    console.error(`Entities and migrations disagree: ${pending.length} statement(s) pending.`);
    process.exitCode = 1;
  } else if (pending.length === 0) {
    console.error('Entities and migrations agree.');
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
