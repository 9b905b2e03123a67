import { randomUUID } from 'node:crypto';
import { env } from '$env/dynamic/private';

const REQUEST_ID = /^[\w.:-]{8,128}$/;

/** A request id the visitor's proxy gave (if it looks like one), or a new one. */
export function requestIdOf(headers: Headers): string {
  return requestIdFrom(headers.get('x-request-id'));
}

export const requestIdFrom = (given: string | null): string => (given && REQUEST_ID.test(given) ? given : randomUUID());

export type RequestLine = { requestId: string; method: string; path: string; status: number; ms: number };

/**
 * One JSON line per request on stdout, in the API's shape (`REQUEST_LOG=json`, the default in
 * production): the path only, never the query string (it may carry an email or a token).
 */
export function logRequest(line: RequestLine): void {
  const enabled = (env.REQUEST_LOG ?? (process.env.NODE_ENV === 'production' ? 'json' : 'off')) === 'json';
  if (!enabled) return;
  process.stdout.write(
    `${JSON.stringify({ level: 30, time: Date.now(), service: 'web', reqId: line.requestId, method: line.method, path: line.path, status: line.status, ms: Math.round(line.ms) })}\n`,
  );
}
