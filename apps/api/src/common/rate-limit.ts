import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from './problem.js';

/**
 * - `sign-in`: failed sign-ins per client address and account (successful ones never count, so a
 *   busy organizer is not locked out, while guessing one account's password is);
 * - `sign-up`: new accounts per client address;
 * - `write`: every other write per client address.
 */
export type RateLimitBucket = 'sign-in' | 'sign-up' | 'write';
const BUCKET_KEY = 'sailcourt:rate-limit';
const WINDOW_MS = 60_000;
const FAILED_SIGN_IN = 401;

export const RateLimit = (bucket: Exclude<RateLimitBucket, 'write'>) => SetMetadata(BUCKET_KEY, bucket);

export type RateLimits = Record<RateLimitBucket, number>;

type Window = { startedAt: number; count: number };

/**
 * Fixed one-minute windows. Public reads are never limited (caching absorbs crowds). The counters
 * live in this process: with several replicas each keeps its own, so an edge proxy should add a
 * shared limit in production.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const bucket = this.reflector.get<RateLimitBucket | undefined>(BUCKET_KEY, context.getHandler()) ?? (['GET', 'HEAD'].includes(request.method) ? undefined : 'write');
    if (!bucket) return true;
    const window = this.window(`${bucket}:${request.ip ?? 'unknown'}${bucket === 'sign-in' ? `:${accountOf(request)}` : ''}`);
    if (window.count >= this.limits[bucket]) {
      const retryAfter = Math.ceil((window.startedAt + WINDOW_MS - Date.now()) / 1000);
      response.setHeader('Retry-After', String(retryAfter));
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, `Too many requests; retry in ${retryAfter} s.`);
    }
    if (bucket === 'sign-in') response.once('finish', () => response.statusCode === FAILED_SIGN_IN && (window.count += 1));
    else window.count += 1;
    return true;
  }

  private window(key: string): Window {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size > 50_000) this.windows.clear();
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }
}

const accountOf = (request: Request): string => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};
