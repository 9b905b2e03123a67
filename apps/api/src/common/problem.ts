import { HttpException, HttpStatus } from '@nestjs/common';

/** Structured details of a problem or a field error (a limit, the clashing match's id …), for clients to word. */
export type ProblemParams = Record<string, string | number>;

/**
 * One bad field in a request: a dotted path such as `roster.2.number`, what is wrong with it in
 * English, and a stable `code` (plus `params`) that clients map to their own words.
 */
export type FieldError = { field: string; message: string; code?: string; params?: ProblemParams };

/** A field error as it leaves the API: the filter gives every one a code (its own, or the problem's). */
export type SentFieldError = FieldError & { code: string };

/**
 * RFC 9457 problem details, as every error leaves the API. The one definition: the OpenAPI
 * ProblemDto / FieldErrorDto schemas (problem-openapi.ts) are checked against it by the compiler.
 */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  /** Stable and machine-readable (`match.clash`, `validation.invalid` …); clients switch on it, never on `detail`. */
  code: string;
  detail: string;
  instance?: string;
  errors?: SentFieldError[];
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemTitle(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function problemType(status: number): string {
  return `https://sailcourt.dev/problems/${problemTitle(status).toLowerCase().replaceAll(' ', '-')}`;
}

/** The code of a problem nobody gave a more precise one, by status. */
const DEFAULT_CODES: Record<number, string> = {
  400: 'validation.invalid',
  401: 'auth.unauthorized',
  403: 'auth.forbidden',
  404: 'resource.not-found',
  405: 'request.method-not-allowed',
  409: 'resource.conflict',
  413: 'request.too-large',
  415: 'request.unsupported-media-type',
  422: 'rule.violated',
  429: 'rate-limit.exceeded',
  500: 'server.error',
  503: 'server.unavailable',
};

export function defaultProblemCode(status: number): string {
  return DEFAULT_CODES[status] ?? (status >= 500 ? 'server.error' : 'request.invalid');
}

/** Thrown by services for a domain answer; the filter renders it as problem+json. */
export class ProblemException extends HttpException {
  constructor(status: HttpStatus, detail: string, errors?: FieldError[], code?: string) {
    super({ detail, errors, code: code ?? defaultProblemCode(status) }, status);
  }
}

export const badRequest = (detail: string, errors?: FieldError[], code?: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, detail, errors, code);
export const notFound = (what: string, id: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, `No ${what} with id '${id}'.`, undefined, 'resource.not-found');
export const conflict = (detail: string, errors?: FieldError[], code?: string) =>
  new ProblemException(HttpStatus.CONFLICT, detail, errors, code);
export const unprocessable = (detail: string, errors?: FieldError[], code?: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, detail, errors, code);
export const forbidden = (detail: string) =>
  new ProblemException(HttpStatus.FORBIDDEN, detail, undefined, 'auth.forbidden');

/** For "does the referenced record exist?" checks: only a 404 means no; anything else (a database outage) passes through. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof HttpException && error.getStatus() === HttpStatus.NOT_FOUND;
