import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = /^[\w.:-]{8,128}$/;
type IdentifiedRequest = Request & { requestId?: string };

/**
 * Every request gets an id: the web's X-Request-Id (it logs the same one), or a new one. It comes
 * back in the response header and goes into every log line about the request.
 */
export function assignRequestId(req: IdentifiedRequest, res: Response, next: NextFunction): void {
  req.requestId = requestIdFor(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', req.requestId);
  next();
}

/** The caller's id when it is a sensible one, else a new one. */
export const requestIdFor = (given: string | string[] | undefined): string =>
  typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();

export const requestIdOf = (req: Request): string | undefined => (req as IdentifiedRequest).requestId;
