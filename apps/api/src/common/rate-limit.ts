import { createHash } from 'node:crypto';
import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { clientAddressOf } from './client-address.js';
import { ProblemException } from './problem.js';

/**
 * - `sign-in`: sign-in attempts per client address and account; a successful one gives its place
 *   back, so a busy organizer is not locked out, while guessing one account's password is;
 * - `sign-up`: new accounts per client address;
 * - `write`: every other write per client address.
 */
export type RateLimitBucket = 'sign-in' | 'sign-up' | 'write';
const BUCKET_KEY = 'sailcourt:rate-limit';
const WINDOW_SECONDS = 60;
const FAILED_SIGN_IN = 401;
/** How often one process deletes expired windows (every replica does; the DELETE is idempotent). */
const PURGE_EVERY_MS = 60_000;

export const RateLimit = (bucket: Exclude<RateLimitBucket, 'write'>) => SetMetadata(BUCKET_KEY, bucket);

export type RateLimits = Record<RateLimitBucket, number>;

type Hit = { hits: number; windowStartedAt: Date };

/**
 * Fixed one-minute windows kept in PostgreSQL, so every replica enforces one limit. A request takes
 * its place in the window atomically before anything is checked (one INSERT … ON CONFLICT DO UPDATE
 * … RETURNING), so N concurrent attempts cannot all slip under the limit. Expired windows are
 * deleted by age, never all at once. Public reads are never limited (caching absorbs crowds).
 */
export class RateLimitStore {
  private lastPurge = 0;

  constructor(private readonly dataSource: DataSource) {}

  async hit(key: string): Promise<Hit> {
    this.purgeExpired();
    // Milliseconds, so the start read back into a JS Date still matches the row for release().
    const rows = (await this.dataSource.query(
      `INSERT INTO rate_limit_windows AS w (key, window_started_at, hits) VALUES ($1, date_trunc('milliseconds', now()), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN w.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE w.hits + 1 END,
         window_started_at = CASE WHEN w.window_started_at <= now() - make_interval(secs => $2) THEN date_trunc('milliseconds', now()) ELSE w.window_started_at END
       RETURNING hits, window_started_at`,
      [key, WINDOW_SECONDS],
    )) as { hits: number; window_started_at: Date }[];
    const row = rows[0];
    if (!row) throw new Error('The rate-limit counter returned no row.');
    return { hits: row.hits, windowStartedAt: row.window_started_at };
  }

  /** Gives a place back to the window it was taken from (and only that one). */
  async release(key: string, windowStartedAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE rate_limit_windows SET hits = greatest(hits - 1, 0) WHERE key = $1 AND window_started_at = $2`,
      [key, windowStartedAt],
    );
  }

  private purgeExpired(): void {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    this.dataSource
      .query(`DELETE FROM rate_limit_windows WHERE window_started_at <= now() - make_interval(secs => $1)`, [
        WINDOW_SECONDS,
      ])
      .catch(() => undefined);
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
    private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const bucket =
      this.reflector.get<RateLimitBucket | undefined>(BUCKET_KEY, context.getHandler()) ??
      (['GET', 'HEAD'].includes(request.method) ? undefined : 'write');
    if (!bucket) return true;
    const key = hashKey(`${bucket}:${clientAddressOf(request)}${bucket === 'sign-in' ? `:${accountOf(request)}` : ''}`);
    const { hits, windowStartedAt } = await this.store.hit(key);
    if (hits > this.limits[bucket]) {
      const retryAfter = Math.max(
        1,
        Math.ceil((windowStartedAt.getTime() + WINDOW_SECONDS * 1000 - Date.now()) / 1000),
      );
      response.setHeader('Retry-After', String(retryAfter));
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        `Too many requests; retry in ${retryAfter} s.`,
        undefined,
        `rate-limit.${bucket}`,
      );
    }
    if (bucket === 'sign-in') {
      response.once('finish', () => {
        if (response.statusCode !== FAILED_SIGN_IN) this.store.release(key, windowStartedAt).catch(() => undefined);
      });
    }
    return true;
  }
}

/** Fixed length, and no address or email at rest. */
const hashKey = (key: string): string => createHash('sha256').update(key).digest('base64url');

const accountOf = (request: Request): string => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};
