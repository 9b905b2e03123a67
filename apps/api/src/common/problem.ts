import { HttpException, HttpStatus } from '@nestjs/common';

/** One bad field in a request: a dotted path such as `roster.2.number`, and what is wrong with it. */
export type FieldError = { field: string; message: string };

/** RFC 9457 problem details, as every error leaves the API. */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
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

/** Thrown by services for a domain answer; the filter renders it as problem+json. */
export class ProblemException extends HttpException {
  constructor(status: HttpStatus, detail: string, errors?: FieldError[]) {
    super({ detail, errors }, status);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new ProblemException(HttpStatus.BAD_REQUEST, detail, errors);
export const notFound = (what: string, id: string) => new ProblemException(HttpStatus.NOT_FOUND, `No ${what} with id '${id}'.`);
export const conflict = (detail: string, errors?: FieldError[]) => new ProblemException(HttpStatus.CONFLICT, detail, errors);
export const unprocessable = (detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, detail, errors);
export const forbidden = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, detail);

/** For "does the referenced record exist?" checks: only a 404 means no; anything else (a database outage) passes through. */
export const isNotFound = (error: unknown): boolean => error instanceof HttpException && error.getStatus() === HttpStatus.NOT_FOUND;
