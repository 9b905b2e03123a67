import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_ORGANIZER, loadConfig, localSecret } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'sailcourt-config-'));

describe('loadConfig', () => {
  it('runs locally with no settings at all: embedded database, printed organizer defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      apiPort: 3001,
      databaseUrl: undefined,
      seedOnStart: true,
      organizer: { ...LOCAL_ORGANIZER, isLocalDefault: true },
    });
    expect(config.jwtSecret).toHaveLength(64);
  });

  it('keeps the generated token secret in DATA_DIR across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(loadConfig({ DATA_DIR: dir }).jwtSecret);
  });

  it('shares the generated secrets through DATA_DIR: a second replica on the folder reads the first one’s', async () => {
    const dir = dataDir();
    // Replicas starting together: each tries an exclusive create, the losers read the winner's file.
    const secrets = await Promise.all(
      Array.from({ length: 5 }, () => Promise.resolve().then(() => localSecret(dir, 'jwt-secret'))),
    );
    expect(new Set(secrets).size).toBe(1);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(secrets[0]);
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.jwtSecret).toBe(secrets[0]);
    expect(config.webProxySecret).toHaveLength(64);
    expect(config.webProxySecret).not.toBe(config.jwtSecret);
  });

  it('trusts no proxy by default and validates TRUSTED_PROXIES', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustedProxies).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8' }).trustedProxies,
    ).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']);
    for (const bad of ['loopback', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it('has no web proxy secret in production unless one is set', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/s',
      JWT_SECRET: 'x'.repeat(32),
      ORGANIZER_EMAIL: 'o@example.com',
      ORGANIZER_PASSWORD: 'long-enough-pass',
    };
    expect(loadConfig(production).webProxySecret).toBeNull();
    expect(loadConfig({ ...production, WEB_PROXY_SECRET: 'w'.repeat(32) }).webProxySecret).toBe('w'.repeat(32));
    expect(() => loadConfig({ ...production, WEB_PROXY_SECRET: 'short' })).toThrow(/WEB_PROXY_SECRET/);
  });

  it('has no defaults in production and lists every missing setting', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (error) {
      const message = (error as Error).message;
      for (const key of ['DATABASE_URL', 'JWT_SECRET', 'ORGANIZER_EMAIL', 'ORGANIZER_PASSWORD'])
        expect(message).toContain(key);
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
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://u:p@pooler:5432/s',
      DATABASE_LISTEN_URL: 'postgres://u:p@primary:5432/s',
    });
    expect(config.pool).toEqual({ poolSize: 10, connectTimeoutMs: 1000, queryTimeoutMs: 1500 });
    expect(config.databaseListenUrl).toBe('postgres://u:p@primary:5432/s');
    expect(config.metricsPort).toBeUndefined();
  });
});
