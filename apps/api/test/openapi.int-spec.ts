import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../src/scripts/write-openapi.js';

describe('the committed OpenAPI document', () => {
  it('matches what the API serves (run `pnpm --filter @sailcourt/api openapi` after changing the API)', async () => {
    const committed = readFileSync(new URL('../../../packages/api-client/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(await renderOpenApi());
  });
});
