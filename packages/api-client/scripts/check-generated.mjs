// Fails when src/schema.ts is not what openapi-typescript makes of the committed openapi.json.
// (The API's own test checks that openapi.json matches the running API.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'api-client-check-'));
try {
  const fresh = join(dir, 'schema.ts');
  execFileSync('npx', ['openapi-typescript', 'openapi.json', '--default-non-nullable', 'false', '--output', fresh], {
    stdio: 'ignore',
  });
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/schema.ts', 'utf8')) {
    console.error('src/schema.ts is stale: run `pnpm --filter @sailcourt/api-client generate` and commit it.');
    process.exit(1);
  }
  console.log('Generated client types are up to date.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
