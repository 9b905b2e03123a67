import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from './problem.js';

export type RateLimitBucket = 'auth' | 'write';
const BUCKET_KEY = 'sailcourt:rate-limit';
const WINDOW_MS = 60_000;

/** Sign-in and sign-up share a tighter budget than other writes. */
export const RateLimit = (bucket: RateLimitBucket) => SetMetadata(BUCKET_KEY, bucket);

export type RateLimits = Record<RateLimitBucket, number>;

/**
 * Fixed one-minute windows per client address and bucket. Public reads are never limited
 * (caching absorbs crowds). The counters live in this process: with several replicas each keeps
 * its own, so an edge proxy should add a shared limit in production.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const bucket =
      this.reflector.get<RateLimitBucket | undefined>(BUCKET_KEY, context.getHandler()) ?? (request.method === 'GET' || request.method === 'HEAD' ? undefined : 'write');
    if (!bucket) return true;
    const key = `${bucket}:${request.ip ?? 'unknown'}`;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size > 50_000) this.windows.clear();
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.limits[bucket]) {
      const retryAfter = Math.ceil((window.startedAt + WINDOW_MS - now) / 1000);
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, `Too many requests; retry in ${retryAfter} s.`);
    }
    return true;
  }
}
