import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * What never reaches a log line: credentials, tokens, personal data and SQL parameters (a failed
 * INSERT's parameters carry emails and password hashes).
 */
export const REDACTED_PATHS = [
  'password',
  'passwordHash',
  'email',
  'accessToken',
  'token',
  'parameters',
  'headers.authorization',
  'headers.cookie',
  'headers["x-sailcourt-web-secret"]',
  '*.password',
  '*.passwordHash',
  '*.email',
  '*.accessToken',
  '*.parameters',
];

/** One JSON line per event on stdout (pino), the same shape for requests, errors and start-up. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const options = { base: { service: 'api' }, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export const logger: Logger = createLogger();

/** An error as it may be logged: its kind, words, code and stack; never a failed query's parameters or row detail. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
    (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(code !== undefined ? { code } : {}), stack: error.stack };
}

/** Nest's own messages (bootstrap, exceptions) through the same logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly out: Logger = logger) {}
  log(message: unknown, context?: string): void {
    this.out.info({ context }, String(message));
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.out.error({ context: context ?? stackOrContext }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.out.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.out.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.out.trace({ context }, String(message));
  }
}

/** TypeORM's failed and slow queries, with the SQL but never its parameters. */
export class RedactingTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly out: Logger = logger) {}
  logQuery(): void {}
  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    const count = Array.isArray(parameters) ? parameters.length : parameters ? Object.keys(parameters).length : 0;
    this.out.warn(
      {
        context: 'typeorm',
        query,
        parameterCount: count,
        err: typeof error === 'string' ? { message: error } : errorForLog(error),
      },
      'query failed',
    );
  }
  logQuerySlow(time: number, query: string): void {
    this.out.warn({ context: 'typeorm', query, ms: time }, 'slow query');
  }
  logSchemaBuild(message: string): void {
    this.out.debug({ context: 'typeorm' }, message);
  }
  logMigration(message: string): void {
    this.out.info({ context: 'typeorm' }, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn({ context: 'typeorm' }, String(message));
    else this.out.debug({ context: 'typeorm' }, String(message));
  }
}
