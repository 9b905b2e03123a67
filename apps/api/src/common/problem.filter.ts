import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../database/database-errors.js';
import { errorForLog, logger } from './logger.js';
import { requestIdOf } from './request-id.js';
import { defaultProblemCode, type FieldError, type ProblemDetails, problemTitle, problemType } from './problem.js';

type PgError = { code?: string; constraint?: string; detail?: string; column?: string };

/** Renders every error as application/problem+json, so clients parse one shape. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status === 503)
      logger.warn(
        { reqId: requestIdOf(request), method: request.method, url: request.path, err: errorForLog(exception) },
        'database unavailable',
      );
    else if (problem.status >= 500)
      logger.error(
        { reqId: requestIdOf(request), method: request.method, url: request.path, err: errorForLog(exception) },
        'request failed',
      );
    problem.instance = request.originalUrl;
    sendProblem(response, problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception)) return makeProblem(503, 'The database is unavailable; retry shortly.');
    if (exception instanceof QueryFailedError) return fromDatabaseError(exception.driverError as PgError);
    return makeProblem(500, 'An unexpected error occurred.');
  }
}

export function sendProblem(response: Response, problem: ProblemDetails): void {
  if (response.headersSent) return;
  // Every 503 here is temporary (the database is away): tell clients and proxies when to come back.
  if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Every field error carries a code too: its own, or the problem's. */
export function makeProblem(
  status: number,
  detail: string,
  errors?: FieldError[],
  code = defaultProblemCode(status),
): ProblemDetails {
  const coded = errors?.map((e) => ({ ...e, code: e.code ?? code }));
  return {
    type: problemType(status),
    title: problemTitle(status),
    status,
    code,
    detail,
    ...(coded ? { errors: coded } : {}),
  };
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'object' && body !== null) {
    const { detail, errors, message, code } = body as {
      detail?: string;
      errors?: FieldError[];
      message?: string | string[];
      code?: string;
    };
    const text = detail ?? (Array.isArray(message) ? message.join('; ') : message) ?? exception.message;
    return makeProblem(status, text, errors, code);
  }
  return makeProblem(status, String(body));
}

/** Columns whose API field is not simply their camel-cased name. */
const FIELD_OF_COLUMN: Record<string, string> = { group_name: 'group', password_hash: 'password' };

/** `registration_mode` → `registrationMode`: clients know the API's field names, not the columns. */
const apiFieldOf = (column: string): string =>
  FIELD_OF_COLUMN[column] ?? column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Constraint violations are the database refusing a write that slipped past validation (a race,
 * usually): they are the client's conflict, not a server fault.
 */
function fromDatabaseError(error: PgError): ProblemDetails {
  switch (error.code ?? '') {
    // Constraint names are the schema's business, not the client's: they never leave the API.
    case '23505':
      return makeProblem(409, 'It already exists.', undefined, 'resource.exists');
    case '23503':
      return makeProblem(
        422,
        'A referenced record does not exist or is still in use.',
        undefined,
        'resource.reference',
      );
    case '23514':
      return makeProblem(422, 'The change breaks a rule.', undefined, 'rule.violated');
    case '23502': {
      const field = error.column ? apiFieldOf(error.column) : undefined;
      return makeProblem(
        400,
        `Missing value for ${field ?? 'a required field'}.`,
        field ? [{ field, message: 'is required', code: 'validation.required' }] : undefined,
        'validation.required',
      );
    }
    case '22P02':
    case '22P05':
    case '22021':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return makeProblem(400, 'A value is malformed or out of range.', undefined, 'validation.malformed');
    case '40001':
    case '40P01':
      return makeProblem(409, 'The request collided with another one; retry it.', undefined, 'request.collision');
    default:
      return makeProblem(500, 'An unexpected database error occurred.');
  }
}
