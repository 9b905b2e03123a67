import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { logger } from './logger.js';
import { requestIdOf } from './request-id.js';

/** One registry per process: every app instance in it (tests start several) reports into the same counters. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const requests = new Counter({
  name: 'sailcourt_http_requests_total',
  help: 'HTTP requests by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: 'sailcourt_http_request_duration_seconds',
  help: 'HTTP request duration by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

const cachedReads = new Counter({
  name: 'sailcourt_read_cache_hits_total',
  help: 'Anonymous reads answered by the front read cache (also counted in sailcourt_http_requests_total; not timed or logged one by one)',
  labelNames: ['route'] as const,
  registers: [metricsRegistry],
});

/** A read the front cache answered (see read-cache.ts): counted like any request, at the cost of two increments. */
export function countCachedRead(route: string, status: number): void {
  requests.inc({ method: 'GET', route, status: String(status) });
  cachedReads.inc({ route });
}

/**
 * Counts and times every request by its route pattern (`/api/events/:id`, never the concrete id, so
 * label cardinality stays bounded) and, when asked, writes one JSON log line per request.
 */
export function observeRequests(logRequests: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const routePath = (req.route as { path?: string } | undefined)?.path;
      const route = routePath ? `${req.baseUrl}${routePath}` : 'unmatched';
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      duration.observe({ method: req.method, route }, seconds);
      // The path without its query string, which may carry personal data.
      if (logRequests)
        logger.info(
          {
            reqId: requestIdOf(req),
            method: req.method,
            path: req.path,
            route,
            status: res.statusCode,
            ms: Math.round(seconds * 1000),
          },
          'request',
        );
    });
    next();
  };
}
