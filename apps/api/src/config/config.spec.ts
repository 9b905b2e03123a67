import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_ORGANIZER, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'sailcourt-config-'));

describe('loadConfig', () => {
  it('runs locally with no settings at all: embedded database, printed organizer defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ apiPort: 3001, databaseUrl: undefined, seedOnStart: true, organizer: { ...LOCAL_ORGANIZER, isLocalDefault: true } });
    expect(config.jwtSecret).toHaveLength(64);
  });

  it('keeps the generated token secret in DATA_DIR across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(loadConfig({ DATA_DIR: dir }).jwtSecret);
  });

  it('has no defaults in production and lists every missing setting', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (error) {
      const message = (error as Error).message;
      for (const key of ['DATABASE_URL', 'JWT_SECRET', 'ORGANIZER_EMAIL', 'ORGANIZER_PASSWORD']) expect(message).toContain(key);
    }
  });

  it.each([
    [{ API_PORT: '70000' }, 'API_PORT'],
    [{ API_PORT: 'abc' }, 'API_PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
    [{ SEED_ON_START: 'yes' }, 'SEED_ON_START'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ DB_QUERY_TIMEOUT_MS: '5' }, 'DB_QUERY_TIMEOUT_MS'],
    [{ METRICS_PORT: '0' }, 'METRICS_PORT'],
    [{ DATABASE_LISTEN_URL: 'http://db' }, 'DATABASE_LISTEN_URL'],
  ])('stops start-up on a bad setting %o, naming it', (env, key) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(key));
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/sailcourt',
      JWT_SECRET: 'x'.repeat(40),
      ORGANIZER_EMAIL: 'ops@example.org',
      ORGANIZER_PASSWORD: 'a-long-password',
    });
    expect(config.organizer).toEqual({ email: 'ops@example.org', password: 'a-long-password', isLocalDefault: false });
    // Production never serves metrics on the API port: they go to the internal listener.
    expect(config.metricsPort).toBe(9464);
    expect(config.databaseListenUrl).toBe('postgres://u:p@db:5432/sailcourt');
  });

  it('bounds every database wait by default and lets LISTEN go around a transaction pooler', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u:p@pooler:5432/s', DATABASE_LISTEN_URL: 'postgres://u:p@primary:5432/s' });
    expect(config.pool).toEqual({ poolSize: 10, connectTimeoutMs: 1000, queryTimeoutMs: 1500 });
    expect(config.databaseListenUrl).toBe('postgres://u:p@primary:5432/s');
    expect(config.metricsPort).toBeUndefined();
  });
});
