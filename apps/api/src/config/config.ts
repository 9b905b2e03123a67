import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_POOL_LIMITS, type PoolLimits } from '../database/data-source.js';

/** Local-mode defaults; printed at start-up so nobody has to guess them. Never used in production. */
export const LOCAL_ORGANIZER = { email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' } as const;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_LISTEN_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DEFAULT_POOL_LIMITS.poolSize),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_POOL_LIMITS.connectTimeoutMs),
    DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_POOL_LIMITS.queryTimeoutMs),
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .default(8 * 3600),
    ORGANIZER_EMAIL: z.email().optional(),
    ORGANIZER_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    SEED_ON_START: z.enum(['true', 'false']).default('true'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'like 100kb or 1mb')
      .default('100kb'),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
    WRITE_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    REQUEST_LOG: z.enum(['json', 'off']).optional(),
    READ_CACHE: z.enum(['on', 'off']).default('on'),
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .refine(
        (list) => splitList(list).every(isAddressOrCidr),
        'must be comma-separated IP addresses or CIDR ranges, like 10.0.0.0/8,127.0.0.1',
      ),
    WEB_PROXY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    OFFICIAL_TRAVEL_BUFFER_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(60),
    OFFICIAL_GAME_MINUTES: z.coerce
      .number()
      .int()
      .min(10)
      .max(24 * 60)
      .default(120),
    OFFICIAL_GAME_MINUTES_3X3: z.coerce
      .number()
      .int()
      .min(10)
      .max(24 * 60)
      .default(30),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['DATABASE_URL', 'JWT_SECRET', 'ORGANIZER_EMAIL', 'ORGANIZER_PASSWORD'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
    }
  });

export type AppConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  apiPort: number;
  /** Absent in local mode: the API then runs its own embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /**
   * Where the one long-lived LISTEN connection goes. Behind a transaction pooler (PgBouncer, CNPG's
   * Pooler) LISTEN does not work, so this points at the primary directly; defaults to databaseUrl.
   */
  databaseListenUrl: string | undefined;
  /** Bounds on the serving pool, so that a database outage answers 503 quickly instead of hanging. */
  pool: PoolLimits;
  /**
   * Port of the internal metrics listener (`/metrics` and `/api/metrics`). When it is set, the public
   * API port does not serve metrics. Unset: production serves none on the API port (defaults to 9464);
   * development and tests serve `/api/metrics` on the API port.
   */
  metricsPort: number | undefined;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  organizer: { email: string; password: string; isLocalDefault: boolean };
  seedOnStart: boolean;
  bodyLimit: string;
  /** Failed sign-ins per client address and account per minute. */
  loginRateLimit: number;
  signupRateLimit: number;
  writeRateLimit: number;
  /** The front read cache for anonymous GETs (common/read-cache.ts); off only to measure without it. */
  readCache: boolean;
  /** One JSON line per request on stdout; on by default in production only. */
  requestLog: boolean;
  /** Peers whose X-Forwarded-For is believed (IPs or CIDRs); none by default. */
  trustedProxies: string[];
  /** The web server proves itself with it when it forwards a visitor's address; null: nobody can. */
  webProxySecret: string | null;
  /** Officials: minutes needed between games at different venues, and how long a game takes them (five-a-side, 3x3). */
  officials: { travelBufferMinutes: number; gameMinutes: number; gameMinutes3x3: number };
};

/** The usual port of a Prometheus exporter; internal only (never routed by the edge or the Ingress). */
export const PRODUCTION_METRICS_PORT = 9464;

/** The validated configuration, for providers that need a setting (bound in AppModule). */
export const APP_CONFIG = Symbol('APP_CONFIG');

const splitList = (list: string): string[] =>
  list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

export class ConfigError extends Error {}

/** Validates the environment once at boot; a bad setting stops start-up with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    apiPort: e.API_PORT,
    databaseUrl: e.DATABASE_URL,
    databaseListenUrl: e.DATABASE_LISTEN_URL ?? e.DATABASE_URL,
    pool: {
      poolSize: e.DB_POOL_SIZE,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
    },
    metricsPort: e.METRICS_PORT ?? (e.NODE_ENV === 'production' ? PRODUCTION_METRICS_PORT : undefined),
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    jwtSecret: e.JWT_SECRET ?? localSecret(dataDir, 'jwt-secret'),
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    organizer: {
      email: e.ORGANIZER_EMAIL ?? LOCAL_ORGANIZER.email,
      password: e.ORGANIZER_PASSWORD ?? LOCAL_ORGANIZER.password,
      isLocalDefault: !e.ORGANIZER_PASSWORD,
    },
    seedOnStart: e.SEED_ON_START === 'true',
    bodyLimit: e.BODY_LIMIT,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    signupRateLimit: e.SIGNUP_RATE_LIMIT,
    writeRateLimit: e.WRITE_RATE_LIMIT,
    readCache: e.READ_CACHE === 'on',
    requestLog: (e.REQUEST_LOG ?? (e.NODE_ENV === 'production' ? 'json' : 'off')) === 'json',
    trustedProxies: splitList(e.TRUSTED_PROXIES),
    webProxySecret:
      e.WEB_PROXY_SECRET ?? (e.NODE_ENV === 'production' ? null : localSecret(dataDir, WEB_PROXY_SECRET_FILE)),
    officials: {
      travelBufferMinutes: e.OFFICIAL_TRAVEL_BUFFER_MINUTES,
      gameMinutes: e.OFFICIAL_GAME_MINUTES,
      gameMinutes3x3: e.OFFICIAL_GAME_MINUTES_3X3,
    },
  };
}

/** The launcher hands this file's content to the web server as WEB_PROXY_SECRET. */
export const WEB_PROXY_SECRET_FILE = 'web-proxy-secret';

/**
 * Kept in DATA_DIR so sign-ins survive a local restart, and so replicas started on one data folder
 * share it: the file is created exclusively (`wx`), so when two start at once one writes and the
 * other reads the winner's secret. Production must set the variables (shared by replicas).
 */
export function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (let attempt = 0; ; attempt += 1) {
    const secret = readFileSync(file, 'utf8').trim();
    // A replica that lost the race may read before the winner's write lands.
    if (secret.length >= 32 || attempt > 50) return secret;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
