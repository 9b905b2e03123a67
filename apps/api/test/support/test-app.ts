import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { NotificationBus } from '../../src/common/notify/notification-bus.js';
import { type AppConfig, loadConfig } from '../../src/config/config.js';
import { prepareDatabase } from '../../src/database/bootstrap.js';

export const ORGANIZER = { email: 'organizer@test.local', password: 'organizer-password' };
const TEMPLATE_DATABASE = 'sailcourt_template';
/** What the web server would send in X-Sailcourt-Web-Secret to name its visitor's address. */
export const TEST_WEB_PROXY_SECRET = 'test-web-proxy-secret-at-least-32-characters';

export type TestApp = {
  app: INestApplication;
  http: ReturnType<typeof request>;
  databaseUrl: string;
  config: AppConfig;
  organizerToken: () => Promise<string>;
  signUp: (name?: string) => Promise<{ token: string; userId: string }>;
  close: () => Promise<void>;
};

/** A fresh database cloned from the migrated template (fast per file), then seeded like a real start. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

export async function startTestApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters',
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
    LOGIN_RATE_LIMIT: '1000',
    SIGNUP_RATE_LIMIT: '10000',
    WRITE_RATE_LIMIT: '10000',
    WEB_PROXY_SECRET: TEST_WEB_PROXY_SECRET,
    // Production bounds (1 s / 1.5 s) are for a database that is down; a CPU-starved test machine must
    // not turn a slow but healthy query into a 503. database-outage.e2e-spec.ts tests the real bounds.
    DB_CONNECT_TIMEOUT_MS: '5000',
    DB_QUERY_TIMEOUT_MS: '10000',
    ...overrides,
  });
  await prepareDatabase(databaseUrl, { seed: config.seedOnStart, organizer: config.organizer });
  const app = await createApp(config, { databaseUrl, logger: false });
  await app.init();
  const http = request(app.getHttpServer());
  let organizerToken: string | undefined;
  return {
    app,
    http,
    databaseUrl,
    config,
    organizerToken: async () => {
      organizerToken ??= (await http.post('/api/auth/login').send(ORGANIZER).expect(200)).body.accessToken as string;
      return organizerToken;
    },
    signUp: async (name = 'Team Manager') => {
      const email = `${randomUUID()}@example.com`;
      const res = await http
        .post('/api/auth/signup')
        .send({ email, password: 'manager-password', displayName: name })
        .expect(201);
      return { token: res.body.accessToken as string, userId: res.body.user.id as string };
    },
    close: () => app.close(),
  };
}

/**
 * The usual header of a test file (or `describe`): an app on its own database before the tests, closed after.
 * The handle can be used as soon as the tests run; touching it earlier (at collection) is a mistake and says so.
 */
export function useTestApp(overrides: Partial<Record<string, string>> = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(overrides);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): TestApp => {
    if (!started) throw new Error('The test app starts in beforeAll: use it inside a hook or a test.');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get http() {
      return current().http;
    },
    get databaseUrl() {
      return current().databaseUrl;
    },
    get config() {
      return current().config;
    },
    organizerToken: () => current().organizerToken(),
    signUp: (name) => current().signUp(name),
    close: () => current().close(),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Reads or writes the test app's database directly, as an operator's SQL session would. */
/**
 * Runs SQL straight against the test database. A write made this way is announced (NOTIFY) like any other;
 * when `t` is an app, this waits until the app has heard it, as every replica does moments after a commit,
 * so a read that follows is not answered from a cache the announcement has yet to empty.
 */
export async function queryDatabase<T>(
  t: Pick<TestApp, 'databaseUrl'> & { app?: INestApplication },
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const heard = t.app && /^\s*(insert|update|delete)\b/i.test(text) ? nextNotification(t.app) : null;
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const rows = (await client.query(text, params)).rows as T[];
    await heard?.promise;
    return rows;
  } finally {
    heard?.cancel();
    await client.end();
  }
}

function nextNotification(app: INestApplication): { promise: Promise<void>; cancel: () => void } {
  let cancel = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1_000);
    const unsubscribe = app.get(NotificationBus).subscribe(() => resolve());
    cancel = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
  return { promise, cancel };
}
