import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../database/database-errors.js';
import { type FieldError, type ProblemDetails, problemTitle, problemType } from './problem.js';

type PgError = { code?: string; constraint?: string; detail?: string; column?: string };

/** Renders every error as application/problem+json, so clients parse one shape. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status === 503) this.logger.warn(`${request.method} ${request.originalUrl}: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (problem.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    problem.instance = request.originalUrl;
    sendProblem(response, problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception)) return makeProblem(503, 'The database is unavailable; retry shortly.');
    if (exception instanceof QueryFailedError) return fromDatabaseError(exception.driverError as PgError);
    return { type: problemType(500), title: problemTitle(500), status: 500, detail: 'An unexpected error occurred.' };
  }
}

export function sendProblem(response: Response, problem: ProblemDetails): void {
  if (response.headersSent) return;
  // Every 503 here is temporary (the database is away): tell clients and proxies when to come back.
  if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function makeProblem(status: number, detail: string, errors?: FieldError[]): ProblemDetails {
  return { type: problemType(status), title: problemTitle(status), status, detail, ...(errors ? { errors } : {}) };
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'object' && body !== null) {
    const { detail, errors, message } = body as { detail?: string; errors?: FieldError[]; message?: string | string[] };
    const text = detail ?? (Array.isArray(message) ? message.join('; ') : message) ?? exception.message;
    return makeProblem(status, text, errors);
  }
  return makeProblem(status, String(body));
}

/**
 * Constraint violations are the database refusing a write that slipped past validation (a race,
 * usually): they are the client's conflict, not a server fault.
 */
function fromDatabaseError(error: PgError): ProblemDetails {
  switch (error.code ?? '') {
    case '23505':
      return makeProblem(409, `Already exists (${error.constraint ?? 'unique constraint'}).`);
    case '23503':
      return makeProblem(422, `A referenced record does not exist or is still in use (${error.constraint ?? 'foreign key'}).`);
    case '23514':
      return makeProblem(422, `The change breaks a rule (${error.constraint ?? 'check constraint'}).`);
    case '23502':
      return makeProblem(400, `Missing value for ${error.column ?? 'a required field'}.`, error.column ? [{ field: error.column, message: 'is required' }] : undefined);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return makeProblem(400, 'A value is malformed or out of range.');
    case '40001':
    case '40P01':
      return makeProblem(409, 'The request collided with another one; retry it.');
    default:
      return makeProblem(500, 'An unexpected database error occurred.');
  }
}
