import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory.js';
import { expectProblem } from './support/problem.js';
import { bearer, ORGANIZER, startTestApp, useTestApp, TEST_WEB_PROXY_SECRET } from './support/test-app.js';

/** Limits that hold under concurrency and across replicas, addresses that cannot be forged, sessions that end. */

const t = useTestApp({ LOGIN_RATE_LIMIT: '10', SIGNUP_RATE_LIMIT: '3' });

const wrong = (email = ORGANIZER.email) => ({ email, password: 'not-the-password' });
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('the sign-in limit', () => {
  it('lets at most the limit of 40 concurrent wrong passwords reach the check', async () => {
    const statuses = (
      await Promise.all(
        Array.from({ length: 40 }, () => t.http.post('/api/auth/login').send(wrong('concurrent@example.com'))),
      )
    ).map((r) => r.status);
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(30);
  });

  it('is one limit for two API instances on one database', async () => {
    const second = await createApp(t.config, { databaseUrl: t.databaseUrl, logger: false });
    await second.init();
    try {
      const other = request(second.getHttpServer());
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        statuses.push((await t.http.post('/api/auth/login').send(wrong('replicas@example.com'))).status);
        statuses.push((await other.post('/api/auth/login').send(wrong('replicas@example.com'))).status);
      }
      expect(count(statuses, 401)).toBe(10);
      expect(count(statuses, 429)).toBe(6);
    } finally {
      await second.close();
    }
  });

  it('never counts successful sign-ins', async () => {
    for (let i = 0; i < 15; i += 1) expect((await t.http.post('/api/auth/login').send(ORGANIZER)).status).toBe(200);
  });

  it('keeps its counters in PostgreSQL, hashed, and deletes only expired windows', async () => {
    const { Client } = await import('pg');
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const rows = await db.query<{ key: string }>('SELECT key FROM rate_limit_windows');
      expect(rows.rows.length).toBeGreaterThan(0);
      for (const row of rows.rows) expect(row.key).not.toMatch(/@|127\.0\.0\.1/);
      await db.query(
        `INSERT INTO rate_limit_windows (key, window_started_at, hits) VALUES ('expired-key', now() - interval '10 minutes', 99)`,
      );
      const before = Number((await db.query('SELECT count(*) FROM rate_limit_windows')).rows[0].count);
      // A fresh store purges on its first hit: the expired window goes, the live ones stay.
      const third = await createApp(t.config, { databaseUrl: t.databaseUrl, logger: false });
      await third.init();
      try {
        await request(third.getHttpServer()).post('/api/auth/login').send(wrong('purge@example.com'));
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        await third.close();
      }
      const after = await db.query<{ key: string }>('SELECT key FROM rate_limit_windows');
      expect(after.rows.map((r) => r.key)).not.toContain('expired-key');
      expect(after.rows.length).toBe(before); // one removed, one (purge@) added
    } finally {
      await db.end();
    }
  });
});

describe('client addresses', () => {
  it('ignores X-Forwarded-For from an untrusted peer: a forged address shares the real one’s budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (
          await t.http
            .post('/api/auth/signup')
            .set('X-Forwarded-For', `198.51.100.${i}`)
            .send({ email: `forged${i}@example.com`, password: 'long-enough-password', displayName: 'x' })
        ).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('believes the web server only when it proves itself with the shared secret', async () => {
    const login = (headers: Record<string, string>) =>
      t.http.post('/api/auth/login').set(headers).send(wrong('visitor@example.com'));
    // Exhaust the budget of the real peer address for this account.
    for (let i = 0; i < 10; i += 1) await login({});
    expect((await login({})).status).toBe(429);
    expect(
      (
        await login({
          'X-Forwarded-For': '203.0.113.7',
          'X-Sailcourt-Web-Secret': 'a-wrong-secret-of-the-same-kind-as-the-real-one',
        })
      ).status,
    ).toBe(429);
    expect(
      (await login({ 'X-Forwarded-For': '203.0.113.7', 'X-Sailcourt-Web-Secret': TEST_WEB_PROXY_SECRET })).status,
    ).toBe(401);
  });

  it('believes X-Forwarded-For from a configured TRUSTED_PROXIES peer', async () => {
    const proxied = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1,::1', SIGNUP_RATE_LIMIT: '1' });
    try {
      const signUp = (address: string, n: number) =>
        proxied.http
          .post('/api/auth/signup')
          .set('X-Forwarded-For', address)
          .send({ email: `proxied${n}@example.com`, password: 'long-enough-password', displayName: 'x' });
      expect((await signUp('203.0.113.1', 1)).status).toBe(201);
      expect((await signUp('203.0.113.2', 2)).status).toBe(201);
      expect((await signUp('203.0.113.2', 3)).status).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});

describe('sessions', () => {
  it('revokes the token on sign-out: the old token no longer opens anything', async () => {
    const token = (await t.http.post('/api/auth/login').send(ORGANIZER).expect(200)).body.accessToken as string;
    await t.http.get('/api/auth/me').set(bearer(token)).expect(200);
    await t.http.post('/api/auth/logout').set(bearer(token)).expect(204);
    expect(expectProblem(await t.http.get('/api/auth/me').set(bearer(token)), 401)).toMatchObject({
      code: 'auth.token-revoked',
    });
    expectProblem(await t.http.get('/api/seasons').set(bearer(token)), 401);
    const fresh = (await t.http.post('/api/auth/login').send(ORGANIZER).expect(200)).body.accessToken as string;
    await t.http.get('/api/auth/me').set(bearer(fresh)).expect(200);
  });
});

describe('API security headers', () => {
  it('sends nosniff, a CSP that forbids framing, and no referrer; HSTS only over TLS', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
