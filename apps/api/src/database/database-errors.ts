/**
 * Errors that mean "the database cannot serve right now" (down, stalled, restarting, out of
 * connections), as opposed to a bad query or a broken rule. They become 503 + Retry-After.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator intervention:
// shutdown, crash, starting up), and 57014 (query_canceled, which statement_timeout raises).
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;

const UNAVAILABLE_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection timeout',
  'Client has encountered a connection error',
  'Client was closed',
  'the database system is',
  'terminating connection',
];

type ErrorLike = { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as ErrorLike;
  if (
    typeof e.code === 'string' &&
    (UNAVAILABLE_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code) || e.code === '57014')
  )
    return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((text) => (e.message as string).includes(text)))
    return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true; // AggregateError (IPv4 + IPv6)
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 2;
