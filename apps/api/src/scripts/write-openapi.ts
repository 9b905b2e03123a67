/**
 * Writes the OpenAPI document the API serves, without a database (TypeORM is not connected),
 * to packages/api-client/openapi.json — or compares with it under `--check` (CI: stale → exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';

const target = fileURLToPath(new URL('../../../../packages/api-client/openapi.json', import.meta.url));

/** Stable key order, so the committed file only changes when the API does. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'openapi-document-only-secret-000000',
    ORGANIZER_PASSWORD: 'unused-password',
    WEB_PROXY_SECRET: 'openapi-document-only-web-secret-0000',
  });
  const app = await createApp(config, { databaseUrl: null, logger: false });
  try {
    return `${JSON.stringify(canonical(buildOpenApiDocument(app)), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const next = await renderOpenApi();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== next) {
      console.error(
        'packages/api-client/openapi.json is stale: run `pnpm --filter @sailcourt/api openapi` and commit it.',
      );
      process.exit(1);
    }
    console.log('OpenAPI document is up to date.');
  } else {
    writeFileSync(target, next);
    console.log(`Wrote ${target}`);
  }
}
