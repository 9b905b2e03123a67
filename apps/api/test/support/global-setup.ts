import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePortBlock } from '../../../../scripts/free-ports.mjs';
import { migrate } from '../../src/database/data-source.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';

export const TEMPLATE_DATABASE = 'sailcourt_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/** One embedded cluster per run and a template database migrated once; each test file clones it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-api-test-'));
  const port = await freePortBlock(1);
  const server = await startEmbeddedPostgres(join(dir, 'cluster'), port);
  await ensureDatabase(server.url('postgres'), TEMPLATE_DATABASE);
  await migrate(server.url(TEMPLATE_DATABASE));
  project.provide('adminDatabaseUrl', server.url('postgres'));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
